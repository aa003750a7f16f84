"""Centres and staff accounts on this installation: set-up, argon2 password hashes, offline login.

A workstation must let staff sign in with no link, so each user's argon2id hash is kept locally (it syncs down from
the server once the device is enrolled). Until then a standalone installation is set up here with its centre and a
first administrator.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from bbms_desktop.errors import DuplicateError, InvalidInput, NotPermitted
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.models import Camp, Centre, DeviceState, User
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.roles import Action, Role, may
from bbms_desktop.rules.vocabulary import CentreKind
from bbms_desktop.services import numbering
from bbms_desktop.services.uow import Actor, Database, UnitOfWork

MIN_PASSWORD_LENGTH = 8

BAD_LOGIN = QT_TRANSLATE_NOOP("Accounts", "Wrong username or password.")
INACTIVE = QT_TRANSLATE_NOOP("Accounts", "This account is disabled; ask the quality administrator.")
NOT_CAMP_STAFF = QT_TRANSLATE_NOOP(
    "Accounts",
    "This laptop is prepared for camp {code}: only the camp's staff and those who plan camps can sign in on it "
    "until the camp is closed.",
)
PASSWORD_SHORT = QT_TRANSLATE_NOOP("Accounts", "A password needs at least {minimum} characters.")
USERNAME_TAKEN = QT_TRANSLATE_NOOP("Accounts", "The username {username} is already taken at this centre.")
ALREADY_SET_UP = QT_TRANSLATE_NOOP("Accounts", "This installation is already set up for centre {code}.")
FIN_NEEDED = QT_TRANSLATE_NOOP(
    "Accounts", "A centre that collects blood needs its 5-character ISBT 128 facility number (FIN)."
)
CODE_NEEDED = QT_TRANSLATE_NOOP("Accounts", "The centre needs a code and a name.")

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(PASSWORD_SHORT(minimum=MIN_PASSWORD_LENGTH), field="password")
    return _hasher.hash(password)


@dataclass(frozen=True, slots=True)
class CentreInfo:
    id: uuid.UUID
    code: str
    name: str
    fin: str | None
    kind: CentreKind
    is_training: bool


def set_up_standalone(
    db: Database,
    *,
    code: str,
    name: str,
    kind: CentreKind = CentreKind.BLOOD_CENTRE,
    fin: str | None = None,
    licence_number: str | None = None,
    district: str | None = None,
    state: str | None = None,
    admin_username: str,
    admin_name: str,
    admin_password: str,
    is_training: bool = False,
) -> tuple[CentreInfo, Actor]:
    """Set up a new installation for its centre, with a first administrator; returns the centre and that admin."""
    code, name = code.strip().upper(), name.strip()
    if not code or not name:
        raise InvalidInput(CODE_NEEDED(), field="code")
    collects = kind in {CentreKind.BLOOD_CENTRE, CentreKind.CAMP}
    if fin is not None:
        fin = fin.strip().upper()
        isbt128.validate_fin(fin)
    elif collects:
        raise InvalidInput(FIN_NEEDED(), field="fin")
    password_hash = hash_password(admin_password)
    with db.unit_of_work(None) as uow:
        device = uow.device
        if device.centre_id is not None:
            existing = uow.session.get(Centre, device.centre_id)
            raise DuplicateError(ALREADY_SET_UP(code=existing.code if existing else "?"))
        centre = Centre(
            code=code,
            name=name,
            kind=kind,
            fin=fin,
            licence_number=licence_number,
            district=district,
            state=state,
            is_training=is_training,
        )
        uow.add(centre)
        uow.session.flush()
        device.centre_id = centre.id
        device.is_training = is_training
        admin = User(
            centre_id=centre.id,
            username=admin_username.strip().lower(),
            full_name=admin_name.strip(),
            role=Role.QUALITY_ADMIN,
            password_hash=password_hash,
        )
        uow.add(admin)
        uow.session.flush()
        actor = Actor(admin.id, centre.id, Role.QUALITY_ADMIN, admin.full_name)
        uow.actor = actor
        numbering.grant_standalone_blocks(uow, centre)
        uow.audit("set_up_centre", centre, code=code, kind=kind.value, training=is_training)
        info = _info(centre)
    return info, actor


def create_user(
    uow: UnitOfWork,
    *,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    registration_number: str | None = None,
) -> Actor:
    admin = uow.require(Action.MANAGE_USERS)
    username = username.strip().lower()
    taken = uow.session.scalar(select(User.id).where(User.centre_id == admin.centre_id, User.username == username))
    if taken is not None:
        raise DuplicateError(USERNAME_TAKEN(username=username), field="username")
    user = User(
        centre_id=admin.centre_id,
        username=username,
        full_name=full_name.strip(),
        role=Role(role),
        password_hash=hash_password(password),
        registration_number=registration_number,
    )
    uow.add(user)
    uow.session.flush()
    uow.audit("create_user", user, username=username, role=role)
    return Actor(user.id, admin.centre_id, Role(role), user.full_name)


def authenticate(db: Database, username: str, password: str) -> Actor:
    """Offline login against the locally kept hash; the same refusal for an unknown user and a wrong password."""
    with db.read() as session:
        device = session.get(DeviceState, 1)
        user = session.scalar(
            select(User).where(
                User.centre_id == (device.centre_id if device else None), User.username == username.strip().lower()
            )
        )
        if user is None:
            _hasher.hash("timing-equaliser")  # do the same work as a real check
            raise NotPermitted(BAD_LOGIN(), code="bad_login")
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise NotPermitted(BAD_LOGIN(), code="bad_login") from None
        if not user.active:
            raise NotPermitted(INACTIVE(), code="inactive")
        camp = session.get(Camp, device.camp_id) if device is not None and device.camp_id is not None else None
        if camp is not None and camp.closed_at is None and not may_sign_in_at_camp(user, camp):
            raise NotPermitted(NOT_CAMP_STAFF(code=camp.code), code="not_camp_staff")
        return Actor(user.id, user.centre_id, user.role, user.full_name)


def may_sign_in_at_camp(user: User, camp: Camp) -> bool:
    """Who may sign in on a laptop prepared for ``camp`` while the camp is open (docs/camps.md): the staff sent to
    it, and those who plan and close camps (they reconcile the bags when the laptop comes back). A laptop in the
    field carries every hash of the centre's staff; only the camp's team should be able to use it."""
    return str(user.id) in {str(staff_id) for staff_id in camp.staff_ids or ()} or may(user.role, Action.MANAGE_CAMPS)


def local_centre(db: Database) -> CentreInfo | None:
    with db.read() as session:
        device = session.get(DeviceState, 1)
        centre = session.get(Centre, device.centre_id) if device and device.centre_id else None
        return _info(centre) if centre else None


def _info(centre: Centre) -> CentreInfo:
    return CentreInfo(centre.id, centre.code, centre.name, centre.fin, CentreKind(centre.kind), centre.is_training)
