"""What the server's administrator does (the ``bbms-central`` commands): centres, enrolment codes, users.

Each function runs in the caller's write transaction and writes an ``admin_audit`` row; a refusal raises
:class:`AdminError` before anything is saved. Centres and users are ordinary synced rows with a server version, so
devices pull them (a user's argon2 hash lets staff sign in offline).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bbms_central import auth
from bbms_central.models import AdminAudit
from bbms_central.push import complete_insert
from bbms_central.store import (
    MIN_CURSOR,
    centre_by_code,
    centre_rows,
    index_unique,
    lock_sequence,
    new_row,
    set_setting,
    unique_clash,
)
from bbms_desktop.errors import DomainError
from bbms_desktop.models import new_id, utcnow
from bbms_desktop.models.codec import encode_value
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.roles import Role
from bbms_desktop.rules.teleconsult import Specialty
from bbms_desktop.rules.vocabulary import CentreKind
from bbms_desktop.services.accounts import hash_password

KINDS_NEEDING_FIN = frozenset({CentreKind.BLOOD_CENTRE, CentreKind.CAMP})


class AdminError(Exception):
    """A refused administrator command: the message says what to fix; nothing was saved."""


def add_centre(
    session: Session,
    *,
    code: str,
    name: str,
    kind: str,
    fin: str | None,
    training: bool = False,
    licence_number: str | None = None,
    district: str | None = None,
    state: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    now = now or utcnow()
    code, name = code.strip(), name.strip()
    if not code or len(code) > 20 or not name or len(name) > 200:
        raise AdminError("A centre needs a code of 1 to 20 characters and a name of 1 to 200.")
    try:
        centre_kind = CentreKind(kind.replace("-", "_"))
    except ValueError:
        choices = ", ".join(k.value.replace("_", "-") for k in CentreKind)
        raise AdminError(f"Unknown centre kind {kind!r}: one of {choices}.") from None
    if fin:
        try:
            fin = isbt128.validate_fin(fin.strip().upper())
        except DomainError as error:
            raise AdminError(str(error)) from None
    elif centre_kind in KINDS_NEEDING_FIN:
        raise AdminError("A centre that collects blood needs its 5-character ISBT 128 facility number (--fin).")
    seq = lock_sequence(session)
    for row in centre_rows(session):
        if row.fields.get("code") == code:
            raise AdminError(f"A centre with code {code} exists already.")
        if fin and row.fields.get("fin") == fin:
            raise AdminError(f"The FIN {fin} belongs to centre {row.fields.get('code')} already.")
    centre_id = new_id()
    fields = complete_insert(
        "centres",
        {
            "id": str(centre_id),
            "created_at": encode_value(now),
            "updated_at": encode_value(now),
            "code": code,
            "name": name,
            "kind": centre_kind.value,
            "fin": fin or None,
            "licence_number": licence_number,
            "address": None,
            "district": district,
            "state": state,
            "is_training": training,
        },
    )
    new_row(session, "centres", fields, seq.next())
    enrolment_code = auth.add_enrolment(session, centre_id, now)
    _audit(session, "add_centre", now, centre_id=centre_id, code=code, training=training)
    return {"centre_id": str(centre_id), "code": code, "training": training, "enrolment_code": enrolment_code}


def new_enrolment(session: Session, *, centre_code: str, now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    lock_sequence(session)
    centre = _centre(session, centre_code)
    code = auth.add_enrolment(session, centre.id, now)
    _audit(session, "new_enrolment", now, centre_id=centre.id)
    return {"centre_id": str(centre.id), "code": centre_code, "enrolment_code": code}


def add_user(
    session: Session,
    *,
    centre_code: str,
    username: str,
    role: str,
    password: str,
    full_name: str | None = None,
    registration_number: str | None = None,
    specialties: list[str] | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    now = now or utcnow()
    username = username.strip()
    if not username or len(username) > 60:
        raise AdminError("A username has 1 to 60 characters.")
    try:
        user_role = Role(role.replace("-", "_"))
    except ValueError:
        raise AdminError(f"Unknown role {role!r}: one of {', '.join(r.value for r in Role)}.") from None
    chosen = _specialties(user_role, specialties or [], registration_number)
    try:
        password_hash = hash_password(password)
    except DomainError as error:
        raise AdminError(str(error)) from None
    seq = lock_sequence(session)
    centre = _centre(session, centre_code)
    user_id = new_id()
    fields = complete_insert(
        "users",
        {
            "id": str(user_id),
            "centre_id": str(centre.id),
            "created_at": encode_value(now),
            "updated_at": encode_value(now),
            "username": username,
            "full_name": (full_name or username).strip()[:200],
            "role": user_role.value,
            "password_hash": password_hash,
            "registration_number": registration_number,
            "specialties": chosen,
            "active": True,
        },
    )
    if unique_clash(session, "users", user_id, fields):
        raise AdminError(f"The username {username} is already taken at centre {centre_code}.")
    row = new_row(session, "users", fields, seq.next())
    index_unique(session, "users", row.id, None, fields)
    if chosen is not None and centre.fields.get("kind") != CentreKind.HUB:
        raise AdminError(f"A hub doctor belongs to a hub centre; {centre_code} is not one.")
    _audit(
        session,
        "add_user",
        now,
        user_id=user_id,
        centre_id=centre.id,
        username=username,
        role=user_role.value,
        specialties=",".join(chosen or []),
    )
    return {"user_id": str(user_id), "centre": centre_code, "username": username, "role": user_role.value}


def _specialties(role: Role, specialties: list[str], registration_number: str | None) -> list[str] | None:
    """A hub doctor's teleconsultation specialties (at least one), checked; None for any other role."""
    if role != Role.HUB_DOCTOR:
        if specialties:
            raise AdminError("Only a hub doctor has teleconsultation specialties (--specialty).")
        return None
    if not specialties:
        raise AdminError("A hub doctor needs at least one --specialty: the requests they may answer.")
    unknown = sorted(set(specialties) - set(Specialty))
    if unknown:
        raise AdminError(f"Unknown specialty {', '.join(unknown)}: one of {', '.join(s.value for s in Specialty)}.")
    if not (registration_number or "").strip():
        raise AdminError("A hub doctor needs --registration-number: every e-prescription carries it.")
    return sorted(set(specialties))


def set_min_cursor(session: Session, value: int, now: datetime | None = None) -> None:
    """Changes at or below ``value`` may be gone: an older cursor gets 410 (principle 14)."""
    set_setting(session, MIN_CURSOR, str(value))
    _audit(session, "set_min_cursor", now or utcnow(), value=value)


def _centre(session: Session, code: str) -> Any:
    centre = centre_by_code(session, code)
    if centre is None:
        raise AdminError(f"There is no centre with code {code}.")
    return centre


def _audit(session: Session, action: str, now: datetime, **details: Any) -> None:
    session.add(
        AdminAudit(id=uuid.uuid4(), at=now, actor="cli", action=action, details={k: str(v) for k, v in details.items()})
    )
