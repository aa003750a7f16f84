"""A profile's link to the central server: enrolment, and an engine ready to sync (used by the CLI and the UI).

Enrolment trades the centre's one-time code for this device's secret, which goes to the OS keyring (never to the
profile folder unless the user opted in, see ``credentials``), then pulls the centre's scope, so staff can sign in
offline at once, and takes this device's first number blocks from the server.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

from bbms_desktop.errors import StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.models import Centre, DeviceState
from bbms_desktop.services.profile import open_profile
from bbms_desktop.services.uow import Database
from bbms_desktop.sync import protocol
from bbms_desktop.sync.credentials import CredentialStore, credential_store
from bbms_desktop.sync.engine import NOT_ENROLLED, SyncEngine, SyncSummary, refuse_training
from bbms_desktop.sync.transport import SyncError, Transport

STANDALONE_PROFILE = QT_TRANSLATE_NOOP(
    "Sync",
    "This profile was set up as standalone centre {code}; it cannot join a server's centre. Enrol a new profile.",
)
OTHER_CENTRE = QT_TRANSLATE_NOOP(
    "Sync", "This profile belongs to centre {own}; it cannot be enrolled for centre {other}. Enrol a new profile."
)
CENTRE_NOT_PULLED = QT_TRANSLATE_NOOP("Sync", "The server did not send centre {code}: try the enrolment again.")


@dataclass(frozen=True, slots=True)
class Enrolled:
    device_id: str
    centre_code: str
    summary: SyncSummary


def enrol(
    profile: Path,
    server_url: str,
    centre_code: str,
    enrolment_code: str,
    *,
    store: CredentialStore | None = None,
) -> Enrolled:
    """Enrol the profile at ``profile`` (created if new) with the server, then pull its centre's scope."""
    db = open_profile(profile)
    try:
        store = store or credential_store(profile)
        with db.read() as session:
            refuse_training(session)  # before any request: a sandbox's practice data never leaves the machine
            state = session.get(DeviceState, 1)
            assert state is not None
            own = session.get(Centre, state.centre_id) if state.centre_id else None
            device_id, training = state.device_id, state.is_training
            if own is not None and state.server_url is None:
                raise StateError(STANDALONE_PROFILE(code=own.code), code="standalone_profile")
            if own is not None and own.code != centre_code:
                raise StateError(OTHER_CENTRE(own=own.code, other=centre_code), code="other_centre")
        request = protocol.EnrolRequest(
            centre_code=centre_code,
            enrolment_code=enrolment_code,
            device_id=device_id,
            device_name=platform.node()[:200],
            training=training,
        )
        answer = Transport.enrol(server_url, request)
        store.save_secret(device_id, answer.device_secret)
        with db.remote_apply() as session:
            device = session.get(DeviceState, 1)
            assert device is not None
            device.server_url = server_url.rstrip("/")
        engine = SyncEngine(db, transport_for(db, profile, store=store))
        summary = engine.run_cycle()
        with db.remote_apply() as session:
            if session.get(Centre, answer.centre_id) is None:
                raise StateError(CENTRE_NOT_PULLED(code=centre_code), code="centre_not_pulled")
            device = session.get(DeviceState, 1)
            assert device is not None
            device.centre_id = answer.centre_id
        summary = engine.run_cycle()  # now that the device knows its centre: its number blocks
        return Enrolled(str(device_id), answer.centre_code, summary)
    finally:
        db.dispose()


def transport_for(db: Database, profile: Path, *, store: CredentialStore | None = None) -> Transport:
    """A transport for an enrolled profile; the device secret is read from the keyring when a token is needed."""
    store = store or credential_store(profile)
    with db.read() as session:
        refuse_training(session)
        state = session.get(DeviceState, 1)
        assert state is not None
        url, device_id = state.server_url, state.device_id
    if url is None:
        raise SyncError(NOT_ENROLLED(), code="not_enrolled")
    return Transport(url, device_id, lambda: store.load_secret(device_id))


def sync_once(profile: Path, *, store: CredentialStore | None = None) -> SyncSummary:
    """One full cycle for the profile at ``profile`` (the ``bbms-desktop sync`` command)."""
    db = open_profile(profile)
    try:
        return SyncEngine(db, transport_for(db, profile, store=store)).run_cycle()
    finally:
        db.dispose()
