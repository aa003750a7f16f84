from dataclasses import replace
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select

from bbms_desktop.errors import InvalidInput, NotPermitted, StateError
from bbms_desktop.models import AuditEvent, Camp, Centre, Deferral, OutboxOp, ScreeningVisit, User, new_id
from bbms_desktop.rules import eligibility
from bbms_desktop.rules.vocabulary import ScreeningOutcome
from bbms_desktop.services import screening
from bbms_desktop.services.screening import ScreeningForm

from ..conftest import NOW
from .factories import aware, make_donation, make_donor

TODAY = date(2026, 11, 22)


def clean_answers(sex="M", donation_type="whole_blood"):
    """Every question this donor is asked, answered the way that does not defer."""
    return {
        q.code: (not q.defers_on if q.kind is eligibility.AnswerKind.YES_NO else None)
        for q in eligibility.applicable_questions(sex, donation_type)
    }


def fit_form(sex="M", **changes):
    form = ScreeningForm(
        donation_type="whole_blood",
        bag_volume_ml=450,
        weight_kg=68.0,
        haemoglobin_g_dl=14.1,
        systolic_mmhg=122,
        diastolic_mmhg=78,
        pulse_per_min=74,
        pulse_regular=True,
        temperature_c=36.7,
        answers=clean_answers(sex),
    )
    return replace(form, **changes)


def counts(db):
    with db.read() as s:
        return {
            m.__name__: s.scalar(select(func.count()).select_from(m))
            for m in (ScreeningVisit, Deferral, OutboxOp, AuditEvent)
        }


def new_donor(db, actor, **kwargs):
    with db.unit_of_work(actor, now=NOW) as uow:
        return make_donor(uow, **kwargs).id


def screen(db, actor, donor_id, form, now=NOW):
    with db.unit_of_work(actor, now=now) as uow:
        return screening.screen(uow, donor_id, form)


def deferrals_of(db, donor_id):
    with db.read() as s:
        return s.scalars(select(Deferral).where(Deferral.donor_id == donor_id).order_by(Deferral.reason_code)).all()


def test_a_fit_donor_is_recorded_eligible_with_no_deferral(db, staff):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo)
    result = screen(db, mo, donor_id, fit_form())
    assert result.eligible and result.outcome == ScreeningOutcome.ELIGIBLE
    assert result.reasons == () and result.deferral_ids == ()
    with db.read() as s:
        visit = s.get(ScreeningVisit, result.visit_id)
        assert (visit.outcome, visit.reason_codes, visit.assessed_by_id) == ("eligible", [], mo.user_id)
        assert visit.answers == clean_answers()
        assert s.scalars(select(AuditEvent.action).where(AuditEvent.row_id == visit.id)).all() == ["screen_donor"]
    assert deferrals_of(db, donor_id) == []


def test_low_haemoglobin_defers_until_the_next_day_for_re_examination(db, staff):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo)
    result = screen(db, mo, donor_id, fit_form(haemoglobin_g_dl=11.8))
    assert not result.eligible and result.outcome == ScreeningOutcome.DEFERRED
    assert [r.code for r in result.reasons] == ["HB_LOW"]
    assert "11.8" in result.reasons[0].text.render()
    [deferral] = deferrals_of(db, donor_id)
    assert (deferral.reason_code, deferral.permanent, deferral.starts_on, deferral.until) == (
        "HB_LOW",
        False,
        TODAY,
        TODAY + timedelta(days=1),
    )
    assert deferral.visit_id == result.visit_id and "11.8" in deferral.detail
    assert result.defer_until == TODAY + timedelta(days=1)


def test_a_permanent_reason_records_a_permanent_deferral_without_end_date(db, staff):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo)
    answers = {**clean_answers(), "hiv_hepatitis_infection": True}
    result = screen(db, mo, donor_id, fit_form(answers=answers))
    assert result.permanent and result.defer_until is None
    [deferral] = deferrals_of(db, donor_id)
    assert (deferral.reason_code, deferral.permanent, deferral.until) == ("HIV_HEPATITIS_INFECTION", True, None)


def test_a_recorded_until_is_the_first_day_the_donor_may_donate_again(db, staff):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo)
    tattooed = screen(db, mo, donor_id, fit_form(answers={**clean_answers(), "tattoo": date(2026, 5, 1)}))
    [deferral] = deferrals_of(db, donor_id)
    assert deferral.until == date(2027, 5, 1) == tattooed.defer_until  # 12 months from the tattoo, as the rules say
    # the day before, the recorded deferral alone stops the donor; on that day the donor may donate
    day_before = screen(db, mo, donor_id, fit_form(), now=aware(2027, 4, 30, 10, 30))
    assert [r.code for r in day_before.reasons] == ["DEFERRAL_ACTIVE"]
    assert day_before.deferral_ids == ()  # the deferral on record is not recorded again
    assert screen(db, mo, donor_id, fit_form(), now=aware(2027, 5, 1, 10, 30)).eligible
    assert len(deferrals_of(db, donor_id)) == 1


def test_a_condition_that_lasts_while_it_applies_is_asked_again_at_the_next_visit(db, staff):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo, sex="F", name="Lata")
    result = screen(db, mo, donor_id, fit_form("F", answers={**clean_answers("F"), "pregnant": True}))
    [deferral] = deferrals_of(db, donor_id)
    assert (deferral.reason_code, deferral.permanent, deferral.until) == ("PREGNANT", False, TODAY + timedelta(days=1))
    assert result.reasons[0].until == TODAY + timedelta(days=1)


def test_a_donor_with_an_active_deferral_from_another_centre_is_stopped(db, staff):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo)
    with db.remote_apply() as s:  # as a pull from the server applies it
        other = Centre(id=new_id(), code="MH-PUN", name="Pune Blood Centre", kind="blood_centre", fin="G5678")
        s.add(other)
        s.flush()
        doctor = User(
            id=new_id(),
            centre_id=other.id,
            username="mo",
            full_name="Dr. Patil",
            role="medical_officer",
            password_hash="-",
        )
        s.add(doctor)
        s.flush()
        s.add(
            Deferral(
                id=new_id(),
                centre_id=other.id,
                donor_id=donor_id,
                reason_code="MALARIA",
                permanent=False,
                starts_on=date(2026, 11, 1),
                until=date(2027, 2, 1),
                decided_by_id=doctor.id,
            )
        )
    result = screen(db, mo, donor_id, fit_form())
    assert not result.eligible
    [reason] = result.reasons
    assert reason.code == "DEFERRAL_ACTIVE"
    assert "MALARIA" in reason.text.render() and "2027-02-01" in reason.text.render()
    assert result.deferral_ids == ()
    with db.read() as s:
        active = screening.active_deferrals(s, donor_id, TODAY)
        assert [(d.reason_code, d.centre_id) for d in active] == [("MALARIA", other.id)]
        assert screening.active_deferrals(s, donor_id, date(2027, 2, 1)) == []


def test_a_deferral_of_a_merged_record_still_stops_the_surviving_donor(db, staff):
    mo = staff["medical_officer"]
    with db.unit_of_work(mo, now=NOW) as uow:
        survivor = make_donor(uow, name="Arjun", family="Nair")
        duplicate = make_donor(uow, name="Arjun", family="Nayar")
        uow.session.flush()
        duplicate.merged_into_id = survivor.id
        uow.add(
            Deferral(
                donor_id=duplicate.id,
                reason_code="HIGH_RISK_BEHAVIOUR",
                permanent=True,
                starts_on=date(2025, 1, 1),
                decided_by_id=mo.user_id,
            )
        )
        survivor_id = survivor.id
    result = screen(db, mo, survivor_id, fit_form())
    assert [r.code for r in result.reasons] == ["DEFERRAL_ACTIVE"] and result.permanent


def test_the_whole_blood_interval_counts_from_the_last_donation_on_record(db, staff):
    mo = staff["medical_officer"]
    with db.unit_of_work(mo, now=NOW) as uow:
        donor = make_donor(uow)
        make_donation(uow, donor, collected_at=NOW - timedelta(days=30))
        donor_id = donor.id
    result = screen(db, mo, donor_id, fit_form())
    [reason] = result.reasons
    assert reason.code == "INTERVAL_WHOLE_BLOOD"
    assert reason.until == TODAY - timedelta(days=30) + timedelta(days=90)
    [deferral] = deferrals_of(db, donor_id)
    assert deferral.until == reason.until


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"weight_kg": 500.0}, "weight_kg", "Weight 500.0 kg is not possible"),
        ({"haemoglobin_g_dl": 41.0}, "haemoglobin_g_dl", "Haemoglobin 41.0 g/dL is not possible"),
        ({"systolic_mmhg": 80, "diastolic_mmhg": 95}, "diastolic_mmhg", "is not below systolic"),
        ({"pulse_per_min": 400}, "pulse_per_min", "Pulse 400/min"),
        ({"temperature_c": 57.0}, "temperature_c", "57.0 °C"),
        ({"bag_volume_ml": 500}, "bag_volume_ml", "choose 350 or 450"),
        ({"answers": {**clean_answers(), "tattoo": date(2027, 1, 1)}}, "answers.tattoo", "after the visit date"),
        ({"answers": {**clean_answers(), "astrology": True}}, "answers", "'astrology'"),
        ({"donation_type": "plasma"}, "donation_type", "whole blood or apheresis"),
    ],
)
def test_impossible_readings_are_refused_naming_the_field_and_nothing_is_saved(db, staff, changes, field, fragment):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo)
    before = counts(db)
    with pytest.raises(InvalidInput) as refused:
        screen(db, mo, donor_id, fit_form(**changes))
    assert refused.value.field == field
    assert fragment in refused.value.render()
    assert counts(db) == before


def test_an_incomplete_screening_is_refused_listing_what_to_enter(db, staff):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo)
    answers = clean_answers()
    del answers["tattoo"]
    before = counts(db)
    with pytest.raises(InvalidInput) as refused:
        screen(db, mo, donor_id, fit_form(haemoglobin_g_dl=None, answers=answers))
    assert refused.value.field == "haemoglobin_g_dl"
    assert refused.value.render() == "The screening is not complete: enter Haemoglobin; Tattoo."
    assert counts(db) == before


def test_a_camp_visit_is_recorded_for_an_open_camp_of_today_only(db, staff):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo)
    with db.unit_of_work(mo, now=NOW) as uow:
        camps = {}
        for code, starts, closed in (
            ("CAMP-1", TODAY, None),
            ("CAMP-2", TODAY, NOW),
            ("CAMP-3", TODAY + timedelta(1), None),
        ):
            camp = Camp(code=code, name=code, starts_on=starts, ends_on=starts, venue="College hall", closed_at=closed)
            uow.add(camp)
            camps[code] = camp.id
    result = screen(db, mo, donor_id, fit_form(camp_id=camps["CAMP-1"]))
    with db.read() as s:
        assert s.get(ScreeningVisit, result.visit_id).camp_id == camps["CAMP-1"]
    before = counts(db)
    for code, fragment in (("CAMP-2", "is closed"), ("CAMP-3", "not today")):
        with pytest.raises(StateError) as refused:
            screen(db, mo, donor_id, fit_form(camp_id=camps[code]))
        assert fragment in refused.value.render()
    assert counts(db) == before


def test_only_a_role_that_may_screen_donors_can_screen(db, staff):
    donor_id = new_donor(db, staff["medical_officer"])
    before = counts(db)
    for role in ("registrar", "phlebotomist", "lab_technician"):
        with pytest.raises(NotPermitted):
            screen(db, staff[role], donor_id, fit_form())
    assert counts(db) == before
    assert screen(db, staff["camp_operator"], donor_id, fit_form()).eligible


def test_a_medical_officer_can_defer_a_donor_permanently_or_until_a_date(db, staff):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo)
    with db.unit_of_work(mo, now=NOW) as uow:
        temporary = screening.defer_donor(
            uow,
            donor_id,
            "on_medication",
            permanent=False,
            until=date(2027, 1, 15),
            detail="Started anticoagulant therapy; review after course.",
        )
        permanent = screening.defer_donor(
            uow, donor_id, "CARDIAC_DISEASE", permanent=True, detail="Known ischaemic heart disease."
        )
    assert (temporary.reason_code, temporary.until) == ("ON_MEDICATION", date(2027, 1, 15))
    assert permanent.permanent and permanent.until is None
    with db.read() as s:
        assert {d.reason_code for d in screening.active_deferrals(s, donor_id, date(2027, 1, 15))} == {
            "CARDIAC_DISEASE"
        }
        row = s.get(Deferral, temporary.id)
        assert (row.decided_by_id, row.starts_on, row.visit_id) == (mo.user_id, TODAY, None)
        assert s.scalars(select(AuditEvent.action).where(AuditEvent.row_id == temporary.id)).all() == ["defer_donor"]


@pytest.mark.parametrize(
    ("kwargs", "field", "fragment"),
    [
        ({"permanent": False, "until": None}, "until", "first day the donor may donate again"),
        ({"permanent": False, "until": TODAY}, "until", "must end after today"),
        ({"permanent": True, "until": date(2027, 1, 1)}, "until", "has no end date"),
        ({"permanent": False, "until": date(2027, 1, 1), "detail": "  "}, "detail", "Write why"),
        ({"permanent": True, "reason_code": "bad code!"}, "reason_code", "not valid"),
    ],
)
def test_a_deferral_decision_must_be_complete_and_consistent(db, staff, kwargs, field, fragment):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo)
    arguments = {"reason_code": "OTHER", "detail": "Medical officer's decision.", **kwargs}
    before = counts(db)
    with pytest.raises(InvalidInput) as refused, db.unit_of_work(mo, now=NOW) as uow:
        screening.defer_donor(uow, donor_id, arguments.pop("reason_code"), **arguments)
    assert refused.value.field == field and fragment in refused.value.render()
    assert counts(db) == before


def test_only_a_medical_officer_role_may_defer_a_donor(db, staff):
    donor_id = new_donor(db, staff["medical_officer"])
    before = counts(db)
    with pytest.raises(NotPermitted), db.unit_of_work(staff["registrar"], now=NOW) as uow:
        screening.defer_donor(uow, donor_id, "OTHER", permanent=True, detail="x")
    assert counts(db) == before


def test_a_deferral_can_never_be_edited_through_the_orm_or_in_sql(db, staff):
    mo = staff["medical_officer"]
    donor_id = new_donor(db, mo)
    with db.unit_of_work(mo, now=NOW) as uow:
        deferral_id = screening.defer_donor(
            uow, donor_id, "HB_LOW", permanent=False, until=date(2026, 12, 1), detail="Haemoglobin 10.9"
        ).id
    before = counts(db)
    with pytest.raises(StateError) as refused, db.unit_of_work(mo, now=NOW) as uow:
        uow.session.get(Deferral, deferral_id).until = TODAY
        uow.session.flush()
    assert refused.value.code == "append_only"
    with pytest.raises(StateError), db.unit_of_work(mo, now=NOW) as uow:
        uow.session.delete(uow.session.get(Deferral, deferral_id))
        uow.session.flush()
    with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE deferrals SET permanent = 0, until = '2026-11-22'"))
    with db.read() as s:
        row = s.get(Deferral, deferral_id)
        assert (row.until, row.permanent) == (date(2026, 12, 1), False)
        assert [d.id for d in screening.active_deferrals(s, donor_id, TODAY)] == [deferral_id]
    assert counts(db) == before
