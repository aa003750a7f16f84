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


def test_the_newest_revision_read_from_the_files_is_alembics_and_a_branch_is_left_to_alembic(tmp_path):
    from bbms_desktop.services.profile import head_named_by_files

    assert head_named_by_files() == head_revision()
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "a.py").write_text('revision = "a"\ndown_revision = None\n')
    (versions / "b.py").write_text('revision = "b"\ndown_revision = "a"\n')
    assert head_named_by_files(versions) == "b"
    (versions / "c.py").write_text('revision = "c"\ndown_revision = "a"\n')  # two heads: not a plain chain
    assert head_named_by_files(versions) is None
    (versions / "c.py").write_text('revision = "c"\ndown_revision = ("a", "b")\n')  # a merge: alembic reads it
    assert head_named_by_files(versions) is None


def test_opening_a_profile_at_head_does_not_load_alembic_and_an_older_one_is_still_migrated(tmp_path):
    import subprocess
    import sys

    profile = tmp_path / "p"
    open_profile(profile).dispose()
    probe = (
        "import sys; from bbms_desktop.services.profile import open_profile; "
        f"open_profile({str(profile)!r}).dispose(); print(any(m.startswith('alembic') for m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
    with sqlite3.connect(profile / "bbms.sqlite3") as conn:  # one revision behind: alembic must upgrade it
        conn.execute("DROP INDEX ix_donors_merged_into_id")
        conn.execute("CREATE INDEX ix_donors_merged_into_id ON donors (merged_into_id)")
        conn.execute("ALTER TABLE device_state DROP COLUMN registry_cursor")  # and before 0006
        for index in (
            "donors_registered",
            "deferrals_starts",
            "components_prepared",
            "issues_issued",
            "discards_discarded",
        ):
            conn.execute(f"DROP INDEX ix_{index}")  # and before 0007
        conn.execute("UPDATE device_state SET pull_cursor = '4711'")
        conn.execute("UPDATE alembic_version SET version_num = '0004'")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "True"
    assert current_revision(profile / "bbms.sqlite3") == head_revision()
    assert len(list((profile / "backups").glob("bbms-*-0004.sqlite3"))) == 1
    with sqlite3.connect(profile / "bbms.sqlite3") as conn:  # 0006: the registry stream starts at the old cursor
        assert conn.execute("SELECT pull_cursor, registry_cursor FROM device_state").fetchone() == ("4711", "4711")
        indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"ix_donors_registered", "ix_discards_discarded"} <= indexes  # 0007


def identity_probe_plan(database) -> str:
    """How SQLite finds the records merged into a donor (``donors.identity_ids``) once ANALYZE has run."""
    with sqlite3.connect(database) as conn:
        conn.execute("ANALYZE")
        plan = conn.execute("EXPLAIN QUERY PLAN SELECT id FROM donors WHERE merged_into_id IN (?)", ("x",))
        return " ".join(row[3] for row in plan)


def test_a_donors_identity_is_found_through_the_index_after_analyze_on_a_large_register(db, staff):
    from tests.services.factories import make_donor

    with db.unit_of_work(staff["registrar"]) as uow:
        make_donor(uow)
    with sqlite3.connect(db.path) as conn:  # a register of thousands of donors, none of them merged
        columns = [row[1] for row in conn.execute("PRAGMA table_info(donors)")]
        fresh = {"id": "lower(hex(randomblob(16)))", "donor_number": "'T-' || hex(randomblob(8))"}
        copy = ", ".join(fresh.get(column, column) for column in columns)
        for _ in range(11):
            conn.execute(f"INSERT INTO donors SELECT {copy} FROM donors")
        assert conn.execute("SELECT count(*) FROM donors").fetchone()[0] == 2048
    plan = identity_probe_plan(db.path)
    assert "USING INDEX ix_donors_merged_into_id" in plan, plan
    # the full index it replaced (migration 0005): its statistics count every NULL as one value, and SQLite reads
    # the whole register instead
    with sqlite3.connect(db.path) as conn:
        conn.execute("DROP INDEX ix_donors_merged_into_id")
        conn.execute("CREATE INDEX ix_donors_merged_into_id ON donors (merged_into_id)")
    assert identity_probe_plan(db.path) == "SCAN donors"
