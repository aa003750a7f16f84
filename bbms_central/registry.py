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

import gzip
import threading
from collections import OrderedDict
from dataclasses import dataclass

from pydantic_core import from_json, to_json
from sqlalchemy import Text, cast, select, type_coerce
from sqlalchemy.orm import Session

from bbms_central import store
from bbms_central.models import StoredRow
from bbms_desktop.sync import protocol
from bbms_desktop.sync.protocol import REGISTRY_PAGE_ROWS, Stream

CACHE_BYTES = 64 * 1024 * 1024
GZIP_LEVEL = 6


@dataclass(frozen=True, slots=True)
class Page:
    """One registry page: its gzip'd JSON body (a :class:`protocol.StreamPage`) and what it covers."""

    gzipped: bytes
    after: int
    next_cursor: int
    has_more: bool
    high_water: int  # the committed high-water mark it was read at
    rows: int


def build_page(session: Session, training: bool, after: int, high_water: int) -> Page:
    """The registry page after sequence ``after`` of the production (or training) world, read at ``high_water``."""
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
        .limit(REGISTRY_PAGE_ROWS + 1)
    ).all()
    has_more = len(found) > REGISTRY_PAGE_ROWS
    found = found[:REGISTRY_PAGE_ROWS]
    # a full page ends at its last row; the last page at the mark it was read at (every centre reading it there
    # goes on from the same cursor)
    end = found[-1][2] if has_more else max(high_water, after)
    changes = ",".join(
        f'{{"entity":"{entity}","row_id":"{store._uuid_text(row_id)}","version":{version},'
        f'"fields":{_projected(entity, fields)}}}'
        for row_id, entity, version, fields in found
    )
    body = store.page_json(changes, protocol.encode_cursor(end), has_more, Stream.REGISTRY)
    return Page(gzip.compress(body, GZIP_LEVEL, mtime=0), after, end, has_more, high_water, len(found))


def _projected(entity: str, fields: str) -> str:
    if entity == "centres":
        return fields  # every centre of the world sees every centre in full
    return to_json(store.project_foreign(entity, from_json(fields))).decode()


class PageCache:
    """Registry pages by (world, cursor): full pages kept until pushed out by newer ones, the last page of each
    cursor kept only with the high-water mark it was read at."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._pages: OrderedDict[tuple[bool, int], Page] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._building: dict[tuple[bool, int], threading.Event] = {}
        self.built = 0  # pages built (for tests and diagnostics)
        self.served = 0

    def page(self, session: Session, training: bool, after: int) -> Page:
        """The page after ``after``: from the cache, or built (once, however many requests ask at the same time)."""
        key = (training, after)
        with self._lock:
            cached = self._pages.get(key)
            if cached is not None and cached.has_more:  # a full page: the same for ever
                return self._hit(key, cached)
        high_water = store.last_seq(session)
        while True:
            with self._lock:
                cached = self._pages.get(key)
                # a last page: only if read at this request's mark or later (it then holds every row committed
                # before this request was made)
                if cached is not None and (cached.has_more or cached.high_water >= high_water):
                    return self._hit(key, cached)
                building = self._building.get(key)
                if building is None:
                    self._building[key] = threading.Event()
                    break
            building.wait(30)  # another request is building it: take theirs (or build it, if theirs failed)
        try:
            page = build_page(session, training, after, high_water)
            with self._lock:
                self._put(key, page)
                self.built += 1
                self.served += 1
            return page
        finally:
            with self._lock:
                self._building.pop(key).set()

    def _hit(self, key: tuple[bool, int], page: Page) -> Page:
        self._pages.move_to_end(key)
        self.served += 1
        return page

    def _put(self, key: tuple[bool, int], page: Page) -> None:
        old = self._pages.pop(key, None)
        if old is not None:
            self._bytes -= len(old.gzipped)
        self._pages[key] = page
        self._bytes += len(page.gzipped)
        while self._bytes > self.max_bytes and len(self._pages) > 1:
            _, dropped = self._pages.popitem(last=False)
            self._bytes -= len(dropped.gzipped)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._bytes = 0


def inflated(page: Page) -> bytes:
    """The page's JSON for a client that does not take gzip."""
    return gzip.decompress(page.gzipped)
