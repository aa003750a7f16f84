"""Training without the window: exercises only in a sandbox, checklists that start open, sandboxes of a class, the
``--training`` and ``training`` commands (a real profile is never opened or reset as a sandbox)."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import func, select

from bbms_desktop.cli import main
from bbms_desktop.errors import DomainError, NotPermitted
from bbms_desktop.models import AuditEvent, Donor
from bbms_desktop.services import accounts, training, training_views
from bbms_desktop.services.demo_data import DEMO_PASSWORD
from bbms_desktop.services.profile import DATABASE_FILE, open_profile
from tests.training_fixtures import real_centre_profile


def test_an_exercise_never_starts_in_a_real_centres_database(db, admin):
    before = {model: _count(db, model) for model in (AuditEvent, Donor)}
    for exercise in training.EXERCISES:
        with pytest.raises(NotPermitted) as refused, db.unit_of_work(admin) as uow:
            training.start_exercise(uow, exercise.id)
        assert refused.value.code == "not_a_sandbox"
    assert {model: _count(db, model) for model in (AuditEvent, Donor)} == before


def _count(db, model) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_every_checklist_starts_open_and_the_summary_shows_who_started_what(classroom):
    sandbox = open_profile(classroom / "Asha")
    try:
        trainer = accounts.authenticate(sandbox, "trainer", DEMO_PASSWORD)
        for exercise in training.EXERCISES:
            with sandbox.unit_of_work(trainer) as uow:
                training.start_exercise(uow, exercise.id)
        with sandbox.read() as session:
            progress = training_views.progress(session)
        # the scenario is written, but nothing the trainee must do is done: no step is green before they act
        assert [p.exercise_id for p in progress] == [e.id for e in training.EXERCISES]
        assert all(p.started_at is not None and p.done_steps == 0 for p in progress)
    finally:
        sandbox.dispose()
    summary = training_views.summary_json(classroom)
    statuses = {t["name"]: {e["status"] for e in t["exercises"].values()} for t in summary["trainees"]}
    assert statuses == {"Asha": {"started"}, "Ravi": {"not started"}}


def test_trainee_names_stay_inside_the_class_folder(classroom):
    for bad in ("../escape", "_template", ".hidden", "a/b", "", "x" * 41):
        with pytest.raises(DomainError):
            training.add_trainee(classroom, bad)
    assert training.add_trainee(classroom, "रवि कुमार").path == classroom / "रवि कुमार"
    with pytest.raises(DomainError):
        training.add_trainee(classroom, "Asha")  # one sandbox a trainee


def test_the_training_commands_refuse_a_real_profile_and_report_the_class(classroom, tmp_path, capsys):
    real = tmp_path / "real"
    real_centre_profile(real)
    before = (real / DATABASE_FILE).read_bytes()

    # --training never opens a real centre's profile as a sandbox (refused before any window)
    assert main(["--training", "--profile", str(real)]) == 2
    assert "--training opens only a training sandbox" in capsys.readouterr().err
    assert main(["--training", "--profile", str(classroom / training.TEMPLATE_DIR)]) == 2  # nor the template
    assert "pristine template: it is never opened" in capsys.readouterr().err

    assert main(["training", "reset", "--class", str(classroom), "--trainee", "Asha"]) == 0
    assert json.loads(capsys.readouterr().out)["reset"] == ["Asha"]
    assert main(["training", "add", "--class", str(classroom), "--trainee", "Meera"]) == 0
    assert json.loads(capsys.readouterr().out)["trainee"] == "Meera"
    assert main(["training", "summary", "--class", str(classroom)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert [t["name"] for t in summary["trainees"]] == ["Asha", "Meera", "Ravi"]
    assert summary["exercises"] == [e.id for e in training.EXERCISES]
    assert (real / DATABASE_FILE).read_bytes() == before


def test_the_camp_exercise_starts_at_any_hour_even_just_after_midnight(classroom, tmp_path):
    import shutil
    from datetime import date, datetime, time

    from bbms_desktop.models import Camp, Donation

    copy = tmp_path / "night-shift"
    copy.mkdir()
    shutil.copyfile(classroom / training.TEMPLATE_DIR / DATABASE_FILE, copy / DATABASE_FILE)
    sandbox = open_profile(copy)
    try:
        trainer = accounts.authenticate(sandbox, "trainer", DEMO_PASSWORD)
        five_past_midnight = datetime.combine(date.today(), time(0, 5)).astimezone()
        with sandbox.unit_of_work(trainer, five_past_midnight) as uow:
            started = training.start_exercise(uow, "reconcile_camp")
        with sandbox.read() as session:
            camp = session.get(Camp, uuid.UUID(started.facts["camp_id"]))
            bags = session.scalars(select(Donation.din).where(Donation.camp_id == camp.id)).all()
            scenario = [*started.facts["arrived_dins"], started.facts["missing_din"], started.facts["stray_din"]]
            latest = max(session.scalars(select(Donation.collected_at).where(Donation.din.in_(scenario))).all())
        assert latest <= five_past_midnight  # every bag of the scenario was bled before it started, none "tomorrow"
        assert camp.starts_on < camp.ends_on == date.today()
        assert sorted(bags) == sorted([*started.facts["arrived_dins"], started.facts["missing_din"]])
    finally:
        sandbox.dispose()


@pytest.mark.parametrize("hour_minute", [(0, 5), (1, 0), (3, 10)])
def test_every_exercise_starts_in_the_small_hours(classroom, tmp_path, hour_minute):
    """A bag prepared for an exercise was bled an hour or three ago: after midnight its registration and screening
    would fall on the evening before and collection refuses a screening of another day. Night-shift training
    sessions must still start (the donor came in late the evening before)."""
    import shutil
    from datetime import date, datetime, time

    copy = tmp_path / f"night-{hour_minute[0]}-{hour_minute[1]}"
    copy.mkdir()
    shutil.copyfile(classroom / training.TEMPLATE_DIR / DATABASE_FILE, copy / DATABASE_FILE)
    sandbox = open_profile(copy)
    try:
        trainer = accounts.authenticate(sandbox, "trainer", DEMO_PASSWORD)
        moment = datetime.combine(date.today(), time(*hour_minute)).astimezone()
        for exercise in training.EXERCISES:
            with sandbox.unit_of_work(trainer, moment) as uow:
                training.start_exercise(uow, exercise.id)
    finally:
        sandbox.dispose()
