"""The central server's fixtures: every test module runs against SQLite and PostgreSQL (a fresh database each).

PostgreSQL is ``$BBMS_TEST_POSTGRES`` or ``postgresql://postgres@127.0.0.1:5432/postgres``; if it cannot be reached
the PostgreSQL tests fail (never skip). Within a module each test starts from empty tables.
"""

from __future__ import annotations

import pytest

from tests.central.helpers import Central, wipe
from tests.central.pg import KINDS, central_database


@pytest.fixture(scope="module", params=KINDS)
def central_db_url(request, tmp_path_factory) -> str:
    """A migrated central database of each kind, for the whole test module."""
    with central_database(request.param, tmp_path_factory.mktemp("central")) as url:
        yield url


@pytest.fixture
def central(central_db_url) -> Central:
    """The server in-process on an emptied database."""
    wipe(central_db_url)
    server = Central(central_db_url)
    yield server
    server.close()
