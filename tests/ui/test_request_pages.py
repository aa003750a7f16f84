"""The issue counter at work through the real window: request, crossmatch, reserve, issue, return, reactions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from sqlalchemy import func, select

from bbms_desktop.models import (
    AuditEvent,
    BloodRequest,
    Component,
    ComponentReturn,
    Crossmatch,
    Issue,
    OutboxOp,
    TransfusionReaction,
)
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.vocabulary import ComponentStatus, RequestStatus
from bbms_desktop.services import transfusion as tx
from tests.services.factories import released_unit
from tests.ui.conftest import scan, sign_in, wait_idle


def _stock(db, staff, *groups, code="PRBC_SAGM"):
    """Released, tested units (verified by a second technician), collected just now; (id, din) of each."""
    with db.unit_of_work(staff["component_technician"]) as uow:
        units = [
            released_unit(uow, staff["lab_technician_2"], abo=group[:-1], rhd=group[-1], code=code) for group in groups
        ]
        return [(unit.id, unit.din) for unit in units]


def _request(db, staff, **changes):
    values = dict(
        patient_name="Sunita Devi",
        patient_sex="F",
        patient_group="O+",
        hospital="Safdarjung Hospital",
        component_code="PRBC_SAGM",
        units=1,
        urgency="routine",
        requesting_doctor="Dr. R. Gupta",
        doctor_registration_number="DMC-4567",
        patient_age_years=34,
        ward="Surgery II",
    )
    values.update(changes)
    with db.unit_of_work(staff["issue_counter"]) as uow:
        return tx.create_request(uow, tx.RequestForm(**values))


def _issued(db, staff, request, component_id):
    with db.unit_of_work(staff["lab_technician"]) as uow:
        tx.crossmatch(uow, request.request_id, component_id, "ahg", "compatible")
    with db.unit_of_work(staff["issue_counter"]) as uow:
        return tx.issue(uow, request.request_id, component_id, "Ward boy Ramesh")


def _status(db, component_id):
    with db.read() as s:
        unit = s.get(Component, component_id)
        return unit.status, unit.reserved_for_request_id


def _counts(db):
    with db.read() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model))
            for model in (OutboxOp, AuditEvent, BloodRequest, Crossmatch, Issue, ComponentReturn, TransfusionReaction)
        }


def _click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)


def _click_row(qtbot, view: QTableView, row: int):
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot)


def _press_enter(qtbot, widget):
    """Enter typed by a person (after a pause, so the scanner does not take the field's text for a scan)."""
    qtbot.wait(80)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    wait_idle(qtbot)


def _open(qtbot, open_window, username, page_id="requests"):
    """The window signed in as ``username``, active (so keys reach the focused field and the scanner), on the page."""
    window = open_window(username)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    page = window.open_page(page_id)
    assert page is not None, f"{username} does not see the {page_id} page"
    wait_idle(qtbot)
    return window, page


def _pick_request(qtbot, page, number):
    qtbot.waitUntil(lambda: any(r.request_number == number for r in page.list_model.rows), timeout=10_000)
    row = next(n for n, r in enumerate(page.list_model.rows) if r.request_number == number)
    _click_row(qtbot, page.list_view, row)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.request.request_number == number)


def _barcode(din):
    return isbt128.format_for_barcode(din, isbt128.check_flags(din))


def _scan_anywhere(qtbot, window, widget, code):
    """A scan while the focus is not in a DIN box. The scanner is set to send a prefix (a supported configuration), so
    the scan is told from typing by its prefix rather than by its speed, which a loaded test machine cannot promise."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Shift)  # ends any typing the scanner is still counting (configure keeps it)
    window.scanner.configure(prefix="]Q", suffix="enter", max_gap_ms=40)
    try:
        scan(qtbot, widget, "]Q" + code)
        wait_idle(qtbot)
    finally:
        window.apply_settings()


# ---------------------------------------------------------------------------------------------------------------------


def test_a_request_typed_at_the_counter_is_crossmatched_and_issued_and_the_unit_leaves_stock(
    qtbot, db, staff, open_window, tmp_path
):
    (first, _), (second, _) = _stock(db, staff, "O+", "O+")
    ((a_pos, _),) = _stock(db, staff, "A+")
    window, page = _open(qtbot, open_window, "issue_counter")

    qtbot.keyClick(page.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.stack.currentWidget() is page.form_panel
    qtbot.waitUntil(page.patient_name.hasFocus)
    for field, text in (
        (page.patient_name, "Ramesh Yadav"),
        (page.patient_hospital_id, "IPD-204431"),
        (page.patient_sex, "Male"),
        (page.patient_age, "45"),
        (page.patient_group, "O+"),
        (page.diagnosis, "Upper GI bleed"),
        (page.hospital, "Safdarjung Hospital"),
        (page.ward, "Medicine III"),
        (page.bed, "12"),
    ):
        qtbot.keyClicks(field, text)
    qtbot.keyClicks(page.component, "P")  # Packed red cells (CPDA-1), then the next one: (SAGM)
    qtbot.keyClick(page.component, Qt.Key.Key_Down)
    assert page.component.currentData() == "PRBC_SAGM"
    page.units.selectAll()
    qtbot.keyClicks(page.units, "2")
    qtbot.keyClicks(page.urgency, "Urgent")
    qtbot.keyClicks(page.doctor, "Dr. Anil Mehta")
    qtbot.keyClicks(page.doctor_registration, "DMC-77881")
    _press_enter(qtbot, page.doctor_registration)

    assert page.message.kind == "ok", page.message.text()
    with db.read() as s:
        request = s.scalars(select(BloodRequest)).one()
        assert f"Request {request.request_number} is recorded (patient age 45 years)" in page.message.text()
        assert (request.patient_name, request.patient_age_years, request.patient_group, request.patient_sex) == (
            "Ramesh Yadav",
            45,
            "O+",
            "M",
        )
        assert (request.component_code, request.units_requested, request.urgency) == ("PRBC_SAGM", 2, "urgent")
        request_id = request.id
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.request.request_id == request_id)
    assert page.stack.currentWidget() is page.detail_panel
    assert "Ramesh Yadav" in page.summary_title.text()
    # O+ red cells only, for an O+ patient: the A+ unit is not offered
    assert {u.component_id for u in page.suggest_model.rows} == {first, second}
    assert a_pos not in {u.component_id for u in page.suggest_model.rows}

    _click_row(qtbot, page.suggest_view, 0)
    chosen = page.unit.component_id
    assert page.din_edit.text() == page.unit.din
    qtbot.keyClicks(page.result_combo, "Compatible")
    qtbot.keyClicks(page.notes_edit, "Saline and AHG phase clear")
    _press_enter(qtbot, page.notes_edit)
    assert page.message.kind == "ok" and "reserved for this patient" in page.message.text(), page.message.text()
    assert _status(db, chosen) == (ComponentStatus.RESERVED, request_id)
    qtbot.waitUntil(lambda: any(u.reserved_for_this_request for u in page.suggest_model.rows))
    window.grab().save(str(tmp_path / "requests_crossmatched.png"))

    qtbot.keyClicks(page.collected_by, "Ward boy Suresh")
    _press_enter(qtbot, page.collected_by)
    assert page.message.kind == "ok", page.message.text()
    assert "issued on request" in page.message.text() and "Ward boy Suresh" in page.message.text()
    assert _status(db, chosen) == (ComponentStatus.ISSUED, None)
    with db.read() as s:
        issue = s.scalars(select(Issue)).one()
        assert (issue.component_id, issue.collected_by, issue.crossmatch_id is not None) == (
            chosen,
            "Ward boy Suresh",
            True,
        )
    qtbot.waitUntil(lambda: chosen not in {u.component_id for u in page.suggest_model.rows})
    assert [i.component_id for i in page.issues_model.rows] == [chosen]
    assert "1 issued" in page.summary_request.text()
    assert page.unit is None and page.din_edit.text() == ""


def test_plasma_is_reserved_from_the_suggestions_then_issued(qtbot, db, staff, open_window):
    ((plasma, _),) = _stock(db, staff, "AB+", code="FFP")
    request = _request(db, staff, component_code="FFP", patient_group="AB+", units=1)
    _window, page = _open(qtbot, open_window, "issue_counter")
    _pick_request(qtbot, page, request.request_number)
    qtbot.waitUntil(lambda: len(page.suggest_model.rows) == 1)

    _click_row(qtbot, page.suggest_view, 0)
    _click(qtbot, page.reserve_button)
    assert page.message.kind == "ok" and "reserved for this patient" in page.message.text(), page.message.text()
    assert _status(db, plasma) == (ComponentStatus.RESERVED, request.request_id)

    qtbot.keyClicks(page.collected_by, "Nurse Kavita")
    _click(qtbot, page.issue_button)
    assert page.message.kind == "ok", page.message.text()
    assert _status(db, plasma) == (ComponentStatus.ISSUED, None)
    with db.read() as s:
        assert s.get(BloodRequest, request.request_id).status == RequestStatus.FULFILLED


def test_a_pos_red_cells_for_an_o_pos_patient_are_refused_with_the_reason_and_nothing_is_saved(
    qtbot, db, staff, open_window, tmp_path
):
    ((a_pos, a_din),) = _stock(db, staff, "A+")
    request = _request(db, staff)  # O+ patient, red cells
    window, page = _open(qtbot, open_window, "issue_counter")
    _pick_request(qtbot, page, request.request_number)
    assert page.suggest_model.rows == []  # nothing compatible in stock

    scan(qtbot, page.din_edit, _barcode(a_din))
    wait_idle(qtbot)
    assert page.unit is not None and page.unit.component_id == a_pos
    assert page.unit_badge.text() == "A+"
    qtbot.keyClicks(page.collected_by, "Ward boy Ramesh")
    before = _counts(db)
    _press_enter(qtbot, page.collected_by)

    text = page.message.text()
    assert page.message.kind == "error" and "#8a1c1c" in page.message.styleSheet()
    assert f"Do not issue unit {a_din} for request {request.request_number}" in text, text
    reasons = text.split("\n")[1:]  # one reason a line, each in full
    assert reasons == [
        "• Group A red cells are not compatible with a group O patient. Acceptable: group O.",
        "• it has no compatible crossmatch for this patient: crossmatch it first (only an emergency request may take "
        "uncrossmatched units)",
    ], text
    assert _counts(db) == before
    assert _status(db, a_pos) == (ComponentStatus.AVAILABLE, None)
    window.grab().save(str(tmp_path / "requests_refused.png"))

    # nor may it be crossmatched: the same refusal, nothing saved
    qtbot.keyClicks(page.result_combo, "Compatible")
    _click(qtbot, page.crossmatch_button)
    assert page.message.kind == "error" and f"Unit {a_din} cannot be crossmatched" in page.message.text()
    assert _counts(db) == before


@pytest.mark.parametrize(
    ("username", "sees"),
    [
        ("registrar", set()),
        ("lab_technician", {"crossmatch"}),
        ("issue_counter", {"crossmatch", "reserve", "issue", "return", "transfused"}),
        ("quality_admin", {"crossmatch", "reserve", "issue", "return", "transfused", "override"}),
    ],
)
def test_each_role_sees_only_the_actions_it_may_take(qtbot, db, staff, open_window, username, sees):
    request = _request(db, staff)
    _window, page = _open(qtbot, open_window, username)
    _pick_request(qtbot, page, request.request_number)
    visible = set()
    for tab, actions in (
        (0, {"crossmatch": page.crossmatch_button, "reserve": page.reserve_button, "issue": page.issue_button}),
        (0, {"override": page.override_check}),
        (1, {"return": page.return_button, "transfused": page.transfused_button}),
    ):
        page.tabs.setCurrentIndex(tab)  # what the user sees on each tab
        visible |= {name for name, button in actions.items() if button.isVisibleTo(page)}
    assert visible == sees
    page.tabs.setCurrentIndex(0)
    assert page.new_button.isVisibleTo(page) == (username != "lab_technician")
    assert page.din_edit.isVisibleTo(page) == bool(sees)


def test_an_rhd_override_is_taken_with_its_reason_and_recorded_against_the_signed_in_officer(
    qtbot, db, staff, open_window, admin
):
    ((o_pos, o_din),) = _stock(db, staff, "O+")
    request = _request(
        db, staff, patient_name="Vikram Singh", patient_sex="M", patient_age_years=40, patient_group="O-"
    )
    with db.unit_of_work(staff["lab_technician"]) as uow:
        tx.crossmatch(uow, request.request_id, o_pos, "ahg", "compatible")  # recorded; not reserved (RhD)
    _window, page = _open(qtbot, open_window, "admin")  # the quality administrator may override
    _pick_request(qtbot, page, request.request_number)
    assert page.suggest_model.rows == []  # RhD-positive red cells are never suggested to an RhD-negative patient
    scan(qtbot, page.din_edit, _barcode(o_din))
    wait_idle(qtbot)
    assert page.unit is not None and page.unit.component_id == o_pos
    qtbot.keyClicks(page.collected_by, "Ward boy Ramesh")

    before = _counts(db)
    _click(qtbot, page.issue_button)  # without the override: refused, with the RhD reason
    assert page.message.kind == "error" and "RhD-positive" in page.message.text(), page.message.text()
    page.override_check.setChecked(True)
    _click(qtbot, page.issue_button)  # the override needs its reason
    assert page.message.kind == "error" and "reason for the RhD override" in page.message.text()
    assert page.override_reason.hasFocus()
    assert _counts(db) == before

    qtbot.keyClicks(page.override_reason, "No RhD-negative red cells in stock; patient bleeding")
    _press_enter(qtbot, page.override_reason)
    assert page.message.kind == "warn" and "RhD override is recorded" in page.message.text(), page.message.text()
    with db.read() as s:
        issue = s.scalars(select(Issue)).one()
        assert (issue.component_id, issue.override_by_id, issue.override_reason) == (
            o_pos,
            admin.user_id,
            "No RhD-negative red cells in stock; patient bleeding",
        )
    assert not page.override_check.isChecked() and page.override_reason.text() == ""


def test_a_unit_back_from_the_ward_is_scanned_and_received_into_stock_another_confirmed_transfused(
    qtbot, db, staff, open_window, tmp_path
):
    (first, first_din), (second, second_din) = _stock(db, staff, "O+", "O+")
    request = _request(db, staff, units=2)
    _issued(db, staff, request, first)
    _issued(db, staff, request, second)
    window, page = _open(qtbot, open_window, "issue_counter")
    qtbot.waitUntil(lambda: len(page.list_model.rows) == 1)  # fulfilled, but units are out: still active

    _scan_anywhere(qtbot, window, page.list_view, _barcode(first_din))  # scanned anywhere on the page
    qtbot.waitUntil(lambda: page.tabs.currentIndex() == 1 and page.issues_view.currentIndex().isValid())
    assert page.issues_model.rows[page.issues_view.currentIndex().row()].component_id == first
    assert "out of controlled storage" in page.time_out.text()
    qtbot.keyClicks(page.seal_combo, "Yes")
    qtbot.keyClicks(page.cold_combo, "Yes")
    qtbot.keyClicks(page.return_reason, "Transfusion postponed")
    window.grab().save(str(tmp_path / "requests_return.png"))
    _press_enter(qtbot, page.return_reason)
    assert page.message.kind == "ok" and "back in available stock" in page.message.text(), page.message.text()
    assert _status(db, first) == (ComponentStatus.AVAILABLE, None)
    with db.read() as s:
        back = s.scalars(select(ComponentReturn)).one()
        assert (back.component_id, back.accepted, back.seal_intact, back.reason) == (
            first,
            True,
            True,
            "Transfusion postponed",
        )
        assert s.get(BloodRequest, request.request_id).status == RequestStatus.OPEN  # room for a replacement

    _scan_anywhere(qtbot, window, page.issues_view, _barcode(second_din))
    qtbot.waitUntil(
        lambda: (
            page.issues_view.currentIndex().isValid()
            and page.issues_model.rows[page.issues_view.currentIndex().row()].component_id == second
        )
    )
    _click(qtbot, page.transfused_button)
    assert page.message.kind == "ok" and "transfused" in page.message.text()
    assert _status(db, second)[0] == ComponentStatus.TRANSFUSED


def test_an_unanswered_return_question_is_refused_by_the_service_and_nothing_saved(qtbot, db, staff, open_window):
    ((unit, din),) = _stock(db, staff, "O+")
    request = _request(db, staff)
    _issued(db, staff, request, unit)
    window, page = _open(qtbot, open_window, "issue_counter")
    _scan_anywhere(qtbot, window, page.list_view, _barcode(din))
    qtbot.waitUntil(lambda: page.issues_view.currentIndex().isValid())
    qtbot.keyClicks(page.seal_combo, "Yes")  # the storage temperature question left blank
    before = _counts(db)
    _click(qtbot, page.return_button)
    assert page.message.kind == "error" and "storage temperature" in page.message.text(), page.message.text()
    assert page.cold_combo.hasFocus()
    assert _counts(db) == before and _status(db, unit)[0] == ComponentStatus.ISSUED


def test_a_request_is_cancelled_with_a_reason_and_its_reservation_released(qtbot, db, staff, open_window):
    ((unit, _),) = _stock(db, staff, "O+")
    request = _request(db, staff)
    with db.unit_of_work(staff["lab_technician"]) as uow:
        tx.crossmatch(uow, request.request_id, unit, "ahg", "compatible")
    _window, page = _open(qtbot, open_window, "registrar")
    _pick_request(qtbot, page, request.request_number)
    _click(qtbot, page.cancel_button)
    qtbot.keyClicks(page.cancel_reason, "Patient discharged")
    _press_enter(qtbot, page.cancel_reason)
    assert page.message.kind == "ok" and "cancelled" in page.message.text(), page.message.text()
    assert _status(db, unit) == (ComponentStatus.AVAILABLE, None)
    with db.read() as s:
        row = s.get(BloodRequest, request.request_id)
        assert (row.status, row.cancel_reason) == (RequestStatus.CANCELLED, "Patient discharged")


def test_a_transfusion_reaction_is_recorded_against_a_scanned_unit_and_listed(qtbot, db, staff, open_window, tmp_path):
    ((unit, din),) = _stock(db, staff, "O+")
    request = _request(db, staff)
    issued = _issued(db, staff, request, unit)
    window, page = _open(qtbot, open_window, "medical_officer", "reactions")

    scan(qtbot, page.din_edit, _barcode(din))
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.issue_combo.currentData() == issued.issue_id)
    assert request.request_number in page.issue_combo.currentText()
    qtbot.keyClicks(page.type_combo, "Febrile")
    qtbot.keyClicks(page.severity_combo, "Moderate")
    qtbot.keyClicks(page.description, "Fever 38.6 °C with chills 20 minutes into the transfusion; stopped")
    before = _counts(db)
    _click(qtbot, page.save_button)
    assert page.message.kind == "ok", page.message.text()
    after = _counts(db)
    assert after["transfusion_reactions"] == before["transfusion_reactions"] + 1
    with db.read() as s:
        row = s.scalars(select(TransfusionReaction)).one()
        assert (row.issue_id, row.component_id, row.reaction_type, row.severity) == (
            issued.issue_id,
            unit,
            "febrile_non_haemolytic",
            "moderate",
        )
        assert row.onset_at <= datetime.now(UTC) and row.onset_at > datetime.now(UTC) - timedelta(minutes=5)
    qtbot.waitUntil(lambda: len(page.list_model.rows) == 1)
    listed = page.list_model.rows[0]
    assert (listed.din, listed.patient_name, listed.severity) == (din, "Sunita Devi", "moderate")
    window.grab().save(str(tmp_path / "reactions.png"))


def test_a_reaction_without_its_type_is_refused_and_nothing_saved(qtbot, db, staff, open_window):
    ((unit, din),) = _stock(db, staff, "O+")
    request = _request(db, staff)
    _issued(db, staff, request, unit)
    _window, page = _open(qtbot, open_window, "issue_counter", "reactions")
    scan(qtbot, page.din_edit, _barcode(din))
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.issue_combo.currentData() is not None)
    qtbot.keyClicks(page.severity_combo, "Mild")
    before = _counts(db)
    _click(qtbot, page.save_button)
    assert page.message.kind == "error" and "reaction type" in page.message.text(), page.message.text()
    assert _counts(db) == before


def test_what_one_user_typed_is_gone_when_another_signs_in_at_the_counter(qtbot, db, staff, open_window):
    request = _request(db, staff)
    window, page = _open(qtbot, open_window, "issue_counter")
    _pick_request(qtbot, page, request.request_number)
    page.open_form()
    qtbot.keyClicks(page.patient_name, "Half-typed patient")
    window.switch_user()
    sign_in(qtbot, window, "registrar")
    page = window.open_page("requests")
    wait_idle(qtbot)
    assert page.patient_name.text() == "" and page.detail is None
    assert page.stack.currentWidget() is page.placeholder


def test_the_carrier_of_one_patients_unit_is_never_offered_for_another_patient(qtbot, db, staff, open_window):
    _stock(db, staff, "AB+", code="FFP")
    first = _request(db, staff, component_code="FFP", patient_group="AB+", units=1)
    second = _request(db, staff, patient_name="Kamla Bai", component_code="FFP", patient_group="AB+", units=1)
    _window, page = _open(qtbot, open_window, "issue_counter")
    _pick_request(qtbot, page, first.request_number)
    qtbot.keyClicks(page.collected_by, "Nurse Kavita")
    _pick_request(qtbot, page, second.request_number)
    assert page.collected_by.text() == ""
