"""The details dock: the selected milestone with every claim behind it, or a company.

A :class:`SafeTextBrowser` shows HTML built by :mod:`details_html` (all data
text escaped).  It never follows a link by itself and never loads a resource:
internal links (``milestone:ID``, ``org:ID``) select inside the app, and web
links open in the user's browser only when clicked, only for http(s).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from nevroadmap.gui.details_html import (
    Colors, milestone_html, organization_html, placeholder_html, safe_http_url,
)
from nevroadmap.gui.state import AppState, Selection

__all__ = ["DetailsPanel", "SafeTextBrowser", "open_external"]


def open_external(url: QUrl) -> bool:
    """Open an http(s) URL in the user's browser; refuse anything else."""
    text = url.toString()
    if url.scheme().lower() not in ("http", "https") or safe_http_url(text) is None:
        return False
    return QDesktopServices.openUrl(url)


class SafeTextBrowser(QTextBrowser):
    """A text browser that loads nothing: no images, no style sheets, no remote anything.

    Keyboard: Tab walks its links forward; Shift+Tab walks back only from a link that is not the first,
    otherwise it leaves (no trap in a long list of links); Esc emits ``sigEscape``.
    """

    sigEscape = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.loaded_requests: list[str] = []  # what was asked for (and refused), for tests

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 (Qt override)
        self.loaded_requests.append(name.toString())
        return None

    def on_link(self) -> bool:
        """Whether the keyboard is on a link (Tab put it there)."""
        cur = self.textCursor()
        return cur.hasSelection() and cur.charFormat().isAnchor()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt override)
        if not next and not self.on_link():
            return QWidget.focusNextPrevChild(self, next)  # leave, rather than jump to the last link
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            self.sigEscape.emit()
            return
        super().keyPressEvent(event)


class DetailsPanel(QWidget):
    sigStatusMessage = Signal(str)  # hover text for the status bar

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.browser = SafeTextBrowser(self)
        self.browser.setObjectName("detailsBrowser")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.browser)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.browser.highlighted.connect(self._on_hover)
        self.opened_urls: list[str] = []  # web links handed to the browser (for tests and the log)
        self._open_external = open_external
        state.sigSelectionChanged.connect(self.refresh)
        state.sigRoadmapChanged.connect(self.refresh)
        state.sigFilterChanged.connect(self._on_filter)
        self.refresh()

    # -- content ---------------------------------------------------------------
    def colors(self) -> Colors:
        pal = self.palette()
        dark = pal.color(QPalette.ColorRole.Base).lightness() < 128
        if dark:
            return Colors(text=pal.color(QPalette.ColorRole.Text).name(), muted="#9aa4b1", link=pal.color(QPalette.ColorRole.Link).name(),
                          quote_bg="#2b3038", rule="#454c56", warn="#f0a35e")
        return Colors(text=pal.color(QPalette.ColorRole.Text).name(), link=pal.color(QPalette.ColorRole.Link).name())

    def current_html(self) -> str:
        rm = self.state.roadmap
        sel = self.state.selection
        colors = self.colors()
        if sel is not None and sel.kind == "milestone" and sel.id in rm.milestone_by_id:
            return milestone_html(rm, rm.milestone_by_id[sel.id], colors, shown=self.state.is_shown(sel.id),
                                  focus_claim=sel.claim)
        if sel is not None and sel.kind == "organization" and sel.id in rm.organization_by_id:
            return organization_html(rm, rm.organization_by_id[sel.id], colors, is_shown=self.state.is_shown,
                                     milestone_ids=self.state.milestones_of_organization(sel.id),
                                     claims=self.state.claims_by_organization().get(sel.id, []))
        return placeholder_html(colors, rm)

    def refresh(self) -> None:
        bar = self.browser.verticalScrollBar()
        same = getattr(self, "_shown_selection", object()) == self.state.selection
        pos = bar.value() if same else 0
        self.browser.setHtml(self.current_html())
        self._shown_selection = self.state.selection
        bar.setValue(pos)
        if not same and self.state.selection is not None and self.state.selection.claim:
            self.browser.scrollToAnchor(f"claim-{self.state.selection.claim}")

    def _on_filter(self) -> None:
        # "hidden by filters" notes depend on the filter
        if self.state.selection is not None:
            self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (event.Type.PaletteChange, event.Type.LanguageChange):
            self.refresh()

    def text(self) -> str:
        """What the panel shows, as plain text."""
        return self.browser.toPlainText()

    def anchors(self) -> list[str]:
        """Every link target in the panel (what a click could follow)."""
        out = []
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isAnchor():
                    out.extend(h for h in [fmt.anchorHref()] if h and (not out or out[-1] != h))
                it += 1
            block = block.next()
        return out

    # -- links -----------------------------------------------------------------
    def _on_anchor(self, url: QUrl) -> None:
        self.follow(url)

    def follow(self, url: QUrl | str) -> None:
        """What clicking a link does."""
        url = QUrl(url) if isinstance(url, str) else url
        scheme = url.scheme().lower()
        if scheme in ("http", "https"):
            if safe_http_url(url.toString()) and self._open_external(url):
                self.opened_urls.append(url.toString())
            return
        sel = Selection.from_url(url.toString())
        if sel is not None:
            self.state.select(sel)

    def _on_hover(self, url: QUrl) -> None:
        text = url.toString() if isinstance(url, QUrl) else str(url)
        sel = Selection.from_url(text)
        if sel is not None:
            rm = self.state.roadmap
            name = (rm.milestone_by_id[sel.id].title if sel.kind == "milestone" and sel.id in rm.milestone_by_id
                    else rm.org_label(sel.id))
            text = self.tr("Show %1").replace("%1", name)
        self.sigStatusMessage.emit(text)
