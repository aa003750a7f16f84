from PySide6.QtCore import Qt

from bbms_desktop.services import accounts
from bbms_desktop.ui.main_window import MainWindow


def _wait_for_page(qtbot, window, page):
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page, timeout=10_000)


def test_first_run_sets_up_the_centre_by_keyboard_then_asks_to_sign_in(qtbot, db, tmp_path):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    page = window.set_up_page
    _wait_for_page(qtbot, window, page)
    qtbot.keyClicks(page.code, "dl-rks")
    qtbot.keyClicks(page.name, "Rakt Kosh Blood Centre")
    qtbot.keyClicks(page.fin, "G1234")
    qtbot.keyClicks(page.admin_name, "Dr. Meera")
    qtbot.keyClicks(page.password, "correct horse")
    qtbot.keyClicks(page.password_again, "correct horse")
    qtbot.keyClick(page.password_again, Qt.Key.Key_Return)
    _wait_for_page(qtbot, window, window.login_page)
    assert window.login_page.heading.text() == "Rakt Kosh Blood Centre"
    assert "Rakt Kosh Blood Centre" in window.windowTitle()
    window.grab().save(str(tmp_path / "login.png"))
    assert accounts.local_centre(db).fin == "G1234"
    qtbot.keyClicks(window.login_page.password, "correct horse")
    qtbot.keyClick(window.login_page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ctx.actor is not None, timeout=10_000)
    assert window.ctx.actor.role == "quality_admin"
    assert window.workspace is not None and window.pages.currentWidget() is window.workspace


def test_a_wrong_facility_number_is_shown_and_nothing_is_set_up(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    page = window.set_up_page
    _wait_for_page(qtbot, window, page)
    qtbot.keyClicks(page.code, "X1")
    qtbot.keyClicks(page.name, "Centre")
    qtbot.keyClicks(page.fin, "O1234")
    qtbot.keyClicks(page.password, "correct horse")
    qtbot.keyClicks(page.password_again, "correct horse")
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=10_000)
    assert "facility number" in page.error.text(), page.error.text()
    assert accounts.local_centre(db) is None


def test_the_window_speaks_hindi_when_hindi_is_chosen(qtbot, db):
    from PySide6.QtCore import QCoreApplication, QLocale

    from bbms_desktop.ui.app import create_app, install_language

    app = create_app("en")
    translator = install_language(app, "hi")
    try:
        assert translator is not None, "the Hindi .qm was not built or not found"
        window = MainWindow(db)
        qtbot.addWidget(window)
        _wait_for_page(qtbot, window, window.set_up_page)
        assert window.set_up_page.submit.text() == QCoreApplication.translate("SetUpPage", "Set up this centre")
        assert any("\u0900" <= ch <= "\u097f" for ch in window.set_up_page.submit.text())
    finally:
        if translator is not None:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.India))


def test_a_font_that_can_show_devanagari_is_always_in_the_fallbacks(qtbot):
    from PySide6.QtGui import QFontDatabase

    from bbms_desktop.ui.app import create_app, install_font_fallback

    app = create_app("en")
    fallbacks = install_font_fallback(app)
    assert fallbacks, "neither a system font nor the bundled Noto Sans Devanagari could be loaded"
    assert any(QFontDatabase.WritingSystem.Devanagari in QFontDatabase.writingSystems(f) for f in fallbacks)
    assert set(fallbacks) <= set(app.font().families())
