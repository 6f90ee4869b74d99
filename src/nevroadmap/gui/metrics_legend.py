"""The metrics pane's legend: one line under the chart, the whole legend in a popup.

A legend of several lines took the chart's room on a laptop screen (a tracker
with a hundred organizations and five scopes: four lines, the chart 70 px
tall).  The line names as many organizations as fit, counts the rest, keeps
the keys (achieved, forecast, hedged, scopes) and, when anything is left out,
ends in a "More" link that opens every entry above it (Esc or a click
elsewhere closes it), like the timeline's legend.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

__all__ = ["MetricsLegend"]

GAP = "&nbsp;&nbsp;&nbsp; "  # between entries (a line may break after it)
GLYPH_PX = 14
MORE_HREF = "#more"


def entries_html(entries) -> str:
    """(label, colour, glyph) entries as the legend's rich text; every label escaped (it is data), and
    kept in one piece (lines break between entries, not inside "no scope given")."""
    return GAP.join(f'<span style="white-space:nowrap"><span style="color:{html.escape(color)}; '
                    f'font-size:{GLYPH_PX}px">{glyph}</span>&nbsp;{html.escape(label)}</span>'
                    for label, color, glyph in entries)


class MetricsLegend(QLabel):
    """The legend line; :meth:`set_entries` takes the plot's legend (see ``MetricsPlot.legend_parts``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metricsLegend")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)  # only when even the keys do not fit in one line
        self.setContentsMargins(8, 0, 8, 2)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(lambda _href: self.show_popup())
        self._make = None  # max_orgs -> entries
        self._all: list = []
        self.popup: QFrame | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Legend of the metrics chart"))
        self.refit()

    def changeEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def set_entries(self, make, n_orgs: int) -> None:
        """``make(k)``: the entries with ``k`` organizations named (0 <= k <= ``n_orgs``); the line shows
        the longest that fits."""
        self._make, self._n_orgs = make, n_orgs
        self._all = make(n_orgs)
        self.refit()

    def refit(self) -> None:
        if self._make is None:
            return
        room = self.contentsRect().width() - 8
        width = self._measure()
        line = self._all
        k = self._n_orgs
        while k > 1 and width(line) > room:  # fewer organizations named, the rest counted ...
            k -= 1
            line = self._make(k)
        more = ""
        if line != self._all or width(line) > room:  # something left out: all of it in the popup
            word = self.tr("More")
            link = f'<a href="{MORE_HREF}">{html.escape(word)}&nbsp;\u25b8</a>'
            more_w = self.fontMetrics().horizontalAdvance(word + "  \u25b8")
            while len(line) > 1 and width(line) + more_w > room:
                line = line[:-1]  # ... then the last keys go to the popup too (one name and its count stay)
            more = GAP + link
        text = entries_html(line) + more
        if text != self.text():  # a new text relays out the pane
            self.setText(text)

    def _measure(self):
        """``width(entries)``: the width of entries in one line; each entry is measured once."""
        fm = self.fontMetrics()
        glyph_font = self.font()
        glyph_font.setPixelSize(GLYPH_PX)
        gfm = QFontMetrics(glyph_font)
        gap = fm.horizontalAdvance("\u00a0\u00a0\u00a0 ")
        known: dict[tuple[str, str], float] = {}

        def one(label: str, glyph: str) -> float:
            w = known.get((label, glyph))
            if w is None:
                w = known[(label, glyph)] = gfm.horizontalAdvance(glyph) + fm.horizontalAdvance("\u00a0" + label)
            return w

        return lambda entries: sum(one(label, g) for label, _c, g in entries) + gap * max(len(entries) - 1, 0)

    def keyPressEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        if ev.key() == Qt.Key.Key_Space and MORE_HREF in self.text():  # Enter opens the link; Space too
            self.show_popup()
            return
        super().keyPressEvent(ev)

    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(ev)
        if ev.oldSize().width() != ev.size().width():
            self.refit()  # as many organizations named as now fit

    def show_popup(self) -> QFrame:
        """Every entry of the legend, wrapped, just above the line."""
        if self.popup is not None:
            self.popup.close()
            self.popup.deleteLater()
        pop = QFrame(self.window(), Qt.WindowType.Popup)
        pop.setObjectName("metricsLegendPopup")
        pop.setFrameShape(QFrame.Shape.Box)
        body = QLabel(entries_html(self._all), pop)
        body.setObjectName("metricsLegendAll")
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setWordWrap(True)
        lay = QVBoxLayout(pop)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(body)
        width = max(self.width(), 240)
        pop.resize(width, body.heightForWidth(width - 16) + 16)
        from nevroadmap.gui.legend_popup import show_above  # its first use: not needed to start

        show_above(pop, self.mapToGlobal(QPoint(0, 0)), self)
        self.popup = pop
        return pop
