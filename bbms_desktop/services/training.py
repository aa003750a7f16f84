"""Training mode: a class of sandboxes made from one pristine seeded template, exercises, reset, the trainer's summary.

A **class folder** holds ``_template/`` (a training centre filled with demo data, never opened by a trainee) and one
profile folder per trainee, each a copy of the template. A sandbox is a profile whose centre and device are both marked
``is_training``; such a profile never syncs (``sync.client`` refuses before any network contact, the server refuses a
training device at a production centre), so practice never reaches real records.

**Reset** copies the template over a sandbox's database with SQLite's online backup API (one transaction on the
destination: an app that has the sandbox open sees either the old or the restored state, never a mix, and simply
re-reads). A profile that is not a training sandbox of this class is refused untouched.

**Exercises** are scripted scenarios: starting one writes the scenario's records (a donor waiting for screening, a
bag on the bench, a patient's request) at the present moment, through the ordinary services, and an audit event
``training_exercise_started`` carrying the scenario's facts. Each exercise's checklist is a set of queries over the
sandbox's own data (``training_views.progress``), so what a trainee did in the window is what turns a step green.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import select
from sqlalchemy.orm import Session

from bbms_desktop.errors import DuplicateError, InvalidInput, NotFound, NotPermitted
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg
from bbms_desktop.models import Centre, DeviceState, User
from bbms_desktop.rules import eligibility, isbt128
from bbms_desktop.rules.roles import Role
from bbms_desktop.rules.vocabulary import Urgency
from bbms_desktop.services import (
    accounts,
    camp_flow,
    camps,
    collection,
    components,
    demo_data,
    donors,
    lab,
    screening,
    transfusion,
)
from bbms_desktop.services import training_checks as _c
from bbms_desktop.services.profile import DATABASE_FILE, open_profile
from bbms_desktop.services.uow import Actor, UnitOfWork

TEMPLATE_DIR = "_template"
CLASS_FILE = "class.json"
CLASS_KIND = "bbms-training-class"
STARTED = "training_exercise_started"
DEFAULT_DONORS = 300
TRAINING_CENTRE = {
    "code": "TRAIN-BC",
    "name": "Training Blood Centre (practice only)",
    "fin": demo_data.DEMO_CENTRE["fin"],
    "district": "Pune",
    "state": "Maharashtra",
    "licence_number": "TRAINING-ONLY",
}
NAME_MAX = 40

NOT_A_SANDBOX = QT_TRANSLATE_NOOP(
    "Training", "{path} is not a training sandbox: it was left untouched. Only training sandboxes can be reset."
)
NOT_OF_THIS_CLASS = QT_TRANSLATE_NOOP(
    "Training", "{path} was not made from this class's template: it was left untouched."
)
NO_CLASS = QT_TRANSLATE_NOOP("Training", "{path} is not a training class folder (no {file} and {template}).")
CLASS_EXISTS = QT_TRANSLATE_NOOP("Training", "{path} already holds a training class.")
TRAINEE_EXISTS = QT_TRANSLATE_NOOP("Training", "The class already has a trainee called {name}.")
NO_TRAINEE = QT_TRANSLATE_NOOP("Training", "The class has no trainee called {name}.")
BAD_TRAINEE_NAME = QT_TRANSLATE_NOOP(
    "Training", "A trainee's name needs 1 to {maximum} characters, without / \\ : and not starting with . or _."
)
NOT_TRAINING_DATABASE = QT_TRANSLATE_NOOP(
    "Training", "Exercises run only in a training sandbox; this profile holds a real centre's records."
)
NO_EXERCISE = QT_TRANSLATE_NOOP("Training", "There is no exercise called {exercise}.")
NO_STAFF = QT_TRANSLATE_NOOP("Training", "This sandbox has no demo user {username}: reset it from the class template.")


CLASS_ENV = "BBMS_TRAINING_CLASS"


def default_class_folder() -> Path:
    """Where ``bbms-desktop --training`` and the first-start choice keep the class when no ``--class`` is given:
    ``$BBMS_TRAINING_CLASS`` if set (a training room's shared folder), else the user's data folder."""
    configured = os.environ.get(CLASS_ENV)
    return Path(configured) if configured else Path(user_data_dir("bbms-desktop", appauthor=False)) / "training"


# --------------------------------------------------------------------------------------------------------------------
# sandboxes: is this profile one?


@dataclass(frozen=True, slots=True)
class SandboxFlags:
    centre_id: str | None  # as stored
    centre_training: bool
    device_training: bool
    server_url: str | None

    @property
    def is_sandbox(self) -> bool:
        return self.centre_training and self.device_training and self.server_url is None


def read_flags(database_path: Path) -> SandboxFlags | None:
    """What a database file says about itself, read without migrating or changing it (None: no such database)."""
    if not database_path.is_file():
        return None
    connection = sqlite3.connect(f"file:{database_path}?mode=ro", uri=True)
    try:
        device = connection.execute(
            "SELECT centre_id, is_training, server_url FROM device_state WHERE id = 1"
        ).fetchone()
        if device is None:
            return SandboxFlags(None, False, False, None)
        centre = connection.execute("SELECT is_training FROM centres WHERE id = ?", (device[0],)).fetchone()
    except sqlite3.DatabaseError:
        return SandboxFlags(None, False, False, None)
    finally:
        connection.close()
    return SandboxFlags(device[0], bool(centre and centre[0]), bool(device[1]), device[2])


def is_training_database(session: Session) -> bool:
    state = session.get(DeviceState, 1)
    centre = session.get(Centre, state.centre_id) if state and state.centre_id else None
    return bool(state and centre and state.is_training and centre.is_training and state.server_url is None)


# --------------------------------------------------------------------------------------------------------------------
# the class: template and trainees


@dataclass(frozen=True, slots=True)
class Sandbox:
    name: str
    path: Path


def is_class(folder: Path) -> bool:
    return (folder / CLASS_FILE).is_file() and (folder / TEMPLATE_DIR / DATABASE_FILE).is_file()


def class_of(profile: Path) -> Path | None:
    """The class folder a sandbox profile belongs to, if any."""
    parent = Path(profile).resolve().parent
    return parent if is_class(parent) and Path(profile).name != TEMPLATE_DIR else None


def _require_class(folder: Path) -> Path:
    if not is_class(folder):
        raise NotFound(NO_CLASS(path=str(folder), file=CLASS_FILE, template=TEMPLATE_DIR), code="no_class")
    return folder


def create_class(
    folder: Path,
    *,
    donors: int = DEFAULT_DONORS,
    seed: int = 1,
    trainees: tuple[str, ...] = (),
    progress: Callable[[int, int], None] | None = None,
) -> list[Sandbox]:
    """Seed the class's template (a training centre with demo data) and make a sandbox for each trainee."""
    folder = Path(folder)
    if is_class(folder):
        raise DuplicateError(CLASS_EXISTS(path=str(folder)), code="class_exists")
    for name in trainees:
        _check_name(name)
    if not (folder / TEMPLATE_DIR / DATABASE_FILE).is_file():
        _seed_template(folder, donors=donors, seed=seed, progress=progress)
    # the class file last: a folder holding it always holds a whole template (seeding ends with the rename)
    meta = {"kind": CLASS_KIND, "created_at": datetime.now(UTC).isoformat(), "donors": donors, "seed": seed}
    (folder / CLASS_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return [add_trainee(folder, name) for name in trainees]


def _seed_template(folder: Path, *, donors: int, seed: int, progress: Callable[[int, int], None] | None) -> None:
    partial = folder / f"{TEMPLATE_DIR}.partial"
    if partial.exists():
        for leftover in sorted(partial.iterdir()):  # an interrupted seeding: start it again
            if leftover.is_file():
                leftover.unlink()
    db = open_profile(partial)
    try:
        accounts.set_up_standalone(
            db,
            **TRAINING_CENTRE,
            admin_username="admin",
            admin_name="Training Administrator",
            admin_password=demo_data.DEMO_PASSWORD,
            is_training=True,
        )
        demo_data.build(db, donors=donors, seed=seed, progress=progress)
        admin = accounts.authenticate(db, "admin", demo_data.DEMO_PASSWORD)
        with db.unit_of_work(admin) as uow:  # the trainer account: every step may be demonstrated
            accounts.create_user(
                uow, username="trainer", full_name="Trainer", role=Role.TRAINER, password=demo_data.DEMO_PASSWORD
            )
    finally:
        db.dispose()
    _checkpoint(partial / DATABASE_FILE)
    partial.rename(folder / TEMPLATE_DIR)


def _checkpoint(database_path: Path) -> None:
    """Fold the write-ahead log into the file, so the template is one self-contained file."""
    connection = sqlite3.connect(database_path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _check_name(name: str) -> str:
    clean = name.strip()
    if not clean or len(clean) > NAME_MAX or clean[0] in "._" or any(ch in clean for ch in "/\\:\0"):
        raise InvalidInput(BAD_TRAINEE_NAME(maximum=NAME_MAX), field="trainee")
    return clean


def add_trainee(folder: Path, name: str) -> Sandbox:
    """A new sandbox for ``name``: a copy of the class's pristine template."""
    folder = _require_class(Path(folder))
    name = _check_name(name)
    target = folder / name
    if target.exists():
        raise DuplicateError(TRAINEE_EXISTS(name=name), code="trainee_exists", field="trainee")
    target.mkdir()
    _copy_database(folder / TEMPLATE_DIR / DATABASE_FILE, target / DATABASE_FILE)
    return Sandbox(name, target)


def sandboxes(folder: Path) -> list[Sandbox]:
    folder = _require_class(Path(folder))
    return [
        Sandbox(path.name, path)
        for path in sorted(folder.iterdir(), key=lambda p: p.name.lower())
        if path.is_dir() and path.name[0] not in "._" and (path / DATABASE_FILE).is_file()
    ]


def sandbox(folder: Path, name: str) -> Sandbox:
    path = _require_class(Path(folder)) / _check_name(name)
    if not (path / DATABASE_FILE).is_file():
        raise NotFound(NO_TRAINEE(name=name), code="no_trainee", field="trainee")
    return Sandbox(path.name, path)


def ensure_sandbox(
    folder: Path, name: str, *, donors: int = DEFAULT_DONORS, progress: Callable[[int, int], None] | None = None
) -> Sandbox:
    """The trainee's sandbox, making the class (seeding its template) and the sandbox first when missing."""
    folder = Path(folder)
    if not is_class(folder):
        create_class(folder, donors=donors, progress=progress)
    path = folder / _check_name(name)
    return Sandbox(path.name, path) if (path / DATABASE_FILE).is_file() else add_trainee(folder, name)


def _copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup: one write transaction on ``target`` (other connections wait, then see the copy)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


# --------------------------------------------------------------------------------------------------------------------
# reset


@dataclass(frozen=True, slots=True)
class ResetDone:
    name: str
    path: Path


def _resettable(profile: Path) -> Path:
    """The class template for this sandbox; refuses (untouched) anything that is not a sandbox of its class."""
    profile = Path(profile)
    folder = class_of(profile)
    flags = read_flags(profile / DATABASE_FILE)
    if flags is None or not flags.is_sandbox:
        raise NotPermitted(NOT_A_SANDBOX(path=str(profile)), code="not_a_sandbox")
    if folder is None:
        raise NotPermitted(NOT_OF_THIS_CLASS(path=str(profile)), code="not_of_this_class")
    template = folder / TEMPLATE_DIR / DATABASE_FILE
    template_flags = read_flags(template)
    if template_flags is None or not template_flags.is_sandbox or template_flags.centre_id != flags.centre_id:
        raise NotPermitted(NOT_OF_THIS_CLASS(path=str(profile)), code="not_of_this_class")
    return template


def reset_sandbox(profile: Path) -> ResetDone:
    """Restore one trainee's sandbox to the class template's state, exactly."""
    template = _resettable(profile)
    _copy_database(template, Path(profile) / DATABASE_FILE)
    return ResetDone(Path(profile).name, Path(profile))


def reset_class(folder: Path) -> list[ResetDone]:
    """Reset every trainee of the class; every sandbox is checked first, so a stray profile stops the whole reset."""
    members = sandboxes(folder)
    for member in members:
        _resettable(member.path)
    return [reset_sandbox(member.path) for member in members]


def logical_content(database_path: Path) -> Iterator[str]:
    """The database as SQL statements (schema and every row of every table), for comparing two files' content."""
    connection = sqlite3.connect(f"file:{database_path}?mode=ro", uri=True)
    try:
        yield from connection.iterdump()
    finally:
        connection.close()


# --------------------------------------------------------------------------------------------------------------------
# exercises


@dataclass(frozen=True, slots=True)
class Started:
    exercise: str
    at: datetime
    facts: dict[str, Any]
    by: str | None = None


Query = Callable[[Session, Started], bool]


@dataclass(frozen=True, slots=True)
class Check:
    label: Msg
    done: Query


@dataclass(frozen=True, slots=True)
class Exercise:
    id: str
    title: Msg
    who: Msg  # who signs in to do it
    brief: Msg  # the scenario, with the facts of the started exercise as parameters
    checks: tuple[Check, ...]
    prepare: Callable[[UnitOfWork, dict[str, Actor]], dict[str, Any]] = field(repr=False)


def _fit_form(sex: str, **readings: Any) -> screening.ScreeningForm:
    answers = {
        q.code: (not q.defers_on if q.kind == eligibility.AnswerKind.YES_NO else None)
        for q in eligibility.applicable_questions(sex, "whole_blood")
    }
    values: dict[str, Any] = {
        "weight_kg": 64.0,
        "haemoglobin_g_dl": 13.8,
        "systolic_mmhg": 120,
        "diastolic_mmhg": 78,
        "pulse_per_min": 74,
        "temperature_c": 36.8,
    }
    values.update(readings)
    return screening.ScreeningForm(
        donation_type="whole_blood", bag_volume_ml=450, pulse_regular=True, answers=answers, **values
    )


def _register(uow: UnitOfWork, form: donors.DonorForm) -> donors.RegisteredDonor:
    try:
        return donors.register_donor(uow, form)
    except donors.PossibleDuplicate:  # the exercise was started before: the same person again, on purpose
        return donors.register_donor(uow, form, acknowledged_duplicates=True)


def _person(given: str, family: str, sex: str, age: int, mobile: str, today: date) -> donors.DonorForm:
    return donors.DonorForm(
        given_name=given,
        family_name=family,
        sex=sex,
        date_of_birth=today.replace(year=today.year - age, day=min(today.day, 28)),
        mobile=mobile,
        district="Pune",
        state="Maharashtra",
        consent=True,
    )


def _triple_bag(bled: datetime) -> collection.CollectionForm:
    """A full 450 ml triple bag whose eight-minute bleed ended a minute before ``bled``."""
    return collection.CollectionForm(
        bag_type="triple",
        bag_volume_ml=450,
        collected_volume_ml=450,
        bleed_start=bled - timedelta(minutes=9),
        bleed_end=bled - timedelta(minutes=1),
        bag_lot="TRAIN-LOT",
    )


def _visit_on_one_day(bled: datetime, visit_took: timedelta) -> datetime:
    """``bled``, or a minute before its midnight when the visit (registration to bleed, ``visit_took``) would start
    the evening before: a bag prepared in the small hours is one whose donor came in late the evening before."""
    return donors.visit_on_one_day(bled - visit_took, visit_took) + visit_took


def _bag(
    uow: UnitOfWork,
    staff: dict[str, Actor],
    person: donors.DonorForm,
    *,
    collected_ago: timedelta,
    group: str,
    until: str,
) -> dict[str, Any]:
    """A donor bled ``collected_ago`` before now, the bag taken as far as ``until`` ("separated_untested",
    "verified" or "released")."""
    now = uow.now
    bled = _visit_on_one_day(now - collected_ago, timedelta(minutes=30))
    uow.set_time(bled - timedelta(minutes=30))
    uow.actor = staff["registrar"]
    donor = _register(uow, person)
    uow.set_time(bled - timedelta(minutes=20))
    uow.actor = staff["mo"]
    visit = screening.screen(uow, donor.id, _fit_form(str(person.sex)))
    uow.set_time(bled)
    uow.actor = staff["phlebotomist"]
    donation = collection.collect(uow, visit.visit_id, _triple_bag(bled))
    parts = [(code, volume) for code, volume in demo_data.PARTS["triple"]]
    if until == "separated_untested":
        uow.set_time(bled + timedelta(minutes=45))
        uow.actor = staff["component"]
        components.separate(uow, donation.id, parts, storage_location="Quarantine fridge")
    else:
        uow.set_time(bled + timedelta(minutes=25))
        uow.actor = staff["lab1"]
        recorded = lab.record_results(uow, donation.id, demo_data._result_form(group, []))
        uow.set_time(bled + timedelta(minutes=40))
        uow.actor = staff["lab2"]
        lab.verify(uow, recorded.result_set_id)
        if until == "released":
            uow.set_time(bled + timedelta(minutes=60))
            uow.actor = staff["component"]
            components.separate(uow, donation.id, parts, storage_location="Fridge 1")
    uow.set_time(now)
    return {
        "donor_id": str(donor.id),
        "donor_number": donor.donor_number,
        "donor": f"{person.given_name} {person.family_name}",
        "donation_id": str(donation.id),
        "din": donation.din,
    }


def exercise(exercise_id: str) -> Exercise:
    for candidate in EXERCISES:
        if candidate.id == exercise_id:
            return candidate
    raise NotFound(NO_EXERCISE(exercise=exercise_id), code="no_exercise")


def _staff(session: Session) -> dict[str, Actor]:
    state = session.get(DeviceState, 1)
    users = session.scalars(select(User).where(User.centre_id == (state.centre_id if state else None))).all()
    people = {user.username: Actor(user.id, user.centre_id, user.role, user.full_name) for user in users}
    for username in ("admin", "registrar", "mo", "phlebotomist", "lab1", "lab2", "component", "issue"):
        if username not in people:
            raise NotFound(NO_STAFF(username=username), code="no_demo_staff")
    return people


def start_exercise(uow: UnitOfWork, exercise_id: str) -> Started:
    """Write the exercise's scenario at the present moment and mark its start; only ever in a training sandbox."""
    chosen = exercise(exercise_id)
    if not is_training_database(uow.session):
        raise NotPermitted(NOT_TRAINING_DATABASE(), code="not_a_sandbox")
    actor = uow.actor
    facts = chosen.prepare(uow, _staff(uow.session))
    uow.actor = actor
    uow.audit(STARTED, None, exercise=chosen.id, facts=facts)
    return Started(chosen.id, uow.now, facts, actor.name if actor else None)


# --- the scenarios -------------------------------------------------------------------------------------------------


def _prepare_register(uow: UnitOfWork, _staff: dict[str, Actor]) -> dict[str, Any]:
    return {"given": "Priya", "family": "Kulkarni", "sex": "F", "born": "1996-03-12", "mobile": "9822041567"}


def _prepare_defer(uow: UnitOfWork, staff: dict[str, Actor]) -> dict[str, Any]:
    now = uow.now
    uow.set_time(now - timedelta(minutes=15))
    uow.actor = staff["registrar"]
    today = donors.local_date(now)
    donor = _register(uow, _person("Suresh", "Patil", "M", 31, "9890012345", today))
    uow.set_time(now)
    return {"donor_id": str(donor.id), "donor_number": donor.donor_number, "donor": "Suresh Patil", "hb": "11.4"}


def _prepare_hiv(uow: UnitOfWork, staff: dict[str, Actor]) -> dict[str, Any]:
    person = _person("Anil", "Jadhav", "M", 36, "9765043210", donors.local_date(uow.now))
    return _bag(uow, staff, person, collected_ago=timedelta(hours=3), group="B+", until="separated_untested")


def _prepare_separate(uow: UnitOfWork, staff: dict[str, Actor]) -> dict[str, Any]:
    person = _person("Meena", "Shinde", "F", 29, "9881122334", donors.local_date(uow.now))
    return _bag(uow, staff, person, collected_ago=timedelta(minutes=90), group="A+", until="verified")


def _prepare_issue(uow: UnitOfWork, staff: dict[str, Actor]) -> dict[str, Any]:
    person = _person("Rahul", "Pawar", "M", 40, "9850098500", donors.local_date(uow.now))
    bag = _bag(uow, staff, person, collected_ago=timedelta(days=1), group="B+", until="released")
    uow.actor = staff["issue"]
    request = transfusion.create_request(
        uow,
        transfusion.RequestForm(
            patient_name="Kamla Devi",
            patient_sex="F",
            patient_group="B+",
            hospital="Sassoon General Hospital, Pune",
            component_code="PRBC_CPDA1",
            units=1,
            urgency=Urgency.ROUTINE,
            requesting_doctor="Dr. Meena Joshi",
            doctor_registration_number="MMC-2009-4411",
            patient_age_years=34,
            patient_hospital_id="IPD-310245",
            ward="Female surgical",
            diagnosis="Anaemia before surgery",
        ),
    )
    return {
        "request_id": str(request.request_id),
        "request_number": request.request_number,
        "patient": "Kamla Devi",
        "patient_group": "B+",
        "bag_din": bag["din"],
    }


def _prepare_reconcile(uow: UnitOfWork, staff: dict[str, Actor]) -> dict[str, Any]:
    """A camp held today whose van is back: three bags collected there, two of them in the van with a bag of the
    centre's own put in by mistake; the third stayed behind."""
    now = uow.now
    today = donors.local_date(now)
    # the camp ran until today and began the day before, so its bleeds of the last hours are in it at any hour
    uow.actor = staff["admin"]
    camp = camps.plan_camp(
        uow,
        camps.CampForm(
            name="Voluntary blood donation camp, Fergusson College",
            venue="Fergusson College, Pune",
            starts_on=today - timedelta(days=1),
            ends_on=today,
            district="Pune",
            state="Maharashtra",
            organiser="NSS unit",
            expected_donors=40,
        ),
    )
    people = (("Kiran", "More", "M", 24, "9822100001"), ("Pooja", "Deshmukh", "F", 22, "9822100002"))
    people += (("Amit", "Kale", "M", 27, "9822100003"),)
    bags: list[str] = []
    for n, (given, family, sex, age, mobile) in enumerate((*people, ("Sunil", "Gaikwad", "M", 45, "9822100004"))):
        at_camp = n < len(people)  # the last donor gave at the centre: his bag is the stray one
        bled = _visit_on_one_day(now - timedelta(minutes=150 - 30 * n), timedelta(minutes=20))
        uow.set_time(bled - timedelta(minutes=20))
        uow.actor = staff["registrar"]
        form = _person(given, family, sex, age, mobile, today)
        if at_camp:
            donor = camp_flow.register_at_camp(uow, camp.id, form, acknowledged_duplicates=True)
        else:
            donor = _register(uow, form)
        uow.set_time(bled - timedelta(minutes=12))
        uow.actor = staff["mo"]
        visit = screening.screen(uow, donor.id, replace(_fit_form(sex), camp_id=camp.id if at_camp else None))
        uow.set_time(bled)
        uow.actor = staff["phlebotomist"]
        bags.append(collection.collect(uow, visit.visit_id, _triple_bag(bled)).din)
    uow.set_time(now)
    arrived, missing, stray = bags[:2], bags[2], bags[3]
    in_the_van = [arrived[0], stray, arrived[1]]
    return {
        "camp_id": str(camp.id),
        "camp_code": camp.code,
        "arrived_dins": arrived,
        "missing_din": missing,
        "stray_din": stray,
        "van": ", ".join(isbt128.format_eye_readable(din) for din in in_the_van),
        "missing": isbt128.format_eye_readable(missing),
    }


EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        "register_donor",
        QT_TRANSLATE_NOOP("Training", "Register a new donor"),
        QT_TRANSLATE_NOOP("Training", "Sign in as registrar."),
        QT_TRANSLATE_NOOP(
            "Training",
            "A first-time voluntary donor is at the counter: {given} {family}, female, born {born}, mobile "
            "{mobile}. She has read the donor information and gives her consent. Register her on the Donors page.",
        ),
        (
            Check(QT_TRANSLATE_NOOP("Training", "A donor named {given} {family} is registered"), _c.registered),
            Check(QT_TRANSLATE_NOOP("Training", "Her date of birth ({born}) and sex are right"), _c.registered_details),
            Check(QT_TRANSLATE_NOOP("Training", "Her mobile number {mobile} is recorded"), _c.registered_mobile),
        ),
        _prepare_register,
    ),
    Exercise(
        "defer_donor",
        QT_TRANSLATE_NOOP("Training", "Screen and defer a donor"),
        QT_TRANSLATE_NOOP("Training", "Sign in as mo (medical officer)."),
        QT_TRANSLATE_NOOP(
            "Training",
            "{donor} ({donor_number}) registered a few minutes ago and waits for screening. Examination: weight "
            "68 kg, haemoglobin {hb} g/dL, BP 124/80, pulse 76 and regular, temperature 36.8 °C; he feels well and "
            "answers no to every other question. Record the screening on the Screening page.",
        ),
        (
            Check(QT_TRANSLATE_NOOP("Training", "The screening of {donor_number} is recorded"), _c.screened),
            Check(
                QT_TRANSLATE_NOOP("Training", "{donor_number} is deferred for low haemoglobin (HB_LOW)"),
                _c.deferred_low_hb,
            ),
            Check(QT_TRANSLATE_NOOP("Training", "No blood was collected from {donor_number}"), _c.not_collected),
        ),
        _prepare_defer,
    ),
    Exercise(
        "reactive_hiv",
        QT_TRANSLATE_NOOP("Training", "Handle a reactive HIV result"),
        QT_TRANSLATE_NOOP("Training", "Sign in as lab1, then lab2 to verify, then component to discard."),
        QT_TRANSLATE_NOOP(
            "Training",
            "The bag {din} of {donor} ({donor_number}) was separated into quarantine this morning. Its tests: "
            "group B+ (anti-A neg, anti-B pos, anti-AB pos, anti-D pos; A cells pos, B cells neg, O cells neg), "
            "antibody screen negative, HIV-1/2 reactive, every other marker non-reactive. Enter the results, have a "
            "second technician verify them, then discard every unit of the bag.",
        ),
        (
            Check(QT_TRANSLATE_NOOP("Training", "Results of {din} are entered with HIV reactive"), _c.hiv_entered),
            Check(QT_TRANSLATE_NOOP("Training", "A second technician verified them"), _c.hiv_verified),
            Check(
                QT_TRANSLATE_NOOP("Training", "{donor_number} is deferred permanently (TTI_HIV_REACTIVE)"),
                _c.hiv_deferred,
            ),
            Check(QT_TRANSLATE_NOOP("Training", "Every unit of {din} is discarded as TTI reactive"), _c.hiv_discarded),
        ),
        _prepare_hiv,
    ),
    Exercise(
        "separate_components",
        QT_TRANSLATE_NOOP("Training", "Separate a bag into components"),
        QT_TRANSLATE_NOOP("Training", "Sign in as component."),
        QT_TRANSLATE_NOOP(
            "Training",
            "The triple bag {din} of {donor} was collected 90 minutes ago; its results are verified and clear. "
            "Separate it into red cells, plasma and platelets and put them on a shelf (Components page).",
        ),
        (
            Check(QT_TRANSLATE_NOOP("Training", "Components are prepared from {din}"), _c.separated),
            Check(QT_TRANSLATE_NOOP("Training", "Red cells, plasma and platelets are all made"), _c.separated_three),
            Check(QT_TRANSLATE_NOOP("Training", "Every unit is released to stock"), _c.separated_released),
            Check(QT_TRANSLATE_NOOP("Training", "Every unit has a storage place"), _c.separated_stored),
        ),
        _prepare_separate,
    ),
    Exercise(
        "issue_unit",
        QT_TRANSLATE_NOOP("Training", "Issue the right unit to a patient"),
        QT_TRANSLATE_NOOP("Training", "Sign in as lab1 to crossmatch, then issue to issue it."),
        QT_TRANSLATE_NOOP(
            "Training",
            "Request {request_number}: one unit of packed red cells for {patient}, 34, group {patient_group}. "
            "Crossmatch a suitable unit (the suggested units are in order of preference), then issue it to the "
            "ward attendant who came for it (Requests page).",
        ),
        (
            Check(
                QT_TRANSLATE_NOOP("Training", "A unit is crossmatched compatible for {request_number}"),
                _c.crossmatched,
            ),
            Check(QT_TRANSLATE_NOOP("Training", "A unit is issued on {request_number}"), _c.issued),
            Check(
                QT_TRANSLATE_NOOP("Training", "The issued unit's group suits a {patient_group} patient"),
                _c.issued_compatible,
            ),
            Check(
                QT_TRANSLATE_NOOP("Training", "The issued unit was the crossmatched one, and in date"),
                _c.issued_crossmatched,
            ),
        ),
        _prepare_issue,
    ),
    Exercise(
        "reconcile_camp",
        QT_TRANSLATE_NOOP("Training", "Reconcile a camp's bags"),
        QT_TRANSLATE_NOOP("Training", "Sign in as admin (quality officer)."),
        QT_TRANSLATE_NOOP(
            "Training",
            "The van from camp {camp_code} is back. In its cool box are the bags {van}. Scan every bag in the "
            "box on the Camp bags page, see what the comparison with the camp's records says, then record the "
            "reconciliation and close the camp.",
        ),
        (
            Check(
                QT_TRANSLATE_NOOP("Training", "Every bag of the camp that came back is scanned"), _c.camp_bags_scanned
            ),
            Check(
                QT_TRANSLATE_NOOP("Training", "The bag that did not come back ({missing}) is reported missing"),
                _c.camp_missing_reported,
            ),
            Check(
                QT_TRANSLATE_NOOP("Training", "The bag that is not the camp's is reported as collected elsewhere"),
                _c.camp_stray_reported,
            ),
            Check(QT_TRANSLATE_NOOP("Training", "Camp {camp_code} is closed"), _c.camp_closed),
        ),
        _prepare_reconcile,
    ),
)
"""The exercises, in the order a class usually takes them."""
