"""Blood donation camps (outdoor sessions): planning at the centre, the staff who go, and closing a camp once its bags
are reconciled at the centre (docs/camps.md). The camp laptop's preparation is ``sync.camp``; the camp's own flow
is ``services.camp_flow``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from bbms_desktop.errors import InvalidInput, NotFound, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.models import Camp, Centre, User
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.roles import PERMISSIONS, Action, Role
from bbms_desktop.services import numbering
from bbms_desktop.services.uow import UnitOfWork

NAME_NEEDED = QT_TRANSLATE_NOOP("Camps", "A camp needs a name and a venue.")
DATES_REVERSED = QT_TRANSLATE_NOOP("Camps", "The camp ends on {ends} but starts on {starts}: check the dates.")
EXPECTED_NEGATIVE = QT_TRANSLATE_NOOP("Camps", "Expected donors cannot be negative.")
CAMP_UNKNOWN = QT_TRANSLATE_NOOP("Camps", "This camp is not on record (or was voided).")
STAFF_UNKNOWN = QT_TRANSLATE_NOOP("Camps", "{user} is not an active staff member of this centre.")
STAFF_CANNOT_WORK = QT_TRANSLATE_NOOP(
    "Camps", "{user} ({role}) cannot register, screen or bleed donors, so cannot be sent to a camp."
)
CAMP_ALREADY_CLOSED = QT_TRANSLATE_NOOP("Camps", "Camp {code} is already closed.")

CAMP_WORK = frozenset({Action.REGISTER_DONOR, Action.SCREEN_DONOR, Action.COLLECT})
"""What a member of a camp's staff must be able to do (at least one of these)."""


@dataclass(frozen=True, slots=True)
class CampForm:
    name: str
    venue: str
    starts_on: date
    ends_on: date
    district: str | None = None
    state: str | None = None
    organiser: str | None = None
    organiser_mobile: str | None = None
    expected_donors: int | None = None
    staff_ids: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True, slots=True)
class PlannedCamp:
    id: uuid.UUID
    code: str


def plan_camp(uow: UnitOfWork, form: CampForm) -> PlannedCamp:
    actor = uow.require(Action.MANAGE_CAMPS)
    if not form.name.strip() or not form.venue.strip():
        raise InvalidInput(NAME_NEEDED(), field="name")
    if form.ends_on < form.starts_on:
        raise InvalidInput(DATES_REVERSED(starts=form.starts_on, ends=form.ends_on), field="ends_on")
    if form.expected_donors is not None and form.expected_donors < 0:
        raise InvalidInput(EXPECTED_NEGATIVE(), field="expected_donors")
    staff = _checked_staff(uow, form.staff_ids)
    centre = uow.session.get(Centre, actor.centre_id)
    assert centre is not None
    code = f"{centre.code}-C{form.starts_on.year % 100:02d}{numbering.next_number(uow, 'camp'):04d}"
    camp = Camp(
        centre_id=actor.centre_id,
        code=code,
        name=form.name.strip(),
        venue=form.venue.strip(),
        starts_on=form.starts_on,
        ends_on=form.ends_on,
        district=form.district,
        state=form.state,
        organiser=form.organiser,
        organiser_mobile=form.organiser_mobile,
        expected_donors=form.expected_donors,
        created_by_id=actor.user_id,
        staff_ids=staff,
    )
    uow.add(camp)
    uow.session.flush()
    uow.audit("plan_camp", camp, code=code, starts_on=form.starts_on, venue=camp.venue, staff_ids=staff)
    return PlannedCamp(camp.id, code)


def _checked_staff(uow: UnitOfWork, staff_ids: tuple[uuid.UUID, ...]) -> list[str]:
    """The staff ids as stored: each an active user of this centre who can do camp work; order kept, no repeats."""
    centre_id = uow.require(Action.MANAGE_CAMPS).centre_id
    kept: list[str] = []
    for user_id in staff_ids:
        user = uow.session.get(User, user_id)
        if user is None or user.centre_id != centre_id or not user.active:
            raise InvalidInput(STAFF_UNKNOWN(user=str(user_id) if user is None else user.full_name), field="staff")
        if not PERMISSIONS[Role(user.role)] & CAMP_WORK:
            raise InvalidInput(STAFF_CANNOT_WORK(user=user.full_name, role=user.role), field="staff")
        if str(user_id) not in kept:
            kept.append(str(user_id))
    return kept


def _camp(uow: UnitOfWork, camp_id: uuid.UUID) -> Camp:
    camp = uow.session.get(Camp, camp_id)
    if camp is None or camp.voided_at is not None or camp.centre_id != uow.device.centre_id:
        raise NotFound(CAMP_UNKNOWN(), code="no_camp", field="camp_id")
    return camp


def assign_staff(uow: UnitOfWork, camp_id: uuid.UUID, staff_ids: tuple[uuid.UUID, ...]) -> list[str]:
    """Set who goes to the camp (replacing the list): they are the accounts a camp laptop checks it can sign in."""
    uow.require(Action.MANAGE_CAMPS)
    camp = _camp(uow, camp_id)
    if camp.closed_at is not None:
        raise StateError(CAMP_ALREADY_CLOSED(code=camp.code), code="camp_closed")
    staff = _checked_staff(uow, staff_ids)
    before = list(camp.staff_ids or [])
    camp.staff_ids = staff
    uow.audit("assign_camp_staff", camp, before=before, after=staff)
    return staff


@dataclass(frozen=True, slots=True)
class ClosedCamp:
    code: str
    collected: int
    received: int
    missing: tuple[str, ...]
    extra: tuple[str, ...]
    mismatched: tuple[str, ...]


def close_after_reconciliation(uow: UnitOfWork, camp_id: uuid.UUID, scanned: list[str]) -> ClosedCamp:
    """Record the reconciliation of the bags that arrived (the scans) against those collected, and close the camp.

    Missing, extra and mismatched bags do not stop the closing: they are recorded in the audit trail for the
    quality officer to follow up (a missing bag's donation stays on record; it never reaches the shelves unscanned,
    because separation needs the bag in hand)."""
    from bbms_desktop.services import camp_views  # the view reads; this records (no import cycle at module load)

    actor = uow.require(Action.MANAGE_CAMPS)
    camp = _camp(uow, camp_id)
    if camp.closed_at is not None:
        raise StateError(CAMP_ALREADY_CLOSED(code=camp.code), code="camp_closed")
    result = camp_views.reconcile(uow.session, camp_id, scanned)
    camp.closed_at = uow.now
    uow.audit(
        "reconcile_camp",
        camp,
        by=str(actor.user_id),
        collected=len(result.collected),
        received=[line.din for line in result.received],
        missing=[line.din for line in result.missing],
        extra=[line.din for line in result.extra],
        mismatched=[line.din for line in result.mismatched],
        unreadable=list(result.unreadable),
    )
    return ClosedCamp(
        camp.code,
        len(result.collected),
        len(result.received),
        tuple(line.din for line in result.missing),
        tuple(line.din for line in result.extra),
        tuple(line.din for line in result.mismatched),
    )


def din_of_scan(text: str) -> str | None:
    """The DIN of a scanned or typed bag label, or None when it is not one."""
    try:
        return isbt128.parse(text).din
    except InvalidInput:
        return None
