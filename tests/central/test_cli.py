"""The administrator's commands: JSON on stdout, a clear refusal and exit status 2 with nothing half-saved."""

import io
import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from bbms_central.cli import main
from bbms_central.db import Database, head_revision, make_engine
from bbms_central.models import AdminAudit, Base, StoredRow
from tests.central.helpers import wipe
from tests.central.pg import KINDS, drop_central_database, make_central_database


@pytest.fixture
def url(central_db_url):
    wipe(central_db_url)
    return central_db_url


def run(capsys, *args, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, (json.loads(out) if out.strip() else None), err


@pytest.mark.parametrize("kind", KINDS)
def test_init_creates_exactly_the_models_schema_and_is_safe_to_run_again(capsys, tmp_path, kind):
    url = make_central_database(kind, tmp_path, migrate=False)
    try:
        for _ in range(2):
            status, out, _ = run(capsys, "--database", url, "init")
            assert status == 0 and out["schema_revision"] == head_revision()
        engine = make_engine(url)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
        engine.dispose()
    finally:
        drop_central_database(url)


def test_add_centre_prints_a_one_time_enrolment_code(capsys, url):
    status, out, _ = run(capsys, "--database", url, "add-centre", "--code", "DL-RKS", "--name", "Rakt Kosh",
                         "--fin", "G1234", "--kind", "blood-centre")  # fmt: skip
    assert status == 0
    assert out["code"] == "DL-RKS" and out["centre_id"]
    groups = out["enrolment_code"].split("-")
    assert len(groups) == 4 and all(len(g) == 4 for g in groups)
    assert not set(out["enrolment_code"]) & set("01OI")

    status, more, _ = run(capsys, "--database", url, "new-enrolment", "--centre", "DL-RKS")
    assert status == 0 and more["enrolment_code"] != out["enrolment_code"]


def test_add_user_reads_the_password_from_stdin_and_stores_an_argon2_hash(capsys, monkeypatch, url):
    run(capsys, "--database", url, "add-centre", "--code", "DL-RKS", "--name", "Rakt Kosh", "--fin", "G1234",
        "--kind", "blood-centre")  # fmt: skip
    status, out, _ = run(capsys, "--database", url, "add-user", "--centre", "DL-RKS", "--username", "meera",
                         "--role", "medical_officer", "--full-name", "Dr. Meera", "--registration-number", "DMC-1",
                         stdin="correct horse battery\n", monkeypatch=monkeypatch)  # fmt: skip
    assert status == 0 and out["username"] == "meera"
    database = Database(url)
    with database.read() as session:
        user = session.get(StoredRow, __import__("uuid").UUID(out["user_id"]))
        assert user.entity == "users"
        assert user.fields["password_hash"].startswith("$argon2")
        assert (user.fields["role"], user.fields["full_name"], user.fields["active"]) == (
            "medical_officer",
            "Dr. Meera",
            True,
        )
    database.dispose()


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("add-centre", "--code", "DL-RKS", "--name", "Again", "--fin", "G9999", "--kind", "hub"), None, "exists"),
        (("add-centre", "--code", "X-1", "--name", "X", "--fin", "O1234", "--kind", "blood-centre"), None, "O1234"),
        (("add-centre", "--code", "X-1", "--name", "X", "--kind", "blood-centre"), None, "facility number"),
        (("add-centre", "--code", "X-1", "--name", "X", "--fin", "G1234", "--kind", "camp"), None, "G1234"),
        (("new-enrolment", "--centre", "NOPE"), None, "NOPE"),
        (("add-user", "--centre", "NOPE", "--username", "u", "--role", "registrar"), "long enough pw\n", "NOPE"),
        (("add-user", "--centre", "DL-RKS", "--username", "u", "--role", "registrar"), "short\n", "8"),
        (("add-user", "--centre", "DL-RKS", "--username", "meera", "--role", "registrar"), "long enough pw\n", "taken"),
    ],
)
def test_a_refused_command_says_why_exits_2_and_saves_nothing(capsys, monkeypatch, url, args, stdin, message):
    run(capsys, "--database", url, "add-centre", "--code", "DL-RKS", "--name", "Rakt Kosh", "--fin", "G1234",
        "--kind", "blood-centre")  # fmt: skip
    run(capsys, "--database", url, "add-user", "--centre", "DL-RKS", "--username", "meera", "--role", "registrar",
        stdin="long enough pw\n", monkeypatch=monkeypatch)  # fmt: skip
    database = Database(url)
    with database.read() as session:
        before = (session.scalar(select(func.count()).select_from(StoredRow)),
                  session.scalar(select(func.count()).select_from(AdminAudit)))  # fmt: skip

    status, out, err = run(capsys, "--database", url, *args, stdin=stdin, monkeypatch=monkeypatch)
    assert status == 2 and out is None
    assert message in err
    with database.read() as session:
        after = (session.scalar(select(func.count()).select_from(StoredRow)),
                 session.scalar(select(func.count()).select_from(AdminAudit)))  # fmt: skip
    database.dispose()
    assert after == before


def test_a_database_without_the_schema_is_refused_clearly(capsys, tmp_path):
    status, _, err = run(capsys, "--database", str(tmp_path / "empty.sqlite3"), "new-enrolment", "--centre", "X")
    assert status == 2 and "bbms-central init" in err
