"""The Help menu's windows: About (version and data sources) and Keyboard Shortcuts.

The shortcut list is generated from the built actions (see
:func:`nevroadmap.gui.actions.shortcut_rows`), so it always names the keys
the app really has.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout,
                               QWidget)

from nevroadmap import __version__
from nevroadmap.core.loader import bundled_data_path
from nevroadmap.core.model import Roadmap
from nevroadmap.gui.actions import shortcut_rows
from nevroadmap.gui.details_html import esc, safe_http_url
from nevroadmap.gui.icons import app_icon

__all__ = ["dataset_name", "about_html", "shortcuts_html", "message_box", "HelpDialog"]


def dataset_name(roadmap: Roadmap) -> str:
    """How the title bar names a dataset."""
    if not roadmap.origin:
        return QCoreApplication.translate("help", "no data")
    try:
        if Path(roadmap.origin).resolve() == bundled_data_path().resolve():
            return QCoreApplication.translate("help", "bundled dataset")
    except OSError:
        pass
    return Path(roadmap.origin).name or roadmap.origin


def about_html(roadmap: Roadmap) -> str:
    items = []
    for s in roadmap.sources:
        line = f"<b>{esc(s.title)}</b>"
        if s.publisher:
            line += f", {esc(s.publisher)}"
        url = safe_http_url(s.url)
        if url:
            line += f'<br><a href="{esc(url)}">{esc(url)}</a>'
        elif s.url:
            line += f"<br>{esc(s.url)}"
        items.append(f"<li>{line}</li>")
    no_sources = QCoreApplication.translate("help", "No sources in this dataset.")
    sources = "<ul>" + "".join(items) + "</ul>" if items else f"<p>{esc(no_sources)}</p>"
    intro = QCoreApplication.translate("help", "A zoomable timeline of new-energy-vehicle technology milestones, "
                                               "each backed by attributed claims: who said what, where and when.")
    dataset = QCoreApplication.translate("help", "Dataset: %1 (%2).")
    dataset = dataset.replace("%1", dataset_name(roadmap)).replace("%2", roadmap.summary())
    heading = QCoreApplication.translate("help", "Data sources")
    return (f"<h3>NEV Roadmap {esc(__version__)}</h3>"
            f"<p>{esc(intro)}</p>"
            f"<p>{esc(dataset)}</p>"
            f"<p><b>{esc(heading)}</b></p>{sources}")


def shortcuts_html(actions: Mapping[str, QAction]) -> str:
    """The keyboard help: one table per help group of the action table."""
    title = QCoreApplication.translate("help", "Keyboard shortcuts")
    hint = QCoreApplication.translate("help", "Click a milestone to see who says so; click a company name to see "
                                              "its profile. Drag to pan, scroll to zoom.")
    parts = [f"<h3>{esc(title)}</h3>", f"<p>{esc(hint)}</p>"]
    for group, rows in shortcut_rows(actions):
        parts.append(f"<p><b>{esc(group)}</b></p><table>")
        parts.extend(f"<tr><td><b>{esc(keys)}</b>&nbsp;&nbsp;</td><td>{esc(what)}</td></tr>" for keys, what in rows)
        parts.append("</table>")
    return "".join(parts)


class HelpDialog(QDialog):
    """A window-modal rich-text window with the app icon: the text scrolls inside a dialog that fits the screen.

    Esc or Close closes it; links open in the browser.
    """

    def __init__(self, parent: QWidget, title: str, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.setHtml(text)
        self._text = text
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(self._fitting_size())
        self.browser.setFocus()

    def text(self) -> str:
        """The HTML shown (as QMessageBox.text() gave it)."""
        return self._text

    def _fitting_size(self) -> QSize:
        """The text's natural size, but never more than 90% of the screen the parent is on."""
        doc = self.browser.document()
        doc.setTextWidth(460)
        want = QSize(460 + 64 + 60, int(doc.size().height()) + 90)
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        if screen is None:
            return want
        room = screen.availableGeometry().size()
        return QSize(min(want.width(), int(room.width() * 0.9)), min(want.height(), int(room.height() * 0.9)))


def message_box(parent: QWidget, title: str, text: str) -> HelpDialog:
    """A window-modal rich-text window with the app icon and clickable links; opened, not exec'd."""
    box = HelpDialog(parent, title, text)
    box.open()
    return box
