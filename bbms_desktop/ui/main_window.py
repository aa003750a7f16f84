"""The main window: first-run set-up, sign-in (and the lock screen), then the workspace of workflow pages.

The window owns what is shared by every page: who is signed in (``AppContext``), the sidebar listing the pages the
user's role may use, the barcode scanner, the status bar (user, sync state, pending changes), inactivity lock and the
TRAINING banner of a sandbox profile.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.errors import DomainError
from bbms_desktop.rules.roles import ROLE_LABELS
from bbms_desktop.services import accounts, training
from bbms_desktop.services.profile import open_profile
from bbms_desktop.services.uow import Actor, Database
from bbms_desktop.ui import settings as options
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages import page_classes
from bbms_desktop.ui.scanner import ScanFilter
from bbms_desktop.ui.sync_bridge import SyncBridge
from bbms_desktop.ui.tasks import run_task
from bbms_desktop.ui.training_banner import TrainingBanner
from bbms_desktop.ui.widgets import (
    MessageBar,
    error_text,
    labelled_form,
    local_text,
    render,
    set_texts,
    translate_domain,
)

if TYPE_CHECKING:  # the pages are imported when someone signs in (the workspace), not to show the sign-in page
    from bbms_desktop.ui.pages.base import Page

__all__ = ["MainWindow", "translate_domain"]


class SetUpPage(QWidget):
    """First run: the centre this installation serves and its first administrator."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.code, self.name, self.fin = QLineEdit(), QLineEdit(), QLineEdit()
        self.licence, self.district, self.state = QLineEdit(), QLineEdit(), QLineEdit()
        self.admin_username, self.admin_name = QLineEdit("admin"), QLineEdit()
        self.password, self.password_again = QLineEdit(), QLineEdit()
        for field in (self.password, self.password_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.fin.setMaxLength(5)
        self.fin.setPlaceholderText("G1234")
        self.fields = [
            self.code,
            self.name,
            self.fin,
            self.licence,
            self.district,
            self.state,
            self.admin_username,
            self.admin_name,
            self.password,
            self.password_again,
        ]
        self.form, self.labels = labelled_form(self.fields)
        layout.addLayout(self.form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.submit = QPushButton()
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.set_up)
        self.password_again.returnPressed.connect(self.set_up)
        layout.addWidget(self.submit)
        self.training_intro = QLabel()  # the first-start choice of a training sandbox instead
        self.training_intro.setWordWrap(True)
        self.training_intro.setStyleSheet("margin-top:18px; color:#bf360c;")
        layout.addWidget(self.training_intro)
        self.training_button = QPushButton()
        self.training_button.setObjectName("open_training")
        self.training_button.clicked.connect(self.open_training)
        layout.addWidget(self.training_button)
        layout.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.training_intro.setText(
            self.tr(
                "Here to learn? Practise in a TRAINING sandbox instead: a demo centre full of practice records, "
                "with exercises. It never syncs, and this installation stays ready for your real centre."
            )
        )
        self.training_button.setText(self.tr("Practise in a training sandbox"))
        self.intro.setText(
            self.tr(
                "This installation is not set up yet. Enter your blood centre and its first "
                "administrator; you can sign in offline from then on."
            )
        )
        texts = [
            self.tr("Centre code"),
            self.tr("Centre name"),
            self.tr("ISBT 128 facility number (FIN)"),
            self.tr("Licence number"),
            self.tr("District"),
            self.tr("State"),
            self.tr("Administrator username"),
            self.tr("Administrator full name"),
            self.tr("Password"),
            self.tr("Password again"),
        ]
        set_texts(self.labels, texts)
        self.submit.setText(self.tr("Set up this centre"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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

    def open_training(self) -> None:
        self.training_button.setEnabled(False)
        self.error.setText(self.tr("Preparing the training sandbox (the first time takes a minute)…"))
        folder = training.default_class_folder()
        run_task(self, lambda: training.ensure_sandbox(folder, "trainee"), self._sandbox_ready, self._failed)

    def _sandbox_ready(self, sandbox: training.Sandbox) -> None:
        self.training_button.setEnabled(True)
        self.error.clear()
        self.window_.open_other_profile(sandbox.path)

    def _done(self, result: tuple[object, Actor]) -> None:
        self.submit.setEnabled(True)
        self.error.clear()
        self.password.clear()
        self.password_again.clear()
        self.window_.login_page.username.setText(self.admin_username.text().strip().lower())
        self.window_.refresh()

    def _failed(self, error: Exception) -> None:
        self.submit.setEnabled(True)
        self.training_button.setEnabled(True)
        self.error.setText(error_text(error))


class LoginPage(QWidget):
    """Sign in against the locally kept credentials (no network needed); also the lock screen."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        outer = QVBoxLayout(self)
        outer.addStretch()
        box = QWidget()
        box.setMaximumWidth(420)
        layout = QVBoxLayout(box)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.username, self.password = QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form, self.labels = labelled_form([self.username, self.password])
        layout.addLayout(self.form)
        self.message = MessageBar()
        layout.addWidget(self.message)
        self.submit = QPushButton()
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.sign_in)
        self.password.returnPressed.connect(self.sign_in)
        self.username.returnPressed.connect(self.password.setFocus)
        layout.addWidget(self.submit)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(box)
        row.addStretch()
        outer.addLayout(row)
        outer.addStretch()
        self.locked_by: Actor | None = None
        self.retranslate()

    def retranslate(self) -> None:
        centre = self.window_.ctx.centre
        self.heading.setText(centre.name if centre else self.tr("Sign in"))
        if self.locked_by is not None:
            self.hint.setText(
                self.tr(
                    "Locked after inactivity. {name} can sign in again and carry on; another user signing in "
                    "starts afresh."
                ).format(name=self.locked_by.name)
            )
        else:
            self.hint.setText(self.tr("Sign in with your username and password. No network is needed."))
        set_texts(self.labels, [self.tr("Username"), self.tr("Password")])
        self.submit.setText(self.tr("Sign in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def prepare(self, locked_by: Actor | None) -> None:
        self.locked_by = locked_by
        self.password.clear()
        self.message.clear_message()
        self.retranslate()
        (self.password if self.username.text() else self.username).setFocus()

    def sign_in(self) -> None:
        username, password = self.username.text(), self.password.text()
        if not username.strip():
            self.username.setFocus()
            return
        self.submit.setEnabled(False)
        db = self.window_.db
        run_task(self, lambda: accounts.authenticate(db, username, password), self._signed_in, self._failed)

    def _signed_in(self, actor: Actor) -> None:
        self.submit.setEnabled(True)
        self.password.clear()
        self.window_.signed_in(actor)

    def _failed(self, error: Exception) -> None:
        self.submit.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.show_error(error)


class Workspace(QWidget):
    """The sidebar and the pages the signed-in user's role may use."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.ctx = window.ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(body, 1)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(200)
        self.sidebar.setStyleSheet(
            "QListWidget{background:#263238; color:#eceff1; border:none; font-size:11pt;}"
            "QListWidget::item{padding:7px 10px;}"
            "QListWidget::item:selected{background:#b71c1c; color:white;}"
        )
        body.addWidget(self.sidebar)
        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)
        self.pages: dict[str, Page] = {}
        for cls in page_classes():
            page = cls(self.ctx)
            page.retranslate()
            self.pages[cls.page_id] = page
            self.stack.addWidget(page)
        self.sidebar.currentRowChanged.connect(self._row_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.rebuild_sidebar()

    def rebuild_sidebar(self) -> None:
        """List the pages this user may use, keeping the current one when it is still allowed."""
        current = self.current_page()
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        for page in self.pages.values():
            if type(page).visible_to(self.ctx):
                item = QListWidgetItem(type(page).title())
                item.setData(Qt.ItemDataRole.UserRole, page.page_id)
                self.sidebar.addItem(item)
        self.sidebar.blockSignals(False)
        ids = self.visible_ids()
        self.open(current.page_id if current is not None and current.page_id in ids else ids[0] if ids else "")

    def visible_ids(self) -> list[str]:
        return [self.sidebar.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sidebar.count())]

    def current_page(self) -> Page | None:
        from bbms_desktop.ui.pages.base import Page  # imported with the pages (page_classes) by now

        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) and self.stack.count() else None

    def open(self, page_id: str) -> Page | None:
        ids = self.visible_ids()
        if page_id not in ids:
            return None
        self.sidebar.setCurrentRow(ids.index(page_id))
        page = self.pages[page_id]
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
            page.activated()
        return page

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.open(self.sidebar.item(row).data(Qt.ItemDataRole.UserRole))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _ActivityWatch(QObject):
    """Any key or mouse input restarts the inactivity countdown."""

    INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})

    def __init__(self, timer: QTimer) -> None:
        super().__init__(timer)
        self.timer = timer

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in self.INPUT and self.timer.isActive():
            self.timer.start()
        return False


class MainWindow(QMainWindow):
    def __init__(self, db: Database, profile: Path | None = None) -> None:
        super().__init__()
        self.db = db
        self.ctx = AppContext(db, profile, self)
        self.resize(1200, 780)
        self.pages = QStackedWidget()
        self.set_up_page = SetUpPage(self)
        self.login_page = LoginPage(self)
        self.workspace: Workspace | None = None
        self.pages.addWidget(self.set_up_page)
        self.pages.addWidget(self.login_page)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banner = TrainingBanner(self.ctx)  # above every page, the sign-in page too, in a training sandbox
        column.addWidget(self.banner)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.other_windows: list[MainWindow] = []
        self.pending = 0

        self.user_label, self.sync_label, self.busy_label = QLabel(), QLabel(), QLabel()
        self.sync_label.setObjectName("sync_indicator")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.sync_label)

        self.lock_timer = QTimer(self)
        self.lock_timer.setSingleShot(True)
        self.lock_timer.timeout.connect(self.lock)
        self._activity = _ActivityWatch(self.lock_timer)
        self.scanner = ScanFilter(self.handle_scan, parent=self)
        self.apply_settings()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._activity)
            app.installEventFilter(self.scanner)

        self.sync = SyncBridge(self.ctx, self)
        self.sync.status_changed.connect(self._show_sync)

        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)
        self.switch_action = QAction(self)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.switch_action.triggered.connect(self.switch_user)
        self.addAction(self.switch_action)
        self.page_shortcuts: list[QAction] = []
        for n in range(1, 10):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _checked=False, n=n: self._open_nth(n - 1))
            self.addAction(action)
            self.page_shortcuts.append(action)

        self.busy_timer = QTimer(self)
        self.busy_timer.setInterval(250)
        self.busy_timer.timeout.connect(self._show_busy)
        self.busy_timer.start()
        self.retranslate()
        self.refresh()

    # --- state --------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the centre: set up first, or sign in."""
        db = self.db
        run_task(self, lambda: accounts.local_centre(db), self._centre_read, self._failed)

    def _centre_read(self, centre: accounts.CentreInfo | None) -> None:
        self.ctx.set_centre(centre)
        self.retranslate()
        if centre is None:
            self.pages.setCurrentWidget(self.set_up_page)
            return
        if self.ctx.actor is None:
            self.login_page.prepare(None)
            self.pages.setCurrentWidget(self.login_page)
        self.sync.start()

    def open_other_profile(self, profile: Path) -> MainWindow:
        """Open another profile (the training sandbox chosen at first start) in a new window, and close this one."""
        db = open_profile(profile)
        other = MainWindow(db, profile)
        self.other_windows.append(other)

        def finish() -> None:
            other.sync.stop()
            QThreadPool.globalInstance().waitForDone(10_000)
            db.dispose()

        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(finish)
        other.resize(self.size())
        other.show()
        other.activateWindow()
        self.close()
        return other

    def signed_in(self, actor: Actor) -> None:
        previous = self.login_page.locked_by
        if previous is not None and previous.user_id != actor.user_id and self.workspace is not None:
            for page in self.workspace.pages.values():
                page.clear_work()
        self.login_page.locked_by = None
        self.ctx.sign_in(actor)
        if self.workspace is None:
            self.workspace = Workspace(self)
            self.pages.addWidget(self.workspace)
        self.workspace.rebuild_sidebar()
        self.pages.setCurrentWidget(self.workspace)
        page = self.workspace.current_page()
        if page is not None:
            page.activated()
        self._restart_lock_timer()
        self.retranslate()

    def lock(self) -> None:
        """Hide the work behind the sign-in page; the same user carries on where they were."""
        if self.ctx.actor is None:
            return
        self.login_page.prepare(self.ctx.actor)
        self.ctx.sign_out()
        self.lock_timer.stop()
        self.pages.setCurrentWidget(self.login_page)
        self.retranslate()

    def switch_user(self) -> None:
        """Another user takes the workstation: lock, and clear the username for them."""
        self.lock()
        self.login_page.username.clear()
        self.login_page.username.setFocus()

    def apply_settings(self) -> None:
        s = self.ctx.settings
        self.scanner.configure(
            prefix=s[options.SCANNER_PREFIX], suffix=s[options.SCANNER_SUFFIX], max_gap_ms=s[options.SCANNER_MAX_GAP_MS]
        )
        minutes = s[options.AUTO_LOCK_MINUTES]
        self.lock_timer.setInterval(max(1, minutes) * 60_000)
        self._restart_lock_timer()

    def _restart_lock_timer(self) -> None:
        if self.ctx.actor is not None and self.ctx.settings[options.AUTO_LOCK_MINUTES] > 0:
            self.lock_timer.start()
        else:
            self.lock_timer.stop()

    # --- pages and scans ----------------------------------------------------------------------------------------

    def open_page(self, page_id: str) -> Page | None:
        return self.workspace.open(page_id) if self.workspace is not None and self.ctx.actor else None

    def _open_nth(self, n: int) -> None:
        if self.workspace is not None and self.ctx.actor is not None:
            ids = self.workspace.visible_ids()
            if n < len(ids):
                self.workspace.open(ids[n])

    def handle_scan(self, text: str) -> bool:
        """A scanned code: the current page first; else a DIN or unit number opens that unit in the inventory."""
        if self.workspace is None or self.ctx.actor is None or self.pages.currentWidget() is not self.workspace:
            return False
        page = self.workspace.current_page()
        if page is not None and page.handle_scan(text):
            return True
        inventory = self.workspace.pages.get("inventory")
        if inventory is None or not type(inventory).visible_to(self.ctx):
            return False
        workspace = self.workspace

        def bring_up() -> None:  # once the scanned donation is read: unless another page was opened meanwhile
            if workspace is self.workspace and workspace.current_page() is page:
                workspace.open("inventory")

        return inventory.open_scanned(text, bring_up)

    # --- status bar ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        centre = self.ctx.centre
        title = self.tr("bbms-desktop: blood centre")
        if centre is not None:
            title = self.tr("{centre}: bbms-desktop").format(centre=centre.name)
        if self.ctx.is_training:
            title = self.tr("TRAINING: {title}").format(title=title)
        self.setWindowTitle(title)
        actor = self.ctx.actor
        self.user_label.setText(
            self.tr("Signed in: {name} ({role})").format(name=actor.name, role=render(ROLE_LABELS[actor.role]))
            if actor
            else self.tr("Not signed in")
        )
        self.lock_action.setText(self.tr("Lock"))
        self.switch_action.setText(self.tr("Switch user"))
        self._show_sync()

    def _show_busy(self) -> None:
        from bbms_desktop.ui.tasks import busy

        self.busy_label.setText(self.tr("Working…") if busy() else "")

    def _show_sync(self, *_: object) -> None:
        status = self.sync.status
        self.pending = status.pending
        if self.ctx.is_training:
            text = self.tr("Training sandbox: never syncs. Practice changes kept here: {pending}")
        elif status.state == "unenrolled":
            text = self.tr("Standalone: not connected to a central server. Changes waiting: {pending}")
        elif status.state == "syncing":
            text = self.tr("Syncing… Changes waiting: {pending}")
        elif status.state == "offline":
            text = self.tr("Offline. Changes waiting: {pending}")
        elif status.state == "error":
            text = self.tr("Sync failed, will retry. Changes waiting: {pending}")
        else:
            text = self.tr("Online. Changes waiting: {pending}")
        text = text.format(pending=f"{status.pending:,}")
        if status.last_success_at is not None:
            text += " · " + self.tr("last sync {when}").format(when=local_text(status.last_success_at))
        self.sync_label.setText(text)
        colour = {"offline": "#8a5a00", "error": "#b71c1c", "syncing": "#0d47a1"}.get(status.state, "#1b5e20")
        self.sync_label.setStyleSheet(f"color:{colour};")
        self.sync_label.setToolTip(status.last_error or "")

    # --- closing ------------------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        pending = self._pending_now()
        if pending and self.sync.enrolled:
            answer = QMessageBox.question(
                self,
                self.tr("Unsynced work"),
                self.tr(
                    "{pending} changes have not reached the central server yet. They are saved on this computer and "
                    "will sync next time. Close anyway?"
                ).format(pending=f"{pending:,}"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.sync.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._activity)
            app.removeEventFilter(self.scanner)
        super().closeEvent(event)

    def _pending_now(self) -> int:
        return self.sync.status.pending

    def _failed(self, error: Exception) -> None:
        QMessageBox.critical(
            self, self.tr("bbms-desktop"), error_text(error) if isinstance(error, DomainError) else str(error)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
