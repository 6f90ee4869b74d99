"""Names for screen readers and the Tab order of the main window, in one place.

Every control gets an accessible name (what a screen reader says) and the
Tab key visits them in reading order: the search box, the filters from top to
bottom, the timeline, the metrics pane under it, then the details.  Texts are translated here and again
on a language change (:func:`name_controls` is called from the window's
retranslation).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

__all__ = ["name_controls", "set_tab_order", "tab_chain"]

CONTEXT = "accessibility"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def name_controls(window) -> None:
    """Accessible names (and descriptions) of the window's controls."""
    fp = window.filter_panel
    named = {
        window.timeline: _tr("Timeline"),
        window.timeline.scrollbar: _tr("Scroll the lanes"),
        fp.search: _tr("Search milestones"),
        fp.org_search: _tr("Find a company in the list"),
        fp.org_all: _tr("Check every listed company"),
        fp.org_none: _tr("Uncheck all companies"),
        fp.org_list: _tr("Companies"),
        fp.tech_tree: _tr("Technologies"),
        fp.year_from: _tr("First year shown"),
        fp.year_to: _tr("Last year shown"),
        fp.clear_button: _tr("Clear filters"),
        window.details_panel.browser: _tr("Details of the selection"),
        window.metrics_pane.picker: _tr("Metric shown under the timeline"),
        window.metrics_pane.view: _tr("Claimed figures on the time axis"),
        window.toolbar: _tr("Main toolbar"),
        window.status_bar.counts: _tr("Milestones shown"),
        window.status_bar.message: _tr("Messages"),
    }
    for st, cb in fp.status_boxes.items():
        named[cb] = cb.text().replace("&", "")
    for w, name in named.items():
        w.setAccessibleName(name)
    window.timeline.setToolTip(_tr("Arrows, Tab: walk the milestones · Enter: details · Esc: clear · "
                                   "+/-: zoom · F: fit"))
    window.timeline.setWhatsThis(window.timeline.toolTip())


def tab_chain(window) -> list[QWidget]:
    """The controls in the order Tab visits them."""
    fp = window.filter_panel
    return [fp.search, fp.org_search, fp.org_all, fp.org_none, fp.org_list, fp.tech_tree,
            *fp.status_boxes.values(), fp.year_from, fp.year_to, fp.clear_button,
            window.timeline, window.metrics_pane.picker, window.metrics_pane.compare_button,
            window.details_panel.browser]


def set_tab_order(window) -> None:
    chain = tab_chain(window)
    for a, b in zip(chain, chain[1:]):
        QWidget.setTabOrder(a, b)
