"""Fixtures every test shares: a fresh profile (migrated SQLite file) per test, a centre, and one user per role."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bbms_desktop.rules.roles import Role
from bbms_desktop.rules.vocabulary import CentreKind
from bbms_desktop.services import accounts
from bbms_desktop.services.profile import DATABASE_FILE, open_profile
from bbms_desktop.services.uow import Actor, Database

PASSWORD = "correct horse battery"
pytest_plugins = ["tests.training_fixtures"]  # one seeded training class per session (tests/ui, tests/services)

# Production hashes cost ~100 ms by design; tests create hundreds of users, so they hash with a cheap profile.
accounts._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
NOW = datetime(2026, 11, 22, 10, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """One database migrated to head per test session; each test gets a copy (migrating costs ~0.5 s)."""
    folder = tmp_path_factory.mktemp("template")
    open_profile(folder).dispose()
    return folder / DATABASE_FILE


@pytest.fixture
def db(tmp_path, migrated_template) -> Database:
    profile = tmp_path / "profile"
    profile.mkdir()
    shutil.copyfile(migrated_template, profile / DATABASE_FILE)
    database = open_profile(profile)
    yield database
    database.dispose()


@pytest.fixture
def admin(db) -> Actor:
    _centre, actor = accounts.set_up_standalone(
        db,
        code="DL-RKS",
        name="Rakt Kosh Blood Centre, New Delhi",
        kind=CentreKind.BLOOD_CENTRE,
        fin="G1234",
        licence_number="DL/BC/2019/123",
        district="New Delhi",
        state="Delhi",
        admin_username="admin",
        admin_name="Dr. Meera Admin",
        admin_password=PASSWORD,
    )
    return actor


@pytest.fixture
def staff(db, admin) -> dict[str, Actor]:
    """One signed-in user per role, plus a second lab technician for two-person verification."""
    people = {}
    with db.unit_of_work(admin) as uow:
        for role in Role:
            people[role.value] = accounts.create_user(
                uow,
                username=role.value,
                full_name=f"{role.value.replace('_', ' ').title()} One",
                role=role,
                password=PASSWORD,
                registration_number="DMC-12345" if role == Role.MEDICAL_OFFICER else None,
            )
        people["lab_technician_2"] = accounts.create_user(
            uow, username="lab2", full_name="Lab Technician Two", role=Role.LAB_TECHNICIAN, password=PASSWORD
        )
    return people
