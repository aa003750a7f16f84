"""Components: the release guard, every status change through transition(), separation, discard, expiry and stock."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bbms_desktop.errors import DuplicateError, InvalidInput, NotPermitted, SafetyError, StateError
from bbms_desktop.models import (
    Component,
    Discard,
    Donation,
    Donor,
    LabResultSet,
    LabVerification,
    OutboxOp,
    ScreeningVisit,
)
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.vocabulary import TTI_MARKERS, Agglutination, ComponentStatus, DiscardReason
from bbms_desktop.services import components
from bbms_desktop.services.components import discard, expire_due, find_units, release_donation, separate, stock

from ..conftest import NOW
from .factories import make_component, make_donation, make_results

S = ComponentStatus
P, N = Agglutination.POSITIVE, Agglutination.NEGATIVE
VISIT_FIELDS = (
    "donor_id",
    "visited_at",
    "bag_volume_ml",
    "weight_kg",
    "haemoglobin_g_dl",
    "systolic_mmhg",
    "diastolic_mmhg",
    "pulse_per_min",
    "pulse_regular",
    "temperature_c",
    "answers",
    "outcome",
    "reason_codes",
    "assessed_by_id",
)
DONATION_FIELDS = (
    "donor_id",
    "bag_type",
    "bag_volume_ml",
    "collected_volume_ml",
    "anticoagulant",
    "bleed_start",
    "bleed_end",
    "collected_at",
    "phlebotomist_id",
)
MODELS = (Component, Discard, LabResultSet, LabVerification, OutboxOp)


def _counts(db):
    with db.read() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) for m in MODELS}


def _status(db, component_id):
    with db.read() as s:
        return s.get(Component, component_id).status


def _unit(db, staff, *, results=None, code="PRBC_SAGM", status=S.QUARANTINE, collected_at=None, **kwargs):
    """A donation with one component; ``results`` None (no results), "clean" (verified clear) or factory kwargs."""
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:
        donation = make_donation(uow, collected_at=collected_at, **kwargs)
        if results == "clean":
            make_results(uow, donation, verified_by=staff["lab_technician_2"])
        elif results is not None:
            make_results(uow, donation, **results)
        unit = make_component(uow, donation, code=code, status=status)
        return donation.id, unit.id


# -----------------------------------------------------------------------------------------------------------------
# the release guard: a unit leaves quarantine only with complete, verified, all-non-reactive TTI and a confirmed group


def _blocked_release_cases(staff):
    second = staff["lab_technician_2"]
    return {
        "no results at all": (None, "no laboratory results are recorded"),
        "unverified": ({}, "not yet verified by a second technician"),
        "verified by the same user": (
            {"verified_by": staff["lab_technician"]},
            "verified by the technician who entered them",
        ),
        "one marker not done": ({"verified_by": second, "malaria": "not_done"}, "Malaria is Not done"),
        "indeterminate": ({"verified_by": second, "hcv": "indeterminate"}, "HCV (hepatitis C) is Indeterminate"),
        "reactive": ({"verified_by": second, "hiv": "reactive"}, "HIV-1/2 is Reactive"),
    }


CASES = [
    "no results at all",
    "unverified",
    "verified by the same user",
    "one marker not done",
    "indeterminate",
    "reactive",
]


@pytest.mark.parametrize("case", CASES)
def test_a_unit_never_leaves_quarantine_without_complete_verified_clear_results(db, staff, case):
    results, expected = _blocked_release_cases(staff)[case]
    _donation_id, unit_id = _unit(db, staff, results=results)
    before = _counts(db)
    with pytest.raises(SafetyError) as refused, db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        components.transition(uow, uow.session.get(Component, unit_id), S.AVAILABLE)
    assert "cannot leave quarantine" in refused.value.render()
    assert expected in refused.value.render()
    assert _status(db, unit_id) == S.QUARANTINE
    assert _counts(db) == before


def test_a_grouping_discrepancy_keeps_the_unit_in_quarantine(db, staff):
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:
        donation = make_donation(uow)
        # forward says A, reverse says O: a discrepancy, so no group is stored
        results = LabResultSet(
            donation_id=donation.id,
            anti_a=P,
            anti_b=N,
            anti_ab=P,
            anti_d=P,
            a_cells=P,
            b_cells=P,
            o_cells=N,
            interpreted_group=None,
            antibody_screen="negative",
            entered_by_id=uow.actor.user_id,
            entered_at=NOW,
            **dict.fromkeys(TTI_MARKERS, "non_reactive"),
        )
        uow.add(results)
        uow.session.flush()
        verifier = staff["lab_technician_2"].user_id
        uow.add(LabVerification(result_set_id=results.id, verified_by_id=verifier, verified_at=NOW))
        unit_id = make_component(uow, donation).id
    before = _counts(db)
    with (
        pytest.raises(SafetyError, match="the blood group is not confirmed"),
        db.unit_of_work(staff["component_technician"], now=NOW) as uow,
    ):
        components.transition(uow, uow.session.get(Component, unit_id), S.AVAILABLE)
    assert _status(db, unit_id) == S.QUARANTINE
    assert _counts(db) == before


def test_a_group_that_disagrees_with_the_donors_known_group_keeps_the_unit_in_quarantine(db, staff):
    donation_id, unit_id = _unit(db, staff, results="clean")  # results say O+
    with db.unit_of_work(staff["medical_officer"], now=NOW) as uow:
        donor_id = uow.session.get(Component, unit_id).donation_id
        donation = components.donation_of(uow, uow.session.get(Component, unit_id))
        uow.session.get(Donor, donation.donor_id).blood_group = "B+"
    assert donor_id == donation_id
    with (
        pytest.raises(SafetyError, match="disagrees with the donor's recorded group B"),
        db.unit_of_work(staff["component_technician"], now=NOW) as uow,
    ):
        components.transition(uow, uow.session.get(Component, unit_id), S.AVAILABLE)
    assert _status(db, unit_id) == S.QUARANTINE


def test_an_expired_unit_never_leaves_quarantine(db, staff):
    _donation_id, unit_id = _unit(db, staff, results="clean", code="PLT_RDP", collected_at=NOW - timedelta(days=6))
    with (
        pytest.raises(SafetyError, match="the unit expired"),
        db.unit_of_work(staff["component_technician"], now=NOW) as uow,
    ):
        components.transition(uow, uow.session.get(Component, unit_id), S.AVAILABLE)
    assert _status(db, unit_id) == S.QUARANTINE


def test_complete_verified_clear_results_release_the_unit_with_its_group(db, staff):
    _donation_id, unit_id = _unit(db, staff, results="clean")
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        components.transition(uow, uow.session.get(Component, unit_id), S.AVAILABLE)
    with db.read() as s:
        unit = s.get(Component, unit_id)
        assert (unit.status, unit.blood_group) == (S.AVAILABLE, "O+")


# -----------------------------------------------------------------------------------------------------------------
# the full 8 x 8 matrix of status changes, through transition()

# Written out by hand from DOMAIN.md §5 (not read from rules.component_states, so a change there shows up here), with
# the hold: a unit in the centre goes back to quarantine while a correction of its results awaits verification.
LEGAL = {
    S.QUARANTINE: {S.AVAILABLE, S.UNSAFE, S.EXPIRED, S.DISCARDED},
    S.AVAILABLE: {S.QUARANTINE, S.RESERVED, S.ISSUED, S.UNSAFE, S.EXPIRED, S.DISCARDED},
    S.RESERVED: {S.QUARANTINE, S.AVAILABLE, S.ISSUED, S.UNSAFE, S.EXPIRED, S.DISCARDED},
    S.ISSUED: {S.TRANSFUSED, S.AVAILABLE, S.DISCARDED},
    S.TRANSFUSED: set(),
    S.UNSAFE: {S.DISCARDED},
    S.EXPIRED: {S.DISCARDED},
    S.DISCARDED: set(),
}


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("target", list(S))
def test_every_status_change_obeys_the_state_machine(db, staff, current, target):
    _donation_id, unit_id = _unit(db, staff, results="clean", status=current)
    before = _counts(db)
    if target in LEGAL[current]:
        with db.unit_of_work(staff["quality_admin"], now=NOW) as uow:
            components.transition(uow, uow.session.get(Component, unit_id), target)
        assert _status(db, unit_id) == target
    else:
        with pytest.raises(StateError) as refused, db.unit_of_work(staff["quality_admin"], now=NOW) as uow:
            components.transition(uow, uow.session.get(Component, unit_id), target)
        assert refused.value.code == "illegal_transition"
        assert "cannot become" in refused.value.render()
        assert _status(db, unit_id) == current
        assert _counts(db) == before


# -----------------------------------------------------------------------------------------------------------------
# separation


def test_separation_computes_expiry_from_collection_and_keeps_untested_units_in_quarantine(db, staff):
    collected = NOW - timedelta(hours=3)
    with db.unit_of_work(staff["phlebotomist"], now=NOW) as uow:
        donation_id = make_donation(uow, bag_type="quadruple_sagm", collected_at=collected).id
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        made = separate(uow, donation_id, [("PRBC_SAGM", 280), ("FFP", 220), ("PLT_RDP", 60)], "Fridge 2")
    assert [(m.code, m.status) for m in made] == [
        ("PRBC_SAGM", S.QUARANTINE),
        ("FFP", S.QUARANTINE),
        ("PLT_RDP", S.QUARANTINE),
    ]
    assert [m.expires_at for m in made] == [
        collected + timedelta(days=42),
        collected.replace(year=collected.year + 1),
        collected + timedelta(days=5),
    ]
    assert "no laboratory results are recorded" in made[0].held_because[0].render()
    with db.read() as s:
        rows = s.scalars(select(Component).where(Component.donation_id == donation_id)).all()
        assert {(r.storage_location, r.prepared_at, r.blood_group) for r in rows} == {("Fridge 2", NOW, None)}


def test_separation_after_a_clean_verified_result_releases_at_once(db, staff):
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:
        donation = make_donation(uow, bag_type="triple", collected_at=NOW - timedelta(hours=2))
        make_results(uow, donation, abo="B", rhd="-", verified_by=staff["lab_technician_2"])
        donation_id = donation.id
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        made = separate(uow, donation_id, [("PRBC_CPDA1", 280), ("FFP", 200)])
    assert [(m.status, m.blood_group, m.held_because) for m in made] == [(S.AVAILABLE, "B-", ())] * 2


def test_separation_after_a_reactive_verified_result_makes_the_units_unsafe_at_once(db, staff):
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:
        donation = make_donation(uow, collected_at=NOW - timedelta(hours=2))
        make_results(uow, donation, hbsag="reactive", verified_by=staff["lab_technician_2"])
        donation_id = donation.id
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        made = separate(uow, donation_id, [("PRBC_CPDA1", 280), ("FFP", 200)])
    assert {m.status for m in made} == {S.UNSAFE}


def test_antibody_positive_plasma_stays_in_quarantine_at_separation(db, staff):
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:
        donation = make_donation(uow, collected_at=NOW - timedelta(hours=2))
        make_results(uow, donation, antibody="positive", verified_by=staff["lab_technician_2"])
        donation_id = donation.id
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        red_cells, plasma = separate(uow, donation_id, [("PRBC_CPDA1", 280), ("FFP", 200)])
    assert red_cells.status == S.AVAILABLE
    assert plasma.status == S.QUARANTINE
    assert "antibody screen is positive" in plasma.held_because[0].render()


def _donation(db, staff, **kwargs):
    with db.unit_of_work(staff["phlebotomist"], now=NOW) as uow:
        return make_donation(uow, collected_at=kwargs.pop("collected_at", NOW - timedelta(hours=2)), **kwargs).id


@pytest.mark.parametrize(
    ("parts", "error", "message"),
    [
        ([], InvalidInput, "Choose at least one component"),
        ([("FFP", 200), ("FFP", 200)], InvalidInput, "is listed twice"),
        ([("PRBC_SAGM", 280)], SafetyError, "cannot be made from a triple bag"),
        ([("PLT_SDP", 280)], SafetyError, "collected from a donor by apheresis"),
        ([("WB_CPDA1", 450), ("FFP", 200)], InvalidInput, "cannot all be made from the one triple bag"),
        ([("FFP", 200), ("PLT_RDP", 50), ("CRYO", 30)], InvalidInput, "cannot all be made from the one triple bag"),
        ([("FFP", 0)], InvalidInput, "from 1 to 513"),
        ([("FFP", 900)], InvalidInput, "from 1 to 513"),
        ([("PLASMA", 200)], InvalidInput, "Unknown component code"),
    ],
)
def test_separation_refuses_what_the_bag_cannot_give_and_saves_nothing(db, staff, parts, error, message):
    donation_id = _donation(db, staff, bag_type="triple")
    before = _counts(db)
    with pytest.raises(error, match=message), db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        separate(uow, donation_id, parts)
    assert _counts(db) == before


def test_platelets_are_refused_after_a_slow_bleed_but_red_cells_are_not(db, staff):
    donation_id = _donation(db, staff, bag_type="triple", bleed_minutes=13)
    with (
        pytest.raises(SafetyError, match="bleeding took 13 minutes, over the 12-minute limit"),
        db.unit_of_work(staff["component_technician"], now=NOW) as uow,
    ):
        separate(uow, donation_id, [("PRBC_CPDA1", 280), ("PLT_RDP", 50)])
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        assert [m.code for m in separate(uow, donation_id, [("PRBC_CPDA1", 280), ("FFP", 200)])] == [
            "PRBC_CPDA1",
            "FFP",
        ]


def test_plasma_is_refused_when_separation_starts_more_than_24_hours_after_collection(db, staff):
    donation_id = _donation(db, staff, bag_type="double", collected_at=NOW - timedelta(hours=25))
    with (
        pytest.raises(SafetyError, match="over the 24-hour limit"),
        db.unit_of_work(staff["component_technician"], now=NOW) as uow,
    ):
        separate(uow, donation_id, [("FFP", 200)])


def test_a_component_prepared_twice_from_one_donation_is_refused(db, staff):
    donation_id = _donation(db, staff, bag_type="triple")
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        separate(uow, donation_id, [("PRBC_CPDA1", 280)])
    before = _counts(db)
    with (
        pytest.raises(DuplicateError, match=r"Packed red cells \(CPDA-1\) was already prepared"),
        db.unit_of_work(staff["component_technician"], now=NOW) as uow,
    ):
        separate(uow, donation_id, [("FFP", 200), ("PRBC_CPDA1", 280)])
    assert _counts(db) == before
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        assert [m.code for m in separate(uow, donation_id, [("FFP", 200)])] == ["FFP"]


def test_only_a_component_technician_role_may_separate(db, staff):
    donation_id = _donation(db, staff)
    before = _counts(db)
    with (
        pytest.raises(NotPermitted, match="may not separate components"),
        db.unit_of_work(staff["issue_counter"], now=NOW) as uow,
    ):
        separate(uow, donation_id, [("PRBC_CPDA1", 280)])
    assert _counts(db) == before


def test_an_apheresis_donation_yields_apheresis_platelets_only(db, staff):
    with db.unit_of_work(staff["phlebotomist"], now=NOW) as uow:
        whole_blood = make_donation(uow, collected_at=NOW - timedelta(hours=1))
        visit = ScreeningVisit(
            **{k: getattr(uow.session.get(ScreeningVisit, whole_blood.visit_id), k) for k in VISIT_FIELDS},
            donation_type="apheresis",
        )
        uow.add(visit)
        uow.session.flush()
        donation = Donation(
            **{k: getattr(whole_blood, k) for k in DONATION_FIELDS},
            din=whole_blood.din[:7] + "999999",
            visit_id=visit.id,
            donation_type="apheresis",
        )
        uow.add(donation)
        donation_id = donation.id
    with (
        pytest.raises(InvalidInput, match="collected by apheresis: it yields Apheresis platelets"),
        db.unit_of_work(staff["component_technician"], now=NOW) as uow,
    ):
        separate(uow, donation_id, [("FFP", 200)])
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        (sdp,) = separate(uow, donation_id, [("PLT_SDP", 250)])
    assert sdp.expires_at == NOW - timedelta(hours=1) + timedelta(days=5)


# -----------------------------------------------------------------------------------------------------------------
# discard, expiry, explicit release


def test_a_discard_is_recorded_with_its_reason_and_takes_the_unit_out_of_use(db, staff):
    _donation_id, unit_id = _unit(db, staff, results="clean", status=S.AVAILABLE)
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        done = discard(uow, unit_id, "haemolysed", "pink supernatant on inspection")
    assert done.reason == DiscardReason.HAEMOLYSED
    assert _status(db, unit_id) == S.DISCARDED
    with db.read() as s:
        row = s.get(Discard, done.discard_id)
        assert (row.component_id, row.detail, row.discarded_at) == (unit_id, "pink supernatant on inspection", NOW)
        assert row.discarded_by_id == staff["component_technician"].user_id


@pytest.mark.parametrize(
    ("status", "reason", "detail", "error", "message"),
    [
        (S.ISSUED, "leaked_or_damaged", None, StateError, "is issued: it can be discarded only by receiving it back"),
        (S.DISCARDED, "other", "x", StateError, "A unit that is Discarded cannot become Discarded"),
        (S.TRANSFUSED, "other", "x", StateError, "A unit that is Transfused cannot become Discarded"),
        (S.AVAILABLE, "other", "  ", InvalidInput, 'the reason "other" needs a detail'),
        (S.AVAILABLE, "expired", None, InvalidInput, "has not expired: choose the real reason"),
        (S.AVAILABLE, "lost", None, InvalidInput, "Unknown discard reason 'lost'"),
    ],
)
def test_a_discard_that_does_not_fit_the_unit_is_refused_and_nothing_saved(
    db, staff, status, reason, detail, error, message
):
    _donation_id, unit_id = _unit(db, staff, results="clean", status=status)
    before = _counts(db)
    with pytest.raises(error, match=message), db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        discard(uow, unit_id, reason, detail)
    assert _status(db, unit_id) == status
    assert _counts(db) == before


def test_expire_due_marks_only_unissued_units_past_their_expiry(db, staff):
    old = NOW - timedelta(days=6)  # platelets (5 days) have expired, red cells (42 days) have not
    units = {}
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:
        for status in (S.QUARANTINE, S.AVAILABLE, S.RESERVED, S.ISSUED):
            donation = make_donation(uow, collected_at=old)
            units[status] = make_component(uow, donation, code="PLT_RDP", status=status).id
        fresh = make_component(uow, make_donation(uow, collected_at=old), code="PRBC_SAGM", status=S.AVAILABLE).id
    with db.unit_of_work(staff["issue_counter"], now=NOW) as uow:
        assert expire_due(uow) == 3
    assert {s: _status(db, i) for s, i in units.items()} == {
        S.QUARANTINE: S.EXPIRED,
        S.AVAILABLE: S.EXPIRED,
        S.RESERVED: S.EXPIRED,
        S.ISSUED: S.ISSUED,
    }
    assert _status(db, fresh) == S.AVAILABLE
    with db.unit_of_work(staff["issue_counter"], now=NOW) as uow:
        assert expire_due(uow) == 0


def test_release_donation_releases_red_cells_and_holds_plasma_when_the_antibody_screen_is_positive(db, staff):
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:
        donation = make_donation(uow)
        make_results(uow, donation, abo="A", verified_by=staff["lab_technician_2"], antibody="positive")
        red = make_component(uow, donation, code="PRBC_SAGM").id
        plasma = make_component(uow, donation, code="FFP").id
        donation_id = donation.id
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        outcome = release_donation(uow, donation_id)
    assert [u.id for u in outcome.released] == [red]
    assert outcome.released[0].blood_group == "A+"
    assert [h.id for h in outcome.held] == [plasma]
    assert "antibody screen is positive" in outcome.held[0].reasons[0].render()
    assert (_status(db, red), _status(db, plasma)) == (S.AVAILABLE, S.QUARANTINE)


def test_release_donation_refuses_with_every_reason_when_no_unit_may_leave(db, staff):
    donation_id, unit_id = _unit(db, staff, results={"syphilis": "not_done"})
    before = _counts(db)
    with pytest.raises(SafetyError) as refused, db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        release_donation(uow, donation_id)
    text = refused.value.render()
    assert "No unit of donation" in text and "not yet verified" in text and "Syphilis is Not done" in text
    assert _status(db, unit_id) == S.QUARANTINE
    assert _counts(db) == before


def test_release_donation_says_when_nothing_is_in_quarantine(db, staff):
    donation_id, _unit_id = _unit(db, staff, results="clean", status=S.AVAILABLE)
    with (
        pytest.raises(StateError, match="has no units in quarantine"),
        db.unit_of_work(staff["component_technician"], now=NOW) as uow,
    ):
        release_donation(uow, donation_id)


# -----------------------------------------------------------------------------------------------------------------
# read side


def test_stock_counts_available_units_by_group_and_component_and_warns_of_expiry(db, staff):
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:

        def unit(code, group, status=S.AVAILABLE, collected_at=NOW):
            donation = make_donation(uow, collected_at=collected_at)
            make_component(uow, donation, code=code, status=status, group=group)

        unit("PRBC_SAGM", "O+")
        unit("PRBC_SAGM", "O+")
        unit("PRBC_SAGM", "A-")
        unit("FFP", "O+")
        unit("PLT_RDP", "B+", collected_at=NOW - timedelta(days=4, hours=1))  # expires in 23 h
        unit("PLT_RDP", "B+", collected_at=NOW - timedelta(days=3))  # expires in 48 h
        unit("PLT_RDP", "B+", collected_at=NOW - timedelta(days=6))  # expired, not yet marked
        unit("PRBC_SAGM", "O+", status=S.RESERVED)
        unit("PRBC_SAGM", None, status=S.QUARANTINE)
    with db.read() as s:
        summary = stock(s, NOW)
    assert [(line.blood_group, line.code, line.count) for line in summary.available] == [
        ("A-", "PRBC_SAGM", 1),
        ("B+", "PLT_RDP", 2),
        ("O+", "PRBC_SAGM", 2),
        ("O+", "FFP", 1),
    ]
    assert (summary.total_available, summary.expiring_24h, summary.expiring_72h, summary.quarantine) == (6, 1, 2, 1)


def test_find_units_accepts_a_scanned_or_typed_din(db, staff):
    _donation_id, unit_id = _unit(db, staff, results="clean")
    with db.read() as s:
        din = s.get(Component, unit_id).din
        scanned = isbt128.format_for_barcode(din, isbt128.check_flags(din))
        for text in (din, scanned, isbt128.format_eye_readable(din), din.lower()):
            assert [u.id for u in find_units(s, text)] == [unit_id]
        assert find_units(s, "G123426999999") == []
        with pytest.raises(isbt128.InvalidDin):
            find_units(s, "G12")
