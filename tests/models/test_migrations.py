import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bbms_desktop.models import Base
from bbms_desktop.services.profile import current_revision, head_revision, open_profile


def test_upgrading_an_empty_database_yields_exactly_the_models(tmp_path):
    db = open_profile(tmp_path / "p")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    db.dispose()
    assert diff == []


def test_opening_an_older_database_backs_it_up_before_migrating(tmp_path):
    profile = tmp_path / "p"
    open_profile(profile).dispose()
    with sqlite3.connect(profile / "bbms.sqlite3") as conn:  # pretend it was written by an older release
        conn.execute("UPDATE alembic_version SET version_num = 'older'")
    with pytest.raises(Exception, match="older"):  # an unknown revision is refused, never guessed at
        open_profile(profile)
    backups = list((profile / "backups").glob("bbms-*-older.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("older",)


def test_a_fresh_profile_is_at_head(tmp_path):
    open_profile(tmp_path / "p").dispose()
    assert current_revision(tmp_path / "p" / "bbms.sqlite3") == head_revision()


def test_the_guard_triggers_exist_at_head(tmp_path):
    db = open_profile(tmp_path / "p")
    with db.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
    db.dispose()
    assert {"deferrals_never_edited", "deferrals_never_deleted", "audit_events_never_edited"} <= names
