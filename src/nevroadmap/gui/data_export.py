"""``File > Export Data…``: the milestones shown (with the filters) as CSV or JSON.

CSV is our milestone layout (:func:`nevroadmap.core.formats.csv_table.write_csv`,
the one ``nevroadmap list --format csv`` writes), which opens again as a
dataset; JSON is the shape ``nevroadmap list --format json`` prints
(:func:`nevroadmap.core.milestone_rows.milestone_rows`).  The file is written
atomically (:func:`nevroadmap.core.atomic_file.write_atomic`): the whole file
or nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nevroadmap.core.atomic_file import ExportError, write_atomic
from nevroadmap.core.milestone_rows import milestone_rows
from nevroadmap.gui.state import AppState

__all__ = ["DATA_FORMATS", "DataExport", "shown_milestones", "data_text", "export_data", "export_data_dialog"]

DATA_FORMATS = ("csv", "json")


def shown_milestones(state: AppState) -> list:
    """The milestones the timeline shows (the filters applied), in roadmap order."""
    ms = state.roadmap.milestones
    return [ms[int(i)] for i in np.flatnonzero(state.mask)]


def data_text(roadmap, milestones, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(milestone_rows(roadmap, milestones), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        from nevroadmap.core.formats.csv_table import write_csv

        return write_csv(roadmap, milestones)
    raise ExportError(QCoreApplication.translate("DataExport", "unknown data format %1: use a .csv or .json file name")
                      .replace("%1", repr(fmt)))


def format_of(path: str | os.PathLike) -> str | None:
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in DATA_FORMATS else None


def export_data(state: AppState, path: str | os.PathLike, fmt: str | None = None) -> int:
    """Write what is shown to ``path`` (format from ``fmt`` or the name); returns the number of milestones."""
    fmt = fmt or format_of(path)
    if fmt is None:
        raise ExportError(QCoreApplication.translate("DataExport", "%1: use a .csv or .json file name").replace(
            "%1", str(path)))
    milestones = shown_milestones(state)
    write_atomic(path, data_text(state.roadmap, milestones, fmt).encode("utf-8"))
    return len(milestones)


class DataExport(QObject):
    """The dialog part: asks for a file name, writes, tells the window's status bar or warns."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def run(self) -> str | None:
        window, settings = self.window, self.window.settings
        folder = str(settings.value("last_export_dir", settings.value("last_dir", str(Path.home()))))
        filters = {"csv": self.tr("CSV, our milestone layout (*.csv)"), "json": self.tr("JSON (*.json)")}
        last_fmt = str(settings.value("last_data_format", "csv"))
        last_fmt = last_fmt if last_fmt in filters else "csv"
        stem = Path(window.state.roadmap.origin or "roadmap").stem or "roadmap"
        path, chosen = QFileDialog.getSaveFileName(
            window, self.tr("Export the milestones shown"), str(Path(folder) / f"{stem}-milestones.{last_fmt}"),
            ";;".join(filters.values()), filters[last_fmt])
        if not path:
            return None
        fmt = format_of(path)
        if fmt is None:  # no known suffix typed: the chosen filter's
            fmt = next((k for k, v in filters.items() if v == chosen), "csv")
            path += "." + fmt
        try:
            n = export_data(window.state, path, fmt)
        except ExportError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export Data"), str(exc),
                              QMessageBox.StandardButton.Ok, window)
            box.setTextFormat(Qt.TextFormat.PlainText)  # the message names a path
            box.open()
            return None
        settings.setValue("last_export_dir", str(Path(path).parent))
        settings.setValue("last_data_format", fmt)
        window.flash(self.tr("Exported %n milestone(s) to %1", "", n).replace("%1", path), 8000)
        return path


def export_data_dialog(window) -> str | None:
    """Ask for a file name and write the data; the window's status bar says what was written."""
    return DataExport(window).run()
