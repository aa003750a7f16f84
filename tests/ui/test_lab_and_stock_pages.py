"""The laboratory and the stock pages, driven through the real window with keys, clicks and wedge scans.

A lab technician enters results, the same technician is refused verification, a second technician verifies, the
component technician separates and the units are in the inventory; a reactive HIV result ends with every unit unsafe
and discarded from the discard page; a DIN scanned on any page opens the unit; roles see only their pages.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QComboBox, QTableView
from sqlalchemy import select

from bbms_desktop.models import AuditEvent, Component, Deferral, Discard, Donation, Donor, LabVerification
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.vocabulary import ComponentStatus
from bbms_desktop.services import components, label_check
from tests.services.factories import make_component, make_donation, make_donor, make_results, released_unit
from tests.ui.conftest import scan, sign_in, wait_idle

S = ComponentStatus
READINGS = {  # forward anti-A, anti-B, anti-AB, anti-D; reverse A cells, B cells, O cells
    "O+": ("Neg", "Neg", "Neg", "Pos", "Pos", "Pos", "Neg"),
}
REAGENTS = ("anti_a", "anti_b", "anti_ab", "anti_d", "a_cells", "b_cells", "o_cells")


def barcode(din: str) -> str:
    """What the wedge types for a bag's DIN barcode: ``=`` + DIN + check flags."""
    return isbt128.format_for_barcode(din, isbt128.check_flags(din))


def collected(db, staff, *, bag_type="quadruple_sagm") -> tuple:
    """A donation collected an hour ago from a donor not yet grouped; (id, DIN)."""
    with db.unit_of_work(staff["phlebotomist"]) as uow:
        donor = make_donor(uow)
        donation = make_donation(uow, donor, bag_type=bag_type, collected_at=datetime.now(UTC) - timedelta(hours=1))
        return donation.id, donation.din


def choose(qtbot, combo: QComboBox, typed: str) -> None:
    """Pick a combo item by typing the start of its text, as a technician does with the keyboard."""
    combo.setFocus()
    qtbot.keyClicks(combo, typed)
    assert combo.currentText().lower().startswith(typed.lower()), (typed, combo.currentText())


def click_row(qtbot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def plain(label) -> str:
    """What a rich-text label reads as."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def column_texts(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def enter_results(qtbot, page, *, group="O+", hiv="Non") -> None:
    for name, typed in zip(REAGENTS, READINGS[group], strict=True):
        choose(qtbot, page.reactions[name], typed)
    choose(qtbot, page.antibody, "Neg")
    for marker, (result, kit, lot) in page.markers.items():
        choose(qtbot, result, hiv if marker == "hiv" else "Non")
        kit.clear()
        qtbot.keyClicks(kit, f"{marker.upper()} ELISA")
        lot.clear()
        qtbot.keyClicks(lot, "L-2411")


@pytest.fixture
def window_as(qtbot, open_window):
    """``open_window``, then made the active window: shortcuts and the wedge scanner follow keyboard focus."""

    def open_as(username: str):
        window = open_window(username)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
        return window

    return open_as


def switch_to(qtbot, window, username: str) -> None:
    window.switch_user()
    sign_in(qtbot, window, username)


# ---------------------------------------------------------------------------------------------------------------------


def test_results_entered_verified_by_a_second_technician_then_separated_into_stock(qtbot, db, staff, window_as):
    donation_id, din = collected(db, staff)
    window = window_as("lab_technician")
    lab = window.open_page("laboratory")
    wait_idle(qtbot)
    assert isbt128.format_eye_readable(din) in column_texts(lab.worklist_table, 0)

    scan(qtbot, lab.din, barcode(din))
    wait_idle(qtbot)
    assert lab.entry_din.text() == isbt128.format_eye_readable(din)
    assert lab.entry_check.text() == isbt128.check_character(din)
    enter_results(qtbot, lab)
    assert lab.interpretation.text() == "Group: O+"
    assert lab.reactive_warning.isHidden()
    qtbot.keyClicks(lab.notes, "Tube method")
    qtbot.keyClick(lab.notes, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert lab.message.kind == "ok", lab.message.text()
    assert "group O+" in lab.message.text() and "second technician" in lab.message.text()

    # the technician who entered the results may not verify them: the service says so, and nothing is verified
    qtbot.mouseClick(lab.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=lab.tabs.tabBar().tabRect(1).center())
    wait_idle(qtbot)
    assert column_texts(lab.pending_table, 0) == [isbt128.format_eye_readable(din)]
    click_row(qtbot, lab.pending_table, 0)
    wait_idle(qtbot)
    assert "Group: O+" in plain(lab.review)
    qtbot.mouseClick(lab.verify_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert lab.message.kind == "error"
    assert f"You entered these results of donation {din}, so you cannot verify them" in lab.message.text()
    with db.read() as s:
        assert s.scalars(select(LabVerification)).all() == []

    # a second technician scans the sample: it opens for verification, and verifying records the donor's group
    switch_to(qtbot, window, "lab2")
    assert window.workspace.current_page() is lab
    assert lab.din.text() == "" and lab.card is None  # a different user starts afresh
    scan(qtbot, lab.din, barcode(din))
    wait_idle(qtbot)
    assert lab.tabs.currentWidget() is lab.verify_tab
    assert lab.reviewing is not None and lab.reviewing.din == din
    qtbot.mouseClick(lab.verify_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert lab.message.kind == "ok", lab.message.text()
    assert "The donor's group is now recorded as O+" in plain(lab.outcome)
    assert lab.pending.rowCount() == 0
    with db.read() as s:
        verification = s.scalars(select(LabVerification)).one()
        assert verification.verified_by_id == staff["lab_technician_2"].user_id
        assert s.get(Donor, s.get(Donation, donation_id).donor_id).blood_group == "O+"

    # the component technician separates the bag: the laboratory has cleared it, so the units go straight to stock
    switch_to(qtbot, window, "component_technician")
    page = window.open_page("components")
    wait_idle(qtbot)
    assert isbt128.format_eye_readable(din) in column_texts(page.worklist_table, 0)
    scan(qtbot, page.din, barcode(din))
    wait_idle(qtbot)
    assert "Cleared, group O+" in page.card_lab.text()
    expiry = page.parts["PRBC_SAGM"][2].text()
    qtbot.mouseClick(page.option_buttons[1], Qt.MouseButton.LeftButton)  # set 2: PRBC-SAGM + FFP + RDP
    assert [code for code, _ in page.chosen_parts()] == ["PRBC_SAGM", "FFP", "PLT_RDP"]
    volume = page.parts["FFP"][1]
    volume.selectAll()
    qtbot.keyClicks(volume, "210")
    qtbot.keyClicks(page.location, "Fridge 2")
    qtbot.keyClick(page.location, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.message.kind == "ok", page.message.text()
    assert "released to stock" in page.message.text()
    assert column_texts(page.units_table, 1) == ["Available"] * 3
    assert column_texts(page.units_table, 4)[0] == expiry  # the expiry shown before separating is the one given
    with db.read() as s:
        units = {c.code: c for c in s.scalars(select(Component).where(Component.donation_id == donation_id))}
    assert {code: (u.status, u.blood_group, u.storage_location) for code, u in units.items()} == {
        "PRBC_SAGM": (S.AVAILABLE, "O+", "Fridge 2"),
        "FFP": (S.AVAILABLE, "O+", "Fridge 2"),
        "PLT_RDP": (S.AVAILABLE, "O+", "Fridge 2"),
    }
    assert units["FFP"].volume_ml == 210

    # and they are in the inventory, filtered by group and component
    inventory = window.open_page("inventory")
    wait_idle(qtbot)
    assert column_texts(inventory.table, 0).count(isbt128.format_eye_readable(din)) == 3
    choose(qtbot, inventory.code, "Fresh")
    wait_idle(qtbot)
    assert column_texts(inventory.table, 1) == ["Fresh frozen plasma (FFP)"]
    assert inventory.count.text() == "1 units"
    choose(qtbot, inventory.group, "O-")
    wait_idle(qtbot)
    assert inventory.model.rowCount() == 0 and inventory.count.text() == "0 units"

    # a language switch re-labels every page and keeps what is chosen and shown
    for shown in (lab, page, inventory, window.workspace.pages["discard"]):
        shown.retranslate()
    assert (inventory.code.currentData(), inventory.group.currentData()) == ("FFP", "O-")
    assert page.card is not None and page.card_din.text() == isbt128.format_eye_readable(din)


def test_release_shows_why_units_stay_in_quarantine_and_lets_out_cleared_ones(qtbot, db, staff, window_as):
    donation_id, din = collected(db, staff, bag_type="double")
    window = window_as("component_technician")
    page = window.open_page("components")
    scan(qtbot, page.din, barcode(din))
    wait_idle(qtbot)
    # a double bag yields whole blood or red cells and plasma; nothing else is offered
    assert [code for code, (check, *_) in page.parts.items() if check.isVisibleTo(page)] == [
        "WB_CPDA1",
        "PRBC_CPDA1",
        "FFP",
    ]
    page.parts["PRBC_CPDA1"][0].setFocus()
    qtbot.keyClick(page.parts["PRBC_CPDA1"][0], Qt.Key.Key_Space)
    qtbot.keyClick(page.parts["FFP"][0], Qt.Key.Key_Space)
    page.location.setFocus()
    qtbot.keyClick(page.location, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot)
    assert page.message.kind == "warn", page.message.text()
    assert "in quarantine until released: no laboratory results are recorded" in page.message.text()
    assert column_texts(page.units_table, 1) == ["Quarantine", "Quarantine"]
    assert "no laboratory results are recorded" in column_texts(page.units_table, 5)[0]
    # whole blood cannot join red cells and plasma made from the same bag
    assert not page.parts["WB_CPDA1"][0].isEnabled()

    qtbot.mouseClick(page.release_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert page.message.kind == "error"
    assert f"No unit of donation {din} can leave quarantine" in page.message.text()
    assert "Fresh frozen plasma (FFP): no laboratory results are recorded" in page.message.text()

    # verified clean results arrive (as from a sync) without releasing anything: release now lets the units out
    with db.unit_of_work(staff["lab_technician"]) as uow:
        make_results(uow, uow.session.get(Donation, donation_id), verified_by=staff["lab_technician_2"])
    qtbot.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot)
    assert page.message.kind == "ok", page.message.text()
    assert "released to stock: Packed red cells (CPDA-1), Fresh frozen plasma (FFP)" in page.message.text()
    with db.read() as s:
        statuses = set(s.scalars(select(Component.status).where(Component.donation_id == donation_id)))
    assert statuses == {S.AVAILABLE}


def test_a_reactive_hiv_result_ends_with_every_unit_unsafe_and_discarded(qtbot, db, staff, window_as):
    donation_id, din = collected(db, staff)
    with db.unit_of_work(staff["component_technician"]) as uow:
        components.separate(uow, donation_id, [("PRBC_SAGM", 300), ("FFP", 200), ("PLT_RDP", 60)], "Fridge 1")
    window = window_as("lab_technician")
    lab = window.open_page("laboratory")
    scan(qtbot, lab.din, barcode(din))
    wait_idle(qtbot)
    enter_results(qtbot, lab, hiv="Rea")
    assert lab.reactive_warning.isVisible()
    assert "HIV-1/2 reactive" in lab.reactive_warning.text()
    assert "every unit of this donation becomes unsafe" in lab.reactive_warning.text()
    qtbot.keyClick(lab, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot)
    assert "saved" in lab.message.text(), lab.message.text()

    switch_to(qtbot, window, "lab2")
    lab.tabs.setCurrentWidget(lab.verify_tab)
    wait_idle(qtbot)
    click_row(qtbot, lab.pending_table, 0)
    wait_idle(qtbot)
    assert "Reactive or indeterminate: HIV-1/2" in plain(lab.review)
    qtbot.mouseClick(lab.verify_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert lab.message.kind == "error"
    assert "Its units are unsafe and the donor is deferred" in lab.message.text()
    outcome = plain(lab.outcome)
    assert "Units made unsafe (discard them)" in outcome
    for name in ("Packed red cells (SAGM)", "Fresh frozen plasma (FFP)", "Random donor platelets (RDP)"):
        assert name in outcome
    assert "Donor deferred permanently (HIV-1/2)" in outcome
    assert "#e57373" in lab.outcome.styleSheet()  # the red box
    with db.read() as s:
        assert set(s.scalars(select(Component.status).where(Component.donation_id == donation_id))) == {S.UNSAFE}
        assert s.scalars(select(Deferral.reason_code)).all() == ["TTI_HIV_REACTIVE"]

    # the same technician takes the bags to the discard page: one scan, every unit of the donation, coded reason
    page = window.open_page("discard")
    wait_idle(qtbot)
    scan(qtbot, page.din, barcode(din))
    wait_idle(qtbot)
    assert "Every unit of this donation is unsafe" in page.card_lab.text()
    assert page.every_unit.isChecked()
    choose(qtbot, page.reason, "TTI")
    qtbot.keyClicks(page.detail, "Autoclaved")
    qtbot.keyClick(page.detail, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.message.kind == "ok", page.message.text()
    assert "discarded Packed red cells (SAGM), Fresh frozen plasma (FFP), Random donor platelets (RDP)" in (
        page.message.text()
    )
    assert column_texts(page.recent_table, 1) == [isbt128.format_eye_readable(din)] * 3
    assert set(column_texts(page.recent_table, 4)) == {"TTI reactive or indeterminate"}
    # the card no longer asks for a discard that was made
    inventory = window.open_page("inventory")
    inventory.open_unit(din)
    wait_idle(qtbot)
    assert "has been discarded" in inventory.card.lab.text() and "discard it" not in inventory.card.lab.text()
    with db.read() as s:
        assert set(s.scalars(select(Component.status).where(Component.donation_id == donation_id))) == {S.DISCARDED}
        discards = s.scalars(select(Discard)).all()
        assert {(d.reason, d.detail, d.discarded_by_id) for d in discards} == {
            ("tti_reactive", "Autoclaved", staff["lab_technician_2"].user_id)
        }


def test_a_correction_to_reactive_after_issue_lists_the_issued_unit_for_look_back(qtbot, db, staff, window_as):
    with db.unit_of_work(staff["lab_technician"]) as uow:
        donation = make_donation(uow, make_donor(uow), collected_at=datetime.now(UTC) - timedelta(days=3))
        make_results(uow, donation, verified_by=staff["lab_technician_2"])
        make_component(uow, donation, code="PRBC_CPDA1", status=S.ISSUED, group="O+")
        make_component(uow, donation, code="FFP", status=S.AVAILABLE, group="O+")
        donation_id, din = donation.id, donation.din
    window = window_as("lab_technician")
    lab = window.open_page("laboratory")
    scan(qtbot, lab.din, barcode(din))
    wait_idle(qtbot)
    assert lab.tabs.currentWidget() is lab.entry_tab
    assert "verified by Lab Technician Two" in lab.entry_state.text()
    assert lab.correction.isVisible()
    enter_results(qtbot, lab, hiv="Rea")
    qtbot.keyClicks(lab.correction, "HIV repeated in duplicate: reactive")
    qtbot.keyClick(lab.correction, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert lab.message.kind == "warn", lab.message.text()
    assert "1 released units went back to quarantine" in lab.message.text()
    assert "Reactive or indeterminate: HIV-1/2" in lab.message.text()

    switch_to(qtbot, window, "lab2")
    scan(qtbot, lab.din, barcode(din))
    wait_idle(qtbot)
    assert lab.tabs.currentWidget() is lab.verify_tab
    assert "Correction: HIV repeated in duplicate: reactive" in plain(lab.review)
    assert column_texts(lab.pending_table, 3) == ["Correction"]
    qtbot.mouseClick(lab.verify_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    outcome = plain(lab.outcome)
    assert "LOOK-BACK: units of this donation already issued:" in outcome
    assert "Packed red cells (CPDA-1)" in outcome.split("LOOK-BACK")[1]
    assert "issued: trace the recipient" in outcome
    assert "Units made unsafe (discard them):\n• Fresh frozen plasma (FFP)" in outcome
    with db.read() as s:
        rows = s.execute(select(Component.code, Component.status).where(Component.donation_id == donation_id))
        statuses = {code: status for code, status in rows}
    assert statuses == {"PRBC_CPDA1": S.ISSUED, "FFP": S.UNSAFE}


def test_a_discard_the_service_refuses_shows_why_and_discards_nothing(qtbot, db, staff, window_as):
    with db.unit_of_work(staff["lab_technician"]) as uow:
        unit = released_unit(uow, staff["lab_technician_2"])
        din = unit.din
    window = window_as("issue_counter")
    page = window.open_page("discard")
    scan(qtbot, page.din, barcode(din))
    wait_idle(qtbot)
    assert not page.every_unit.isChecked()
    choose(qtbot, page.reason, "Expired")
    qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert page.message.kind == "error"
    assert f"Unit {din} expires at" in page.message.text() and "has not expired" in page.message.text()
    with db.read() as s:
        assert s.scalars(select(Discard)).all() == []


def test_a_din_scanned_on_the_dashboard_opens_the_unit_in_the_inventory(qtbot, db, staff, window_as):
    with db.unit_of_work(staff["lab_technician"]) as uow:
        unit = released_unit(uow, staff["lab_technician_2"], abo="B", rhd="-", code="PRBC_SAGM")
        make_component(uow, components.donation_of(uow, unit), code="FFP", status=S.QUARANTINE)
        din = unit.din
    window = window_as("issue_counter")
    assert window.workspace.current_page().page_id == "dashboard"
    scan(qtbot, window.workspace.sidebar, barcode(din))
    wait_idle(qtbot)
    inventory = window.workspace.current_page()
    assert inventory.page_id == "inventory"
    card = inventory.card
    assert card.isVisible()
    assert card.din.text() == isbt128.format_eye_readable(din)
    assert column_texts(card.table, 0) == ["Packed red cells (SAGM)", "Fresh frozen plasma (FFP)"]
    assert column_texts(card.table, 1) == ["Available", "Quarantine"]
    assert column_texts(card.table, 2) == ["B-", "–"]
    assert "Cleared, group B-" in card.lab.text()

    # with a donation open, its bag's label barcodes go to the label check; with none open, they set the filters.
    # Its two bags differ (one released as B-, one still in quarantine): the product code says which bag this is
    scan(qtbot, inventory.table, isbt128.format_blood_group("B-"))
    wait_idle(qtbot)
    assert inventory.label_check.marks["blood_group"].text() == "…"
    assert "scan the product code first" in inventory.label_check.message.text()
    with db.read() as session:
        red_cells = label_check.expected_label(session, session.get(Component, unit.id))
    scan(qtbot, inventory.table, isbt128.format_product_code(red_cells.product))
    wait_idle(qtbot)
    assert inventory.label_check.marks["blood_group"].text() == "✔"
    assert inventory.group.currentText() == "Any"
    qtbot.mouseClick(inventory.reset, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert not inventory.card.isVisible() and not inventory.label_check.isVisible()
    scan(qtbot, inventory.table, isbt128.format_blood_group("B-"))
    wait_idle(qtbot)
    assert inventory.group.currentText() == "B-"
    assert column_texts(inventory.table, 0) == [isbt128.format_eye_readable(din)]

    # a code nobody knows is not taken: it stays typing
    unknown = barcode("G123426999999")
    assert window.handle_scan(unknown) is False
    assert inventory.handle_scan("hello world") is False


def test_a_bag_label_is_checked_by_scanning_its_barcodes_and_a_wrong_group_label_is_refused(
    qtbot, db, staff, window_as
):
    with db.unit_of_work(staff["lab_technician"]) as uow:
        unit = released_unit(uow, staff["lab_technician_2"], abo="A", rhd="+", code="PRBC_SAGM")
        din = unit.din
    with db.read() as session:
        label = label_check.expected_label(session, session.get(type(unit), unit.id))
    window = window_as("component_technician")
    scan(qtbot, window.workspace.sidebar, barcode(din))
    wait_idle(qtbot)
    inventory = window.workspace.current_page()
    panel = inventory.label_check
    assert panel.isVisible()
    assert [panel.marks[f].text() for f in ("din", "blood_group", "product", "expiry")] == ["✔", "…", "…", "…"]
    for code in (
        isbt128.format_blood_group("A+"),
        isbt128.format_product_code(label.product),
        isbt128.format_expiry(label.expiry_date),
    ):
        scan(qtbot, inventory.table, code)
        wait_idle(qtbot)
    assert [panel.marks[f].text() for f in ("din", "blood_group", "product", "expiry")] == ["✔"] * 4
    assert panel.message.kind == "ok" and "matches the record" in panel.message.text()

    # the next bag carries an O+ label by mistake: the check says so, in red, and keeps it on record
    qtbot.mouseClick(panel.again, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    for code in (
        isbt128.format_blood_group("O+"),
        isbt128.format_product_code(label.product),
        isbt128.format_expiry(label.expiry_date),
    ):
        scan(qtbot, inventory.table, code)
        wait_idle(qtbot)
    assert panel.marks["blood_group"].text() == "✘"
    assert panel.message.kind == "error"
    assert "group O+" in panel.message.text() and "A+" in panel.message.text()
    with db.read() as session:
        outcomes = [
            e.details["outcome"]
            for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "label_check")).all()
        ]
    assert outcomes == ["verified", "mismatch"]


def test_the_label_check_is_not_offered_to_a_role_that_does_not_handle_bags(qtbot, db, staff, window_as):
    with db.unit_of_work(staff["lab_technician"]) as uow:
        din = released_unit(uow, staff["lab_technician_2"]).din
    window = window_as("registrar")
    inventory = window.workspace.open("inventory")
    inventory.open_unit(din)
    wait_idle(qtbot)
    assert inventory.card.isVisible()
    assert not inventory.label_check.isVisible()


def test_units_scanned_one_after_another_from_the_dashboard_each_open_in_the_inventory(qtbot, db, staff, window_as):
    with db.unit_of_work(staff["lab_technician"]) as uow:
        first = released_unit(uow, staff["lab_technician_2"], abo="A", rhd="+").din
        second = released_unit(uow, staff["lab_technician_2"], abo="O", rhd="-").din
    window = window_as("issue_counter")
    for din in (first, second):
        window.open_page("dashboard")
        wait_idle(qtbot)
        scan(qtbot, window.workspace.sidebar, barcode(din))
        wait_idle(qtbot)
        inventory = window.workspace.current_page()
        assert inventory.page_id == "inventory"
        # the unit just scanned, not the one the page showed before
        assert inventory.card.din.text() == isbt128.format_eye_readable(din)


def test_a_scanned_unit_and_its_label_check_come_in_one_read_and_the_list_after_them(
    qtbot, db, staff, window_as, monkeypatch
):
    from bbms_desktop.services import stock_views

    with db.unit_of_work(staff["lab_technician"]) as uow:
        din = released_unit(uow, staff["lab_technician_2"], abo="A", rhd="+").din
    window = window_as("component_technician")
    wait_idle(qtbot)
    reads: list[str] = []

    def spied(module, name: str, what: str) -> None:
        real = getattr(module, name)

        def spy(*args, **kwargs):
            reads.append(what)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)

    for module, name, what in (
        (stock_views, "find_donation", "card"),
        (label_check, "check_label", "check"),
        (stock_views, "units", "list"),
        (stock_views, "count_units", "count"),
    ):
        spied(module, name, what)
    scan(qtbot, window.workspace.sidebar, barcode(din))
    wait_idle(qtbot)
    inventory = window.workspace.current_page()
    assert inventory.page_id == "inventory"
    assert inventory.card.din.text() == isbt128.format_eye_readable(din)
    # the label check's first answer was read with the card (once), then the list and its count
    assert reads[:2] == ["card", "check"] and sorted(reads[2:]) == ["count", "list"]
    assert inventory.label_check.isVisible()
    assert inventory.label_check.marks["din"].text() == "✔"
    assert inventory.label_check.expected["blood_group"].text() != ""
    assert isbt128.format_eye_readable(din) in column_texts(inventory.table, 0)
    assert inventory.count.text().endswith("units")


def test_a_unit_scanned_on_another_page_brings_the_inventory_up_with_its_card_already_on_it(
    qtbot, db, staff, window_as
):
    """The page is shown once the card is read, never first empty and then again with the card (two paints); and
    a technician who opened another page before the card came is not pulled back to the inventory."""
    with db.unit_of_work(staff["lab_technician"]) as uow:
        din = released_unit(uow, staff["lab_technician_2"], abo="B", rhd="+").din
        other = released_unit(uow, staff["lab_technician_2"], abo="O", rhd="+").din
    window = window_as("issue_counter")
    window.open_page("dashboard")
    wait_idle(qtbot)
    inventory = window.workspace.pages["inventory"]
    seen: list[tuple[str, str]] = []  # (the page on screen, the card's number) each time the page comes up
    real_activated = inventory.activated

    def activated():
        seen.append((window.workspace.current_page().page_id, inventory.card.din.text()))
        real_activated()

    inventory.activated = activated
    assert window.handle_scan(barcode(din))
    assert window.workspace.current_page().page_id == "dashboard"  # still: the card is being read
    wait_idle(qtbot)
    assert window.workspace.current_page() is inventory
    assert seen == [("inventory", isbt128.format_eye_readable(din))]  # it came up with the card on it
    assert inventory.card.isVisible() and inventory.label_check.isVisible()
    assert isbt128.format_eye_readable(din) in column_texts(inventory.table, 0)  # and the list after it

    window.open_page("dashboard")
    wait_idle(qtbot)
    assert window.handle_scan(barcode(other))
    window.open_page("reports")  # before the card came
    wait_idle(qtbot)
    assert window.workspace.current_page().page_id == "reports"
    window.open_page("inventory")  # opened later: the unit scanned is there
    wait_idle(qtbot)
    assert inventory.card.din.text() == isbt128.format_eye_readable(other)


def test_fitted_widths_shrink_what_can_wrap_and_never_cut_a_title_or_a_word():
    from bbms_desktop.ui.pages.inventory import fitted_widths

    assert fitted_widths([100, 50, 60], [40, 50, 30], 300) == [100, 50, 150]  # room: the last takes the rest
    widths = fitted_widths([200, 50, 100], [80, 50, 60], 270)  # 80 too wide: 120 and 40 above the least give it
    assert sum(widths) == 270 and widths[1] == 50 and widths[0] >= 80 and widths[2] >= 60
    assert widths[0] == 200 - 80 * 120 // 160
    assert fitted_widths([200, 50, 100], [80, 50, 60], 150) == [80, 50, 60]  # not even the least: it scrolls


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 400), st.integers(1, 400)), min_size=1, max_size=8), st.integers(1, 2000))
def test_fitted_widths_fill_the_width_exactly_and_keep_every_least_whenever_the_leasts_fit(columns, available):
    from bbms_desktop.ui.pages.inventory import fitted_widths

    natural = [max(a, b) for a, b in columns]
    least = [min(a, b) for a, b in columns]
    widths = fitted_widths(natural, least, available)
    if sum(least) < available or sum(natural) <= available:
        assert sum(widths) == available
        assert all(width >= low for width, low in zip(widths, least, strict=True))
        assert all(width <= high for width, high in zip(widths[:-1], natural, strict=False))
    else:
        assert widths == least


def test_the_donation_cards_table_fits_a_narrow_box_without_cutting_a_title(qtbot, db, staff, window_as):
    with db.unit_of_work(staff["lab_technician"]) as uow:
        din = released_unit(uow, staff["lab_technician_2"], abo="A", rhd="+").din
    window = window_as("issue_counter")
    inventory = window.open_page("inventory")
    wait_idle(qtbot)
    scan(qtbot, inventory.table, barcode(din))
    wait_idle(qtbot)
    table = inventory.card.table
    header = table.horizontalHeader()
    natural = sum(max(header.sectionSizeHint(c), table.sizeHintForColumn(c)) for c in range(header.count()))
    table.setFixedWidth(natural - 60)  # narrower than its columns want
    qtbot.waitUntil(lambda: sum(header.sectionSize(c) for c in range(header.count())) == table.viewport().width())
    assert table.horizontalScrollBar().maximum() == 0  # no sideways scroll
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column)  # every title whole
    table.setFixedWidth(natural + 80)  # wider: the columns as they want, the last one the rest
    qtbot.waitUntil(lambda: sum(header.sectionSize(c) for c in range(header.count())) == table.viewport().width())
    assert header.sectionSize(0) == max(header.sectionSizeHint(0), table.sizeHintForColumn(0))


def test_each_role_sees_only_its_stock_pages(qtbot, db, staff, window_as):
    window = window_as("registrar")
    visible = window.workspace.visible_ids()
    assert "laboratory" not in visible and "components" not in visible and "discard" not in visible
    assert "inventory" in visible
    assert window.open_page("laboratory") is None

    window = window_as("component_technician")
    components_page = window.open_page("components")
    assert not components_page.prepare_box.isHidden()
    assert "laboratory" not in window.workspace.visible_ids()

    window = window_as("lab_technician")
    components_page = window.open_page("components")  # a lab technician may release, not separate
    assert components_page.prepare_box.isHidden()
    assert not components_page.release_button.isHidden()


@pytest.mark.parametrize("language", ["en", "hi"])
@pytest.mark.parametrize(
    ("page_id", "username"), [("components", "component_technician"), ("laboratory", "lab_technician")]
)
def test_a_worklist_fits_its_pane_and_never_breaks_a_din(qtbot, db, staff, window_as, language, page_id, username):
    from PySide6.QtCore import QLocale

    from bbms_desktop.ui.app import create_app, install_language

    for _ in range(3):
        collected(db, staff)
    app = create_app("en")
    translator = install_language(app, language) if language != "en" else None
    try:
        window = window_as(username)
        window.resize(1280, 820)  # the smallest window the screenshots (and a camp laptop) use
        page = window.open_page(page_id)
        wait_idle(qtbot)
        table = page.worklist_table
        header = table.horizontalHeader()
        assert page.worklist.rowCount() == 3
        qtbot.waitUntil(lambda: sum(header.sectionSize(c) for c in range(header.count())) == table.viewport().width())
        assert table.horizontalScrollBar().maximum() == 0  # every column in view, none behind a sideways scroll
        metrics = table.fontMetrics()
        dins = column_texts(table, 0)
        assert header.sectionSize(0) >= max(metrics.horizontalAdvance(din) for din in dins)  # a DIN is one line
        table.setFixedWidth(header.length() * 4 // 5)  # a narrower pane: the other columns wrap, the DIN does not
        qtbot.waitUntil(lambda: sum(header.sectionSize(c) for c in range(header.count())) == table.viewport().width())
        assert header.sectionSize(0) >= max(metrics.horizontalAdvance(din) for din in dins)
    finally:
        if translator is not None:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.India))
