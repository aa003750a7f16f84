"""The dashboard's and the camps page's read side: today's work, stock, what waits for a person, the camp list."""

from datetime import date, timedelta

from bbms_desktop.models import Donation, Donor, ScreeningVisit
from bbms_desktop.rules.vocabulary import ComponentStatus, ScreeningOutcome
from bbms_desktop.services import camp_views, camps, dashboard_views
from bbms_desktop.services.donors import local_date

from ..conftest import NOW
from .factories import make_component, make_donation, make_donor

S = ComponentStatus


def _visit_and_donation(uow, moment, *, volume=450, camp_id=None, deferred=False):
    """A screening visit at ``moment`` and, unless the donor was deferred, the donation collected 30 minutes later."""
    donor = make_donor(uow)
    visit = ScreeningVisit(
        donor_id=donor.id,
        camp_id=camp_id,
        visited_at=moment,
        donation_type="whole_blood",
        bag_volume_ml=450,
        weight_kg=70,
        haemoglobin_g_dl=11.0 if deferred else 14.0,
        systolic_mmhg=120,
        diastolic_mmhg=80,
        pulse_per_min=72,
        pulse_regular=True,
        temperature_c=36.8,
        answers={},
        outcome=ScreeningOutcome.DEFERRED if deferred else ScreeningOutcome.ELIGIBLE,
        reason_codes=["low_haemoglobin"] if deferred else [],
        assessed_by_id=uow.actor.user_id,
    )
    uow.add(visit)
    uow.session.flush()
    if deferred:
        return None
    collected = moment + timedelta(minutes=30)
    donation = Donation(
        din=f"G12342600{next(_dins):04d}",
        donor_id=donor.id,
        visit_id=visit.id,
        camp_id=camp_id,
        donation_type="whole_blood",
        bag_type="triple",
        bag_volume_ml=450,
        collected_volume_ml=volume,
        anticoagulant="CPDA-1",
        bleed_start=collected - timedelta(minutes=8),
        bleed_end=collected,
        collected_at=collected,
        phlebotomist_id=uow.actor.user_id,
    )
    uow.add(donation)
    uow.session.flush()
    return donation


_dins = iter(range(1, 10_000))


def test_today_counts_only_todays_screenings_and_collections_not_voided_ones(db, staff):
    start, end = dashboard_views.day_bounds(NOW)
    assert start <= NOW < end and end - start == timedelta(days=1)
    with db.unit_of_work(staff["medical_officer"], now=NOW) as uow:
        _visit_and_donation(uow, start + timedelta(hours=1))
        _visit_and_donation(uow, start + timedelta(hours=2), volume=350)
        _visit_and_donation(uow, start + timedelta(hours=3), deferred=True)
        _visit_and_donation(uow, start - timedelta(hours=2))  # yesterday evening
        _visit_and_donation(uow, end - timedelta(minutes=10))  # screened late today, collected tomorrow
        voided = _visit_and_donation(uow, start + timedelta(hours=4))
    with db.unit_of_work(staff["medical_officer"], now=NOW) as uow:
        row = uow.session.get(Donation, voided.id)
        row.voided_at, row.void_reason = NOW, "entered twice"
    with db.read() as session:
        today = dashboard_views.today_figures(session, NOW)
    assert today.day == local_date(NOW)
    assert (today.screened, today.deferred) == (5, 1)
    assert (today.collections, today.collected_ml) == (2, 450 + 350)


def test_dashboard_gathers_stock_and_what_waits_for_a_person(db, staff):
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:
        for code, group, status in (
            ("PRBC_SAGM", "O+", S.AVAILABLE),
            ("PRBC_SAGM", "O+", S.AVAILABLE),
            ("FFP", "B-", S.AVAILABLE),
            ("PRBC_SAGM", None, S.QUARANTINE),
        ):
            make_component(uow, make_donation(uow), code=code, group=group, status=status)
        flagged = make_donor(uow)
        flagged.needs_review = True
        merged = make_donor(uow)
        merged.needs_review = True
        uow.session.flush()
        merged.merged_into_id = flagged.id
    with db.read() as session:
        view = dashboard_views.dashboard(session, NOW)
    assert [(line.blood_group, line.code, line.count) for line in view.stock.available] == [
        ("B-", "FFP", 1),
        ("O+", "PRBC_SAGM", 2),
    ]
    assert view.stock.quarantine == 1
    assert view.today.collections == 4
    assert view.donors_to_review == 1  # a merged-away duplicate is not asked about again
    assert view.dead_letters == 0
    with db.read() as session:
        assert session.query(Donor).filter(Donor.needs_review.is_(True)).count() == 2


def test_camps_list_running_and_upcoming_first_with_their_donors(db, staff, admin):
    today = date(2026, 11, 22)

    def plan(name, starts, ends=None):
        with db.unit_of_work(admin, now=NOW) as uow:
            return camps.plan_camp(
                uow, camps.CampForm(name=name, venue="Town hall", starts_on=starts, ends_on=ends or starts)
            )

    past = plan("Past camp", today - timedelta(days=30))
    later = plan("Later camp", today + timedelta(days=20))
    running = plan("Running camp", today - timedelta(days=1), today + timedelta(days=1))
    soon = plan("Soon camp", today + timedelta(days=3))
    with db.unit_of_work(staff["medical_officer"], now=NOW) as uow:
        _visit_and_donation(uow, NOW - timedelta(days=30), camp_id=past.id)
        _visit_and_donation(uow, NOW - timedelta(days=30), camp_id=past.id, deferred=True)
    with db.read() as session:
        rows = camp_views.camps(session, today)
    assert [row.name for row in rows] == ["Running camp", "Soon camp", "Later camp", "Past camp"]
    assert [row.when(today) for row in rows] == ["today", "upcoming", "upcoming", "past"]
    assert {row.id for row in rows} == {past.id, later.id, running.id, soon.id}
    assert (rows[-1].screened, rows[-1].collected, rows[-1].code) == (2, 1, past.code)
    assert rows[0].collected == 0


def test_donors_to_review_are_counted_through_their_partial_index_never_by_reading_the_register(db, staff):
    with db.unit_of_work(staff["registrar"], now=NOW) as uow:
        flagged = make_donor(uow, name="Review", family="Me")
        make_donor(uow, name="Plain", family="Donor")
        flagged.needs_review = True
    statements = []
    with db.read() as s:
        driver = s.connection().connection.driver_connection
        driver.set_trace_callback(lambda sql: statements.append(sql) if "needs_review" in sql else None)
        try:
            assert dashboard_views.donors_to_review(s) == 1
        finally:
            driver.set_trace_callback(None)
        plan = " | ".join(row[-1] for row in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statements[0]))
    assert "ix_donors_needs_review" in plan and "SCAN donors" not in plan, plan
