"""What the window loads before anyone signs in: the sign-in page needs the database and Qt, not the migration tool
(the profile is at head) nor the workflow pages (they come with the workspace at sign-in). A new import at the top of
a module the sign-in path uses would slow every start of the application; this catches it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from bbms_desktop.services.profile import open_profile

START_WINDOW = """
import json, sys
from bbms_desktop.ui.app import create_app
from bbms_desktop.services.profile import open_profile
from bbms_desktop.ui.main_window import MainWindow
from bbms_desktop.ui import tasks
app = create_app("en")
db = open_profile(sys.argv[1])
window = MainWindow(db, sys.argv[1])
window.show()
while not (window.pages.currentWidget() is window.set_up_page and tasks.idle()):
    app.processEvents()
loaded = list(sys.modules)  # in the order they were first imported
window.sync.stop()
db.dispose()
print(json.dumps(loaded))
"""


def test_the_window_shows_without_the_migration_tool_or_the_workflow_pages(tmp_path):
    profile = tmp_path / "p"
    open_profile(profile).dispose()  # created and migrated once, as by the first start
    run = subprocess.run(
        [sys.executable, "-c", START_WINDOW, str(profile)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    loaded = json.loads(run.stdout.strip().splitlines()[-1])
    assert "bbms_desktop.ui.main_window" in loaded and "sqlalchemy.orm" in loaded
    assert not [m for m in loaded if m == "alembic" or m.startswith("alembic.")]
    assert not [m for m in loaded if m.startswith("bbms_desktop.ui.pages.")]
    # the Qt-free database stack is loaded before Qt, whose import hook would otherwise read each module's source
    assert loaded.index("sqlalchemy.orm") < loaded.index("PySide6")
