"""The registry stream's pages, in-process on SQLite and PostgreSQL: built once, the same bytes for every centre, the
last page never kept as complete, a full page still right after a row in it changed."""

from __future__ import annotations

import json

import pytest

from bbms_central import admin
from bbms_desktop.sync import protocol
from tests.central.helpers import donor

REGISTRY = "/sync/pull/registry"


@pytest.fixture
def centres(central):
    for code in ("DL-RKS", "MH-PUN", "UP-LKO"):
        central.add_centre(code)
    return {code: central.enrol(code) for code in ("DL-RKS", "MH-PUN", "UP-LKO")}


def page(device, cursor: str) -> dict:
    response = device.get(REGISTRY, params={"cursor": cursor})
    assert response.status_code == 200, response.text
    return response.json()


def pages(central):
    return central.app.state.registry_pages


def test_a_full_page_is_built_once_and_the_same_bytes_for_every_centre(central, centres):
    delhi, pune, lucknow = centres["DL-RKS"], centres["MH-PUN"], centres["UP-LKO"]
    for _ in range(3):
        delhi.push(*[donor(delhi, address="12 Lodhi Road") for _ in range(400)])
    first = pune.get(REGISTRY, params={"cursor": "0"})
    read = pages(central).rows_read
    again = lucknow.get(REGISTRY, params={"cursor": "0"})
    assert pages(central).rows_read == read  # served from the cache, nothing read again
    assert first.content == again.content
    body = first.json()
    assert body["has_more"] and len(body["changes"]) == protocol.REGISTRY_PAGE_ROWS
    assert body["next_cursor"] == str(body["changes"][-1]["version"])
    assert all(c["fields"]["address"] is None for c in body["changes"] if c["entity"] == "donors")
    # a row of the full page changes: the page stays as it was (still a right page), its new version follows later
    changed = next(c for c in body["changes"] if c["entity"] == "donors")
    delhi.push(delhi.update("donors", changed["row_id"], changed["version"], mobile="9000000001"))
    assert delhi.get(REGISTRY, params={"cursor": "0"}).content == first.content
    walked, cursor, more = list(body["changes"]), body["next_cursor"], True
    while more:
        next_page = page(pune, cursor)
        walked += next_page["changes"]
        cursor, more = next_page["next_cursor"], next_page["has_more"]
    newest = {}
    for c in walked:
        if c["row_id"] not in newest or newest[c["row_id"]]["version"] < c["version"]:
            newest[c["row_id"]] = c
    assert newest[changed["row_id"]]["fields"]["mobile"] == "9000000001"
    combined = {r: c for r, c in pune.pull_all().items() if c["entity"] in protocol.REGISTRY_ENTITIES}
    pune_id = str(pune.centre_id)
    assert {r: c for r, c in newest.items() if c["fields"].get("centre_id") != pune_id} == {
        r: c for r, c in combined.items() if c["fields"].get("centre_id") != pune_id
    }


def test_the_last_page_grows_with_new_rows_and_is_never_kept_as_complete(central, centres):
    delhi, pune = centres["DL-RKS"], centres["MH-PUN"]
    delhi.push(*[donor(delhi) for _ in range(5)])
    last = page(pune, "0")
    assert not last["has_more"]
    count = len(last["changes"])
    read = pages(central).rows_read
    late = donor(delhi)
    version = delhi.push(late)["results"][0]["version"]
    grown = page(pune, "0")  # the same cursor, after a commit: the new row is in it
    assert len(grown["changes"]) == count + 1 and grown["changes"][-1]["row_id"] == late["row_id"]
    assert grown["next_cursor"] == str(version) and not grown["has_more"]
    assert pages(central).rows_read == read + 1  # only the new row was read and compressed
    assert page(pune, grown["next_cursor"])["changes"] == []


def test_a_bounded_cache_drops_pages_and_still_answers_right(central, centres):
    delhi, pune = centres["DL-RKS"], centres["MH-PUN"]
    delhi.push(*[donor(delhi) for _ in range(30)])
    central.app.state.registry_pages.max_bytes = 1  # keeps one entry at a time
    assert page(pune, "0")["changes"] == page(delhi, "0")["changes"]
    first = page(pune, "0")
    middle = page(pune, str(first["changes"][3]["version"]))  # pushes the page of cursor 0 out
    assert middle["changes"] == first["changes"][4:]
    assert page(pune, "0")["changes"] == first["changes"]  # built again, the same


def test_a_page_without_gzip_is_the_same_json(central, centres):
    delhi, pune = centres["DL-RKS"], centres["MH-PUN"]
    delhi.push(*[donor(delhi) for _ in range(30)])
    zipped = pune.get(REGISTRY, params={"cursor": "0"}, headers={"Accept-Encoding": "gzip"})
    plain = pune.get(REGISTRY, params={"cursor": "0"}, headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers
    assert json.loads(plain.content) == zipped.json()


def test_a_registry_cursor_older_than_the_retention_gets_410(central, centres):
    delhi, pune = centres["DL-RKS"], centres["MH-PUN"]
    delhi.push(donor(delhi), donor(delhi))
    with central.db.write() as session:
        admin.set_min_cursor(session, 2)
    response = pune.get(REGISTRY, params={"cursor": "1"})
    assert response.status_code == 410 and response.json()["code"] == "cursor_expired"
    assert page(pune, "0")["changes"]


def test_a_registry_page_is_read_in_version_order_not_by_sorting_every_row(central, centres):
    """The page's rows come from the version index, the registry's terms filtering them: never every row of every
    centre read and sorted for each page (SQLite took the terms' indexes: a pull of N rows read N²/1,000 rows)."""
    from sqlalchemy import event

    from bbms_central import registry

    delhi = centres["DL-RKS"]
    delhi.push(*[donor(delhi) for _ in range(30)])
    db = central.app.state.db
    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many):
        if "ORDER BY rows.version" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.read() as session:
            rows = registry.fetch(session, False, 0, 10**12, 1001)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert len(rows) == 30 + 3  # the donors and the three centres
    ((statement, parameters),) = seen
    if db.engine.dialect.name != "sqlite":
        return  # PostgreSQL plans from its statistics (on a large store: the version index, filtered)
    with db.engine.connect() as connection:
        driver = connection.connection.driver_connection
        plan = " / ".join(str(step[-1]) for step in driver.execute(f"EXPLAIN QUERY PLAN {statement}", parameters))
    assert "USING INDEX ix_rows_version" in plan and "TEMP B-TREE" not in plan, plan
