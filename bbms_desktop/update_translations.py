"""Refresh ``resources/i18n/bbms_hi.ts`` from the source (``python -m bbms_desktop.update_translations``).

pyside6-lupdate collects every ``tr()``/``translate()`` call and every ``QT_TRANSLATE_NOOP`` marker of the Qt-free
layers, keeps the translations already made, and marks strings that left the code as obsolete (``-no-obsolete``
drops them). New strings arrive unfinished; ``tests/unit/test_translations.py`` fails until each has its Hindi.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bbms_desktop.i18n import resources_dir

PACKAGE = Path(__file__).resolve().parent


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(target: Path, *, keep_obsolete: bool = False) -> None:
    exe = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")
    if exe is None:
        raise SystemExit("pyside6-lupdate not found: install PySide6-Essentials (./dev does)")
    args = [exe, *map(str, sources()), "-locations", "none", "-source-language", "en", "-target-language", "hi_IN"]
    if not keep_obsolete:
        args.append("-no-obsolete")
    subprocess.run([*args, "-ts", str(target)], check=True, capture_output=True)


if __name__ == "__main__":
    lupdate(resources_dir() / "i18n" / "bbms_hi.ts")
