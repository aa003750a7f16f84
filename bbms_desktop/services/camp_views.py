"""The camps page's list: every camp of the centre, upcoming first, with how many donors it has seen so far."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from bbms_desktop.models import Camp, Donation, ScreeningVisit


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
        )
        for camp, n_screened, n_collected in rows
    ]
