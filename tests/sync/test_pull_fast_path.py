"""The pull's fast path (a page read straight to rows per table, each column converted for the whole page, one
executemany per table) against the established ones: the page read by the protocol's model, and rows stored through
SQLAlchemy's own insert. The same rows, byte for byte, and the same cursor."""

from __future__ import annotations

import json
import shutil
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import select, update

from bbms_desktop.models import SYNCED_MODELS, DeviceState, Donor, OpState, OutboxOp
from bbms_desktop.models.codec import row_fields
from bbms_desktop.services import accounts, demo_data
from bbms_desktop.services.profile import DATABASE_FILE, open_profile
from bbms_desktop.sync import protocol
from bbms_desktop.sync.engine import ENTITY_ORDER, MODELS, SyncEngine, _apply_rows, _apply_rows_slowly
from bbms_desktop.sync.pages import PulledPage, parse_pull_page
from tests.conftest import NOW


@pytest.fixture(scope="module")
def page_body(tmp_path_factory) -> bytes:
    """A page of every row a small demo centre holds (whole-second times), some rows given microseconds."""
    folder = tmp_path_factory.mktemp("source")
    db = open_profile(folder)
    demo_data.build(db, donors=40, seed=3, now=NOW)
    changes = []
    with db.read() as session:
        for model in SYNCED_MODELS:
            if model.__tablename__ in protocol.PUSH_ONLY:
                continue
            for i, row in enumerate(session.scalars(select(model))):
                fields = row_fields(row)
                if model is Donor and i % 2:  # a moment with microseconds: the canonical wire form
                    fields["updated_at"] = (row.updated_at + timedelta(microseconds=123457 + i)).isoformat()
                changes.append(protocol.Change(entity=model.__tablename__, row_id=row.id, version=i + 1, fields=fields))
    db.dispose()
    assert len({c.entity for c in changes}) >= 8, "a page of many tables"
    page = protocol.PullResponse(changes=changes, next_cursor="4242", has_more=False, server_time=datetime.now(UTC))
    return page.model_dump_json().encode()


def _target(tmp_path, migrated_template, name):
    profile = tmp_path / name
    profile.mkdir()
    shutil.copyfile(migrated_template, profile / DATABASE_FILE)
    db = open_profile(profile)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE device_state SET server_url = 'http://127.0.0.1:9'")
    return db


def _stored(db) -> dict[str, list[tuple]]:
    """Every synced table and the cursor as SQLite holds them (quote(): the value and its storage class)."""
    out = {}
    with db.engine.connect() as connection:
        for table in [*MODELS, "device_state"]:
            names = [row[1] for row in connection.exec_driver_sql(f'PRAGMA table_info("{table}")')]
            quoted = ", ".join(f'quote("{name}")' for name in names)
            out[table] = connection.exec_driver_sql(f'SELECT {quoted} FROM "{table}" ORDER BY 1').fetchall()
    with db.engine.connect() as connection:
        out["cursor"] = connection.exec_driver_sql("SELECT pull_cursor FROM device_state").fetchall()
    return out


def _without_device(stored):
    return {k: v for k, v in stored.items() if k != "device_state"}


def test_a_page_is_read_as_the_model_reads_it(page_body) -> None:
    fast = parse_pull_page(page_body)
    model = protocol.PullResponse.model_validate_json(page_body)
    established = PulledPage.of_changes(model.changes, model.next_cursor, has_more=model.has_more)
    assert fast == established
    assert fast.count == len(model.changes) and fast.next_cursor == "4242"


@pytest.mark.parametrize(
    "change",
    [
        {"row_id": "ABCDEF00-0000-0000-0000-000000000001"},  # upper case: the model's UUID reads it
        {"row_id": "abcdef00000000000000000000000001"},  # without dashes: the same
        {"version": "7"},  # text for a number: the model decides
        {"version": True},
        {"version": 1.5},
        {"row_id": "not a uuid"},
        {"fields": []},
        {"extra": 1},
        {"entity": None},
    ],
)
def test_a_change_of_another_shape_is_read_or_refused_by_the_model(change) -> None:
    plain = {"entity": "donors", "row_id": "abcdef00-0000-0000-0000-000000000001", "version": 3, "fields": {"a": 1}}
    body = json.dumps(
        {"changes": [{**plain, **change}], "next_cursor": "9", "has_more": True, "server_time": "2026-12-06T10:00:00Z"}
    ).encode()
    try:
        model = protocol.PullResponse.model_validate_json(body)
    except ValidationError:
        with pytest.raises(ValidationError):
            parse_pull_page(body)
        return
    assert parse_pull_page(body) == PulledPage.of_changes(model.changes, "9", has_more=True)


@pytest.mark.parametrize("body", [b"", b"{", b"[]", b'{"changes": [], "next_cursor": "1", "has_more": false}'])
def test_what_is_not_a_page_is_refused_as_the_model_refuses_it(body) -> None:
    with pytest.raises(ValidationError):
        protocol.PullResponse.model_validate_json(body)
    with pytest.raises(ValidationError):
        parse_pull_page(body)


def test_a_page_is_stored_as_sqlalchemy_and_the_row_by_row_path_store_it(page_body, tmp_path, migrated_template):
    fast = _target(tmp_path, migrated_template, "fast")
    SyncEngine(fast, transport=None).apply_page(parse_pull_page(page_body), "4242")

    model = protocol.PullResponse.model_validate_json(page_body)
    by_entity: dict[str, list] = {}
    for change in model.changes:
        by_entity.setdefault(change.entity, []).append((change.fields, change.version))
    stored = {}
    for name, apply in (("sqlalchemy", _apply_rows_slowly), ("row_by_row", _apply_rows)):
        db = _target(tmp_path, migrated_template, name)
        with db.remote_apply(check_foreign_keys=False) as session:
            for entity in sorted(by_entity, key=ENTITY_ORDER.__getitem__):
                apply(session, MODELS[entity], by_entity[entity], keep={})
            session.execute(update(DeviceState).values(pull_cursor=model.next_cursor))
        stored[name] = _without_device(_stored(db))
        db.dispose()
    got = _without_device(_stored(fast))
    assert sum(len(rows) for rows in got.values()) == len(model.changes) + 1
    assert got == stored["sqlalchemy"] == stored["row_by_row"]
    assert got["cursor"] == [("4242",)]

    # delivered again (a page re-sent after a cut): nothing changes, no guard trigger refuses it
    SyncEngine(fast, transport=None).apply_page(parse_pull_page(page_body), "4242")
    assert _without_device(_stored(fast)) == got
    fast.dispose()


def test_a_pending_local_change_is_kept_by_the_fast_path(page_body, tmp_path, migrated_template):
    # the rows with fields this device has not pushed yet take the row-by-row path, which keeps those fields
    page = parse_pull_page(page_body)
    db = _target(tmp_path, migrated_template, "local")
    engine = SyncEngine(db, transport=None)
    engine.apply_page(page, "1")
    with db.engine.begin() as connection:  # the device of the pulled centre
        connection.exec_driver_sql("UPDATE device_state SET centre_id = (SELECT id FROM centres)")
    registrar = accounts.authenticate(db, "registrar", demo_data.DEMO_PASSWORD)
    target = uuid.UUID(page.by_entity["donors"].row_ids[0])
    with db.unit_of_work(registrar) as uow:
        uow.session.get(Donor, target).mobile = "9000000001"
    with db.read() as session:
        assert session.scalar(select(OutboxOp.state).where(OutboxOp.row_id == target)) == OpState.PENDING
    engine.apply_page(page, "2")
    with db.read() as session:
        assert session.get(Donor, target).mobile == "9000000001"
        assert "9000000001" not in session.scalars(select(Donor.mobile).where(Donor.id != target)).all()
        assert session.get(DeviceState, 1).pull_cursor == "2"
    db.dispose()


def _edited(change: protocol.Change, i: int) -> protocol.Change:
    """The row as a later page sends it: some unchanged (a version bump only), some with a time or a number changed,
    numbers of a real column sent as integers and the other way round (equal values, another JSON kind)."""
    fields = dict(change.fields)
    if i % 3 == 1 and isinstance(fields.get("updated_at"), str):
        moment = datetime.fromisoformat(fields["updated_at"]) + timedelta(seconds=1, microseconds=17)
        fields["updated_at"] = moment.isoformat()
    if change.entity == "donors" and i % 2:
        fields["mobile"] = f"98{i:08d}"
        fields["needs_review"] = not fields.get("needs_review")
    for key, value in fields.items():
        if type(value) is float and value.is_integer():
            fields[key] = int(value)
        elif type(value) is int and i % 2:
            fields[key] = value * 1.0 if key not in ("version",) else value
    version = change.version if i % 5 == 0 else change.version + 1000
    return protocol.Change(entity=change.entity, row_id=change.row_id, version=version, fields=fields)


def test_a_small_page_writes_only_changed_columns_and_stores_what_the_upsert_stores(
    page_body, tmp_path, migrated_template, monkeypatch
):
    """:meth:`_WholeRowUpsert.apply` on a small page (rows compared with the stored ones, only differing columns
    updated, new rows inserted) against the upsert of every column it replaces: the same rows, byte for byte."""
    from sqlalchemy import event

    from bbms_desktop.sync import engine as engine_module

    model = protocol.PullResponse.model_validate_json(page_body)
    first = [change for i, change in enumerate(model.changes) if i % 7]  # every 7th row comes new in the later pages
    later = [_edited(change, i) for i, change in enumerate(model.changes)]
    stored, statements = {}, {}
    for name, limit in (("changed_only", 10**9), ("upsert", 0)):
        monkeypatch.setattr(engine_module, "CHANGED_COLUMNS_ONLY_ROWS", limit)
        db = _target(tmp_path, migrated_template, name)
        seen: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *args, seen=seen: seen.append(args[2]))
        engine = SyncEngine(db, transport=None)
        engine.apply_page(first, "1")
        for start in range(0, len(later), 25):  # pages of a few rows, as an incremental pull brings them
            engine.apply_page(later[start : start + 25], str(start + 2))
        engine.apply_page(later[:25], "9")  # delivered again: nothing to write
        stored[name] = _without_device(_stored(db))
        statements[name] = seen
        db.dispose()
    assert stored["changed_only"] == stored["upsert"]
    assert sum(len(rows) for rows in stored["upsert"].values()) == len(model.changes) + 1
    donors = stored["upsert"]["donors"]
    assert any("'98" in " ".join(map(str, row)) for row in donors), "the edits were applied"
    # the path compared really was taken: column updates, and a re-sent unchanged page writes no row at all
    assert any(sql.startswith("UPDATE donors SET mobile") for sql in statements["changed_only"])
    assert not any(sql.startswith("UPDATE donors SET") for sql in statements["upsert"])


def _stream_body(page_body: bytes, stream: protocol.Stream, centre_id: uuid.UUID | None) -> bytes:
    model = protocol.PullResponse.model_validate_json(page_body)
    page = protocol.StreamPage(stream=stream, changes=model.changes, next_cursor="77", has_more=True,
                               server_time=model.server_time, centre_id=centre_id)  # fmt: skip
    return page.model_dump_json().encode()


@pytest.mark.parametrize("stream", list(protocol.Stream))
def test_a_stream_page_is_read_as_the_model_reads_it(page_body, stream) -> None:
    from bbms_desktop.sync.pages import parse_stream_page

    centre = uuid.uuid4() if stream is protocol.Stream.SCOPE else None
    body = _stream_body(page_body, stream, centre)
    model = protocol.StreamPage.model_validate_json(body)
    established = PulledPage.of_changes(model.changes, model.next_cursor, has_more=True, centre_id=model.centre_id)
    assert parse_stream_page(body) == established
    assert parse_stream_page(body).centre_id == centre


@pytest.mark.parametrize(
    "change",
    [
        {"centre_id": "ABCDEF00-0000-0000-0000-000000000001"},  # upper case: the model's UUID reads it
        {"centre_id": "not a uuid"},
        {"stream": "elsewhere"},
        {"centre_id": 5},
        {"extra": 1},
        {"changes": [{"entity": "donors", "row_id": "x", "version": 1, "fields": {}}]},
    ],
)
def test_a_stream_page_of_another_shape_is_read_or_refused_by_the_model(change) -> None:
    from bbms_desktop.sync.pages import parse_stream_page

    plain = {"stream": "scope", "changes": [], "next_cursor": "9", "has_more": False,
             "server_time": "2026-12-06T10:00:00Z", "centre_id": None}  # fmt: skip
    body = json.dumps({**plain, **change}).encode()
    try:
        model = protocol.StreamPage.model_validate_json(body)
    except ValidationError:
        with pytest.raises(ValidationError):
            parse_stream_page(body)
        return
    expected = PulledPage.of_changes(model.changes, "9", centre_id=model.centre_id)
    assert parse_stream_page(body) == expected


def _reference_registry_changes(session, changes, own_centre):
    """The registry filter as it was (on the protocol's models), kept as the reference of ``_registry_rows``."""
    from sqlalchemy import Table

    from bbms_desktop.sync.engine import _JSON_IDS, _same_id

    own = None if own_centre is None else str(own_centre)
    wanted: dict[str, list[protocol.Change]] = {}
    for change in changes:
        if change.entity not in MODELS:
            continue
        centre = change.fields.get("centre_id")
        if change.entity != "centres" and (centre is None or own is None or _same_id(centre, own)):
            continue
        wanted.setdefault(change.entity, []).append(change)
    kept: list[protocol.Change] = []
    for entity, rows in wanted.items():
        table: Table = MODELS[entity].__table__
        query = select(table.c.id, table.c.version).where(table.c.id.in_(_JSON_IDS))
        ids = json.dumps([change.row_id.hex for change in rows])
        local = {(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))): version
                 for value, version in session.execute(query, {"ids": ids})}  # fmt: skip
        newest: dict[uuid.UUID, protocol.Change] = {}
        for change in rows:
            older = (seen := local.get(change.row_id)) is not None and seen >= change.version
            if not older and (change.row_id not in newest or newest[change.row_id].version < change.version):
                newest[change.row_id] = change
        kept += newest.values()
    return kept


def test_a_registry_page_is_filtered_as_the_model_path_filtered_it(page_body, tmp_path, migrated_template):
    """``_registry_rows`` (plain rows) against the filter on models it replaces: this centre's own rows and rows
    without a centre left out, a row older than the local one left out, of two versions in a page the newer."""
    from sqlalchemy.orm import Session

    from bbms_desktop.sync.engine import _registry_rows

    model = protocol.PullResponse.model_validate_json(page_body)
    db = _target(tmp_path, migrated_template, "registry")
    SyncEngine(db, transport=None).apply_page([c for i, c in enumerate(model.changes) if i % 4 == 0], "1")
    own, other = uuid.uuid4(), str(uuid.uuid4())
    changes = []
    for i, change in enumerate(model.changes):
        fields = dict(change.fields)
        if "centre_id" in fields:
            fields["centre_id"] = [str(own), other, other.upper(), None, own.hex][i % 5]
        version = change.version + (0 if i % 8 == 0 else 100)  # some no newer than the local row
        changes.append(protocol.Change(entity=change.entity, row_id=change.row_id, version=version, fields=fields))
        if i % 6 == 0:  # a second version of the row, older or newer
            again = protocol.Change(entity=change.entity, row_id=change.row_id, version=version + (i % 12) - 3,
                                    fields={**fields, "updated_at": fields.get("updated_at")})  # fmt: skip
            changes.append(again)
    changes.append(protocol.Change(entity="not_a_table", row_id=uuid.uuid4(), version=1, fields={}))
    for centre in (own, None):
        with db.remote_connection() as connection:
            fast = _registry_rows(connection, PulledPage.of_changes(changes, "5"), centre)
            reference = _reference_registry_changes(Session(bind=connection), changes, centre)
        expected = PulledPage.of_changes(reference, "5")
        assert fast.by_entity == expected.by_entity
        assert fast.count == expected.count and fast.next_cursor == "5"
        assert 0 < fast.count < len(changes)
    db.dispose()


class _TwoStreams:
    """A server of ready pages of the two streams, each answer after a short, varying delay (so the pages of the
    two streams come in varying orders)."""

    def __init__(self, pages: dict[protocol.Stream, list[PulledPage]], seed: int) -> None:
        import random

        self.pages = pages
        self.random = random.Random(seed)
        self.asked: list[tuple[protocol.Stream, str]] = []

    def pull_stream(self, stream: protocol.Stream, cursor: str, limit: int) -> PulledPage:
        import time

        self.asked.append((stream, cursor))
        time.sleep(self.random.random() / 200)
        pages = self.pages[stream]
        index = 0 if cursor == "0" else [page.next_cursor for page in pages].index(cursor) + 1
        return pages[index]


def _split(changes: list[protocol.Change], size: int, prefix: str, centre_id: uuid.UUID | None) -> list[PulledPage]:
    chunks = [changes[start : start + size] for start in range(0, len(changes), size)]
    return [
        PulledPage.of_changes(chunk, f"{prefix}{i + 1}", has_more=i + 1 < len(chunks), centre_id=centre_id)
        for i, chunk in enumerate(chunks)
    ]


@pytest.mark.parametrize("seed", range(4))
def test_the_two_streams_pulled_together_store_what_one_after_the_other_stored(
    page_body, tmp_path, migrated_template, seed
):
    """``pull_streams`` applies the registry's pages as they come, between the scope's; the reference applies the
    whole scope stream, then the registry stream (as the pull did): the same rows and the same two cursors."""
    model = protocol.PullResponse.model_validate_json(page_body)
    own = next(change for change in model.changes if change.entity == "centres")
    other = uuid.uuid4()
    registry = [
        protocol.Change(entity="centres", row_id=other, version=1,
                        fields={**own.fields, "id": str(other), "code": "XX-OTHER", "fin": "G9999"})
    ]  # fmt: skip
    for i, change in enumerate(c for c in model.changes if c.entity == "donors"):
        if i % 3 == 0:  # this centre's own donor, repeated by the registry: left out there
            registry.append(change)
        copy = uuid.uuid4()
        fields = {**change.fields, "id": str(copy), "centre_id": str(other), "donor_number": f"XX-{i:06d}"}
        registry.append(protocol.Change(entity="donors", row_id=copy, version=10 + i, fields=fields))
    pages = {
        protocol.Stream.SCOPE: _split(list(model.changes), 23, "s", own.row_id),
        protocol.Stream.REGISTRY: _split(registry, 9, "r", None),
    }
    assert len(pages[protocol.Stream.SCOPE]) > 3 and len(pages[protocol.Stream.REGISTRY]) > 3

    together = _target(tmp_path, migrated_template, "together")
    server = _TwoStreams(pages, seed)
    pulled = SyncEngine(together, transport=server).pull()
    assert pulled == len(model.changes) + len(registry)

    one_after = _target(tmp_path, migrated_template, "one_after")
    reference = SyncEngine(one_after, transport=None)
    for stream in (protocol.Stream.SCOPE, protocol.Stream.REGISTRY):
        for page in pages[stream]:
            if page.centre_id is not None:
                reference._own_centre = page.centre_id
            reference.apply_page(page, page.next_cursor, stream)
    got, expected = _stored(together), _stored(one_after)
    assert got == expected
    assert len(got["donors"]) == sum(1 for c in registry if c.entity == "donors") + len(
        [c for c in model.changes if c.entity == "donors"]
    ) - sum(1 for i, c in enumerate(c for c in model.changes if c.entity == "donors") if i % 3 == 0)
    # every page was asked for once, each with the cursor of the page before it
    assert len(server.asked) == len(set(server.asked)) == sum(len(p) for p in pages.values())
    together.dispose()
    one_after.dispose()
