import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bbms_desktop.errors import InvalidInput, NotPermitted, SafetyError, StateError
from bbms_desktop.models import AuditEvent, Donation, Donor, OutboxOp, ScreeningVisit
from bbms_desktop.rules import eligibility, isbt128
from bbms_desktop.services import collection, donors, numbering, screening
from bbms_desktop.services.collection import CollectionForm
from bbms_desktop.services.donors import DonorForm
from bbms_desktop.services.screening import ScreeningForm

from ..conftest import NOW
from .factories import make_donation, make_donor

LATER = NOW + timedelta(minutes=30)  # when the phlebotomist saves the collection


def clean_answers(sex="M"):
    return {
        q.code: (not q.defers_on if q.kind is eligibility.AnswerKind.YES_NO else None)
        for q in eligibility.applicable_questions(sex, "whole_blood")
    }


def fit(**changes):
    form = ScreeningForm(
        donation_type="whole_blood",
        bag_volume_ml=450,
        weight_kg=72.0,
        haemoglobin_g_dl=14.5,
        systolic_mmhg=118,
        diastolic_mmhg=76,
        pulse_per_min=70,
        pulse_regular=True,
        temperature_c=36.6,
        answers=clean_answers(),
    )
    return replace(form, **changes)


def bag(minutes=8.0, **changes):
    start = NOW + timedelta(minutes=10)
    form = CollectionForm(
        bag_type="triple",
        bag_volume_ml=450,
        collected_volume_ml=450,
        bag_lot="TB-2026-114",
        bleed_start=start,
        bleed_end=start + timedelta(minutes=minutes),
    )
    return replace(form, **changes)


def counts(db):
    with db.read() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) for m in (Donation, OutboxOp, AuditEvent)}


def eligible_visit(db, staff, *, at=NOW, form=None, **donor):
    mo = staff["medical_officer"]
    with db.unit_of_work(mo, now=at) as uow:
        donor_id = make_donor(uow, **donor).id
    with db.unit_of_work(mo, now=at) as uow:
        return screening.screen(uow, donor_id, form or fit()).visit_id


def collect(db, actor, visit_id, form, now=LATER):
    with db.unit_of_work(actor, now=now) as uow:
        return collection.collect(uow, visit_id, form)


def test_register_screen_and_collect_a_donor_with_the_next_din(db, staff):
    with db.unit_of_work(staff["registrar"], now=NOW) as uow:
        donor = donors.register_donor(
            uow,
            DonorForm(
                given_name="Sanjay",
                family_name="Gupta",
                sex="M",
                date_of_birth=date(1988, 8, 8),
                mobile="98100 12345",
                consent=True,
            ),
        )
    with db.unit_of_work(staff["medical_officer"], now=NOW) as uow:
        visit = screening.screen(uow, donor.id, fit())
    assert visit.eligible
    collected = collect(db, staff["phlebotomist"], visit.visit_id, bag(minutes=8.5))
    assert collected.din == "G123426000001"
    assert collected.check_character == isbt128.check_character("G123426000001")
    assert collected.bleed_minutes == 8.5
    assert (collected.anticoagulant, collected.anticoagulant_ml, collected.warnings) == ("CPDA-1", 63.0, ())
    with db.read() as s:
        row = s.get(Donation, collected.id)
        assert (row.donor_id, row.visit_id, row.bag_type, row.collected_volume_ml) == (
            donor.id,
            visit.visit_id,
            "triple",
            450,
        )
        assert row.collected_at == row.bleed_end == NOW + timedelta(minutes=18, seconds=30)
        assert row.phlebotomist_id == staff["phlebotomist"].user_id
        assert s.scalars(select(AuditEvent.action).where(AuditEvent.row_id == row.id)).all() == ["collect"]
        assert s.scalars(select(OutboxOp.kind).where(OutboxOp.row_id == row.id)).all() == ["insert"]
        history = donors.history(s, donor.id, on=date(2026, 11, 22))
        assert [d.din for d in history.donations] == ["G123426000001"]
        assert history.last_whole_blood == NOW.astimezone().date()
        assert [d.id for d in donors.search(s, "G123426000001")] == [donor.id]
    # the donation now counts at the next screening: the whole blood interval defers him
    with db.unit_of_work(staff["medical_officer"], now=NOW + timedelta(days=30)) as uow:
        again = screening.screen(uow, donor.id, fit())
    assert [r.code for r in again.reasons] == ["INTERVAL_WHOLE_BLOOD"]
    assert again.reasons[0].until == NOW.astimezone().date() + timedelta(days=90)
    second = collect(db, staff["phlebotomist"], eligible_visit(db, staff), bag())
    assert second.din == "G123426000002"


@pytest.mark.parametrize(
    "label",
    [
        "=G12342600012300",  # scanned, flags 00
        isbt128.format_for_barcode("G123426000123", isbt128.check_flags("G123426000123")),  # scanned, check flags
        "G1234 26 000123 " + isbt128.check_character("G123426000123"),  # typed from the label with its check char
        "g123426000123",  # typed, caps lock on
    ],
)
def test_a_scanned_or_typed_din_from_the_bag_label_is_accepted(db, staff, label):
    visit_id = eligible_visit(db, staff)
    collected = collect(db, staff["phlebotomist"], visit_id, bag(din=label))
    assert collected.din == "G123426000123"
    with db.read() as s:
        assert s.get(Donation, collected.id).din == "G123426000123"


def test_a_din_that_cannot_be_used_is_refused_and_nothing_is_saved(db, staff):
    with db.unit_of_work(staff["phlebotomist"], now=NOW) as uow:
        make_donation(uow, din="G123426000555", collected_at=NOW - timedelta(days=3))
    with db.unit_of_work(staff["quality_admin"], now=NOW) as uow:
        camp_block = numbering.reserve_block(uow, "din:26", 100, holder_device_id=uuid.uuid4())
    camp_din = f"G123426{camp_block.first + 5:06d}"
    visit_id = eligible_visit(db, staff)
    before = counts(db)
    for label, fragment in (
        ("G123426000124Z", "this DIN's is"),
        ("G567826000124", "belongs to facility G5678"),
        ("G123426000555", "already used"),
        (camp_din, "reserved for another machine"),
        ("=%5100", "not the donation number"),
    ):
        with pytest.raises(InvalidInput) as refused:
            collect(db, staff["phlebotomist"], visit_id, bag(din=label))
        assert refused.value.field == "din"
        assert fragment in refused.value.render(), label
    assert counts(db) == before


def test_blood_is_never_collected_after_a_screening_that_deferred_the_donor(db, staff):
    visit_id = eligible_visit(db, staff, form=fit(haemoglobin_g_dl=11.0))
    before = counts(db)
    with pytest.raises(SafetyError) as refused:
        collect(db, staff["phlebotomist"], visit_id, bag())
    assert "HB_LOW" in refused.value.render() and "must not be collected" in refused.value.render()
    assert counts(db) == before


def test_a_screening_of_an_earlier_day_does_not_allow_collection_today(db, staff):
    visit_id = eligible_visit(db, staff, at=NOW - timedelta(days=1))
    before = counts(db)
    with pytest.raises(StateError) as refused:
        collect(db, staff["phlebotomist"], visit_id, bag())
    assert "2026-11-21" in refused.value.render() and "screen the donor again" in refused.value.render()
    assert counts(db) == before


def test_one_screening_gives_one_bag(db, staff):
    visit_id = eligible_visit(db, staff)
    first = collect(db, staff["phlebotomist"], visit_id, bag())
    before = counts(db)
    with pytest.raises(StateError) as refused:
        collect(db, staff["phlebotomist"], visit_id, bag(), now=LATER + timedelta(minutes=5))
    assert first.din in refused.value.render()
    assert counts(db) == before


def test_a_deferral_recorded_after_the_screening_stops_the_collection(db, staff):
    visit_id = eligible_visit(db, staff)
    with db.read() as s:
        donor_id = s.get(ScreeningVisit, visit_id).donor_id
    with db.unit_of_work(staff["medical_officer"], now=NOW + timedelta(minutes=5)) as uow:
        screening.defer_donor(
            uow,
            donor_id,
            "REPORTED_FEVER",
            permanent=False,
            until=date(2026, 12, 6),
            detail="Donor reported fever last night after screening.",
        )
    before = counts(db)
    with pytest.raises(SafetyError) as refused:
        collect(db, staff["phlebotomist"], visit_id, bag())
    assert "REPORTED_FEVER" in refused.value.render() and "do not collect" in refused.value.render()
    assert counts(db) == before


def test_a_donor_who_already_gave_blood_today_is_not_bled_again(db, staff):
    visit_id = eligible_visit(db, staff)
    with db.read() as s:
        donor_id = s.get(ScreeningVisit, visit_id).donor_id
    with db.unit_of_work(staff["phlebotomist"], now=NOW + timedelta(minutes=5)) as uow:
        make_donation(uow, uow.session.get(Donor, donor_id), din="G123426000900")
    before = counts(db)
    with pytest.raises(SafetyError) as refused:
        collect(db, staff["phlebotomist"], visit_id, bag())
    assert "G123426000900" in refused.value.render()
    assert counts(db) == before


def test_the_bag_must_be_the_volume_the_donor_was_screened_for(db, staff):
    visit_id = eligible_visit(db, staff, form=fit(bag_volume_ml=350, weight_kg=50.0))
    before = counts(db)
    with pytest.raises(SafetyError) as refused:
        collect(db, staff["phlebotomist"], visit_id, bag(bag_volume_ml=450))
    assert "screened for a 350 ml bag, not 450 ml" in refused.value.render()
    assert counts(db) == before
    assert collect(db, staff["phlebotomist"], visit_id, bag(bag_volume_ml=350, collected_volume_ml=350)).din


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"bag_type": "sextuple"}, "bag_type", "Choose the bag type"),
        ({"bag_volume_ml": 500, "collected_volume_ml": 500}, "bag_volume_ml", "500 ml is not offered"),
        ({"collected_volume_ml": 0}, "collected_volume_ml", "0 ml is not possible"),
        ({"collected_volume_ml": 4500}, "collected_volume_ml", "4500 ml is not possible"),
        ({"bleed_end": NOW + timedelta(minutes=10)}, "bleed_end", "before or when it started"),
        (
            {"bleed_start": NOW + timedelta(minutes=40), "bleed_end": NOW + timedelta(minutes=48)},
            "bleed_end",
            "in the future",
        ),
        ({"bleed_start": NOW - timedelta(minutes=20)}, "bleed_start", "before the screening"),
        ({"bleed_start": datetime(2026, 11, 22, 10, 40)}, "bleed_start", "bleed start as a date and time"),
        ({"adverse_reaction": "sneezing"}, "adverse_reaction", "adverse reaction from the list"),
        ({"bag_lot": "L" * 41}, "bag_lot", "at most 40"),
    ],
)
def test_impossible_collection_details_are_refused_naming_the_field(db, staff, changes, field, fragment):
    visit_id = eligible_visit(db, staff)
    before = counts(db)
    with pytest.raises(InvalidInput) as refused:
        collect(db, staff["phlebotomist"], visit_id, bag(**changes))
    assert refused.value.field == field
    assert fragment in refused.value.render()
    assert counts(db) == before


def test_only_a_role_that_may_collect_can_record_a_donation(db, staff):
    visit_id = eligible_visit(db, staff)
    before = counts(db)
    for role in ("registrar", "lab_technician", "issue_counter"):
        with pytest.raises(NotPermitted):
            collect(db, staff[role], visit_id, bag())
    assert counts(db) == before


@pytest.mark.parametrize(
    ("bag_type", "minutes", "refused"),
    [
        ("triple", 12.0, set()),  # the limits are inclusive
        ("triple", 13.0, {"Random donor platelets (RDP)"}),
        (
            "triple",
            15.5,
            {"Random donor platelets (RDP)", "Fresh frozen plasma (FFP)", "Cryoprecipitate", "Cryo-poor plasma"},
        ),
        ("double", 13.0, set()),  # a double bag never yields platelets
        ("double", 16.0, {"Fresh frozen plasma (FFP)"}),
        ("single", 19.0, set()),  # whole blood only
    ],
)
def test_a_long_bleed_warns_the_component_technician_which_components_are_lost(db, staff, bag_type, minutes, refused):
    visit_id = eligible_visit(db, staff)
    collected = collect(db, staff["phlebotomist"], visit_id, bag(minutes=minutes, bag_type=bag_type))
    assert collected.bleed_minutes == minutes
    named = {
        c
        for c in ("Random donor platelets (RDP)", "Fresh frozen plasma (FFP)", "Cryoprecipitate", "Cryo-poor plasma")
        if any(w.render().startswith(c + " cannot") for w in collected.warnings)
    }
    assert named == refused
    assert len(collected.warnings) == len(refused)


def test_an_under_collected_unit_is_recorded_with_a_warning(db, staff):
    visit_id = eligible_visit(db, staff)
    collected = collect(db, staff["phlebotomist"], visit_id, bag(collected_volume_ml=380))
    [warning] = collected.warnings
    assert "Only 380 ml was collected in a 450 ml bag (at least 405 ml expected)" in warning.render()
    with db.read() as s:
        assert s.get(Donation, collected.id).collected_volume_ml == 380
