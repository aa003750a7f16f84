"""Starting the Qt application: language (translator), a font that can show Devanagari, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QThreadPool, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from bbms_desktop import diagnostics
from bbms_desktop.i18n import resources_dir
from bbms_desktop.services.profile import open_profile

DEVANAGARI_FAMILIES = ("Noto Sans Devanagari", "Lohit Devanagari", "Mangal", "Nirmala UI", "Kohinoor Devanagari")


_installed: list[QTranslator] = []


def install_language(app: QApplication, language: str) -> QTranslator | None:
    """Switch the whole application's language; every widget gets a LanguageChange event and re-labels itself,
    keeping what was typed."""
    while _installed:
        app.removeTranslator(_installed.pop())
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.India))
        return None
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "i18n" / f"bbms_{language}.qm")):
        app.installTranslator(translator)
        _installed.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Hindi, QLocale.Country.India))
        return translator
    return None


def current_language() -> str:
    return "hi" if _installed else "en"


def install_font_fallback(app: QApplication) -> list[str]:
    """Prefer a system font with Devanagari as a fallback so Hindi never renders as boxes; where the system has
    none (a bare Linux), the Noto Sans Devanagari bundled in ``resources/fonts`` (SIL OFL) is loaded."""
    available = set(QFontDatabase.families())
    fallbacks = [family for family in DEVANAGARI_FAMILIES if family in available]
    if not fallbacks:
        for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(path))
        fallbacks = [f for f in DEVANAGARI_FAMILIES if f in set(QFontDatabase.families())]
    if fallbacks:
        font = app.font()
        font.setFamilies([font.family(), *fallbacks])
        app.setFont(font)
    return fallbacks


def create_app(language: str = "en") -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("bbms-desktop")
    app.setOrganizationName("bbms")
    install_font_fallback(app)
    install_language(app, language)
    return app  # type: ignore[return-value]


def run(profile: Path, language: str | None) -> int:
    from bbms_desktop.ui import settings as options
    from bbms_desktop.ui.main_window import MainWindow
    from bbms_desktop.ui.settings import Settings

    profile.mkdir(parents=True, exist_ok=True)
    diagnostics.install(profile)  # warnings and uncaught errors with their tracebacks, for support
    chosen = language or Settings(profile)[options.LANGUAGE]
    app = create_app(chosen)
    app.setFont(QFont(app.font().families(), 10))
    db = open_profile(profile)
    window = MainWindow(db, profile)
    window.show()
    try:
        return app.exec()
    finally:
        window.sync.stop()
        QThreadPool.globalInstance().waitForDone(10_000)  # let background work finish with the database open
        db.dispose()
