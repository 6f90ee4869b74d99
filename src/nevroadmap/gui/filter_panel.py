"""The filters dock: companies, technologies, status, years and free text.

Every control maps onto one field of :class:`~nevroadmap.core.query.RoadmapFilter`,
the filter that ``nevroadmap list`` and ``export`` use, so the app shows
exactly what the command line lists.  Nothing checked in a list means "no
restriction".  Controls are synced from the state with signals blocked, so a
state change never echoes back.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from nevroadmap.core.names import status_name
from nevroadmap.core.dates import MAX_YEAR, MIN_YEAR
from nevroadmap.core.facets import organization_count_array, technology_count_array
from nevroadmap.core.model import STATUS_ORDER
from nevroadmap.gui.state import AppState
from nevroadmap.gui.plain_text import plain_tooltip

__all__ = ["FilterPanel", "SEARCH_DEBOUNCE_MS"]

SEARCH_DEBOUNCE_MS = 150
NO_YEAR = MIN_YEAR - 1  # the spin boxes' "any" value
# up to this many milestones the companies' counts are counted at once; above, when the
# loader's worker has built the organization index (AppState.sigPrepared), so the first
# frame of a big tracker does not wait for them
COUNT_NOW_LIMIT = 20_000
ID_ROLE = Qt.ItemDataRole.UserRole


class FilterPanel(QWidget):
    sigSearchSubmitted = Signal()  # Enter in the search box (the search applied): go to the first match

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(8)

        # free text
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._submit_search)
        lay.addWidget(self.search)

        # companies
        box = self.org_box = QGroupBox(self)
        bl = QVBoxLayout(box)
        bl.setContentsMargins(6, 6, 6, 6)
        self.org_search = QLineEdit(box)
        self.org_search.setClearButtonEnabled(True)
        self.org_search.textChanged.connect(self._filter_org_list)
        self.org_list = QListWidget(box)
        self.org_list.setObjectName("organizationList")
        self.org_list.setUniformItemSizes(True)
        self.org_list.itemChanged.connect(self._on_org_item)
        row = QHBoxLayout()
        self.org_all = QPushButton(box)
        self.org_none = QPushButton(box)
        self.org_all.clicked.connect(lambda: self._check_orgs(True))
        self.org_none.clicked.connect(lambda: self._check_orgs(False))
        row.addWidget(self.org_search, 1)
        row.addWidget(self.org_all)
        row.addWidget(self.org_none)
        bl.addLayout(row)
        bl.addWidget(self.org_list)
        lay.addWidget(box, 3)

        # technologies
        box = self.tech_box = QGroupBox(self)
        bl = QVBoxLayout(box)
        bl.setContentsMargins(6, 6, 6, 6)
        self.tech_tree = QTreeWidget(box)
        self.tech_tree.setObjectName("technologyTree")
        self.tech_tree.setHeaderHidden(True)
        self.tech_tree.setUniformRowHeights(True)
        self.tech_tree.itemChanged.connect(self._on_tech_item)
        bl.addWidget(self.tech_tree)
        lay.addWidget(box, 3)

        # status and years
        box = self.status_box = QGroupBox(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(6, 6, 6, 6)
        self.status_boxes: dict = {}
        for i, st in enumerate(STATUS_ORDER):
            cb = QCheckBox(box)
            cb.toggled.connect(self._on_status)
            self.status_boxes[st] = cb
            grid.addWidget(cb, i // 2, i % 2)
        self.year_from = self._year_box(box)
        self.year_to = self._year_box(box)
        years = QHBoxLayout()
        self.years_label = QLabel(box)
        years.addWidget(self.years_label)
        years.addWidget(self.year_from, 1)
        years.addWidget(QLabel("–", box))
        years.addWidget(self.year_to, 1)
        grid.addLayout(years, 2, 0, 1, 2)
        lay.addWidget(box, 0)

        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(state.clear_filter)
        lay.addWidget(self.clear_button)

        self.retranslate()
        state.sigRoadmapChanged.connect(self._rebuild)
        state.sigFilterChanged.connect(self.sync_from_state)
        state.sigPrepared.connect(self._update_counts)
        self._rebuild()

    def retranslate(self) -> None:
        """Every text of the panel in the current language (again after a language change)."""
        self.search.setPlaceholderText(self.tr("Search titles, claims, people… (Ctrl+F)"))
        self.org_box.setTitle(self.tr("Companies"))
        self.org_search.setPlaceholderText(self.tr("Find a company"))
        self.org_all.setText(self.tr("All"))
        self.org_all.setToolTip(self.tr("Check every company listed (those matching the search above)"))
        self.org_none.setText(self.tr("None"))
        self.org_none.setToolTip(self.tr("Uncheck all companies: no company restriction"))
        for b in (self.org_all, self.org_none):
            b.setMaximumWidth(b.fontMetrics().horizontalAdvance(b.text()) + 24)
        self.tech_box.setTitle(self.tr("Technologies"))
        self.status_box.setTitle(self.tr("Status and years"))
        for st, cb in self.status_boxes.items():
            cb.setText(status_name(st.value))
        self.year_from.setSpecialValueText(self.tr("from: any"))
        self.year_to.setSpecialValueText(self.tr("to: any"))
        self.year_from.setToolTip(self.tr("First year shown (the lowest value means no limit)"))
        self.year_to.setToolTip(self.tr("Last year shown (the lowest value means no limit)"))
        self.years_label.setText(self.tr("Years"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show every milestone again (Ctrl+Shift+L)"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "clear_button"):
            self.retranslate()
            if hasattr(self, "_count_arrays"):  # "name (count)" is worded per language too: rewrite them all
                self._count_arrays.clear()
                self._update_counts()
        super().changeEvent(event)

    def _year_box(self, parent: QWidget) -> QSpinBox:
        sb = QSpinBox(parent)
        sb.setRange(NO_YEAR, MAX_YEAR)
        sb.setValue(NO_YEAR)
        sb.setKeyboardTracking(False)  # apply on Enter/focus-out/arrows, not per keystroke
        sb.valueChanged.connect(self._on_years)
        return sb

    # -- building from the roadmap -------------------------------------------------
    def _rebuild(self) -> None:
        rm = self.state.roadmap
        self._org_items: dict[str, QListWidgetItem] = {}
        self._tech_tree_items: dict[str, QTreeWidgetItem] = {}
        self._names: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._count_arrays: dict[str, np.ndarray] = {}  # the counts shown, per list, to find what changed
        self._org_checked: frozenset[str] = frozenset()  # what the list shows checked
        # combined once: each Qt flag "|" is a Python call, felt with thousands of companies
        item_flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
        with QSignalBlocker(self.org_list):
            self.org_list.clear()
            for o in sorted(rm.organizations, key=lambda o: o.name.lower()):
                it = QListWidgetItem(o.name)
                self._names[o.id] = o.name
                it.setData(ID_ROLE, o.id)
                it.setToolTip(plain_tooltip(" · ".join(x for x in (o.name, o.native_name, o.short_name, o.kind.value.replace("_", " "), o.country) if x)))
                it.setFlags(item_flags)
                it.setCheckState(Qt.CheckState.Unchecked)
                self.org_list.addItem(it)
                self._org_items[o.id] = it
        with QSignalBlocker(self.tech_tree):
            self.tech_tree.clear()
            area_items: dict[str, QTreeWidgetItem] = {}
            for a in rm.areas:
                ai = QTreeWidgetItem([a.name])
                ai.setData(0, ID_ROLE, None)
                ai.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                ai.setCheckState(0, Qt.CheckState.Unchecked)
                if a.description:
                    ai.setToolTip(0, plain_tooltip(a.description))
                area_items[a.id] = ai
                self.tech_tree.addTopLevelItem(ai)
            for t in rm.technologies:
                parent = area_items.get(t.area)
                ti = QTreeWidgetItem([t.name])
                self._names[t.id] = t.name
                self._tech_tree_items[t.id] = ti
                ti.setData(0, ID_ROLE, t.id)
                ti.setFlags(item_flags)
                ti.setCheckState(0, Qt.CheckState.Unchecked)
                if t.description:
                    ti.setToolTip(0, plain_tooltip(t.description))
                if parent is not None:
                    parent.addChild(ti)
                else:
                    self.tech_tree.addTopLevelItem(ti)
            # empty areas are noise
            for ai in area_items.values():
                if ai.childCount() == 0:
                    self.tech_tree.takeTopLevelItem(self.tech_tree.indexOfTopLevelItem(ai))
        self._filter_org_list(self.org_search.text())
        self.sync_from_state()

    def _update_counts(self) -> None:
        """The number beside each company and technology: its milestones among those the other filters keep."""
        f, idx = self.state.filter, self.state.index
        shown = self.state.mask  # computed once for the timeline anyway
        fmt = self.tr("%1 (%2)")
        if self._org_counts_ready():
            self._show_counts("org", idx.org_ids, organization_count_array(idx, f, shown), fmt,
                              self._org_items, QListWidgetItem.setText)
        self._show_counts("tech", idx.tech_ids, technology_count_array(idx, f, shown), fmt,
                          self._tech_tree_items, lambda ti, text: ti.setText(0, text))

    def _show_counts(self, kind: str, ids: list[str], counts: np.ndarray, fmt: str, items: dict, set_text) -> None:
        """Write the counts that changed (with thousands of companies, touch only those)."""
        before = self._count_arrays.get(kind)
        changed = np.flatnonzero(counts != before) if before is not None and len(before) == len(counts) \
            else np.arange(len(counts))
        self._count_arrays[kind] = counts
        with QSignalBlocker(self.org_list), QSignalBlocker(self.tech_tree):
            for i, n in zip(changed.tolist(), counts[changed].tolist()):
                key = ids[i]
                self._counts[key] = n
                it = items.get(key)
                if it is not None:
                    set_text(it, fmt.replace("%1", self._names.get(key, key)).replace("%2", f"{n:,}"))

    def count_of(self, key: str) -> int:
        """The count shown beside a company or technology id."""
        return self._counts.get(key, 0)

    def _org_counts_ready(self) -> bool:
        """False while the organization index of a big roadmap is still being built off the GUI thread."""
        return self.state.index.has_org_columns or len(self.state.roadmap.milestones) <= COUNT_NOW_LIMIT

    # -- state -> controls -------------------------------------------------------
    def sync_from_state(self) -> None:
        f = self.state.filter
        if self.search.text().strip() != f.text or not self.search.hasFocus():
            if " ".join(self.search.text().split()) != f.text:
                with QSignalBlocker(self.search):
                    self.search.setText(f.text)
        with QSignalBlocker(self.org_list):
            # touch only the items whose state changes: with thousands of companies a full
            # pass costs more than the whole filter
            for oid in self._org_checked ^ f.organizations:
                it = self._org_items.get(oid)
                if it is not None:
                    it.setCheckState(Qt.CheckState.Checked if oid in f.organizations else Qt.CheckState.Unchecked)
            self._org_checked = frozenset(o for o in f.organizations if o in self._org_items)
        with QSignalBlocker(self.tech_tree):
            for ti in self._tech_items():
                want = Qt.CheckState.Checked if ti.data(0, ID_ROLE) in f.technologies else Qt.CheckState.Unchecked
                if ti.checkState(0) != want:
                    ti.setCheckState(0, want)
            self._update_area_checks()
        for st, cb in self.status_boxes.items():
            with QSignalBlocker(cb):
                cb.setChecked(st in f.statuses)
        for sb, v in ((self.year_from, f.year_from), (self.year_to, f.year_to)):
            with QSignalBlocker(sb):
                sb.setValue(NO_YEAR if v is None else v)
        self.clear_button.setEnabled(not f.is_empty)
        self._update_counts()

    def _tech_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tech_tree.topLevelItemCount()):
            top = self.tech_tree.topLevelItem(i)
            if top.data(0, ID_ROLE):
                out.append(top)
            for j in range(top.childCount()):
                out.append(top.child(j))
        return out

    # -- controls -> state -------------------------------------------------------
    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.state.update_filter(text=self.search.text())

    def _submit_search(self) -> None:
        self._apply_search()
        self.sigSearchSubmitted.emit()

    def flush(self) -> None:
        """Apply a pending (debounced) search now."""
        if self._search_timer.isActive():
            self._apply_search()

    def _on_org_item(self, _item: QListWidgetItem) -> None:
        self.state.update_filter(organizations=frozenset(self.checked_organizations()))

    def checked_organizations(self) -> list[str]:
        return [self.org_list.item(i).data(ID_ROLE) for i in range(self.org_list.count())
                if self.org_list.item(i).checkState() == Qt.CheckState.Checked]

    def org_item(self, org_id: str) -> QListWidgetItem | None:
        return self._org_items.get(org_id)

    def tech_item(self, key: str) -> QTreeWidgetItem | None:
        """The tree item of a technology id, or of an area name."""
        for ti in self._tech_items():
            if ti.data(0, ID_ROLE) == key:
                return ti
        for i in range(self.tech_tree.topLevelItemCount()):
            top = self.tech_tree.topLevelItem(i)
            if top.text(0) == key:
                return top
        return None

    def _check_orgs(self, on: bool) -> None:
        with QSignalBlocker(self.org_list):
            for i in range(self.org_list.count()):
                it = self.org_list.item(i)
                if on and it.isHidden():
                    continue
                it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._on_org_item(None)

    def _filter_org_list(self, text: str) -> None:
        q = text.strip().lower()
        for i in range(self.org_list.count()):
            it = self.org_list.item(i)
            it.setHidden(bool(q) and q not in it.toolTip().lower() and q not in str(it.data(ID_ROLE)).lower())

    def _update_area_checks(self) -> None:
        """An area shows checked, partly checked or unchecked after its technologies."""
        for i in range(self.tech_tree.topLevelItemCount()):
            top = self.tech_tree.topLevelItem(i)
            n = top.childCount()
            if not n:
                continue
            on = sum(top.child(j).checkState(0) == Qt.CheckState.Checked for j in range(n))
            want = (Qt.CheckState.Unchecked if on == 0 else Qt.CheckState.Checked if on == n
                    else Qt.CheckState.PartiallyChecked)
            if top.checkState(0) != want:
                top.setCheckState(0, want)

    def _on_tech_item(self, item: QTreeWidgetItem, _col: int) -> None:
        with QSignalBlocker(self.tech_tree):
            if item is not None and item.data(0, ID_ROLE) is None and item.childCount():
                # an area: (un)check all its technologies at once
                want = Qt.CheckState.Unchecked if item.checkState(0) == Qt.CheckState.Unchecked else Qt.CheckState.Checked
                for j in range(item.childCount()):
                    item.child(j).setCheckState(0, want)
            self._update_area_checks()
        checked = frozenset(ti.data(0, ID_ROLE) for ti in self._tech_items() if ti.checkState(0) == Qt.CheckState.Checked)
        self.state.update_filter(technologies=checked)

    def _on_status(self, _on: bool) -> None:
        self.state.update_filter(statuses=frozenset(st for st, cb in self.status_boxes.items() if cb.isChecked()))

    def _on_years(self, _v: int) -> None:
        lo = None if self.year_from.value() == NO_YEAR else self.year_from.value()
        hi = None if self.year_to.value() == NO_YEAR else self.year_to.value()
        if lo is not None and hi is not None and lo > hi:
            # a window must not end before it starts: move the other end along
            moved, value = (self.year_to, lo) if self.sender() is self.year_from else (self.year_from, hi)
            with QSignalBlocker(moved):
                moved.setValue(value)
            lo, hi = (lo, lo) if moved is self.year_to else (hi, hi)
        self.state.update_filter(year_from=lo, year_to=hi)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
