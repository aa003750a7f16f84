"""Rows made directly, for service tests that start mid-flow (a donation already collected, a unit already released).

End-to-end tests and the hypothesis invariant test go through the services instead; these factories exist so each
service's tests can begin at its own step. They still write through a unit of work, so capture and triggers apply.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bbms_desktop.models import (
    Component,
    Donation,
    Donor,
    LabResultSet,
    LabVerification,
    ScreeningVisit,
)
from bbms_desktop.rules import shelf_life
from bbms_desktop.rules.vocabulary import (
    Agglutination,
    AntibodyScreen,
    ComponentStatus,
    DonorType,
    ScreeningOutcome,
    TtiResult,
)

P, N = Agglutination.POSITIVE, Agglutination.NEGATIVE
SEROLOGY = {  # forward anti-A, anti-B, anti-AB; reverse A cells, B cells
    "O": (N, N, N, P, P),
    "A": (P, N, P, N, P),
    "B": (N, P, P, P, N),
    "AB": (P, P, P, N, N),
}
_counter = iter(range(1, 10**9))


def make_donor(uow, *, sex="M", dob=date(1990, 5, 17), name="Ravi", family="Kumar", mobile=None) -> Donor:
    n = next(_counter)
    donor = Donor(
        donor_number=f"T-{n:07d}",
        given_name=name,
        family_name=family,
        name_key=f"{name} {family}".lower(),
        family_key=family.lower(),
        sex=sex,
        date_of_birth=dob,
        mobile=mobile or f"98{n:08d}",
        donor_type=DonorType.VOLUNTARY,
        consent_given_at=uow.now,
    )
    uow.add(donor)
    return donor


def make_donation(
    uow, donor=None, *, din=None, bag_type="triple", collected_at=None, bleed_minutes=8, **extra
) -> Donation:
    donor = donor or make_donor(uow)
    collected_at = collected_at or uow.now
    visit = ScreeningVisit(
        donor_id=donor.id,
        visited_at=collected_at - timedelta(minutes=30),
        donation_type="whole_blood",
        bag_volume_ml=450,
        weight_kg=70,
        haemoglobin_g_dl=14,
        systolic_mmhg=120,
        diastolic_mmhg=80,
        pulse_per_min=72,
        pulse_regular=True,
        temperature_c=36.8,
        answers={},
        outcome=ScreeningOutcome.ELIGIBLE,
        reason_codes=[],
        assessed_by_id=uow.actor.user_id,
    )
    uow.add(visit)
    uow.session.flush()
    donation = Donation(
        din=din or f"G123426{next(_counter):06d}",
        donor_id=donor.id,
        visit_id=visit.id,
        donation_type="whole_blood",
        bag_type=bag_type,
        bag_volume_ml=450,
        collected_volume_ml=450,
        anticoagulant="CPDA-1",
        bleed_start=collected_at - timedelta(minutes=bleed_minutes),
        bleed_end=collected_at,
        collected_at=collected_at,
        phlebotomist_id=uow.actor.user_id,
        **extra,  # camp_id, adverse_reaction, ...
    )
    uow.add(donation)
    uow.session.flush()
    return donation


def make_results(uow, donation, *, abo="O", rhd="+", verified_by=None, antibody="negative", **tti) -> LabResultSet:
    """A result set (all five markers non-reactive unless given), verified when ``verified_by`` is an Actor."""
    a, b, ab, ac, bc = SEROLOGY[abo]
    results = LabResultSet(
        donation_id=donation.id,
        anti_a=a,
        anti_b=b,
        anti_ab=ab,
        anti_d=P if rhd == "+" else N,
        a_cells=ac,
        b_cells=bc,
        o_cells=N,
        interpreted_group=abo + rhd,
        antibody_screen=AntibodyScreen(antibody),
        entered_by_id=uow.actor.user_id,
        entered_at=uow.now,
        **{m: TtiResult(tti.get(m, "non_reactive")) for m in ("hiv", "hbsag", "hcv", "syphilis", "malaria")},
    )
    uow.add(results)
    uow.session.flush()
    if verified_by is not None:
        uow.add(LabVerification(result_set_id=results.id, verified_by_id=verified_by.user_id, verified_at=uow.now))
        uow.session.flush()
    return results


def make_component(
    uow, donation, *, code="PRBC_SAGM", status=ComponentStatus.QUARANTINE, group=None, prepared_at=None, division="00"
) -> Component:
    prepared_at = prepared_at or donation.collected_at
    component = Component(
        donation_id=donation.id,
        din=donation.din,
        code=code,
        division=division,
        volume_ml=280,
        prepared_at=prepared_at,
        expires_at=shelf_life.expiry(code, donation.collected_at),
        status=status,
        blood_group=group,
        prepared_by_id=uow.actor.user_id,
    )
    uow.add(component)
    uow.session.flush()
    return component


def released_unit(uow, verifier, *, abo="O", rhd="+", code="PRBC_SAGM", collected_at=None) -> Component:
    """A unit with verified clean results, released to available stock the way the release guard demands."""
    donation = make_donation(uow, collected_at=collected_at)
    make_results(uow, donation, abo=abo, rhd=rhd, verified_by=verifier)
    return make_component(uow, donation, code=code, status=ComponentStatus.AVAILABLE, group=abo + rhd)


def request_form(**changes):
    """A routine request for 2 units of SAGM red cells for an A+ patient, as the issue counter types it."""
    from bbms_desktop.services.transfusion import RequestForm

    values = dict(
        patient_name="Sunita Devi",
        patient_sex="F",
        patient_group="A+",
        hospital="Safdarjung Hospital",
        component_code="PRBC_SAGM",
        units=2,
        urgency="routine",
        requesting_doctor="Dr. R. Gupta",
        doctor_registration_number="DMC-4567",
        patient_age_years=34,
        patient_hospital_id="UHID-778812",
        ward="Surgery II",
        bed="14",
    )
    values.update(changes)
    return RequestForm(**values)


def aware(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)
