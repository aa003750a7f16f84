"""``bbms-desktop --profile DIR screenshots --out DIR``: a small demo profile, every page rendered, none blank."""

from __future__ import annotations

import json

from PySide6.QtGui import QImage

from bbms_desktop.cli import main
from bbms_desktop.models import DeviceState
from bbms_desktop.services import accounts
from bbms_desktop.services.profile import open_profile
from bbms_desktop.ui.app import current_language
from bbms_desktop.ui.pages import page_classes
from bbms_desktop.ui.screenshots import DOCUMENTS, WINDOW_SIZE

SIDEBAR_WIDTH = 200


def _colours(path, *, left: int = SIDEBAR_WIDTH + 10, step: int = 6) -> int:
    """Distinct colours sampled over the page area (right of the sidebar, above the status bar)."""
    image = QImage(str(path))
    assert not image.isNull(), path
    assert (image.width(), image.height()) == WINDOW_SIZE
    seen = set()
    for y in range(0, image.height() - 30, step):
        for x in range(left, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_screenshots_render_every_page_with_demo_data_in_english_and_hindi(qtbot, tmp_path, capsys):
    profile, out = tmp_path / "demo", tmp_path / "shots"
    assert main(["--profile", str(profile), "screenshots", "--out", str(out), "--donors", "40"]) == 0
    report = json.loads(capsys.readouterr().out)
    expected = ["login", *(cls.page_id for cls in page_classes() if cls.page_id != "training")]  # not a sandbox
    # then a bag label and a donor card (and an issue slip when the small demo has issued a unit)
    assert report["pages"][: len(expected) + 2] == [*expected, "label", "donor-card"]
    assert set(report["pages"][len(expected) :]) <= set(DOCUMENTS)
    for name in ("label", "donor-card"):
        assert QImage(str(out / f"{name}.png")).width() > 400, name
    for page_id in expected:
        path = out / f"{page_id}.png"
        assert path.is_file(), page_id
        assert _colours(path, left=0 if page_id == "login" else SIDEBAR_WIDTH + 10) >= 8, f"{page_id}.png is blank"
    db = open_profile(profile)
    try:
        assert accounts.local_centre(db).name == "Demo Blood Centre, Pune"  # the demo data was built first
    finally:
        db.dispose()

    # Hindi, on the same profile (already filled: not built again)
    hindi = tmp_path / "shots-hi"
    assert main(["--profile", str(profile), "screenshots", "--out", str(hindi), "--lang", "hi"]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] == report["pages"]
    assert current_language() == "en"  # the command leaves the application in English
    for page_id in expected:
        assert _colours(hindi / f"{page_id}.png", left=0 if page_id == "login" else SIDEBAR_WIDTH + 10) >= 8
    # the stock grid's component names (no clock or count in that strip) are written in Devanagari
    strip = (SIDEBAR_WIDTH + 20, 250, 300, 280)
    english, translated = (QImage(str(folder / "dashboard.png")).copy(*strip) for folder in (out, hindi))
    assert english != translated, "the dashboard looks the same in Hindi"


def test_an_enrolled_profile_is_refused(qtbot, tmp_path, capsys):
    profile = tmp_path / "enrolled"
    db = open_profile(profile)
    try:
        with db.remote_apply() as session:
            session.get(DeviceState, 1).server_url = "https://central.example"
    finally:
        db.dispose()
    assert main(["--profile", str(profile), "screenshots", "--out", str(tmp_path / "shots")]) == 2
    assert "enrolled with https://central.example" in capsys.readouterr().err
    assert not list((tmp_path / "shots").glob("*.png"))
