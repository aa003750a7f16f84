"""Where a device keeps its sync secret: the OS keyring, and a plaintext file only when the user opted in.

The central server gives each enrolled device a long-lived secret (SYNC.md, principle 12: "credentials and device
tokens live in the OS keyring"). This module owns where that secret is kept and which password store is acceptable:

* ``BBMS_KEYRING`` unset: the store keyring chooses (GNOME Keyring/KWallet through Secret Service, Windows Credential
  Manager, macOS Keychain). A choice keyring made *automatically* is refused when it cannot keep a secret safely: its
  fail backend, a chainer with nothing secure to chain, or any backend from ``keyrings.alt``. keyrings.alt is installed
  for the file opt-in below, and installing it must never turn a missing keyring into a silent plaintext file. A
  backend the user named in ``PYTHON_KEYRING_BACKEND`` (keyring's own documented switch) is respected.
* ``BBMS_KEYRING=file``: the explicit opt-in for headless machines and CI. The secret is kept in plain text in
  ``credentials.cfg`` inside the profile folder (mode 0600), so two profiles never share it.

Every failure of the store reaches the caller as a :class:`KeyringUnavailable` that says what to do; a secret that is
simply not there is :class:`CredentialsMissing` (the device must be enrolled again).
"""

from __future__ import annotations

import configparser
import os
import uuid
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError
from keyrings.alt.file import PlaintextKeyring
from keyrings.alt.file_base import FileBacked

from bbms_desktop.errors import DomainError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP

SERVICE = "bbms-desktop"
CREDENTIALS_FILE = "credentials.cfg"
KEYRING_ENV = "BBMS_KEYRING"
KEYRING_FILE = "file"  # the one accepted value of BBMS_KEYRING
KEYRING_BACKEND_ENV = "PYTHON_KEYRING_BACKEND"  # keyring's own variable naming a backend class

# keyring's own threshold: "a priority of one or greater is recommended" (keyring.core.recommended).
_RECOMMENDED_PRIORITY = 1

CREDENTIALS_MISSING = QT_TRANSLATE_NOOP(
    "Credentials",
    "This computer has no saved sync credentials for this profile: enrol it again with the server.",
)
NO_KEYRING = QT_TRANSLATE_NOOP(
    "Credentials",
    "No secure password store (keyring) is available on this computer. Start a desktop keyring (GNOME Keyring, "
    "KWallet, Windows Credential Manager or macOS Keychain), or choose a backend with PYTHON_KEYRING_BACKEND, or set "
    "BBMS_KEYRING=file to keep the sync credentials in a file in the profile folder (readable by anyone with access "
    "to this account).",
)
UNKNOWN_KEYRING_CHOICE = QT_TRANSLATE_NOOP(
    "Credentials",
    'BBMS_KEYRING is set to "{value}", which is not a known choice. The only accepted value is "file" (keep the sync '
    "credentials in a file in the profile folder); remove the setting to use the computer's password store.",
)
KEYRING_FAILED = QT_TRANSLATE_NOOP(
    "Credentials",
    "The password store ({store}) could not be used: {cause}. Unlock or start it, then try again.",
)

# What a password store raises when it is locked, gone or unreadable; the file store adds the OS and parser errors.
_STORE_ERRORS = (KeyringError, OSError, configparser.Error)


class CredentialsMissing(DomainError, LookupError):
    """This profile has no saved device secret: the computer must be enrolled with the server again."""

    code = "credentials_missing"


class KeyringUnavailable(DomainError):
    """No password store fit to hold the device secret, or the store failed (locked, not running, unreadable)."""

    code = "no_keyring"


class CredentialStore:
    """The device secrets of one profile, kept in one password store under the service name ``bbms-desktop``."""

    def __init__(self, backend: KeyringBackend, *, service: str = SERVICE) -> None:
        self.backend = backend
        self.service = service

    def __repr__(self) -> str:
        return f"CredentialStore({self.backend!r}, service={self.service!r})"

    def save_secret(self, device_id: uuid.UUID, secret: str) -> None:
        """Keep the secret the server gave this device at enrolment, replacing any earlier one."""
        if not secret:
            raise ValueError("a device secret cannot be empty")
        try:
            self.backend.set_password(self.service, str(device_id), secret)
        except _STORE_ERRORS as exc:
            raise _store_failed(self.backend, exc) from exc

    def load_secret(self, device_id: uuid.UUID) -> str:
        """The device's secret; :class:`CredentialsMissing` when none was saved on this computer."""
        try:
            secret = self.backend.get_password(self.service, str(device_id))
        except _STORE_ERRORS as exc:
            raise _store_failed(self.backend, exc) from exc
        if not secret:
            raise CredentialsMissing(CREDENTIALS_MISSING())
        return secret

    def delete_secret(self, device_id: uuid.UUID) -> None:
        """Forget the device's secret (un-enrolment); forgetting one that is not there is not an error."""
        key = str(device_id)
        try:
            # Stores raise PasswordDeleteError for a missing entry, indistinguishable from a refusal: look first.
            if self.backend.get_password(self.service, key) is None:
                return
            self.backend.delete_password(self.service, key)
        except _STORE_ERRORS as exc:
            raise _store_failed(self.backend, exc) from exc


def credential_store(profile_dir: Path) -> CredentialStore:
    """The credential store for the profile in ``profile_dir``, with the backend the environment chooses.

    Raises :class:`KeyringUnavailable` when no acceptable password store is available or ``BBMS_KEYRING`` is not
    understood.
    """
    choice = os.environ.get(KEYRING_ENV, "").strip()
    if not choice:
        return CredentialStore(_system_backend())
    if choice.lower() == KEYRING_FILE:
        return CredentialStore(_profile_file_backend(profile_dir))
    raise KeyringUnavailable(UNKNOWN_KEYRING_CHOICE(value=choice))


def _profile_file_backend(profile_dir: Path) -> PlaintextKeyring:
    """keyrings.alt's plaintext file, moved from its shared per-user default into this profile's own folder."""
    path = Path(profile_dir) / CREDENTIALS_FILE
    backend = PlaintextKeyring()
    try:
        # Created here rather than by keyrings.alt so that it never exists, even for a moment, with wider permissions;
        # chmod also narrows a file that was copied in with the profile.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        path.chmod(0o600)
    except OSError as exc:
        raise _store_failed(backend, exc) from exc
    backend.file_path = str(path)
    return backend


def _system_backend() -> KeyringBackend:
    """The backend keyring chooses, if it can keep a secret safely or the user chose it explicitly."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a PYTHON_KEYRING_BACKEND or keyringrc.cfg naming a class that cannot be loaded
        store = os.environ.get(KEYRING_BACKEND_ENV, "").strip() or "keyring"
        raise KeyringUnavailable(KEYRING_FAILED(store=store, cause=str(exc) or type(exc).__name__)) from exc
    if isinstance(backend, fail.Keyring | null.Keyring):
        # Neither can keep anything, whoever chose them: the fail store raises, the null store silently forgets.
        raise KeyringUnavailable(NO_KEYRING())
    if os.environ.get(KEYRING_BACKEND_ENV, "").strip():
        return backend
    if isinstance(backend, chainer.ChainerBackend):
        # A chainer writes to its first backend and reads from all of them, so it is only as safe as what it chains;
        # the first secure one is the one it would write to.
        secure = [b for b in backend.backends if _is_secure(b)]
        if not secure:
            raise KeyringUnavailable(NO_KEYRING())
        return secure[0]
    if not _is_secure(backend):
        raise KeyringUnavailable(NO_KEYRING())
    return backend


def _is_secure(backend: KeyringBackend) -> bool:
    """Whether keyring may pick this backend on its own: a recommended store that is not a keyrings.alt stand-in."""
    if isinstance(backend, fail.Keyring | null.Keyring | chainer.ChainerBackend | FileBacked):
        return False
    if type(backend).__module__.startswith("keyrings.alt"):
        return False
    try:
        return backend.priority >= _RECOMMENDED_PRIORITY
    except Exception:  # a backend signals "not usable here" by raising from priority
        return False


def _store_failed(backend: KeyringBackend, exc: BaseException) -> KeyringUnavailable:
    return KeyringUnavailable(KEYRING_FAILED(store=_store_name(backend), cause=str(exc) or type(exc).__name__))


def _store_name(backend: KeyringBackend) -> str:
    try:
        return str(backend.name)
    except Exception:
        return type(backend).__name__
