"""A profile: one folder holding one installation's database, its backups and its settings.

Opening a profile upgrades its database to the newest schema, after copying the file to a timestamped backup
(SQLite's online backup, so a WAL database is copied consistently). Several profiles can live on one machine:
a production one, a camp one, and a training sandbox per trainee.

Opening a profile already at the newest schema (every start but the first after an upgrade) does not load alembic: the
revision stamped in the database is compared with the newest one named by the migration files (read as text), and
alembic decides only when they differ or the files are not one plain chain. Importing alembic is a third of the
window's cold start.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from bbms_desktop.models import DeviceState
from bbms_desktop.models.db import sqlite_engine
from bbms_desktop.services.uow import Database

DATABASE_FILE = "bbms.sqlite3"
BACKUP_DIR = "backups"
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
_REVISION = re.compile(r"^revision\s*=\s*[\"']([^\"']+)[\"']\s*$", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*(?:[\"']([^\"']+)[\"']|None)\s*$", re.MULTILINE)

if TYPE_CHECKING:
    from alembic.config import Config


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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{database_path}")
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(Path("unused"))).get_current_head()
    assert head is not None
    return head


def current_revision(database_path: Path) -> str | None:
    if not database_path.exists():
        return None
    from alembic.runtime.migration import MigrationContext

    engine = sqlite_engine(database_path)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def head_named_by_files(versions: Path = MIGRATIONS_DIR / "versions") -> str | None:
    """The newest revision, read from the migration files as text; None unless they make one plain chain (a merge,
    a branch or a file this reading does not understand: alembic decides then)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN_REVISION.findall(source)
        if len(revision) != 1 or len(down) != 1 or revision[0] in revisions:
            return None
        revisions.add(revision[0])
        if down[0]:
            parents.add(down[0])
    heads = revisions - parents
    if len(heads) != 1 or not parents <= revisions or len(parents) != len(revisions) - 1:
        return None
    return heads.pop()


def stamped_revision(database_path: Path) -> str | None:
    """The one revision stamped in the database (plain sqlite3, read only); None when there is none or several."""
    if not database_path.exists():
        return None
    try:
        connection = sqlite3.connect(f"{database_path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:  # no alembic_version table: not a database of ours, or never migrated
        return None
    finally:
        connection.close()
    return rows[0][0] if len(rows) == 1 else None


def at_head(database_path: Path) -> bool:
    """True only when the database is certainly at the newest schema, without loading alembic."""
    stamped = stamped_revision(database_path)
    return stamped is not None and stamped == head_named_by_files()


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
    from alembic import command

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
    if not at_head(profile.database_path):
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
