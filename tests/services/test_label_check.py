"""A bag's label is checked against the record before the unit goes into stock or to a patient: every barcode must
say what the record says, and a label naming another group, product or a later expiry is refused loudly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from bbms_desktop.errors import NotFound, NotPermitted
from bbms_desktop.models import AuditEvent
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.vocabulary import ComponentStatus, DonorType
from bbms_desktop.services import label_check, label_content
from bbms_desktop.services.label_check import FieldState, LabelScans, with_scan
from tests.services.factories import make_component, make_donation, make_results, released_unit


def scanned(*barcodes: str) -> LabelScans:
    scans = LabelScans()
    for barcode in barcodes:
        scans = with_scan(scans, isbt128.decode_scan(barcode))
    return scans


def label_of(db, component_id):
    with db.read() as session:
        from bbms_desktop.models import Component

        return label_check.expected_label(session, session.get(Component, component_id))


def barcodes(label) -> tuple[str, str, str]:
    return (
        isbt128.format_blood_group(label.blood_group),
        isbt128.format_product_code(label.product),
        isbt128.format_expiry(label.expiry_date),
    )


@pytest.fixture
def unit(db, staff):
    with db.unit_of_work(staff["lab_technician"]) as uow:
        return released_unit(uow, staff["lab_technician_2"], abo="B", rhd="-").id


def audits(db, action="label_check"):
    with db.read() as session:
        return session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_a_label_that_says_what_the_record_says_is_verified_and_kept_in_the_audit_trail(db, staff, unit):
    label = label_of(db, unit)
    assert label.blood_group == "B-"
    assert label.product.code == isbt128.product_code_for("PRBC_SAGM", "V").code
    with db.unit_of_work(staff["component_technician"]) as uow:
        result = label_check.record_label_check(
            uow, isbt128.format_for_barcode(label.din, label.flags), scanned(*barcodes(label))
        )
    assert result.verified
    assert [f.state for f in result.fields] == [FieldState.MATCH] * 4
    (event,) = audits(db)
    assert event.details["outcome"] == "verified"
    assert event.row_id == unit


def test_the_label_this_centre_prints_checks_against_its_own_record(db, staff):
    """Printing and checking read one decision: scanning every barcode of a printed label verifies it."""
    with db.unit_of_work(staff["component_technician"]) as uow:
        donation = make_donation(uow)
        make_results(uow, donation, abo="AB", rhd="-", verified_by=staff["lab_technician_2"])
        make_component(uow, donation, code="PRBC_SAGM", status=ComponentStatus.AVAILABLE, group="AB-")
        plasma = make_component(uow, donation, code="FFP", status=ComponentStatus.AVAILABLE, group="AB-")
    with db.read() as session:
        printed = label_content.bag_label(session, plasma.id)
        result = label_check.check_label(
            session, printed.din_barcode.data, scanned(*(b.data for b in printed.barcodes[1:]))
        )
    assert result.verified and result.component_id == plasma.id


def test_a_group_label_of_another_group_is_a_mismatch_that_says_both_groups(db, staff, unit):
    label = label_of(db, unit)
    _group, product, expiry = barcodes(label)
    with db.unit_of_work(staff["issue_counter"]) as uow:
        result = label_check.record_label_check(
            uow, label.din, scanned(isbt128.format_blood_group("B+"), product, expiry)
        )
    assert result.mismatched and not result.verified
    group = next(f for f in result.fields if f.field == "blood_group")
    assert group.state == FieldState.MISMATCH
    assert "B+" in group.problem.render() and "B-" in group.problem.render()
    assert "अपनी" not in group.problem.render("en")
    (event,) = audits(db)
    assert event.details["outcome"] == "mismatch" and event.details["mismatched"] == ["blood_group"]


def test_a_group_label_on_a_unit_still_in_quarantine_is_refused(db, staff):
    with db.unit_of_work(staff["component_technician"]) as uow:
        donation = make_donation(uow)
        component = make_component(uow, donation, code="FFP")
        din = donation.din
    label = label_of(db, component.id)
    assert label.blood_group is None
    with db.read() as session:
        result = label_check.check_label(
            session, din, scanned(isbt128.format_blood_group("O+"), isbt128.format_product_code(label.product))
        )
    group = next(f for f in result.fields if f.field == "blood_group")
    assert group.state == FieldState.MISMATCH
    assert "not been released" in group.problem.render()


def test_the_product_code_says_which_bag_of_the_donation_is_being_checked(db, staff):
    with db.unit_of_work(staff["component_technician"]) as uow:
        donation = make_donation(uow)
        make_results(uow, donation, abo="A", rhd="+", verified_by=staff["lab_technician_2"])
        red = make_component(uow, donation, code="PRBC_SAGM", status=ComponentStatus.AVAILABLE, group="A+")
        plasma = make_component(uow, donation, code="FFP", status=ComponentStatus.AVAILABLE, group="A+")
        din = donation.din
    red_label, plasma_label = label_of(db, red.id), label_of(db, plasma.id)
    with db.read() as session:
        # the expiry alone cannot say which of two bags this is
        waiting = label_check.check_label(session, din, scanned(isbt128.format_expiry(plasma_label.expiry_date)))
        assert waiting.component_id is None and not waiting.complete
        expiry = next(f for f in waiting.fields if f.field == "expiry")
        assert expiry.state == FieldState.WAITING and "product code first" in expiry.problem.render()
        # the plasma's product code with the red cells' expiry: the label is wrong
        wrong = label_check.check_label(
            session,
            din,
            scanned(
                isbt128.format_blood_group("A+"),
                isbt128.format_product_code(plasma_label.product),
                isbt128.format_expiry(red_label.expiry_date),
            ),
        )
        assert wrong.component_id == plasma.id
        assert [f.field for f in wrong.fields if f.state == FieldState.MISMATCH] == ["expiry"]
        assert "earlier than the record" in next(f for f in wrong.fields if f.field == "expiry").problem.render()
        right = label_check.check_label(session, din, scanned(*barcodes(plasma_label)))
        assert right.verified and right.component_id == plasma.id


def test_a_product_that_was_never_prepared_from_the_donation_is_a_mismatch(db, staff, unit):
    label = label_of(db, unit)
    with db.read() as session:
        result = label_check.check_label(
            session, label.din, scanned(isbt128.format_product_code(isbt128.product_code_for("PLT_RDP")))
        )
    product = next(f for f in result.fields if f.field == "product")
    assert product.state == FieldState.MISMATCH and "was prepared" in product.problem.render()


def test_a_volunteer_product_code_on_a_replacement_donors_bag_is_a_mismatch(db, staff):
    with db.unit_of_work(staff["component_technician"]) as uow:
        unit = released_unit(uow, staff["lab_technician_2"])
        uow.session.get(type(unit), unit.id)
        from bbms_desktop.models import Donation, Donor

        donor = uow.session.get(Donor, uow.session.get(Donation, unit.donation_id).donor_id)
        donor.donor_type = DonorType.REPLACEMENT
    label = label_of(db, unit.id)
    assert label.product.donation_type == "C"
    volunteer = isbt128.product_code_for("PRBC_SAGM", "V")
    with db.read() as session:
        result = label_check.check_label(session, label.din, scanned(isbt128.format_product_code(volunteer)))
    product = next(f for f in result.fields if f.field == "product")
    assert product.state == FieldState.MISMATCH
    assert volunteer.code in product.problem.render() and label.product.code in product.problem.render()


def test_an_expiry_later_than_the_record_is_refused_and_the_date_and_time_form_is_checked_to_the_minute(
    db, staff, unit
):
    label = label_of(db, unit)
    group, product, _expiry = barcodes(label)
    with db.read() as session:
        later = label_check.check_label(
            session, label.din, scanned(group, product, isbt128.format_expiry(label.expiry_date + timedelta(days=1)))
        )
        problem = next(f for f in later.fields if f.field == "expiry").problem.render()
        assert later.mismatched and "later than the record" in problem and "do not use" in problem
        exact = label_check.check_label(
            session, label.din, scanned(group, product, isbt128.format_expiry_datetime(label.expires_at))
        )
        assert exact.verified
        minute_late = label_check.check_label(
            session,
            label.din,
            scanned(group, product, isbt128.format_expiry_datetime(label.expires_at + timedelta(minutes=1))),
        )
        assert minute_late.mismatched


@given(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)))
def test_a_date_only_expiry_never_gives_a_later_moment_than_the_record(expires_at):
    day = label_check.last_day_of_use(expires_at)
    local = expires_at.astimezone()
    end_of_day = datetime.combine(day, isbt128.DEFAULT_EXPIRY_TIME.value, tzinfo=local.tzinfo)
    assert end_of_day <= local
    assert local - end_of_day < timedelta(days=1)  # and never a whole day too early


def test_a_unit_expiring_mid_afternoon_is_labelled_with_the_day_before():
    moment = datetime(2026, 12, 10, 14, 30).astimezone()
    assert label_check.last_day_of_use(moment) == date(2026, 12, 9)
    assert label_check.last_day_of_use(moment.replace(hour=23, minute=59)) == date(2026, 12, 10)


def test_a_role_that_neither_prepares_nor_issues_units_may_not_check_labels_and_nothing_is_saved(db, staff, unit):
    label = label_of(db, unit)
    with db.read() as session:
        before = session.scalar(select(func.count()).select_from(AuditEvent))
    with pytest.raises(NotPermitted), db.unit_of_work(staff["registrar"]) as uow:
        label_check.record_label_check(uow, label.din, scanned(*barcodes(label)))
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == before


def test_an_unknown_donation_number_says_so(db, staff):
    with db.read() as session, pytest.raises(NotFound) as refused:
        label_check.check_label(session, "G123426999999", LabelScans())
    assert "G1234 26 999999" in refused.value.render()
