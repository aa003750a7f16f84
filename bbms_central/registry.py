"""The shared registry stream (``GET /v1/sync/pull/registry``): what every centre sees of every centre, as pages
that are the same for every centre, built once and served as the same gzip bytes to each (SYNC.md, principle 10).

Why it can be cached without invalidation: a page is the registry rows whose version lies in ``(cursor, end]``,
and every change takes a new, higher server sequence number (committed in that order, under the sequence lock).
Once ``end`` is below the committed high-water mark, no row can enter that range again; a row changed later leaves
it for a later page, where its new version comes. So a full page (``REGISTRY_PAGE_ROWS`` rows) stays a correct page
for ever: a client that takes it may receive a version that has since been superseded, and the newer one follows in
a later page of the same pull (the client applies a registry row only over an older one). The last, partial page is
different: rows will still be added after its end. It is answered up to the high-water mark it was read at and its
``next_cursor`` is that mark (the same for every centre that reads it there); it is kept only as the answer for
that mark or a later one and never as a complete page (a later mark with more rows makes it be built anew).

The cache is per process (each worker of ``bbms-central serve --workers N`` builds a page once), bounded in bytes,
least recently used out first; a page being built is built by one request while the others asking for it wait.
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass

from pydantic_core import from_json, to_json
from sqlalchemy import Text, cast, select, type_coerce
from sqlalchemy.orm import Session

from bbms_central import store
from bbms_central.models import StoredRow
from bbms_desktop.models import utcnow
from bbms_desktop.sync import protocol
from bbms_desktop.sync.protocol import REGISTRY_PAGE_ROWS, Stream

CACHE_BYTES = 64 * 1024 * 1024
GZIP_LEVEL = 6
_GZIP = 31  # zlib's wbits for a gzip stream (its header has no time and no name: the same bytes every time)


@dataclass(frozen=True, slots=True)
class Page:
    """One answer of the registry stream: the gzip'd JSON of a :class:`protocol.StreamPage`, and what it covers."""

    gzipped: bytes
    after: int
    next_cursor: int
    has_more: bool
    high_water: int  # the committed high-water mark it was read at
    rows: int


def _envelope(next_cursor: int, has_more: bool) -> tuple[bytes, bytes]:
    """The JSON of a registry page around its changes: what comes before them and what after."""
    text = protocol.StreamPage.model_construct(
        stream=Stream.REGISTRY,
        changes=[],
        next_cursor=protocol.encode_cursor(next_cursor),
        has_more=has_more,
        server_time=utcnow(),
        centre_id=None,
    ).model_dump_json()
    head, tail = text.split('"changes":[]', 1)
    return f'{head}"changes":['.encode(), f"]{tail}".encode()


_HEAD = _envelope(0, False)[0]
assert _HEAD.startswith(b'{"stream":"registry","changes":['), "the changes come before the cursor"


def fetch(session: Session, training: bool, after: int, high_water: int, limit: int) -> list[tuple[int, bytes]]:
    """The registry rows of the production (or training) world with a version in ``(after, high_water]``, oldest
    first, at most ``limit``: each as (version, its change's JSON as another centre sees the row)."""
    peers = store.peer_centre_ids(session, training)
    found = session.execute(
        select(
            type_coerce(StoredRow.id, store._DRIVER_UUID),
            StoredRow.entity,
            StoredRow.version,
            cast(StoredRow.fields, Text),
        )
        .where(StoredRow.version > after, StoredRow.version <= high_water, store.registry_clause(peers))
        .order_by(StoredRow.version)
        .limit(limit)
    ).all()
    return [
        (
            version,
            f'{{"entity":"{entity}","row_id":"{store._uuid_text(row_id)}","version":{version},'
            f'"fields":{_projected(entity, fields)}}}'.encode(),
        )
        for row_id, entity, version, fields in found
    ]


def _projected(entity: str, fields: str) -> str:
    if entity == "centres":
        return fields  # every centre of the world sees every centre in full
    return to_json(store.project_foreign(entity, from_json(fields))).decode()


class _Growing:
    """The last page after a cursor, not yet full: its gzip stream so far (rows are appended as they are committed,
    compressed once), and its answer at the high-water mark it was last read at."""

    def __init__(self, after: int) -> None:
        self.after = after
        self.high_water = after
        self.rows = 0
        self.compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, _GZIP)
        self.out = [self.compressor.compress(_HEAD)]
        self.size = len(self.out[0])
        self.answer: Page | None = None

    def append(self, rows: list[tuple[int, bytes]]) -> None:
        if not rows:
            return
        text = b",".join(change for _version, change in rows)
        chunk = self.compressor.compress(text if self.rows == 0 else b"," + text)
        self.out.append(chunk)
        self.size += len(chunk)
        self.rows += len(rows)
        self.answer = None

    def finish(self, next_cursor: int, has_more: bool) -> Page:
        """The page as it stands, ending at ``next_cursor`` (the stream so far is left as it is, to grow on)."""
        closing = self.compressor.copy()
        end = closing.compress(_envelope(next_cursor, has_more)[1]) + closing.flush()
        return Page(b"".join([*self.out, end]), self.after, next_cursor, has_more, self.high_water, self.rows)


class PageCache:
    """Registry pages by (world, cursor): a full page is kept until newer ones push it out (least recently used
    first, bounded in bytes); the last page after a cursor grows with the rows committed after it and is answered
    only for the high-water mark it was read at or an earlier one (never as a complete page)."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[bool, int], Page | _Growing] = OrderedDict()
        self._sizes: dict[tuple[bool, int], int] = {}  # the bytes each entry was counted with
        self._bytes = 0
        self._lock = threading.Lock()
        self._key_locks: dict[tuple[bool, int], threading.Lock] = {}
        self.rows_read = 0  # rows fetched from the database and compressed (for tests and diagnostics)
        self.served = 0

    def page(self, session: Session, training: bool, after: int) -> Page:
        """The page after sequence ``after``: from the cache, or made (once however many requests ask at a time)."""
        key = (training, after)
        with self._lock:
            entry = self._entries.get(key)
            if isinstance(entry, Page):  # a full page: the same for ever
                self._entries.move_to_end(key)
                self.served += 1
                return entry
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        high_water = store.last_seq(session)  # every row up to it is committed (the sequence lock's order)
        with key_lock:  # one request reads the new rows of this page; the others asking meanwhile take its answer
            with self._lock:
                entry = self._entries.get(key)
            if isinstance(entry, Page):
                return self._hit(key, entry)
            growing = entry if entry is not None else _Growing(after)
            if growing.high_water < high_water:
                room = REGISTRY_PAGE_ROWS - growing.rows
                rows = fetch(session, training, growing.high_water, high_water, room + 1)
                self.rows_read += min(len(rows), room)
                if len(rows) > room:  # the page is full: it ends at its last row, and is complete for ever
                    growing.append(rows[:room])
                    full = growing.finish(rows[room - 1][0] if room else growing.high_water, True)
                    self._store(key, full)
                    return self._hit(key, full)
                growing.append(rows)
                growing.high_water = high_water
                growing.answer = None
            if growing.answer is None:
                growing.answer = growing.finish(max(growing.high_water, after), False)
            self._store(key, growing)
            return self._hit(key, growing.answer)

    def _hit(self, key: tuple[bool, int], page: Page) -> Page:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
            self.served += 1
        return page

    def _store(self, key: tuple[bool, int], entry: Page | _Growing) -> None:
        with self._lock:
            self._bytes -= self._sizes.pop(key, 0)
            self._entries.pop(key, None)
            self._entries[key] = entry
            self._sizes[key] = _size(entry)
            self._bytes += self._sizes[key]
            while self._bytes > self.max_bytes and len(self._entries) > 1:
                dropped, _ = self._entries.popitem(last=False)
                self._bytes -= self._sizes.pop(dropped, 0)
                self._key_locks.pop(dropped, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._sizes.clear()
            self._bytes = 0


_COMPRESSOR_BYTES = 300 * 1024  # what a zlib compressor holds at level 6 (its window and hash tables)


def _size(entry: Page | _Growing) -> int:
    if isinstance(entry, Page):
        return len(entry.gzipped)
    answer = len(entry.answer.gzipped) if entry.answer is not None else 0
    return entry.size + answer + _COMPRESSOR_BYTES


def inflated(page: Page) -> bytes:
    """The page's JSON for a client that does not take gzip."""
    return zlib.decompress(page.gzipped, _GZIP)
