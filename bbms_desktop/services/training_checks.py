"""The exercises' checklist steps: each a read-only query over the sandbox's own records (``services.training``).

Each takes the session and the exercise's start (its moment and the scenario's facts: the donor, the bag, the
request it wrote) and says whether the step is done. A step is never true before the trainee has done something:
what was there at the start does not count.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bbms_desktop.models import (
    AuditEvent,
    BloodRequest,
    Camp,
    Component,
    Crossmatch,
    Deferral,
    Discard,
    Donation,
    Donor,
    Issue,
    LabResultSet,
    LabVerification,
    ScreeningVisit,
)
from bbms_desktop.rules import compatibility
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.vocabulary import ComponentStatus, CrossmatchResult, DiscardReason, TtiResult
from bbms_desktop.services.donors import normalise_mobile

if TYPE_CHECKING:
    from bbms_desktop.services.training import Started


def _after(moment: datetime | None, started: Started) -> bool:
    if moment is None:
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment >= started.at


def _id(started: Started, key: str) -> uuid.UUID:
    return uuid.UUID(started.facts[key])


# --- register a donor ------------------------------------------------------------------------------------------------


def _new_donors(session: Session, started: Started) -> list[Donor]:
    facts = started.facts
    rows = session.scalars(
        select(Donor).where(
            func.lower(Donor.given_name) == facts["given"].lower(),
            func.lower(Donor.family_name) == facts["family"].lower(),
            Donor.voided_at.is_(None),
        )
    ).all()
    return [row for row in rows if _after(row.created_at, started)]


def registered(session: Session, started: Started) -> bool:
    return bool(_new_donors(session, started))


def registered_details(session: Session, started: Started) -> bool:
    born = date.fromisoformat(started.facts["born"])
    return any(d.date_of_birth == born and d.sex == started.facts["sex"] for d in _new_donors(session, started))


def registered_mobile(session: Session, started: Started) -> bool:
    wanted = normalise_mobile(started.facts["mobile"])
    return any(d.mobile == wanted for d in _new_donors(session, started))


# --- defer a donor ---------------------------------------------------------------------------------------------------


def _visits(session: Session, started: Started) -> list[ScreeningVisit]:
    rows = session.scalars(
        select(ScreeningVisit).where(
            ScreeningVisit.donor_id == _id(started, "donor_id"), ScreeningVisit.voided_at.is_(None)
        )
    ).all()
    return [row for row in rows if _after(row.visited_at, started)]


def screened(session: Session, started: Started) -> bool:
    return bool(_visits(session, started))


def deferred_low_hb(session: Session, started: Started) -> bool:
    return (
        session.scalar(
            select(func.count())
            .select_from(Deferral)
            .where(Deferral.donor_id == _id(started, "donor_id"), Deferral.reason_code == "HB_LOW")
        )
        > 0
    )


def not_collected(session: Session, started: Started) -> bool:
    """Done once the screening is recorded and no bag was taken from the donor."""
    donor_id = _id(started, "donor_id")
    bled = session.scalar(select(func.count()).select_from(Donation).where(Donation.donor_id == donor_id))
    return screened(session, started) and bled == 0


# --- a reactive HIV result -------------------------------------------------------------------------------------------


def _hiv_results(session: Session, started: Started) -> list[LabResultSet]:
    return list(
        session.scalars(
            select(LabResultSet).where(
                LabResultSet.donation_id == _id(started, "donation_id"),
                LabResultSet.voided_at.is_(None),
                LabResultSet.hiv == TtiResult.REACTIVE,
            )
        ).all()
    )


def hiv_entered(session: Session, started: Started) -> bool:
    return bool(_hiv_results(session, started))


def hiv_verified(session: Session, started: Started) -> bool:
    for results in _hiv_results(session, started):
        verifiers = session.scalars(
            select(LabVerification.verified_by_id).where(LabVerification.result_set_id == results.id)
        ).all()
        if any(verifier != results.entered_by_id for verifier in verifiers):
            return True
    return False


def hiv_deferred(session: Session, started: Started) -> bool:
    found = session.scalars(
        select(Deferral.permanent).where(
            Deferral.donor_id == _id(started, "donor_id"), Deferral.reason_code == "TTI_HIV_REACTIVE"
        )
    ).all()
    return any(found)


def _units(session: Session, started: Started) -> list[Component]:
    return list(session.scalars(select(Component).where(Component.donation_id == _id(started, "donation_id"))).all())


def hiv_discarded(session: Session, started: Started) -> bool:
    units = _units(session, started)
    if not units or any(unit.status != ComponentStatus.DISCARDED for unit in units):
        return False
    reasons = session.execute(
        select(Discard.component_id, Discard.reason).where(
            Discard.component_id.in_([unit.id for unit in units]), Discard.voided_at.is_(None)
        )
    ).all()
    tti = {component for component, reason in reasons if reason == DiscardReason.TTI_REACTIVE}
    return tti == {unit.id for unit in units}


# --- separate components ---------------------------------------------------------------------------------------------


def separated(session: Session, started: Started) -> bool:
    return bool(_units(session, started))


def separated_three(session: Session, started: Started) -> bool:
    kinds = {catalogue.component(unit.code).kind for unit in _units(session, started)}
    return {"red_cells", "plasma", "platelets"} <= kinds


def separated_released(session: Session, started: Started) -> bool:
    units = _units(session, started)
    return bool(units) and all(unit.status == ComponentStatus.AVAILABLE for unit in units)


def separated_stored(session: Session, started: Started) -> bool:
    units = _units(session, started)
    return bool(units) and all((unit.storage_location or "").strip() for unit in units)


# --- issue the right unit --------------------------------------------------------------------------------------------


def _crossmatches(session: Session, started: Started) -> list[Crossmatch]:
    return list(
        session.scalars(
            select(Crossmatch).where(
                Crossmatch.request_id == _id(started, "request_id"),
                Crossmatch.voided_at.is_(None),
                Crossmatch.result == CrossmatchResult.COMPATIBLE,
            )
        ).all()
    )


def _issues(session: Session, started: Started) -> list[Issue]:
    return list(
        session.scalars(
            select(Issue).where(Issue.request_id == _id(started, "request_id"), Issue.voided_at.is_(None))
        ).all()
    )


def crossmatched(session: Session, started: Started) -> bool:
    return bool(_crossmatches(session, started))


def issued(session: Session, started: Started) -> bool:
    return bool(_issues(session, started))


def issued_compatible(session: Session, started: Started) -> bool:
    issues = _issues(session, started)
    request = session.get(BloodRequest, _id(started, "request_id"))
    if not issues or request is None:
        return False
    for issue in issues:
        unit = session.get(Component, issue.component_id)
        if unit is None or unit.blood_group is None:
            return False
        if not compatibility.is_compatible(
            catalogue.component(unit.code).kind,
            unit.blood_group,
            request.patient_group,
            patient_sex=request.patient_sex,
            patient_age=request.patient_age_years,
        ):
            return False
    return True


def issued_crossmatched(session: Session, started: Started) -> bool:
    issues = _issues(session, started)
    compatible = {(match.id, match.component_id) for match in _crossmatches(session, started)}
    if not issues:
        return False
    for issue in issues:
        unit = session.get(Component, issue.component_id)
        if (issue.crossmatch_id, issue.component_id) not in compatible or unit is None:
            return False
        expires, at = unit.expires_at, issue.issued_at
        if expires.tzinfo is None:
            expires = expires.replace(tzinfo=UTC)
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        if expires <= at:
            return False
    return True


# --- reconcile a camp ------------------------------------------------------------------------------------------------


def _reconciliation(session: Session, started: Started) -> dict | None:
    """What the reconciliation of the exercise's camp recorded (its audit event), when it was made after the start."""
    event = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.action == "reconcile_camp", AuditEvent.row_id == _id(started, "camp_id"))
        .order_by(AuditEvent.device_seq.desc())
        .limit(1)
    ).first()
    return event.details if event is not None and _after(event.at, started) else None


def camp_bags_scanned(session: Session, started: Started) -> bool:
    recorded = _reconciliation(session, started)
    return recorded is not None and set(recorded["received"]) == set(started.facts["arrived_dins"])


def camp_missing_reported(session: Session, started: Started) -> bool:
    recorded = _reconciliation(session, started)
    return recorded is not None and recorded["missing"] == [started.facts["missing_din"]]


def camp_stray_reported(session: Session, started: Started) -> bool:
    recorded = _reconciliation(session, started)
    return recorded is not None and started.facts["stray_din"] in recorded["mismatched"]


def camp_closed(session: Session, started: Started) -> bool:
    camp = session.get(Camp, _id(started, "camp_id"))
    return camp is not None and _after(camp.closed_at, started)
