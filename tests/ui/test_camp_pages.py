"""The camp pages driven through the real window by keyboard and scanner: a returning donor found by mobile, screened
and bled (the bag scanned as the needle goes in and again when full); a new donor's pledge; a donor deferred at the
centre stopped at the camp; and back at the centre the bags scanned against those collected."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from bbms_desktop.models import AuditEvent, Camp, Donation, Donor, ScreeningVisit, utcnow
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.vocabulary import BagType, ScreeningOutcome
from bbms_desktop.services import camp_flow, camps, collection, donors, screening
from bbms_desktop.ui.widgets import find_data
from tests.services.test_safety_invariants import _screening_form
from tests.ui.conftest import scan, wait_idle
from tests.ui.test_donor_pages import answer_every_question, type_into


@pytest.fixture
def camp(db, staff):
    with db.unit_of_work(staff["quality_admin"]) as uow:
        form = camps.CampForm(
            name="Voluntary blood donation camp, Hindu College",
            venue="Hindu College",
            starts_on=date.today(),
            ends_on=date.today(),
            expected_donors=200,
            staff_ids=(staff["camp_operator"].user_id,),
        )
        return camps.plan_camp(uow, form).id


def known_donor(db, actor, name: str, mobile: str):
    form = donors.DonorForm(
        given_name=name, family_name="Sharma", sex="M", date_of_birth=date(1990, 5, 1), mobile=mobile, consent=True
    )
    with db.unit_of_work(actor) as uow:
        return donors.register_donor(uow, form).id


def din(sequence: int) -> str:
    return f"=G1234{date.today().year % 100:02d}{sequence:06d}00"


def fill_vitals(qtbot, page) -> None:
    for field, text in (
        (page.weight, "66"),
        (page.haemoglobin, "13.9"),
        (page.systolic, "118"),
        (page.diastolic, "78"),
        (page.pulse, "74"),
        (page.temperature, "36.7"),
    ):
        type_into(qtbot, field, text)
    type_into(qtbot, page.pulse_regular, "R")
    answer_every_question(qtbot, page)


def test_the_camp_flow_by_keyboard_and_scanner(qtbot, open_window, db, staff, camp):
    returning = known_donor(db, staff["registrar"], "Mohan", "9811100001")
    deferred = known_donor(db, staff["registrar"], "Sohan", "9811100002")
    with db.unit_of_work(staff["medical_officer"]) as uow:
        screening.defer_donor(
            uow, deferred, "MEDICATION", permanent=False, until=date.today() + timedelta(days=60), detail="Warfarin"
        )
    window = open_window("camp_operator")
    page = window.open_page("camp_flow")
    wait_idle(qtbot)
    assert page.camp_id() == camp

    # a returning donor: the mobile typed in the one box finds him in one step
    type_into(qtbot, page.lookup, "98111 00001")
    qtbot.keyClick(page.lookup, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.stack.currentIndex() == 1 and page.donor_name.text() == "Mohan Sharma"
    fill_vitals(qtbot, page)
    qtbot.keyClick(page.temperature, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.stack.currentIndex() == 2 and page.din.hasFocus()

    # the bag's label scanned as the needle goes in: the donor is on a couch and the box is free for the next one
    scan(qtbot, page.din, din(123))
    assert page.stack.currentIndex() == 0 and page.couch_model.rowCount() == 1
    couch = page.couch_model
    assert couch.data(couch.index(0, 0)) == isbt128.format_eye_readable(din(123)[1:14])  # as printed on the bag
    qtbot.wait(20)
    scan(qtbot, page.lookup, din(123))  # the full bag scanned again ends the bleed
    assert page.stack.currentIndex() == 2 and page.volume.text() == "450"
    qtbot.keyClick(page.volume, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.couch_model.rowCount() == 0 and "G1234" in page.message.text()
    with db.read() as session:
        donation = session.scalar(select(Donation).where(Donation.donor_id == returning))
        assert (donation.din, donation.camp_id) == (din(123)[1:14], camp)

    # a new donor signs a pledge (F2) instead of donating today
    type_into(qtbot, page.lookup, "9822200009")
    qtbot.keyClick(page.lookup, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.register_area.isVisible() and page.mobile.text() == "9822200009"
    type_into(qtbot, page.given_name, "Lata")
    type_into(qtbot, page.sex, "F")
    type_into(qtbot, page.date_of_birth, "12-08-1996")
    page.consent.setFocus()
    qtbot.keyClick(page.consent, Qt.Key.Key_Space)
    qtbot.keyClick(page.consent, Qt.Key.Key_F2)
    wait_idle(qtbot)
    with db.read() as session:
        lata = session.scalar(select(Donor).where(Donor.mobile == "9822200009"))
        assert (lata.pledged_camp_id, lata.registered_camp_id) == (camp, camp)
        assert session.scalar(select(ScreeningVisit).where(ScreeningVisit.donor_id == lata.id)) is None

    # the donor deferred at the centre is shown deferred and stopped by the screening
    type_into(qtbot, page.lookup, "9811100002")
    qtbot.keyClick(page.lookup, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.deferral_banner.isVisible() and "MEDICATION" in page.deferral_banner.text()
    fill_vitals(qtbot, page)
    qtbot.keyClick(page.weight, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert page.stack.currentIndex() == 1 and not page.result.eligible
    with db.read() as session:
        visit = session.scalar(select(ScreeningVisit).where(ScreeningVisit.donor_id == deferred))
        assert visit.outcome == ScreeningOutcome.DEFERRED and visit.camp_id == camp
        assert session.scalar(select(Donation).where(Donation.donor_id == deferred)) is None
    qtbot.keyClick(page.weight, Qt.Key.Key_Escape)
    assert page.stack.currentIndex() == 0 and page.lookup.hasFocus()
    wait_idle(qtbot)
    assert page.figures.text().startswith("Registered 1 · returning 2 · pledged 1 · screened 2 · deferred 1")


def bled_at_camp(db, staff, camp, n: int) -> str:
    now = utcnow()
    base = max(now - timedelta(minutes=20), datetime.combine(date.today(), time(0, 0, 1)).astimezone())
    form = donors.DonorForm(
        given_name=f"Camp{n}", sex="M", date_of_birth=date(1994, 1, 1 + n), mobile=f"97000000{n:02d}", consent=True
    )
    with db.unit_of_work(staff["camp_operator"], base) as uow:
        donor_id = camp_flow.register_at_camp(uow, camp, form).id
    with db.unit_of_work(staff["camp_operator"], base) as uow:
        visit = screening.screen(uow, donor_id, replace(_screening_form(None, "M"), camp_id=camp))
    with db.unit_of_work(staff["camp_operator"], now) as uow:
        start = base + (now - base) / 4
        form = collection.CollectionForm(
            bag_type=BagType.TRIPLE,
            bag_volume_ml=450,
            collected_volume_ml=448,
            bleed_start=start,
            bleed_end=start + (now - base) / 4,
        )
        return collection.collect(uow, visit.visit_id, form).din


def test_back_at_the_centre_the_bags_are_scanned_against_those_collected(qtbot, open_window, db, staff, camp):
    collected = [bled_at_camp(db, staff, camp, n) for n in range(3)]
    window = open_window("quality_admin")
    page = window.open_page("camp_reconcile")
    wait_idle(qtbot)
    assert page.camp_id() == camp
    for code in (collected[0], collected[2], collected[2], "G1234990000019"):
        scan(qtbot, page.scan_box, f"={code[:13]}00")
        wait_idle(qtbot)
    assert [b.din for b in page.result.missing] == [collected[1]]
    assert [b.din for b in page.result.extra] == ["G123499000001"]
    assert page.result.repeated == (collected[2],)
    assert "missing 1 · extra 1" in page.summary.text()
    # each bag's number as printed under its barcode, as on every other page
    missing = page.missing_model
    assert missing.data(missing.index(0, 0)) == isbt128.format_eye_readable(collected[1])
    assert page.extra_model.data(page.extra_model.index(0, 0)) == "G1234 99 000001"

    # a save anywhere reloads the page's camps: the camp chosen and its scans stay (an equal id, read again)
    with db.unit_of_work(staff["quality_admin"]) as uow:
        camps.plan_camp(uow, camps.CampForm(name="Another camp", venue="Town hall", starts_on=date.today(),
                                            ends_on=date.today()))  # fmt: skip
    window.ctx.records_changed.emit("camps")
    wait_idle(qtbot)
    assert page.camp.count() == 2 and page.camp_id() == camp and len(page.scans) == 4
    page.undo_button.click()  # the stray bag was put aside: its scan is taken back
    wait_idle(qtbot)
    assert page.result.extra == () and page.missing_model.rowCount() == 1
    page.close_button.click()
    wait_idle(qtbot)
    with db.read() as session:
        assert session.get(Camp, camp).closed_at is not None
        event = session.scalar(select(AuditEvent).where(AuditEvent.action == "reconcile_camp"))
        assert event.details["missing"] == [collected[1]] and event.details["collected"] == 3
    assert page.camp.count() == 1 and find_data(page.camp, camp) < 0  # a closed camp is not offered again


def test_the_camps_page_sends_staff_and_shows_the_camps_figures(qtbot, open_window, db, staff, camp):
    bled_at_camp(db, staff, camp, 7)
    window = open_window("quality_admin")
    page = window.open_page("camps")
    wait_idle(qtbot)
    page.table.selectRow(0)
    wait_idle(qtbot)
    assert "1 new · 0 returning · 0 pledged" in page.board.text() and "not grouped yet 1" in page.board.text()
    assert not page.prepare_button.isVisible()  # a standalone profile is not a camp laptop
    names = [page.staff.item(i).text() for i in range(page.staff.count())]
    assert not any("Lab Technician" in name for name in names)  # only staff who can do camp work are offered
    for i, name in enumerate(names):
        if name.startswith(("Phlebotomist", "Medical Officer")):
            page.staff.item(i).setCheckState(Qt.CheckState.Checked)
    page.staff_button.click()
    wait_idle(qtbot)
    with db.read() as session:
        sent = set(session.get(Camp, camp).staff_ids)
    wanted = {staff[r].user_id for r in ("camp_operator", "phlebotomist", "medical_officer")}
    assert sent == {str(user_id) for user_id in wanted}
