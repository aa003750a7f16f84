"""The two pull streams against a real central server process, on SQLite and on PostgreSQL.

A centre pulls its own scope (its own rows, whole) and the shared registry (what every centre sees of every centre:
donor registry fields, deferrals without their links, staff names, centres), each with its own cursor. The registry's
pages are the same for every centre, so the server serves each as the same gzip bytes. Proven here: two centres
converge on each other's registry donors and deferrals through it, and never receive each other's patients or full
donor records; a pull cut in the middle of the registry resumes at the page it was cut in; the bytes of a page are
the same for two centres; a 410 on the registry stream re-snapshots that stream; a client of the combined stream
(schema 1 before the two streams) still gets the same rows.
"""

from __future__ import annotations

import gzip
import json
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
import requests
from sqlalchemy import select, update

from bbms_central import admin
from bbms_central.db import Database as CentralDatabase
from bbms_central.models import Sequence
from bbms_desktop.models import BloodRequest, Deferral, DeviceState, Donor, User, new_id
from bbms_desktop.rules.vocabulary import Urgency
from bbms_desktop.services import donors, screening, transfusion
from bbms_desktop.sync import protocol
from bbms_desktop.sync.client import transport_for
from bbms_desktop.sync.transport import ServerUnreachable

from ..services.test_safety_invariants import _request_form
from .faultproxy import Fault, FaultProxy, Kind
from .harness import CentralServer, Device, enrol_device, two_centre_server
from .test_network_faults import on_faulty_link

SCOPE = f"{protocol.API}/sync/pull/scope"
REGISTRY = f"{protocol.API}/sync/pull/registry"


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request, tmp_path):
    with two_centre_server(request.param, tmp_path) as server:
        yield server


@pytest.fixture
def devices(central, tmp_path):
    centres = central.centres
    made = {
        "a": enrol_device(central, tmp_path, "aiims-desk", "DL-AIIMS", centres["DL-AIIMS"]["enrolment_code"]),
        "b": enrol_device(central, tmp_path, "kgmu-desk", "UP-KGMU", centres["UP-KGMU"]["enrolment_code"]),
    }
    yield made
    for device in made.values():
        device.close()


def register(device: Device, name: str, mobile: str, address: str | None = None) -> uuid.UUID:
    form = donors.DonorForm(
        given_name=name,
        family_name="Verma",
        sex="F",
        date_of_birth=date(1991, 3, 4),
        mobile=mobile,
        address=address,
        consent=True,
    )
    with device.db.unit_of_work(device.staff["registrar"]) as uow:
        return donors.register_donor(uow, form).id


def cursors(device: Device) -> tuple[str | None, str | None]:
    with device.db.read() as session:
        state = session.get(DeviceState, 1)
        return state.pull_cursor, state.registry_cursor


def server_seq(server: CentralServer) -> int:
    central = CentralDatabase(server.database)
    try:
        with central.read() as session:
            return session.scalars(select(Sequence.last_seq)).one()
    finally:
        central.dispose()


def token(device: Device) -> str:
    transport = transport_for(device.db, device.profile)
    transport.authenticate()
    return transport._token


def raw_page(server: CentralServer, bearer: str, path: str, cursor: str) -> requests.Response:
    """One page as the server sent it (the body not inflated)."""
    response = requests.get(
        f"{server.url}{path}",
        params={"cursor": cursor},
        headers={"Authorization": f"Bearer {bearer}", "Accept-Encoding": "gzip"},
        stream=True,
        timeout=30,
    )
    response.raw.decode_content = False
    response._content = response.raw.read()  # type: ignore[attr-defined]
    return response


def whole_stream(server: CentralServer, bearer: str, path: str) -> list[dict]:
    """Every change of a stream from cursor 0 (as a client of it would pull it)."""
    cursor, more, changes = "0", True, []
    while more:
        response = requests.get(
            f"{server.url}{path}", params={"cursor": cursor}, headers={"Authorization": f"Bearer {bearer}"}, timeout=30
        )
        assert response.status_code == 200, response.text
        page = response.json()
        changes += page["changes"]
        cursor, more = page["next_cursor"], page["has_more"]
    return changes


def latest(changes: list[dict]) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for change in changes:
        if change["row_id"] not in rows or rows[change["row_id"]]["version"] < change["version"]:
            rows[change["row_id"]] = change
    return rows


def test_two_centres_converge_on_registry_donors_and_deferrals_and_never_see_patients(central, devices):
    a, b = devices["a"], devices["b"]
    asha = register(a, "Asha", "9810000001", address="12 Lodhi Road")
    with a.db.unit_of_work(a.staff["medical_officer"]) as uow:
        deferral = screening.defer_donor(uow, asha, "HIGH_RISK_BEHAVIOUR", permanent=True, detail="Declared").id
    with a.db.unit_of_work(a.staff["registrar"]) as uow:
        form = replace(_request_form("FFP", "O+", "F", 41, 1, Urgency.ROUTINE, False), patient_name="Ravi Kumar")
        transfusion.create_request(uow, form)
    bina = register(b, "Bina", "9830000001", address="4 Hazratganj")

    assert a.sync().caught_up and b.sync().caught_up and a.sync().caught_up and b.sync().caught_up

    with b.db.read() as session:
        seen = session.get(Donor, asha)
        assert seen is not None and seen.mobile == "9810000001" and seen.given_name == "Asha"
        assert seen.address is None  # the registry fields only
        pulled = session.get(Deferral, deferral)
        assert pulled is not None and pulled.permanent and pulled.visit_id is None  # without its links
        assert session.scalars(select(BloodRequest)).all() == []  # never another centre's patients
        own = session.get(Donor, bina)
        assert own.address == "4 Hazratganj"  # its own donor whole, though the registry repeats it projected
        kgmu_staff = session.scalars(select(User).where(User.centre_id == own.centre_id)).all()
        assert kgmu_staff and all(user.password_hash != "!" and user.active for user in kgmu_staff)
    with a.db.read() as session:
        assert session.get(Donor, bina).address is None and session.get(Donor, asha).address == "12 Lodhi Road"
        assert len(session.scalars(select(BloodRequest)).all()) == 1
    high = str(server_seq(central))
    for device in (a, b):
        scope, registry = cursors(device)
        assert registry == high and scope is not None  # each stream's cursor, committed with its pages

    # on the wire: the registry holds the registry entities only, projected; a's scope never b's rows
    a_token, b_token = token(a), token(b)
    registry_rows = whole_stream(central, b_token, REGISTRY)
    assert {c["entity"] for c in registry_rows} <= protocol.REGISTRY_ENTITIES
    assert all(c["fields"].get("address") is None for c in registry_rows if c["entity"] == "donors")
    assert all(c["fields"].get("password_hash") == "!" for c in registry_rows if c["entity"] == "users")
    with b.db.read() as session:
        b_centre = str(session.get(DeviceState, 1).centre_id)
    assert all(c["fields"].get("centre_id") != b_centre for c in whole_stream(central, a_token, SCOPE))


def test_a_registry_page_is_the_same_bytes_for_every_centre(central, devices):
    a, b = devices["a"], devices["b"]
    for n in range(5):
        register(a, f"Asha{'abcde'[n]}", f"981000000{n}")
    assert a.sync().caught_up
    a_token, b_token = token(a), token(b)
    first_a = raw_page(central, a_token, REGISTRY, "0")
    first_b = raw_page(central, b_token, REGISTRY, "0")
    assert first_a.status_code == first_b.status_code == 200
    assert first_a.headers["Content-Encoding"] == "gzip"
    assert first_a.content == first_b.content  # the same bytes, not merely the same rows
    page = json.loads(gzip.decompress(first_a.content))
    assert page["stream"] == "registry" and not page["has_more"] and page["next_cursor"] == str(server_seq(central))
    # the scope stream is each centre's own: different pages
    assert raw_page(central, a_token, SCOPE, "0").content != raw_page(central, b_token, SCOPE, "0").content


def bulk_donors(central: CentralServer, count: int) -> None:
    """``count`` registry donors of a third centre, pushed as its device would (500 ops a push)."""
    centre = central.add_centre("MH-BULK", "Bulk Blood Centre, Pune", "G3333")
    device_id = str(new_id())
    body = {"centre_code": "MH-BULK", "enrolment_code": centre["enrolment_code"], "device_id": device_id}
    enrolled = requests.post(f"{central.url}{protocol.API}/devices/enrol", json=body, timeout=30).json()
    headers = {"Authorization": f"Bearer {enrolled['token']}"}
    now = datetime.now(UTC).isoformat()
    seq = 0
    while seq < count:
        ops = []
        for _ in range(min(protocol.MAX_OPS_PER_PUSH, count - seq)):
            seq += 1
            row_id = str(new_id())
            fields = {column.name: None for column in Donor.__table__.c if column.name != "version"}
            fields.update(
                id=row_id, centre_id=enrolled["centre_id"], created_at=now, updated_at=now, donor_number=f"B{seq:07d}",
                given_name="Bulk", family_name="Donor", name_key=f"bulk donor {row_id[-12:]}", family_key="donor",
                sex="F", date_of_birth="1990-01-01", donor_type="voluntary", consent_given_at=now, needs_review=False,
                address="never seen elsewhere",
            )  # fmt: skip
            ops.append({"op_seq": seq, "op_id": str(uuid.uuid4()), "tx": seq, "entity": "donors", "row_id": row_id,
                        "kind": "insert", "base_version": None, "fields": fields, "hlc": f"{seq:016d}"})  # fmt: skip
        push = {"device_id": device_id, "schema_version": protocol.SCHEMA_VERSION, "ops": ops}
        answer = requests.post(f"{central.url}{protocol.API}/sync/push", json=push, headers=headers, timeout=120)
        assert answer.status_code == 200, answer.text
        assert {r["status"] for r in answer.json()["results"]} == {"applied"}


CUT_PAGE = 2


@pytest.mark.parametrize(
    "fault", [Fault(Kind.RESET_RESPONSE_BODY), Fault(Kind.TRUNCATE_RESPONSE), Fault(Kind.ERROR_500)], ids=str
)
def test_a_registry_pull_cut_mid_stream_resumes_at_the_page_it_was_cut_in(central, devices, fault):
    a, b = devices["a"], devices["b"]
    bulk_donors(central, 2 * protocol.REGISTRY_PAGE_ROWS + 300)  # three registry pages and a bit
    register(b, "Bina", "9830000001", address="4 Hazratganj")
    with FaultProxy(central.port) as proxy:
        link = on_faulty_link(b, proxy)
        proxy.inject(REGISTRY, fault, skip=CUT_PAGE - 1)
        with pytest.raises(Exception) as cut_short:
            link.sync()
        assert isinstance(cut_short.value, ServerUnreachable) or fault.kind == Kind.ERROR_500
        proxy.wait_idle()
        pages = proxy.of(REGISTRY)
        assert len(pages) == CUT_PAGE and proxy.fired_on(REGISTRY) == [str(fault)]
        cut = pages[-1]
        assert cut.query["cursor"] == pages[0].json()["next_cursor"]
        scope, registry = cursors(b)
        assert registry == cut.query["cursor"]  # page 1 applied with its cursor, page 2 not
        assert scope is not None and int(scope) > 0  # the scope stream had finished first, and stays finished

        summary = link.sync()
        assert summary.caught_up and summary.pending == 0 and summary.dead_letters == 0
        pages = proxy.of(REGISTRY)
        assert pages[CUT_PAGE].query["cursor"] == cut.query["cursor"]  # resumed at the page it was cut in
        served = [c for page in pages if page.status == 200 for c in page.json()["changes"]]
        distinct = {c["row_id"] for c in served}
        assert len(served) - len(distinct) <= protocol.REGISTRY_PAGE_ROWS  # at most one page twice
    with b.db.read() as session:
        bulk = session.scalars(select(Donor).where(Donor.given_name == "Bulk")).all()
        assert len(bulk) == 2 * protocol.REGISTRY_PAGE_ROWS + 300 and {d.address for d in bulk} == {None}
        assert session.scalars(select(Donor).where(Donor.given_name == "Bina")).one().address == "4 Hazratganj"
    assert cursors(b)[1] == str(server_seq(central))
    assert a.sync().caught_up


def test_a_410_on_the_registry_stream_re_snapshots_that_stream(central, devices):
    a, b = devices["a"], devices["b"]
    asha = register(a, "Asha", "9810000001")
    assert a.sync().caught_up and b.sync().caught_up
    bina = register(b, "Bina", "9830000001", address="4 Hazratganj")
    assert b.sync().caught_up
    # b's registry stream lags far behind (the server has since dropped the changes before its cursor); its own
    # scope stream does not
    with b.db.remote_apply() as session:
        session.execute(update(DeviceState.__table__).values(registry_cursor="1"))
    scope_before = cursors(b)[0]
    central_db = CentralDatabase(central.database)
    try:
        with central_db.write() as session:
            admin.set_min_cursor(session, 2)
    finally:
        central_db.dispose()
    assert int(scope_before) >= 2
    with FaultProxy(central.port) as proxy:
        link = on_faulty_link(b, proxy, pull_limit=protocol.DEFAULT_PULL_LIMIT)
        summary = link.sync()
        asked = [(x.path, x.query.get("cursor"), x.status) for x in proxy.exchanges if x.path in (SCOPE, REGISTRY)]
    assert summary.resnapshot and summary.caught_up
    assert (REGISTRY, "1", 410) in asked and (REGISTRY, "0", 200) in asked
    assert all(cursor == scope_before for path, cursor, _ in asked if path == SCOPE)  # the scope stream went on
    with b.db.read() as session:
        assert session.get(Donor, asha).mobile == "9810000001"
        assert session.get(Donor, bina).address == "4 Hazratganj"  # nothing local discarded
    assert cursors(b)[1] == str(server_seq(central))


def test_a_client_of_the_combined_stream_gets_what_the_two_streams_give(central, devices):
    """Schema 1 before the two streams pulled ``/sync/pull`` alone: it still works, and holds the same rows."""
    a, b = devices["a"], devices["b"]
    register(a, "Asha", "9810000001", address="12 Lodhi Road")
    register(b, "Bina", "9830000001", address="4 Hazratganj")
    assert a.sync().caught_up and b.sync().caught_up
    b_token = token(b)
    combined = latest(whole_stream(central, b_token, f"{protocol.API}/sync/pull"))
    with b.db.read() as session:
        own = str(session.get(DeviceState, 1).centre_id)
    scope = latest(whole_stream(central, b_token, SCOPE))
    registry = {
        row_id: change
        for row_id, change in latest(whole_stream(central, b_token, REGISTRY)).items()
        if change["entity"] == "centres" or change["fields"].get("centre_id") != own
    }
    assert set(scope).isdisjoint(registry)
    assert {**scope, **registry} == combined
