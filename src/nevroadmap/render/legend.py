"""The legend: status styles, uncertainty glyphs and group colours.

Swatches are painted with the same styles as the timeline (``status_style``),
so the legend, the app and the exported images always agree.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from nevroadmap.core.names import status_name
from nevroadmap.core.i18n import _
from nevroadmap.render.theme import STATUS_LABELS, Theme, fill_fade, get_theme, status_style

# shared objects: passing the Qt.NoPen enum to setPen repeatedly trips a PySide refcount bug
_NO_PEN = QtGui.QPen(QtCore.Qt.NoPen)
_NO_BRUSH = QtGui.QBrush(QtCore.Qt.NoBrush)

__all__ = ["LegendItem", "legend_entries", "paint_legend", "legend_height"]

_SWATCH_W, _SWATCH_H = 26.0, 12.0
NEUTRAL = {"light": "#6f7c8c", "dark": "#93a1b5"}


def legend_entries(groups: list[tuple[str, str]] | None = None) -> list[tuple[str, str, object]]:
    """(kind, text, arg) in display order; kind picks the swatch painter."""
    out: list[tuple[str, str, object]] = [("status", status_name(lbl.lower()), i) for i, lbl in enumerate(STATUS_LABELS)]
    out += [("point", _("Single date"), None), ("open", _("Open end (2030+)"), None),
            ("approx", _("Approximate (~2027)"), None), ("deadline", _("Deadline (by 2026)"), None),
            ("today", _("Today"), None)]
    for name, color in groups or []:
        out.append(("group", name, color))
    return out


def _paint_swatch(p: QtGui.QPainter, kind: str, arg, r: QtCore.QRectF, th: Theme) -> None:
    st = status_style(th, NEUTRAL.get(th.name, "#6f7c8c"), int(arg) if kind == "status" else 0, 1.0)
    if kind == "status":
        p.setPen(st.pen)
        p.setBrush(st.fill)
        p.drawRect(r)
        if st.hatch is not None:
            p.setPen(_NO_PEN)
            p.setBrush(st.hatch)
            p.drawRect(r)
    elif kind == "point":
        c = r.center()
        m = r.height() * 0.55
        p.setRenderHint(QtGui.QPainter.Antialiasing, True)
        p.setPen(st.pen)
        p.setBrush(st.fill)
        p.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(c.x(), c.y() - m), QtCore.QPointF(c.x() + m, c.y()),
                                       QtCore.QPointF(c.x(), c.y() + m), QtCore.QPointF(c.x() - m, c.y())]))
    elif kind == "open":
        solid = QtCore.QRectF(r.left(), r.top(), r.width() * 0.4, r.height())
        p.setPen(st.pen)
        p.setBrush(st.fill)
        p.drawRect(solid)
        fill_fade(p, QtCore.QRectF(solid.right(), r.top(), r.width() * 0.6, r.height()), st.fade, False, th.background)
    elif kind == "approx":
        e = r.width() * 0.28
        fill_fade(p, QtCore.QRectF(r.left(), r.top(), e, r.height()), st.fade, True, th.background)
        fill_fade(p, QtCore.QRectF(r.right() - e, r.top(), e, r.height()), st.fade, False, th.background)
        p.setPen(st.pen)
        p.setBrush(st.fill)
        p.drawRect(QtCore.QRectF(r.left() + e, r.top(), r.width() - 2 * e, r.height()))
    elif kind == "deadline":
        tw = 3.0
        sh = r.height() * 0.34
        fill_fade(p, QtCore.QRectF(r.left(), r.center().y() - sh / 2, r.width() - tw, sh), st.fade, True, th.background)
        p.setPen(_NO_PEN)
        p.setBrush(st.pen.color())
        p.drawRect(QtCore.QRectF(r.right() - tw, r.top(), tw, r.height()))
    elif kind == "today":
        p.setPen(QtGui.QPen(QtGui.QColor(th.today), 1.5))
        x = r.center().x()
        p.drawLine(QtCore.QPointF(x, r.top() - 2), QtCore.QPointF(x, r.bottom() + 2))
    elif kind == "group":
        p.setPen(_NO_PEN)
        p.setBrush(QtGui.QColor(str(arg)))
        p.drawRect(QtCore.QRectF(r.left() + r.width() / 2 - 6, r.top(), 12, r.height()))


def _layout(entries, width: float, fm: QtGui.QFontMetricsF, scale: float):
    """Positions (x, line) of each entry, wrapping to new lines."""
    gap, spacing = 6 * scale, 18 * scale
    x, line, out = 0.0, 0, []
    for kind, text, arg in entries:
        w = _SWATCH_W * scale + gap + fm.horizontalAdvance(text)
        if kind == "group" and out and out[-1][0] != "group" and x > 0:
            x += spacing  # a little more room before the group colours
        if x > 0 and x + w > width:
            x, line = 0.0, line + 1
        out.append((kind, text, arg, x, line, w))
        x += w + spacing
    return out


def legend_height(entries, width: float, th: Theme, scale: float = 1.0) -> float:
    fm = QtGui.QFontMetricsF(th.font(th.small_px * scale))
    placed = _layout(entries, width, fm, scale)
    lines = (max(e[4] for e in placed) + 1) if placed else 0
    return lines * max(fm.height(), _SWATCH_H * scale) * 1.5


def paint_legend(p: QtGui.QPainter, rect: QtCore.QRectF, entries, th: Theme, scale: float = 1.0) -> None:
    font = th.font(th.small_px * scale)
    fm = QtGui.QFontMetricsF(font)
    line_h = max(fm.height(), _SWATCH_H * scale) * 1.5
    placed = _layout(entries, rect.width(), fm, scale)
    p.save()
    p.setFont(font)
    for kind, text, arg, x, line, _w in placed:
        top = rect.top() + line * line_h
        cy = top + line_h / 2
        sw = QtCore.QRectF(rect.left() + x, cy - _SWATCH_H * scale / 2, _SWATCH_W * scale, _SWATCH_H * scale)
        p.save()
        p.setRenderHint(QtGui.QPainter.Antialiasing, kind == "point")
        _paint_swatch(p, kind, arg, sw, th)
        p.restore()
        p.setPen(QtGui.QColor(th.foreground))
        p.drawText(QtCore.QPointF(sw.right() + 6 * scale, cy + (fm.ascent() - fm.descent()) / 2), text)
    p.restore()


class LegendItem(pg.GraphicsWidget):
    """A legend strip that wraps to as many lines as its width needs.

    Where it would take more than :attr:`FOLD_LINES` lines (a small window)
    it folds into one line ending in "More (N)"; a click unfolds it, and a
    click folds it again.  ``sigFoldChanged`` tells the owner to lay it out anew.
    With ``popup_more`` a click asks the owner (``sigMoreClicked``) to show the
    whole legend in a popup instead, so it never takes the lanes' room.
    """

    sigFoldChanged = QtCore.Signal()
    sigMoreClicked = QtCore.Signal()  # with ``popup_more``: the owner shows the whole legend in a popup
    FOLD_LINES = 2

    def __init__(self, theme: Theme | str = "light", groups: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.theme = get_theme(theme)
        self.entries = legend_entries(groups)
        self.scale = 1.0
        self.expanded = False
        self.popup_more = False  # True: "More" asks for a popup (sigMoreClicked) rather than unfolding in place
        self._more_rect = QtCore.QRectF()

    def set_theme(self, theme: Theme | str) -> None:
        self.theme = get_theme(theme)
        self.update()

    def set_groups(self, groups: list[tuple[str, str]] | None) -> None:
        self.entries = legend_entries(groups)
        self.updateGeometry()
        self.update()

    def _fm(self) -> QtGui.QFontMetricsF:
        return QtGui.QFontMetricsF(self.theme.font(self.theme.small_px * self.scale))

    def _more_text(self, hidden: int) -> str:
        return (QtCore.QCoreApplication.translate("legend", "Less ◂") if self.expanded
                else QtCore.QCoreApplication.translate("legend", "More (%1) ▸").replace("%1", str(hidden)))

    def folds(self, width: float) -> bool:
        """Whether the whole legend would take more lines than :attr:`FOLD_LINES` at ``width``."""
        placed = _layout(self.entries, width, self._fm(), self.scale)
        return bool(placed) and max(e[4] for e in placed) + 1 > self.FOLD_LINES

    def shown_entries(self, width: float) -> tuple[list, str]:
        """The entries drawn at ``width`` and the fold link's text ('' when the legend does not fold)."""
        if not self.folds(width):
            return self.entries, ""
        if self.expanded:
            return self.entries, self._more_text(0)
        fm = self._fm()
        reserve = fm.horizontalAdvance(self._more_text(len(self.entries))) + 24 * self.scale
        placed = _layout(self.entries, max(width - reserve, 1.0), fm, self.scale)
        first = [e for e in placed if e[4] == 0]
        return self.entries[:len(first)], self._more_text(len(self.entries) - len(first))

    def height_for(self, width: float) -> float:
        entries, _more = self.shown_entries(width)
        return legend_height(entries, width, self.theme, self.scale)

    def paint(self, p, opt=None, widget=None):
        rect = self.rect()
        entries, more = self.shown_entries(rect.width())
        paint_legend(p, rect, entries, self.theme, self.scale)
        self._more_rect = QtCore.QRectF()
        if more:
            fm = self._fm()
            line_h = max(fm.height(), _SWATCH_H * self.scale) * 1.5
            w = fm.horizontalAdvance(more)
            if self.expanded:
                lines = int(round(legend_height(entries, rect.width(), self.theme, self.scale) / line_h))
                y = rect.top() + (lines - 1) * line_h
            else:
                y = rect.top()
            self._more_rect = QtCore.QRectF(rect.right() - w - 8 * self.scale, y, w + 8 * self.scale, line_h)
            p.save()
            p.setFont(self.theme.font(self.theme.small_px * self.scale, bold=True))
            p.setPen(QtGui.QColor(self.theme.selection if self.theme.name == "dark" else "#0b62c4"))
            p.drawText(self._more_rect, int(QtCore.Qt.AlignRight | QtCore.Qt.AlignVCenter), more)
            p.restore()

    def toggle_fold(self) -> None:
        self.expanded = not self.expanded
        self.sigFoldChanged.emit()
        self.update()

    def mouseClickEvent(self, ev):  # noqa: N802 (pyqtgraph API)
        if ev.button() == QtCore.Qt.LeftButton and self._more_rect.contains(ev.pos()):
            ev.accept()
            if self.popup_more and not self.expanded:
                self.sigMoreClicked.emit()
            else:
                self.toggle_fold()
        else:
            ev.ignore()


def groups_of(layout) -> list[tuple[str, str]]:
    """(group name, colour) of a layout's lanes, in order, once each."""
    seen: dict[str, str] = {}
    for ln in layout.lanes:
        seen.setdefault(ln.group[:1].upper() + ln.group[1:], ln.color)
    return list(seen.items())
