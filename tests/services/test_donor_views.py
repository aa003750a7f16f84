from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.dialects import sqlite

from bbms_desktop.errors import StateError
from bbms_desktop.models import Donor
from bbms_desktop.rules import eligibility
from bbms_desktop.services import collection, donor_views, donors, screening
from bbms_desktop.services.collection import CollectionForm
from bbms_desktop.services.donors import DonorForm, local_date
from bbms_desktop.services.screening import ScreeningForm

from .factories import make_donation


def today_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def register(db, actor, now=None, **changes):
    values = dict(given_name="Asha", family_name="Verma", sex="F", date_of_birth=date(1992, 3, 4), consent=True)
    values.update(changes)
    with db.unit_of_work(actor, now=now) as uow:
        return donors.register_donor(uow, DonorForm(**values), acknowledged_duplicates=True)


def fit_form(sex="F", **changes) -> ScreeningForm:
    answers = {
        q.code: (not q.defers_on if q.kind is eligibility.AnswerKind.YES_NO else None)
        for q in eligibility.applicable_questions(sex, "whole_blood")
    }
    form = ScreeningForm(
        bag_volume_ml=450,
        weight_kg=64.0,
        haemoglobin_g_dl=13.8,
        systolic_mmhg=120,
        diastolic_mmhg=80,
        pulse_per_min=72,
        pulse_regular=True,
        temperature_c=36.7,
        answers=answers,
    )
    return replace(form, **changes)


def screen(db, actor, donor_id, form=None, now=None):
    with db.unit_of_work(actor, now=now) as uow:
        return screening.screen(uow, donor_id, form or fit_form())


def test_the_collection_worklist_holds_todays_fit_visits_not_yet_bled(db, staff):
    mo, centre = staff["medical_officer"], staff["medical_officer"].centre_id
    now = today_now()
    fit = register(db, mo, given_name="Fit")
    low_hb = register(db, mo, given_name="Anaemic")
    bled = register(db, mo, given_name="Bled")
    yesterday = register(db, mo, given_name="Yesterday")
    fit_visit = screen(db, mo, fit.id, now=now)
    assert not screen(db, mo, low_hb.id, fit_form(haemoglobin_g_dl=11.0), now=now).eligible
    bled_visit = screen(db, mo, bled.id, now=now)
    screen(db, mo, yesterday.id, now=now - timedelta(days=1))
    with db.unit_of_work(staff["phlebotomist"], now=now + timedelta(minutes=10)) as uow:
        collection.collect(
            uow,
            bled_visit.visit_id,
            CollectionForm(
                bag_type="triple",
                bag_volume_ml=450,
                collected_volume_ml=450,
                bleed_start=uow.now - timedelta(minutes=8),
                bleed_end=uow.now,
            ),
        )
    with db.read() as s:
        waiting = donor_views.open_visits_today(s, centre)
        assert [v.visit_id for v in waiting] == [fit_visit.visit_id]
        assert (waiting[0].donor_name, waiting[0].bag_volume_ml, waiting[0].camp_code) == ("Fit Verma", 450, None)
        assert donor_views.open_visit(s, fit_visit.visit_id) == waiting[0]
        assert donor_views.open_visit(s, bled_visit.visit_id) is None
        assert [v.visit_id for v in donor_views.open_visits_of(s, fit.id)] == [fit_visit.visit_id]
        assert donor_views.open_visits_of(s, yesterday.id) == []
        assert donor_views.open_visits_today(s, centre, now + timedelta(days=1)) == []


def test_the_worklist_and_the_queues_read_by_primary_key_ranges_never_a_whole_table(db):
    plans = {}
    with db.engine.connect() as conn:
        for name, query in (
            ("open", donor_views._OPEN_TODAY),
            ("waiting", donor_views._WAITING),
            ("recent", donor_views._RECENT),
        ):
            sql = str(query.compile(dialect=sqlite.dialect())).replace("?", "'x'")
            plans[name] = " | ".join(row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "screening_visits USING INDEX sqlite_autoindex_screening_visits_1 (id>?)" in plans["open"], plans
    assert "donors USING INDEX sqlite_autoindex_donors_1 (id>?)" in plans["waiting"], plans
    assert "USING INDEX sqlite_autoindex_donors_1" in plans["recent"] and "TEMP B-TREE" not in plans["recent"], plans


def test_a_donor_view_has_every_detail_the_age_and_the_deferrals_in_force(db, staff):
    mo = staff["medical_officer"]
    donor = register(db, mo, mobile="+91 98765 43210", id_document_type="voter_id", id_document_number="abc 1234567")
    today = local_date(today_now())
    with db.unit_of_work(mo) as uow:
        screening.defer_donor(
            uow, donor.id, "MEDICATION", permanent=False, until=today + timedelta(days=30), detail="x"
        )
    with db.read() as s:
        view = donor_views.donor_view(s, donor.id, today)
    assert view.details.donor_number == donor.donor_number and view.details.name == "Asha Verma"
    assert (view.details.mobile, view.details.id_document_type, view.details.id_document_number) == (
        "9876543210",
        "voter_id",
        "ABC1234567",
    )
    assert view.age == eligibility.age_on(date(1992, 3, 4), today)
    assert [d.reason_code for d in view.history.active_deferrals] == ["MEDICATION"]


def test_a_merged_record_is_shown_as_its_survivor_and_cannot_be_edited_as_itself(db, staff):
    mo = staff["medical_officer"]
    survivor, merged = register(db, mo), register(db, mo, given_name="Aasha")
    with db.unit_of_work(mo) as uow:
        uow.session.get(Donor, merged.id).merged_into_id = survivor.id
    with db.read() as s:
        assert donor_views.donor_view(s, merged.id).details.id == survivor.id
        try:
            donor_views.donor_details(s, merged.id)
        except StateError as refused:
            assert survivor.donor_number in str(refused)
        else:
            raise AssertionError("a merged record was shown as itself")
        assert merged.id not in [d.id for d in donor_views.recent_donors(s)]


def test_screening_starts_from_the_donors_whole_record(db, staff):
    mo = staff["medical_officer"]
    donor = register(db, mo, sex="M", given_name="Ravi")
    with db.unit_of_work(mo) as uow:
        make_donation(uow, uow.session.get(Donor, donor.id), collected_at=uow.now - timedelta(days=40))
    with db.read() as s:
        start = donor_views.screening_start(s, donor.id)
    assert not start.visit.first_time and start.visit.sex == "M"
    assert start.visit.last_whole_blood == local_date(today_now() - timedelta(days=40))
    assessment = eligibility.assess(start.visit)
    assert [r.code for r in assessment.reasons] == ["INTERVAL_WHOLE_BLOOD"]
    assert "haemoglobin_g_dl" in assessment.missing


def test_the_queues_list_recent_registrations_and_those_not_yet_screened_today(db, staff):
    mo, centre = staff["medical_officer"], staff["medical_officer"].centre_id
    first, second, third = (register(db, mo, given_name=name) for name in ("First", "Second", "Third"))
    screen(db, mo, second.id)
    with db.read() as s:
        assert [d.id for d in donor_views.recent_donors(s, limit=2)] == [third.id, second.id]
        assert [d.id for d in donor_views.registered_not_screened(s, centre)] == [first.id, third.id]
        assert donor_views.registered_not_screened(s, centre, today_now() + timedelta(days=1)) == []
