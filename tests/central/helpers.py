"""A central server in-process (FastAPI TestClient) and enrolled devices that speak the wire protocol to it.

Rows are built from the client's models: every required column gets a plausible value of its type, and a test
names only the fields its workflow is about.
"""

from __future__ import annotations

import json
import secrets
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Boolean, Date, DateTime, Enum, Float, Integer, String, Uuid, delete, update
from sqlalchemy.types import JSON, TypeDecorator

from bbms_central import admin
from bbms_central.app import create_app
from bbms_central.db import make_engine
from bbms_central.models import Base, Sequence, StoredRow
from bbms_central.push import MODELS
from bbms_desktop.models import new_id
from bbms_desktop.models.codec import encode_value
from bbms_desktop.sync import protocol

PASSWORD = "correct horse battery"


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def wipe(url: str) -> None:
    """Empty every table of a migrated central database (the schema stays)."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(delete(table))
            connection.execute(Sequence.__table__.insert().values(id=1, last_seq=0))
    finally:
        engine.dispose()


def fields_for(entity: str, **values: Any) -> dict[str, Any]:
    """A whole row of ``entity`` in wire form: ``values`` as given, every other required column a plausible value."""
    model = MODELS[entity]
    fields: dict[str, Any] = {}
    for column in model.__table__.columns:
        name = column.name
        if name == "version":
            continue
        if name in values:
            fields[name] = encode_value(values[name])
        elif name == "id":
            fields[name] = str(new_id())
        elif column.nullable:
            fields[name] = None
        else:
            fields[name] = _plausible(column.type)
    return fields


def _plausible(column_type: Any) -> Any:
    kind = column_type.impl if isinstance(column_type, TypeDecorator) else column_type
    if isinstance(kind, Enum):
        return kind.enums[0]
    if isinstance(kind, String):
        return secrets.token_hex(16)[: kind.length or 20]
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer):
        return 1
    if isinstance(kind, Float):
        return 1.5
    if isinstance(kind, DateTime):
        return encode_value(now())
    if isinstance(kind, Date):
        return "1990-05-17"
    if isinstance(kind, Uuid):
        return str(uuid.uuid4())
    if isinstance(kind, JSON):
        return {}
    raise TypeError(kind)


def random_fin() -> str:
    return secrets.choice("ABCDEFGHJK") + f"{secrets.randbelow(10_000):04d}"


class Central:
    """The server on a test database, with the administrator's commands at hand."""

    def __init__(self, url: str, token_ttl: int = 3600) -> None:
        self.url = url
        self.app = create_app(url, token_ttl=token_ttl)
        self.db = self.app.state.db
        self.client = TestClient(self.app)

    def close(self) -> None:
        self.client.close()
        self.db.dispose()

    def add_centre(self, code: str, *, training: bool = False, kind: str = "blood-centre") -> dict[str, Any]:
        with self.db.write() as session:
            return admin.add_centre(
                session, code=code, name=f"{code} Blood Centre", kind=kind, fin=random_fin(), training=training
            )

    def new_enrolment(self, centre_code: str) -> str:
        with self.db.write() as session:
            return admin.new_enrolment(session, centre_code=centre_code)["enrolment_code"]

    def add_user(self, centre_code: str, username: str, role: str = "quality_admin") -> uuid.UUID:
        with self.db.write() as session:
            user = admin.add_user(session, centre_code=centre_code, username=username, role=role, password=PASSWORD)
        return uuid.UUID(user["user_id"])

    def enrol(self, centre_code: str, *, training: bool = False, device_id: uuid.UUID | None = None) -> Device:
        code = self.new_enrolment(centre_code)
        body = {
            "centre_code": centre_code,
            "enrolment_code": code,
            "device_id": str(device_id or new_id()),
            "device_name": "Counter 1",
            "training": training,
        }
        response = self.client.post(f"{protocol.API}/devices/enrol", json=body)
        assert response.status_code == 200, response.text
        return Device(self, response.json())

    def row(self, row_id: uuid.UUID | str) -> StoredRow | None:
        with self.db.read() as session:
            return session.get(StoredRow, uuid.UUID(str(row_id)))

    def last_seq(self) -> int:
        with self.db.read() as session:
            return session.get(Sequence, 1).last_seq

    def expire_tokens(self) -> None:
        from bbms_central.models import Token

        with self.db.write() as session:
            session.execute(update(Token).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))


class Device:
    """An enrolled device: numbers its ops like the client's outbox, pushes and pulls with its token."""

    def __init__(self, central: Central, enrolment: dict[str, Any]) -> None:
        self.central = central
        self.id = uuid.UUID(enrolment["device_id"])
        self.centre_id = uuid.UUID(enrolment["centre_id"])
        self.secret = enrolment["device_secret"]
        self.token = enrolment["token"]
        self.op_seq = 0

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def op(
        self,
        entity: str,
        row_id: uuid.UUID | str,
        kind: str,
        fields: dict[str, Any],
        *,
        base_version: int | None = None,
        tx: int | None = None,
    ) -> dict[str, Any]:
        self.op_seq += 1
        return {
            "op_seq": self.op_seq,
            "op_id": str(uuid.uuid4()),
            "tx": tx or self.op_seq,
            "entity": entity,
            "row_id": str(row_id),
            "kind": kind,
            "base_version": base_version,
            "fields": fields,
            "hlc": f"{self.op_seq:016d}",
        }

    def insert(self, entity: str, *, tx: int | None = None, **values: Any) -> dict[str, Any]:
        if entity != "centres":
            values.setdefault("centre_id", self.centre_id)
        fields = fields_for(entity, **values)
        return self.op(entity, fields["id"], "insert", fields, tx=tx)

    def update(
        self, entity: str, row_id: uuid.UUID | str, base_version: int | None, *, tx: int | None = None, **changes: Any
    ) -> dict[str, Any]:
        fields = {key: encode_value(value) for key, value in changes.items()}
        fields.setdefault("updated_at", encode_value(now()))
        return self.op(entity, row_id, "update", fields, base_version=base_version, tx=tx)

    def push(self, *ops: dict[str, Any], status: int = 200, schema_version: int | None = None) -> dict[str, Any]:
        body = {
            "device_id": str(self.id),
            "schema_version": protocol.SCHEMA_VERSION if schema_version is None else schema_version,
            "ops": list(ops),
        }
        # json.dumps as a careless client would: NaN goes through (the server must refuse it, not fail on it)
        headers = {**self.headers, "Content-Type": "application/json"}
        response = self.central.client.post(f"{protocol.API}/sync/push", content=json.dumps(body), headers=headers)
        assert response.status_code == status, response.text
        return response.json()

    def pull(self, cursor: str | None = None, limit: int | None = None, status: int = 200) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if cursor is not None:
            params["cursor"] = cursor
        if limit is not None:
            params["limit"] = limit
        response = self.central.client.get(f"{protocol.API}/sync/pull", params=params, headers=self.headers)
        assert response.status_code == status, response.text
        return response.json()

    def pull_all(self, cursor: str | None = None, limit: int = 1000) -> dict[str, dict[str, Any]]:
        """Every row this device may see, by id (the latest version of each)."""
        rows: dict[str, dict[str, Any]] = {}
        while True:
            page = self.pull(cursor, limit)
            for change in page["changes"]:
                rows[change["row_id"]] = change
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return rows

    def get(self, path: str, **kwargs: Any) -> Any:
        kwargs["headers"] = {**self.headers, **kwargs.get("headers", {})}
        return self.central.client.get(f"{protocol.API}{path}", **kwargs)

    def post(self, path: str, **kwargs: Any) -> Any:
        kwargs["headers"] = {**self.headers, **kwargs.get("headers", {})}
        return self.central.client.post(f"{protocol.API}{path}", **kwargs)


def donor(device: Device, **values: Any) -> dict[str, Any]:
    """An insert op of a donor with a plausible identity (override what the test is about)."""
    values.setdefault("given_name", "Asha")
    values.setdefault("family_name", "Verma")
    values.setdefault("name_key", f"asha verma {secrets.token_hex(3)}")
    values.setdefault("sex", "F")
    values.setdefault("date_of_birth", date(1990, 5, 17))
    values.setdefault("consent_given_at", now())
    return device.insert("donors", **values)


def component(device: Device, **values: Any) -> dict[str, Any]:
    values.setdefault("status", "available")
    values.setdefault("code", "E0336V00")
    values.setdefault("blood_group", "O+")
    values.setdefault("expires_at", now() + timedelta(days=30))
    values.setdefault("prepared_at", now() - timedelta(days=1))
    values.setdefault("din", f"G1234{secrets.randbelow(10**8):08d}")
    return device.insert("components", **values)
