"""Settings of this profile (``settings.ini`` beside its database): the central server (shown), the language (switched
at once, keeping whatever is typed on other pages), the barcode scanner, the label printer and the auto-lock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.services import sync_views
from bbms_desktop.services.sync_views import Installation
from bbms_desktop.ui import settings as options
from bbms_desktop.ui.app import current_language, install_language
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.widgets import MessageBar, labelled_form, set_texts

# Each language in its own script: a person who cannot read the current language still finds theirs.
LANGUAGE_NAMES = (("English", "en"), ("हिन्दी (Hindi)", "hi"))


def available_printers() -> list[str]:
    """The printers the operating system offers (none on a headless machine)."""
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:  # a Qt build without print support: the system default is all there is
        return []
    return list(QPrinterInfo.availablePrinterNames())


def _section(text_label: QLabel) -> QLabel:
    text_label.setStyleSheet("font-size:12pt; font-weight:600; margin-top:8px;")
    return text_label


class SettingsPage(Page):
    page_id = "settings"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Settings")
    needs = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.info: Installation | None = None
        self._dirty = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 14)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:16pt; font-weight:600;")
        outer.addWidget(self.heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color:#546e7a;")
        outer.addWidget(self.intro)
        box = QFrame()
        box.setObjectName("settings_box")
        box.setStyleSheet("QFrame#settings_box{background:#ffffff; border:1px solid #cfd8dc; border-radius:6px;}")
        box.setMaximumWidth(760)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(16, 10, 16, 14)

        self.server_title = _section(QLabel())
        self.server = QLabel()
        self.server.setWordWrap(True)
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server.setObjectName("server_address")
        server_form, self.server_labels = labelled_form([self.server])
        layout.addWidget(self.server_title)
        layout.addLayout(server_form)

        self.language_title = _section(QLabel())
        self.language = QComboBox()
        self.language.setObjectName("language")
        for name, code in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(self._language_chosen)
        language_form, self.language_labels = labelled_form([self.language])
        layout.addWidget(self.language_title)
        layout.addLayout(language_form)

        self.scanner_title = _section(QLabel())
        self.scanner_prefix = QLineEdit()
        self.scanner_prefix.setMaxLength(8)
        self.scanner_suffix = QComboBox()
        for suffix in ("enter", "tab"):
            self.scanner_suffix.addItem("", suffix)
        self.scanner_gap = QSpinBox()
        self.scanner_gap.setRange(5, 500)
        self.scanner_gap.setSingleStep(5)
        self.scanner_help = QLabel()
        self.scanner_help.setWordWrap(True)
        self.scanner_help.setStyleSheet("color:#546e7a;")
        scanner_form, self.scanner_labels = labelled_form([self.scanner_prefix, self.scanner_suffix, self.scanner_gap])
        layout.addWidget(self.scanner_title)
        layout.addLayout(scanner_form)
        layout.addWidget(self.scanner_help)

        self.printer_title = _section(QLabel())
        self.printer = QComboBox()
        self.printers = available_printers()
        self.printer.addItem("", "")
        for name in self.printers:
            self.printer.addItem(name, name)
        saved_printer = ctx.settings[options.PRINTER]
        if saved_printer and saved_printer not in self.printers:
            self.printer.addItem(saved_printer, saved_printer)  # chosen earlier, not connected now
        self.printer_help = QLabel()
        self.printer_help.setWordWrap(True)
        self.printer_help.setStyleSheet("color:#546e7a;")
        printer_form, self.printer_labels = labelled_form([self.printer])
        layout.addWidget(self.printer_title)
        layout.addLayout(printer_form)
        layout.addWidget(self.printer_help)

        self.lock_title = _section(QLabel())
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 240)
        lock_form, self.lock_labels = labelled_form([self.auto_lock])
        layout.addWidget(self.lock_title)
        layout.addLayout(lock_form)

        self.message = MessageBar()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.load_values)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_settings")
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        outer.addWidget(box)
        outer.addStretch()

        for field in (self.scanner_prefix,):
            field.textEdited.connect(self._edited)
            field.returnPressed.connect(self.save)
        for spin in (self.scanner_gap, self.auto_lock):
            spin.valueChanged.connect(self._edited)
            spin.lineEdit().returnPressed.connect(self.save)
        for combo in (self.scanner_suffix, self.printer):
            combo.activated.connect(self._edited)
        self.load_values()

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Settings"))
        self.intro.setText(
            self.tr("These settings belong to this profile on this computer; each training sandbox has its own.")
        )
        self.server_title.setText(self.tr("Central server"))
        set_texts(self.server_labels, [self.tr("Address")])
        self.language_title.setText(self.tr("Language"))
        set_texts(self.language_labels, [self.tr("&Language of the window")])
        self.scanner_title.setText(self.tr("Barcode scanner"))
        set_texts(
            self.scanner_labels,
            [self.tr("Scanner &prefix"), self.tr("Scanner &suffix"), self.tr("Fastest typing gap (&ms)")],
        )
        self.scanner_prefix.setPlaceholderText(self.tr("none: scans are told from typing by their speed"))
        self.scanner_suffix.setItemText(0, self.tr("Enter"))
        self.scanner_suffix.setItemText(1, self.tr("Tab"))
        self.scanner_gap.setSuffix(self.tr(" ms"))
        self.scanner_help.setText(
            self.tr(
                "A scanner types a code faster than any person. With no prefix, keys arriving less than this many "
                "milliseconds apart and ending with the suffix are taken as a scan; raise it if scans end up in "
                "fields, lower it if fast typists trigger it."
            )
        )
        self.printer_title.setText(self.tr("Label printer"))
        set_texts(self.printer_labels, [self.tr("P&rinter")])
        self.printer.setItemText(0, self.tr("The system's default printer"))
        for index in range(1 + len(self.printers), self.printer.count()):
            name = self.printer.itemData(index)
            self.printer.setItemText(index, self.tr("{name} (not connected now)").format(name=name))
        self.printer_help.setText(
            self.tr("No printer is connected to this computer.")
            if not self.printers
            else self.tr("{count} printers found.").format(count=len(self.printers))
        )
        self.lock_title.setText(self.tr("Shared workstation"))
        set_texts(self.lock_labels, [self.tr("Lock after &inactivity")])
        self.auto_lock.setSuffix(self.tr(" minutes"))
        self.auto_lock.setSpecialValueText(self.tr("never"))
        self.revert_button.setText(self.tr("Undo changes"))
        self.save_button.setText(self.tr("&Save settings"))
        self._show_server()

    def activated(self) -> None:
        if not self._dirty:
            self.load_values()
        self.ctx.load(self, sync_views.installation, self._installation)

    def clear_work(self) -> None:
        self._dirty = False
        self.message.clear_message()
        self.load_values()

    # --- values -----------------------------------------------------------------------------------------------------

    def load_values(self) -> None:
        """Show what the settings file holds (forgetting edits not saved)."""
        s = self.ctx.settings
        self.language.blockSignals(True)
        # the language in use (``--lang`` may have overridden the saved one for this session)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.blockSignals(False)
        self.scanner_prefix.setText(s[options.SCANNER_PREFIX])
        self._select(self.scanner_suffix, s[options.SCANNER_SUFFIX])
        self.scanner_gap.blockSignals(True)
        self.scanner_gap.setValue(s[options.SCANNER_MAX_GAP_MS])
        self.scanner_gap.blockSignals(False)
        self._select(self.printer, s[options.PRINTER])
        self.auto_lock.blockSignals(True)
        self.auto_lock.setValue(s[options.AUTO_LOCK_MINUTES])
        self.auto_lock.blockSignals(False)
        self._dirty = False

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(0, index))

    def _edited(self, *_: object) -> None:
        self._dirty = True
        self.message.clear_message()

    def save(self) -> None:
        s = self.ctx.settings
        s[options.SCANNER_PREFIX] = self.scanner_prefix.text()
        s[options.SCANNER_SUFFIX] = self.scanner_suffix.currentData() or "enter"
        s[options.SCANNER_MAX_GAP_MS] = self.scanner_gap.value()
        s[options.PRINTER] = self.printer.currentData() or ""
        s[options.AUTO_LOCK_MINUTES] = self.auto_lock.value()
        self._dirty = False
        apply = getattr(self.window(), "apply_settings", None)
        if callable(apply):
            apply()  # the scanner and the inactivity lock take the new values at once
        self.message.show_message(self.tr("Settings saved for this profile."), "ok")

    def _language_chosen(self, _index: int) -> None:
        language = self.language.currentData()
        app = QApplication.instance()
        if app is not None:
            install_language(app, language)  # every widget re-labels itself; what is typed stays
        self.ctx.settings[options.LANGUAGE] = language
        self.message.show_message(self.tr("Language changed."), "ok")

    # --- server -----------------------------------------------------------------------------------------------------

    def _installation(self, info: Installation) -> None:
        self.info = info
        self._show_server()

    def _show_server(self) -> None:
        info = self.info
        if info is None:
            self.server.setText("")
        elif info.server_url:
            self.server.setText(
                self.tr("{url}: enrolled; the address changes only by enrolling again.").format(url=info.server_url)
            )
        else:
            self.server.setText(
                self.tr(
                    "Not enrolled: this computer works on its own. An administrator enrols it with "
                    "“bbms-desktop enrol --server ADDRESS”."
                )
            )
