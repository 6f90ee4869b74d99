"""The argument parser of ``nevroadmap`` (no Qt, no data: imported by every command)."""

from __future__ import annotations

import argparse

from nevroadmap import __version__
from nevroadmap.core.i18n import _
from nevroadmap.core.language import LANGUAGES
from nevroadmap.core.safe_text import visible
from nevroadmap.core.textwidth import wrap

__all__ = ["SUBCOMMANDS", "build_parser", "DEFAULT_WIDTH", "DEFAULT_HEIGHT", "DEFAULT_DPI"]

SUBCOMMANDS = ("validate", "list", "claims", "export", "gui")
DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_DPI = 1920, 1080, 96


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, wrapping Chinese text by its display width (it has no spaces to break at)."""

    def _split_lines(self, text, width):
        if text.isascii():
            return super()._split_lines(text, width)
        return wrap(self._whitespace_matcher.sub(" ", text).strip(), width)

    def _fill_text(self, text, width, indent):
        if text.isascii():
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + ln for ln in wrap(self._whitespace_matcher.sub(" ", text).strip(),
                                                      width - len(indent)))


def export_epilog() -> str:
    """The epilog of ``export --help``, in the current language."""
    return _(
        "Size and density: --width and --height are output pixels; --dpi is the pixel density (96 = 1x, "
        "192 = 2x). The page is laid out at width x height x 96/dpi logical pixels, and a logical page "
        "larger than 1920 x 1080 scales its text up with it, so text keeps its size relative to the page: "
        "'--width 3840 --height 2160' and '--width 3840 --height 2160 --dpi 192' both give the "
        "1920 x 1080 slide drawn at 2x. For PDF, width, height and dpi set the paper size "
        "(A4 landscape: --width 2246 --height 1588 --dpi 192). PNG images are limited to 120 megapixels. "
        "Exit status: 0 written; 1 the data cannot be loaded or the file cannot be written; 2 a bad request "
        "(format, folder, size, an output that is a link, device or FIFO, unknown name, a filter that "
        "matches nothing without --allow-empty). Nothing is written on error.")


MAX_YEAR_DIGITS = 6  # years are checked against the data's range later; this only keeps them numbers


def year(text: str) -> int:
    """An argparse type: a whole year, refused with argparse's one-line error when absurd."""
    text = text.strip()
    digits = text.lstrip("+-")
    if not digits.isdigit() or not digits.isascii() or len(digits) > MAX_YEAR_DIGITS:
        raise argparse.ArgumentTypeError(_("not a year: {text}").format(text=text[:20] + ("…" if len(text) > 20 else "")))
    return int(text)


def _add_filter_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(_("filter (same meaning in list, export and the app)"))
    g.add_argument("--company", action="append", default=[], metavar="X",
                   help=_("organization id or name (repeatable; any of them)"))
    g.add_argument("--technology", action="append", default=[], metavar="Y",
                   help=_("technology or area id or name (repeatable; any of them)"))
    g.add_argument("--status", action="append", default=[], metavar="S",
                   help=_("achieved, announced, planned or forecast (repeatable)"))
    g.add_argument("--from", dest="year_from", type=year, metavar="YEAR", help=_("first year shown"))
    g.add_argument("--to", dest="year_to", type=year, metavar="YEAR", help=_("last year shown"))
    g.add_argument("--search", default="", metavar="TEXT",
                   help=_("words that must all appear in a milestone or its claims"))


class _Parser(argparse.ArgumentParser):
    """argparse with help wrapped by display width; the arguments it refuses and quotes
    are shown escaped and capped, like every message."""

    def __init__(self, *args, **kw) -> None:
        kw.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kw)

    def error(self, message: str):  # type: ignore[override]
        super().error(visible(message, 500))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="nevroadmap",
        description=_("NEV Roadmap: new-energy-vehicle technology roadmap built from attributed claims. "
                      "With no subcommand, \"nevroadmap [PATH]\" opens the desktop app on the data file or folder PATH "
                      "(default: the bundled dataset)."),
    )
    parser.add_argument("--version", action="version", version=f"nevroadmap {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--lang", metavar="LANG", choices=LANGUAGES,
                        help=_("interface language: {choices} (default: $NEVROADMAP_LANG or the system's; "
                               "may stand anywhere on the line)").format(choices=", ".join(LANGUAGES)))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    data_help = _("data file or folder (default: bundled dataset)")

    g = sub.add_parser("gui", help=_("open the desktop app (the default)"))
    g.add_argument("path", nargs="?", help=data_help)

    v = sub.add_parser("validate", help=_("check a data file or folder and report every problem"))
    v.add_argument("path", nargs="?", help=data_help)

    ls = sub.add_parser("list", help=_("print the milestones that match a filter"))
    ls.add_argument("path", nargs="?", help=data_help)
    _add_filter_options(ls)
    ls.add_argument("--format", choices=("table", "csv", "json"), default="table",
                    help=_("output format: a table to read, CSV or JSON (default: table)"))

    c = sub.add_parser("claims", help=_("list the claims with their values, units, bounds, scope, speaker and source"))
    c.add_argument("path", nargs="?", help=data_help)
    c.add_argument("--metric", default=None, metavar="M",
                   help=_('a metric by name, e.g. "energy density" or "NEV penetration rate (%%) - China"'))
    c.add_argument("--all-claims", action="store_true",
                   help=_("also list claims that give a date but no figure (without --metric)"))
    _add_filter_options(c)
    c.add_argument("--format", choices=("table", "csv", "json"), default="table",
                    help=_("output format: a table to read, CSV or JSON (default: table)"))

    ex = sub.add_parser("export", help=_("write the roadmap as PNG, SVG or PDF (no display needed)"),
                        epilog=export_epilog())
    ex.add_argument("path", nargs="?", help=data_help)
    ex.add_argument("-o", "--output", required=True, metavar="OUT", help=_("output file: .png, .svg or .pdf"))
    ex.add_argument("--width", type=int, default=None, metavar="W",
                    help=_("width in output pixels (default {n})").format(n=DEFAULT_WIDTH))
    ex.add_argument("--height", type=int, default=None, metavar="H",
                    help=_("height in output pixels (default {n})").format(n=DEFAULT_HEIGHT))
    ex.add_argument("--dpi", type=int, default=None, metavar="D",
                    help=_("pixel density (default {n} = 1x; 192 = the same picture at 2x); "
                           "sets the PDF page size and the PNG resolution").format(n=DEFAULT_DPI))
    ex.add_argument("--group-by", choices=("technology", "company"), default="technology",
                    help=_("one lane per technology or per company (default: technology)"))
    ex.add_argument("--title", default=None, metavar="TEXT", help=_("the title printed above the chart"))
    ex.add_argument("--theme", choices=("light", "dark"), default="light", help=_("colours (default: light)"))
    ex.add_argument("--no-legend", action="store_true", help=_("leave out the legend"))
    ex.add_argument("--no-title", action="store_true", help=_("leave out the title and subtitle"))
    ex.add_argument("--no-attribution", action="store_true", help=_("leave out the source line at the bottom"))
    ex.add_argument("--allow-empty", action="store_true", help=_("exit 0 even when the filter matches nothing"))
    ex.add_argument("--metric", default=None, metavar="M",
                    help=_("add the metrics pane for metric M below the roadmap (named as in `claims --metric`)"))
    ex.add_argument("--footnotes", action="store_true",
                    help=_("list the sources behind the shown milestones, numbered, below the picture"))
    _add_filter_options(ex)
    return parser
