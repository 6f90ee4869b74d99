"""File > Export Image…: collect the choices (format, page, scale, range,
decorations) into an :class:`~nevroadmap.render.export.ExportRequest` and call
the one exporter that ``nevroadmap export`` and Copy Image use too.

A page preset is a logical page (a slide, A4, A3, in CSS pixels); the scale
(1x, 2x, 3x) draws the same page sharper, so text stays readable at every
size: 4K is the 1920 x 1080 slide at 2x.  A small preview shows the page as it
will be written.  The last choices are remembered in the settings.  Errors (a
folder that does not exist, a link instead of a file) are shown in the dialog,
which stays open so the user can fix them; an existing file is replaced only
after the user says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, QT_TRANSLATE_NOOP, QDate, QLocale, QSettings, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication, QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from nevroadmap.core import i18n
from nevroadmap.core.datefmt import period_label
from nevroadmap.gui.metrics_dock import metric_choices
from nevroadmap.gui.state import AppState
from nevroadmap.render.export import (
    DEFAULT_TITLE, FORMATS, MAX_SIDE, MIN_SIDE, ExportError, ExportRequest, export_roadmap, pack_page,
)
from nevroadmap.render.export import render_image as _render_page
from nevroadmap.render.page import CSS_DPI
from nevroadmap.gui.plain_text import plain_message_box

__all__ = ["ExportDialog", "SizePreset", "SIZE_PRESETS", "SCALES", "ExportChoices", "request_from_choices",
           "render_image", "format_year", "format_range"]


@dataclass(frozen=True)
class SizePreset:
    key: str
    label: str
    width: int  # logical page, CSS pixels (1/96 inch)
    height: int


def _tr(text: str) -> str:
    return QApplication.translate("ExportDialog", text)


# A4 / A3 landscape at 96 logical dpi: the PDF page is then exactly 297 x 210 mm (420 x 297 mm) at every scale
SIZE_PRESETS = (
    SizePreset("fhd", QT_TRANSLATE_NOOP("ExportDialog", "Slide 16:9, 1920 × 1080 (at 2x: 4K)"), 1920, 1080),
    SizePreset("a4", QT_TRANSLATE_NOOP("ExportDialog", "A4 landscape"), 1123, 794),
    SizePreset("a3", QT_TRANSLATE_NOOP("ExportDialog", "A3 landscape"), 1587, 1123),
    SizePreset("custom", QT_TRANSLATE_NOOP("ExportDialog", "Custom size"), 0, 0),
)
SCALES = (1, 2, 3)
_PRESET = {p.key: p for p in SIZE_PRESETS}
_KEY = "export/"
PREVIEW_SIZE = (360, 220)


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


def format_year(t: float, locale: QLocale | None = None) -> str:
    """A decimal year as a month, in the user's language ("Mar 2024")."""
    year = int(math.floor(t))
    start = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - start).days
    d = start + timedelta(days=min(days - 1, max(0, int((t - year) * days))))
    loc = locale or QLocale()
    if loc.language() == QLocale.Language.Chinese:  # "2024年3月", as on the axis
        return period_label(d.year, "M", d.month, lang="zh_CN")
    return loc.toString(QDate(d.year, d.month, d.day), "MMM yyyy")


def format_range(t0: float, t1: float, locale: QLocale | None = None) -> str:
    return f"{format_year(t0, locale)} – {format_year(t1, locale)}"


@dataclass
class ExportChoices:
    """What the dialog remembers between uses."""

    format: str = "png"
    preset: str = "fhd"
    width: int = 1920  # custom logical size
    height: int = 1080
    scale: int = 1
    visible_only: bool = True
    show_title: bool = True
    title: str = ""
    show_legend: bool = True
    show_attribution: bool = True
    footnotes: bool = False  # numbered sources below the picture
    folder: str = ""
    name: str = "nevroadmap"  # file name without suffix

    @classmethod
    def load(cls, s: QSettings) -> ExportChoices:
        d = cls()
        fmt = str(s.value(_KEY + "format", d.format))
        preset = str(s.value(_KEY + "preset", d.preset))
        scale = _int(s.value(_KEY + "scale"), d.scale)
        if preset == "4k":  # remembered from an older version: 4K is the slide at 2x
            preset, scale = "fhd", 2
        return cls(
            format=fmt if fmt in FORMATS else d.format,
            preset=preset if preset in _PRESET else d.preset,
            width=min(max(_int(s.value(_KEY + "width"), d.width), MIN_SIDE), MAX_SIDE),
            height=min(max(_int(s.value(_KEY + "height"), d.height), MIN_SIDE), MAX_SIDE),
            scale=scale if scale in SCALES else d.scale,
            visible_only=_bool(s.value(_KEY + "visible_only"), d.visible_only),
            show_title=_bool(s.value(_KEY + "show_title"), d.show_title),
            title=str(s.value(_KEY + "title", "") or ""),
            show_legend=_bool(s.value(_KEY + "show_legend"), d.show_legend),
            show_attribution=_bool(s.value(_KEY + "show_attribution"), d.show_attribution),
            footnotes=_bool(s.value(_KEY + "footnotes"), d.footnotes),
            folder=str(s.value(_KEY + "folder", "") or ""),
            name=str(s.value(_KEY + "name", "") or "") or d.name,
        )

    def save(self, s: QSettings) -> None:
        for k, v in self.__dict__.items():
            s.setValue(_KEY + k, v)

    def page(self) -> tuple[int, int]:
        """The logical page (CSS pixels)."""
        p = _PRESET.get(self.preset)
        if p is None or p.key == "custom":
            return self.width, self.height
        return p.width, p.height

    def size(self) -> tuple[int, int, float]:
        """Output pixels and density: the logical page times the scale."""
        w, h = self.page()
        return w * self.scale, h * self.scale, CSS_DPI * self.scale


def request_from_choices(state: AppState, choices: ExportChoices, visible_range: tuple[float, float] | None,
                         theme: str, metric: str | None = None) -> ExportRequest:
    """The export request for the app's roadmap, filter and grouping and the dialog's choices;
    ``metric``: the metric whose band goes under the lanes (a label, as the metrics pane names it)."""
    w, h, dpi = choices.size()
    mask = state.mask
    return ExportRequest(
        format=choices.format, width=w, height=h, dpi=dpi, theme=theme,
        title=choices.title.strip() or None, show_title=choices.show_title, show_legend=choices.show_legend,
        show_attribution=choices.show_attribution,
        time_range=tuple(visible_range) if (choices.visible_only and visible_range) else None,
        group_by=state.group_by, mask=None if mask.all() else mask, filter_text=state.filter.describe(state.roadmap),
        metric=metric or None, footnotes=choices.footnotes,
    )


def render_image(state: AppState, settings: QSettings, visible_range: tuple[float, float] | None,
                 theme: str, metric: str | None = None) -> QImage:
    """The picture Edit > Copy Image puts on the clipboard: the remembered export
    choices for the visible time range, on a slide (paper pages are for files), with
    ``metric``'s band (the metrics pane's, when it is shown) as the export would draw it."""
    c = ExportChoices.load(settings)
    c.visible_only = True
    if c.preset != "custom":
        c.preset = "fhd"
    return _render_page(state.roadmap, request_from_choices(state, c, visible_range, theme, metric),
                        reuse=state.layout)


class ExportDialog(QDialog):
    def __init__(self, state: AppState, settings: QSettings, visible_range: tuple[float, float] | None,
                 theme: str = "light", parent: QWidget | None = None, metric: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Image"))
        self.state = state
        self.settings = settings
        self.visible_range = visible_range
        self.theme = theme
        self.exported_path: Path | None = None
        self.overwrite_box: QMessageBox | None = None
        c = ExportChoices.load(settings)

        form = QFormLayout()
        self.format = QComboBox(self)
        for f, label in (("png", self.tr("PNG image")), ("svg", self.tr("SVG drawing")), ("pdf", self.tr("PDF document"))):
            self.format.addItem(label, f)
        self.format.setCurrentIndex(max(self.format.findData(c.format), 0))
        form.addRow(self.tr("Format"), self.format)

        self.preset = QComboBox(self)
        for p in SIZE_PRESETS:
            self.preset.addItem(_tr(p.label), p.key)
        self.preset.setCurrentIndex(max(self.preset.findData(c.preset), 0))
        self.width_box = QSpinBox(self)
        self.height_box = QSpinBox(self)
        for sb, v in ((self.width_box, c.width), (self.height_box, c.height)):
            sb.setRange(MIN_SIDE, MAX_SIDE)
            sb.setSuffix(self.tr(" px"))
            sb.setValue(v)
        size_row = QHBoxLayout()
        size_row.addWidget(self.preset, 1)
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×", self))
        size_row.addWidget(self.height_box)
        form.addRow(self.tr("Page"), size_row)

        self.scale = QComboBox(self)
        for k in SCALES:
            self.scale.addItem(self.tr("%1x").replace("%1", str(k)), k)
        self.scale.setCurrentIndex(max(self.scale.findData(c.scale), 0))
        self.pixels = QLabel(self)
        self.pixels.setObjectName("exportPixels")
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale)
        scale_row.addWidget(self.pixels, 1)
        form.addRow(self.tr("Scale"), scale_row)

        self.range_visible = QRadioButton(self)
        self.range_all = QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(self.range_visible)
        group.addButton(self.range_all)
        (self.range_visible if c.visible_only and visible_range else self.range_all).setChecked(True)
        self.range_visible.setEnabled(visible_range is not None)
        rbox = QVBoxLayout()
        rbox.addWidget(self.range_visible)
        rbox.addWidget(self.range_all)
        form.addRow(self.tr("Time range"), rbox)

        self.show_title = QCheckBox(self.tr("Title"), self)
        self.show_title.setChecked(c.show_title)
        self.title = QLineEdit(c.title, self)
        self.title.setPlaceholderText(i18n._(DEFAULT_TITLE))  # the title the export writes when left empty
        trow = QHBoxLayout()
        trow.addWidget(self.show_title)
        trow.addWidget(self.title, 1)
        form.addRow(self.tr("Show"), trow)
        self.show_legend = QCheckBox(self.tr("Legend"), self)
        self.show_legend.setChecked(c.show_legend)
        self.show_attribution = QCheckBox(self.tr("Source attribution"), self)
        self.show_attribution.setChecked(c.show_attribution)
        srow = QHBoxLayout()
        srow.addWidget(self.show_legend)
        srow.addWidget(self.show_attribution)
        self.footnotes = QCheckBox(self.tr("Source footnotes"), self)
        self.footnotes.setToolTip(self.tr("Number the sources behind the shown milestones below the picture"))
        self.footnotes.setChecked(c.footnotes)
        srow.addWidget(self.footnotes)
        srow.addStretch(1)
        form.addRow("", srow)
        # the metrics pane under the lanes: by default the one the window shows
        self.metric_box = QComboBox(self)
        self.metric_box.setObjectName("exportMetric")
        self.metric_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.metric_box.setMinimumContentsLength(24)
        self.metric_box.addItem(self.tr("None"), None)
        for key, _n in metric_choices(state.claim_table()[1]):
            self.metric_box.addItem(key.label(), key.label())
        self.metric_box.setCurrentIndex(max(self.metric_box.findData(metric), 0) if metric else 0)
        form.addRow(self.tr("Metrics pane"), self.metric_box)
        self.theme_box = QComboBox(self)
        self.theme_box.addItem(self.tr("Light"), "light")
        self.theme_box.addItem(self.tr("Dark"), "dark")
        self.theme_box.setCurrentIndex(max(self.theme_box.findData(theme), 0))
        form.addRow(self.tr("Colours"), self.theme_box)

        folder = c.folder if c.folder and Path(c.folder).is_dir() else str(Path.home())
        self.path = QLineEdit(str(Path(folder) / f"{c.name}.{c.format}"), self)
        self.path.textEdited.connect(lambda t: self._format_from_suffix(Path(t.strip())))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        prow = QHBoxLayout()
        prow.addWidget(self.path, 1)
        prow.addWidget(browse)
        form.addRow(self.tr("File"), prow)

        self.preview = QLabel(self)
        self.preview.setObjectName("exportPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)  # an error shown here may quote data
        self.preview.setMinimumSize(*PREVIEW_SIZE)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(120)
        self._preview_timer.timeout.connect(self.update_preview)

        self.error = QLabel(self)
        self.error.setObjectName("exportError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #d0342c")
        self.error.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.do_export)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.preview)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

        self.format.currentIndexChanged.connect(self._on_format)
        self.preset.currentIndexChanged.connect(self._on_preset)
        self.show_title.toggled.connect(self.title.setEnabled)
        self.title.setEnabled(c.show_title)
        for sig in (self.preset.currentIndexChanged, self.scale.currentIndexChanged, self.width_box.valueChanged,
                    self.height_box.valueChanged, self.range_visible.toggled, self.show_title.toggled,
                    self.title.textChanged, self.show_legend.toggled, self.show_attribution.toggled,
                    self.footnotes.toggled, self.metric_box.currentIndexChanged, self.theme_box.currentIndexChanged):
            sig.connect(self._changed)
        self._on_preset()
        self._changed()  # the pixel hint of the remembered page and scale
        self.update_preview()
        self.resize(600, self.sizeHint().height())

    # -- choices -------------------------------------------------------------------------
    def _on_format(self) -> None:
        fmt = self.format.currentData()
        p = Path(self.path.text().strip() or "nevroadmap.png")
        self.path.setText(str(p.with_suffix("." + fmt)))

    def _format_from_suffix(self, path: Path) -> None:
        """A file name typed with the suffix of another format (``x.svg`` while PNG is chosen) chooses
        that format: the file is what its name says, not ``x.svg.png``."""
        i = self.format.findData(path.suffix.lower().lstrip("."))
        if path.suffix and i >= 0 and i != self.format.currentIndex():
            with QSignalBlocker(self.format):
                self.format.setCurrentIndex(i)
            self._changed()

    def _on_preset(self) -> None:
        p = _PRESET[self.preset.currentData()]
        custom = p.key == "custom"
        self.width_box.setEnabled(custom)
        self.height_box.setEnabled(custom)
        if not custom:
            self.width_box.setValue(p.width)
            self.height_box.setValue(p.height)

    def _changed(self, *_args) -> None:
        w, h, dpi = self.choices().size()
        self.pixels.setText(self.tr("%1 × %2 px, %3 dpi").replace("%1", str(w)).replace("%2", str(h))
                            .replace("%3", str(round(dpi))))
        self._preview_timer.start()

    def _browse(self) -> None:
        fmt = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export image as"), self.path.text(),
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            if Path(path).suffix.lower() != "." + fmt:
                path += "." + fmt
            self.path.setText(path)

    def choices(self) -> ExportChoices:
        path = Path(self.path.text().strip())
        return ExportChoices(
            format=self.format.currentData(), preset=self.preset.currentData(),
            width=self.width_box.value(), height=self.height_box.value(), scale=self.scale.currentData(),
            visible_only=self.range_visible.isChecked(), show_title=self.show_title.isChecked(),
            title=self.title.text(), show_legend=self.show_legend.isChecked(),
            show_attribution=self.show_attribution.isChecked(), footnotes=self.footnotes.isChecked(),
            folder=str(path.parent) if path.name else "",
            name=path.stem or "nevroadmap",
        )

    def request(self) -> ExportRequest:
        return request_from_choices(self.state, self.choices(), self.visible_range, self.theme_box.currentData(),
                                    self.metric_box.currentData())

    # -- preview -------------------------------------------------------------------------
    def update_preview(self) -> None:
        """Draw the page as it will be written, small; show both time ranges as dates."""
        self._preview_timer.stop()
        req = self.request()
        self.range_visible.setText(self.tr("Visible time range (%1)").replace("%1", format_range(*self.visible_range))
                                   if self.visible_range else self.tr("Visible time range"))
        try:
            whole = pack_page(self.state.roadmap, req.replace(time_range=None), self.state.layout)[1]
            self.range_all.setText(self.tr("Whole roadmap (%1)").replace("%1", format_range(*whole)))
            img = _render_page(self.state.roadmap, req, max_size=PREVIEW_SIZE, reuse=self.state.layout)
        except ExportError as exc:
            self.preview.setText(str(exc))
            return
        self.preview.setPixmap(QPixmap.fromImage(img))

    # -- export --------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def confirm_overwrite(self, path: Path) -> bool:
        """Ask before replacing ``path``; the box is kept in ``overwrite_box`` while it is open."""
        box = plain_message_box(QMessageBox.Icon.Question, self.tr("Replace file?"),
                                self.tr("%1 already exists. Replace it?").replace("%1", path.name),
                                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.overwrite_box = box
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            self.overwrite_box = None
            box.deleteLater()

    def do_export(self) -> bool:
        """Write the file; on success remember the choices and close."""
        text = self.path.text().strip()
        if not text:
            self.show_error(self.tr("Choose a file name."))
            return False
        path = Path(text).expanduser()
        self._format_from_suffix(path)
        fmt = self.format.currentData()
        if path.suffix.lower() != "." + fmt:
            path = path.with_name(path.name + "." + fmt)
        if path.is_file() and not path.is_symlink() and not self.confirm_overwrite(path):
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_roadmap(self.state.roadmap, path, self.request(), reuse=self.state.layout)
        except ExportError as exc:
            self.show_error(self.tr("Could not export: %1").replace("%1", str(exc)))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.choices().save(self.settings)
        self.settings.setValue(_KEY + "theme", self.theme_box.currentData())
        self.exported_path = path
        self.show_error("")
        self.accept()
        return True
