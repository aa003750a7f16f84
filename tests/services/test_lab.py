"""The laboratory: results entered by one technician, verified by another, and what verification sets in motion."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from bbms_desktop.errors import DuplicateError, InvalidInput, NotPermitted, StateError
from bbms_desktop.models import (
    BloodRequest,
    Component,
    Deferral,
    Donor,
    Issue,
    LabResultSet,
    LabVerification,
    OutboxOp,
)
from bbms_desktop.rules.vocabulary import ComponentStatus
from bbms_desktop.services import components, lab
from bbms_desktop.services.components import separate
from bbms_desktop.services.lab import MarkerResult, ResultForm, pending_verification, record_results, verify, worklist

from ..conftest import NOW
from .factories import SEROLOGY, make_component, make_donation, make_donor

S = ComponentStatus
MODELS = (LabResultSet, LabVerification, Deferral, Component, OutboxOp)
TODAY = NOW.date()
TTI = ("hiv", "hbsag", "hcv", "syphilis", "malaria")


def form(abo="O", rhd="+", antibody="negative", **overrides) -> ResultForm:
    """Clean results for ``abo``/``rhd``; ``hiv="reactive"`` etc. change one marker's result (kit and lot kept);
    a :class:`MarkerResult` or any other field passed in ``overrides`` replaces that field as given."""
    a, b, ab, ac, bc = SEROLOGY[abo]
    markers = {}
    for m in TTI:
        result = overrides.pop(m) if isinstance(overrides.get(m), str) else "non_reactive"
        markers[m] = MarkerResult(result, f"{m.upper()} ELISA kit", "LOT-24-117")
    values = dict(
        anti_a=a,
        anti_b=b,
        anti_ab=ab,
        anti_d="pos" if rhd == "+" else "neg",
        a_cells=ac,
        b_cells=bc,
        o_cells="neg",
        antibody_screen=antibody,
        **markers,
    )
    return ResultForm(**{**values, **overrides})


def _counts(db):
    with db.read() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) for m in MODELS}


def _statuses(db, donation_id):
    with db.read() as s:
        rows = s.scalars(select(Component).where(Component.donation_id == donation_id)).all()
        return {r.code: r.status for r in rows}


def _donation(db, staff, *, donor_group=None, collected_at=None, codes=()):
    """A collected donation (its donor's group ``donor_group``) with components ``codes`` in quarantine."""
    with db.unit_of_work(staff["phlebotomist"], now=NOW) as uow:
        donor = make_donor(uow)
        donor.blood_group = donor_group
        donation = make_donation(uow, donor, collected_at=collected_at)
        for code in codes:
            make_component(uow, donation, code=code)
        return donation.id


def _enter(db, staff, donation_id, result_form=None, who="lab_technician"):
    with db.unit_of_work(staff[who], now=NOW) as uow:
        return record_results(uow, donation_id, result_form or form())


def _verify(db, staff, result_set_id, who="lab_technician_2"):
    with db.unit_of_work(staff[who], now=NOW) as uow:
        return verify(uow, result_set_id)


# -----------------------------------------------------------------------------------------------------------------
# entering results


def test_results_are_saved_with_the_interpreted_group_and_every_kit_and_lot(db, staff):
    donation_id = _donation(db, staff)
    recorded = _enter(db, staff, donation_id, form("A", "-", notes="  repeat spin done  "))
    assert (recorded.interpreted_group, recorded.discrepancies, recorded.supersedes_id) == ("A-", (), None)
    with db.read() as s:
        row = s.get(LabResultSet, recorded.result_set_id)
        assert (row.interpreted_group, row.hiv, row.hiv_kit, row.malaria_lot) == (
            "A-",
            "non_reactive",
            "HIV ELISA kit",
            "LOT-24-117",
        )
        assert (row.entered_by_id, row.entered_at, row.notes) == (
            staff["lab_technician"].user_id,
            NOW,
            "repeat spin done",
        )


def test_a_forward_reverse_discrepancy_stores_no_group_and_says_why(db, staff):
    donation_id = _donation(db, staff)
    recorded = _enter(db, staff, donation_id, form("A", a_cells="pos", b_cells="pos"))  # reverse says O
    assert recorded.interpreted_group is None
    assert "Forward grouping gives A but reverse grouping gives O" in recorded.discrepancies[0].render()
    with db.read() as s:
        assert s.get(LabResultSet, recorded.result_set_id).interpreted_group is None


def test_a_group_that_disagrees_with_the_donors_earlier_group_is_a_discrepancy(db, staff):
    donation_id = _donation(db, staff, donor_group="B+")
    recorded = _enter(db, staff, donation_id, form("O", "+"))
    assert recorded.interpreted_group is None
    assert "grouped B+ before, now O+" in recorded.discrepancies[0].render()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"hcv": MarkerResult("non_reactive", None, "LOT-1")},
            "hcv_kit",
            "Enter the kit and the lot number used for HCV",
        ),
        ({"malaria": MarkerResult("reactive", "Malaria card", " ")}, "malaria_lot", "lot number used for Malaria"),
        ({"hiv": MarkerResult("positive", "k", "l")}, "hiv", "The HIV-1/2 result 'positive' is not a result"),
        ({"anti_d": "++"}, "anti_d", "The anti-D reaction '++' is not a reading"),
        ({"antibody_screen": "weak"}, "antibody_screen", "The antibody screen 'weak' is not a result"),
        ({"notes": "x" * 1001}, "notes", "The notes may be at most 1000 characters long"),
    ],
)
def test_incomplete_or_unreadable_results_are_refused_and_nothing_saved(db, staff, overrides, field, message):
    donation_id = _donation(db, staff)
    before = _counts(db)
    with pytest.raises(InvalidInput) as refused:
        _enter(db, staff, donation_id, replace(form(), **overrides))
    assert message in refused.value.render()
    assert refused.value.field == field
    assert _counts(db) == before


def test_a_marker_not_done_saves_without_kit_but_blocks_release(db, staff):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM",))
    recorded = _enter(db, staff, donation_id, form(syphilis=MarkerResult("not_done")))
    assert recorded.not_done == ("syphilis",)
    verification = _verify(db, staff, recorded.result_set_id)
    assert verification.released == () and verification.deferrals == ()
    assert verification.donor_group_set is None  # the group is recorded only from complete, clear results
    assert "Syphilis is Not done" in verification.held[0].reasons[0].render()
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.QUARANTINE}


def test_only_laboratory_staff_may_enter_results(db, staff):
    donation_id = _donation(db, staff)
    before = _counts(db)
    with pytest.raises(NotPermitted, match=r"Your role \(Component technician\) may not enter laboratory results"):
        _enter(db, staff, donation_id, who="component_technician")
    assert _counts(db) == before


def test_a_second_entry_is_a_correction_that_needs_a_reason_and_supersedes_the_first(db, staff):
    donation_id = _donation(db, staff)
    first = _enter(db, staff, donation_id)
    before = _counts(db)
    with pytest.raises(InvalidInput, match="already has results entered on 2026-11-22 10:30: this entry corrects"):
        _enter(db, staff, donation_id, form(hbsag="reactive"))
    assert _counts(db) == before
    second = _enter(db, staff, donation_id, form(hbsag="reactive", correction_reason="HBsAg repeated in duplicate"))
    assert second.supersedes_id == first.result_set_id
    with db.read() as s:
        old = s.get(LabResultSet, first.result_set_id)
        assert old.voided_at == NOW and "HBsAg repeated in duplicate" in old.void_reason
    assert [p.result_set_id for p in pending_verification_of(db)] == [second.result_set_id]


def test_a_correction_reason_without_earlier_results_is_refused(db, staff):
    donation_id = _donation(db, staff)
    before = _counts(db)
    with pytest.raises(InvalidInput, match="has no results yet, so there is nothing to correct: check the DIN"):
        _enter(db, staff, donation_id, form(correction_reason="typo"))
    assert _counts(db) == before


def pending_verification_of(db):
    with db.read() as s:
        return pending_verification(s)


# -----------------------------------------------------------------------------------------------------------------
# verification: two people


def test_the_technician_who_entered_the_results_cannot_verify_them(db, staff):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM",))
    recorded = _enter(db, staff, donation_id)
    before = _counts(db)
    with pytest.raises(NotPermitted, match=r"You entered these results of donation \w+, so you cannot verify them"):
        _verify(db, staff, recorded.result_set_id, who="lab_technician")
    assert _counts(db) == before
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.QUARANTINE}


def test_only_laboratory_staff_may_verify(db, staff):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM",))
    recorded = _enter(db, staff, donation_id)
    before = _counts(db)
    with pytest.raises(NotPermitted, match=r"Your role \(Component technician\) may not verify laboratory results"):
        _verify(db, staff, recorded.result_set_id, who="component_technician")
    assert _counts(db) == before
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.QUARANTINE}


def test_results_are_verified_once_and_only_the_current_set_can_be_verified(db, staff):
    donation_id = _donation(db, staff)
    first = _enter(db, staff, donation_id)
    _enter(db, staff, donation_id, form(correction_reason="anti-D read again"))
    before = _counts(db)
    with pytest.raises(StateError, match="were replaced by a correction: verify the correction instead"):
        _verify(db, staff, first.result_set_id)
    assert _counts(db) == before
    current = pending_verification_of(db)[0].result_set_id
    _verify(db, staff, current)
    before = _counts(db)
    with pytest.raises(DuplicateError, match="are already verified"):
        _verify(db, staff, current, who="quality_admin")
    assert _counts(db) == before


def test_verifying_clean_results_records_the_donors_group_and_releases_separated_units(db, staff):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM", "FFP", "PLT_RDP"))
    recorded = _enter(db, staff, donation_id, form("B", "+"))
    verification = _verify(db, staff, recorded.result_set_id)
    assert verification.donor_group_set == "B+"
    assert {u.code: (u.status, u.blood_group) for u in verification.released} == {
        "PRBC_SAGM": (S.AVAILABLE, "B+"),
        "FFP": (S.AVAILABLE, "B+"),
        "PLT_RDP": (S.AVAILABLE, "B+"),
    }
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.AVAILABLE, "FFP": S.AVAILABLE, "PLT_RDP": S.AVAILABLE}
    with db.read() as s:
        verification_row = s.get(LabVerification, verification.verification_id)
        assert verification_row.verified_by_id == staff["lab_technician_2"].user_id
        assert s.scalars(select(Donor.blood_group)).all() == ["B+"]


def test_lab_first_then_separation_releases_at_separation(db, staff):
    donation_id = _donation(db, staff, collected_at=NOW - timedelta(hours=2))
    _verify(db, staff, _enter(db, staff, donation_id).result_set_id)
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        made = separate(uow, donation_id, [("PRBC_CPDA1", 280), ("FFP", 200)])
    assert {m.status for m in made} == {S.AVAILABLE}


def test_a_positive_antibody_screen_keeps_plasma_rich_components_in_quarantine_with_the_reason(db, staff):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM", "FFP", "PLT_RDP"))
    verification = _verify(db, staff, _enter(db, staff, donation_id, form(antibody="positive")).result_set_id)
    assert [u.code for u in verification.released] == ["PRBC_SAGM"]
    assert {h.code for h in verification.held} == {"FFP", "PLT_RDP"}
    assert all("antibody screen is positive" in h.reasons[0].render() for h in verification.held)
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.AVAILABLE, "FFP": S.QUARANTINE, "PLT_RDP": S.QUARANTINE}


def test_a_donor_grouped_differently_since_entry_is_a_discrepancy_and_nothing_is_released(db, staff):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM",))
    recorded = _enter(db, staff, donation_id, form("A", "+"))
    with db.unit_of_work(staff["medical_officer"], now=NOW) as uow:  # another donation of this donor grouped O+
        uow.session.scalars(select(Donor)).one().blood_group = "O+"
    verification = _verify(db, staff, recorded.result_set_id)
    assert "groups as A+ but the donor's recorded group is O+" in verification.discrepancies[0].render()
    assert verification.released == () and verification.donor_group_set is None
    assert "disagrees with the donor's recorded group O+" in verification.held[0].reasons[0].render()
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.QUARANTINE}


# -----------------------------------------------------------------------------------------------------------------
# verification: reactive and indeterminate markers


def test_reactive_hiv_result_makes_every_component_unsafe_and_defers_the_donor_permanently(db, staff):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM", "FFP", "PLT_RDP"))
    verification = _verify(db, staff, _enter(db, staff, donation_id, form(hiv="reactive")).result_set_id)
    assert verification.unsafe_markers == ("hiv",)
    assert {u.code for u in verification.made_unsafe} == {"PRBC_SAGM", "FFP", "PLT_RDP"}
    assert set(_statuses(db, donation_id).values()) == {S.UNSAFE}
    assert verification.released == () and verification.donor_group_set is None
    (deferral,) = verification.deferrals
    assert (deferral.reason_code, deferral.permanent, deferral.until) == ("TTI_HIV_REACTIVE", True, None)
    with db.read() as s:
        row = s.get(Deferral, deferral.id)
        assert (row.donation_id, row.permanent, row.starts_on) == (donation_id, True, TODAY)
        assert row.decided_by_id == staff["lab_technician_2"].user_id


@pytest.mark.parametrize(
    ("marker", "result", "code", "permanent", "until"),
    [
        ("hbsag", "reactive", "TTI_HBSAG_REACTIVE", True, None),
        ("hcv", "reactive", "TTI_HCV_REACTIVE", True, None),
        ("syphilis", "reactive", "TTI_SYPHILIS_REACTIVE", False, date(2027, 11, 22)),
        ("malaria", "reactive", "TTI_MALARIA_REACTIVE", False, date(2027, 2, 22)),
        ("hiv", "indeterminate", "TTI_HIV_INDETERMINATE", False, date(2027, 5, 22)),
        ("syphilis", "indeterminate", "TTI_SYPHILIS_INDETERMINATE", False, date(2027, 5, 22)),
        ("malaria", "indeterminate", "TTI_MALARIA_INDETERMINATE", False, date(2027, 2, 22)),
    ],
)
def test_each_unclear_marker_makes_the_units_unsafe_and_defers_the_donor_for_its_period(
    db, staff, marker, result, code, permanent, until
):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM",))
    verification = _verify(db, staff, _enter(db, staff, donation_id, form(**{marker: result})).result_set_id)
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.UNSAFE}
    assert [(d.reason_code, d.permanent, d.until) for d in verification.deferrals] == [(code, permanent, until)]


def _red_cell_request(uow) -> BloodRequest:
    """An open request for one unit of red cells for an O+ patient, saved."""
    request = BloodRequest(
        request_number="R-1",
        patient_name="Sita Devi",
        patient_sex="F",
        patient_age_years=34,
        patient_group="O+",
        hospital="AIIMS",
        component_code="PRBC_SAGM",
        units_requested=1,
        urgency="routine",
        requesting_doctor="Dr. Rao",
        status="open",
        received_by_id=uow.actor.user_id,
    )
    uow.add(request)
    uow.session.flush()
    return request


def test_a_correction_turning_a_result_reactive_after_release_withdraws_unissued_units_and_reports_issued_ones(
    db, staff
):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM", "FFP", "PLT_RDP"))
    _verify(db, staff, _enter(db, staff, donation_id).result_set_id)
    assert set(_statuses(db, donation_id).values()) == {S.AVAILABLE}
    with db.unit_of_work(staff["issue_counter"], now=NOW) as uow:  # the red cells go to a patient
        red_cells = uow.session.scalars(select(Component).where(Component.code == "PRBC_SAGM")).one()
        request = _red_cell_request(uow)
        issue = Issue(
            request_id=request.id,
            component_id=red_cells.id,
            issued_at=NOW,
            issued_by_id=uow.actor.user_id,
            collected_by="Ward boy Ramesh",
        )
        uow.add(issue)
        red_cells.status = S.ISSUED
        issue_id, request_id = issue.id, request.id
    correction = _enter(db, staff, donation_id, form(hcv="reactive", correction_reason="HCV repeat reactive"))
    # held out of stock at once, while the correction waits for a second technician
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.ISSUED, "FFP": S.QUARANTINE, "PLT_RDP": S.QUARANTINE}
    assert {u.code for u in correction.held_back} == {"FFP", "PLT_RDP"}
    verification = _verify(db, staff, correction.result_set_id)
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.ISSUED, "FFP": S.UNSAFE, "PLT_RDP": S.UNSAFE}
    assert {u.code for u in verification.made_unsafe} == {"FFP", "PLT_RDP"}
    (look_back,) = verification.look_back
    assert (look_back.code, look_back.status, look_back.issue_id, look_back.request_id) == (
        "PRBC_SAGM",
        S.ISSUED,
        issue_id,
        request_id,
    )
    assert [d.reason_code for d in verification.deferrals] == ["TTI_HCV_REACTIVE"]


def test_a_correction_that_changes_the_group_withdraws_units_labelled_with_the_old_group(db, staff):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM",))
    _verify(db, staff, _enter(db, staff, donation_id, form("A", "+")).result_set_id)
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.AVAILABLE}
    correction = _enter(db, staff, donation_id, form("O", "+", correction_reason="tubes swapped at grouping"))
    assert "grouped A+ before, now O+" in correction.discrepancies[0].render()
    verification = _verify(db, staff, correction.result_set_id)
    assert [u.code for u in verification.made_unsafe] == ["PRBC_SAGM"]
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.UNSAFE}
    assert verification.deferrals == ()


def test_a_clean_correction_holds_the_units_until_it_is_verified_then_releases_them_again(db, staff):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM", "FFP"))
    _verify(db, staff, _enter(db, staff, donation_id).result_set_id)
    with db.unit_of_work(staff["issue_counter"], now=NOW) as uow:  # the red cells are reserved for a patient
        red_cells = uow.session.scalars(select(Component).where(Component.code == "PRBC_SAGM")).one()
        request = _red_cell_request(uow)
        red_cells.status, red_cells.reserved_for_request_id = S.RESERVED, request.id
    correction = _enter(db, staff, donation_id, form(notes="kit lot re-entered", correction_reason="lot typo"))
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.QUARANTINE, "FFP": S.QUARANTINE}
    assert {u.code for u in correction.held_back} == {"PRBC_SAGM", "FFP"}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Component).where(Component.status == S.AVAILABLE)) == 0
        held = s.scalars(select(Component)).all()
        assert [c.reserved_for_request_id for c in held] == [None, None]
        # the release guard says why, so nobody can hand the unit out in between
        assert "not yet verified" in components.release_blockers(s, held[0])[0].render()

    verification = _verify(db, staff, correction.result_set_id)
    assert {u.code for u in verification.released} == {"PRBC_SAGM", "FFP"}
    assert verification.made_unsafe == ()
    assert _statuses(db, donation_id) == {"PRBC_SAGM": S.AVAILABLE, "FFP": S.AVAILABLE}


def test_a_unit_labelled_with_one_group_is_never_released_under_another(db, staff):
    donation_id = _donation(db, staff, codes=("PRBC_SAGM",))
    _verify(db, staff, _enter(db, staff, donation_id, form("A", "+")).result_set_id)
    with db.unit_of_work(staff["quality_admin"], now=NOW) as uow:
        unit = uow.session.scalars(select(Component)).one()
        components.transition(uow, unit, S.QUARANTINE)
        uow.session.flush()
        unit.blood_group = "B+"  # as if the label said B+
    with db.read() as s:
        (blocker,) = components.release_blockers(s, s.scalars(select(Component)).one())
    assert blocker.render() == "the unit was labelled B+ when it was released, but the laboratory group is now A+"


def test_a_second_verified_reactive_correction_does_not_defer_the_donor_twice(db, staff):
    donation_id = _donation(db, staff)
    _verify(db, staff, _enter(db, staff, donation_id, form(malaria="reactive")).result_set_id)
    correction = _enter(db, staff, donation_id, form(malaria="reactive", notes="smear", correction_reason="smear"))
    assert _verify(db, staff, correction.result_set_id).deferrals == ()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Deferral)) == 1


# -----------------------------------------------------------------------------------------------------------------
# worklists


def test_the_worklist_lists_donations_without_verified_current_results_oldest_first(db, staff):
    newest = _donation(db, staff, collected_at=NOW - timedelta(hours=1))
    oldest = _donation(db, staff, collected_at=NOW - timedelta(hours=5))
    middle = _donation(db, staff, collected_at=NOW - timedelta(hours=3))
    done = _donation(db, staff, collected_at=NOW - timedelta(hours=9))
    _verify(db, staff, _enter(db, staff, done).result_set_id)
    entered = _enter(db, staff, middle)
    # a donation verified, then corrected: back on the worklist until the correction is verified
    _verify(db, staff, _enter(db, staff, newest).result_set_id)
    correction = _enter(db, staff, newest, form(correction_reason="lot number typo"))
    with db.read() as s:
        items = worklist(s)
        pending = pending_verification(s)
    assert [(i.donation_id, i.state, i.result_set_id) for i in items] == [
        (oldest, lab.WAITING_FOR_ENTRY, None),
        (middle, lab.WAITING_FOR_VERIFICATION, entered.result_set_id),
        (newest, lab.WAITING_FOR_VERIFICATION, correction.result_set_id),
    ]
    assert [(p.result_set_id, p.is_correction) for p in pending] == [
        (entered.result_set_id, False),
        (correction.result_set_id, True),
    ]
    assert {p.entered_by_id for p in pending} == {staff["lab_technician"].user_id}


def test_the_worklist_reaches_back_one_longest_shelf_life_and_reads_a_range_of_the_collection_index(db, staff):
    recent = _donation(db, staff, collected_at=NOW - timedelta(days=300))
    old = _donation(db, staff, collected_at=NOW - timedelta(days=400))  # no unit of it could still be used
    entered = _enter(db, staff, recent).result_set_id
    _enter(db, staff, old)
    with db.read() as s:
        assert [i.donation_id for i in worklist(s, NOW)] == [recent]
        assert [p.result_set_id for p in pending_verification(s, NOW)] == [entered]
        assert lab.worklist_horizon(NOW) == NOW - timedelta(days=365)  # FFP and cryo keep a year
        statements = []
        driver = s.connection().connection.driver_connection
        driver.set_trace_callback(lambda sql: statements.append(sql) if "FROM donations" in sql else None)
        try:
            worklist(s, NOW)
        finally:
            driver.set_trace_callback(None)
        plan = " | ".join(row[-1] for row in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statements[0]))
    assert "ix_donations_collected_at (collected_at>?)" in plan, plan
