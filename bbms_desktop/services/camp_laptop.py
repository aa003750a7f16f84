"""A camp laptop: what it must carry to run a camp for days with no link, and whether it does (docs/camps.md).

The laptop is an enrolled device of the centre. While at the centre it syncs (so it holds the centre's staff with
their password hashes for offline sign-in, the shared donor registry and every centre's deferrals), then
``sync.camp.prepare_camp`` takes number blocks from the server big enough for the camp, tagged with the camp, and
records the camp on the profile. This module is the local, network-free half: how many numbers a camp needs, what
the laptop holds, and the readiness check the CLI and the settings page show.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bbms_desktop.errors import NotFound, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Text
from bbms_desktop.models import Camp, Deferral, DeviceState, Donor, NumberBlock, OpState, OutboxOp, User
from bbms_desktop.services import numbering

CAMP_CODE_UNKNOWN = QT_TRANSLATE_NOOP(
    "CampLaptop", "No camp {code} on this laptop: plan it at the centre, sync, and try again."
)
CAMP_CLOSED = QT_TRANSLATE_NOOP("CampLaptop", "Camp {code} is closed: it cannot be prepared again.")
CAMP_OVER = QT_TRANSLATE_NOOP("CampLaptop", "Camp {code} ended on {ends}: prepare a laptop for a camp still to come.")
NO_STAFF = QT_TRANSLATE_NOOP("CampLaptop", "No staff are assigned to camp {code}: assign them on the Camps page first.")
STAFF_MISSING = QT_TRANSLATE_NOOP(
    "CampLaptop", "{count} staff member(s) of camp {code} cannot sign in on this laptop (not synced or inactive)."
)
OUTBOX_PENDING = QT_TRANSLATE_NOOP("CampLaptop", "{count} change(s) have not reached the server yet.")
NUMBERS_SHORT = QT_TRANSLATE_NOOP("CampLaptop", "Only {left} {series} left for the {needed} the camp may need.")

# How many numbers a camp laptop carries: the expected donors and a margin (more come than are expected, and a bag
# can be spoilt), or a full day's session a day when nobody knows how many will come. A local operational choice,
# not a regulation.
MARGIN = 0.5
MINIMUM = 100
UNKNOWN_PER_DAY = 300


def numbers_needed(expected_donors: int | None, starts_on: date, ends_on: date) -> int:
    days = (ends_on - starts_on).days + 1
    base = expected_donors if expected_donors else UNKNOWN_PER_DAY * days
    return max(MINIMUM, math.ceil(base * (1 + MARGIN)))


def series_for(camp: Camp) -> list[str]:
    """The number series a camp draws on: donor numbers, and the DINs of each calendar year it runs in."""
    years = range(camp.starts_on.year, camp.ends_on.year + 1)
    return ["donor", *(numbering.din_series(year) for year in years)]


def numbers_left(session: Session, device_id: uuid.UUID, series: str) -> int:
    left = session.scalar(
        select(func.coalesce(func.sum(NumberBlock.last - NumberBlock.next + 1), 0)).where(
            NumberBlock.holder_device_id == device_id,
            NumberBlock.series == series,
            NumberBlock.next <= NumberBlock.last,
        )
    )
    return int(left or 0)


def find_camp(session: Session, code: str) -> Camp:
    camp = session.scalar(select(Camp).where(Camp.code == code.strip().upper(), Camp.voided_at.is_(None)))
    if camp is None:
        raise NotFound(CAMP_CODE_UNKNOWN(code=code), code="no_camp", field="camp")
    return camp


def check_preparable(camp: Camp, today: date) -> None:
    if camp.closed_at is not None:
        raise StateError(CAMP_CLOSED(code=camp.code), code="camp_closed")
    if camp.ends_on < today:
        raise StateError(CAMP_OVER(code=camp.code, ends=camp.ends_on), code="camp_over")
    if not camp.staff_ids:
        raise StateError(NO_STAFF(code=camp.code), code="no_staff")


@dataclass(frozen=True, slots=True)
class SeriesReadiness:
    series: str
    needed: int
    left: int
    camp_block: tuple[int, int] | None  # the block reserved for this camp (first, last), if any


@dataclass(frozen=True, slots=True)
class Readiness:
    camp_id: uuid.UUID
    camp_code: str
    camp_name: str
    starts_on: date
    ends_on: date
    prepared_at: datetime | None
    staff: tuple[str, ...]  # names of the camp's staff who can sign in here
    staff_missing: int
    donors: int  # the registry this laptop holds (every centre's, registry fields only for others)
    deferrals: int  # every centre's deferrals
    pending_ops: int
    series: tuple[SeriesReadiness, ...]
    problems: tuple[Text, ...] = field(default=())

    @property
    def ready(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, object]:
        return {
            "camp": self.camp_code,
            "ready": self.ready,
            "prepared_at": self.prepared_at.isoformat() if self.prepared_at else None,
            "staff": list(self.staff),
            "staff_missing": self.staff_missing,
            "donors": self.donors,
            "deferrals": self.deferrals,
            "pending_ops": self.pending_ops,
            "numbers": {
                s.series: {"needed": s.needed, "left": s.left, "camp_block": s.camp_block} for s in self.series
            },
            "problems": [problem.render() for problem in self.problems],
        }


def readiness(session: Session, camp_id: uuid.UUID | None = None) -> Readiness | None:
    """What this laptop holds for its camp (``camp_id``, default: the camp the profile was prepared for)."""
    state = session.get(DeviceState, 1)
    assert state is not None
    camp_id = camp_id or state.camp_id
    if camp_id is None:
        return None
    camp = session.get(Camp, camp_id)
    if camp is None:
        return None
    staff = [session.get(User, uuid.UUID(str(user_id))) for user_id in camp.staff_ids or []]
    usable = [u for u in staff if u is not None and u.active and u.password_hash and u.centre_id == state.centre_id]
    pending = session.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.state == OpState.PENDING))
    needed = numbers_needed(camp.expected_donors, camp.starts_on, camp.ends_on)
    series = []
    problems: list[Text] = []
    labels = numbering.SERIES_LABELS
    for name in series_for(camp):
        block = session.execute(
            select(NumberBlock.first, NumberBlock.last).where(
                NumberBlock.holder_device_id == state.device_id,
                NumberBlock.series == name,
                NumberBlock.camp_id == camp.id,
            )
        ).first()
        left = numbers_left(session, state.device_id, name)
        series.append(SeriesReadiness(name, needed, left, (block.first, block.last) if block else None))
        if left < needed:
            problems.append(NUMBERS_SHORT(left=left, series=labels[name.split(":")[0]], needed=needed))
    if not staff:
        problems.append(NO_STAFF(code=camp.code))
    elif len(usable) < len(staff):
        problems.append(STAFF_MISSING(count=len(staff) - len(usable), code=camp.code))
    if pending:
        problems.append(OUTBOX_PENDING(count=pending))
    return Readiness(
        camp_id=camp.id,
        camp_code=camp.code,
        camp_name=camp.name,
        starts_on=camp.starts_on,
        ends_on=camp.ends_on,
        prepared_at=state.camp_prepared_at if state.camp_id == camp.id else None,
        staff=tuple(u.full_name for u in usable),
        staff_missing=len(staff) - len(usable),
        donors=session.scalar(select(func.count()).select_from(Donor).where(Donor.voided_at.is_(None))) or 0,
        deferrals=session.scalar(select(func.count()).select_from(Deferral)) or 0,
        pending_ops=pending or 0,
        series=tuple(series),
        problems=tuple(problems),
    )
