"""Starting the Qt application: language (translator), a font that can show Devanagari, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from bbms_desktop.i18n import resources_dir
from bbms_desktop.services.profile import open_profile

DEVANAGARI_FAMILIES = ("Noto Sans Devanagari", "Lohit Devanagari", "Mangal", "Nirmala UI", "Kohinoor Devanagari")


def install_language(app: QApplication, language: str) -> QTranslator | None:
    if language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "i18n" / f"bbms_{language}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Hindi, QLocale.Country.India))
        return translator
    return None


def install_font_fallback(app: QApplication) -> None:
    """Prefer a system font with Devanagari as a fallback so Hindi never renders as boxes."""
    available = set(QFontDatabase.families())
    fallbacks = [family for family in DEVANAGARI_FAMILIES if family in available]
    if fallbacks:
        font = app.font()
        font.setFamilies([font.family(), *fallbacks])
        app.setFont(font)


def create_app(language: str = "en") -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("bbms-desktop")
    app.setOrganizationName("bbms")
    install_font_fallback(app)
    install_language(app, language)
    return app  # type: ignore[return-value]


def run(profile: Path, language: str) -> int:
    from bbms_desktop.ui.main_window import MainWindow

    app = create_app(language)
    app.setFont(QFont(app.font().families(), 10))
    db = open_profile(profile)
    window = MainWindow(db)
    window.show()
    try:
        return app.exec()
    finally:
        db.dispose()
