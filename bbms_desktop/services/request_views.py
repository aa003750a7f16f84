"""What the issue counter's pages read: requests with their units, issues and what became of them, reactions.

Read-only queries for the requests-and-issue and transfusion-reaction pages, returning frozen dataclasses (never ORM
objects) so a page can hold them. Every decision (what may be crossmatched, reserved, issued, taken back) stays in
``services.transfusion``; this module only describes what is on record. The labels a person reads for the coded
vocabularies of the issue counter live here too, so the pages and any report render them alike.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session

from bbms_desktop.errors import NotFound
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg
from bbms_desktop.models import (
    BloodRequest,
    Component,
    ComponentReturn,
    Crossmatch,
    Issue,
    TransfusionReaction,
    User,
)
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.vocabulary import (
    ComponentStatus,
    CrossmatchMethod,
    CrossmatchResult,
    RequestStatus,
    Severity,
    Sex,
    TransfusionReactionType,
    Urgency,
)
from bbms_desktop.services.components import find_units
from bbms_desktop.services.transfusion import NO_REQUEST

# --- labels ---------------------------------------------------------------------------------------------------------

SEX_LABELS: dict[str, Msg] = {
    Sex.MALE: QT_TRANSLATE_NOOP("RequestViews", "Male"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("RequestViews", "Female"),
    Sex.OTHER: QT_TRANSLATE_NOOP("RequestViews", "Other"),
}
URGENCY_LABELS: dict[str, Msg] = {
    Urgency.ROUTINE: QT_TRANSLATE_NOOP("RequestViews", "Routine"),
    Urgency.URGENT: QT_TRANSLATE_NOOP("RequestViews", "Urgent"),
    Urgency.EMERGENCY: QT_TRANSLATE_NOOP("RequestViews", "Emergency"),
}
REQUEST_STATUS_LABELS: dict[str, Msg] = {
    RequestStatus.OPEN: QT_TRANSLATE_NOOP("RequestViews", "Open"),
    RequestStatus.FULFILLED: QT_TRANSLATE_NOOP("RequestViews", "Fulfilled"),
    RequestStatus.CANCELLED: QT_TRANSLATE_NOOP("RequestViews", "Cancelled"),
}
CROSSMATCH_METHOD_LABELS: dict[str, Msg] = {
    CrossmatchMethod.IMMEDIATE_SPIN: QT_TRANSLATE_NOOP("RequestViews", "Immediate spin"),
    CrossmatchMethod.AHG: QT_TRANSLATE_NOOP("RequestViews", "AHG (indirect antiglobulin)"),
    CrossmatchMethod.GEL: QT_TRANSLATE_NOOP("RequestViews", "Gel card"),
    CrossmatchMethod.ELECTRONIC: QT_TRANSLATE_NOOP("RequestViews", "Electronic"),
}
CROSSMATCH_RESULT_LABELS: dict[str, Msg] = {
    CrossmatchResult.COMPATIBLE: QT_TRANSLATE_NOOP("RequestViews", "Compatible"),
    CrossmatchResult.INCOMPATIBLE: QT_TRANSLATE_NOOP("RequestViews", "Incompatible"),
}
REACTION_TYPE_LABELS: dict[str, Msg] = {
    TransfusionReactionType.FEBRILE_NON_HAEMOLYTIC: QT_TRANSLATE_NOOP(
        "RequestViews", "Febrile non-haemolytic reaction (FNHTR)"
    ),
    TransfusionReactionType.ALLERGIC: QT_TRANSLATE_NOOP("RequestViews", "Allergic reaction"),
    TransfusionReactionType.ANAPHYLACTIC: QT_TRANSLATE_NOOP("RequestViews", "Anaphylactic reaction"),
    TransfusionReactionType.ACUTE_HAEMOLYTIC: QT_TRANSLATE_NOOP("RequestViews", "Acute haemolytic reaction (AHTR)"),
    TransfusionReactionType.DELAYED_HAEMOLYTIC: QT_TRANSLATE_NOOP("RequestViews", "Delayed haemolytic reaction (DHTR)"),
    TransfusionReactionType.TRALI: QT_TRANSLATE_NOOP("RequestViews", "Transfusion-related acute lung injury (TRALI)"),
    TransfusionReactionType.TACO: QT_TRANSLATE_NOOP(
        "RequestViews", "Transfusion-associated circulatory overload (TACO)"
    ),
    TransfusionReactionType.BACTERIAL_CONTAMINATION: QT_TRANSLATE_NOOP(
        "RequestViews", "Transfusion-transmitted bacterial infection"
    ),
    TransfusionReactionType.HYPOTENSIVE: QT_TRANSLATE_NOOP("RequestViews", "Hypotensive reaction"),
    TransfusionReactionType.OTHER: QT_TRANSLATE_NOOP("RequestViews", "Other reaction"),
}
SEVERITY_LABELS: dict[str, Msg] = {
    Severity.MILD: QT_TRANSLATE_NOOP("RequestViews", "Mild"),
    Severity.MODERATE: QT_TRANSLATE_NOOP("RequestViews", "Moderate"),
    Severity.SEVERE: QT_TRANSLATE_NOOP("RequestViews", "Severe"),
    Severity.LIFE_THREATENING: QT_TRANSLATE_NOOP("RequestViews", "Life-threatening"),
    Severity.DEATH: QT_TRANSLATE_NOOP("RequestViews", "Death"),
}


class IssueState(StrEnum):
    """What became of a unit after one issue."""

    OUT = "out"  # with the ward: may come back or be confirmed transfused
    RETURNED = "returned"  # came back and went into stock again
    RETURN_REFUSED = "return_refused"  # came back but failed inspection: discarded
    TRANSFUSED = "transfused"


ISSUE_STATE_LABELS: dict[str, Msg] = {
    IssueState.OUT: QT_TRANSLATE_NOOP("RequestViews", "With the ward"),
    IssueState.RETURNED: QT_TRANSLATE_NOOP("RequestViews", "Returned to stock"),
    IssueState.RETURN_REFUSED: QT_TRANSLATE_NOOP("RequestViews", "Returned, discarded"),
    IssueState.TRANSFUSED: QT_TRANSLATE_NOOP("RequestViews", "Transfused"),
}


class RequestFilter(StrEnum):
    ACTIVE = "active"  # open, or with units still out with the ward
    ALL = "all"


NO_UNIT_WITH_DIN = QT_TRANSLATE_NOOP("RequestViews", "No unit with DIN {din} is recorded at this centre.")


def component_name(code: str) -> Msg | str:
    """The catalogue name of a component code; the code itself when the catalogue does not know it."""
    entry = catalogue.CATALOGUE.get(code)
    return entry.name if entry is not None else code


# --- rows -----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RequestRow:
    """One blood request with the counts the counter works from."""

    request_id: uuid.UUID
    request_number: str
    received_at: datetime
    patient_name: str
    patient_hospital_id: str | None
    patient_sex: str
    patient_age_years: int
    patient_group: str
    patient_has_anti_d: bool
    hospital: str
    ward: str | None
    bed: str | None
    diagnosis: str | None
    component_code: str
    units_requested: int
    units_issued: int  # issued and not returned (still out, or transfused), as the service counts them
    units_reserved: int
    units_out: int  # issued and still with the ward
    urgency: Urgency
    status: RequestStatus
    requesting_doctor: str
    doctor_registration_number: str | None
    required_by: datetime | None
    cancel_reason: str | None


@dataclass(frozen=True, slots=True)
class IssueRow:
    """One issue of a unit and what became of it."""

    issue_id: uuid.UUID
    request_id: uuid.UUID
    request_number: str
    patient_name: str
    component_id: uuid.UUID
    din: str
    code: str
    blood_group: str | None
    issued_at: datetime
    collected_by: str
    uncrossmatched: bool
    rhd_override: bool
    state: IssueState
    returned_at: datetime | None
    reactions: int


@dataclass(frozen=True, slots=True)
class CrossmatchRow:
    crossmatch_id: uuid.UUID
    component_id: uuid.UUID
    din: str
    code: str
    blood_group: str | None
    method: CrossmatchMethod
    result: CrossmatchResult
    performed_at: datetime
    performed_by: str
    notes: str | None


@dataclass(frozen=True, slots=True)
class RequestDetail:
    request: RequestRow
    crossmatches: tuple[CrossmatchRow, ...]  # newest first
    issues: tuple[IssueRow, ...]  # newest first


@dataclass(frozen=True, slots=True)
class UnitChoice:
    """A unit picked for a request by its DIN (the component of the requested kind when the DIN has several)."""

    component_id: uuid.UUID
    din: str
    code: str
    blood_group: str | None
    status: ComponentStatus
    expires_at: datetime
    reserved_for_this_request: bool


@dataclass(frozen=True, slots=True)
class ReactionRow:
    reaction_id: uuid.UUID
    issue_id: uuid.UUID
    onset_at: datetime
    reaction_type: TransfusionReactionType
    severity: Severity
    description: str | None
    din: str
    code: str
    blood_group: str | None
    request_number: str
    patient_name: str
    hospital: str
    reported_by: str


# --- requests -------------------------------------------------------------------------------------------------------


def _returned_issue_ids() -> Select:
    return select(ComponentReturn.issue_id).where(ComponentReturn.voided_at.is_(None))


def _outstanding_issues() -> Select:
    """Issue ids whose unit is still with the ward (not voided, not returned, unit still issued)."""
    return (
        select(Issue.id)
        .join(Component, Component.id == Issue.component_id)
        .where(
            Issue.voided_at.is_(None),
            Issue.id.not_in(_returned_issue_ids()),
            Component.status == ComponentStatus.ISSUED,
        )
    )


def list_requests(
    session: Session, offset: int, limit: int, *, which: str = RequestFilter.ACTIVE, search: str = ""
) -> list[RequestRow]:
    """Requests, a page at a time: the active ones most urgent first, or all of them newest first.

    ``search`` matches the request number, the patient's name or hospital registration number (case-insensitive).
    """
    query = select(BloodRequest).where(BloodRequest.voided_at.is_(None))
    if which == RequestFilter.ACTIVE:
        out = select(Issue.request_id).where(Issue.id.in_(_outstanding_issues()))
        query = query.where(or_(BloodRequest.status == RequestStatus.OPEN, BloodRequest.id.in_(out)))
        urgency_rank = case(
            (BloodRequest.urgency == Urgency.EMERGENCY, 0), (BloodRequest.urgency == Urgency.URGENT, 1), else_=2
        )
        open_first = case((BloodRequest.status == RequestStatus.OPEN, 0), else_=1)
        query = query.order_by(open_first, urgency_rank, BloodRequest.created_at, BloodRequest.id)
    else:
        query = query.order_by(BloodRequest.created_at.desc(), BloodRequest.id.desc())
    text = search.strip().lower()
    if text:
        pattern = f"%{text}%"
        query = query.where(
            or_(
                func.lower(BloodRequest.request_number).like(pattern),
                func.lower(BloodRequest.patient_name).like(pattern),
                func.lower(BloodRequest.patient_hospital_id).like(pattern),
            )
        )
    requests = session.scalars(query.offset(offset).limit(limit)).all()
    return _request_rows(session, requests)


def get_request(session: Session, request_id: uuid.UUID) -> RequestRow:
    request = session.get(BloodRequest, request_id)
    if request is None:
        raise NotFound(NO_REQUEST(), code="no_request")
    return _request_rows(session, [request])[0]


def request_detail(session: Session, request_id: uuid.UUID) -> RequestDetail:
    """A request, every crossmatch recorded on it and every unit issued on it, newest first."""
    row = get_request(session, request_id)
    crossmatches = session.execute(
        select(Crossmatch, Component)
        .join(Component, Component.id == Crossmatch.component_id)
        .where(Crossmatch.request_id == request_id, Crossmatch.voided_at.is_(None))
        .order_by(Crossmatch.performed_at.desc(), Crossmatch.id.desc())
    ).all()
    names = _user_names(session, {m.performed_by_id for m, _ in crossmatches})
    return RequestDetail(
        row,
        tuple(
            CrossmatchRow(
                m.id,
                c.id,
                c.din,
                c.code,
                c.blood_group,
                CrossmatchMethod(m.method),
                CrossmatchResult(m.result),
                m.performed_at,
                names.get(m.performed_by_id, ""),
                m.notes,
            )
            for m, c in crossmatches
        ),
        tuple(_issue_rows(session, select(Issue).where(Issue.request_id == request_id))),
    )


def unit_for_request(session: Session, request_id: uuid.UUID, din: str) -> UnitChoice:
    """The unit with this DIN (scanned or typed) to crossmatch, reserve or issue for the request.

    A donation's DIN is on each of its components: the one of the requested kind is chosen; when the DIN has none of
    that kind its first component is returned, so that the service can say why it does not fit. Raises
    ``InvalidDin`` for text that is not a DIN and ``NotFound`` when no unit has it.
    """
    request = session.get(BloodRequest, request_id)
    if request is None:
        raise NotFound(NO_REQUEST(), code="no_request")
    units = find_units(session, din)
    if not units:
        raise NotFound(NO_UNIT_WITH_DIN(din="".join(din.split()).upper().lstrip("=")), code="no_unit")
    usable = (ComponentStatus.AVAILABLE, ComponentStatus.RESERVED)
    same_kind = [u for u in units if u.code == request.component_code]
    pick = next((u for u in same_kind if u.status in usable), same_kind[0] if same_kind else units[0])
    component = session.get(Component, pick.id)
    assert component is not None
    return UnitChoice(
        pick.id,
        pick.din,
        pick.code,
        pick.blood_group,
        pick.status,
        pick.expires_at,
        pick.status == ComponentStatus.RESERVED and component.reserved_for_request_id == request_id,
    )


# --- issues ---------------------------------------------------------------------------------------------------------


def outstanding_issue_for_din(session: Session, din: str) -> IssueRow | None:
    """The issue on which a unit of this DIN is still with the ward (the latest, if several components are out)."""
    units = find_units(session, din)
    if not units:
        return None
    rows = _issue_rows(
        session,
        select(Issue).where(Issue.component_id.in_([u.id for u in units]), Issue.id.in_(_outstanding_issues())),
    )
    return rows[0] if rows else None


def issues_for_din(session: Session, din: str) -> list[IssueRow]:
    """Every issue (not voided) of a unit with this DIN, newest first: what a reaction can be reported against."""
    units = find_units(session, din)
    if not units:
        raise NotFound(NO_UNIT_WITH_DIN(din="".join(din.split()).upper().lstrip("=")), code="no_unit")
    return _issue_rows(session, select(Issue).where(Issue.component_id.in_([u.id for u in units])))


def recent_issues(session: Session, since: datetime, limit: int = 200) -> list[IssueRow]:
    """Issues since ``since`` (not voided), newest first."""
    return _issue_rows(session, select(Issue).where(Issue.issued_at >= since), limit=limit)


# --- reactions ------------------------------------------------------------------------------------------------------


def list_reactions(session: Session, offset: int, limit: int) -> list[ReactionRow]:
    """Recorded transfusion reactions (not voided), the latest onset first."""
    rows = session.execute(
        select(TransfusionReaction, Issue, Component, BloodRequest)
        .join(Issue, Issue.id == TransfusionReaction.issue_id)
        .join(Component, Component.id == TransfusionReaction.component_id)
        .join(BloodRequest, BloodRequest.id == Issue.request_id)
        .where(TransfusionReaction.voided_at.is_(None))
        .order_by(TransfusionReaction.onset_at.desc(), TransfusionReaction.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    names = _user_names(session, {r.reported_by_id for r, *_ in rows})
    return [
        ReactionRow(
            reaction.id,
            issue.id,
            reaction.onset_at,
            TransfusionReactionType(reaction.reaction_type),
            Severity(reaction.severity),
            reaction.description,
            component.din,
            component.code,
            component.blood_group,
            request.request_number,
            request.patient_name,
            request.hospital,
            names.get(reaction.reported_by_id, ""),
        )
        for reaction, issue, component, request in rows
    ]


# --- helpers --------------------------------------------------------------------------------------------------------


def _request_rows(session: Session, requests: Sequence[BloodRequest]) -> list[RequestRow]:
    ids = [r.id for r in requests]
    if not ids:
        return []
    live = (
        select(Issue.request_id, Issue.id, Component.status)
        .join(Component, Component.id == Issue.component_id)
        .where(Issue.request_id.in_(ids), Issue.voided_at.is_(None), Issue.id.not_in(_returned_issue_ids()))
    )
    issued: dict[uuid.UUID, int] = {}
    out: dict[uuid.UUID, int] = {}
    for request_id, _issue_id, status in session.execute(live).all():
        issued[request_id] = issued.get(request_id, 0) + 1
        if status == ComponentStatus.ISSUED:
            out[request_id] = out.get(request_id, 0) + 1
    reserved = dict(
        session.execute(
            select(Component.reserved_for_request_id, func.count(Component.id))
            .where(Component.reserved_for_request_id.in_(ids), Component.status == ComponentStatus.RESERVED)
            .group_by(Component.reserved_for_request_id)
        ).all()
    )
    return [
        RequestRow(
            r.id,
            r.request_number,
            r.created_at,
            r.patient_name,
            r.patient_hospital_id,
            Sex(r.patient_sex),
            r.patient_age_years,
            r.patient_group,
            r.patient_has_anti_d,
            r.hospital,
            r.ward,
            r.bed,
            r.diagnosis,
            r.component_code,
            r.units_requested,
            issued.get(r.id, 0),
            reserved.get(r.id, 0),
            out.get(r.id, 0),
            Urgency(r.urgency),
            RequestStatus(r.status),
            r.requesting_doctor,
            r.doctor_registration_number,
            r.required_by,
            r.cancel_reason,
        )
        for r in requests
    ]


def _issue_rows(session: Session, query: Select, limit: int | None = None) -> list[IssueRow]:
    query = (
        query.add_columns(Component, BloodRequest)
        .join(Component, Component.id == Issue.component_id)
        .join(BloodRequest, BloodRequest.id == Issue.request_id)
        .where(Issue.voided_at.is_(None))
        .order_by(Issue.issued_at.desc(), Issue.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    issue_ids = [issue.id for issue, *_ in rows]
    if not issue_ids:
        return []
    returns = {
        back.issue_id: back
        for back in session.scalars(
            select(ComponentReturn).where(ComponentReturn.issue_id.in_(issue_ids), ComponentReturn.voided_at.is_(None))
        )
    }
    reactions = dict(
        session.execute(
            select(TransfusionReaction.issue_id, func.count(TransfusionReaction.id))
            .where(TransfusionReaction.issue_id.in_(issue_ids), TransfusionReaction.voided_at.is_(None))
            .group_by(TransfusionReaction.issue_id)
        ).all()
    )
    result = []
    for issue, component, request in rows:
        back = returns.get(issue.id)
        if back is not None:
            state = IssueState.RETURNED if back.accepted else IssueState.RETURN_REFUSED
        elif component.status == ComponentStatus.TRANSFUSED:
            state = IssueState.TRANSFUSED
        else:
            state = IssueState.OUT
        result.append(
            IssueRow(
                issue.id,
                request.id,
                request.request_number,
                request.patient_name,
                component.id,
                component.din,
                component.code,
                component.blood_group,
                issue.issued_at,
                issue.collected_by,
                issue.uncrossmatched,
                issue.override_by_id is not None,
                state,
                back.returned_at if back is not None else None,
                reactions.get(issue.id, 0),
            )
        )
    return result


def _user_names(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.full_name).where(User.id.in_(wanted))).all())
