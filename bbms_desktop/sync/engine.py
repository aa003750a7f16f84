"""The sync engine: one cycle pushes the outbox, pulls until caught up and tops up number blocks (SYNC.md).

Push (principle 3): pending ops in ``op_seq`` order, in batches that never split a local transaction; the server's
answer for each op and the ops' new states are saved in one local transaction, so a cut anywhere only means the same
ops are sent again, and the server answers a replay from its op log without applying it twice. A rejected op moves to
the dead-letter list with the server's reason and the server's row, which replaces the local change (principle 6).

Pull (principle 4): a page of changes and the new cursor are applied in one local transaction; a cut at any byte
re-transfers at most that page. Fields this device changed and has not yet pushed are kept (they are re-based on the
server's row and merged by the server when pushed). A ``410`` (the cursor is older than the server keeps
tombstones) re-snapshots from the start without discarding anything local (principle 14).

The engine never imports Qt and holds no ORM object across calls; the scheduler or the CLI drives it.
"""

from __future__ import annotations

import gc
import json
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, String, Table, bindparam, func, select, type_coerce, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.models import (
    SYNCED_MODELS,
    Centre,
    Component,
    DeadLetter,
    DeviceState,
    NumberBlock,
    OpState,
    OutboxOp,
    Record,
    Teleconsult,
    Voidable,
)
from bbms_desktop.models.bulk import update_many
from bbms_desktop.models.codec import as_is as _as_is
from bbms_desktop.models.codec import column_converter, decode_fields, storage_converter, uuid_hex, uuid_hexes
from bbms_desktop.rules.teleconsult import ConsultStatus
from bbms_desktop.rules.vocabulary import ComponentStatus
from bbms_desktop.services import components, teleconsult
from bbms_desktop.services.uow import Database
from bbms_desktop.sync import protocol
from bbms_desktop.sync.blobs import BlobUploader
from bbms_desktop.sync.pages import PulledPage, PulledRows
from bbms_desktop.sync.protocol import Stream
from bbms_desktop.sync.transport import ServerRefused, SyncError, Transport

REFUSED_BY_SERVER = QT_TRANSLATE_NOOP("Sync", "Refused by the central server: {message}")
NOT_ENROLLED = QT_TRANSLATE_NOOP(
    "Sync", "This profile is not enrolled with a central server: enrol it first (bbms-desktop enrol)."
)

TRAINING_NEVER_SYNCS = QT_TRANSLATE_NOOP(
    "Sync",
    "This is a training sandbox: it never syncs with a central server, so practice never reaches real records.",
)

MODELS: dict[str, type[Record]] = {model.__tablename__: model for model in SYNCED_MODELS}
ENTITY_ORDER = {name: index for index, name in enumerate(protocol.ENTITIES)}

# How many numbers a device asks for at a time, and below how many left it asks for more.
BLOCK_SIZES = {"donor": 2000, "request": 500, "camp": 20, "din": 2000}
BLOCK_LOW_WATER = 0.25

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: stage is "push", "pull" or "blocks"; total is 0 when not known."""


@dataclass(frozen=True, slots=True)
class SyncSummary:
    pushed: int  # ops the server took in this cycle (applied, merged or in conflict)
    rejected: int  # ops the server refused in this cycle (now dead letters)
    conflicts: int  # ops applied over a change made elsewhere to the same field (flagged for review)
    pulled: int  # changes applied from the server
    pending: int  # ops still waiting after the cycle
    dead_letters: int  # unresolved dead letters in all
    caught_up: bool  # nothing pending and the pull reached the end
    resnapshot: bool = False  # the server no longer had our cursor: the scope was pulled again from the start
    held: int = 0  # units in stock put back in quarantine because pulled changes took their clearance away
    advice_received: int = 0  # teleconsultations whose completed advice arrived in this cycle
    attachments_sent: int = 0  # attachment blobs the server now holds whole, sent in this cycle
    attachments_waiting: int = 0  # attachment blobs not yet sent or failed (tried again by the next cycle)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def refuse_training(session: Session) -> None:
    """Principle 15, the client's side: a training profile (its device or its centre marked training) never opens a
    connection to a server, before any request is made; the server refuses a training device at a production centre
    on its side."""
    state = session.get(DeviceState, 1)
    centre = session.get(Centre, state.centre_id) if state is not None and state.centre_id else None
    if (state is not None and state.is_training) or (centre is not None and centre.is_training):
        raise SyncError(TRAINING_NEVER_SYNCS(), code="training_profile")


class SyncEngine:
    def __init__(
        self,
        db: Database,
        transport: Transport,
        *,
        push_batch: int = protocol.MAX_OPS_PER_PUSH,
        pull_limit: int = protocol.DEFAULT_PULL_LIMIT,
    ) -> None:
        self.db = db
        self.transport = transport
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self._own_centre: uuid.UUID | None = None  # this device's centre, as the scope stream names it
        self._touched: set[uuid.UUID] = set()  # donations whose lab clearance pulled changes may have altered
        self._checked_everything = False
        with db.read() as session:
            refuse_training(session)
            state = session.get(DeviceState, 1)
            if state is None or state.server_url is None:
                raise SyncError(NOT_ENROLLED(), code="not_enrolled")
            self.device_id = state.device_id

    def run_cycle(self, progress: Progress | None = None) -> SyncSummary:
        """Push everything pending, pull until caught up, top up number blocks."""
        with fewer_collections():
            return self._run_cycle(progress)

    def _run_cycle(self, progress: Progress | None) -> SyncSummary:
        report = progress or _no_progress
        pushed, rejected, conflicts = self.push(report)
        pulled, resnapshot = self.pull_streams(report, resnapshot=True)
        held = self.hold_uncleared_stock()
        received = self.receive_advice()
        if held or received:
            more = self.push(report)  # the holds are local changes like any other: they go up at once
            pushed, rejected, conflicts = pushed + more[0], rejected + more[1], conflicts + more[2]
        self.top_up_blocks(report)
        # the requests went first and are valid without their files (principle 13); the files follow, resumably
        uploads = BlobUploader(self.db, self.transport).upload_pending(report)
        with self.db.remote_apply() as session:
            pending = _pending_count(session)
            state = _device(session)
            dead = session.scalar(select(func.count()).select_from(DeadLetter).where(DeadLetter.resolved_at.is_(None)))
            if pending == 0:
                state.last_sync_at = datetime.now(UTC)
            state.last_sync_error = None
        return SyncSummary(
            pushed,
            rejected,
            conflicts,
            pulled,
            pending,
            dead or 0,
            pending == 0,
            resnapshot,
            held,
            advice_received=received,
            attachments_sent=uploads.uploaded,
            attachments_waiting=uploads.waiting + uploads.failed,
        )

    def receive_advice(self) -> int:
        """The hub's completed answers this spoke pulled become "received" (a step the server checks too)."""
        with self.db.read() as session:
            state = _device(session)
            waiting = session.scalar(
                select(func.count())
                .select_from(Teleconsult)
                .where(Teleconsult.centre_id == state.centre_id, Teleconsult.status == ConsultStatus.COMPLETED)
            )
        if not waiting:
            return 0
        with self.db.unit_of_work(None) as uow:
            return len(teleconsult.mark_received(uow))

    def hold_uncleared_stock(self) -> int:
        """Safety after a pull: units in stock whose clearance the pulled changes took away go back to quarantine.

        Checks the donations the pulls of this engine touched; the first time, every donation with units in stock
        (so a crash between a pull and this check is made good when the app starts again)."""
        with self.db.read() as session:
            if self._checked_everything:
                wanted = set(self._touched)
            else:
                stocked = select(Component.donation_id).where(Component.status.in_(_IN_STOCK)).distinct()
                wanted = set(session.scalars(stocked))
        if not wanted:
            return 0
        with self.db.unit_of_work(None) as uow:
            held = components.hold_uncleared_stock(uow, wanted)
        self._touched -= wanted
        self._checked_everything = True
        return len(held)

    # -- push ---------------------------------------------------------------------------------------------------------

    def push(self, progress: Progress = lambda *_: None) -> tuple[int, int, int]:
        """Push every pending op. The next batch is on the wire while the answer to the one before is saved: the
        server takes batches in the order they are sent, and a cut anywhere only means that the ops whose answers
        were not saved go again (the server answers them from its op log).

        The batch after the one on the wire is read and written as JSON meanwhile too, so it is sent the moment the
        answer comes (the server waits for no reading and no writing here). Still one request at a time, in order:
        a batch is sent only after the server answered the one before it."""
        pushed = rejected = conflicts = 0
        with self.db.read() as session:
            total = _pending_count(session)
        with fewer_collections(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as sender:
            sending: tuple[list[_PendingOp], Future[protocol.PushResponse]] | None = None
            while True:
                if sending is None:
                    sending = self._send(sender, self._read_next(after=0))
                    if sending is None:
                        return pushed, rejected, conflicts
                batch, answer = sending
                following = self._read_next(after=batch[-1].op_seq)  # while the server works on ``batch``
                try:
                    response = answer.result()
                except ServerRefused as refused:
                    if refused.body.code == protocol.ErrorCode.OP_GAP and refused.body.expected_op_seq is not None:
                        self._resend_from(refused.body.expected_op_seq, batch[0].op_seq)
                        sending = None
                        continue
                    raise
                sending = self._send(sender, following)
                outcome = self._record_results(batch, response)
                pushed += outcome[0]
                rejected += outcome[1]
                conflicts += outcome[2]
                progress("push", pushed + rejected, total)

    def _read_next(self, *, after: int) -> tuple[list[_PendingOp], bytes] | None:
        """The next batch of pending ops after op ``after`` and its request body (None: nothing left)."""
        with self.db.read() as session:
            batch = self._next_batch(session, after)
        if not batch:
            return None
        return batch, _push_body(self.device_id, batch)

    def _send(
        self, sender: ThreadPoolExecutor, read: tuple[list[_PendingOp], bytes] | None
    ) -> tuple[list[_PendingOp], Future[protocol.PushResponse]] | None:
        if read is None:
            return None
        batch, body = read
        return batch, sender.submit(self.transport.push_body, body)

    def _next_batch(self, session: Session, after: int = 0) -> list[_PendingOp]:
        """The oldest pending ops after op ``after``, at most ``push_batch``, ending at a transaction boundary when
        it can."""
        ops = [
            _PendingOp(*row)
            for row in session.execute(
                select(*_PENDING_COLUMNS)
                .where(OutboxOp.state == OpState.PENDING, OutboxOp.op_seq > after)
                .order_by(OutboxOp.op_seq)
                .limit(self.push_batch + 1)
            )
        ]
        if len(ops) <= self.push_batch:
            return ops
        last_tx = ops[self.push_batch].tx
        whole = [op for op in ops[: self.push_batch] if op.tx != last_tx]
        # one transaction bigger than a batch goes in several (atomic per push, see docs/sync.md)
        return whole or ops[: self.push_batch]

    def _resend_from(self, expected: int, first_pending: int) -> None:
        """The server has ops only up to ``expected - 1`` (restored from a backup): send ours again from there."""
        if expected >= first_pending:
            raise SyncError(REFUSED_BY_SERVER(message=f"op_seq gap at {expected}"), code="op_gap")
        with self.db.remote_apply() as session:
            session.execute(
                update(OutboxOp)
                .where(OutboxOp.op_seq >= expected, OutboxOp.state == OpState.ACKED)
                .values(state=OpState.PENDING)
            )

    def _record_results(self, batch: Sequence[_PendingOp], response: protocol.PushResponse) -> tuple[int, int, int]:
        sent = {op.op_seq: op for op in batch}
        pushed = rejected = conflicts = 0
        # the plain acknowledgements (the common case) are written with one executemany per table; they are flushed,
        # in order, before any op whose answer changes local rows (a rejection, a server row)
        acked: list[tuple[OpState, None, int]] = []
        versions: dict[str, list[tuple[int, uuid.UUID]]] = {}
        withdrawn: list[tuple[str, uuid.UUID]] = []  # refused inserts that must make way for the server's rows
        # foreign keys unchecked: a withdrawn row's own children are refused (or will be) and go the same way
        with self.db.remote_apply(check_foreign_keys=False) as session:
            outbox = OutboxOp.__table__

            def flush_acknowledgements() -> None:
                update_many(session, outbox, "op_seq", ("state", "last_error"), acked)  # type: ignore[arg-type]
                acked.clear()
                for entity, rows in versions.items():
                    # the version only: no onupdate restamps updated_at (an acknowledgement changes no content; a
                    # push-only row such as an audit event would differ from the server's)
                    update_many(session, MODELS[entity].__table__, "id", ("version",), rows)  # type: ignore[arg-type]
                versions.clear()

            for result in response.results:
                op = sent.get(result.op_seq)
                if op is None:
                    continue
                model = MODELS.get(op.entity)
                if result.status == protocol.OpStatus.REJECTED or result.server_row is not None:
                    flush_acknowledgements()
                if result.status == protocol.OpStatus.REJECTED:
                    rejected += 1
                    session.execute(
                        update(outbox)
                        .where(outbox.c.op_seq == op.op_seq)
                        .values(state=OpState.REJECTED, last_error=(result.message or "")[:1000])
                    )
                    session.add(
                        DeadLetter(
                            op_seq=op.op_seq,
                            op_id=op.op_id,
                            tx=op.tx,
                            entity=op.entity,
                            row_id=op.row_id,
                            kind=op.kind,
                            fields=op.fields,
                            code=(result.code or "rejected")[:60],
                            message=(result.message or "")[:1000],
                            server_row=result.server_row,
                        )
                    )
                    if model is not None:
                        if result.server_row is not None:
                            _apply_rows(session, model, [(result.server_row, None)], keep={})
                        elif op.kind == "insert" and _must_make_way(model, result.code):
                            withdrawn.append((op.entity, op.row_id))
                        elif op.kind == "insert" and issubclass(model, Voidable):
                            _void_locally(session, model, op.row_id, result.message or result.code or "")
                    continue
                pushed += 1
                conflicts += result.status == protocol.OpStatus.CONFLICT
                acked.append((OpState.ACKED, None, op.op_seq))
                if model is not None and result.version is not None:
                    versions.setdefault(op.entity, []).append((result.version, op.row_id))
                    if result.server_row is not None:
                        flush_acknowledgements()
                        keep = _pending_fields(session, [(op.entity, op.row_id)])
                        _apply_rows(session, model, [(result.server_row, result.version)], keep=keep)
            flush_acknowledgements()
            if withdrawn:
                session.flush()  # the dead letters first: the delete guard lets only a refused insert go
                for entity, row_id in sorted(withdrawn, key=lambda w: -ENTITY_ORDER[w[0]]):
                    table: Table = MODELS[entity].__table__  # type: ignore[assignment]
                    session.execute(table.delete().where(table.c.id == row_id))
        return pushed, rejected, conflicts

    # -- pull ---------------------------------------------------------------------------------------------------------

    def pull(self, progress: Progress = lambda *_: None) -> int:
        """Pull both streams until caught up: the centre's scope and the shared registry (a ``410`` is raised)."""
        return self.pull_streams(progress)[0]

    def pull_streams(self, progress: Progress = lambda *_: None, *, resnapshot: bool = False) -> tuple[int, bool]:
        """Pull the two streams until both are caught up; the changes pulled, and whether a stream was pulled again
        from the start.

        One thread fetches the next page of each stream (one page ahead per stream, each asked with the cursor the
        page before it gave) while this one applies the page that came, with its cursor in that stream's own column:
        a cut anywhere resumes each stream at its first page not applied, so at most the page on the wire of each
        stream is sent twice. The streams are independent (the registry repeats this centre's own rows, which its
        pages leave out, and keeps no older version of a row): a registry page is applied as soon as it is there,
        once the first scope page has named this device's centre; the registry's pages no longer wait for the whole
        scope to be in (an initial pull spent a third of its time fetching registry pages after it).

        A ``410`` (the cursor is older than the server keeps tombstones): with ``resnapshot`` that stream is pulled
        again from the start, discarding nothing local (principle 14; the outbox is pushed already), else raised."""
        with self.db.read() as session:
            state = _device(session)
            cursors = {Stream.SCOPE: state.pull_cursor or "0", Stream.REGISTRY: state.registry_cursor or "0"}
            centre_of_state = state.centre_id
        pulled, renewed = 0, False
        expired: set[Stream] = set()
        with fewer_collections(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:

            def fetch(stream: Stream, cursor: str) -> Future[PulledPage]:
                return fetcher.submit(self.transport.pull_stream, stream, cursor, self.pull_limit)

            fetching = {stream: fetch(stream, cursor) for stream, cursor in cursors.items()}
            scope_named = False  # the first scope page is applied: it names this device's centre
            try:
                while fetching:
                    stream = self._next_stream(fetching, scope_named)
                    try:
                        page = fetching[stream].result()
                    except ServerRefused as refused:
                        if not resnapshot or refused.body.code != protocol.ErrorCode.CURSOR_EXPIRED:
                            raise
                        if stream in expired:
                            raise
                        expired.add(stream)
                        self._set_cursor("0", stream)
                        renewed = True
                        fetching[stream] = fetch(stream, "0")
                        continue
                    if page.has_more:
                        fetching[stream] = fetch(stream, page.next_cursor)
                    else:
                        del fetching[stream]
                    if stream is Stream.SCOPE:
                        scope_named = True
                        if page.centre_id is not None:
                            self._own_centre = page.centre_id
                    elif self._own_centre is None:
                        self._own_centre = centre_of_state
                    self.apply_page(page, page.next_cursor, stream)
                    pulled += page.count
                    progress("pull", pulled, 0)
            except BaseException:
                for future in fetching.values():
                    future.cancel()  # a page not yet asked for is not asked for
                raise
        return pulled, renewed

    @staticmethod
    def _next_stream(fetching: dict[Stream, Future[PulledPage]], scope_named: bool) -> Stream:
        """The stream whose page is applied next: a page that is there (the scope's first), else the first to come;
        no registry page before the first scope page."""
        scope, registry = fetching.get(Stream.SCOPE), fetching.get(Stream.REGISTRY)
        if registry is None or (scope is not None and not scope_named):
            return Stream.SCOPE
        if scope is None:
            return Stream.REGISTRY
        if not scope.done() and not registry.done():
            wait((scope, registry), return_when=FIRST_COMPLETED)
        return Stream.SCOPE if scope.done() else Stream.REGISTRY

    def apply_page(
        self, changes: Sequence[protocol.Change] | PulledPage, next_cursor: str, stream: Stream = Stream.SCOPE
    ) -> None:
        """Apply one page and its cursor in one local transaction (foreign keys checked at the end of the pull).

        A table's rows go in one driver ``executemany`` of one upsert, each column converted for the whole page at
        once; rows with fields this device has not pushed yet, and rows that do not name every column, take the
        row-by-row path (:func:`_apply_rows`).

        A registry page repeats this centre's own rows (projected as other centres see them): they are skipped, the
        scope stream has them whole; and a registry row never replaces a newer version of itself (a page the server
        built earlier may hold a version since superseded; the newer one follows in a later page)."""
        session: Session | None = None
        with self.db.remote_connection() as connection:

            def joined() -> Session:
                """A Session in this page's transaction, for the paths that take one (made only when one is)."""
                nonlocal session
                if session is None:
                    session = Session(bind=connection, autoflush=False, expire_on_commit=False)
                    session.info["remote"] = True
                return session

            try:
                page = changes if isinstance(changes, PulledPage) else PulledPage.of_changes(changes, next_cursor)
                if stream is Stream.REGISTRY:
                    page = _registry_rows(connection, page, self._own_centre)
                # an entity this version does not know is skipped (a newer server)
                entities = sorted((e for e in page.by_entity if e in MODELS), key=ENTITY_ORDER.__getitem__)
                keep = _pending_fields_of_page(connection, joined, page)
                for entity in entities:
                    rows = page.by_entity[entity]
                    if keep or not _apply_whole_rows(connection, MODELS[entity], rows):
                        fields = list(zip(rows.fields, rows.versions, strict=True))
                        _apply_rows(joined(), MODELS[entity], fields, keep=keep)
                set_cursor = _SET_PULL_CURSOR if stream is Stream.SCOPE else _SET_REGISTRY_CURSOR
                moved = connection.exec_driver_sql(set_cursor, (next_cursor,))
                assert moved.rowcount == 1, "profile without device state"
                by_entity = {entity: page.by_entity[entity].fields for entity in entities}
                touched = _donations_touched(connection, by_entity)
            finally:
                if session is not None:
                    session.close()  # the transaction is the connection's: committed when the block ends
        self._touched |= touched

    def _set_cursor(self, cursor: str, stream: Stream = Stream.SCOPE) -> None:
        with self.db.remote_apply() as session:
            if stream is Stream.SCOPE:
                _device(session).pull_cursor = cursor
            else:
                _device(session).registry_cursor = cursor

    # -- number blocks ------------------------------------------------------------------------------------------------

    def take_block(
        self, series: str, size: int, centre_id: uuid.UUID, device_id: uuid.UUID, camp_id: uuid.UUID | None = None
    ) -> None:
        """Ask the server for a block of ``series`` and keep it as this device's (a camp's, with ``camp_id``)."""
        block = self.transport.blocks(protocol.BlockRequest(series=series, size=size))
        with self.db.remote_apply() as session:
            if session.get(NumberBlock, block.id) is None:
                session.add(
                    NumberBlock(
                        id=block.id,
                        centre_id=centre_id,
                        series=block.series,
                        first=block.first,
                        last=block.last,
                        next=block.first,
                        holder_device_id=device_id,
                        camp_id=camp_id,
                    )
                )

    def top_up_blocks(self, progress: Progress = lambda *_: None) -> int:
        """Ask the server for a new block of each series this device is running low on; the number of blocks got."""
        with self.db.read() as session:
            state = _device(session)
            centre = session.get(Centre, state.centre_id) if state.centre_id else None
            if centre is None:
                return 0
            series = ["donor", "request", "camp"]
            if centre.fin:
                year = datetime.now().astimezone().year
                series += [f"din:{year % 100:02d}", f"din:{(year + 1) % 100:02d}"]
            wanted = []
            for name in series:
                size = BLOCK_SIZES[name.split(":")[0]]
                left = session.scalar(
                    select(func.coalesce(func.sum(NumberBlock.last - NumberBlock.next + 1), 0)).where(
                        NumberBlock.holder_device_id == state.device_id,
                        NumberBlock.series == name,
                        NumberBlock.next <= NumberBlock.last,
                    )
                )
                if (left or 0) < size * BLOCK_LOW_WATER:
                    wanted.append((name, size))
            centre_id, device_id = centre.id, state.device_id
        got = 0
        for name, size in wanted:
            self.take_block(name, size, centre_id, device_id)
            got += 1
            progress("blocks", got, len(wanted))
        return got


# ---------------------------------------------------------------------------------------------------------------------
# helpers

_GC_LOCK = threading.Lock()
_GC_USERS = 0
_GC_SAVED: tuple[int, int, int] = gc.get_threshold()
SYNC_GC_THRESHOLDS = (20_000, 20, 20)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """While a cycle runs, Python's garbage collector runs less often. A pushed backlog or a pulled snapshot makes
    hundreds of thousands of short-lived objects, and with the default thresholds the full collections that walk
    every object of the process (the whole app) took a third of a push's time. Nothing else changes: the thresholds
    are put back when the last cycle running ends."""
    global _GC_USERS, _GC_SAVED
    with _GC_LOCK:
        if _GC_USERS == 0:
            _GC_SAVED = gc.get_threshold()
            gc.set_threshold(*(max(mine, theirs) for mine, theirs in zip(SYNC_GC_THRESHOLDS, _GC_SAVED, strict=True)))
        _GC_USERS += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_USERS -= 1
            if _GC_USERS == 0:
                gc.set_threshold(*_GC_SAVED)


def _no_progress(_stage: str, _done: int, _total: int) -> None:
    return None


_IN_STOCK = (ComponentStatus.AVAILABLE, ComponentStatus.RESERVED)


def _donations_touched(connection: Connection, by_entity: dict[str, list[dict[str, Any]]]) -> set[uuid.UUID]:
    """The donations whose units' clearance a page may have changed: their results, verifications, units, donors."""
    touched = {f["donation_id"] for f in by_entity.get("lab_result_sets", ())}
    touched |= {f["donation_id"] for f in by_entity.get("components", ())}
    touched |= {f["id"] for f in by_entity.get("donations", ())}
    # the ids go as one JSON array (SQLite's json_each), not an IN list of thousands of parameters to build
    # (driver SQL: the ids as SQLite keeps them, 32 hex digits, read back as they are; no ORM query per page)
    driver = connection.connection.driver_connection
    result_sets = uuid_hexes([f["result_set_id"] for f in by_entity.get("lab_verifications", ())])
    if result_sets:
        touched |= {row[0] for row in driver.execute(_DONATIONS_OF_RESULT_SETS, (json.dumps(result_sets),))}  # type: ignore[union-attr]
    donors = uuid_hexes([f["id"] for f in by_entity.get("donors", ())])
    if donors:
        touched |= {row[0] for row in driver.execute(_DONATIONS_OF_DONORS, (json.dumps(donors),))}  # type: ignore[union-attr]
    return {value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)) for value in touched}


_JSON_IDS = select(func.json_each(bindparam("ids")).table_valued("value").c.value).scalar_subquery()
"""The ids of a JSON array parameter ``ids`` (SQLite's 32 hex digits), for ``column.in_(_JSON_IDS)``."""
_DONATIONS_OF_RESULT_SETS = "SELECT donation_id FROM lab_result_sets WHERE id IN (SELECT value FROM json_each(?))"
_DONATIONS_OF_DONORS = "SELECT id FROM donations WHERE donor_id IN (SELECT value FROM json_each(?))"


def _device(session: Session) -> DeviceState:
    state = session.get(DeviceState, 1)
    assert state is not None, "profile without device state"
    return state


def _pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.state == OpState.PENDING)) or 0


_STORED = String()
_PENDING_COLUMNS = (
    OutboxOp.op_seq,
    type_coerce(OutboxOp.op_id, _STORED),
    OutboxOp.tx,
    OutboxOp.entity,
    type_coerce(OutboxOp.row_id, _STORED),
    type_coerce(OutboxOp.kind, _STORED),
    OutboxOp.base_version,
    type_coerce(OutboxOp.fields, _STORED),
    OutboxOp.hlc,
)
"""A pending op's columns as SQLite keeps them (ids as 32 hex digits, the fields as their JSON text): a push sends
them on as they are, without a UUID, a dict and a model per op."""


class _PendingOp:
    """A pending op as read for a push (a batch is 500 of them); what only a rejection needs is decoded on demand."""

    __slots__ = ("_fields", "_row_id", "base_version", "entity", "fields_json", "hlc", "kind", "op_id_hex", "op_seq",
                 "row_id_hex", "tx")  # fmt: skip

    def __init__(
        self, op_seq: int, op_id_hex: str, tx: int, entity: str, row_id_hex: str, kind: str,
        base_version: int | None, fields_json: str, hlc: str,
    ) -> None:  # fmt: skip
        self.op_seq, self.op_id_hex, self.tx, self.entity, self.row_id_hex = op_seq, op_id_hex, tx, entity, row_id_hex
        self.kind, self.base_version, self.fields_json, self.hlc = kind, base_version, fields_json, hlc
        self._row_id: uuid.UUID | None = None
        self._fields: dict[str, Any] | None = None

    @property
    def op_id(self) -> uuid.UUID:
        return uuid.UUID(self.op_id_hex)

    @property
    def row_id(self) -> uuid.UUID:
        if self._row_id is None:
            self._row_id = uuid.UUID(self.row_id_hex)
        return self._row_id

    @property
    def fields(self) -> dict[str, Any]:
        if self._fields is None:
            self._fields = json.loads(self.fields_json)
        return self._fields

    def wire_json(self) -> str:
        """The op as a :class:`protocol.Op` in JSON: the stored fields' text as it is."""
        if "NaN" in self.fields_json or "Infinity" in self.fields_json:
            # Python's JSON writer keeps a float that is not a number; the wire (pydantic) writes null
            return _wire_op(self).model_dump_json()
        base = "null" if self.base_version is None else int(self.base_version)
        return (
            f'{{"op_seq":{int(self.op_seq)},"op_id":"{_dashed(self.op_id_hex)}","tx":{int(self.tx)},'
            f'"entity":{json.dumps(self.entity)},"row_id":"{_dashed(self.row_id_hex)}","kind":{json.dumps(self.kind)},'
            f'"base_version":{base},"fields":{self.fields_json},"hlc":{json.dumps(self.hlc)}}}'
        )


def _dashed(hex_id: str) -> str:
    """A UUID's canonical text from SQLite's 32 hex digits (checked: anything else is not an id)."""
    if len(hex_id) != 32:
        return str(uuid.UUID(hex_id))
    return f"{hex_id[:8]}-{hex_id[8:12]}-{hex_id[12:16]}-{hex_id[16:20]}-{hex_id[20:]}"


def _push_body(device_id: uuid.UUID, batch: Sequence[_PendingOp]) -> bytes:
    """The JSON of a :class:`protocol.PushRequest` of ``batch``."""
    ops = ",".join(op.wire_json() for op in batch)
    return f'{{"device_id":"{device_id}","schema_version":{protocol.SCHEMA_VERSION},"ops":[{ops}]}}'.encode()


def _wire_op(op: _PendingOp) -> protocol.Op:
    return protocol.Op(
        op_seq=op.op_seq,
        op_id=op.op_id,
        tx=op.tx,
        entity=op.entity,
        row_id=op.row_id,
        kind=op.kind,
        base_version=op.base_version,
        fields=op.fields,
        hlc=op.hlc,
    )


def _registry_rows(connection: Connection, page: PulledPage, own_centre: uuid.UUID | None) -> PulledPage:
    """The rows of a registry page to apply: not this centre's own rows, and none older than the local row (of two
    versions of a row in the page, the newer)."""
    own = None if own_centre is None else str(own_centre)
    by_entity: dict[str, PulledRows] = {}
    driver = connection.connection.driver_connection
    for entity, rows in page.by_entity.items():
        if entity not in MODELS:
            continue
        wanted = [
            index
            for index, fields in enumerate(rows.fields)
            # this centre's own row (or one it cannot place before the scope named its centre): not here
            if entity == "centres"
            or not ((centre := fields.get("centre_id")) is None or own is None or _same_id(centre, own))
        ]
        if not wanted:
            continue
        hexes = [uuid_hex(rows.row_ids[index]) for index in wanted]
        local = dict(driver.execute(_REGISTRY_VERSIONS[entity], (json.dumps(hexes),)))  # type: ignore[union-attr]
        newest: dict[str, int] = {}  # a page grown while rows changed may hold two versions: the newer one
        for index, row_hex in zip(wanted, hexes, strict=True):
            version = rows.versions[index]
            older = (seen := local.get(row_hex)) is not None and seen >= version
            if not older and (row_hex not in newest or rows.versions[newest[row_hex]] < version):
                newest[row_hex] = index
        if newest:
            kept = by_entity[entity] = PulledRows()
            for index in newest.values():
                kept.row_ids.append(rows.row_ids[index])
                kept.fields.append(rows.fields[index])
                kept.versions.append(rows.versions[index])
    count = sum(len(rows.row_ids) for rows in by_entity.values())
    return PulledPage(by_entity, page.next_cursor, page.has_more, count, page.centre_id)


_REGISTRY_VERSIONS = {
    entity: f'SELECT id, version FROM "{entity}" WHERE id IN (SELECT value FROM json_each(?))' for entity in MODELS
}
"""Per synced table: the local versions of the rows of a JSON array of ids (as SQLite keeps them: 32 hex digits)."""


def _same_id(value: Any, own: str) -> bool:
    text = str(value)
    return text == own or text.lower() == own or (len(text) == 32 and _dashed(text.lower()) == own)


def _pending_fields(session: Session, keys: Iterable[tuple[str, uuid.UUID]]) -> dict[tuple[str, uuid.UUID], set[str]]:
    """For rows with ops not yet pushed: the fields those ops change (kept when the server's row is applied)."""
    wanted = {row_id for _entity, row_id in keys}
    if not wanted:
        return {}
    pending: dict[tuple[str, uuid.UUID], set[str]] = {}
    query = select(OutboxOp.entity, OutboxOp.row_id, OutboxOp.fields).where(OutboxOp.state == OpState.PENDING)
    # usually nothing or a few ops are pending: read them all (the outbox's pending index) rather than ask for
    # thousands of row ids; a long queue is asked for the page's rows only
    few = list(session.execute(query.order_by(OutboxOp.op_seq).limit(len(wanted) + 1)))
    if len(few) <= len(wanted):
        rows: Iterable[Any] = (row for row in few if row.row_id in wanted)
    else:
        rows = session.execute(query.where(OutboxOp.row_id.in_(list(wanted))))
    for entity, row_id, fields in rows:
        pending.setdefault((entity, row_id), set()).update(fields)
    return pending


def _pending_fields_of_page(connection: Connection, joined: Callable[[], Session], page: PulledPage) -> _Kept:
    """:func:`_pending_fields` for the rows of a pulled page; nothing to read when no op is pending (the usual)."""
    if connection.connection.driver_connection.execute(_ANY_PENDING).fetchone() is None:  # type: ignore[union-attr]
        return {}
    keys = [(entity, uuid.UUID(row_id)) for entity, rows in page.by_entity.items() for row_id in rows.row_ids]
    return _pending_fields(joined(), keys)


_ANY_PENDING = f"SELECT 1 FROM outbox WHERE state = '{OpState.PENDING.value}' LIMIT 1"  # the outbox's pending index
_SET_PULL_CURSOR = "UPDATE device_state SET pull_cursor = ? WHERE id = 1"
_SET_REGISTRY_CURSOR = "UPDATE device_state SET registry_cursor = ? WHERE id = 1"

_Rows = Sequence[tuple[dict[str, Any], int | None]]
"""Rows in wire form, each with its server version (None: a server row answering a push)."""
_Kept = dict[tuple[str, uuid.UUID], set[str]]
"""Per (entity, row id): the fields this device changed and has not pushed yet (left as they are)."""


def _apply_rows(session: Session, model: type[Record], rows: _Rows, *, keep: _Kept) -> None:
    """Upsert the server's rows (wire form) into the local table; fields in ``keep`` for a row are left as they are."""
    table: Table = model.__table__  # type: ignore[assignment]
    entity = model.__tablename__
    lean = _whole_row_upsert(session.get_bind().dialect, table)
    whole: list[tuple[Any, ...]] = []
    other: list[tuple[dict[str, Any], int | None]] = []
    for fields, version in rows:
        # a pulled row names every column (and perhaps a newer server's extra ones, which are left out)
        if version is None or not fields.keys() >= lean.needed or (keep and (entity, _row_uuid(fields)) in keep):
            other.append((fields, version))
        else:
            whole.append(lean.bound(fields, version))
    if whole:
        lean.apply(session.connection(), whole)
    if other:
        _apply_rows_slowly(session, model, other, keep=keep)


def _apply_whole_rows(connection: Connection, model: type[Record], rows: PulledRows) -> bool:
    """Upsert a page's rows of one table, each naming every column, with no field of them to keep: each column
    converted for all the rows at once, then :meth:`_WholeRowUpsert.apply`. False (nothing done): a row does not
    name every column, the caller sends the table's rows through :func:`_apply_rows`."""
    table: Table = model.__table__  # type: ignore[assignment]
    lean = _whole_row_upsert(connection.dialect, table)
    bound = lean.bind_rows(rows.fields, rows.versions)
    if bound is None:
        return False
    lean.apply(connection, bound)
    return True


def _row_uuid(fields: dict[str, Any]) -> uuid.UUID:
    return uuid.UUID(str(fields["id"]))


def _apply_rows_slowly(session: Session, model: type[Record], rows: _Rows, *, keep: _Kept) -> None:
    """Rows that are not whole (a server row answering a push, an older server), or with fields to keep."""
    table: Table = model.__table__  # type: ignore[assignment]
    columns = set(table.c.keys())
    plain: list[dict[str, Any]] = []
    for fields, version in rows:
        known = {name: value for name, value in fields.items() if name in columns and name != "version"}
        values = decode_fields(model, known)
        if version is not None:
            values["version"] = version
        kept = keep.get((model.__tablename__, values["id"]))
        if kept:
            _upsert(session, table, values, skip=kept)
        else:
            plain.append(values)
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values in plain:
        shapes.setdefault(tuple(sorted(values)), []).append(values)
    for keys, batch in shapes.items():
        statement = sqlite_insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.id],
            set_={key: statement.excluded[key] for key in keys if key != "id"},
        )
        session.execute(statement, batch)


class _WholeRowUpsert:
    """The upsert of whole rows of one table: one SQL text, and per column the function from the wire value to the
    value SQLite stores (what SQLAlchemy's decode and bind processors make of it, checked the same way)."""

    def __init__(self, table: Table, dialect: Dialect) -> None:
        quote = dialect.identifier_preparer.quote
        names = tuple(column.key for column in table.c if column.key != "version")
        keys = (*names, "version")
        quoted = [quote(key) for key in keys]
        updates = ", ".join(f"{name} = excluded.{name}" for key, name in zip(keys, quoted, strict=True) if key != "id")
        self.sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quoted)}) VALUES ({', '.join('?' * len(keys))}) "
            f"ON CONFLICT ({quote('id')}) DO UPDATE SET {updates}"
        )
        self.needed = frozenset(names)  # every column but ``version`` (the last parameter)
        self._table = quote(table.name)
        self._quoted = quoted
        self._id = names.index("id")
        among = f"{quoted[self._id]} IN (SELECT value FROM json_each(?))"
        self._select = f"SELECT {', '.join(quoted)} FROM {self._table} WHERE {among}"
        self._updates: dict[tuple[int, ...], str] = {}
        assert len(names) > 1, "a synced table has an id and more"
        self._values = itemgetter(*names)
        converters = [storage_converter(table.c[key], dialect) for key in names]
        # the columns whose wire value is not already what SQLite keeps (text, numbers: stored as they come)
        self._converted = [(index, convert) for index, convert in enumerate(converters) if convert is not _as_is]
        by_column = [(index, column_converter(table.c[key], dialect)) for index, key in enumerate(names)]
        self._converted_columns = [(index, convert) for index, convert in by_column if convert is not None]

    def apply(self, connection: Connection, bound: Sequence[tuple[Any, ...]]) -> None:
        """Store ``bound`` rows (:meth:`bound` values). A small page (an incremental pull: a few changed rows, most
        of them here already) is compared with the stored rows first: a row that is here writes only the columns
        whose values differ (none: nothing), a new row is inserted. The upsert rewrites every column, and so every
        index entry of the row (a donor has ten); a changed mobile number is one. What is stored is the same:
        equal values compare equal only where SQLite stores them the same (``tests/sync/test_pull_fast_path.py``).
        A big page (a snapshot, mostly new rows) goes in one ``executemany`` of the upsert."""
        if not bound:
            return
        ids = [row[self._id] for row in bound]
        if len(bound) > CHANGED_COLUMNS_ONLY_ROWS or len(set(ids)) != len(ids):
            connection.exec_driver_sql(self.sql, list(bound))
            return
        driver = connection.connection.driver_connection
        found = driver.execute(self._select, (json.dumps(ids),)).fetchall()  # type: ignore[union-attr]
        stored = {row[self._id]: row for row in found}
        new: list[tuple[Any, ...]] = []
        changed: dict[tuple[int, ...], list[tuple[Any, ...]]] = {}
        for row in bound:
            old = stored.get(row[self._id])
            if old is None:
                new.append(row)
            elif row != old:
                columns = tuple(index for index, (value, was) in enumerate(zip(row, old, strict=True)) if value != was)
                changed.setdefault(columns, []).append((*(row[index] for index in columns), row[self._id]))
        if new:
            connection.exec_driver_sql(self.sql, new)
        for columns, values in changed.items():
            sql = self._updates.get(columns)
            if sql is None:
                assignments = ", ".join(f"{self._quoted[index]} = ?" for index in columns)
                where = f"WHERE {self._quoted[self._id]} = ?"
                sql = self._updates[columns] = f"UPDATE {self._table} SET {assignments} {where}"
            connection.exec_driver_sql(sql, values)

    def bound(self, fields: dict[str, Any], version: int) -> tuple[Any, ...]:
        values = [*self._values(fields), version]
        for index, convert in self._converted:
            values[index] = convert(values[index])
        return tuple(values)

    def bind_rows(self, rows: Sequence[dict[str, Any]], versions: Sequence[int]) -> list[tuple[Any, ...]] | None:
        """:meth:`bound` of many rows, converted column by column (None: a row does not name every column)."""
        if not rows:
            return []
        try:
            columns: list[Sequence[Any]] = list(zip(*map(self._values, rows), strict=True))
        except KeyError:
            return None
        for index, convert in self._converted_columns:
            columns[index] = convert(columns[index])
        columns.append(versions)
        return list(zip(*columns, strict=True))


CHANGED_COLUMNS_ONLY_ROWS = 200
"""Pages of at most this many rows of a table are compared with the stored rows (:meth:`_WholeRowUpsert.apply`)."""
_WHOLE_ROW_UPSERTS: dict[str, _WholeRowUpsert] = {}


def _whole_row_upsert(dialect: Dialect, table: Table) -> _WholeRowUpsert:
    cached = _WHOLE_ROW_UPSERTS.get(table.name)
    if cached is None:
        cached = _WHOLE_ROW_UPSERTS[table.name] = _WholeRowUpsert(table, dialect)
    return cached


def _upsert(session: Session, table: Table, values: dict[str, Any], *, skip: set[str]) -> None:
    exists = session.scalar(select(table.c.id).where(table.c.id == values["id"]))
    if exists is None:
        session.execute(table.insert().values(**values))
        return
    changes = {k: v for k, v in values.items() if k != "id" and k not in skip}
    if changes:
        session.execute(update(table).where(table.c.id == values["id"]).values(**changes))


def _must_make_way(model: type[Record], code: str | None) -> bool:
    """Whether a refused insert leaves this machine (its content kept in the dead letter) instead of staying voided.

    A row the server refused because another machine's row holds its unique key (the same bag separated twice) would
    block that row from ever being pulled here; so would any refused row that cannot be voided. Deferrals and audit
    events never leave (the server never refuses them for a clash, and they are never deleted)."""
    if model.__tablename__ in ("deferrals", "audit_events"):
        return False
    return code == protocol.ErrorCode.ROW_EXISTS or not issubclass(model, Voidable)


def _void_locally(session: Session, model: type[Record], row_id: uuid.UUID, message: str) -> None:
    """A record the server refused stays on this machine, voided with the server's reason (never deleted)."""
    table: Table = model.__table__  # type: ignore[assignment]
    session.execute(
        update(table)
        .where(table.c.id == row_id, table.c.voided_at.is_(None))
        .values(voided_at=datetime.now(UTC), void_reason=REFUSED_BY_SERVER(message=message).render()[:500])
    )
