"""The wire protocol between bbms-desktop and bbms_central: the one definition both sides import (SYNC.md).

Everything that crosses the wire is declared here as a pydantic model; the server's OpenAPI document is generated
from these, so it is the contract. Also here: the schema version and how older versions are upgraded (principle 11),
the scope rules both sides agree on (principle 10: which entities a centre pulls, which donor fields are the shared
registry), the error codes, and the limits of a page.

No Qt, no HTTP, no database session: plain data and pure functions.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from bbms_desktop.models import SYNCED_MODELS, OpKind

API = "/v1"

# --------------------------------------------------------------------------------------------------------------------
# versions (principle 11: the server accepts N, N-1 and N-2 and upgrades ops forward; queued writes are never refused)

SCHEMA_VERSION = 1
OLDEST_ACCEPTED_SCHEMA = max(1, SCHEMA_VERSION - 2)

# How an op of an older schema becomes one of the next version: {from_version: {entity: upgrade(fields) -> fields}}.
# Empty while version 1 is the only one released; each schema change adds its step here (and a test of it), and
# SCHEMA_VERSION goes up by one.
UPGRADES: dict[int, dict[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {}


# --------------------------------------------------------------------------------------------------------------------
# entities and scopes

ENTITIES: tuple[str, ...] = tuple(model.__tablename__ for model in SYNCED_MODELS)
"""Every entity that syncs, parents before children (the order a snapshot is served and applied in)."""

PUSH_ONLY: frozenset[str] = frozenset({"audit_events"})
"""Entities a device pushes but never pulls back (the central audit trail is read on the server)."""

SHARED_WITH_ALL: frozenset[str] = frozenset({"centres", "deferrals"})
"""Entities every centre pulls in full, whoever owns them (deferrals are a union across centres, principle 8)."""

DONOR_REGISTRY_FIELDS: tuple[str, ...] = (
    "id",
    "centre_id",
    "created_at",
    "updated_at",
    "donor_number",
    "given_name",
    "family_name",
    "guardian_name",
    "name_key",
    "family_key",
    "sex",
    "date_of_birth",
    "mobile",
    "id_document_type",
    "id_document_number",
    "donor_type",
    "consent_given_at",
    "blood_group",
    "merged_into_id",
    "needs_review",
    "voided_at",
    "void_reason",
    "voided_by_id",
)
"""The shared donor registry: what another centre sees of a donor (to recognise a repeat donor and stop a deferred
one). Address, e-mail, pincode and ABHA id stay with the centre that registered the donor."""

FOREIGN_USER_FIELDS: tuple[str, ...] = ("id", "centre_id", "created_at", "updated_at", "username", "full_name", "role")
"""What a centre sees of another centre's staff (the names on deferrals it pulls): never a password hash."""

FOREIGN_DEFERRAL_NULLED: tuple[str, ...] = ("visit_id", "donation_id")
"""A deferral pulled by another centre loses its links to the owning centre's visits and donations (not pulled)."""

DONOR_MERGE_FIELDS: frozenset[str] = frozenset(DONOR_REGISTRY_FIELDS) - {"id", "centre_id", "created_at"}
"""Donor fields another centre may change (field-level merge, principle 7); the owner may change any field."""

APPEND_ONLY: frozenset[str] = frozenset(m.__tablename__ for m in SYNCED_MODELS if m.__append_only__)
VOID_FIELDS: frozenset[str] = frozenset({"voided_at", "void_reason", "voided_by_id", "updated_at"})
"""After insert, an append-only fact may change only in these fields (principle 5)."""

KEPT_WHATEVER_HAPPENS: frozenset[str] = frozenset({"audit_events", "deferrals"})
"""Facts the server keeps even when the rest of their local transaction is refused: what happened on a device, and
a decision that a donor may not donate (a deferral is never lost, principle 8)."""

SERVER_OWNED: frozenset[str] = frozenset({"centres"})
"""Entities only the server writes (a device's op on them is rejected)."""

# --------------------------------------------------------------------------------------------------------------------
# limits

MAX_OPS_PER_PUSH = 500
DEFAULT_PULL_LIMIT = 1000
MAX_PULL_LIMIT = 5000
REGISTRY_PAGE_ROWS = 1000
"""The rows of a full page of the shared registry stream: fixed (not the client's choice), so that every centre
walks the same pages and the server answers each one with the same bytes."""
GZIP_MINIMUM_BYTES = 1024


# --------------------------------------------------------------------------------------------------------------------
# error codes (the ``code`` of an :class:`ErrorBody` or a rejected :class:`OpResult`)


class ErrorCode(StrEnum):
    # HTTP-level
    BAD_ENROLMENT = "bad_enrolment"  # unknown centre or wrong / used enrolment code
    UNAUTHORIZED = "unauthorized"  # no, expired or revoked token: re-authenticate (principle 12)
    BAD_SECRET = "bad_secret"  # the device secret is wrong or the device revoked: enrol again
    TRAINING_MISMATCH = "training_mismatch"  # a training device and a production centre, or the reverse
    SCHEMA_TOO_OLD = "schema_too_old"  # only pull is refused; push of queued ops is always accepted
    SCHEMA_TOO_NEW = "schema_too_new"
    OP_GAP = "op_gap"  # ops must arrive in op_seq order without gaps: resend from ``expected_op_seq``
    CURSOR_EXPIRED = "cursor_expired"  # 410: push first, then re-snapshot from cursor "0" (principle 14)
    WRONG_DEVICE = "wrong_device"  # the body names another device than the token
    # per op (rejected)
    UNKNOWN_ENTITY = "unknown_entity"
    UNKNOWN_FIELD = "unknown_field"
    BAD_VALUE = "bad_value"
    NOT_YOUR_CENTRE = "not_your_centre"  # writing a row another centre owns (beyond the donor registry fields)
    SERVER_OWNED = "server_owned"
    ROW_EXISTS = "row_exists"  # an insert whose id exists with other content
    NO_SUCH_ROW = "no_such_row"  # an update of a row the server has never seen
    APPEND_ONLY = "append_only"  # a change to a fact beyond its void fields
    ILLEGAL_TRANSITION = "illegal_transition"  # component state machine (principle 6), e.g. a second issue
    REJECTED_WITH_TRANSACTION = "rejected_with_transaction"  # another op of the same local transaction was rejected
    # an op_seq the server has already taken arrives again with another op_id: the device reused sequence numbers (a
    # profile restored from a backup). Never silently acknowledged: dead-lettered.
    OP_ID_MISMATCH = "op_id_mismatch"
    PROHIBITED_MEDICINE = "prohibited_medicine"  # a teleconsult prescription names a Schedule X / NDPS medicine
    # blobs (principle 13)
    BLOB_OFFSET = "blob_offset"  # 409: a chunk that does not start at the server's offset (``offset`` says where)
    BLOB_SIZE = "blob_size"  # 409: a length other than the one the upload began with
    BLOB_MISMATCH = "blob_mismatch"  # 422: the whole blob's sha256 is not its name; the partial upload is discarded
    BLOB_TOO_LARGE = "blob_too_large"  # 413
    # HTTP-level, general
    INVALID_REQUEST = "invalid_request"  # 422: the body or a parameter does not match the OpenAPI schema
    BAD_CURSOR = "bad_cursor"  # 400: a cursor that is not one this server gave out
    BAD_BODY = "bad_body"  # 400: a body that cannot be read (broken gzip, too large once inflated)
    NOT_FOUND = "not_found"  # 404: no such path, donor or merge
    METHOD_NOT_ALLOWED = "method_not_allowed"  # 405
    SERIES_EXHAUSTED = "series_exhausted"  # 409: a number series has no free number left for this centre
    ALREADY_MERGED = "already_merged"  # 409: the duplicate is already merged, or the survivor is itself merged
    MERGE_UNDONE = "merge_undone"  # 409: the merge was already undone (or the donor redirected since)
    NOT_PERMITTED = "not_permitted"  # 403: the named user may not do this (unknown, other centre, role, inactive)
    INTERNAL = "internal"  # 500: a bug; nothing was committed


class ErrorBody(BaseModel):
    """The body of every non-2xx answer."""

    code: str
    message: str
    permanent: bool = True
    expected_op_seq: int | None = None  # with OP_GAP
    offset: int | None = None  # with BLOB_OFFSET: the bytes of the blob the server holds


class HealthResponse(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: str
    schema_version: int


# --------------------------------------------------------------------------------------------------------------------
# enrolment and tokens (principle 12)


# Text on the wire never holds a NUL character (PostgreSQL cannot store one; no person types one).
PLAIN_TEXT = r"^[^\x00]*$"


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EnrolRequest(_Wire):
    centre_code: str = Field(min_length=1, max_length=20, pattern=PLAIN_TEXT)
    enrolment_code: str = Field(min_length=1, max_length=100, pattern=PLAIN_TEXT)
    device_id: uuid.UUID
    device_name: str = Field(default="", max_length=200, pattern=PLAIN_TEXT)
    training: bool = False  # the profile is a training sandbox (principle 15)
    schema_version: int = SCHEMA_VERSION


class EnrolResponse(_Wire):
    device_id: uuid.UUID
    centre_id: uuid.UUID
    centre_code: str
    device_secret: str  # long-lived; kept in the OS keyring; exchanged for short-lived tokens
    token: str
    token_expires_at: datetime
    server_time: datetime


class TokenRequest(_Wire):
    device_id: uuid.UUID
    device_secret: str = Field(min_length=1, max_length=200, pattern=PLAIN_TEXT)


class TokenResponse(_Wire):
    token: str
    token_expires_at: datetime
    server_time: datetime


# --------------------------------------------------------------------------------------------------------------------
# push (principles 3, 5, 6, 7)


class Op(_Wire):
    op_seq: int = Field(ge=1)  # per device, increasing without gaps
    op_id: uuid.UUID
    # the op_seq of the first op of the local transaction this op was written in: the server applies a transaction's
    # ops all or none (audit events excepted: what happened on the device is always kept)
    tx: int = Field(ge=1)
    entity: str = Field(max_length=60, pattern=PLAIN_TEXT)
    row_id: uuid.UUID
    kind: OpKind
    base_version: int | None = None  # the server version the device last saw of the row (updates)
    fields: dict[str, Any]
    hlc: str = Field(max_length=40, pattern=PLAIN_TEXT)


class PushRequest(_Wire):
    device_id: uuid.UUID
    schema_version: int
    ops: list[Op] = Field(max_length=MAX_OPS_PER_PUSH)


class OpStatus(StrEnum):
    APPLIED = "applied"  # as sent
    MERGED = "merged"  # applied onto a newer server version; disjoint fields merged
    CONFLICT = "conflict"  # applied, but a field changed on both sides: last by receipt wins, row flagged for review
    REJECTED = "rejected"  # not applied; the device keeps it in its visible dead-letter list


class OpResult(_Wire):
    op_seq: int
    status: OpStatus
    version: int | None = None  # the row's server version after the op (not for rejected)
    code: str | None = None
    message: str | None = None
    permanent: bool = True
    # the server's row after the op (conflict, and rejected when the row exists): the device takes it as truth
    server_row: dict[str, Any] | None = None


class PushResponse(_Wire):
    results: list[OpResult]
    last_op_seq: int  # the device's last op_seq the server has taken (applied or rejected)


# --------------------------------------------------------------------------------------------------------------------
# pull (principles 4, 10, 14)


class Change(_Wire):
    entity: str
    row_id: uuid.UUID
    version: int  # the server sequence of the row's latest change
    fields: dict[str, Any]  # the whole row as this centre may see it


class PullResponse(_Wire):
    """A page of the combined stream (``GET /sync/pull``: the centre's scope and the shared registry in one cursor).
    Kept for clients of schema 1 that pull it; a current client pulls the two streams below."""

    changes: list[Change]
    next_cursor: str  # opaque; applied with the page in one local transaction
    has_more: bool
    server_time: datetime


class Stream(StrEnum):
    """The two pull streams, each with its own cursor (principle 4 for each; 410 re-snapshots the one refused)."""

    SCOPE = "scope"  # this centre's own rows and the teleconsultations it takes part in: per centre
    REGISTRY = "registry"  # what every centre sees of every centre (below): the same pages, byte for byte, for all


REGISTRY_ENTITIES: frozenset[str] = frozenset({"centres", "donors", "users", "deferrals"})
"""The shared registry stream: every (production, or training) centre's rows of these entities as another centre
sees them (donors: the registry fields; users: names and roles; deferrals: without their links to visits and
donations; centres: in full). A centre's own rows come in it too, in that projection: the client keeps its own
centre's rows from the scope stream and skips them here."""


class StreamPage(_Wire):
    """A page of one stream. A registry page is built once and served as the same bytes to every centre (so its
    ``server_time`` is when it was built); its ``next_cursor`` is the same for every centre asking the same cursor."""

    stream: Stream
    changes: list[Change]
    next_cursor: str  # opaque; applied with the page in one local transaction
    has_more: bool
    server_time: datetime
    centre_id: uuid.UUID | None = None  # scope pages: the device's centre (whose rows a registry page repeats)


# --------------------------------------------------------------------------------------------------------------------
# number blocks, stock summaries, duplicates and merges


class BlockRequest(_Wire):
    series: str = Field(pattern=r"^(donor|request|camp|din:\d{2})$")
    size: int = Field(ge=1, le=100_000)


class BlockResponse(_Wire):
    id: uuid.UUID
    series: str
    first: int
    last: int


class StockLine(_Wire):
    centre_id: uuid.UUID
    centre_code: str
    centre_name: str
    blood_group: str | None
    component_code: str
    available: int
    expiring_72h: int


class StockResponse(_Wire):
    lines: list[StockLine]
    as_of: datetime


class DuplicateFlag(_Wire):
    id: uuid.UUID
    donor_id: uuid.UUID
    other_donor_id: uuid.UUID
    reasons: list[Literal["id_document", "name_dob_sex", "mobile"]]
    flagged_at: datetime
    resolved: bool


class DuplicatesResponse(_Wire):
    flags: list[DuplicateFlag]


class MergeRequest(_Wire):
    survivor_id: uuid.UUID
    duplicate_id: uuid.UUID
    reason: str = Field(min_length=3, max_length=500, pattern=PLAIN_TEXT)
    by_user_id: uuid.UUID


class MergeResponse(_Wire):
    merge_id: uuid.UUID
    survivor_id: uuid.UUID
    duplicate_id: uuid.UUID
    version: int  # the duplicate donor's server version, now redirected (merged_into_id = survivor)


class UndoMergeRequest(_Wire):
    reason: str = Field(min_length=3, max_length=500, pattern=PLAIN_TEXT)
    by_user_id: uuid.UUID


# --------------------------------------------------------------------------------------------------------------------
# the hub doctor's queue, read on the server (principle 10: only the specialties assigned to the doctor)


class HubQueueItem(_Wire):
    consult_id: uuid.UUID
    consult_number: str
    spoke_centre_id: uuid.UUID
    specialty: str
    priority: str
    status: str
    patient_name: str
    patient_age_years: int
    patient_sex: str
    chief_complaints: str
    queued_at: datetime | None
    uploaded_at: datetime | None
    attachments: int


class HubQueueResponse(_Wire):
    doctor_id: uuid.UUID
    specialties: list[str]
    items: list[HubQueueItem]  # emergencies first, then urgent, then routine; oldest first within each


# --------------------------------------------------------------------------------------------------------------------
# blobs (principle 13): ``HEAD /blobs/{sha256}`` says how much the server holds (headers below), ``PUT`` appends one
# chunk at exactly that offset, the server checks the sha256 when the last byte arrives; ``GET`` reads a whole blob

SHA256_PATTERN = r"^[0-9a-f]{64}$"
BLOB_CHUNK_BYTES = 1024 * 1024
MAX_BLOB_CHUNK_BYTES = 8 * 1024 * 1024
MAX_BLOB_BYTES = 64 * 1024 * 1024
UPLOAD_OFFSET = "Upload-Offset"  # HEAD answer: bytes held; PUT request: where this chunk starts
UPLOAD_LENGTH = "Upload-Length"  # the whole blob's size
UPLOAD_COMPLETE = "Upload-Complete"  # HEAD answer: "1" once verified


class BlobStatus(_Wire):
    sha256: str
    size: int | None  # None until the first chunk says it
    offset: int  # bytes the server holds (a resumed upload continues from here)
    complete: bool  # all bytes arrived and their sha256 is the name


# --------------------------------------------------------------------------------------------------------------------
# pure helpers both sides use


def upgrade_op(op: dict[str, Any], from_version: int) -> dict[str, Any]:
    """An op as sent by a client of ``from_version``, upgraded to :data:`SCHEMA_VERSION` (principle 11)."""
    upgraded = dict(op)
    for version in range(from_version, SCHEMA_VERSION):
        step = UPGRADES.get(version, {}).get(upgraded.get("entity", ""))
        if step is not None:
            upgraded["fields"] = step(dict(upgraded["fields"]))
    return upgraded


CURSOR_PATTERN = r"^[0-9]{1,18}$"
"""What a cursor looks like on the wire (the OpenAPI document says so; anything else is a 422)."""


def encode_cursor(seq: int) -> str:
    return str(seq)


def decode_cursor(cursor: str | None) -> int:
    """The server sequence a cursor stands for ("0" or none: from the beginning, a full snapshot)."""
    if not cursor:
        return 0
    value = int(cursor)
    if value < 0:
        raise ValueError("negative cursor")
    return value
