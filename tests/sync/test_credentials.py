"""The device secret stays in a password store fit for it: the OS keyring, or the profile's own file when opted in."""

from __future__ import annotations

import stat
import uuid

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked
from keyrings.alt.file import PlaintextKeyring

from bbms_desktop.sync.credentials import (
    CREDENTIALS_FILE,
    SERVICE,
    CredentialsMissing,
    CredentialStore,
    KeyringUnavailable,
    credential_store,
)

DEVICE = uuid.UUID("0f6b2c1e-8d8a-4d7e-9a55-3c2f1b0e7a11")


class DesktopKeyring(KeyringBackend):
    """Stands in for Secret Service / Credential Manager / Keychain: a recommended store, kept in memory."""

    priority = 5

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.locked = False

    def get_password(self, service, username):
        self._check()
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self._check()
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self._check()
        del self.entries[(service, username)]

    def _check(self):
        if self.locked:
            raise KeyringLocked("the collection is locked")


# Defining a backend registers it with keyring for automatic detection; this one exists only for these tests.
KeyringBackend._classes.discard(DesktopKeyring)


@pytest.fixture
def profile(tmp_path):
    folder = tmp_path / "profile-a"
    folder.mkdir()
    return folder


@pytest.fixture
def system_keyring(monkeypatch):
    """``BBMS_KEYRING`` unset and no explicit backend; returns a setter for the backend keyring "detected"."""
    monkeypatch.delenv("BBMS_KEYRING", raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)

    def use(backend: KeyringBackend) -> KeyringBackend:
        # keyring keeps its choice in this module global; monkeypatch puts the original back after the test
        monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
        return backend

    return use


def test_opted_in_file_keeps_the_secret_in_the_profile_folder_readable_by_the_owner_only(profile, monkeypatch):
    monkeypatch.setenv("BBMS_KEYRING", "file")
    store = credential_store(profile)
    store.save_secret(DEVICE, "s3cret-from-enrolment")

    path = profile / CREDENTIALS_FILE
    assert isinstance(store.backend, PlaintextKeyring)
    assert store.backend.file_path == str(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "[bbms_2Ddesktop]" in path.read_text()  # keyrings.alt's escaping of the service name

    assert credential_store(profile).load_secret(DEVICE) == "s3cret-from-enrolment"  # a fresh store reads it back


def test_two_profiles_never_share_a_credentials_file(tmp_path, monkeypatch):
    monkeypatch.setenv("BBMS_KEYRING", "file")
    first, second = tmp_path / "centre-a", tmp_path / "training"
    first.mkdir()
    second.mkdir()
    credential_store(first).save_secret(DEVICE, "production secret")

    assert not (second / CREDENTIALS_FILE).exists()
    with pytest.raises(CredentialsMissing):
        credential_store(second).load_secret(DEVICE)
    credential_store(second).save_secret(DEVICE, "training secret")
    assert credential_store(first).load_secret(DEVICE) == "production secret"
    assert credential_store(second).load_secret(DEVICE) == "training secret"


def test_a_credentials_file_copied_in_with_wider_permissions_is_narrowed(profile, monkeypatch):
    monkeypatch.setenv("BBMS_KEYRING", "file")
    path = profile / CREDENTIALS_FILE
    path.write_text("")
    path.chmod(0o644)
    credential_store(profile)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_missing_secret_asks_for_enrolment_again(profile, monkeypatch):
    monkeypatch.setenv("BBMS_KEYRING", "file")
    with pytest.raises(CredentialsMissing) as refused:
        credential_store(profile).load_secret(DEVICE)
    assert refused.value.code == "credentials_missing"
    assert str(refused.value) == (
        "This computer has no saved sync credentials for this profile: enrol it again with the server."
    )
    assert refused.value.text.msg.context == "Credentials"


def test_a_deleted_secret_is_gone_and_deleting_twice_is_harmless(profile, monkeypatch):
    monkeypatch.setenv("BBMS_KEYRING", "file")
    store = credential_store(profile)
    store.save_secret(DEVICE, "old")
    store.save_secret(DEVICE, "new")
    assert store.load_secret(DEVICE) == "new"
    store.delete_secret(DEVICE)
    store.delete_secret(DEVICE)
    with pytest.raises(CredentialsMissing):
        store.load_secret(DEVICE)


def test_the_desktop_keyring_is_used_when_bbms_keyring_is_unset(profile, system_keyring):
    desktop = system_keyring(DesktopKeyring())
    store = credential_store(profile)
    store.save_secret(DEVICE, "s3cret")
    assert desktop.entries == {(SERVICE, str(DEVICE)): "s3cret"}
    assert store.load_secret(DEVICE) == "s3cret"
    assert not (profile / CREDENTIALS_FILE).exists()


def test_without_a_keyring_the_refusal_says_how_to_opt_in_to_the_file(profile, system_keyring):
    system_keyring(fail.Keyring())
    with pytest.raises(KeyringUnavailable) as refused:
        credential_store(profile)
    assert refused.value.code == "no_keyring"
    message = str(refused.value)
    assert "BBMS_KEYRING=file" in message
    assert "PYTHON_KEYRING_BACKEND" in message
    assert "readable by anyone with access to this account" in message


def test_a_plaintext_file_keyring_picked_automatically_is_refused(profile, system_keyring, tmp_path):
    # what keyring picks on a headless Linux box once keyrings.alt is installed
    automatic = PlaintextKeyring()
    automatic.file_path = str(tmp_path / "keyring_pass.cfg")
    system_keyring(automatic)
    with pytest.raises(KeyringUnavailable, match="BBMS_KEYRING=file"):
        credential_store(profile)
    assert not (tmp_path / "keyring_pass.cfg").exists()


@pytest.mark.parametrize("backend", [null.Keyring(), fail.Keyring()], ids=["null", "fail"])
def test_a_store_that_cannot_keep_anything_is_refused(profile, system_keyring, backend):
    system_keyring(backend)
    with pytest.raises(KeyringUnavailable):
        credential_store(profile)


def test_a_chainer_of_plaintext_stand_ins_is_refused(profile, system_keyring, monkeypatch):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextKeyring(), null.Keyring()])
    system_keyring(chainer.ChainerBackend())
    with pytest.raises(KeyringUnavailable, match="BBMS_KEYRING=file"):
        credential_store(profile)


def test_a_chainer_writes_to_its_secure_store_never_to_the_plaintext_one(profile, system_keyring, monkeypatch):
    desktop = DesktopKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextKeyring(), desktop])
    system_keyring(chainer.ChainerBackend())
    store = credential_store(profile)
    assert store.backend is desktop
    store.save_secret(DEVICE, "s3cret")
    assert desktop.entries == {(SERVICE, str(DEVICE)): "s3cret"}


def test_a_backend_chosen_with_python_keyring_backend_is_respected(profile, system_keyring, monkeypatch, tmp_path):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # where keyrings.alt keeps its file on Linux
    system_keyring(None)  # let keyring detect again, as a fresh process would
    store = credential_store(profile)
    assert isinstance(store.backend, PlaintextKeyring)
    store.save_secret(DEVICE, "s3cret")
    assert store.load_secret(DEVICE) == "s3cret"


def test_a_python_keyring_backend_that_cannot_be_loaded_is_reported(profile, system_keyring, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.nowhere.Keyring")
    system_keyring(None)
    with pytest.raises(KeyringUnavailable, match=r"keyring\.backends\.nowhere\.Keyring"):
        credential_store(profile)


@pytest.mark.parametrize("value", ["plaintext", "keyring", "yes"])
def test_an_unknown_bbms_keyring_value_is_refused_naming_the_accepted_one(profile, monkeypatch, value):
    monkeypatch.setenv("BBMS_KEYRING", value)
    with pytest.raises(KeyringUnavailable) as refused:
        credential_store(profile)
    assert refused.value.code == "no_keyring"
    assert f'"{value}"' in str(refused.value)
    assert 'The only accepted value is "file"' in str(refused.value)
    assert not (profile / CREDENTIALS_FILE).exists()


def test_a_locked_keyring_becomes_keyring_unavailable_with_its_cause(profile, system_keyring):
    desktop = system_keyring(DesktopKeyring())
    store = credential_store(profile)
    desktop.locked = True
    for use in (lambda: store.save_secret(DEVICE, "s"), lambda: store.load_secret(DEVICE)):
        with pytest.raises(KeyringUnavailable, match="the collection is locked") as refused:
            use()
        assert isinstance(refused.value.__cause__, KeyringLocked)


def test_an_unreadable_profile_folder_becomes_keyring_unavailable(tmp_path, monkeypatch):
    monkeypatch.setenv("BBMS_KEYRING", "file")
    with pytest.raises(KeyringUnavailable):
        credential_store(tmp_path / "no-such-profile")


def test_an_empty_secret_is_not_saved(profile, system_keyring):
    desktop = system_keyring(DesktopKeyring())
    with pytest.raises(ValueError):
        CredentialStore(desktop).save_secret(DEVICE, "")
    assert desktop.entries == {}
