"""The window around the pages: sign-in and its refusal, lock and switch user, auto-lock, the sidebar per role, the
barcode scanner as a keyboard wedge, and the question when closing with unsynced work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from bbms_desktop.models import DeviceState
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.roles import Role, may
from bbms_desktop.ui.main_window import MainWindow
from bbms_desktop.ui.pages import page_classes
from tests.conftest import PASSWORD
from tests.services.factories import make_component, make_donation
from tests.ui.conftest import scan, sign_in, wait_idle


def _type_password_and_enter(qtbot, window, password=PASSWORD):
    qtbot.keyClicks(window.login_page.password, password)
    qtbot.keyClick(window.login_page.password, Qt.Key.Key_Return)
    wait_idle(qtbot)


def _activate(qtbot, window):
    """Keys reach the scanner filter and shortcuts only in the active window, as on a desk."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def _lock_with_ctrl_l(qtbot, window):
    _activate(qtbot, window)
    qtbot.keyClick(window.workspace, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login_page, timeout=5_000)


def test_a_wrong_password_is_refused_and_said_so(qtbot, db, staff):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login_page, timeout=10_000)
    qtbot.keyClicks(window.login_page.username, "registrar")
    _type_password_and_enter(qtbot, window, "not the password")
    qtbot.waitUntil(window.login_page.message.isVisible, timeout=10_000)
    assert window.login_page.message.text() == "Wrong username or password."
    assert window.login_page.message.kind == "error"
    assert window.ctx.actor is None
    assert window.login_page.password.text() == ""  # cleared for the next try
    assert window.pages.currentWidget() is window.login_page
    window.sync.stop()


def test_ctrl_l_locks_and_the_same_user_carries_on_with_what_they_typed(qtbot, open_window):
    window = open_window("quality_admin")
    camps = window.open_page("camps")
    wait_idle(qtbot)
    qtbot.keyClicks(camps.name, "Lions Club camp")
    _lock_with_ctrl_l(qtbot, window)
    assert window.ctx.actor is None
    assert "Locked" in window.login_page.hint.text() and "Quality Admin One" in window.login_page.hint.text()
    assert window.login_page.username.text() == "quality_admin"  # only the password is asked again
    _type_password_and_enter(qtbot, window)
    qtbot.waitUntil(lambda: window.ctx.actor is not None, timeout=10_000)
    assert window.pages.currentWidget() is window.workspace
    assert window.workspace.current_page() is camps
    assert camps.name.text() == "Lions Club camp"


def test_another_user_signing_in_after_a_lock_starts_with_cleared_forms(qtbot, open_window):
    window = open_window("quality_admin")
    camps = window.open_page("camps")
    wait_idle(qtbot)
    qtbot.keyClicks(camps.name, "Lions Club camp")
    window.switch_action.trigger()  # Ctrl+Shift+L: another person takes the workstation
    assert window.pages.currentWidget() is window.login_page
    assert window.login_page.username.text() == ""
    sign_in(qtbot, window, "registrar")
    assert window.ctx.actor.role == Role.REGISTRAR
    assert camps.name.text() == ""
    assert "Registrar" in window.user_label.text()


def test_inactivity_locks_the_window(qtbot, open_window):
    window = open_window("lab_technician")
    assert window.lock_timer.isActive()  # armed at sign-in (default five minutes)
    window.lock_timer.setInterval(300)
    window.lock_timer.start()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login_page, timeout=5_000)
    assert window.ctx.actor is None
    assert "Locked after inactivity" in window.login_page.hint.text()
    assert not window.lock_timer.isActive()


def test_input_restarts_the_inactivity_countdown(qtbot, open_window):
    window = open_window("registrar")
    camps = window.open_page("camps")
    wait_idle(qtbot)
    camps.name.setFocus()
    window.lock_timer.setInterval(1_500)
    window.lock_timer.start()
    for letter in "typing on":  # a key every 300 ms for 3 s: twice the countdown, and still signed in
        qtbot.keyClicks(camps.name, letter)
        qtbot.wait(300)
    assert window.ctx.actor is not None
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login_page, timeout=5_000)  # then it locks
    assert camps.name.text() == "typing on"


def test_the_sidebar_lists_only_the_pages_a_role_may_use(qtbot, open_window):
    phlebotomist = open_window("phlebotomist").workspace.visible_ids()
    everyone = open_window("quality_admin").workspace.visible_ids()
    # every page but Training, which shows only in a training sandbox
    assert everyone == [cls.page_id for cls in page_classes() if cls.page_id != "training"]
    assert "collection" in phlebotomist
    for page_id in ("laboratory", "screening", "components", "requests", "discard", "reactions", "camps"):
        assert page_id not in phlebotomist, page_id
    for page_id in ("dashboard", "inventory", "sync", "settings", "about"):
        assert page_id in phlebotomist, page_id
    expected = [
        cls.page_id
        for cls in page_classes()
        if cls.page_id != "training" and (not cls.needs or any(may(Role.PHLEBOTOMIST, action) for action in cls.needs))
    ]
    assert phlebotomist == expected


def test_a_fast_scan_into_a_name_field_is_taken_out_of_it_and_opens_the_unit(qtbot, db, staff, open_window):
    with db.unit_of_work(staff["component_technician"]) as uow:
        din = make_component(uow, make_donation(uow)).din
    code = isbt128.format_for_barcode(din, isbt128.check_flags(din))
    window = open_window("quality_admin")
    camps = window.open_page("camps")
    wait_idle(qtbot)
    _activate(qtbot, window)
    camps.organiser.setFocus()
    qtbot.keyClicks(camps.organiser, "NSS ")
    qtbot.wait(400)  # a person's typing, then the scanner's burst
    scan(qtbot, camps.organiser, code)
    wait_idle(qtbot)
    assert camps.organiser.text() == "NSS "  # the code never stays in a name field
    assert window.workspace.current_page().page_id == "inventory"


def test_slow_typing_that_looks_like_a_code_stays_typing(qtbot, db, staff, open_window):
    with db.unit_of_work(staff["component_technician"]) as uow:
        din = make_component(uow, make_donation(uow)).din
    code = isbt128.format_for_barcode(din, isbt128.check_flags(din))
    window = open_window("quality_admin")
    camps = window.open_page("camps")
    wait_idle(qtbot)
    _activate(qtbot, window)
    camps.organiser.setFocus()
    qtbot.keyClicks(camps.organiser, code, delay=80)  # a person, not a wedge
    qtbot.keyClick(camps.organiser, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert camps.organiser.text() == code
    assert window.workspace.current_page() is camps


def test_closing_with_unsynced_work_asks_only_when_enrolled(qtbot, db, staff, monkeypatch):
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    standalone = MainWindow(db)
    qtbot.addWidget(standalone)
    standalone.show()
    sign_in(qtbot, standalone, "registrar")
    qtbot.waitUntil(lambda: standalone.sync.status.pending > 0, timeout=10_000)
    assert standalone.close()  # a standalone computer has no server to wait for: no question
    assert asked == []

    monkeypatch.setenv("BBMS_KEYRING", "file")  # no device secret: every cycle fails at once, no network
    with db.remote_apply() as session:
        session.get(DeviceState, 1).server_url = "http://127.0.0.1:9"
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    sign_in(qtbot, window, "registrar")
    qtbot.waitUntil(lambda: window.sync.enrolled and window.sync.status.pending > 0, timeout=10_000)
    assert not window.close()  # "No": the window stays
    assert window.isVisible()
    assert len(asked) == 1 and "have not reached the central server" in asked[0]
    answer[0] = QMessageBox.StandardButton.Yes
    assert window.close()
    assert len(asked) == 2


def test_a_scan_is_taken_back_where_it_was_typed_in_a_line_or_a_notes_box(qtbot):
    from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

    from bbms_desktop.ui.scanner import ScanFilter

    seen: list[str] = []
    host = QWidget()
    qtbot.addWidget(host)
    line, notes = QLineEdit(), QPlainTextEdit()
    layout = QVBoxLayout(host)
    layout.addWidget(line)
    layout.addWidget(notes)
    wedge = ScanFilter(lambda text: seen.append(text) or text.startswith("="), parent=host)
    app = QApplication.instance()
    app.installEventFilter(wedge)
    try:
        host.show()
        _activate(qtbot, host)
        line.setFocus()
        qtbot.keyClicks(line, "Ramesh")
        line.setCursorPosition(3)  # the cursor back in the middle of the name
        qtbot.wait(400)
        scan(qtbot, line, "=G123426000001")
        assert line.text() == "Ramesh" and line.cursorPosition() == 3
        notes.setFocus()
        qtbot.keyClicks(notes, "felt dizzy ")
        qtbot.wait(400)
        scan(qtbot, notes, "=G123426000002")
        assert notes.toPlainText() == "felt dizzy "
        qtbot.wait(400)
        scan(qtbot, notes, "ABCDEFGH")  # not a code anyone knows: typing after all, Enter goes through
        assert notes.toPlainText() == "felt dizzy ABCDEFGH\n"
        assert seen == ["=G123426000001", "=G123426000002", "ABCDEFGH"]
    finally:
        app.removeEventFilter(wedge)
