"""The main window of the domain-core release: first-run set-up of a standalone centre, then an overview of
what the profile holds. The full workflow pages arrive with the desktop-UI issue; this window is deliberately thin.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.errors import DomainError
from bbms_desktop.services import accounts, stats
from bbms_desktop.services.uow import Database
from bbms_desktop.ui.tasks import run_task


def translate_domain(context: str, source: str) -> str:
    """Render a domain message (``bbms_desktop.i18n.Text``) through the installed Qt translator."""
    return QCoreApplication.translate(context, source)


def entity_label(table: str) -> str:
    labels = {
        "centres": QCoreApplication.translate("Entities", "Centres"),
        "users": QCoreApplication.translate("Entities", "Users"),
        "camps": QCoreApplication.translate("Entities", "Camps"),
        "donors": QCoreApplication.translate("Entities", "Donors"),
        "screening_visits": QCoreApplication.translate("Entities", "Screening visits"),
        "deferrals": QCoreApplication.translate("Entities", "Deferrals"),
        "donations": QCoreApplication.translate("Entities", "Donations (bags)"),
        "lab_result_sets": QCoreApplication.translate("Entities", "Laboratory result sets"),
        "lab_verifications": QCoreApplication.translate("Entities", "Verifications"),
        "components": QCoreApplication.translate("Entities", "Components"),
        "discards": QCoreApplication.translate("Entities", "Discards"),
        "blood_requests": QCoreApplication.translate("Entities", "Blood requests"),
        "crossmatches": QCoreApplication.translate("Entities", "Crossmatches"),
        "issues": QCoreApplication.translate("Entities", "Issues"),
        "component_returns": QCoreApplication.translate("Entities", "Returns"),
        "transfusion_reactions": QCoreApplication.translate("Entities", "Transfusion reactions"),
        "audit_events": QCoreApplication.translate("Entities", "Audit events"),
    }
    return labels.get(table, table)


class CountsModel(QAbstractTableModel):
    """Entity name and row count, one row per synced entity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int]] = []

    def set_counts(self, entities: dict[str, int]) -> None:
        self.beginResetModel()
        self._rows = [(entity_label(table), count) for table, count in entities.items()]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        label, count = self._rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if index.column() == 1 else None
        return label if index.column() == 0 else f"{count:,}"

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Records") if section == 0 else self.tr("Count")
        return None


class SetUpPage(QWidget):
    """First run: the centre this installation serves and its first administrator."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This installation is not set up yet. Enter your blood centre and its first "
                "administrator; you can sign in offline from then on."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.code, self.name, self.fin = QLineEdit(), QLineEdit(), QLineEdit()
        self.licence, self.district, self.state = QLineEdit(), QLineEdit(), QLineEdit()
        self.admin_username, self.admin_name = QLineEdit("admin"), QLineEdit()
        self.password, self.password_again = QLineEdit(), QLineEdit()
        for field in (self.password, self.password_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.fin.setMaxLength(5)
        self.fin.setPlaceholderText("G1234")
        form.addRow(self.tr("Centre code"), self.code)
        form.addRow(self.tr("Centre name"), self.name)
        form.addRow(self.tr("ISBT 128 facility number (FIN)"), self.fin)
        form.addRow(self.tr("Licence number"), self.licence)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("State"), self.state)
        form.addRow(self.tr("Administrator username"), self.admin_username)
        form.addRow(self.tr("Administrator full name"), self.admin_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.submit = QPushButton(self.tr("Set up this centre"))
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.set_up)
        self.password_again.returnPressed.connect(self.set_up)
        layout.addWidget(self.submit)
        layout.addStretch()

    def set_up(self) -> None:
        if self.password.text() != self.password_again.text():
            self.error.setText(self.tr("The two passwords differ; type the same password twice."))
            return
        values = {
            "code": self.code.text(),
            "name": self.name.text(),
            "fin": self.fin.text().strip() or None,
            "licence_number": self.licence.text().strip() or None,
            "district": self.district.text().strip() or None,
            "state": self.state.text().strip() or None,
            "admin_username": self.admin_username.text(),
            "admin_name": self.admin_name.text() or self.admin_username.text(),
            "admin_password": self.password.text(),
        }
        self.submit.setEnabled(False)
        db = self.window_.db
        run_task(self, lambda: accounts.set_up_standalone(db, **values), self._done, self._failed)

    def _done(self, _result: object) -> None:
        self.submit.setEnabled(True)
        self.error.clear()
        self.window_.refresh()

    def _failed(self, error: Exception) -> None:
        self.submit.setEnabled(True)
        if not isinstance(error, DomainError):
            raise error
        self.error.setText(error.render(translate_domain))


class OverviewPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(self.heading)
        self.pending = QLabel()
        layout.addWidget(self.pending)
        self.model = CountsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(window.refresh)
        layout.addWidget(self.refresh_button)

    def show_state(self, centre: accounts.CentreInfo, counts: dict[str, Any]) -> None:
        self.heading.setText(self.tr("{name} ({code})").format(name=centre.name, code=centre.code))
        self.pending.setText(
            self.tr("Changes waiting to sync: {pending}. Refused by the server: {dead}.").format(
                pending=f"{counts['outbox_pending']:,}", dead=counts["dead_letters"]
            )
        )
        self.model.set_counts(counts["entities"])


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.setWindowTitle(self.tr("bbms-desktop: blood centre"))
        self.resize(720, 620)
        self.pages = QStackedWidget()
        self.set_up_page = SetUpPage(self)
        self.overview = OverviewPage(self)
        self.pages.addWidget(self.set_up_page)
        self.pages.addWidget(self.overview)
        self.setCentralWidget(self.pages)
        self.refresh()

    def refresh(self) -> None:
        db = self.db

        def load() -> tuple[accounts.CentreInfo | None, dict[str, Any]]:
            centre = accounts.local_centre(db)
            with db.read() as session:
                return centre, stats.counts(session)

        run_task(self, load, self._show, self._failed)

    def _show(self, result: tuple[accounts.CentreInfo | None, dict[str, Any]]) -> None:
        centre, counts = result
        if centre is None:
            self.pages.setCurrentWidget(self.set_up_page)
            return
        if centre.is_training:
            self.setWindowTitle(self.tr("TRAINING: bbms-desktop"))
        self.overview.show_state(centre, counts)
        self.pages.setCurrentWidget(self.overview)

    def _failed(self, error: Exception) -> None:
        QMessageBox.critical(self, self.tr("bbms-desktop"), str(error))
