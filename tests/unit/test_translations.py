"""Every user-visible string has a finished Hindi translation that keeps its placeholders."""

import re
import xml.etree.ElementTree as ET

import pytest

from bbms_desktop.i18n import catalogue, ts_path
from bbms_desktop.update_translations import lupdate

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple[str, str]]:
    """What pyside6-lupdate finds in the code right now (tr() calls and QT_TRANSLATE_NOOP markers)."""
    target = tmp_path_factory.mktemp("ts") / "current.ts"
    lupdate(target)
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(target).getroot().iter("context")
        for message in context.iter("message")
    }


def test_the_code_has_translatable_strings(extracted):
    assert len(extracted) > 100


def test_every_string_in_the_code_has_a_finished_hindi_translation(extracted):
    hindi = catalogue("hi")
    missing = sorted(f"{ctx}: {src}" for ctx, src in extracted if not hindi.get((ctx, src), "").strip())
    assert not missing, f"{len(missing)} strings lack Hindi (run python -m bbms_desktop.update_translations):\n" + (
        "\n".join(missing[:40])
    )


def test_every_hindi_translation_keeps_the_placeholders_of_its_source():
    wrong = [
        f"{ctx}: {src!r} -> {hi!r}"
        for (ctx, src), hi in catalogue("hi").items()
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(hi))
    ]
    assert not wrong, "\n".join(wrong[:20])


def test_hindi_translations_are_in_devanagari():
    hindi = catalogue("hi")
    latin_only = [src for (_ctx, src), hi in hindi.items() if not re.search("[\u0900-\u097f]", hi)]
    # a few strings are codes or units that stay as they are (e.g. "HIV-1/2", "HBsAg (hepatitis B)")
    assert len(latin_only) <= len(hindi) // 10, latin_only[:20]


def test_the_committed_ts_file_exists():
    assert ts_path("hi").exists()
