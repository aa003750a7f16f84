"""What the dashboard shows at a glance: usable stock, today's work at the counter, and what waits for a person.

Read-only queries returning plain values; the stock figures are ``components.stock`` itself, so the dashboard and the
inventory never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from bbms_desktop.models import DeadLetter, Donation, Donor, ScreeningVisit
from bbms_desktop.rules.vocabulary import ScreeningOutcome
from bbms_desktop.services import components
from bbms_desktop.services.components import StockSummary
from bbms_desktop.services.donors import local_date


@dataclass(frozen=True, slots=True)
class TodayFigures:
    """The centre's calendar day so far (this machine's time zone)."""

    day: date
    screened: int  # screening visits recorded today
    deferred: int  # ... of which the donor was deferred
    collections: int  # donations collected today (voided ones not counted)
    collected_ml: int


@dataclass(frozen=True, slots=True)
class Dashboard:
    stock: StockSummary
    today: TodayFigures
    dead_letters: int  # changes the central server refused that nobody has dealt with yet
    donors_to_review: int  # donors flagged for a person to check (sync conflicts, imported possible duplicates)


def day_bounds(moment: datetime) -> tuple[datetime, datetime]:
    """The start and end (exclusive) of the local calendar day of ``moment``, as aware datetimes."""
    day = local_date(moment)
    zone = moment.astimezone().tzinfo
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


def today_figures(session: Session, now: datetime) -> TodayFigures:
    start, end = day_bounds(now)
    visits = session.execute(
        select(ScreeningVisit.outcome, func.count())
        .where(ScreeningVisit.visited_at >= start, ScreeningVisit.visited_at < end, ScreeningVisit.voided_at.is_(None))
        .group_by(ScreeningVisit.outcome)
    ).all()
    by_outcome = {ScreeningOutcome(outcome): count for outcome, count in visits}
    collections, volume = session.execute(
        select(func.count(), func.coalesce(func.sum(Donation.collected_volume_ml), 0)).where(
            Donation.collected_at >= start, Donation.collected_at < end, Donation.voided_at.is_(None)
        )
    ).one()
    return TodayFigures(
        day=local_date(now),
        screened=sum(by_outcome.values()),
        deferred=by_outcome.get(ScreeningOutcome.DEFERRED, 0),
        collections=int(collections),
        collected_ml=int(volume),
    )


def unresolved_dead_letters(session: Session) -> int:
    return int(
        session.scalar(select(func.count()).select_from(DeadLetter).where(DeadLetter.resolved_at.is_(None))) or 0
    )


def donors_to_review(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Donor)
            .where(Donor.needs_review == true(), Donor.voided_at.is_(None), Donor.merged_into_id.is_(None))
        )
        or 0
    )


def dashboard(session: Session, now: datetime) -> Dashboard:
    return Dashboard(
        stock=components.stock(session, now),
        today=today_figures(session, now),
        dead_letters=unresolved_dead_letters(session),
        donors_to_review=donors_to_review(session),
    )
