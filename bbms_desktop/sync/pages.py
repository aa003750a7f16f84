"""A pulled page as plain data, read straight from the server's JSON: per entity its rows' fields, versions and ids.

A page is thousands of changes; :class:`protocol.PullResponse` makes a model, a UUID and a validated dict for each,
and the engine only needs the rows grouped by table. :func:`parse_pull_page` reads the JSON with pydantic-core's
reader (the one the model uses) and checks each change's shape itself; any page that is not exactly the plain shape
a server writes (a key more or less, a version that is not an integer, a row id that is not a UUID's canonical text)
is read by the model instead, which takes it the way it always did or refuses it the same way. So what the engine
applies is what it applied from the model: the same fields, the same versions, the same ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter
from pydantic_core import from_json

from bbms_desktop.models.codec import CANONICAL_UUIDS, joined_matching
from bbms_desktop.sync import protocol


@dataclass(slots=True)
class PulledRows:
    """The changes of one entity in a page, in the page's order."""

    row_ids: list[str] = field(default_factory=list)  # each the canonical text of a UUID
    fields: list[dict[str, Any]] = field(default_factory=list)  # the whole row as the centre may see it
    versions: list[int] = field(default_factory=list)


@dataclass(slots=True)
class PulledPage:
    by_entity: dict[str, PulledRows]
    next_cursor: str
    has_more: bool
    count: int  # the changes in the page, of every entity
    centre_id: uuid.UUID | None = None  # a scope page's: the device's centre (whose rows a registry page repeats)

    @classmethod
    def of_changes(
        cls,
        changes: Iterable[protocol.Change],
        next_cursor: str,
        *,
        has_more: bool = False,
        centre_id: uuid.UUID | None = None,
    ) -> PulledPage:
        """The page of :class:`protocol.Change` models (the established reader's, or a page made by hand)."""
        by_entity: dict[str, PulledRows] = {}
        count = 0
        for change in changes:
            rows = by_entity.get(change.entity)
            if rows is None:
                rows = by_entity[change.entity] = PulledRows()
            rows.row_ids.append(str(change.row_id))
            rows.fields.append(change.fields)
            rows.versions.append(change.version)
            count += 1
        return cls(by_entity, next_cursor, has_more, count, centre_id)


_PAGE_KEYS = frozenset(protocol.PullResponse.model_fields)
_STREAM_PAGE_KEYS = frozenset(protocol.StreamPage.model_fields)
_STREAMS = frozenset(stream.value for stream in protocol.Stream)
_CHANGE_KEYS = frozenset(protocol.Change.model_fields)
_SERVER_TIME = TypeAdapter(datetime)


def parse_pull_page(body: bytes) -> PulledPage:
    """The page of a :class:`protocol.PullResponse` JSON body; a ``pydantic.ValidationError`` if the model refuses
    it."""
    try:
        data = from_json(body)
    except ValueError:
        data = None
    page = _plain_page(data)
    if page is None:
        response = protocol.PullResponse.model_validate_json(body)
        page = PulledPage.of_changes(response.changes, response.next_cursor, has_more=response.has_more)
    return page


def parse_stream_page(body: bytes) -> PulledPage:
    """The page of a :class:`protocol.StreamPage` JSON body (the two stream endpoints), read as
    :func:`parse_pull_page` reads a page of the combined stream, its ``centre_id`` too; a
    ``pydantic.ValidationError`` if the model refuses it."""
    try:
        data = from_json(body)
    except ValueError:
        data = None
    if type(data) is dict and data.keys() == _STREAM_PAGE_KEYS and data["stream"] in _STREAMS:
        centre = data["centre_id"]
        if centre is None or (type(centre) is str and joined_matching([centre], CANONICAL_UUIDS) is not None):
            page = _plain_page(data, _STREAM_PAGE_KEYS)
            if page is not None:
                page.centre_id = None if centre is None else uuid.UUID(centre)
                return page
    response = protocol.StreamPage.model_validate_json(body)
    return PulledPage.of_changes(
        response.changes, response.next_cursor, has_more=response.has_more, centre_id=response.centre_id
    )


def _plain_page(data: Any, keys: frozenset[str] = _PAGE_KEYS) -> PulledPage | None:
    """The page if ``data`` has exactly the plain shape (None: let the model read it)."""
    if type(data) is not dict or data.keys() != keys:
        return None
    changes, next_cursor, has_more = data["changes"], data["next_cursor"], data["has_more"]
    if type(changes) is not list or type(next_cursor) is not str or type(has_more) is not bool:
        return None
    if type(data["server_time"]) is not str:
        return None
    try:
        _SERVER_TIME.validate_python(data["server_time"])  # not used here, but a page without one is not a page
    except ValueError:
        return None
    by_entity: dict[str, PulledRows] = {}
    change_keys = _CHANGE_KEYS
    for change in changes:
        if type(change) is not dict or change.keys() != change_keys:
            return None
        entity, version, fields = change["entity"], change["version"], change["fields"]
        if type(entity) is not str or type(version) is not int or type(fields) is not dict:
            return None
        rows = by_entity.get(entity)
        if rows is None:
            rows = by_entity[entity] = PulledRows()
        rows.row_ids.append(change["row_id"])
        rows.fields.append(fields)
        rows.versions.append(version)
    for rows in by_entity.values():
        if joined_matching(rows.row_ids, CANONICAL_UUIDS) is None:  # every row id at once, in one scan
            return None
    return PulledPage(by_entity, next_cursor, has_more, len(changes))
