"""Translatable text for the layers that may not import Qt.

Rules and services refuse things and explain why, in words a technician reads. They cannot call Qt's ``tr()``, so
they mark each source string with :func:`QT_TRANSLATE_NOOP` (the marker ``pyside6-lupdate`` extracts into
``resources/i18n/*.ts``) and carry the variable parts as named parameters::

    TOO_YOUNG = QT_TRANSLATE_NOOP("Eligibility", "Donor is {age} years old; the minimum age is {minimum}.")
    raise IneligibleError(TOO_YOUNG(age=16, minimum=18))

The UI renders a :class:`Text` with ``QCoreApplication.translate``; the CLI and the tests render it with the same
catalogue, read here from the ``.ts`` files without Qt.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "hi")
SOURCE_LANGUAGE = "en"

Translate = Callable[[str, str], str]


def resources_dir() -> Path:
    """The project's resources folder (icons, translations, templates)."""
    return Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True, slots=True)
class Msg:
    """A translatable source string and its translation context; call it with parameters to get a :class:`Text`."""

    context: str
    source: str

    def __call__(self, **params: Any) -> Text:
        return Text(self, params)

    def render(self, translate: Translate | str | None = None) -> str:
        return _translator(translate)(self.context, self.source)


@dataclass(frozen=True, slots=True)
class Text:
    """A message with its parameters, rendered in whichever language the reader has chosen."""

    msg: Msg
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate | str | None = None) -> str:
        """Render with a translate function, a language code (``"hi"``) or, by default, in English."""
        fn = _translator(translate)
        values = {k: _render_value(v, fn) for k, v in self.params.items()}
        return fn(self.msg.context, self.msg.source).format(**values)

    def __str__(self) -> str:
        return self.render()


def text_to_json(text: Text | str) -> str:
    """A message kept in the database (a failure reason shown later) as JSON, so that it is rendered in the
    language of whoever reads it then; plain strings (a server's own words) are kept as they are."""
    if isinstance(text, str):
        return json.dumps({"plain": text}, ensure_ascii=False)
    return json.dumps(
        {
            "context": text.msg.context,
            "source": text.msg.source,
            "params": {k: _json_value(v) for k, v in text.params.items()},
        },
        ensure_ascii=False,
    )


def text_from_json(stored: str | None) -> Text | str | None:
    """The message :func:`text_to_json` kept (text stored before it existed comes back as the plain string)."""
    if stored is None:
        return None
    try:
        data = json.loads(stored)
    except ValueError:
        return stored
    if not isinstance(data, dict) or not ("plain" in data or "source" in data):
        return stored
    if "plain" in data:
        return str(data["plain"])
    params = {k: _value_from_json(v) for k, v in (data.get("params") or {}).items()}
    return Text(Msg(data["context"], data["source"]), params)


def _json_value(value: Any) -> Any:
    if isinstance(value, Text):
        return {"text": json.loads(text_to_json(value))}
    if isinstance(value, Msg):
        return {"msg": [value.context, value.source]}
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def _value_from_json(value: Any) -> Any:
    if isinstance(value, dict) and "msg" in value:
        return Msg(*value["msg"])
    if isinstance(value, dict) and "text" in value:
        return text_from_json(json.dumps(value["text"]))
    if isinstance(value, list):
        return [_value_from_json(v) for v in value]
    return value


def _render_value(value: Any, fn: Translate) -> Any:
    """Texts render in the reader's language; a list or tuple of them becomes a "; "-separated sentence."""
    if isinstance(value, Text | Msg):
        return value.render(fn)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Text | Msg) for v in value):
        return "; ".join(v.render(fn) for v in value)
    return value


def QT_TRANSLATE_NOOP(context: str, source: str) -> Msg:
    """Mark ``source`` for translation in ``context`` (extracted by pyside6-lupdate); returns a :class:`Msg`."""
    return Msg(context, source)


def _translator(translate: Translate | str | None) -> Translate:
    if translate is None or translate == SOURCE_LANGUAGE:
        return lambda _context, source: source
    if isinstance(translate, str):
        table = catalogue(translate)
        return lambda context, source: table.get((context, source)) or source
    return translate


def ts_path(language: str) -> Path:
    return resources_dir() / "i18n" / f"bbms_{language}.ts"


@cache
def catalogue(language: str) -> Mapping[tuple[str, str], str]:
    """Finished translations of one language, keyed by (context, source), read from its ``.ts`` file."""
    path = ts_path(language)
    if not path.exists():
        return {}
    table: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"unfinished", "obsolete", "vanished"}:
                continue
            if translation.text:
                table[(name, message.findtext("source") or "")] = translation.text
    return table
