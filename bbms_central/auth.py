"""Devices: enrolment with a centre's one-time code, long-lived secrets, short-lived bearer tokens (principle 12).

Nothing secret is stored in the clear: enrolment codes, device secrets and tokens are kept as sha256 hashes (each is
32 random bytes or a one-time code, so a plain hash is enough; no password-style stretching is needed).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bbms_central.models import Device, Enrolment, StoredRow, Token
from bbms_central.store import centre_by_code, centre_by_id, lock_sequence
from bbms_central.wire import ApiError
from bbms_desktop.models import utcnow
from bbms_desktop.sync.protocol import EnrolRequest, EnrolResponse, ErrorCode, TokenRequest, TokenResponse

DEFAULT_TOKEN_TTL = 3600
# an enrolment code a person types: no 0/O, 1/I look-alikes
ENROLMENT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def new_enrolment_code() -> str:
    """Four groups of four, e.g. ``K7PM-3QXA-9TRB-W2HN`` (80 bits)."""
    return "-".join("".join(secrets.choice(ENROLMENT_ALPHABET) for _ in range(4)) for _ in range(4))


def enrolment_hash(code: str) -> str:
    """Typed in lower case, with or without dashes or spaces: the same code."""
    return sha256("".join(ch for ch in code.upper() if ch.isalnum()))


def add_enrolment(session: Session, centre_id: uuid.UUID, now: datetime | None = None) -> str:
    """A new one-time enrolment code for the centre (only its hash is kept)."""
    code = new_enrolment_code()
    session.add(
        Enrolment(id=uuid.uuid4(), centre_id=centre_id, code_hash=enrolment_hash(code), created_at=now or utcnow())
    )
    return code


def enrol(session: Session, request: EnrolRequest, token_ttl: int, now: datetime | None = None) -> EnrolResponse:
    now = now or utcnow()
    lock_sequence(session)  # one enrolment at a time: a code is used once, a device row created once
    bad = ApiError(403, ErrorCode.BAD_ENROLMENT, "Unknown centre code, or a wrong or used enrolment code.")
    if "\x00" in request.centre_code + request.enrolment_code:
        raise bad
    centre = centre_by_code(session, request.centre_code.strip())
    if centre is None:
        raise bad
    enrolment = session.scalars(
        select(Enrolment).where(
            Enrolment.code_hash == enrolment_hash(request.enrolment_code),
            Enrolment.centre_id == centre.id,
            Enrolment.used_at.is_(None),
        )
    ).first()
    if enrolment is None:
        raise bad
    if bool(centre.fields.get("is_training")) != request.training:
        raise ApiError(
            403,
            ErrorCode.TRAINING_MISMATCH,
            "A training profile enrols only at a training centre, and a real one only at a real centre.",
        )
    device = session.get(Device, request.device_id)
    if device is not None and device.centre_id != centre.id:
        raise ApiError(
            403, ErrorCode.BAD_ENROLMENT, "This device is enrolled at another centre: one device, one centre."
        )
    secret = secrets.token_urlsafe(32)
    if device is None:
        device = Device(id=request.device_id, centre_id=centre.id, last_op_seq=0)
        session.add(device)
    # re-enrolment (a new secret after a reinstall or a lost keyring) keeps last_op_seq: exactly-once survives it
    device.name = request.device_name.replace("\x00", "")
    device.training = request.training
    device.secret_hash = sha256(secret)
    device.enrolled_at = now
    device.revoked_at = None
    session.execute(
        update(Enrolment).where(Enrolment.id == enrolment.id).values(used_at=now, used_by_device_id=device.id)
    )
    session.flush()
    token, expires_at = _issue_token(session, device.id, token_ttl, now)
    return EnrolResponse(
        device_id=device.id,
        centre_id=centre.id,
        centre_code=str(centre.fields["code"]),
        device_secret=secret,
        token=token,
        token_expires_at=expires_at,
        server_time=now,
    )


def token(session: Session, request: TokenRequest, token_ttl: int, now: datetime | None = None) -> TokenResponse:
    now = now or utcnow()
    device = session.get(Device, request.device_id)
    given = sha256(request.device_secret)
    if device is None or device.revoked_at is not None or not hmac.compare_digest(device.secret_hash, given):
        raise ApiError(401, ErrorCode.BAD_SECRET, "Unknown device, wrong secret, or a revoked device: enrol again.")
    require_same_world(session, device)
    session.execute(delete(Token).where(Token.device_id == device.id, Token.expires_at <= now))
    value, expires_at = _issue_token(session, device.id, token_ttl, now)
    return TokenResponse(token=value, token_expires_at=expires_at, server_time=now)


def _issue_token(session: Session, device_id: uuid.UUID, ttl: int, now: datetime) -> tuple[str, datetime]:
    value = secrets.token_urlsafe(32)
    expires_at = now + timedelta(seconds=ttl)
    session.add(Token(token_hash=sha256(value), device_id=device_id, expires_at=expires_at))
    return value, expires_at


def authenticate(session: Session, bearer: str | None, now: datetime | None = None) -> Device:
    """The device a bearer token stands for; 401 ``unauthorized`` for none, an unknown or expired token."""
    now = now or utcnow()
    refused = ApiError(401, ErrorCode.UNAUTHORIZED, "Sign in again: the token is missing, unknown or expired.")
    if not bearer or len(bearer) > 200:
        raise refused
    # the token, its device and the device's centre in one round trip (every signed-in request asks)
    found = session.execute(
        select(Token.expires_at, Device, StoredRow.entity, StoredRow.fields["is_training"])
        .join(Device, Device.id == Token.device_id, isouter=True)
        .join(StoredRow, StoredRow.id == Device.centre_id, isouter=True)
        .where(Token.token_hash == sha256(bearer))
    ).first()
    if found is None:
        raise refused
    expires_at, device, entity, is_training = found
    if expires_at <= now or device is None or device.revoked_at is not None:
        raise refused
    if entity != "centres" or bool(is_training) != device.training:  # as require_same_world
        raise ApiError(403, ErrorCode.TRAINING_MISMATCH, "A training device never syncs with a production centre.")
    return device


def require_same_world(session: Session, device: Device) -> None:
    """A training device never syncs with a production centre, nor a real one with a training centre (principle
    15): checked at enrolment, and again for every token and every signed-in request, so a device row that ever
    disagreed with its centre (an older server, a repaired database) is refused everything, not only pushes."""
    centre = centre_by_id(session, device.centre_id)
    if centre is None or bool(centre.fields.get("is_training")) != device.training:
        raise ApiError(403, ErrorCode.TRAINING_MISMATCH, "A training device never syncs with a production centre.")


def revoke(session: Session, device_id: uuid.UUID, now: datetime | None = None) -> bool:
    device = session.get(Device, device_id)
    if device is None:
        return False
    device.revoked_at = now or utcnow()
    session.execute(delete(Token).where(Token.device_id == device_id))
    return True
