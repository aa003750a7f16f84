"""Read views of camps: the camps page's list (upcoming first, with how many donors each has seen so far), a camp's
dashboard, and the reconciliation of the bags that arrive at the centre against those collected."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from bbms_desktop.errors import NotFound
from bbms_desktop.i18n import Msg
from bbms_desktop.models import Camp, DeviceState, Donation, Donor, ScreeningVisit, User
from bbms_desktop.rules import eligibility
from bbms_desktop.rules.roles import PERMISSIONS, Role
from bbms_desktop.rules.vocabulary import ScreeningOutcome
from bbms_desktop.services import camp_laptop
from bbms_desktop.services.camps import CAMP_UNKNOWN, CAMP_WORK, din_of_scan


@dataclass(frozen=True, slots=True)
class CampRow:
    id: uuid.UUID
    code: str
    name: str
    venue: str
    starts_on: date
    ends_on: date
    district: str | None
    state: str | None
    organiser: str | None
    organiser_mobile: str | None
    expected_donors: int | None
    screened: int  # donors screened at the camp
    collected: int  # donations collected at the camp
    closed: bool
    staff_ids: tuple[uuid.UUID, ...] = ()

    def when(self, today: date) -> str:
        """ "upcoming", "today" (running) or "past"."""
        if self.ends_on < today:
            return "past"
        return "upcoming" if self.starts_on > today else "today"


def camps(session: Session, today: date, limit: int = 500) -> list[CampRow]:
    """Camps not voided: those running or to come first (soonest first), then past ones (latest first)."""
    screened = (
        select(ScreeningVisit.camp_id, func.count().label("n"))
        .where(ScreeningVisit.camp_id.is_not(None), ScreeningVisit.voided_at.is_(None))
        .group_by(ScreeningVisit.camp_id)
        .subquery()
    )
    collected = (
        select(Donation.camp_id, func.count().label("n"))
        .where(Donation.camp_id.is_not(None), Donation.voided_at.is_(None))
        .group_by(Donation.camp_id)
        .subquery()
    )
    past = Camp.ends_on < today
    rows = session.execute(
        select(Camp, func.coalesce(screened.c.n, 0), func.coalesce(collected.c.n, 0))
        .outerjoin(screened, screened.c.camp_id == Camp.id)
        .outerjoin(collected, collected.c.camp_id == Camp.id)
        .where(Camp.voided_at.is_(None))
        .order_by(
            case((past, 1), else_=0),
            case((past, None), else_=Camp.starts_on),
            Camp.starts_on.desc(),
            Camp.code,
        )
        .limit(limit)
    ).all()
    return [
        CampRow(
            id=camp.id,
            code=camp.code,
            name=camp.name,
            venue=camp.venue,
            starts_on=camp.starts_on,
            ends_on=camp.ends_on,
            district=camp.district,
            state=camp.state,
            organiser=camp.organiser,
            organiser_mobile=camp.organiser_mobile,
            expected_donors=camp.expected_donors,
            screened=int(n_screened),
            collected=int(n_collected),
            closed=camp.closed_at is not None,
            staff_ids=tuple(uuid.UUID(str(user_id)) for user_id in camp.staff_ids or ()),
        )
        for camp, n_screened, n_collected in rows
    ]


# --------------------------------------------------------------------------------------------------------------------
# The camp dashboard: registered, deferred (by reason), collected (by group once known), adverse reactions


_REASON_FIELDS = {
    "AGE": "date_of_birth",
    "WEIGHT": "weight_kg",
    "HB": "haemoglobin_g_dl",
    "SYSTOLIC": "systolic_mmhg",
    "DIASTOLIC": "diastolic_mmhg",
    "PULSE": "pulse_per_min",
    "TEMPERATURE": "temperature_c",
    "INTERVAL": "last_whole_blood",
    "APHERESIS": "apheresis_dates",
    "DEFERRAL": "deferrals",
}


def reason_label(code: str) -> Msg | str:
    """What a deferral reason code is about, as a person reads it (the code itself when it is a centre's own)."""
    question = eligibility.QUESTION_BY_CODE.get(code.lower())
    if question is not None:
        return question.topic
    field = _REASON_FIELDS.get(code.split("_", 1)[0])
    return eligibility.LABELS[field] if field else code


@dataclass(frozen=True, slots=True)
class CampDashboard:
    camp_id: uuid.UUID
    code: str
    name: str
    expected: int | None
    registered: int  # new donors registered at the camp
    returning: int  # donors already on the registry who came to the camp
    pledged: int  # signed up to donate another day
    screened: int  # screening visits at the camp
    deferred: int  # visits that ended in a deferral
    deferred_by_reason: tuple[tuple[str, int], ...]  # reason code, visits; most frequent first
    collected: int
    collected_by_group: tuple[tuple[str | None, int], ...]  # None: not grouped by the laboratory yet
    reactions: int
    reactions_by_kind: tuple[tuple[str, int], ...]


def camp_dashboard(session: Session, camp_id: uuid.UUID) -> CampDashboard:
    """The camp's figures, from this machine's records (the camp laptop's own, or the centre's after sync)."""
    camp = session.get(Camp, camp_id)
    if camp is None:
        raise NotFound(CAMP_UNKNOWN(), code="no_camp")
    visits = session.execute(
        select(ScreeningVisit.donor_id, ScreeningVisit.outcome, ScreeningVisit.reason_codes).where(
            ScreeningVisit.camp_id == camp_id, ScreeningVisit.voided_at.is_(None)
        )
    ).all()
    registered = set(
        session.scalars(select(Donor.id).where(Donor.registered_camp_id == camp_id, Donor.voided_at.is_(None)))
    )
    pledged = session.scalar(
        select(func.count()).select_from(Donor).where(Donor.pledged_camp_id == camp_id, Donor.voided_at.is_(None))
    )
    reasons: Counter[str] = Counter()
    deferred = 0
    for _donor, outcome, codes in visits:
        if outcome == ScreeningOutcome.DEFERRED:
            deferred += 1
            reasons.update(set(codes or []))
    returning = {donor for donor, _outcome, _codes in visits} - registered
    donations = session.execute(
        select(Donor.blood_group, Donation.adverse_reaction)
        .join(Donor, Donor.id == Donation.donor_id)
        .where(Donation.camp_id == camp_id, Donation.voided_at.is_(None))
    ).all()
    groups = Counter(group for group, _reaction in donations)
    reactions = Counter(str(reaction) for _group, reaction in donations if reaction is not None)
    return CampDashboard(
        camp_id=camp.id,
        code=camp.code,
        name=camp.name,
        expected=camp.expected_donors,
        registered=len(registered),
        returning=len(returning),
        pledged=pledged or 0,
        screened=len(visits),
        deferred=deferred,
        deferred_by_reason=tuple(reasons.most_common()),
        collected=len(donations),
        collected_by_group=tuple(sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or ""))),
        reactions=sum(reactions.values()),
        reactions_by_kind=tuple(reactions.most_common()),
    )


# --------------------------------------------------------------------------------------------------------------------
# Back at the centre: the bags that arrived (scanned) against the bags collected


@dataclass(frozen=True, slots=True)
class BagLine:
    din: str
    donor_number: str | None
    collected_at: datetime | None
    where: str | None  # for a mismatched bag: the camp code it was recorded at, or None for the centre itself
    voided: bool = False  # for a mismatched bag: its donation was voided


@dataclass(frozen=True, slots=True)
class Reconciliation:
    collected: tuple[BagLine, ...]  # every donation recorded at the camp
    received: tuple[BagLine, ...]  # collected and scanned
    missing: tuple[BagLine, ...]  # collected, not scanned
    extra: tuple[BagLine, ...]  # scanned, no donation on record with this DIN
    mismatched: tuple[BagLine, ...]  # scanned, but recorded elsewhere (another camp, the centre) or voided
    repeated: tuple[str, ...]  # DINs scanned more than once (counted once)
    unreadable: tuple[str, ...]  # scans that are not a DIN

    @property
    def complete(self) -> bool:
        return not (self.missing or self.extra or self.mismatched)


def reconcile(session: Session, camp_id: uuid.UUID, scanned: Sequence[str]) -> Reconciliation:
    """Compare the scans of the bags that arrived with the camp's donations on this machine."""
    rows = session.execute(
        select(Donation.din, Donor.donor_number, Donation.collected_at)
        .join(Donor, Donor.id == Donation.donor_id)
        .where(Donation.camp_id == camp_id, Donation.voided_at.is_(None))
        .order_by(Donation.din)
    ).all()
    collected = {din: BagLine(din, number, at, None) for din, number, at in rows}
    seen: dict[str, None] = {}  # in scan order
    repeated: list[str] = []
    unreadable: list[str] = []
    for text in scanned:
        din = din_of_scan(text)
        if din is None:
            unreadable.append(text.strip())
        elif din in seen:
            repeated.append(din)
        else:
            seen[din] = None
    elsewhere = [din for din in seen if din not in collected]
    found: dict[str, BagLine] = {}
    for start in range(0, len(elsewhere), 500):
        chunk = elsewhere[start : start + 500]
        for din, number, at, code, voided in session.execute(
            select(Donation.din, Donor.donor_number, Donation.collected_at, Camp.code, Donation.voided_at)
            .join(Donor, Donor.id == Donation.donor_id)
            .outerjoin(Camp, Camp.id == Donation.camp_id)
            .where(Donation.din.in_(chunk))
        ):
            found[din] = BagLine(din, number, at, code, voided is not None)
    return Reconciliation(
        collected=tuple(collected.values()),
        received=tuple(collected[din] for din in seen if din in collected),
        missing=tuple(line for din, line in collected.items() if din not in seen),
        extra=tuple(BagLine(din, None, None, None) for din in elsewhere if din not in found),
        mismatched=tuple(found[din] for din in elsewhere if din in found),
        repeated=tuple(repeated),
        unreadable=tuple(unreadable),
    )


@dataclass(frozen=True, slots=True)
class RunningCamp:
    id: uuid.UUID
    code: str
    name: str
    prepared_here: bool  # the camp this laptop was prepared for


def running_camps(session: Session, today: date) -> list[RunningCamp]:
    """The camps open and running today, the one this laptop was prepared for first."""
    state = session.get(DeviceState, 1)
    prepared = state.camp_id if state is not None else None
    rows = session.execute(
        select(Camp.id, Camp.code, Camp.name)
        .where(Camp.voided_at.is_(None), Camp.closed_at.is_(None), Camp.starts_on <= today, Camp.ends_on >= today)
        .order_by(Camp.starts_on, Camp.code)
    ).all()
    found = [RunningCamp(camp_id, code, name, camp_id == prepared) for camp_id, code, name in rows]
    return sorted(found, key=lambda camp: not camp.prepared_here)


@dataclass(frozen=True, slots=True)
class StaffChoice:
    id: uuid.UUID
    full_name: str
    role: str


def camp_staff_choices(session: Session, centre_id: uuid.UUID) -> list[StaffChoice]:
    """The centre's active staff who can do camp work (register, screen or bleed), by name."""
    rows = session.execute(
        select(User.id, User.full_name, User.role)
        .where(User.centre_id == centre_id, User.active.is_(True))
        .order_by(User.full_name)
    ).all()
    return [StaffChoice(user_id, name, role) for user_id, name, role in rows if PERMISSIONS[Role(role)] & CAMP_WORK]


@dataclass(frozen=True, slots=True)
class CampDetail:
    dashboard: CampDashboard
    staff_choices: tuple[StaffChoice, ...]
    enrolled: bool  # this profile syncs with a server, so it can be prepared as the camp's laptop
    readiness: camp_laptop.Readiness | None  # when this laptop was prepared for the camp


def camp_detail(session: Session, camp_id: uuid.UUID, centre_id: uuid.UUID) -> CampDetail:
    """What the camps page shows for the selected camp: its figures, who may go, and this laptop's readiness."""
    state = session.get(DeviceState, 1)
    prepared_here = state is not None and state.camp_id == camp_id
    return CampDetail(
        camp_dashboard(session, camp_id),
        tuple(camp_staff_choices(session, centre_id)),
        state is not None and state.server_url is not None,
        camp_laptop.readiness(session, camp_id) if prepared_here else None,
    )
