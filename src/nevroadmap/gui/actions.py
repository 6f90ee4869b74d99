"""The one table of the app's commands, and the code that builds menus, toolbar and help from it.

Every command the user can give is one :class:`ActionSpec` row in
:data:`ACTIONS`: its id, text, shortcuts, icon, the slot it calls, where it
sits in the menus and on the toolbar, and the group it is listed under in
``Help > Keyboard Shortcuts``.  Nothing else declares a shortcut.

Two scopes keep the keys from fighting the text fields:

* ``window`` actions (``Ctrl+E``, ``Ctrl+F``, ``F5`` ...) are window-level
  shortcuts (:attr:`Qt.ShortcutContext.WindowShortcut`): they work wherever
  the focus is, also in the search box.
* ``timeline`` actions (``F``, ``+``, ``-``, ``Home``, the arrows ...) are
  added to the timeline widget with
  :attr:`Qt.ShortcutContext.WidgetWithChildrenShortcut`: they act only while
  the timeline has the focus, so typing ``F`` or ``+`` in a text field types
  it and the arrows move the text cursor or step a spin box.  (A text field
  that claims a window shortcut for editing is handled by
  :mod:`nevroadmap.gui.shortcut_guard`.)

Texts are source strings marked with ``QT_TRANSLATE_NOOP("actions", ...)``
and translated when the actions are built (and again on a language change).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMenuBar, QToolBar, QToolButton, QWidget

from nevroadmap.core.language import NATIVE_NAMES

__all__ = [
    "ActionSpec", "ACTIONS", "MENUS", "TOOLBAR_GROUPS", "HELP_GROUPS", "ZOOM_STEP", "PAN_STEP", "CONTEXT",
    "spec", "typable", "build_actions", "retranslate", "build_menus", "build_toolbar", "shortcut_rows",
    "shortcut_texts",
]

CONTEXT = "actions"  # the translation context of every text in this table
ZOOM_STEP = 1.5
PAN_STEP = 0.2
K = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One command: what it says, which keys, what it calls and where it is shown.

    ``slot`` names a method of the scope's target (the window, or the
    timeline widget for ``scope="timeline"``), called with ``args`` (and the
    new checked state for a checkable action).  ``slot=None`` means the
    window provides a ready-made action (a dock's toggle action) that the
    table only dresses and places.  ``menu`` is a path of menu ids
    (``"view/navigate"``); ``section`` changes put a separator between items.
    """

    id: str
    text: str
    slot: str | None
    shortcuts: tuple = ()
    icon: str | None = None
    tip: str = ""
    menu: str | None = None
    section: int = 0
    toolbar: str | None = None  # a TOOLBAR_GROUPS id, or None: not on the toolbar
    icon_text: str = ""  # the short label beside the toolbar icon
    icon_only: bool = False
    help: str | None = None  # a HELP_GROUPS id, or None: not listed in the shortcut help
    args: tuple = ()
    checkable: bool = False
    group: str | None = None  # exclusive group id
    scope: str = "window"  # "window" | "timeline"
    role: QAction.MenuRole = field(default=QAction.MenuRole.NoRole)


# menus: (path, title) in menu-bar order; a path with "/" is a submenu
MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("actions", "&File")),
    ("file/recent", QT_TRANSLATE_NOOP("actions", "Open &Recent")),
    ("edit", QT_TRANSLATE_NOOP("actions", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("actions", "&View")),
    ("view/navigate", QT_TRANSLATE_NOOP("actions", "&Navigate")),
    ("view/language", QT_TRANSLATE_NOOP("actions", "&Language")),
    ("view/theme", QT_TRANSLATE_NOOP("actions", "&Theme")),
    ("help", QT_TRANSLATE_NOOP("actions", "&Help")),
)
# toolbar groups in order: (id, label shown before the group or "")
TOOLBAR_GROUPS: tuple[tuple[str, str], ...] = (
    ("file", ""),
    ("zoom", ""),
    ("history", ""),
    ("lanes", QT_TRANSLATE_NOOP("actions", "Lanes:")),
    ("end", ""),
)
# groups of Help > Keyboard Shortcuts, in order
HELP_GROUPS: tuple[tuple[str, str], ...] = (
    ("data", QT_TRANSLATE_NOOP("actions", "Data")),
    ("edit", QT_TRANSLATE_NOOP("actions", "Search and filters")),
    ("timeline", QT_TRANSLATE_NOOP("actions", "Timeline (when it has the focus)")),
    ("history", QT_TRANSLATE_NOOP("actions", "History")),
    ("view", QT_TRANSLATE_NOOP("actions", "View")),
    ("app", QT_TRANSLATE_NOOP("actions", "Application")),
)

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("open", QT_TRANSLATE_NOOP("actions", "&Open…"), "open_file_dialog",
               tip=QT_TRANSLATE_NOOP("actions", "Open a data file (YAML, JSON or TOML)"),
               icon_text=QT_TRANSLATE_NOOP("actions", "Open"),
               shortcuts=(K.Open,), icon="open", menu="file", toolbar="file", help="data"),
    ActionSpec("open_folder", QT_TRANSLATE_NOOP("actions", "Open &Folder…"), "open_folder_dialog",
               tip=QT_TRANSLATE_NOOP("actions", "Open a folder of data files"),
               shortcuts=("Ctrl+Shift+O",), menu="file", help="data"),
    # the recent paths themselves are rows the window adds above this one (gui/recent_files.py)
    ActionSpec("clear_recent", QT_TRANSLATE_NOOP("actions", "&Clear Recent"), "clear_recent",
               tip=QT_TRANSLATE_NOOP("actions", "Forget the recently opened datasets"),
               menu="file/recent"),
    ActionSpec("open_bundled", QT_TRANSLATE_NOOP("actions", "Open &Bundled Data"), "open_bundled",
               tip=QT_TRANSLATE_NOOP("actions", "Show the dataset that comes with NEV Roadmap"),
               menu="file"),
    ActionSpec("reload", QT_TRANSLATE_NOOP("actions", "&Reload"), "reload",
               tip=QT_TRANSLATE_NOOP("actions", "Load the current dataset again"),
               shortcuts=(K.Refresh, "F5"), menu="file", help="data"),
    ActionSpec("export", QT_TRANSLATE_NOOP("actions", "&Export Image…"), "export_image_dialog",
               tip=QT_TRANSLATE_NOOP("actions", "Save the roadmap as PNG, SVG or PDF"),
               icon_text=QT_TRANSLATE_NOOP("actions", "Export"),
               shortcuts=("Ctrl+E",), icon="export", menu="file", section=1, toolbar="file", help="data"),
    ActionSpec("export_data", QT_TRANSLATE_NOOP("actions", "Export &Data…"), "export_data_dialog",
               tip=QT_TRANSLATE_NOOP("actions", "Save the milestones shown (with the filters) as CSV or JSON"),
               shortcuts=("Ctrl+Shift+E",), menu="file", section=1, help="data"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("actions", "&Quit"), "close",
               tip=QT_TRANSLATE_NOOP("actions", "Quit NEV Roadmap"),
               shortcuts=(K.Quit, "Ctrl+Q"), menu="file", section=2, help="app", role=QAction.MenuRole.QuitRole),
    # Edit
    ActionSpec("copy_image", QT_TRANSLATE_NOOP("actions", "&Copy Image"), "copy_image",
               tip=QT_TRANSLATE_NOOP("actions", "Copy a picture of the roadmap to the clipboard"),
               shortcuts=("Ctrl+Shift+C",), icon="copy", menu="edit", help="data"),
    ActionSpec("find", QT_TRANSLATE_NOOP("actions", "&Find…"), "focus_search",
               tip=QT_TRANSLATE_NOOP("actions", "Search milestones, claims and people"),
               shortcuts=(K.Find, "Ctrl+F"), menu="edit", section=1, help="edit"),
    ActionSpec("find_next", QT_TRANSLATE_NOOP("actions", "Find &Next"), "find_step",
               tip=QT_TRANSLATE_NOOP("actions", "Select the next milestone that matches the search"),
               shortcuts=(K.FindNext, "F3"), menu="edit", section=1, help="edit", args=(1,)),
    ActionSpec("find_previous", QT_TRANSLATE_NOOP("actions", "Find Pre&vious"), "find_step",
               tip=QT_TRANSLATE_NOOP("actions", "Select the previous milestone that matches the search"),
               shortcuts=(K.FindPrevious, "Shift+F3"), menu="edit", section=1, help="edit", args=(-1,)),
    ActionSpec("clear", QT_TRANSLATE_NOOP("actions", "C&lear Filters"), "clear_filters",
               tip=QT_TRANSLATE_NOOP("actions", "Show every milestone again"),
               icon_text=QT_TRANSLATE_NOOP("actions", "Clear filters"),
               shortcuts=("Ctrl+Shift+L",), icon="clear-filter", menu="edit", section=1, toolbar="end", help="edit"),
    # View: the timeline's own keys (active while it has the focus)
    ActionSpec("fit", QT_TRANSLATE_NOOP("actions", "&Fit Whole Roadmap"), "fit_all",
               tip=QT_TRANSLATE_NOOP("actions", "Show the whole roadmap"),
               icon_text=QT_TRANSLATE_NOOP("actions", "Fit"),
               shortcuts=("F", "Home"), icon="fit", menu="view", toolbar="zoom", help="timeline", scope="timeline"),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("actions", "Zoom &In"), "zoom",
               tip=QT_TRANSLATE_NOOP("actions", "Zoom in"),
               shortcuts=("+", "=", K.ZoomIn), icon="zoom-in", menu="view", toolbar="zoom", icon_only=True,
               help="timeline", args=(ZOOM_STEP,), scope="timeline"),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("actions", "Zoom &Out"), "zoom",
               tip=QT_TRANSLATE_NOOP("actions", "Zoom out"),
               shortcuts=("-", "_", K.ZoomOut), icon="zoom-out", menu="view", toolbar="zoom", icon_only=True,
               help="timeline", args=(1 / ZOOM_STEP,), scope="timeline"),
    # the keyboard cursor: arrows and Tab walk the milestones, the view follows
    ActionSpec("next_in_lane", QT_TRANSLATE_NOOP("actions", "Next Milestone in Lane"), "select_in_lane",
               tip=QT_TRANSLATE_NOOP("actions", "Select the next milestone in time in the same lane"),
               shortcuts=("Right",), menu="view/navigate", help="timeline", args=(1,), scope="timeline"),
    ActionSpec("prev_in_lane", QT_TRANSLATE_NOOP("actions", "Previous Milestone in Lane"), "select_in_lane",
               tip=QT_TRANSLATE_NOOP("actions", "Select the previous milestone in time in the same lane"),
               shortcuts=("Left",), menu="view/navigate", help="timeline", args=(-1,), scope="timeline"),
    ActionSpec("row_below", QT_TRANSLATE_NOOP("actions", "Milestone Below"), "select_across",
               tip=QT_TRANSLATE_NOOP("actions", "Select the milestone nearest in time in the row below"),
               shortcuts=("Down",), menu="view/navigate", help="timeline", args=(1,), scope="timeline"),
    ActionSpec("row_above", QT_TRANSLATE_NOOP("actions", "Milestone Above"), "select_across",
               tip=QT_TRANSLATE_NOOP("actions", "Select the milestone nearest in time in the row above"),
               shortcuts=("Up",), menu="view/navigate", help="timeline", args=(-1,), scope="timeline"),
    ActionSpec("next_in_time", QT_TRANSLATE_NOOP("actions", "Next Milestone in Time"), "select_in_time",
               tip=QT_TRANSLATE_NOOP("actions", "Select the next milestone in time, across all lanes"),
               shortcuts=("Tab",), menu="view/navigate", help="timeline", args=(1,), scope="timeline"),
    ActionSpec("prev_in_time", QT_TRANSLATE_NOOP("actions", "Previous Milestone in Time"), "select_in_time",
               tip=QT_TRANSLATE_NOOP("actions", "Select the previous milestone in time, across all lanes"),
               shortcuts=("Shift+Tab", "Shift+Backtab"), menu="view/navigate", help="timeline", args=(-1,),
               scope="timeline"),
    ActionSpec("open_details", QT_TRANSLATE_NOOP("actions", "Open Details"), "open_selected",
               tip=QT_TRANSLATE_NOOP("actions", "Show the selected milestone in the details panel"),
               shortcuts=("Return", "Enter"), menu="view/navigate", help="timeline", scope="timeline"),
    ActionSpec("clear_selection", QT_TRANSLATE_NOOP("actions", "Clear Selection"), "clear_selection",
               tip=QT_TRANSLATE_NOOP("actions", "Select nothing"),
               shortcuts=("Esc",), menu="view/navigate", help="timeline", scope="timeline"),
    ActionSpec("pan_left", QT_TRANSLATE_NOOP("actions", "Pan Earlier"), "pan",
               tip=QT_TRANSLATE_NOOP("actions", "Move towards the past"),
               shortcuts=("Ctrl+Left",), menu="view/navigate", section=1, help="timeline", args=(-PAN_STEP,),
               scope="timeline"),
    ActionSpec("pan_right", QT_TRANSLATE_NOOP("actions", "Pan Later"), "pan",
               tip=QT_TRANSLATE_NOOP("actions", "Move towards the future"),
               shortcuts=("Ctrl+Right",), menu="view/navigate", section=1, help="timeline", args=(PAN_STEP,),
               scope="timeline"),
    ActionSpec("scroll_up", QT_TRANSLATE_NOOP("actions", "Scroll Up"), "scroll_rows",
               tip=QT_TRANSLATE_NOOP("actions", "Scroll the lanes up"),
               shortcuts=("Ctrl+Up",), menu="view/navigate", section=1, help="timeline", args=(-1,), scope="timeline"),
    ActionSpec("scroll_down", QT_TRANSLATE_NOOP("actions", "Scroll Down"), "scroll_rows",
               tip=QT_TRANSLATE_NOOP("actions", "Scroll the lanes down"),
               shortcuts=("Ctrl+Down",), menu="view/navigate", section=1, help="timeline", args=(1,),
               scope="timeline"),
    ActionSpec("page_up", QT_TRANSLATE_NOOP("actions", "Page Up"), "scroll_page",
               tip=QT_TRANSLATE_NOOP("actions", "Scroll the lanes up by a page"),
               shortcuts=("PgUp",), menu="view/navigate", section=1, help="timeline", args=(-1,), scope="timeline"),
    ActionSpec("page_down", QT_TRANSLATE_NOOP("actions", "Page Down"), "scroll_page",
               tip=QT_TRANSLATE_NOOP("actions", "Scroll the lanes down by a page"),
               shortcuts=("PgDown",), menu="view/navigate", section=1, help="timeline", args=(1,), scope="timeline"),
    # View: history, lanes, theme, panels
    ActionSpec("back", QT_TRANSLATE_NOOP("actions", "&Back"), "go_back",
               tip=QT_TRANSLATE_NOOP("actions", "Back to what you looked at before"),
               icon_text=QT_TRANSLATE_NOOP("actions", "Back"),
               shortcuts=(K.Back, "Alt+Left"), icon="back", menu="view", section=1, toolbar="history", help="history"),
    ActionSpec("forward", QT_TRANSLATE_NOOP("actions", "F&orward"), "go_forward",
               tip=QT_TRANSLATE_NOOP("actions", "Forward again"),
               icon_text=QT_TRANSLATE_NOOP("actions", "Forward"),
               shortcuts=(K.Forward, "Alt+Right"), icon="forward", menu="view", section=1, toolbar="history",
               help="history"),
    ActionSpec("by_tech", QT_TRANSLATE_NOOP("actions", "Lanes by &Technology"), "set_lanes",
               tip=QT_TRANSLATE_NOOP("actions", "One lane per technology"),
               icon_text=QT_TRANSLATE_NOOP("actions", "Technology"),
               shortcuts=("Ctrl+1",), icon="by-technology", menu="view", section=2, toolbar="lanes", help="view",
               args=("technology",), checkable=True, group="lanes"),
    ActionSpec("by_company", QT_TRANSLATE_NOOP("actions", "Lanes by &Company"), "set_lanes",
               tip=QT_TRANSLATE_NOOP("actions", "One lane per company"),
               icon_text=QT_TRANSLATE_NOOP("actions", "Company"),
               shortcuts=("Ctrl+2",), icon="by-company", menu="view", section=2, toolbar="lanes", help="view",
               args=("company",), checkable=True, group="lanes"),
    ActionSpec("dark", QT_TRANSLATE_NOOP("actions", "&Dark Theme"), "set_dark",
               tip=QT_TRANSLATE_NOOP("actions", "Switch between light and dark"),
               icon_text=QT_TRANSLATE_NOOP("actions", "Dark"),
               shortcuts=("Ctrl+Shift+D",), icon="theme", menu="view", section=3, toolbar="end", help="view",
               checkable=True),
    # each language is named in its own language (not translated)
    ActionSpec("lang_en", NATIVE_NAMES["en"], "set_language", menu="view/language", section=3,
               args=("en",), checkable=True, group="language"),
    ActionSpec("lang_zh_CN", NATIVE_NAMES["zh_CN"], "set_language", menu="view/language", section=3,
               args=("zh_CN",), checkable=True, group="language"),
    ActionSpec("theme_system", QT_TRANSLATE_NOOP("actions", "&System"), "set_theme_mode",
               tip=QT_TRANSLATE_NOOP("actions", "Light or dark as the desktop is, and change with it"),
               menu="view/theme", section=3, args=("system",), checkable=True, group="theme"),
    ActionSpec("theme_light", QT_TRANSLATE_NOOP("actions", "&Light"), "set_theme_mode",
               tip=QT_TRANSLATE_NOOP("actions", "Always light"),
               menu="view/theme", section=3, args=("light",), checkable=True, group="theme"),
    ActionSpec("theme_dark", QT_TRANSLATE_NOOP("actions", "&Dark"), "set_theme_mode",
               tip=QT_TRANSLATE_NOOP("actions", "Always dark"),
               menu="view/theme", section=3, args=("dark",), checkable=True, group="theme"),
    ActionSpec("show_filters", QT_TRANSLATE_NOOP("actions", "&Filters Panel"), None,
               tip=QT_TRANSLATE_NOOP("actions", "Show or hide the filters"),
               menu="view", section=4),
    ActionSpec("show_details", QT_TRANSLATE_NOOP("actions", "&Details Panel"), None,
               tip=QT_TRANSLATE_NOOP("actions", "Show or hide the details"),
               menu="view", section=4),
    ActionSpec("show_metrics", QT_TRANSLATE_NOOP("actions", "&Metrics Pane"), None,
               tip=QT_TRANSLATE_NOOP("actions", "Show or hide the claimed figures under the timeline"),
               menu="view", section=4),
    ActionSpec("compare", QT_TRANSLATE_NOOP("actions", "&Compare Claims…"), "show_comparison",
               tip=QT_TRANSLATE_NOOP("actions", "Every claim of a metric side by side"),
               menu="view", section=4),
    ActionSpec("reset_layout", QT_TRANSLATE_NOOP("actions", "&Reset Window Layout"), "reset_layout",
               tip=QT_TRANSLATE_NOOP("actions", "Put the panels back where they started"),
               menu="view", section=4),
    # Help
    ActionSpec("help", QT_TRANSLATE_NOOP("actions", "&Keyboard Shortcuts"), "show_help",
               tip=QT_TRANSLATE_NOOP("actions", "What the keys do"),
               shortcuts=(K.HelpContents, "F1"), menu="help", help="app"),
    ActionSpec("about", QT_TRANSLATE_NOOP("actions", "&About NEV Roadmap"), "show_about",
               tip=QT_TRANSLATE_NOOP("actions", "Version and data sources"),
               menu="help", role=QAction.MenuRole.AboutRole),
)

_BY_ID = {s.id: s for s in ACTIONS}
ID_PROPERTY = "nevroadmapActionId"  # the table id, kept on each built QAction


def spec(action_id: str) -> ActionSpec:
    return _BY_ID[action_id]


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else ""


def key_sequences(shortcuts: Iterable) -> list[QKeySequence]:
    """The sequences of a row: standard keys expanded for this platform, each once (duplicates are ambiguous)."""
    seqs: dict[str, QKeySequence] = {}
    for sc in shortcuts:
        keys = QKeySequence.keyBindings(sc) if isinstance(sc, QKeySequence.StandardKey) else [QKeySequence(sc)]
        for k in keys:
            if not k.isEmpty():
                seqs.setdefault(k.toString(QKeySequence.SequenceFormat.PortableText), k)
    return list(seqs.values())


def _apply_texts(act: QAction, s: ActionSpec) -> None:
    act.setText(tr(s.text))
    if s.icon_text:
        act.setIconText(tr(s.icon_text))
    tip = tr(s.tip)
    seqs = typable(act.shortcuts())
    if tip and seqs:  # the first key in the tooltip: "Zoom in (+)"
        tip = f"{tip} ({seqs[0].toString(QKeySequence.SequenceFormat.NativeText)})"
    act.setToolTip(tip or act.text().replace("&", ""))
    act.setStatusTip(tr(s.tip))


def build_actions(owner: QObject, targets: Mapping[str, QWidget], provided: Mapping[str, QAction] | None = None,
                  specs: Iterable[ActionSpec] = ACTIONS) -> dict[str, QAction]:
    """One QAction per row, connected to its slot and added to its scope's widget.

    ``targets`` maps a scope (``"window"``, ``"timeline"``) to the widget that
    carries the shortcuts and whose methods are the slots.  Rows whose scope
    has no target are skipped, so a bare timeline widget can get just its own
    keys (``build_actions(w, {"timeline": w})``).
    """
    provided = provided or {}
    built: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for s in specs:
        target = targets.get(s.scope)
        if target is None or (s.slot is None and s.id not in provided):
            continue
        act = provided.get(s.id) or QAction(owner)
        act.setObjectName(f"action_{s.id}")
        act.setProperty(ID_PROPERTY, s.id)
        act.setShortcuts(key_sequences(s.shortcuts))
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut if s.scope == "timeline"
                               else Qt.ShortcutContext.WindowShortcut)
        if s.icon:
            act.setData(s.icon)  # the window paints the icon in the theme's colour
        act.setMenuRole(s.role)
        if s.slot is not None:
            act.setCheckable(s.checkable)
            if s.checkable:
                act.toggled.connect(_bind(target, s.slot, s.args))
            else:
                act.triggered.connect(_bind(target, s.slot, s.args, drop_checked=True))
        if s.group:
            grp = groups.get(s.group)
            if grp is None:
                grp = groups[s.group] = QActionGroup(owner)
                grp.setExclusive(True)
            grp.addAction(act)
        _apply_texts(act, s)
        target.addAction(act)  # the shortcut works even with the menu bar hidden
        built[s.id] = act
    return built


def _bind(target: QObject, slot: str, args: tuple, drop_checked: bool = False) -> Callable:
    """Call ``target.slot(*args)`` (and the checked state), looked up when triggered."""
    getattr(target, slot)  # a typo in the table fails when the actions are built, not when used
    if drop_checked:
        return lambda _checked=False: getattr(target, slot)(*args)
    return lambda checked: getattr(target, slot)(*args, checked)


def retranslate(actions: Mapping[str, QAction], menus: Mapping[str, QMenu] | None = None,
                labels: Mapping[str, QLabel] | None = None) -> None:
    """Texts again in the current language (after a QEvent.LanguageChange)."""
    for aid, act in actions.items():
        _apply_texts(act, _BY_ID[aid])
    titles = dict(MENUS)
    for path, menu in (menus or {}).items():
        menu.setTitle(tr(titles[path]))
    group_labels = dict(TOOLBAR_GROUPS)
    for gid, label in (labels or {}).items():
        label.setText(f" {tr(group_labels[gid])} ")


def build_menus(menubar: QMenuBar, actions: Mapping[str, QAction]) -> dict[str, QMenu]:
    """The menus of :data:`MENUS`, each holding its rows in table order, separators between sections."""
    menus: dict[str, QMenu] = {}
    for path, title in MENUS:
        parent_path, _, _ = path.rpartition("/")
        parent = menus[parent_path] if parent_path else menubar
        menus[path] = parent.addMenu(tr(title))
        menus[path].setObjectName(f"menu_{path.replace('/', '_')}")
    last_section: dict[str, int] = {}
    placed_sub: set[str] = set()
    for s in ACTIONS:
        if s.menu is None or s.id not in actions:
            continue
        # a submenu sits where its first row would be, in its parent's section
        parent_path, _, _ = s.menu.rpartition("/")
        if parent_path and s.menu not in placed_sub:
            placed_sub.add(s.menu)
            sub = menus[s.menu]
            parent = menus[parent_path]
            parent.removeAction(sub.menuAction())
            parent.addAction(sub.menuAction())
            last_section.setdefault(parent_path, s.section)
        menu = menus[s.menu]
        if s.menu in last_section and last_section[s.menu] != s.section:
            menu.addSeparator()
        last_section[s.menu] = s.section
        menu.addAction(actions[s.id])
    return menus


def build_toolbar(toolbar: QToolBar, actions: Mapping[str, QAction]) -> dict[str, QLabel]:
    """The toolbar rows by :data:`TOOLBAR_GROUPS`, with separators between groups; returns the group labels."""
    labels: dict[str, QLabel] = {}
    first = True
    for gid, label in TOOLBAR_GROUPS:
        rows = [s for s in ACTIONS if s.toolbar == gid and s.id in actions]
        if not rows:
            continue
        if not first:
            toolbar.addSeparator()
        first = False
        if label:
            labels[gid] = QLabel(f" {tr(label)} ", toolbar)
            toolbar.addWidget(labels[gid])
        for s in rows:
            act = actions[s.id]
            toolbar.addAction(act)
            button = toolbar.widgetForAction(act)
            if s.icon_only and isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    return labels


def typable(seqs: Iterable[QKeySequence]) -> list[QKeySequence]:
    """The sequences typed on an ordinary keyboard: no media keys (the Back, Open, Refresh buttons
    some keyboards have, which the platform's standard keys add)."""
    return [k for k in seqs if k.count() and k[0].key().value < Qt.Key.Key_Back.value
            and k[0].key() != Qt.Key.Key_Help]


def shortcut_texts(act: QAction) -> list[str]:
    """The keys of an action as the user reads them (native text), media keys left out."""
    return [k.toString(QKeySequence.SequenceFormat.NativeText) for k in typable(act.shortcuts())]


def shortcut_rows(actions: Mapping[str, QAction]) -> list[tuple[str, list[tuple[str, str]]]]:
    """``Help > Keyboard Shortcuts`` as data: [(group title, [(keys, what it does)])], from the table."""
    out = []
    for gid, title in HELP_GROUPS:
        rows = []
        for s in ACTIONS:
            act = actions.get(s.id)
            if s.help != gid or act is None or not shortcut_texts(act):
                continue
            rows.append((", ".join(shortcut_texts(act)), act.text().replace("&", "").rstrip("…")))
        if rows:
            out.append((tr(title), rows))
    return out
