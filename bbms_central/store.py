"""The row store: the server sequence, what a centre may see of a row (scopes, principle 10), pull pages, stock
summaries, number blocks and server settings. No HTTP here; every function takes an open session.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Container, Iterable
from datetime import datetime, timedelta
from typing import Any, ClassVar

from pydantic_core import from_json, to_json
from sqlalchemy import (
    ARRAY,
    ColumnElement,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    and_,
    any_,
    bindparam,
    cast,
    delete,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal

from bbms_central import teleconsults
from bbms_central.models import Device, NumberBlock, Sequence, ServerSetting, StoredRow, UniqueKey
from bbms_central.wire import ApiError, series_range
from bbms_desktop.models import SYNCED_MODELS, utcnow
from bbms_desktop.sync import protocol
from bbms_desktop.sync.protocol import (
    DONOR_REGISTRY_FIELDS,
    FOREIGN_DEFERRAL_NULLED,
    FOREIGN_USER_FIELDS,
    PUSH_ONLY,
    SHARED_WITH_ALL,
    BlockResponse,
    Change,
    ErrorCode,
    PullResponse,
    StockLine,
    StockResponse,
    Stream,
)

MAX_SEQ = 2**63 - 1
MIN_CURSOR = "min_cursor"
_DONOR_REGISTRY = frozenset(DONOR_REGISTRY_FIELDS)
_FOREIGN_USER = frozenset(FOREIGN_USER_FIELDS)
# other centres' rows of these entities are seen (projected); of any other entity, never
_FOREIGN_VISIBLE = (SHARED_WITH_ALL - {"centres"}) | {"donors", "users"}
assert _FOREIGN_VISIBLE | {"centres"} == protocol.REGISTRY_ENTITIES, "the registry stream is what others see"


# --------------------------------------------------------------------------------------------------------------------
# the sequence (principle 1: the server sequence is the arbiter)


class Sequencer:
    """The locked sequence row of one write transaction; hands out the next numbers."""

    def __init__(self, row: Sequence) -> None:
        self._row = row

    @property
    def last(self) -> int:
        return self._row.last_seq

    def next(self) -> int:
        self._row.last_seq += 1
        return self._row.last_seq

    def reset(self, last: int) -> None:
        """Give back numbers taken since ``last`` (a rolled-back savepoint)."""
        self._row.last_seq = last


def lock_sequence(session: Session) -> Sequencer:
    """Lock the sequence row until commit, so changes commit in the order of their sequence numbers (otherwise a
    puller could pass a row committed late with a lower number). SQLite: the write transaction's BEGIN IMMEDIATE
    already holds the database's write lock; PostgreSQL: ``SELECT ... FOR UPDATE``."""
    row = session.scalars(select(Sequence).where(Sequence.id == 1).with_for_update()).one()
    return Sequencer(row)


def last_seq(session: Session) -> int:
    return session.scalars(select(Sequence.last_seq).where(Sequence.id == 1)).one()


# --------------------------------------------------------------------------------------------------------------------
# rows


def new_row(session: Session, entity: str, fields: dict[str, Any], seq: int) -> StoredRow:
    centre = fields.get("centre_id")
    row = StoredRow(
        id=uuid.UUID(fields["id"]),
        entity=entity,
        centre_id=uuid.UUID(centre) if centre else None,
        version=seq,
        fields=dict(fields),
        field_versions=dict.fromkeys(fields, seq),
        created_version=seq,
    )
    session.add(row)
    return row


def change_row(row: StoredRow, changes: dict[str, Any], seq: int) -> None:
    """Apply ``changes`` (wire-form values) to ``row`` as the change numbered ``seq``."""
    row.fields = {**row.fields, **changes}
    row.field_versions = {**row.field_versions, **dict.fromkeys(changes, seq)}
    row.version = seq


# --------------------------------------------------------------------------------------------------------------------
# unique constraints of the client's models, kept for every row (a pulled row must never break one on a device)

_UNIQUE: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
for _model in SYNCED_MODELS:
    _sets: dict[tuple[str, ...], str] = {}
    for _column in _model.__table__.columns:
        if _column.unique:
            _sets[(_column.name,)] = f"uq_{_model.__tablename__}_{_column.name}"
    for _constraint in _model.__table__.constraints:
        if isinstance(_constraint, UniqueConstraint):
            _columns = tuple(column.name for column in _constraint.columns)
            _sets.setdefault(_columns, f"uq_{_model.__tablename__}_{'_'.join(_columns)}")
    _UNIQUE[_model.__tablename__] = tuple((name, columns) for columns, name in _sets.items())


def unique_clash(session: Session, entity: str, row_id: uuid.UUID, fields: dict[str, Any]) -> tuple[str, ...] | None:
    """The columns of a unique constraint that another row of ``entity`` already holds ``fields``' values in."""
    for name, columns in _UNIQUE.get(entity, ()):
        key = _unique_key(columns, fields)
        if key is None:
            continue
        holder = session.get(UniqueKey, (entity, name, key))
        if holder is not None and holder.row_id != row_id:
            return columns
    return None


def index_unique(
    session: Session, entity: str, row_id: uuid.UUID, old: dict[str, Any] | None, new: dict[str, Any]
) -> None:
    """Record ``new``'s unique keys (replacing ``old``'s) of the row ``row_id``."""
    for name, columns in _UNIQUE.get(entity, ()):
        before = None if old is None else _unique_key(columns, old)
        after = _unique_key(columns, new)
        if before == after:
            continue
        if before is not None:
            session.execute(
                delete(UniqueKey).where(
                    UniqueKey.entity == entity, UniqueKey.constraint == name, UniqueKey.key == before
                )
            )
        if after is not None:
            session.add(UniqueKey(entity=entity, constraint=name, key=after, row_id=row_id))


_KEY_JSON = json.JSONEncoder(separators=(",", ":")).encode  # one encoder: json.dumps makes one a call


def _key_part(value: Any) -> str:
    """``value`` as ``json.dumps`` writes it (ASCII only), without the encoder for the common plain string."""
    if type(value) is str and value.isascii() and value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return _KEY_JSON(value)


def _unique_key(columns: tuple[str, ...], fields: dict[str, Any]) -> str | None:
    """The stored key of ``fields``' values of a unique constraint: their JSON array (as ``json.dumps`` with compact
    separators writes it; keys already stored are compared with it), hashed when long."""
    parts = []
    for column in columns:
        value = fields.get(column)
        if value is None:  # SQL: a NULL never clashes
            return None
        parts.append(_key_part(value))
    key = f"[{','.join(parts)}]"
    return key if len(key) <= 400 else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


UNIQUE_SETS = _UNIQUE
"""Per entity: (constraint name, columns) of each unique constraint of the client's model."""
unique_key = _unique_key


# --------------------------------------------------------------------------------------------------------------------
# a journal of in-memory changes (a push applies a batch to in-memory state and undoes a refused group's changes)

_ABSENT: Any = object()


class Journal:
    """Records every ``set``/``pop`` on dictionaries so that ``undo(mark)`` puts back what was there at ``mark``."""

    def __init__(self) -> None:
        self._entries: list[tuple[dict[Any, Any], Any, Any]] = []

    def mark(self) -> int:
        return len(self._entries)

    def set(self, mapping: dict[Any, Any], key: Any, value: Any) -> None:
        self._entries.append((mapping, key, mapping.get(key, _ABSENT)))
        mapping[key] = value

    def pop(self, mapping: dict[Any, Any], key: Any) -> None:
        if key in mapping:
            self._entries.append((mapping, key, mapping.pop(key)))

    def undo(self, mark: int) -> None:
        while len(self._entries) > mark:
            mapping, key, old = self._entries.pop()
            if old is _ABSENT:
                mapping.pop(key, None)
            else:
                mapping[key] = old


def among(session: Session, column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """``column IN (values)`` with the values as one parameter: on SQLite a JSON array read by ``json_each`` (UUIDs
    as the 32 hex digits SQLite keeps), on PostgreSQL ``= ANY(array)``. SQLAlchemy's IN list is compiled anew for
    every statement with one parameter per value, each through the column's bind processor: a push's prefetch asks
    for hundreds of ids at a time, and building those lists cost more than the queries."""
    if session.get_bind().dialect.name == "sqlite":
        stored = [value.hex if isinstance(value, uuid.UUID) else value for value in values]
        array = func.json_each(bindparam(None, json.dumps(stored), type_=String)).table_valued("value")
        return column.in_(select(array.c.value).scalar_subquery())
    return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))


def centre_rows(session: Session) -> list[StoredRow]:
    return list(session.scalars(select(StoredRow).where(StoredRow.entity == "centres")))


def centre_by_code(session: Session, code: str) -> StoredRow | None:
    for row in centre_rows(session):  # a handful of centres: no index on the JSON needed
        if row.fields.get("code") == code:
            return row
    return None


def centre_by_id(session: Session, centre_id: uuid.UUID) -> StoredRow | None:
    row = session.get(StoredRow, centre_id)
    return row if row is not None and row.entity == "centres" else None


class _PeersAsked:
    """Whether a centre is a peer of a device's world (production or training), asked centre by centre."""

    def __init__(self, session: Session, training: bool) -> None:
        self.session, self.training, self.known = session, training, dict[object, bool]()

    def __contains__(self, centre_id: object) -> bool:
        if centre_id not in self.known:
            row = centre_by_id(self.session, centre_id) if isinstance(centre_id, uuid.UUID) else None
            self.known[centre_id] = row is not None and bool(row.fields.get("is_training")) == self.training
        return self.known[centre_id]


def scope_peers(session: Session, training: bool) -> Container[uuid.UUID]:
    """The peer centres of a world as the scope stream asks about them (the same answers as
    ``set(peer_centre_ids(session, training))``)."""
    return _PeersAsked(session, training)


def peer_centre_ids(session: Session, training: bool) -> list[uuid.UUID]:
    """The centres a device sees beyond its own: the production ones, or the training ones (principle 15)."""
    # the one field read, not every centre's whole row (each push and pull asks; there may be hundreds of centres)
    query = select(StoredRow.id, StoredRow.fields["is_training"]).where(StoredRow.entity == "centres")
    return [row_id for row_id, is_training in session.execute(query) if bool(is_training) == training]


# --------------------------------------------------------------------------------------------------------------------
# scopes (principle 10)


def visible_fields(row: StoredRow, centre_id: uuid.UUID, peers: Iterable[uuid.UUID]) -> dict[str, Any] | None:
    """``row`` as a device of ``centre_id`` may see it, or None when it may not see it at all."""
    return _visible(row.entity, row.id, row.centre_id, row.fields, centre_id, set(peers))


def _visible(
    entity: str,
    row_id: uuid.UUID,
    row_centre: uuid.UUID | None,
    fields: dict[str, Any],
    centre_id: uuid.UUID,
    peers: Container[uuid.UUID],
) -> dict[str, Any] | None:
    if entity in PUSH_ONLY:
        return None
    if entity == "centres":
        return dict(fields) if row_id in peers else None
    if row_centre == centre_id:
        return dict(fields)
    if entity in teleconsults.FAMILY:
        visible = row_centre in peers and teleconsults.visible_to(entity, fields, centre_id)
        return dict(fields) if visible else None
    if entity not in _FOREIGN_VISIBLE or row_centre not in peers:
        return None
    return project_foreign(entity, fields)


def project_foreign(entity: str, fields: dict[str, Any]) -> dict[str, Any]:
    """What another centre sees of a row it may see: the donor registry, staff names, deferrals without links."""
    if entity == "donors":
        return {key: (value if key in _DONOR_REGISTRY else None) for key, value in fields.items()}
    if entity == "users":
        projected = {key: (value if key in _FOREIGN_USER else None) for key, value in fields.items()}
        projected.update(password_hash="!", active=False)
        return projected
    if entity == "deferrals":
        return {**fields, **dict.fromkeys(FOREIGN_DEFERRAL_NULLED)}
    return dict(fields)


def registry_clause(peers: list[uuid.UUID]) -> Any:
    """The rows of the shared registry stream of a world (production or training) whose centres are ``peers``.

    Its terms are filters on the rows read in version order, never the way in: most rows of the store are in the
    registry, so a page is the next rows of the version index that pass. (SQLite, without statistics, took the
    terms' indexes instead: every row of every centre read and sorted for each page of 1,000, 10 ms a page at 10,000
    rows and growing with the store; see :class:`unindexed`.)"""
    entity, row_id, centre_id = unindexed(StoredRow.entity), unindexed(StoredRow.id), unindexed(StoredRow.centre_id)
    return or_(
        and_(entity == "centres", row_id.in_(peers)),
        and_(entity.in_(sorted(_FOREIGN_VISIBLE)), centre_id.in_(peers)),
    )


class unindexed(ColumnElement[Any]):  # noqa: N801 (used as a function, as SQLAlchemy's own constructs are)
    """A column in a term that must not choose the index of a query: on SQLite ``+column`` (its documented way to
    keep a term from using an index; the expression has no affinity, and the values compared here are stored as the
    same text they are bound as); elsewhere the column as it is (PostgreSQL plans from its statistics)."""

    inherit_cache = True
    _traverse_internals: ClassVar = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: ColumnElement[Any]) -> None:
        self.column = column
        self.type = column.type


@compiles(unindexed)
def _unindexed(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column, **kw)


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return f"+{compiler.process(element.column, **kw)}"


def _scope_clause(centre_id: uuid.UUID, peers: list[uuid.UUID], stream: Stream | None = None) -> Any:
    """The rows a device of ``centre_id`` pulls: all of them (the combined stream), or those of one stream."""
    if stream is Stream.REGISTRY:
        return registry_clause(peers)
    shared: tuple[Any, ...] = (registry_clause(peers),) if stream is None else ()
    return and_(
        StoredRow.entity.not_in(sorted(PUSH_ONLY)),
        or_(
            StoredRow.centre_id == centre_id,
            *shared,
            # teleconsultations: the hub sees the requests addressed to it, each side the other's messages and files
            and_(
                StoredRow.entity == teleconsults.CONSULTS,
                StoredRow.fields["hub_centre_id"].as_string() == str(centre_id),
                StoredRow.fields["status"].as_string() != teleconsults.C.DRAFT.value,
            ),
            and_(
                StoredRow.entity.in_(sorted(teleconsults.CHILDREN)),
                or_(
                    StoredRow.fields["hub_centre_id"].as_string() == str(centre_id),
                    StoredRow.fields["spoke_centre_id"].as_string() == str(centre_id),
                ),
            ),
        ),
    )


# --------------------------------------------------------------------------------------------------------------------
# pull (principles 4, 14)


def parse_cursor(cursor: str | None) -> int:
    try:
        value = protocol.decode_cursor(cursor)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_SEQ:
        raise ApiError(400, ErrorCode.BAD_CURSOR, "This cursor was not given out by this server.")
    return value


def checked_cursor(session: Session, cursor: str | None) -> int:
    """The sequence ``cursor`` stands for; 410 when it is older than the server keeps changes for (principle 14)."""
    after = parse_cursor(cursor)
    if after > 0 and after < min_cursor(session):
        raise ApiError(
            410,
            ErrorCode.CURSOR_EXPIRED,
            "This cursor is older than the server keeps changes for: push, then take a fresh snapshot from cursor 0.",
        )
    return after


def pull(session: Session, device: Device, cursor: str | None, limit: int) -> PullResponse:
    """Changes after ``cursor`` the device's centre may see, ascending by version, at most ``limit``."""
    rows, has_more, next_cursor = _pull_rows(session, device, cursor, limit, raw=False)
    changes = [
        Change.model_construct(entity=entity, row_id=row_id, version=version, fields=fields)
        for row_id, entity, version, fields in rows
    ]
    return PullResponse.model_construct(
        changes=changes, next_cursor=next_cursor, has_more=has_more, server_time=utcnow()
    )


def pull_json(session: Session, device: Device, cursor: str | None, limit: int, stream: Stream | None = None) -> bytes:
    """:func:`pull`'s page as the JSON body of a :class:`PullResponse`, built without a model per change: the
    stored JSON of each row the device sees in full is copied as it is (only other centres' rows are projected).
    With ``stream=Stream.SCOPE``: a :class:`protocol.StreamPage` of the centre's own scope stream."""
    rows, has_more, next_cursor = _pull_rows(session, device, cursor, limit, raw=True, stream=stream)
    changes = ",".join(
        f'{{"entity":"{entity}","row_id":"{row_id}","version":{version},"fields":{fields}}}'
        for row_id, entity, version, fields in rows
    )
    return page_json(changes, next_cursor, has_more, stream, device.centre_id)


def page_json(
    changes: str, next_cursor: str, has_more: bool, stream: Stream | None, centre_id: uuid.UUID | None = None
) -> bytes:
    """The JSON of a page whose changes are already JSON text (comma-separated objects)."""
    if stream is None:
        envelope = PullResponse.model_construct(
            changes=[], next_cursor=next_cursor, has_more=has_more, server_time=utcnow()
        ).model_dump_json()
    else:
        envelope = protocol.StreamPage.model_construct(
            stream=stream,
            changes=[],
            next_cursor=next_cursor,
            has_more=has_more,
            server_time=utcnow(),
            centre_id=centre_id if stream is Stream.SCOPE else None,
        ).model_dump_json()
    head, tail = envelope.split('"changes":[]', 1)
    return f'{head}"changes":[{changes}]{tail}'.encode()


def _pull_rows(
    session: Session, device: Device, cursor: str | None, limit: int, *, raw: bool, stream: Stream | None = None
) -> tuple[list[tuple[Any, str, int, Any]], bool, str]:
    """The page's rows as (id, entity, version, fields) and whether more follow, and the next cursor. With ``raw``
    the id is its canonical text and the fields are JSON text (the stored text when the device sees the row in
    full)."""
    after = checked_cursor(session, cursor)
    own_centre = device.centre_id
    peers: list[uuid.UUID]
    peer_set: Container[uuid.UUID]
    if stream is Stream.SCOPE:
        # the scope stream never selects by the peers (only its own rows and the teleconsultations it takes part
        # in) and asks about a handful of centres: those asked, not a read of every centre row per page
        peers, peer_set = [], scope_peers(session, device.training)
    else:
        peers = peer_centre_ids(session, device.training)
        peer_set = set(peers)
    # plain columns, not ORM objects (a page is thousands of rows); field_versions is not read at all. Raw: ids as
    # the driver gives them (SQLite: 32 hex digits, PostgreSQL: its UUID), no UUID made per row and column
    ids = (
        (type_coerce(StoredRow.id, _DRIVER_UUID), type_coerce(StoredRow.centre_id, _DRIVER_UUID))
        if raw
        else (
            StoredRow.id,
            StoredRow.centre_id,
        )
    )
    fields_column = cast(StoredRow.fields, Text) if raw else StoredRow.fields
    found = session.execute(
        select(ids[0], StoredRow.entity, ids[1], StoredRow.version, fields_column)
        .where(StoredRow.version > after, _scope_clause(own_centre, peers, stream))
        .order_by(StoredRow.version)
        .limit(limit + 1)
    ).all()
    has_more = len(found) > limit
    found = found[:limit]
    own = _driver_uuid_form(session, own_centre) if raw else own_centre
    rows = []
    peers_as_stored = {_driver_uuid_form(session, peer) for peer in peers} if raw else set()
    for row_id, entity, centre_id, version, fields in found:
        if raw and centre_id != own and entity in _FOREIGN_VISIBLE and centre_id in peers_as_stored:
            # another centre's row: every other centre sees the same projection of this version of it
            key = (row_id, version)
            projected = _PROJECTED.get(key)
            if projected is None:
                projected = to_json(project_foreign(entity, from_json(fields))).decode()
                if len(_PROJECTED) >= PROJECTION_CACHE_ROWS:
                    _PROJECTED.pop(next(iter(_PROJECTED), None), None)  # the oldest
                _PROJECTED[key] = projected
            rows.append((_uuid_text(row_id), entity, version, projected))
            continue
        if centre_id != own or entity in PUSH_ONLY or entity == "centres":
            # the query already scoped it; this is the projection
            # (pydantic-core's JSON reader and writer: about twice as fast as the json module on these rows)
            row_uuid = _as_uuid(row_id) if raw else row_id
            row_centre = None if centre_id is None else _as_uuid(centre_id) if raw else centre_id
            visible = _visible(entity, row_uuid, row_centre, from_json(fields) if raw else fields, own_centre, peer_set)
            if visible is None:
                continue
            fields = to_json(visible).decode() if raw else visible
        rows.append((_uuid_text(row_id) if raw else row_id, entity, version, fields))
    next_cursor = protocol.encode_cursor(found[-1][3] if found else after)
    return rows, has_more, next_cursor


PROJECTION_CACHE_ROWS = 50_000
_PROJECTED: dict[tuple[Any, int], str] = {}
"""Other centres' rows as JSON projections, by (id, version): a version never changes, and when many centres sync
at once each of them pulls the same new registry donors (500 centres: each projection made once, not 500 times)."""


class _DriverUuid(TypeDecorator[Any]):
    """A UUID column read as the driver returns it (no conversion per row)."""

    impl = String
    cache_ok = True


_DRIVER_UUID = _DriverUuid()


def _driver_uuid_form(session: Session, value: uuid.UUID) -> Any:
    return value.hex if session.get_bind().dialect.name == "sqlite" else value


def _as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def _uuid_text(value: Any) -> str:
    """A UUID's canonical text from the driver's form (SQLite's 32 hex digits or a UUID)."""
    if isinstance(value, uuid.UUID):
        return str(value)
    return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def min_cursor(session: Session) -> int:
    value = get_setting(session, MIN_CURSOR)
    return int(value) if value else 0


def get_setting(session: Session, key: str) -> str | None:
    # a plain read, not ``session.get``: every registry pull asks, and the ORM's load cost more than the query
    return session.scalars(select(ServerSetting.value).where(ServerSetting.key == key)).first()


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(ServerSetting, key)
    if row is None:
        session.add(ServerSetting(key=key, value=value))
    else:
        row.value = value


# --------------------------------------------------------------------------------------------------------------------
# stock summaries ("blood availability": counts only, no patient data)

EXPIRING_WINDOW = timedelta(hours=72)


def stock(session: Session, device: Device, now: datetime | None = None) -> StockResponse:
    now = now or utcnow()
    peers = peer_centre_ids(session, device.training)
    centres = {row.id: row.fields for row in centre_rows(session) if row.id in set(peers)}
    status = StoredRow.fields["status"].as_string()
    counts: dict[tuple[uuid.UUID, str | None, str], list[int]] = {}
    query = select(StoredRow.centre_id, StoredRow.fields).where(
        StoredRow.entity == "components", StoredRow.centre_id.in_(peers), status == "available"
    )
    for centre_id, fields in session.execute(query):
        try:
            expires_at = datetime.fromisoformat(fields["expires_at"])
        except (KeyError, TypeError, ValueError):
            continue
        if expires_at <= now:
            continue
        line = counts.setdefault((centre_id, fields.get("blood_group"), str(fields.get("code"))), [0, 0])
        line[0] += 1
        line[1] += expires_at <= now + EXPIRING_WINDOW
    lines = [
        StockLine(
            centre_id=centre_id,
            centre_code=str(centres[centre_id].get("code")),
            centre_name=str(centres[centre_id].get("name")),
            blood_group=group,
            component_code=code,
            available=available,
            expiring_72h=expiring,
        )
        for (centre_id, group, code), (available, expiring) in counts.items()
        if centre_id in centres
    ]
    lines.sort(key=lambda line: (line.centre_code, line.blood_group or "", line.component_code))
    return StockResponse(lines=lines, as_of=now)


# --------------------------------------------------------------------------------------------------------------------
# number blocks


def grant_block(session: Session, device: Device, series: str, size: int) -> BlockResponse:
    """The next free range of ``series`` for the device's centre (shorter if the series is nearly used up)."""
    lock_sequence(session)  # one granter at a time: ranges never overlap
    low, high = series_range(series)
    used = session.scalar(
        select(func.max(NumberBlock.last)).where(
            NumberBlock.centre_id == device.centre_id, NumberBlock.series == series
        )
    )
    first = low if used is None else used + 1
    if first > high:
        raise ApiError(409, ErrorCode.SERIES_EXHAUSTED, f"The {series} numbers of this centre are all given out.")
    block = NumberBlock(
        id=uuid.uuid4(),
        centre_id=device.centre_id,
        series=series,
        first=first,
        last=min(first + size - 1, high),
        device_id=device.id,
        granted_at=utcnow(),
    )
    session.add(block)
    session.flush()
    return BlockResponse(id=block.id, series=series, first=block.first, last=block.last)
