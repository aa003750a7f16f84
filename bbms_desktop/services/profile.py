"""A profile: one folder holding one installation's database, its backups and its settings.

Opening a profile upgrades its database to the newest schema, after copying the file to a timestamped backup
(SQLite's online backup, so a WAL database is copied consistently). Several profiles can live on one machine:
a production one, a camp one, and a training sandbox per trainee.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from bbms_desktop.models import DeviceState
from bbms_desktop.models.db import sqlite_engine
from bbms_desktop.services.uow import Database

DATABASE_FILE = "bbms.sqlite3"
BACKUP_DIR = "backups"
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


@dataclass(frozen=True, slots=True)
class Profile:
    path: Path

    @property
    def database_path(self) -> Path:
        return self.path / DATABASE_FILE

    @property
    def backups(self) -> Path:
        return self.path / BACKUP_DIR


def alembic_config(database_path: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{database_path}")
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config(Path("unused"))).get_current_head()
    assert head is not None
    return head


def current_revision(database_path: Path) -> str | None:
    if not database_path.exists():
        return None
    engine = sqlite_engine(database_path)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def backup(database_path: Path, backups: Path, label: str) -> Path:
    """Copy the database with SQLite's online backup API to ``backups/bbms-<utc time>-<label>.sqlite3``."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backups / f"bbms-{stamp}-{label}.sqlite3"
    with sqlite3.connect(database_path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def migrate(database_path: Path) -> None:
    """Upgrade to head with foreign keys off (batch mode rebuilds tables), then check every foreign key."""
    engine = sqlite_engine(database_path, foreign_keys=False)
    try:
        with engine.connect() as connection:
            config = alembic_config(database_path)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.commit()
            broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
    finally:
        engine.dispose()


def open_profile(path: Path | str) -> Database:
    """Open (creating if needed) the profile at ``path``: back up, migrate to head, ensure the device row."""
    profile = Profile(Path(path))
    profile.path.mkdir(parents=True, exist_ok=True)
    revision = current_revision(profile.database_path)
    if revision != head_revision():
        if revision is not None or profile.database_path.exists():
            backup(profile.database_path, profile.backups, revision or "unversioned")
        migrate(profile.database_path)
    database = Database(profile.database_path)
    with database.remote_apply() as session:
        if session.get(DeviceState, 1) is None:
            session.add(DeviceState(id=1))
    return database
