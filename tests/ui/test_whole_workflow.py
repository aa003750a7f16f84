"""A blood centre's day through ONE real window: every step by the user whose job it is, at one shared workstation.

Each user signs in at the sign-in page after Ctrl+Shift+L ("switch user"), opens their page from the sidebar and works
it with keys, clicks and wedge scans. No service is called to do the work: the database is read only to check what
the window did. The first test follows a new donor's blood into a patient (and sees the same bag's group O plasma
refused for a group A patient); the second a reactive donation into the discard bin, and the donor back at
screening, stopped by the deferral the laboratory recorded. Together they cover a deferred donor stopped at screening
and an incompatible issue refused, end to end.
"""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QComboBox, QTableView, QWidget
from sqlalchemy import func, select

from bbms_desktop.models import (
    BloodRequest,
    Component,
    Crossmatch,
    Deferral,
    Discard,
    Donation,
    Donor,
    Issue,
    LabResultSet,
    LabVerification,
    ScreeningVisit,
)
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.vocabulary import ComponentStatus
from bbms_desktop.ui.main_window import MainWindow
from tests.ui.conftest import scan, sign_in, wait_idle

S = ComponentStatus
LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# forward anti-A, anti-B, anti-AB, anti-D; reverse A cells, B cells, O cells, as the technician reads them
O_POS_READINGS = ("Neg", "Neg", "Neg", "Pos", "Pos", "Pos", "Neg")
REAGENTS = ("anti_a", "anti_b", "anti_ab", "anti_d", "a_cells", "b_cells", "o_cells")


# --- what a person does at the workstation ---------------------------------------------------------------------------


class Workstation:
    """The one window everybody uses in turn, and the pictures taken of it at each step."""

    def __init__(self, qtbot, window: MainWindow, shots: Path) -> None:
        self.qtbot, self.window, self.shots = qtbot, window, shots
        self.step = 0

    def snap(self, name: str) -> Path:
        self.step += 1
        path = self.shots / f"{self.step:02d}_{name}.png"
        self.window.grab().save(str(path))
        return path

    def switch_user(self, username: str) -> None:
        """Ctrl+Shift+L, as the next person at the desk does, then their username and password at the sign-in page."""
        window = self.window
        qtbot = self.qtbot
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L, CTRL | SHIFT)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login_page, timeout=5_000)
        assert window.ctx.actor is None and window.login_page.username.text() == ""
        assert window.user_label.text() == "Not signed in"
        sign_in(qtbot, window, username)
        assert window.pages.currentWidget() is window.workspace

    def go(self, page_id: str):
        """Click the page's entry in the sidebar."""
        sidebar = self.window.workspace.sidebar
        ids = self.window.workspace.visible_ids()
        assert page_id in ids, f"{self.window.ctx.actor.name} does not see the {page_id} page: {ids}"
        item = sidebar.item(ids.index(page_id))
        sidebar.scrollToItem(item)
        self.qtbot.mouseClick(sidebar.viewport(), LEFT, pos=sidebar.visualItemRect(item).center())
        wait_idle(self.qtbot)
        page = self.window.workspace.current_page()
        assert page.page_id == page_id
        return page

    def scan_anywhere(self, widget: QWidget, code: str) -> None:
        """A scan while the focus is in no DIN box. The scanner sends a prefix here (a supported configuration), so
        the scan is told from typing by its prefix, not by a speed that a loaded test machine cannot promise."""
        window = self.window
        widget.setFocus()
        self.qtbot.keyClick(widget, Qt.Key.Key_Shift)  # ends any typing the scanner is still counting
        window.scanner.configure(prefix="]Q", suffix="enter", max_gap_ms=40)
        try:
            scan(self.qtbot, widget, "]Q" + code)
            wait_idle(self.qtbot)
        finally:
            window.apply_settings()


_typed_at: dict[int, float] = {}


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Type into a field; a combo box is chosen by typing the start of an item, as with a keyboard."""
    widget.setFocus()
    if isinstance(widget, QComboBox):
        # keys typed within the keyboard interval join into one search ("F", then "F" again: "FF")
        interval = QApplication.keyboardInputInterval() / 1000
        since = time.monotonic() - _typed_at.get(id(widget), 0.0)
        if since < interval:
            qtbot.wait(int((interval - since) * 1000) + 50)
        _typed_at[id(widget)] = time.monotonic()
    qtbot.keyClicks(widget, text)
    if isinstance(widget, QComboBox):
        assert widget.currentText().lower().startswith(text.lower()), (text, widget.currentText())


def press_enter(qtbot, widget: QWidget) -> None:
    """Enter typed by a person, after a pause (so the scanner does not take the typed field for a scan)."""
    qtbot.wait(80)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    wait_idle(qtbot)


def click(qtbot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, LEFT)
    wait_idle(qtbot)


def click_row(qtbot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    wait_idle(qtbot)


def column(table: QTableView, col: int) -> list[str]:
    model = table.model()
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def plain(label) -> str:
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def barcode(din: str) -> str:
    """What the wedge types for a bag's DIN label: ``=`` + DIN + check flags."""
    return isbt128.format_for_barcode(din, isbt128.check_flags(din))


def new_din(sequence: int) -> str:
    """A DIN of this centre's FIN as pre-printed on a bag label: FIN, the year, a 6-digit sequence."""
    return f"G1234{date.today().year % 100:02d}{sequence:06d}"


def count(db, model, *where) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


@pytest.fixture
def shots(request, tmp_path) -> Path:
    """Where the window's pictures go (BBMS_UI_SHOTS keeps them for a person to look at), one folder a test."""
    folder = Path(os.environ.get("BBMS_UI_SHOTS") or tmp_path) / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def desk(qtbot, open_window, shots):
    """The workstation, first signed in by the registrar at the start of the day."""
    window = open_window("registrar")
    window.activateWindow()  # keyboard focus, shortcuts and the scanner follow the active window, as on a desk
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    return Workstation(qtbot, window, shots)


# --- the steps, each as its user works it ----------------------------------------------------------------------------


def registrar_registers(desk: Workstation, given: str, family: str, sex: str, born: str, mobile: str) -> str:
    """Registration by keyboard alone: Ctrl+N, each field, Space ticks the consent, Enter saves. The donor number."""
    qtbot = desk.qtbot
    page = desk.go("donors")
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_N, CTRL)
    assert page.stack.currentIndex() == page.VIEW_FORM and page.given_name.hasFocus()
    type_into(qtbot, page.given_name, given)
    type_into(qtbot, page.family_name, family)
    type_into(qtbot, page.sex, sex)
    type_into(qtbot, page.date_of_birth, born)
    type_into(qtbot, page.mobile, mobile)
    page.consent.setFocus()
    qtbot.keyClick(page.consent, Qt.Key.Key_Space)
    assert page.consent.isChecked()
    desk.snap("registrar_form")
    press_enter(qtbot, page.consent)
    qtbot.waitUntil(lambda: page.record_name.text() == f"{given} {family}", timeout=10_000)
    number = page.record_number.text()
    assert page.message.kind == "ok" and page.message.text() == f"Donor {number} registered."
    assert not page.deferral_banner.text()
    desk.snap("registrar_registered")
    return number


def medical_officer_screens_fit(desk: Workstation, donor_number: str, name: str) -> None:
    """The donor is in the queue of those registered today; examination and every question, Enter saves."""
    qtbot = desk.qtbot
    desk.switch_user("medical_officer")
    page = desk.go("screening")
    qtbot.waitUntil(lambda: donor_number in {r.donor_number for r in page.found_model.rows}, timeout=10_000)
    assert page.found_title.text().startswith("Registered today, not yet screened")
    row = next(i for i, r in enumerate(page.found_model.rows) if r.donor_number == donor_number)
    click_row(qtbot, page.found, row)
    qtbot.keyClick(page.found, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.start is not None, timeout=10_000)
    assert donor_number in page.donor_name.text() and name in page.donor_name.text()
    assert page.weight.hasFocus()
    for field, text in (
        (page.weight, "62"),
        (page.haemoglobin, "13.6"),
        (page.systolic, "122"),
        (page.diastolic, "78"),
        (page.pulse, "74"),
        (page.temperature, "36.8"),
    ):
        type_into(qtbot, field, text)
    type_into(qtbot, page.pulse_regular, "R")
    for answer in page.answers.values():  # Y for "feeling well", N (no / never) for every other question
        if answer.choice.isVisibleTo(page):
            type_into(qtbot, answer.choice, "Y" if answer.question.code == "feeling_well" else "N")
    assert page.missing.text() == "" and "Fit to donate" in page.result_banner.text()
    press_enter(qtbot, page.temperature)
    qtbot.waitUntil(lambda: page.result is not None, timeout=10_000)
    assert page.result.eligible
    assert page.message.kind == "ok" and page.message.text() == "Screening recorded: fit to donate."
    assert page.proceed_button.isVisible()  # a medical officer may collect too; here the phlebotomist does
    desk.snap("medical_officer_screened")


def phlebotomist_collects(desk: Workstation, donor_number: str, din: str) -> None:
    """The donor is on the worklist; the bag's DIN label is scanned; bleed start and end; the volume; Enter saves."""
    qtbot = desk.qtbot
    desk.switch_user("phlebotomist")
    page = desk.go("collection")
    qtbot.waitUntil(lambda: donor_number in {r.donor_number for r in page.worklist_model.rows}, timeout=10_000)
    row = next(i for i, r in enumerate(page.worklist_model.rows) if r.donor_number == donor_number)
    click_row(qtbot, page.worklist, row)
    qtbot.waitUntil(lambda: page.visit is not None and page.visit.donor_number == donor_number, timeout=5_000)
    scan(qtbot, page.din, barcode(din))
    assert page.din_view.text() == f"{isbt128.format_eye_readable(din)} [{isbt128.check_character(din)}]"
    assert page.bag_type.hasFocus()  # the scan's Enter moved on; it did not save
    qtbot.wait(1100)  # bleed times are kept to the second: the bleed starts after the screening's second
    click(qtbot, page.start_now)
    type_into(qtbot, page.volume, "452")
    qtbot.wait(1100)
    click(qtbot, page.end_now)
    press_enter(qtbot, page.volume)
    qtbot.waitUntil(lambda: page.collected is not None, timeout=10_000)
    assert page.collected.din == din
    assert page.message.kind == "ok"
    assert page.message.text().startswith(f"Collected: DIN {isbt128.format_eye_readable(din)} for ")
    assert page.message.text().endswith(f"({donor_number}).")
    desk.snap("phlebotomist_collected")


def lab_technician_enters_results(desk: Workstation, din: str, *, hiv: str = "Non") -> str:
    """The sample's DIN is scanned; the grouping reactions, antibody screen and each marker with its kit; Enter."""
    qtbot = desk.qtbot
    desk.switch_user("lab_technician")
    page = desk.go("laboratory")
    assert isbt128.format_eye_readable(din) in column(page.worklist_table, 0)
    scan(qtbot, page.din, barcode(din))
    wait_idle(qtbot)
    assert page.entry_din.text() == isbt128.format_eye_readable(din)
    for name, typed in zip(REAGENTS, O_POS_READINGS, strict=True):
        type_into(qtbot, page.reactions[name], typed)
    assert page.interpretation.text() == "Group: O+"
    type_into(qtbot, page.antibody, "Neg")
    for marker, (result, kit, lot) in page.markers.items():
        type_into(qtbot, result, hiv if marker == "hiv" else "Non")
        kit.clear()
        type_into(qtbot, kit, f"{marker.upper()} ELISA")
        lot.clear()
        type_into(qtbot, lot, "L-2411")
    type_into(qtbot, page.notes, "Tube method")
    desk.snap("lab_results_typed")
    press_enter(qtbot, page.notes)
    return page.message.text()


def second_technician_verifies(desk: Workstation, din: str):
    """``lab2`` scans the sample: it opens for verification (someone else entered it); Verify."""
    qtbot = desk.qtbot
    desk.switch_user("lab_technician_2")
    page = desk.window.workspace.current_page()
    assert page.page_id == "laboratory"  # the page stays; what the first technician typed does not
    assert page.din.text() == "" and page.card is None
    scan(qtbot, page.din, barcode(din))
    wait_idle(qtbot)
    assert page.tabs.currentWidget() is page.verify_tab
    assert page.reviewing is not None and page.reviewing.din == din
    click(qtbot, page.verify_button)
    desk.snap("lab2_verified")
    return page


def component_technician_separates(desk: Workstation, din: str, location: str) -> object:
    """The bag's DIN is scanned; one of the bag's sets (red cells, plasma, platelets); its shelf; Enter."""
    qtbot = desk.qtbot
    desk.switch_user("component_technician")
    page = desk.go("components")
    scan(qtbot, page.din, barcode(din))
    wait_idle(qtbot)
    assert page.card is not None and page.card_din.text() == isbt128.format_eye_readable(din)
    assert page.option_buttons[1].text() == "Set 2: PRBC + FFP + RDP"
    click(qtbot, page.option_buttons[1])
    assert [code for code, _ in page.chosen_parts()] == ["PRBC_CPDA1", "FFP", "PLT_RDP"]
    type_into(qtbot, page.location, location)
    press_enter(qtbot, page.location)
    desk.snap("component_technician_separated")
    return page


# --- the day ---------------------------------------------------------------------------------------------------------


def test_a_donor_becomes_a_transfused_unit_through_the_window(qtbot, db, staff, desk):
    din = new_din(900101)
    eye = isbt128.format_eye_readable(din)

    # the registrar registers a walk-in donor
    number = registrar_registers(desk, "Sunita", "Devi", "F", "14-02-1990", "+91 98100 12345")

    # the medical officer screens her: fit
    medical_officer_screens_fit(desk, number, "Sunita Devi")

    # the phlebotomist bleeds her into a bag whose pre-printed DIN label is scanned
    phlebotomist_collects(desk, number, din)

    # the laboratory: one technician enters the results, a second verifies them
    said = lab_technician_enters_results(desk, din)
    assert said == f"Results of {eye} saved: group O+. A second technician must verify them."
    lab = second_technician_verifies(desk, din)
    assert lab.message.kind == "ok" and lab.message.text() == f"{eye} verified."
    assert "The donor's group is now recorded as O+" in plain(lab.outcome)

    # the component technician separates the bag: the laboratory has cleared it, so the units go to stock at once
    components_page = component_technician_separates(desk, din, "Fridge 2")
    assert components_page.message.kind == "ok", components_page.message.text()
    assert components_page.message.text() == (
        f"{eye}: Packed red cells (CPDA-1), Fresh frozen plasma (FFP), Random donor platelets (RDP) prepared and "
        "released to stock."
    )
    assert column(components_page.units_table, 1) == ["Available"] * 3

    # at the issue counter the bag's DIN, scanned on the dashboard, opens the unit in the inventory
    desk.switch_user("issue_counter")
    desk.go("dashboard")
    desk.scan_anywhere(desk.window.workspace.sidebar, barcode(din))
    inventory = desk.window.workspace.current_page()
    assert inventory.page_id == "inventory"
    qtbot.waitUntil(lambda: inventory.card.card is not None and inventory.card.din.text() == eye, timeout=10_000)
    assert column(inventory.card.table, 0) == [
        "Packed red cells (CPDA-1)",
        "Fresh frozen plasma (FFP)",
        "Random donor platelets (RDP)",
    ]
    assert column(inventory.card.table, 1) == ["Available"] * 3
    assert column(inventory.card.table, 2) == ["O+"] * 3
    assert "Cleared, group O+" in inventory.card.lab.text()
    assert not inventory.message.isVisible()
    desk.snap("issue_counter_inventory")

    # a ward's requisition comes to the counter: typed in, Enter records it
    requests = desk.go("requests")
    qtbot.keyClick(requests.list_view, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(requests.patient_name.hasFocus, timeout=5_000)
    for field, text in (
        (requests.patient_name, "Ramesh Yadav"),
        (requests.patient_hospital_id, "IPD-204431"),
        (requests.patient_sex, "Male"),
        (requests.patient_age, "45"),
        (requests.patient_group, "O+"),
        (requests.diagnosis, "Upper GI bleed"),
        (requests.hospital, "Safdarjung Hospital"),
        (requests.ward, "Medicine III"),
        (requests.bed, "12"),
        (requests.component, "Packed red cells (CPDA"),
        (requests.doctor, "Dr. Anil Mehta"),
        (requests.doctor_registration, "DMC-77881"),
    ):
        type_into(qtbot, field, text)
    assert requests.component.currentData() == "PRBC_CPDA1"
    press_enter(qtbot, requests.doctor_registration)
    with db.read() as s:
        request = s.scalars(select(BloodRequest)).one()
        request_id, request_number = request.id, request.request_number
    assert requests.message.kind == "ok", requests.message.text()
    assert requests.message.text() == f"Request {request_number} is recorded (patient age 45 years)."
    qtbot.waitUntil(lambda: requests.detail is not None and requests.detail.request.request_id == request_id)
    with db.read() as s:
        red_cells = s.scalars(select(Component.id).where(Component.din == din, Component.code == "PRBC_CPDA1")).one()
    assert [u.component_id for u in requests.suggest_model.rows] == [red_cells]  # the O+ red cells are offered
    desk.snap("issue_counter_request")

    # the laboratory crossmatches the unit against the patient's sample: compatible, so it is held for him
    desk.switch_user("lab_technician")
    requests = desk.go("requests")
    assert requests.detail is None  # the counter's work was cleared for the next user
    pick_request(qtbot, requests, request_number)
    scan(qtbot, requests.din_edit, barcode(din))
    wait_idle(qtbot)
    assert requests.unit is not None and requests.unit.component_id == red_cells
    assert requests.result_combo.hasFocus()
    type_into(qtbot, requests.result_combo, "Compatible")
    type_into(qtbot, requests.notes_edit, "Saline and AHG phase clear")
    press_enter(qtbot, requests.notes_edit)
    assert requests.message.kind == "ok", requests.message.text()
    assert requests.message.text() == (
        f"Crossmatch of unit {eye} recorded: compatible. The unit is reserved for this patient."
    )
    desk.snap("lab_crossmatched")

    # the counter issues it to the ward boy who came for it
    desk.switch_user("issue_counter")
    requests = desk.go("requests")
    pick_request(qtbot, requests, request_number)
    qtbot.waitUntil(lambda: any(u.reserved_for_this_request for u in requests.suggest_model.rows), timeout=10_000)
    scan(qtbot, requests.din_edit, barcode(din))
    wait_idle(qtbot)
    assert requests.unit is not None and requests.unit.reserved_for_this_request
    assert requests.collected_by.hasFocus()
    type_into(qtbot, requests.collected_by, "Ward boy Suresh")
    press_enter(qtbot, requests.collected_by)
    assert requests.message.kind == "ok", requests.message.text()
    assert requests.message.text() == (
        f"Unit {eye} issued on request {request_number}, carried by Ward boy Suresh. The request now has all its units."
    )
    qtbot.waitUntil(lambda: [i.component_id for i in requests.issues_model.rows] == [red_cells], timeout=10_000)
    desk.snap("issue_counter_issued")

    # a second requisition, plasma for a group A patient: the O plasma of the same bag is refused, with the reason
    qtbot.keyClick(requests.list_view, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(requests.patient_name.hasFocus, timeout=5_000)
    for field, text in (
        (requests.patient_name, "Kavita Sharma"),
        (requests.patient_sex, "Female"),
        (requests.patient_age, "52"),
        (requests.patient_group, "A+"),
        (requests.hospital, "Safdarjung Hospital"),  # cleared when the lab technician signed in meanwhile
        (requests.component, "Fresh frozen"),
        (requests.doctor, "Dr. R. Gupta"),
        (requests.doctor_registration, "DMC-4567"),
    ):
        type_into(qtbot, field, text)
    press_enter(qtbot, requests.doctor_registration)
    assert requests.message.kind == "ok", requests.message.text()
    qtbot.waitUntil(lambda: requests.detail is not None and requests.detail.request.patient_name == "Kavita Sharma")
    plasma_request = requests.detail.request.request_number
    assert requests.suggest_model.rows == []  # group O plasma is never offered to a group A patient
    scan(qtbot, requests.din_edit, barcode(din))
    wait_idle(qtbot)
    assert requests.unit is not None and requests.unit.code == "FFP" and requests.unit_badge.text() == "O+"
    requests.collected_by.setFocus()
    requests.collected_by.selectAll()  # the last issue's carrier is still in the box: typed over
    type_into(qtbot, requests.collected_by, "Nurse Kavita")
    assert requests.collected_by.text() == "Nurse Kavita"
    before = {model: count(db, model) for model in (Issue, Crossmatch)}
    click(qtbot, requests.issue_button)
    refusal = requests.message.text()
    assert requests.message.kind == "error", refusal
    assert refusal.startswith(f"Do not issue unit {din} for request {plasma_request}"), refusal
    assert "Group O plasma is not compatible with a group A patient" in refusal, refusal
    desk.snap("issue_counter_refused")
    assert {model: count(db, model) for model in (Issue, Crossmatch)} == before

    # what the database holds: each record once, the red cells with the patient, the rest in stock
    with db.read() as s:
        donation = s.scalars(select(Donation)).one()
        assert (donation.din, donation.collected_volume_ml, donation.bag_type) == (din, 452, "triple")
        assert s.get(Donor, donation.donor_id).donor_number == number
        assert s.get(Donor, donation.donor_id).blood_group == "O+"
        assert s.scalars(select(ScreeningVisit.outcome)).all() == ["eligible"]
        results = s.scalars(select(LabResultSet)).one()
        assert results.donation_id == donation.id and results.entered_by_id == staff["lab_technician"].user_id
        verification = s.scalars(select(LabVerification)).one()
        assert verification.verified_by_id == staff["lab_technician_2"].user_id
        units = {c.code: c for c in s.scalars(select(Component).where(Component.donation_id == donation.id))}
        assert {code: (u.status, u.blood_group, u.storage_location) for code, u in units.items()} == {
            "PRBC_CPDA1": (S.ISSUED, "O+", "Fridge 2"),
            "FFP": (S.AVAILABLE, "O+", "Fridge 2"),
            "PLT_RDP": (S.AVAILABLE, "O+", "Fridge 2"),
        }
        assert s.scalar(select(func.count()).select_from(Component)) == 3
        issue = s.scalars(select(Issue)).one()
        crossmatch = s.scalars(select(Crossmatch)).one()
        assert (issue.component_id, issue.request_id, issue.collected_by) == (red_cells, request_id, "Ward boy Suresh")
        assert issue.crossmatch_id == crossmatch.id and crossmatch.performed_by_id == staff["lab_technician"].user_id
        assert issue.issued_by_id == staff["issue_counter"].user_id


def pick_request(qtbot, page, number: str) -> None:
    qtbot.waitUntil(lambda: any(r.request_number == number for r in page.list_model.rows), timeout=10_000)
    row = next(n for n, r in enumerate(page.list_model.rows) if r.request_number == number)
    click_row(qtbot, page.list_view, row)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.request.request_number == number)


def test_a_reactive_result_ends_in_discard_through_the_window(qtbot, db, staff, desk):
    din = new_din(900202)
    eye = isbt128.format_eye_readable(din)
    number = registrar_registers(desk, "Vikram", "Singh", "M", "02-08-1985", "98111 22334")
    medical_officer_screens_fit(desk, number, "Vikram Singh")
    phlebotomist_collects(desk, number, din)

    # the bag is separated within hours of collection, before any result: the units wait in quarantine
    components_page = component_technician_separates(desk, din, "Quarantine fridge")
    assert components_page.message.kind == "warn", components_page.message.text()
    assert components_page.message.text() == (
        f"{eye}: Packed red cells (CPDA-1), Fresh frozen plasma (FFP), Random donor platelets (RDP) prepared, in "
        "quarantine until released: no laboratory results are recorded."
    )
    assert column(components_page.units_table, 1) == ["Quarantine"] * 3

    # HIV reactive: the technician is told what verification will do
    said = lab_technician_enters_results(desk, din, hiv="Rea")
    assert said == (
        f"Results of {eye} saved: group O+. A second technician must verify them. Reactive or indeterminate: "
        "HIV-1/2. When verified, every unit of this donation becomes unsafe."
    )
    lab = second_technician_verifies(desk, din)
    assert lab.message.kind == "error"
    assert lab.message.text() == f"{eye} verified: reactive. Its units are unsafe and the donor is deferred."
    outcome = plain(lab.outcome)
    assert "Units made unsafe (discard them)" in outcome and "Donor deferred permanently (HIV-1/2)" in outcome
    with db.read() as s:
        assert set(s.scalars(select(Component.status).where(Component.din == din))) == {S.UNSAFE}

    # the component technician takes the bags off the shelf: one scan, every unit, the coded reason, Enter
    desk.switch_user("component_technician")
    discard = desk.go("discard")
    scan(qtbot, discard.din, barcode(din))
    wait_idle(qtbot)
    assert "Every unit of this donation is unsafe" in discard.card_lab.text()
    assert discard.every_unit.isChecked() and discard.reason.hasFocus()
    type_into(qtbot, discard.reason, "TTI")
    type_into(qtbot, discard.detail, "Autoclaved")
    desk.snap("discard_typed")
    press_enter(qtbot, discard.detail)
    assert discard.message.kind == "ok", discard.message.text()
    assert discard.message.text() == (
        f"{eye}: discarded Packed red cells (CPDA-1), Fresh frozen plasma (FFP), Random donor platelets (RDP) "
        "(TTI reactive or indeterminate)."
    )
    qtbot.waitUntil(lambda: column(discard.recent_table, 1) == [eye] * 3, timeout=10_000)
    desk.snap("discarded")

    # nothing of this donation can be found in stock: the DIN typed in the inventory's filter finds no unit
    inventory = desk.go("inventory")
    assert inventory.status.currentText() == "In the centre"
    type_into(qtbot, inventory.din, eye)
    press_enter(qtbot, inventory.din)
    qtbot.waitUntil(lambda: inventory.count.text() == "0 units", timeout=10_000)
    assert inventory.model.rowCount() == 0
    type_into(qtbot, inventory.status, "Available")
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: inventory.count.text() == "0 units", timeout=10_000)
    qtbot.waitUntil(lambda: inventory.card.card is not None, timeout=10_000)  # the donation itself is on record
    assert column(inventory.card.table, 1) == ["Discarded"] * 3
    desk.snap("inventory_nothing_available")

    # the medical officer scans the bag's DIN on the donors page: the donor's record shows the deferral
    desk.switch_user("medical_officer")
    donors_page = desk.go("donors")
    scan(qtbot, donors_page.search, barcode(din))
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: donors_page.record_number.text() == number, timeout=10_000)
    assert donors_page.deferral_banner.tone == "danger"
    assert "Deferred: this donor must not donate now." in plain(donors_page.deferral_banner)
    assert "TTI_HIV_REACTIVE" in plain(donors_page.deferral_banner) and "(permanent)" in plain(
        donors_page.deferral_banner
    )
    assert donors_page.history_tabs.currentIndex() == 2  # the deferrals tab is brought forward
    assert column(donors_page.deferrals_view, 0) == ["TTI_HIV_REACTIVE"]
    assert column(donors_page.deferrals_view, 4) == ["In force"]
    desk.snap("donor_record_deferred")

    # and when the donor comes back, screening stops him: even a perfect examination does not make him fit
    click(qtbot, donors_page.screen_button)
    screen = desk.window.workspace.current_page()
    assert screen.page_id == "screening"
    qtbot.waitUntil(lambda: screen.start is not None, timeout=10_000)
    assert screen.deferral_banner.tone == "danger" and "TTI_HIV_REACTIVE" in plain(screen.deferral_banner)
    assert "Not fit to donate" in plain(screen.result_banner)
    for field, text in (
        (screen.weight, "70"),
        (screen.haemoglobin, "14.5"),
        (screen.systolic, "120"),
        (screen.diastolic, "80"),
        (screen.pulse, "72"),
        (screen.temperature, "36.7"),
    ):
        type_into(qtbot, field, text)
    type_into(qtbot, screen.pulse_regular, "R")
    for answer in screen.answers.values():
        if answer.choice.isVisibleTo(screen):
            type_into(qtbot, answer.choice, "Y" if answer.question.code == "feeling_well" else "N")
    assert "Not fit to donate" in plain(screen.result_banner)
    press_enter(qtbot, screen.temperature)
    qtbot.waitUntil(lambda: screen.result is not None, timeout=10_000)
    assert not screen.result.eligible and not screen.proceed_button.isVisible()
    assert screen.message.kind == "warn"
    assert screen.message.text() == "Screening recorded: the donor is deferred and must not donate today."
    assert "Permanently deferred." in plain(screen.result_banner)
    reasons = plain(screen.reasons).splitlines()  # every reason, in full
    assert reasons[0] == "• Donor is permanently deferred (recorded reason TTI_HIV_REACTIVE). (permanent)"
    assert reasons[1].startswith("• Last whole blood donation was on ") and "90 days apart" in reasons[1]
    desk.snap("screening_stopped")

    with db.read() as s:
        donation = s.scalars(select(Donation)).one()
        assert donation.din == din
        assert s.scalar(select(func.count()).select_from(LabResultSet)) == 1
        assert s.scalar(select(func.count()).select_from(LabVerification)) == 1
        assert set(s.scalars(select(Component.status).where(Component.donation_id == donation.id))) == {S.DISCARDED}
        discards = s.scalars(select(Discard)).all()
        assert len(discards) == 3
        assert {(d.reason, d.detail, d.discarded_by_id) for d in discards} == {
            ("tti_reactive", "Autoclaved", staff["component_technician"].user_id)
        }
        # the laboratory's permanent deferral, and the one screening added: he gave whole blood today
        deferrals = {d.reason_code: d for d in s.scalars(select(Deferral))}
        assert set(deferrals) == {"TTI_HIV_REACTIVE", "INTERVAL_WHOLE_BLOOD"}
        assert {d.donor_id for d in deferrals.values()} == {donation.donor_id}
        assert deferrals["TTI_HIV_REACTIVE"].permanent and deferrals["TTI_HIV_REACTIVE"].visit_id is None
        assert s.scalars(select(ScreeningVisit.outcome).order_by(ScreeningVisit.visited_at)).all() == [
            "eligible",
            "deferred",
        ]
    # the later visit never reaches collection: no second donation from this donor
    assert count(db, Donation) == 1
