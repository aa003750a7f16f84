"""Dashboard, sync, settings, about and camps pages, driven through the real window with keys and clicks."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from bbms_desktop.models import Camp, DeadLetter, DeviceState, Donor, OpState, OutboxOp
from bbms_desktop.rules.vocabulary import ComponentStatus
from bbms_desktop.services.profile import head_revision
from bbms_desktop.ui import settings as options
from bbms_desktop.ui.app import current_language, install_language
from tests.services.factories import make_component, make_donation, make_donor, released_unit
from tests.ui.conftest import wait_idle


def _page(qtbot, window, page_id):
    page = window.open_page(page_id)
    assert page is not None, f"{page_id} is not offered to {window.ctx.actor}"
    wait_idle(qtbot)
    return page


def _click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _stock(db, staff):
    now = datetime.now(UTC)
    with db.unit_of_work(staff["lab_technician"], now=now) as uow:
        verifier = staff["lab_technician_2"]
        released_unit(uow, verifier, abo="O", rhd="+")
        released_unit(uow, verifier, abo="O", rhd="+")
        released_unit(uow, verifier, abo="B", rhd="-", code="FFP")
        # a platelet unit made 4 days and 1 hour ago keeps 5 days: it expires within 24 hours
        released_unit(uow, verifier, abo="A", rhd="+", code="PLT_RDP", collected_at=now - timedelta(days=4, hours=1))
        make_component(uow, make_donation(uow), status=ComponentStatus.QUARANTINE)


def _dead_letter(db, row_id, *, code="illegal_transition", entity="components", fields=None, server_row=None):
    with db.remote_apply() as session:
        seq = (session.scalar(select(func.max(DeadLetter.op_seq))) or 0) + 1
        letter = DeadLetter(
            op_seq=seq,
            op_id=uuid.uuid4(),
            tx=seq,
            entity=entity,
            row_id=row_id,
            kind="update",
            fields=fields or {"status": "issued"},
            code=code,
            message="component G1234 26 000001 is discarded: it cannot be issued",
            server_row=server_row,
        )
        session.add(letter)
        session.flush()
        return letter.id


# --- dashboard ----------------------------------------------------------------------------------------------------


def test_dashboard_shows_stock_by_group_and_component_with_expiry_quarantine_and_today(qtbot, db, staff, open_window):
    _stock(db, staff)
    window = open_window("quality_admin")
    page = window.workspace.current_page()
    assert page.page_id == "dashboard"
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    assert page.cells[("PRBC_SAGM", "O+")].text() == "2"
    assert page.cells[("FFP", "B-")].text() == "1"
    assert page.cells[("PRBC_SAGM", "A-")].text() == "0"
    assert page.row_totals["PRBC_SAGM"].text() == "2"
    assert page.group_totals["O+"].text() == "2"
    assert page.grand_total.text() == "4"
    assert page.available.value.text() == "4"
    assert page.expiring_24h.value.text() == "1"
    assert page.expiring_72h.value.text() == "1"
    assert page.quarantine.value.text() == "1"
    # four donations were collected just now (the platelets' four days ago)
    assert page.collected.value.text() == "4"
    assert "1,800 ml" in page.collected.note.text()
    assert "#bbdefb" in page.findChild(type(page.heading), "group_O+").styleSheet()  # group O labels are blue
    assert "#fff59d" in page.findChild(type(page.heading), "group_A-").styleSheet()  # group A yellow
    # the sync state comes from the window's sync bridge
    assert "Standalone" in page.sync_card.value.text()
    assert "Changes waiting to be sent" in page.sync_card.note.text()


def test_a_save_elsewhere_refreshes_the_dashboard_while_it_shows(qtbot, db, staff, open_window):
    window = open_window("quality_admin")
    page = window.workspace.current_page()
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    assert page.available.value.text() == "0"
    with db.unit_of_work(staff["lab_technician"]) as uow:
        released_unit(uow, staff["lab_technician_2"], abo="AB", rhd="-")
    window.ctx.records_changed.emit("components")  # what every page's save announces
    qtbot.waitUntil(lambda: page.available.value.text() == "1", timeout=10_000)
    assert page.cells[("PRBC_SAGM", "AB-")].text() == "1"
    qtbot.keyClick(page, Qt.Key.Key_F5)  # and F5 reloads on demand
    wait_idle(qtbot)
    assert page.available.value.text() == "1"


def test_dashboard_counts_refused_changes_and_donors_to_review_and_opens_the_sync_page(qtbot, db, staff, open_window):
    with db.unit_of_work(staff["registrar"]) as uow:
        donor_id = make_donor(uow).id
    with db.remote_apply() as session:
        session.get(Donor, donor_id).needs_review = True
    _dead_letter(db, uuid.uuid4())
    window = open_window("registrar")
    page = window.workspace.current_page()
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    assert page.attention.value.text() == "2"
    assert "1 changes refused by the server, 1 donors to review" in page.attention.note.text()
    _click(qtbot, page.open_sync)
    wait_idle(qtbot)
    assert window.workspace.current_page().page_id == "sync"


# --- sync page ----------------------------------------------------------------------------------------------------


def test_sync_now_is_disabled_with_the_reason_when_not_enrolled(qtbot, db, staff, open_window):
    with db.unit_of_work(staff["registrar"]) as uow:
        make_donor(uow)
    window = open_window("registrar")
    page = _page(qtbot, window, "sync")
    qtbot.waitUntil(lambda: page.info is not None, timeout=10_000)
    with db.read() as session:
        pending = session.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.state == OpState.PENDING))
        device_id = session.get(DeviceState, 1).device_id
    assert pending > 0
    assert page.pending.text() == f"{pending:,}"
    assert page.device.text() == str(device_id)
    assert "Not enrolled" in page.server.text()
    assert not page.sync_now_button.isEnabled()
    assert "not enrolled" in page.sync_hint.text()
    assert "Standalone" in page.state.text()
    assert page.last_sync.text() == "never"
    assert page.dead_empty.isVisible() and not page.dead_splitter.isVisible()


def test_a_refused_change_shows_what_happened_and_what_to_do_and_quality_marks_it_dealt_with(
    qtbot, db, staff, open_window
):
    with db.unit_of_work(staff["component_technician"]) as uow:
        donation = make_donation(uow)
        unit_id, din = make_component(uow, donation).id, donation.din
    letter_id = _dead_letter(db, unit_id, server_row={"id": str(unit_id), "din": din, "status": "discarded"})
    window = open_window("quality_admin")
    page = _page(qtbot, window, "sync")
    assert page.tabs.tabText(0) == "Refused changes (1)"
    assert page.dead_model.rowCount() == 1
    table = page.dead_table
    rect = table.visualRect(page.dead_model.index(0, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.dead_model.data(page.dead_model.index(0, 2)) == din
    assert page.detail_title.text().startswith(f"Blood unit (component) {din}")
    assert "illegal_transition" in page.what_happened.text()
    assert "The server's version replaced this change on this computer." in page.what_happened.text()
    assert "Another computer changed this unit first" in page.what_to_do.text()
    assert "cannot be issued" in page.server_message.text()
    assert '"status": "issued"' in page.fields.toPlainText()
    assert page.resolve_box.isVisible()
    # an empty note is refused by the service, and the refusal is shown
    qtbot.keyClick(page.resolution, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.message.kind == "error"
    assert "Say what was done" in page.message.text()
    qtbot.keyClicks(page.resolution, "Checked the unit: discarded at the other counter; issued another.")
    qtbot.keyClick(page.resolution, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.message.kind == "ok", page.message.text()
    assert page.dead_model.rowCount() == 0
    assert page.tabs.tabText(0) == "Refused changes (0)"
    with db.read() as session:
        row = session.get(DeadLetter, letter_id)
        assert row.resolution == "Checked the unit: discarded at the other counter; issued another."
        assert row.resolved_at is not None


def test_a_role_without_oversight_sees_refused_changes_but_cannot_mark_them(qtbot, db, staff, open_window):
    _dead_letter(db, uuid.uuid4(), code="row_exists", fields={"din": "G123426000777", "code": "FFP"})
    window = open_window("issue_counter")
    page = _page(qtbot, window, "sync")
    page.dead_table.selectRow(0)
    assert "already made on another computer" in page.what_to_do.text()
    assert page.detail_title.text().startswith("Blood unit (component) G123426000777")
    assert not page.resolve_box.isVisible()


def test_donors_to_review_are_listed_and_open_on_the_donors_page(qtbot, db, staff, open_window):
    with db.unit_of_work(staff["registrar"]) as uow:
        donor = make_donor(uow, name="Sunita", family="Deshmukh")
    with db.remote_apply() as session:
        session.get(Donor, donor.id).needs_review = True
    window = open_window("registrar")
    page = _page(qtbot, window, "sync")
    assert page.tabs.tabText(1) == "Donors to review (1)"
    page.tabs.setCurrentIndex(1)
    assert page.review_model.data(page.review_model.index(0, 1)) == "Sunita Deshmukh"
    assert "compare the details" in page.review_advice.text()
    page.review_table.selectRow(0)
    _click(qtbot, page.open_donor_button)
    wait_idle(qtbot)
    assert window.workspace.current_page().page_id == "donors"


def test_an_enrolled_computer_offers_sync_now_and_shows_the_failure(qtbot, db, staff, open_window, monkeypatch):
    monkeypatch.setenv("BBMS_KEYRING", "file")  # no secret is kept for this device: each cycle fails at once
    # closing an enrolled window with changes waiting asks first (test_shell checks the question): here, close
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes)
    with db.remote_apply() as session:
        session.get(DeviceState, 1).server_url = "http://127.0.0.1:9"
    window = open_window("quality_admin")
    qtbot.waitUntil(lambda: window.sync.enrolled, timeout=10_000)
    page = _page(qtbot, window, "sync")
    assert page.server.text() == "Enrolled with http://127.0.0.1:9"
    qtbot.waitUntil(lambda: window.sync.status.state == "error", timeout=20_000)
    qtbot.waitUntil(lambda: page.sync_now_button.isEnabled(), timeout=10_000)
    assert "failed" in page.state.text()
    assert page.last_error.text() not in ("", "none")
    _click(qtbot, page.sync_now_button)
    assert page.message.isVisible() and page.message.text()
    settings = _page(qtbot, window, "settings")
    qtbot.waitUntil(lambda: "http://127.0.0.1:9" in settings.server.text(), timeout=10_000)
    assert "enrolled" in settings.server.text()


# --- settings -----------------------------------------------------------------------------------------------------


def test_switching_to_hindi_relabels_every_page_and_keeps_what_was_typed(qtbot, db, staff, open_window):
    window = open_window("quality_admin")
    camps_page = _page(qtbot, window, "camps")
    qtbot.keyClicks(camps_page.name, "Rotary Club blood donation camp")
    qtbot.keyClicks(camps_page.venue, "Town hall, Nashik")
    dashboard = window.workspace.pages["dashboard"]
    english_row = dashboard.row_labels["PRBC_SAGM"].text()
    english_user = window.user_label.text()
    page = _page(qtbot, window, "settings")
    try:
        page.language.setFocus()
        qtbot.keyClick(page.language, Qt.Key.Key_Down)  # English → हिन्दी
        wait_idle(qtbot)
        assert current_language() == "hi"
        assert page.ctx.settings[options.LANGUAGE] == "hi"
        hindi_row = dashboard.row_labels["PRBC_SAGM"].text()
        assert hindi_row != english_row
        assert hindi_row == QCoreApplication.translate("Components", "Packed red cells (SAGM)")
        assert any("\u0900" <= ch <= "\u097f" for ch in hindi_row)
        assert window.user_label.text() != english_user  # the role is named in Hindi
        assert camps_page.name.text() == "Rotary Club blood donation camp"
        assert camps_page.venue.text() == "Town hall, Nashik"
        back = window.open_page("camps")
        assert back is camps_page and camps_page.name.text() == "Rotary Club blood donation camp"
    finally:
        install_language(QApplication.instance(), "en")
        qtbot.waitUntil(lambda: dashboard.row_labels["PRBC_SAGM"].text() == english_row, timeout=5_000)


def test_scanner_and_auto_lock_settings_are_saved_to_the_profile_and_applied_at_once(qtbot, db, staff, open_window):
    window = open_window("registrar")
    page = _page(qtbot, window, "settings")
    assert page.printer.itemData(0) == ""  # the system's default printer is always offered
    assert "Not enrolled" in page.server.text()
    page.scanner_prefix.setFocus()
    qtbot.keyClicks(page.scanner_prefix, "]C1")
    page.scanner_suffix.setCurrentIndex(page.scanner_suffix.findData("tab"))
    page.scanner_gap.selectAll()
    qtbot.keyClicks(page.scanner_gap, "60")
    page.auto_lock.selectAll()
    qtbot.keyClicks(page.auto_lock, "2")
    qtbot.keyClick(page.auto_lock, Qt.Key.Key_Return)  # Enter saves
    assert page.message.kind == "ok"
    assert window.scanner.prefix == "]C1"
    assert window.scanner.suffix_keys == (Qt.Key.Key_Tab,)
    assert abs(window.scanner.max_gap - 0.060) < 1e-9
    assert window.lock_timer.interval() == 2 * 60_000 and window.lock_timer.isActive()
    saved = options.Settings(db.path.parent)  # read back from settings.ini, as the next start would
    assert saved[options.SCANNER_PREFIX] == "]C1"
    assert saved[options.SCANNER_SUFFIX] == "tab"
    assert saved[options.SCANNER_MAX_GAP_MS] == 60
    assert saved[options.AUTO_LOCK_MINUTES] == 2
    # never lock: 0 minutes stops the timer
    page.auto_lock.selectAll()
    qtbot.keyClicks(page.auto_lock, "0")
    _click(qtbot, page.save_button)
    assert page.auto_lock.value() == 0 and page.auto_lock.specialValueText() == "never"
    assert not window.lock_timer.isActive()


def test_unsaved_settings_are_undone_on_request(qtbot, db, staff, open_window):
    window = open_window("registrar")
    page = _page(qtbot, window, "settings")
    qtbot.keyClicks(page.scanner_prefix, "#")
    _click(qtbot, page.revert_button)
    assert page.scanner_prefix.text() == ""
    assert page.ctx.settings[options.SCANNER_PREFIX] == ""


# --- about --------------------------------------------------------------------------------------------------------


def test_about_names_the_version_centre_computer_database_and_licences(qtbot, db, staff, open_window):
    window = open_window("phlebotomist")
    page = _page(qtbot, window, "about")
    qtbot.waitUntil(lambda: page.info is not None, timeout=10_000)
    with db.read() as session:
        device_id = session.get(DeviceState, 1).device_id
    assert page.version.text() == "0.1.0"
    assert "Rakt Kosh Blood Centre, New Delhi" in page.centre.text() and "G1234" in page.centre.text()
    assert page.device.text() == str(device_id)
    assert page.database.text() == str(db.path)
    assert page.schema.text() == head_revision()
    names = [page.licences_model.row(i).name for i in range(page.licences_model.rowCount())]
    assert {"Qt", "SQLAlchemy", "bbms-desktop"} <= set(names)
    licences = {row.name: row.licence for row in page.licences_model.rows}
    assert licences["SQLAlchemy"] == "MIT"
    assert "LGPL-3.0" in licences["Qt"]


# --- camps --------------------------------------------------------------------------------------------------------


def test_planning_a_camp_by_keyboard_lists_it_and_a_wrong_date_is_refused(qtbot, db, staff, open_window):
    window = open_window("quality_admin")
    page = _page(qtbot, window, "camps")
    assert page.plan_box.isVisible()
    qtbot.keyClicks(page.name, "Rotary blood donation camp")
    qtbot.keyClicks(page.venue, "Rotary Hall, Nashik Road")
    start = date.today() + timedelta(days=10)
    page.starts_on.setDate(QDate(start))
    page.ends_on.setDate(QDate(start - timedelta(days=1)))
    qtbot.keyClicks(page.district, "Nashik")
    qtbot.keyClick(page.district, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.plan_message.kind == "error"
    assert "check the dates" in page.plan_message.text()
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Camp)) == 0
    page.ends_on.setDate(QDate(start + timedelta(days=1)))
    page.expected.selectAll()
    qtbot.keyClicks(page.expected, "120")
    qtbot.keyClick(page.expected, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.message.kind == "ok", page.plan_message.text()
    with db.read() as session:
        camp = session.scalars(select(Camp)).one()
        assert (camp.name, camp.venue, camp.district, camp.expected_donors) == (
            "Rotary blood donation camp",
            "Rotary Hall, Nashik Road",
            "Nashik",
            120,
        )
        assert (camp.starts_on, camp.ends_on) == (start, start + timedelta(days=1))
    assert camp.code in page.message.text()
    assert page.model.rowCount() == 1
    assert page.current_camp() is not None and page.current_camp().code == camp.code
    assert page.model.data(page.model.index(0, 1)) == "Upcoming"
    assert "Donors expected: 120" in page.detail.text()
    assert page.name.text() == ""  # the form is ready for the next camp


def test_a_registrar_sees_the_camps_but_cannot_plan_one(qtbot, db, staff, admin, open_window):
    from bbms_desktop.services import camps

    with db.unit_of_work(admin) as uow:
        camps.plan_camp(
            uow, camps.CampForm(name="Camp A", venue="School", starts_on=date.today(), ends_on=date.today())
        )
    window = open_window("registrar")
    page = _page(qtbot, window, "camps")
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 1)) == "Running"
    assert not page.plan_box.isVisible()
    phlebotomist = open_window("phlebotomist")
    assert "camps" not in phlebotomist.workspace.visible_ids()
