"""Write the OpenAPI document, the sync contract, to ``docs/openapi.json`` (``python -m bbms_central.openapi``).

The committed document is checked against the code by a test, so a change to the wire format is always deliberate
and visible in review.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from bbms_central.app import create_app
from bbms_central.db import upgrade

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def document() -> dict[str, Any]:
    """The OpenAPI document of the current code (built on a throw-away database)."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'openapi.sqlite3'}"
        upgrade(url)
        app = create_app(url)
        try:
            return app.openapi()
        finally:
            app.state.db.dispose()


def render(spec: dict[str, Any]) -> str:
    return json.dumps(spec, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    DOCUMENT.parent.mkdir(exist_ok=True)
    DOCUMENT.write_text(render(document()), encoding="utf-8")
    print(DOCUMENT, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
