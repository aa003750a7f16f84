"""Counts of what a profile holds, for the ``stats`` command, the dashboard and the benchmarks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bbms_desktop.models import SYNCED_MODELS, DeadLetter, OpState, OutboxOp


def counts(session: Session) -> dict[str, Any]:
    """Rows per synced entity, pending outbox ops and unresolved dead letters."""
    entities = {model.__tablename__: session.scalar(select(func.count()).select_from(model)) for model in SYNCED_MODELS}
    return {
        "entities": entities,
        "outbox_pending": session.scalar(
            select(func.count()).select_from(OutboxOp).where(OutboxOp.state == OpState.PENDING)
        ),
        "dead_letters": session.scalar(
            select(func.count()).select_from(DeadLetter).where(DeadLetter.resolved_at.is_(None))
        ),
    }
