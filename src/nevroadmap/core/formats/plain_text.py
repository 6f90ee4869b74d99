"""HTML as plain text: tags removed, entities decoded, link targets kept as text.

TimelineJS headlines and texts may hold HTML.  The app shows text only, so
markup is turned into the words a reader would see: ``<b>x</b>`` is ``x``,
``&amp;`` is ``&``, ``<a href="https://e.org">site</a>`` is
``site (https://e.org)``, ``<br>`` and paragraphs become line breaks, and the
content of ``<script>``, ``<style>`` and similar elements is dropped.  Nothing
is fetched, run or interpreted; the standard library's HTML tokenizer is used
only to find where tags are.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "one_line"]

_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
    "table", "tr", "ul",
})
_DROPPED = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "math", "head", "title"})
_SPACES = re.compile(r"[ \t\f\v\r\u00a0]+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0  # depth inside <script> and friends
        self.links: list[tuple[str | None, int]] = []  # open <a>: href and where its label starts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.dropping += 1
            return
        if self.dropping:
            return
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag == "a":
            href = dict(attrs).get("href")
            self.links.append(((href or "").strip() or None, len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK and not self.dropping:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping:
            return
        if tag == "a" and self.links:
            href, start = self.links.pop()
            label = " ".join("".join(self.parts[start:]).split())
            if href and href != label:
                self.parts.append(f" ({href})" if label else href)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """Plain text of an HTML fragment, paragraphs kept as line breaks (``""`` for ``None``)."""
    if not text:
        return ""
    if "<" not in text and "&" not in text:
        lines = (_SPACES.sub(" ", ln).strip() for ln in text.splitlines())
    else:
        p = _TextParser()
        p.feed(text)
        p.close()
        lines = (_SPACES.sub(" ", ln).strip() for ln in "".join(p.parts).replace("\r", "\n").split("\n"))
    out: list[str] = []
    for ln in lines:  # at most one empty line between paragraphs
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


def one_line(text: str) -> str:
    """:func:`html_to_text` on one line (for headlines and names)."""
    return " ".join(html_to_text(text).split())
