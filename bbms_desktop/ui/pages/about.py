"""About: which version runs, for which centre, on which computer and database, and the licences of what it is
built from (what a support call or an inspection asks first)."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QFrame, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.services import sync_views
from bbms_desktop.services.sync_views import Installation
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.widgets import labelled_form, set_texts

DISTRIBUTION = "bbms-desktop"
# what the application is built from, as installed (name on the package index, what it is for a reader)
LIBRARIES = (
    ("bbms-desktop", "bbms-desktop"),
    ("PySide6-Essentials", "Qt for Python (PySide6)"),
    ("shiboken6", "Shiboken6"),
    ("SQLAlchemy", "SQLAlchemy"),
    ("alembic", "Alembic"),
    ("argon2-cffi", "argon2-cffi"),
    ("pydantic", "Pydantic"),
    ("requests", "Requests"),
    ("keyring", "keyring"),
    ("platformdirs", "platformdirs"),
    ("uuid-utils", "uuid-utils"),
)


@dataclass(frozen=True, slots=True)
class Library:
    name: str
    version: str
    licence: str


def app_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source tree without installing
        return "0+unknown"


def licence_of(meta: metadata.PackageMetadata) -> str:
    expression = meta.get("License-Expression") or ""
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 80:
        return text
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License :: OSI Approved :: "):
            return classifier.rsplit(" :: ", 1)[-1]
    return "–"


def libraries() -> list[Library]:
    rows = [Library("Qt", qVersion(), "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only")]
    for distribution, name in LIBRARIES:
        try:
            meta = metadata.metadata(distribution)
            rows.append(Library(name, metadata.version(distribution), licence_of(meta)))
        except metadata.PackageNotFoundError:
            continue
    rows.append(Library("Python", platform.python_version(), "PSF-2.0"))
    return rows


LIBRARY_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Component"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Version"), lambda r: r.version),
    Column(QT_TRANSLATE_NOOP("Columns", "Licence"), lambda r: r.licence),
)


class AboutPage(Page):
    page_id = "about"
    title_msg = QT_TRANSLATE_NOOP("Pages", "About")
    needs = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.info: Installation | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:16pt; font-weight:600;")
        layout.addWidget(self.heading)
        self.tagline = QLabel()
        self.tagline.setWordWrap(True)
        self.tagline.setStyleSheet("color:#546e7a;")
        layout.addWidget(self.tagline)

        box = QFrame()
        box.setObjectName("about_box")
        box.setStyleSheet("QFrame#about_box{background:#ffffff; border:1px solid #cfd8dc; border-radius:6px;}")
        self.version, self.centre, self.device = QLabel(), QLabel(), QLabel()
        self.database, self.schema, self.settings_file, self.runtime = QLabel(), QLabel(), QLabel(), QLabel()
        self.values = [self.version, self.centre, self.device, self.database, self.schema, self.settings_file]
        self.values.append(self.runtime)
        for label in self.values:
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        form, self.labels = labelled_form(self.values)
        form.setContentsMargins(14, 10, 14, 10)
        box.setLayout(form)
        layout.addWidget(box)

        self.licences_title = QLabel()
        self.licences_title.setStyleSheet("font-size:12pt; font-weight:600; margin-top:8px;")
        layout.addWidget(self.licences_title)
        self.licences_model = RowsModel(LIBRARY_COLUMNS, self)
        self.licences_model.set_rows(libraries())
        self.licences = QTableView()
        self.licences.setModel(self.licences_model)
        self.licences.verticalHeader().hide()
        self.licences.setAlternatingRowColors(True)
        self.licences.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.licences.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.licences.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.licences.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.licences, 1)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#546e7a;")
        layout.addWidget(self.notice)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("About bbms-desktop"))
        self.tagline.setText(
            self.tr("Offline-first blood centre management: donors, collection, laboratory, components and issue.")
        )
        set_texts(
            self.labels,
            [
                self.tr("Version"),
                self.tr("Centre"),
                self.tr("This computer"),
                self.tr("Database file"),
                self.tr("Database schema"),
                self.tr("Settings file"),
                self.tr("Runs on"),
            ],
        )
        self.licences_title.setText(self.tr("Built with"))
        self.licences_model.retranslate()
        self.notice.setText(
            self.tr(
                "Qt and PySide6 are used under the GNU LGPL version 3; their source is available from the Qt "
                "Project. Each component's licence text is installed with it."
            )
        )
        self._show()

    def activated(self) -> None:
        self.ctx.load(self, sync_views.installation, self._loaded)

    def _loaded(self, info: Installation) -> None:
        self.info = info
        self._show()

    def _show(self) -> None:
        self.version.setText(app_version())
        centre = self.ctx.centre
        if centre is None:
            self.centre.setText("–")
        else:
            parts = [centre.name, centre.code]
            if centre.fin:
                parts.append(self.tr("FIN {fin}").format(fin=centre.fin))
            text = " · ".join(parts)
            if centre.is_training:
                text += " · " + self.tr("TRAINING sandbox")
            self.centre.setText(text)
        info = self.info
        self.device.setText(str(info.device_id) if info and info.device_id else "–")
        self.database.setText(str(self.ctx.db.path))
        self.schema.setText((info.schema_revision or "–") if info else "–")
        self.settings_file.setText(str(self.ctx.settings.path))
        self.runtime.setText(
            self.tr("Python {python}, Qt {qt} (PySide6 {pyside}) on {system}").format(
                python=platform.python_version(),
                qt=qVersion(),
                pyside=pyside_version,
                system=f"{platform.system()} {platform.release()}" if sys.platform != "win32" else platform.platform(),
            )
        )
