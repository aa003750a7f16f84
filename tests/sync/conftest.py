"""Sync tests: credentials in a file inside each profile (the explicit headless opt-in), never the desktop keyring."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _file_keyring(monkeypatch):
    monkeypatch.setenv("BBMS_KEYRING", "file")
