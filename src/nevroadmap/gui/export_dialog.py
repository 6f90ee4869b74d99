"""File > Export Image…: choose format, size, range and decorations, then call the
same exporter as ``nevroadmap export`` (:func:`nevroadmap.render.export.export_roadmap`).

The last choices are remembered in the settings.  Errors (a folder that does
not exist, a file that cannot be written) are shown in the dialog, which
stays open so the user can fix them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication, QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from nevroadmap.gui.state import AppState
from nevroadmap.core.layout import LaneLayout, LayoutEngine
from nevroadmap.render.export import (
    DEFAULT_TITLE, FORMATS, MAX_SIDE, MIN_SIDE, ExportError, ExportOptions, export_roadmap, label_years_per_char,
)
from nevroadmap.render.export import render_image as _render_page

__all__ = ["ExportDialog", "SizePreset", "SIZE_PRESETS", "options_from_settings", "render_image", "export_layout"]


@dataclass(frozen=True)
class SizePreset:
    key: str
    label: str
    width: int
    height: int
    dpi: int = 96


# A4 and A3 landscape at 150 dpi: the PDF page is then exactly 297 x 210 mm (420 x 297 mm)
SIZE_PRESETS = (
    SizePreset("fhd", "1920 × 1080 (Full HD slide)", 1920, 1080),
    SizePreset("4k", "3840 × 2160 (4K)", 3840, 2160, 192),
    SizePreset("a4", "A4 landscape (for PDF)", 1754, 1240, 150),
    SizePreset("a3", "A3 landscape (for PDF)", 2480, 1754, 150),
    SizePreset("custom", "Custom size", 0, 0),
)
_PRESET = {p.key: p for p in SIZE_PRESETS}
_KEY = "export/"


def _bool(v, default: bool) -> bool:
    if v is None:
        return default
    if isinstance(v, bool):
        return v
    return str(v).lower() in ("1", "true", "yes")


def _int(v, default: int) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return default


@dataclass
class ExportChoices:
    """What the dialog remembers between uses."""

    format: str = "png"
    preset: str = "fhd"
    width: int = 1920
    height: int = 1080
    visible_only: bool = True
    show_title: bool = True
    title: str = ""
    show_legend: bool = True
    show_attribution: bool = True
    folder: str = ""
    name: str = "nevroadmap"  # file name without suffix

    @classmethod
    def load(cls, s: QSettings) -> ExportChoices:
        d = cls()
        fmt = str(s.value(_KEY + "format", d.format))
        preset = str(s.value(_KEY + "preset", d.preset))
        return cls(
            format=fmt if fmt in FORMATS else d.format,
            preset=preset if preset in _PRESET else d.preset,
            width=min(max(_int(s.value(_KEY + "width"), d.width), MIN_SIDE), MAX_SIDE),
            height=min(max(_int(s.value(_KEY + "height"), d.height), MIN_SIDE), MAX_SIDE),
            visible_only=_bool(s.value(_KEY + "visible_only"), d.visible_only),
            show_title=_bool(s.value(_KEY + "show_title"), d.show_title),
            title=str(s.value(_KEY + "title", "") or ""),
            show_legend=_bool(s.value(_KEY + "show_legend"), d.show_legend),
            show_attribution=_bool(s.value(_KEY + "show_attribution"), d.show_attribution),
            folder=str(s.value(_KEY + "folder", "") or ""),
            name=str(s.value(_KEY + "name", "") or "") or d.name,
        )

    def save(self, s: QSettings) -> None:
        for k, v in self.__dict__.items():
            s.setValue(_KEY + k, v)

    def size(self) -> tuple[int, int, int]:
        p = _PRESET.get(self.preset)
        if p is None or p.key == "custom":
            return self.width, self.height, 96
        return p.width, p.height, p.dpi


def options_from_settings(state: AppState, settings: QSettings, visible_range: tuple[float, float] | None,
                          theme: str, choices: ExportChoices | None = None) -> ExportOptions:
    c = choices or ExportChoices.load(settings)
    w, h, dpi = c.size()
    return ExportOptions(
        format=c.format, width=w, height=h, dpi=dpi, theme=theme,
        title=c.title.strip() or None, show_title=c.show_title, show_legend=c.show_legend,
        show_attribution=c.show_attribution,
        time_range=tuple(visible_range) if (c.visible_only and visible_range) else None,
        group_by=state.group_by, filter_text=state.filter.describe(state.roadmap),
    )


def export_layout(state: AppState, opts: ExportOptions) -> LaneLayout:
    """The shown milestones packed for the page: label room depends on the page's
    width and time span (as ``nevroadmap export`` does it)."""
    lo, hi = opts.time_range if opts.time_range is not None else state.layout.x_range
    scale = min(max(min(opts.width / 1920, opts.height / 1080), 0.7), 12.0)
    engine = LayoutEngine(state.roadmap, label_years_per_char(hi - lo, opts.width / scale * 0.78))
    mask = state.mask
    return engine.layout(state.group_by, None if mask.all() else mask)


def render_image(state: AppState, settings: QSettings, visible_range: tuple[float, float] | None,
                 theme: str) -> QImage:
    """The picture Edit > Copy Image puts on the clipboard: the remembered export
    choices at slide size (the visible time range)."""
    c = ExportChoices.load(settings)
    c.visible_only = True
    opts = options_from_settings(state, settings, visible_range, theme, c)
    if c.preset != "custom" and c.preset != "fhd":  # paper and 4K sizes are too big for a paste
        opts.width, opts.height, opts.dpi = 1920, 1080, 96
    return _render_page(state.roadmap, export_layout(state, opts), opts)


class ExportDialog(QDialog):
    def __init__(self, state: AppState, settings: QSettings, visible_range: tuple[float, float] | None,
                 theme: str = "light", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export Image")
        self.state = state
        self.settings = settings
        self.visible_range = visible_range
        self.theme = theme
        self.exported_path: Path | None = None
        c = ExportChoices.load(settings)

        form = QFormLayout()
        self.format = QComboBox(self)
        for f, label in (("png", "PNG image"), ("svg", "SVG drawing"), ("pdf", "PDF document")):
            self.format.addItem(label, f)
        self.format.setCurrentIndex(max(self.format.findData(c.format), 0))
        form.addRow("Format", self.format)

        self.preset = QComboBox(self)
        for p in SIZE_PRESETS:
            self.preset.addItem(p.label, p.key)
        self.preset.setCurrentIndex(max(self.preset.findData(c.preset), 0))
        self.width_box = QSpinBox(self)
        self.height_box = QSpinBox(self)
        for sb, v in ((self.width_box, c.width), (self.height_box, c.height)):
            sb.setRange(MIN_SIDE, MAX_SIDE)
            sb.setSuffix(" px")
            sb.setValue(v)
        size_row = QHBoxLayout()
        size_row.addWidget(self.preset, 1)
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×", self))
        size_row.addWidget(self.height_box)
        form.addRow("Size", size_row)

        self.range_visible = QRadioButton(self._visible_label(), self)
        self.range_all = QRadioButton("Whole roadmap", self)
        group = QButtonGroup(self)
        group.addButton(self.range_visible)
        group.addButton(self.range_all)
        (self.range_visible if c.visible_only and visible_range else self.range_all).setChecked(True)
        self.range_visible.setEnabled(visible_range is not None)
        rbox = QVBoxLayout()
        rbox.addWidget(self.range_visible)
        rbox.addWidget(self.range_all)
        form.addRow("Time range", rbox)

        self.show_title = QCheckBox("Title", self)
        self.show_title.setChecked(c.show_title)
        self.title = QLineEdit(c.title, self)
        self.title.setPlaceholderText(DEFAULT_TITLE)
        trow = QHBoxLayout()
        trow.addWidget(self.show_title)
        trow.addWidget(self.title, 1)
        form.addRow("Show", trow)
        self.show_legend = QCheckBox("Legend", self)
        self.show_legend.setChecked(c.show_legend)
        self.show_attribution = QCheckBox("Source attribution", self)
        self.show_attribution.setChecked(c.show_attribution)
        srow = QHBoxLayout()
        srow.addWidget(self.show_legend)
        srow.addWidget(self.show_attribution)
        srow.addStretch(1)
        form.addRow("", srow)
        self.theme_box = QComboBox(self)
        self.theme_box.addItem("Light", "light")
        self.theme_box.addItem("Dark", "dark")
        self.theme_box.setCurrentIndex(max(self.theme_box.findData(theme), 0))
        form.addRow("Colours", self.theme_box)

        folder = c.folder if c.folder and Path(c.folder).is_dir() else str(Path.home())
        self.path = QLineEdit(str(Path(folder) / f"{c.name}.{c.format}"), self)
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._browse)
        prow = QHBoxLayout()
        prow.addWidget(self.path, 1)
        prow.addWidget(browse)
        form.addRow("File", prow)

        self.error = QLabel(self)
        self.error.setObjectName("exportError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #d0342c")
        self.error.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.do_export)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

        self.format.currentIndexChanged.connect(self._on_format)
        self.preset.currentIndexChanged.connect(self._on_preset)
        self.show_title.toggled.connect(self.title.setEnabled)
        self.title.setEnabled(c.show_title)
        self._on_preset()
        self.resize(560, self.sizeHint().height())

    def _visible_label(self) -> str:
        if not self.visible_range:
            return "Visible time range"
        t0, t1 = self.visible_range
        return f"Visible time range ({t0:.1f} – {t1:.1f})"

    def _on_format(self) -> None:
        fmt = self.format.currentData()
        p = Path(self.path.text().strip() or "nevroadmap.png")
        self.path.setText(str(p.with_suffix("." + fmt)))

    def _on_preset(self) -> None:
        p = _PRESET[self.preset.currentData()]
        custom = p.key == "custom"
        self.width_box.setEnabled(custom)
        self.height_box.setEnabled(custom)
        if not custom:
            self.width_box.setValue(p.width)
            self.height_box.setValue(p.height)

    def _browse(self) -> None:
        fmt = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(self, "Export image as", self.path.text(),
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            if Path(path).suffix.lower() != "." + fmt:
                path += "." + fmt
            self.path.setText(path)

    def choices(self) -> ExportChoices:
        path = Path(self.path.text().strip())
        return ExportChoices(
            format=self.format.currentData(), preset=self.preset.currentData(),
            width=self.width_box.value(), height=self.height_box.value(),
            visible_only=self.range_visible.isChecked(), show_title=self.show_title.isChecked(),
            title=self.title.text(), show_legend=self.show_legend.isChecked(),
            show_attribution=self.show_attribution.isChecked(), folder=str(path.parent) if path.name else "",
            name=path.stem or "nevroadmap",
        )

    def options(self) -> ExportOptions:
        return options_from_settings(self.state, self.settings, self.visible_range,
                                     self.theme_box.currentData(), self.choices())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def do_export(self) -> bool:
        """Write the file; on success remember the choices and close."""
        text = self.path.text().strip()
        if not text:
            self.show_error("Choose a file name.")
            return False
        path = Path(text).expanduser()
        fmt = self.format.currentData()
        if path.suffix.lower() != "." + fmt:
            path = path.with_name(path.name + "." + fmt)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            opts = self.options()
            export_roadmap(self.state.roadmap, export_layout(self.state, opts), path, opts)
        except ExportError as exc:
            self.show_error(f"Could not export: {exc}")
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.choices().save(self.settings)
        self.settings.setValue(_KEY + "theme", self.theme_box.currentData())
        self.exported_path = path
        self.show_error("")
        self.accept()
        return True
