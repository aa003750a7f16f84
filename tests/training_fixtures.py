"""One seeded training class template per test session (seeding costs seconds), and per-test copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bbms_desktop.services import accounts, training
from bbms_desktop.services.demo_data import DEMO_PASSWORD
from bbms_desktop.services.profile import DATABASE_FILE, open_profile


@pytest.fixture(scope="session")
def seeded_class(tmp_path_factory) -> Path:
    """One class template (a training centre with demo data) for every test of the session."""
    folder = tmp_path_factory.mktemp("class-template")
    training.create_class(folder, donors=40, seed=3)
    return folder


@pytest.fixture
def classroom(seeded_class, tmp_path) -> Path:
    """This test's own class folder: the session's template, copied, with two trainees."""
    folder = tmp_path / "class"
    folder.mkdir()
    shutil.copy(seeded_class / training.CLASS_FILE, folder / training.CLASS_FILE)
    (folder / training.TEMPLATE_DIR).mkdir()
    shutil.copy(seeded_class / training.TEMPLATE_DIR / DATABASE_FILE, folder / training.TEMPLATE_DIR / DATABASE_FILE)
    training.add_trainee(folder, "Asha")
    training.add_trainee(folder, "Ravi")
    return folder


def real_centre_profile(folder: Path) -> Path:
    """A real (production) centre's profile at ``folder``: what must never be opened or reset as a sandbox."""
    db = open_profile(folder)
    accounts.set_up_standalone(
        db,
        code="DL-RKS",
        name="Rakt Kosh",
        fin="G1234",
        admin_username="admin",
        admin_name="Administrator",
        admin_password=DEMO_PASSWORD,
    )
    db.dispose()
    return folder / DATABASE_FILE
