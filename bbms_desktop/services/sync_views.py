"""What the sync and about pages show: this installation, the changes waiting, the changes the server refused (each
with what a person should do about it), and the donors flagged for review.

Read-only queries returning plain values, plus one small use case: marking a refused change as dealt with (the dead
letter is kept, with who resolved it, when and how; nothing is ever dropped silently).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text, true
from sqlalchemy.orm import Session

from bbms_desktop.errors import InvalidInput, NotFound, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.models import SYNCED_MODELS, DeadLetter, DeviceState, Donor, OpState, OutboxOp
from bbms_desktop.rules.roles import Action
from bbms_desktop.services.uow import UnitOfWork

# -- what each kind of record is called --------------------------------------------------------------------------------

ENTITY_LABELS: dict[str, Msg] = {
    "centres": QT_TRANSLATE_NOOP("SyncViews", "Centre"),
    "users": QT_TRANSLATE_NOOP("SyncViews", "User account"),
    "camps": QT_TRANSLATE_NOOP("SyncViews", "Camp"),
    "donors": QT_TRANSLATE_NOOP("SyncViews", "Donor"),
    "screening_visits": QT_TRANSLATE_NOOP("SyncViews", "Screening visit"),
    "deferrals": QT_TRANSLATE_NOOP("SyncViews", "Deferral"),
    "donations": QT_TRANSLATE_NOOP("SyncViews", "Donation"),
    "lab_result_sets": QT_TRANSLATE_NOOP("SyncViews", "Laboratory results"),
    "lab_verifications": QT_TRANSLATE_NOOP("SyncViews", "Result verification"),
    "components": QT_TRANSLATE_NOOP("SyncViews", "Blood unit (component)"),
    "discards": QT_TRANSLATE_NOOP("SyncViews", "Discard"),
    "blood_requests": QT_TRANSLATE_NOOP("SyncViews", "Blood request"),
    "crossmatches": QT_TRANSLATE_NOOP("SyncViews", "Crossmatch"),
    "issues": QT_TRANSLATE_NOOP("SyncViews", "Issue of a unit"),
    "component_returns": QT_TRANSLATE_NOOP("SyncViews", "Returned unit"),
    "transfusion_reactions": QT_TRANSLATE_NOOP("SyncViews", "Transfusion reaction"),
    "audit_events": QT_TRANSLATE_NOOP("SyncViews", "Audit event"),
}
UNKNOWN_ENTITY = QT_TRANSLATE_NOOP("SyncViews", "Record ({entity})")

# -- what a person should do about a refused change, by the server's code (protocol.ErrorCode values) -----------------

_ADMIN = QT_TRANSLATE_NOOP(
    "SyncViews",
    "Tell your administrator, quoting the code and the message. The whole change is kept in this list.",
)
ADVICE: dict[str, Msg] = {
    "illegal_transition": QT_TRANSLATE_NOOP(
        "SyncViews",
        "Another computer changed this unit first (for example it issued or discarded it). Open the unit, see what "
        "stands now, and redo your step only if it still applies.",
    ),
    "row_exists": QT_TRANSLATE_NOOP(
        "SyncViews",
        "The same record was already made on another computer (for example the same bag separated twice). The "
        "server's record is the one kept: check that it is right; enter nothing again unless it is wrong.",
    ),
    "rejected_with_transaction": QT_TRANSLATE_NOOP(
        "SyncViews",
        "Refused together with another change saved at the same moment: see that change's reason in this list, deal "
        "with it, then redo this step if it is still needed.",
    ),
    "not_your_centre": QT_TRANSLATE_NOOP(
        "SyncViews",
        "This record belongs to another centre; from here only a donor's shared registry details can change. Ask "
        "that centre to make the change.",
    ),
    "append_only": QT_TRANSLATE_NOOP(
        "SyncViews",
        "A recorded fact cannot be edited, only voided with a reason and entered again. Void it on its page and "
        "enter the correct one.",
    ),
    "no_such_row": QT_TRANSLATE_NOOP(
        "SyncViews",
        "The server has never received this record (perhaps it was refused earlier: look for it in this list). "
        "Check the record and enter it again if it is needed.",
    ),
    "op_id_mismatch": QT_TRANSLATE_NOOP(
        "SyncViews",
        "This computer's data looks restored from an old backup. Stop entering data on this computer and call your "
        "administrator now.",
    ),
    "bad_value": QT_TRANSLATE_NOOP(
        "SyncViews",
        "The server could not accept a value of this change; this computer's bbms-desktop may be older than the "
        "server's. Update it and tell your administrator. The whole change is kept in this list.",
    ),
}
for _code in ("unknown_field", "unknown_entity", "server_owned"):
    ADVICE[_code] = ADVICE["bad_value"]

# -- what the engine did to this computer's copy ---------------------------------------------------------------------

REPLACED = QT_TRANSLATE_NOOP("SyncViews", "The server's version replaced this change on this computer.")
WITHDRAWN = QT_TRANSLATE_NOOP(
    "SyncViews", "The record was taken off this computer so that the server's can come down; its content is kept here."
)
VOIDED = QT_TRANSLATE_NOOP("SyncViews", "The record stays on this computer, voided with the server's reason.")
KEPT = QT_TRANSLATE_NOOP("SyncViews", "The record stays on this computer as it was.")

REVIEW_ADVICE = QT_TRANSLATE_NOOP(
    "SyncViews",
    "This donor's details were changed on two computers at once, or an imported donor may be someone already on "
    "file. Open the donor, compare the details with the donor's card or ID, and correct what is wrong.",
)
RESOLUTION_NEEDED = QT_TRANSLATE_NOOP("SyncViews", "Say what was done about this refused change.")
NO_SUCH_DEAD_LETTER = QT_TRANSLATE_NOOP("SyncViews", "This refused change is no longer in the list.")
ALREADY_RESOLVED = QT_TRANSLATE_NOOP("SyncViews", "This refused change was already marked as dealt with.")

# fields that name a record to a person, in order of preference
_NAMING_FIELDS = ("din", "donor_number", "request_number", "code", "username", "name")
_MODELS = {model.__tablename__: model for model in SYNCED_MODELS}
RESOLUTION_MAX = 500


@dataclass(frozen=True, slots=True)
class Installation:
    """This installation as the about and sync pages show it."""

    device_id: uuid.UUID | None
    server_url: str | None  # None: standalone, not enrolled
    is_training: bool
    schema_revision: str | None
    last_sync_at: datetime | None
    last_sync_error: str | None
    pending: int  # changes waiting to go to the server
    dead_letters: int
    donors_to_review: int

    @property
    def enrolled(self) -> bool:
        return self.server_url is not None


@dataclass(frozen=True, slots=True)
class DeadLetterRow:
    id: uuid.UUID
    op_seq: int
    rejected_at: datetime
    entity: str
    entity_label: Text | Msg
    row_id: uuid.UUID
    kind: str  # "insert" (a new record) or "update" (a change to one)
    record: str  # what names the record to a person: a DIN, a donor number ... or "" when nothing does
    code: str
    message: str
    advice: Msg
    outcome: Msg  # what happened to this computer's copy
    fields: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ReviewRow:
    donor_id: uuid.UUID
    donor_number: str
    name: str
    blood_group: str | None
    updated_at: datetime


def installation(session: Session) -> Installation:
    state = session.get(DeviceState, 1)
    pending = session.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.state == OpState.PENDING))
    dead = session.scalar(select(func.count()).select_from(DeadLetter).where(DeadLetter.resolved_at.is_(None)))
    review = session.scalar(select(func.count()).select_from(Donor).where(*_to_review()))
    return Installation(
        device_id=state.device_id if state else None,
        server_url=state.server_url if state else None,
        is_training=bool(state and state.is_training),
        schema_revision=schema_revision(session),
        last_sync_at=state.last_sync_at if state else None,
        last_sync_error=state.last_sync_error if state else None,
        pending=int(pending or 0),
        dead_letters=int(dead or 0),
        donors_to_review=int(review or 0),
    )


def schema_revision(session: Session) -> str | None:
    """The database's migration revision (alembic's table), or None for a database never migrated."""
    try:
        return session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception:  # no such table: a database made without migrations (tests of models only)
        return None


def dead_letters(session: Session, *, include_resolved: bool = False) -> list[DeadLetterRow]:
    """The changes the server refused, newest first, each with what a person should do."""
    query = select(DeadLetter).order_by(DeadLetter.op_seq.desc())
    if not include_resolved:
        query = query.where(DeadLetter.resolved_at.is_(None))
    return [_dead_letter_row(session, letter) for letter in session.scalars(query)]


def _dead_letter_row(session: Session, letter: DeadLetter) -> DeadLetterRow:
    model = _MODELS.get(letter.entity)
    local = session.get(model, letter.row_id) if model is not None else None
    fields = dict(letter.fields or {})
    server = dict(letter.server_row or {})
    record = next(
        (str(source[name]) for name in _NAMING_FIELDS for source in (fields, server) if source.get(name)),
        "",
    )
    if not record and local is not None:
        record = next((str(getattr(local, name)) for name in _NAMING_FIELDS if getattr(local, name, None)), "")
    if letter.server_row is not None:
        outcome = REPLACED
    elif local is None:
        outcome = WITHDRAWN
    elif getattr(local, "voided_at", None) is not None:
        outcome = VOIDED
    else:
        outcome = KEPT
    return DeadLetterRow(
        id=letter.id,
        op_seq=letter.op_seq,
        rejected_at=letter.rejected_at,
        entity=letter.entity,
        entity_label=entity_label(letter.entity),
        row_id=letter.row_id,
        kind=str(letter.kind),
        record=record,
        code=letter.code,
        message=letter.message,
        advice=ADVICE.get(letter.code, _ADMIN),
        outcome=outcome,
        fields=fields,
    )


def entity_label(entity: str) -> Text | Msg:
    return ENTITY_LABELS.get(entity) or UNKNOWN_ENTITY(entity=entity)


def _to_review() -> tuple[Any, ...]:
    return Donor.needs_review == true(), Donor.voided_at.is_(None), Donor.merged_into_id.is_(None)


def donors_to_review(session: Session, limit: int = 500) -> list[ReviewRow]:
    """Donors flagged ``needs_review`` (a field changed on two machines, or a possible duplicate imported)."""
    rows = session.execute(
        select(Donor.id, Donor.donor_number, Donor.given_name, Donor.family_name, Donor.blood_group, Donor.updated_at)
        .where(*_to_review())
        .order_by(Donor.updated_at.desc())
        .limit(limit)
    ).all()
    return [
        ReviewRow(donor_id, number, " ".join(part for part in (given, family) if part), group, updated)
        for donor_id, number, given, family, group, updated in rows
    ]


@dataclass(frozen=True, slots=True)
class Resolved:
    id: uuid.UUID
    op_seq: int
    resolved_at: datetime


def resolve_dead_letter(uow: UnitOfWork, dead_letter_id: uuid.UUID, resolution: str) -> Resolved:
    """Mark a refused change as dealt with, saying how. The dead letter stays (audited), out of the open list."""
    uow.require(Action.VIEW_AUDIT)
    note = " ".join(resolution.split())
    if not note:
        raise InvalidInput(RESOLUTION_NEEDED(), field="resolution")
    letter = uow.session.get(DeadLetter, dead_letter_id)
    if letter is None:
        raise NotFound(NO_SUCH_DEAD_LETTER())
    if letter.resolved_at is not None:
        raise StateError(ALREADY_RESOLVED())
    letter.resolved_at = uow.now
    letter.resolution = note[:RESOLUTION_MAX]
    uow.audit(
        "resolve_dead_letter", None, op_seq=letter.op_seq, entity=letter.entity, row_id=letter.row_id, resolution=note
    )
    return Resolved(letter.id, letter.op_seq, uow.now)
