"""The push's fast paths against the established code they replace (kept here as the reference): canonical field
values, completed inserts, stored op results, identity keys, and the unique-key lookup by constraint."""

from __future__ import annotations

import math
import random
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import Boolean, Date, DateTime, Enum, Float, Integer, String, Uuid
from sqlalchemy.types import JSON, TypeDecorator

from bbms_central import donors, push
from bbms_central.wire import Rejected
from bbms_desktop.models import SYNCED_MODELS
from bbms_desktop.models.codec import encode_value, field_decoders
from bbms_desktop.sync.protocol import OpResult, OpStatus

# -- the reference: canonical_fields and complete_insert as they were --------------------------------------------

_UUID_TEXT = push._CANONICAL_UUID


def _reference_decode_uuid(value: Any) -> Any:
    if type(value) is str and _UUID_TEXT.fullmatch(value):
        return value
    return uuid.UUID(value)


def _reference_checker(kind: Any) -> Any:
    if isinstance(kind, Enum):
        return lambda value: isinstance(value, str) and value in frozenset(kind.enums)
    if isinstance(kind, String):
        length = kind.length
        return lambda value: isinstance(value, str) and "\x00" not in value and (length is None or len(value) <= length)
    if isinstance(kind, Boolean):
        return lambda value: isinstance(value, bool)
    if isinstance(kind, Integer):
        return lambda value: (
            isinstance(value, int) and not isinstance(value, bool) and -push.MAX_INT <= value <= push.MAX_INT
        )
    if isinstance(kind, Float):
        return lambda value: isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if isinstance(kind, DateTime):
        return lambda value: isinstance(value, datetime) and value.tzinfo is not None
    if isinstance(kind, Date):
        return lambda value: isinstance(value, date) and not isinstance(value, datetime)
    if isinstance(kind, Uuid):
        return lambda value: isinstance(value, uuid.UUID)
    if isinstance(kind, JSON):
        return push._plain_json
    return lambda _value: True


def _reference_columns(model: Any) -> dict[str, Any]:
    decoders = field_decoders(model)
    columns = {}
    for key, column in model.__table__.columns.items():
        kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
        decode, valid, encode = decoders[key], _reference_checker(kind), encode_value
        if isinstance(kind, Uuid):
            decode, encode = _reference_decode_uuid, str
            valid = lambda value: isinstance(value, uuid.UUID | str)  # noqa: E731
        elif isinstance(kind, DateTime):
            encode = lambda value: value.astimezone(UTC).isoformat()  # noqa: E731
        elif isinstance(kind, Date):
            encode = date.isoformat
        elif isinstance(kind, Enum | String | Boolean | Integer | Float):
            encode = lambda value: value  # noqa: E731
        columns[key] = (decode, valid, encode)
    return columns


def reference_canonical_fields(model: Any, fields: dict[str, Any]) -> dict[str, Any]:
    columns = _reference_columns(model)
    decoded = []
    try:
        for key, value in fields.items():
            decode = columns[key][0]
            decoded.append((key, value if value is None or decode is None else decode(value)))
    except (ValueError, TypeError, AttributeError, OverflowError):
        raise Rejected("bad_value", "A field has a value of the wrong kind.") from None
    canonical = {}
    for key, value in decoded:
        if value is not None:
            _decode, valid, encode = columns[key]
            if not valid(value):
                raise Rejected("bad_value", f"The value of {key} is not valid.")
            value = encode(value)
        canonical[key] = value
    return canonical


def reference_complete_insert(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    table_columns = push.MODELS[entity].__table__.columns
    complete = dict(values)
    for key, nullable in push.synced_columns(entity).items():
        if key not in complete:
            default = table_columns[key].default
            arg = default.arg if default is not None and default.is_scalar else None
            complete[key] = encode_value(arg)
        if complete[key] is None and not nullable:
            raise Rejected("bad_value", f"{entity}.{key} is required.")
    return complete


def _outcome(function: Any, *args: Any) -> Any:
    try:
        return ("ok", function(*args))
    except Rejected as refusal:
        return ("rejected", refusal.code, refusal.message)
    except Exception as error:
        return ("error", type(error).__name__)


# -- values: canonical ones, and every kind of wrong or near-canonical one ---------------------------------------

_TIMES = [
    "2026-12-06T23:27:22.605713+00:00",
    "2026-12-06T23:27:22+00:00",
    "2026-12-06T23:27:22.000000+00:00",  # canonical form has no zero fraction
    "2026-12-06T23:27:22.000001+00:00",
    "2026-12-06T23:27:22.6+00:00",
    "2026-12-06T23:27:22.605713+05:30",
    "2026-12-06T23:27:22.605713Z",
    "2026-12-06T23:27:22.605713",  # naive
    "2026-12-06 23:27:22+00:00",
    "2026-13-06T23:27:22+00:00",
    "2026-02-29T00:00:00+00:00",
    "2024-02-29T00:00:00+00:00",
    "2026-12-06T24:00:00+00:00",
    "2026-12-06T23:59:60+00:00",
    "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59.999999+00:00",
    "٢٠٢٦-12-06T23:27:22+00:00",  # non-ASCII digits
    "2026-12-06T23:27:22+00:00 ",
    "2026-12-06",
    "",
    "x",
    5,
    1.5,
    True,
    [],
    {},
]
_DATES = ["1970-01-01", "2024-02-29", "2026-02-29", "20260101", "2026-1-01", "2026-01-01T00:00:00", "٢٠٢٦-01-01",
          "0001-01-01", "", 7, None, [], "2026-12-06 "]  # fmt: skip
_UUIDS = [str(uuid.uuid4()), str(uuid.uuid4()).upper(), uuid.uuid4().hex, "{" + str(uuid.uuid4()) + "}", "nope", "",
          5, [], str(uuid.uuid4()) + " "]  # fmt: skip
_OTHERS = ["text", "", "a\x00b", "x" * 5000, 0, 1, -1, 2**63, -(2**63), True, False, 1.5, math.inf, math.nan, None,
           [], {}, {"a": [1, "b", None]}, {"a": "\x00"}, "voluntary", "male", "F"]  # fmt: skip


def _values_for(kind: Any) -> list[Any]:
    if isinstance(kind, DateTime):
        return _TIMES + _OTHERS
    if isinstance(kind, Date):
        return _DATES + _OTHERS
    if isinstance(kind, Uuid):
        return _UUIDS + _OTHERS
    if isinstance(kind, Enum):
        return list(kind.enums) + _OTHERS
    return _OTHERS


def _columns(model: Any) -> list[tuple[str, Any]]:
    return [
        (key, column.type.impl if isinstance(column.type, TypeDecorator) else column.type)
        for key, column in model.__table__.columns.items()
    ]


@pytest.mark.parametrize("model", SYNCED_MODELS, ids=lambda model: model.__tablename__)
def test_every_value_of_every_column_is_canonical_as_before(model):
    for key, kind in _columns(model):
        for value in _values_for(kind):
            fast = _outcome(push.canonical_fields, model, {key: value})
            slow = _outcome(reference_canonical_fields, model, {key: value})
            if slow[0] == "error":  # the old code let an overflow through as a server error; now it is refused
                assert slow == ("error", "OverflowError") and fast[:2] == ("rejected", "bad_value"), (key, value)
                continue
            assert fast == slow, (model.__tablename__, key, value)


@pytest.mark.parametrize("model", SYNCED_MODELS, ids=lambda model: model.__tablename__)
def test_whole_rows_mixing_good_and_bad_values_get_the_same_answer(model):
    rng = random.Random(model.__tablename__)
    columns = _columns(model)
    for _ in range(300):
        chosen = rng.sample(columns, k=rng.randint(1, len(columns)))
        fields = {key: rng.choice(_values_for(kind)) for key, kind in chosen}
        fast = _outcome(push.canonical_fields, model, fields)
        slow = _outcome(reference_canonical_fields, model, fields)
        if slow[0] == "error":
            assert fast[:2] == ("rejected", "bad_value")
            continue
        assert fast == slow, fields
        if fast[0] == "ok":  # the same values, keys in the same order
            assert list(fast[1]) == list(slow[1])


def test_times_in_other_zones_become_the_canonical_utc_text():
    moment = datetime(2026, 12, 6, 23, 27, 22, 605713, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    model = push.MODELS["donors"]
    assert push.canonical_fields(model, {"created_at": moment.isoformat()}) == {
        "created_at": moment.astimezone(UTC).isoformat()
    }
    assert push.canonical_fields(model, {"created_at": "2026-12-06T23:27:22.000000+00:00"}) == {
        "created_at": "2026-12-06T23:27:22+00:00"
    }


@pytest.mark.parametrize("entity", sorted(push.MODELS))
def test_completed_inserts_are_as_before(entity):
    rng = random.Random(entity)
    columns = list(push.synced_columns(entity))
    full = {key: f"v{index}" for index, key in enumerate(columns)}
    cases = [{}, full, {**full, columns[0]: None}, {key: None for key in columns}]
    cases += [{key: full[key] for key in rng.sample(columns, k=rng.randint(0, len(columns)))} for _ in range(50)]
    for values in cases:
        assert _outcome(push.complete_insert, entity, values) == _outcome(reference_complete_insert, entity, values)
        fast = _outcome(push.complete_insert, entity, values)
        if fast[0] == "ok":
            assert list(fast[1]) == list(reference_complete_insert(entity, values))


@pytest.mark.parametrize(
    "result",
    [
        OpResult(op_seq=1, status=OpStatus.APPLIED, version=7),
        OpResult(op_seq=2, status=OpStatus.MERGED, version=8),
        OpResult(
            op_seq=3, status=OpStatus.REJECTED, code="row_exists", message="Another donors row ...", permanent=True
        ),
        OpResult(op_seq=4, status=OpStatus.APPLIED, message="taken before"),
        OpResult(op_seq=5, status=OpStatus.CONFLICT, version=9, server_row={"id": "x", "at": None}),
    ],
)
def test_a_stored_result_is_its_json_dump(result):
    assert push._stored_result(result) == result.model_dump(mode="json")
    assert list(push._stored_result(result)) == list(result.model_dump(mode="json"))


def _reference_identity_keys(fields: dict[str, Any]) -> dict[str, str]:
    keys = {}
    if fields.get("id_document_type") and fields.get("id_document_number"):
        number = "".join(str(fields["id_document_number"]).split()).upper()
        keys["id_document"] = f"{fields['id_document_type']}|{number}"
    if fields.get("name_key") and fields.get("date_of_birth") and fields.get("sex"):
        keys["name_dob_sex"] = (
            f"{' '.join(str(fields['name_key']).lower().split())}|{fields['date_of_birth']}|{fields['sex']}"
        )
    if fields.get("mobile"):
        digits = "".join(ch for ch in str(fields["mobile"]) if ch.isdigit())
        if len(digits) >= 6:
            keys["mobile"] = digits[-10:]
    return {kind: key[:400] for kind, key in keys.items()}


@pytest.mark.parametrize(
    "mobile",
    ["9876543210", "+91 98765-43210", "(011) 2345 6789", "12345", "123456", "٩٨٧٦٥٤٣٢١٠", "98²76543210", "९८७६५४३२१०",
     "abc", "", None, 9876543210, "0" * 30],
)  # fmt: skip
def test_identity_keys_are_as_before(mobile):
    fields = {"mobile": mobile, "name_key": "Ram  Kumar", "date_of_birth": "1990-01-01", "sex": "M",
              "id_document_type": "aadhaar", "id_document_number": "1234 5678 9012"}  # fmt: skip
    assert donors.identity_keys(fields) == _reference_identity_keys(fields)


# -- an insert's unique and identity keys, computed once per op ----------------------------------------------------


def _push_state(central, device, ops: list[dict[str, Any]]) -> tuple[Any, dict[str, Any]]:
    """The answer to a push of ``ops`` and what it stored (keys, flags, rows), rolled back after."""
    from sqlalchemy import select

    from bbms_central.models import DonorKey, DuplicateFlag, StoredRow, UniqueKey
    from bbms_desktop.sync.protocol import SCHEMA_VERSION, PushRequest

    request = PushRequest.model_validate({"device_id": str(device.id), "schema_version": SCHEMA_VERSION, "ops": ops})
    with central.db._write() as session:
        session.begin()
        try:
            answer = push.push(session, device.id, request).model_dump(mode="json")
            session.flush()
            stored = {
                "unique": sorted(session.execute(select(UniqueKey.entity, UniqueKey.constraint, UniqueKey.key,
                                                        UniqueKey.row_id)).all()),
                "donor_keys": sorted(session.execute(select(DonorKey.donor_id, DonorKey.kind, DonorKey.key,
                                                            DonorKey.centre_id)).all()),
                "flags": sorted((str(a), str(b), sorted(r)) for a, b, r in session.execute(
                    select(DuplicateFlag.donor_id, DuplicateFlag.other_donor_id, DuplicateFlag.reasons))),
                "rows": sorted((str(i), v, f) for i, v, f in session.execute(
                    select(StoredRow.id, StoredRow.version, StoredRow.fields)).all()),
            }  # fmt: skip
        finally:
            session.rollback()
    return answer, stored


def test_keys_computed_once_per_insert_give_the_push_the_recomputed_keys_give(central, monkeypatch):
    """The insert's unique keys and identity keys come from ``_prepare`` (once per op) to the prefetch, the clash
    check and the indexing; the reference recomputes them at each of those steps (``_Prepared.unique`` and
    ``identity`` left empty): the same answers, the same keys, flags and rows."""
    from tests.central.helpers import component, donor

    central.add_centre("DL-ONE")
    central.add_centre("MH-TWO")
    delhi, pune = central.enrol("DL-ONE"), central.enrol("MH-TWO")
    pune.push(donor(pune, mobile="9812345678", id_document_type="aadhaar", id_document_number="1111 2222 3333"))
    first = donor(delhi, donor_number="ONE-1", mobile="9812345678")
    version = delhi.push(first)["results"][0]["version"]
    ops = [
        donor(delhi, donor_number="ONE-2", id_document_type="aadhaar", id_document_number="111122223333"),
        donor(delhi, donor_number="ONE-1"),  # a number already held: refused
        donor(delhi, donor_number="ONE-3", mobile="+91 98123 45678", tx=delhi.op_seq + 1),
        component(delhi, din="G123400000001", tx=delhi.op_seq),  # same transaction as the donor before
        component(delhi, din="G123400000001"),  # the same bag twice: refused
        delhi.update("donors", first["row_id"], version, donor_number="ONE-9", mobile="9000000001"),
        donor(delhi, donor_number="ONE-1"),  # the number given up just before
        donor(delhi, name_key="asha verma same", date_of_birth=date(1990, 5, 17)),
        donor(delhi, name_key="asha verma same", date_of_birth=date(1990, 5, 17)),
    ]
    fast = _push_state(central, delhi, ops)
    prepare = push._prepare

    def recomputing(op: Any) -> Any:
        prepared = prepare(op)
        prepared.unique = prepared.identity = None
        return prepared

    monkeypatch.setattr(push, "_prepare", recomputing)
    reference = _push_state(central, delhi, ops)
    assert fast == reference
    statuses = [result["status"] for result in fast[0]["results"]]
    assert "rejected" in statuses and statuses.count("applied") >= 5
    assert fast[1]["flags"], "duplicates were flagged"
