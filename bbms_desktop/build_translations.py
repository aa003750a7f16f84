"""Build the Qt translation binaries (``.qm``) from the ``.ts`` sources in git; run by ``./dev`` at set-up.

The ``.ts`` files are the source of truth (reviewed in git); ``.qm`` files are build products and are not committed.
A ``.qm`` is rebuilt only when its ``.ts`` is newer.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bbms_desktop.i18n import resources_dir


def lrelease_command() -> list[str]:
    exe = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    if exe is None:
        raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials (./dev does)")
    return [exe]


def build(force: bool = False) -> list[Path]:
    built = []
    for ts in sorted((resources_dir() / "i18n").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)
            built.append(qm)
    return built


if __name__ == "__main__":
    build(force="--force" in sys.argv)
