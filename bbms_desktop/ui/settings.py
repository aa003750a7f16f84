"""Typed settings of one profile, kept in ``settings.ini`` beside its database (each trainee's sandbox has its own).

Like Picard's options: each setting is declared once with its type and default; reading an absent or malformed value
gives the default, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T

    def read(self, store: QSettings) -> T:
        raw = store.value(self.key, self.default)
        kind = type(self.default)
        try:
            if kind is bool:
                return raw if isinstance(raw, bool) else str(raw).lower() in {"1", "true", "yes"}  # type: ignore[return-value]
            return kind(raw)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return self.default


LANGUAGE = Option("ui/language", "en")
AUTO_LOCK_MINUTES = Option("ui/auto_lock_minutes", 5)  # 0 = never (a single-user camp laptop may choose so)
SCANNER_PREFIX = Option("scanner/prefix", "")  # characters a configured scanner sends before each code
SCANNER_SUFFIX = Option("scanner/suffix", "enter")  # "enter" or "tab"
SCANNER_MAX_GAP_MS = Option("scanner/max_gap_ms", 40)  # a wedge types faster than any person
PRINTER = Option("printing/printer", "")
SYNC_INTERVAL_SECONDS = Option("sync/interval_seconds", 300)


class Settings:
    """The profile's settings file; ``settings[OPTION]`` reads, ``settings[OPTION] = v`` writes at once."""

    def __init__(self, profile: Path) -> None:
        self.path = Path(profile) / "settings.ini"
        self.store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def __getitem__(self, option: Option[T]) -> T:
        return option.read(self.store)

    def __setitem__(self, option: Option[T], value: T) -> None:
        self.store.setValue(option.key, value)
        self.store.sync()
