"""Hand the unfinished Hindi strings to a translator and take their work back, without touching the rest of the file.

    python -m bbms_desktop.translation_work export work.json   # every unfinished (context, source) as JSON
    python -m bbms_desktop.translation_work apply work.json    # fill those translations (placeholders checked)

The JSON is a list of ``{"context": ..., "source": ..., "translation": ""}``; the translator fills "translation".
``apply`` refuses a translation whose ``{placeholders}`` differ from its source's and leaves that entry unfinished.
Run ``python -m bbms_desktop.update_translations`` first, so the file holds every string in the code.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from bbms_desktop.i18n import ts_path

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _tree(language: str) -> tuple[ET.ElementTree, str]:
    path = ts_path(language)
    text = path.read_text(encoding="utf-8")
    header = text[: text.index("<TS")]
    return ET.ElementTree(ET.fromstring(text)), header


def export(target: Path, language: str = "hi") -> int:
    tree, _ = _tree(language)
    work = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
                work.append({"context": name, "source": message.findtext("source") or "", "translation": ""})
    target.write_text(json.dumps(work, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(work)


def apply(source: Path, language: str = "hi") -> tuple[int, list[str]]:
    done = {(w["context"], w["source"]): w["translation"] for w in json.loads(source.read_text(encoding="utf-8"))}
    tree, header = _tree(language)
    filled, refused = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            hindi = (done.get(key) or "").strip()
            translation = message.find("translation")
            if not hindi or translation is None:
                continue
            if sorted(PLACEHOLDER.findall(key[1])) != sorted(PLACEHOLDER.findall(hindi)):
                refused.append(f"{name}: {key[1]!r} -> {hindi!r}")
                continue
            translation.text = hindi
            translation.attrib.pop("type", None)
            filled += 1
    body = re.sub(  # quotes in text escaped as lupdate writes them, so the next lupdate changes nothing
        r">([^<]*)<",
        lambda m: ">" + m.group(1).replace('"', "&quot;").replace("'", "&apos;") + "<",
        ET.tostring(tree.getroot(), encoding="unicode"),
    )
    ts_path(language).write_text(header + body + "\n", encoding="utf-8")
    return filled, refused


if __name__ == "__main__":
    command, file = sys.argv[1], Path(sys.argv[2])
    if command == "export":
        print(f"{export(file)} unfinished strings written to {file}")
    elif command == "apply":
        count, wrong = apply(file)
        print(f"{count} translations filled")
        for line in wrong:
            print("placeholders differ, left unfinished:", line)
    else:
        raise SystemExit(__doc__)
