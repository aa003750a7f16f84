"""Read-only views of training: each exercise's live checklist in one sandbox, and the trainer's class summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bbms_desktop.i18n import Msg, Text
from bbms_desktop.models import AuditEvent, User
from bbms_desktop.services import training
from bbms_desktop.services.profile import open_profile


@dataclass(frozen=True, slots=True)
class StepState:
    label: Text
    done: bool


@dataclass(frozen=True, slots=True)
class ExerciseProgress:
    exercise_id: str
    title: Msg
    who: Msg
    brief: Text | None  # None until started: the scenario's facts exist only then
    started_at: datetime | None
    started_by: str | None
    steps: tuple[StepState, ...]

    @property
    def done_steps(self) -> int:
        return sum(step.done for step in self.steps)

    @property
    def finished(self) -> bool:
        return self.started_at is not None and all(step.done for step in self.steps)


def starts(session: Session) -> dict[str, training.Started]:
    """The latest start of each exercise in this sandbox (a restart supersedes the earlier one)."""
    rows = session.execute(
        select(AuditEvent.details, AuditEvent.at, User.username)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .where(AuditEvent.action == training.STARTED)
        .order_by(AuditEvent.device_seq)
    ).all()
    latest: dict[str, training.Started] = {}
    for details, at, username in rows:
        moment = at if at.tzinfo else at.replace(tzinfo=UTC)
        latest[details["exercise"]] = training.Started(details["exercise"], moment, dict(details["facts"]), username)
    return latest


def progress(session: Session) -> list[ExerciseProgress]:
    """Every exercise with its checklist as the sandbox's data stands now."""
    begun = starts(session)
    out = []
    for exercise in training.EXERCISES:
        started = begun.get(exercise.id)
        if started is None:
            steps = tuple(StepState(check.label(**_blank(check.label)), False) for check in exercise.checks)
            out.append(ExerciseProgress(exercise.id, exercise.title, exercise.who, None, None, None, steps))
            continue
        facts = _shown(started.facts)
        steps = tuple(StepState(check.label(**facts), check.done(session, started)) for check in exercise.checks)
        out.append(
            ExerciseProgress(
                exercise.id, exercise.title, exercise.who, exercise.brief(**facts), started.at, started.by, steps
            )
        )
    return out


def _shown(facts: dict[str, object]) -> dict[str, object]:
    """Facts as a trainee reads them: the DIN eye-readable, the date of birth day-month-year."""
    from bbms_desktop.rules import isbt128

    shown = dict(facts)
    for key in ("din", "bag_din"):
        if isinstance(shown.get(key), str):
            shown[key] = isbt128.format_eye_readable(str(shown[key]))
    if isinstance(shown.get("born"), str):
        year, month, day = str(shown["born"]).split("-")
        shown["born"] = f"{day}-{month}-{year}"
    if isinstance(shown.get("mobile"), str):
        mobile = str(shown["mobile"])
        shown["mobile"] = f"{mobile[:5]} {mobile[5:]}"
    return shown


def _blank(msg: Msg) -> dict[str, str]:
    """Before an exercise starts, its steps show with "…" where the scenario's names and numbers will be."""
    import string

    return {name: "…" for _, name, _, _ in string.Formatter().parse(msg.source) if name}


# --- the trainer's summary -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TraineeSummary:
    name: str
    path: Path
    exercises: tuple[ExerciseProgress, ...]

    @property
    def finished(self) -> int:
        return sum(e.finished for e in self.exercises)


def class_summary(folder: Path) -> list[TraineeSummary]:
    """Who finished what, across every sandbox of the class (each read in its own snapshot)."""
    out = []
    for member in training.sandboxes(folder):
        db = open_profile(member.path)
        try:
            with db.read() as session:
                out.append(TraineeSummary(member.name, member.path, tuple(progress(session))))
        finally:
            db.dispose()
    return out


def summary_json(folder: Path, language: str = "en") -> dict[str, object]:
    """The class summary as plain data (the ``training summary`` command)."""
    return {
        "class": str(folder),
        "exercises": [e.id for e in training.EXERCISES],
        "trainees": [
            {
                "name": trainee.name,
                "finished": trainee.finished,
                "exercises": {
                    e.exercise_id: {
                        "status": "finished" if e.finished else "started" if e.started_at else "not started",
                        "steps_done": e.done_steps,
                        "steps": len(e.steps),
                        "started_at": e.started_at.isoformat() if e.started_at else None,
                        "title": e.title.render(language),
                    }
                    for e in trainee.exercises
                },
            }
            for trainee in class_summary(folder)
        ],
    }
