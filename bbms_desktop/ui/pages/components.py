"""Components page: separate a donation into the components its bag allows (each with its computed expiry), and
release quarantined units, showing for every unit that may not leave quarantine why not.

What may be made is ``rules.components.preparable`` (bag type, bleed time, hours since collection) and the service
checks it again; expiry is ``rules.shelf_life.expiry``, never typed. Release goes through the release guard of
``services.components``: the page shows its verdict.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules import shelf_life
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import DonationType
from bbms_desktop.services import components, label_content, stock_views
from bbms_desktop.services.components import ReleaseOutcome, SeparatedComponent
from bbms_desktop.services.stock_views import DonationCard, DonationRow
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page, is_unit_code
from bbms_desktop.ui.pages.inventory import (
    CHECK_STYLE,
    DANGER_STYLE,
    DIN_STYLE,
    LOCATION_COLUMN,
    UNIT_COLUMNS,
    TintedRows,
    heading,
    lab_sentence,
    make_table,
    tinted,
)
from bbms_desktop.ui.printing.jobs import print_from
from bbms_desktop.ui.printing.labels import print_bag_labels
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.widgets import MessageBar, local_text, render

# Typical volumes (ml) offered for each component; the technician weighs the bag and corrects them.
DEFAULT_VOLUMES = {
    catalogue.PRBC_CPDA1: 280,
    catalogue.PRBC_SAGM: 300,
    catalogue.FFP: 200,
    catalogue.PLT_RDP: 60,
    catalogue.PLT_SDP: 250,
    catalogue.CRYO: 20,
    catalogue.CPP: 180,
}

# the abbreviations blood centres write on worksheets, for the set buttons
SHORT_NAMES = {
    catalogue.WB_CPDA1: QT_TRANSLATE_NOOP("Components", "WB"),
    catalogue.PRBC_CPDA1: QT_TRANSLATE_NOOP("Components", "PRBC"),
    catalogue.PRBC_SAGM: QT_TRANSLATE_NOOP("Components", "PRBC-SAGM"),
    catalogue.FFP: QT_TRANSLATE_NOOP("Components", "FFP"),
    catalogue.PLT_RDP: QT_TRANSLATE_NOOP("Components", "RDP"),
    catalogue.PLT_SDP: QT_TRANSLATE_NOOP("Components", "SDP"),
    catalogue.CRYO: QT_TRANSLATE_NOOP("Components", "Cryo"),
    catalogue.CPP: QT_TRANSLATE_NOOP("Components", "CPP"),
}

WORKLIST_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda r: r.eye_readable, whole=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Collected"), lambda r: local_text(r.collected_at)),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Laboratory"),
        lambda r: stock_views.LAB_STATE_LABELS[r.lab_state],
        tone=lambda r: {stock_views.LAB_UNSAFE: "danger", stock_views.LAB_CLEARED: "ok"}.get(r.lab_state),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Units"),
        lambda r: r.units,
        align_right=True,
        tone=lambda r: "warn" if r.in_quarantine else None,
    ),
]


class ComponentsPage(Page):
    page_id = "components"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Components")
    needs = frozenset({Action.SEPARATE_COMPONENTS, Action.RELEASE_COMPONENTS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.card: DonationCard | None = None
        self._request = 0
        outer = QVBoxLayout(self)
        self.heading = heading()
        outer.addWidget(self.heading)
        pick = QHBoxLayout()
        self.din_label, self.din, self.open_button = QLabel(), QLineEdit(), QPushButton()
        self.din.setProperty("acceptsScan", True)
        self.din.setClearButtonEnabled(True)
        self.din.setMaximumWidth(320)
        self.din_label.setBuddy(self.din)
        for widget in (self.din_label, self.din, self.open_button):
            pick.addWidget(widget)
        pick.addStretch()
        outer.addLayout(pick)
        self.message = MessageBar()
        outer.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(splitter, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.worklist_title = QLabel()
        self.worklist_title.setStyleSheet("font-weight: 600;")
        self.worklist_title.setWordWrap(True)
        left_layout.addWidget(self.worklist_title)
        self.worklist = RowsModel(WORKLIST_COLUMNS, self)
        self.worklist_table = make_table(self.worklist, wrap_last=True)
        self.worklist_table.activated.connect(self._worklist_activated)
        self.worklist_table.selectionModel().currentRowChanged.connect(self._worklist_activated)
        left_layout.addWidget(self.worklist_table)
        splitter.addWidget(left)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        header = QHBoxLayout()
        self.card_din, self.card_check, self.card_about = QLabel(), QLabel(), QLabel()
        self.card_din.setStyleSheet(DIN_STYLE)
        self.card_check.setStyleSheet(CHECK_STYLE)
        self.card_about.setWordWrap(True)
        header.addWidget(self.card_din)
        header.addWidget(self.card_check)
        header.addSpacing(12)
        header.addWidget(self.card_about, 1)
        layout.addLayout(header)
        self.card_lab = QLabel()
        self.card_lab.setWordWrap(True)
        layout.addWidget(self.card_lab)

        self.prepare_box = QGroupBox()
        prepare = QVBoxLayout(self.prepare_box)
        self.options_label = QLabel()
        self.options_label.setWordWrap(True)
        prepare.addWidget(self.options_label)
        self.option_buttons_row = QHBoxLayout()
        self.option_buttons_row.addStretch()
        prepare.addLayout(self.option_buttons_row)
        self.option_buttons: list[QPushButton] = []
        grid = QGridLayout()
        self.grid_headers = [QLabel() for _ in range(4)]
        for column, label in enumerate(self.grid_headers):
            label.setStyleSheet("font-weight: 600;")
            grid.addWidget(label, 0, column)
        self.parts: dict[str, tuple[QCheckBox, QSpinBox, QLabel, QLabel]] = {}
        for row, code in enumerate(catalogue.CODES, start=1):
            check, volume, expiry, note = QCheckBox(), QSpinBox(), QLabel(), QLabel()
            check.setObjectName(f"part_{code}")
            volume.setObjectName(f"volume_{code}")
            volume.setRange(1, 600)
            volume.setValue(DEFAULT_VOLUMES.get(code, 450))
            note.setWordWrap(True)
            check.toggled.connect(lambda on, v=volume: v.setEnabled(on))
            grid.addWidget(check, row, 0)
            grid.addWidget(volume, row, 1)
            grid.addWidget(expiry, row, 2)
            grid.addWidget(note, row, 3)
            self.parts[code] = (check, volume, expiry, note)
        grid.setColumnStretch(3, 1)
        prepare.addLayout(grid)
        location_row = QHBoxLayout()
        self.location_label, self.location = QLabel(), QLineEdit()
        self.location.setMaxLength(components.STORAGE_LOCATION_MAX)
        self.location.setMaximumWidth(240)
        self.location_label.setBuddy(self.location)
        location_row.addWidget(self.location_label)
        location_row.addWidget(self.location)
        location_row.addStretch()
        self.separate_button = QPushButton()
        self.separate_button.setDefault(True)
        self.separate_button.clicked.connect(self.separate)
        location_row.addWidget(self.separate_button)
        prepare.addLayout(location_row)
        # shown once a donation is open (the prepare box itself is shown only to those who may separate)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.prepare_box)
        layout.addWidget(self.details)

        self.units_box = QGroupBox()
        units_layout = QVBoxLayout(self.units_box)
        # the storage location was typed at separation, the same for every unit: the reasons need the room
        self.units = tinted(TintedRows([c for c in UNIT_COLUMNS if c is not LOCATION_COLUMN], self), 2)
        self.units_table = make_table(self.units, wrap_last=True)
        self.units_table.setMinimumHeight(140)
        units_layout.addWidget(self.units_table)
        release_row = QHBoxLayout()
        self.release_hint = QLabel()
        self.release_hint.setWordWrap(True)
        release_row.addWidget(self.release_hint, 1)
        self.release_button = QPushButton()
        self.release_button.clicked.connect(self.release)
        release_row.addWidget(self.release_button)
        self.print_button = QPushButton()  # the batch of labels after separation (and reprints after release)
        self.print_button.clicked.connect(self.print_labels)
        release_row.addWidget(self.print_button)
        units_layout.addLayout(release_row)
        details.addWidget(self.units_box)
        layout.addStretch()
        scroll.setWidget(body)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([430, 640])  # the worklist's four columns unwrapped in English and Hindi at 1280 px

        self.din.returnPressed.connect(self._din_entered)
        self.open_button.clicked.connect(self._din_entered)
        self.location.returnPressed.connect(self.separate)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.separate)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.release)
        self.permit(self.prepare_box, Action.SEPARATE_COMPONENTS)
        self.permit(self.release_button, Action.RELEASE_COMPONENTS)
        self.permit(self.print_button, Action.PRINT_LABELS)
        self.last_printout: Path | None = None
        self._show_card(None)

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Components"))
        self.din_label.setText(self.tr("&DIN"))
        self.din.setPlaceholderText(self.tr("Scan or type the DIN of the bag"))
        self.open_button.setText(self.tr("Open"))
        self._show_count()
        self.prepare_box.setTitle(self.tr("Prepare components"))
        headers = (self.tr("Component"), self.tr("Volume"), self.tr("Expires"), self.tr("Storage"))
        for label, text in zip(self.grid_headers, headers, strict=True):
            label.setText(text)
        for code, (check, volume, _expiry, _note) in self.parts.items():
            check.setText(render(catalogue.component(code).name))
            volume.setSuffix(self.tr(" ml"))
        self.location_label.setText(self.tr("Storage &location"))
        self.location.setPlaceholderText(self.tr("e.g. Fridge 2"))
        self.separate_button.setText(self.tr("&Separate"))
        self.print_button.setText(self.tr("Print &labels"))
        self.print_button.setToolTip(self.tr("One 100 × 100 mm label for each unit of this donation"))
        self.separate_button.setToolTip(self.tr("Ctrl+S"))
        self.units_box.setTitle(self.tr("Units of this donation"))
        self.release_button.setText(self.tr("&Release from quarantine"))
        self.release_button.setToolTip(self.tr("Ctrl+R"))
        self.worklist.retranslate()
        self.units.retranslate()
        self._show_card(self.card)

    def activated(self) -> None:
        self.reload_worklist()
        if self.card is not None:
            self._load(self.card.donation_id)

    def handle_scan(self, text: str) -> bool:
        if not is_unit_code(self.ctx, text):
            return False
        self.din.setText(text.strip())
        self.pick(text)
        return True

    def clear_work(self) -> None:
        self.din.clear()
        self.location.clear()
        self.message.clear_message()
        self._show_card(None)

    # --- worklist and picking -----------------------------------------------------------------------------------

    def reload_worklist(self) -> None:
        if self.ctx.actor is None:
            return
        now = datetime.now(UTC)
        self.ctx.load(self, lambda session: stock_views.separation_worklist(session, now), self._worklist_loaded)

    def _worklist_loaded(self, rows: list[DonationRow]) -> None:
        self.worklist.set_rows(rows)
        self._show_count()

    def _show_count(self) -> None:
        count = f"{self.worklist.rowCount():,}"
        self.worklist_title.setText(self.tr("To separate or release: {count} donations").format(count=count))

    def _worklist_activated(self, index: QModelIndex | QPersistentModelIndex, _previous: object = None) -> None:
        if not index.isValid():
            return
        row: DonationRow = self.worklist.row(index.row())
        self.din.setText(row.eye_readable)
        self.message.clear_message()
        self._load(row.donation_id)

    def _din_entered(self) -> None:
        if self.din.text().strip():
            self.pick(self.din.text())

    def pick(self, text: str) -> None:
        """Open the donation a scanned or typed DIN names."""
        self._request += 1
        request, now = self._request, datetime.now(UTC)
        self.message.clear_message()
        self.ctx.load(
            self,
            lambda session: stock_views.find_donation(session, text, now),
            lambda card: self._loaded(request, card, text),
            lambda error: self._failed(request, error),
        )

    def _load(self, donation_id: uuid.UUID) -> None:
        self._request += 1
        request, now = self._request, datetime.now(UTC)
        self.ctx.load(
            self,
            lambda session: stock_views.donation_card(session, donation_id, now),
            lambda card: self._loaded(request, card, ""),
            lambda error: self._failed(request, error),
        )

    def _loaded(self, request: int, card: DonationCard | None, text: str) -> None:
        if request != self._request:
            return
        if card is None:
            self.message.show_message(
                self.tr("No donation with the number {din} is recorded here.").format(din=text.strip()), "warn"
            )
            return
        fresh = self.card is None or self.card.donation_id != card.donation_id
        self._show_card(card, reset_choices=fresh)
        if fresh:
            offered = [check for check, *_ in self.parts.values() if not check.isHidden() and check.isEnabled()]
            first = offered[0] if offered else None
            if first is not None and self.ctx.may(Action.SEPARATE_COMPONENTS):
                first.setFocus()
            elif self.ctx.may(Action.RELEASE_COMPONENTS):
                self.release_button.setFocus()

    def _failed(self, request: int, error: Exception) -> None:
        if request == self._request:
            self.message.show_error(error)

    # --- the donation -------------------------------------------------------------------------------------------

    def _show_card(self, card: DonationCard | None, *, reset_choices: bool = False) -> None:
        self.card = card
        self.details.setVisible(card is not None)
        if card is None:
            self.card_din.setText(self.tr("No donation open"))
            self.card_check.hide()
            self.card_about.setText(self.tr("Scan a bag's DIN, or pick a donation from the list."))
            self.card_lab.clear()
            self.units.set_rows([])
            self.options_label.clear()
            self._set_option_buttons(())
            for check, volume, expiry, note in self.parts.values():
                check.setChecked(False)
                for widget in (check, volume, expiry, note):
                    widget.setVisible(False)
            self.release_hint.clear()
            return
        self.card_din.setText(card.eye_readable)
        self.card_check.setText(card.check)
        self.card_check.setVisible(bool(card.check))
        self.card_about.setText(
            self.tr("Collected {when} · {bag}, {volume} ml · bleed {minutes} min · {hours} h since collection").format(
                when=local_text(card.collected_at),
                bag=render(stock_views.BAG_TYPE_LABELS[card.bag_type]),
                volume=card.collected_volume_ml,
                minutes=f"{card.bleed_minutes:.0f}",
                hours=f"{card.hours_since_collection:.1f}",
            )
        )
        self.card_lab.setText(lab_sentence(card))
        self.card_lab.setStyleSheet(DANGER_STYLE if card.lab.unsafe_markers else "")
        self.units.set_rows(list(card.units))
        self._show_parts(card, reset_choices)
        quarantined = [u for u in card.units if u.status == components.S.QUARANTINE]
        if not card.units:
            self.release_hint.setText(self.tr("Nothing separated yet."))
        elif quarantined:
            self.release_hint.setText(
                self.tr("{count} units in quarantine; release lets out those the laboratory has cleared.").format(
                    count=len(quarantined)
                )
            )
        else:
            self.release_hint.setText(self.tr("No unit of this donation is in quarantine."))
        self.release_button.setEnabled(bool(quarantined))
        self.print_button.setEnabled(any(u.status != components.S.DISCARDED for u in card.units))

    def _show_parts(self, card: DonationCard, reset: bool) -> None:
        preparation = card.preparation
        made = {u.code for u in card.units}
        # the bag's designs, as the service checks them: one satellite bag per component
        designs = (
            catalogue.BAG_YIELDS.value[card.bag_type]
            if card.donation_type == DonationType.WHOLE_BLOOD
            else ((catalogue.PLT_SDP,),)
        )
        for code, (check, volume, expiry, note) in self.parts.items():
            entry = catalogue.component(code)
            possible_here = code in preparation.codes or (
                card.donation_type == DonationType.WHOLE_BLOOD and card.bag_type in entry.bag_types
            )
            for widget in (check, volume, expiry, note):
                widget.setVisible(possible_here)
            if not possible_here:
                check.setChecked(False)
                continue
            volume.setMaximum(card.max_component_volume_ml)
            if reset:
                check.setChecked(False)
                volume.setValue(
                    card.collected_volume_ml if code == catalogue.WB_CPDA1 else DEFAULT_VOLUMES.get(code, 200)
                )
            expires = shelf_life.expiry(code, card.collected_at)
            expiry.setText(local_text(expires))
            if code in made:
                check.setChecked(False)
                check.setEnabled(False)
                note.setText(self.tr("Already prepared."))
                note.setStyleSheet("color: #555;")
            elif made and not any(made | {code} <= set(design) for design in designs):
                check.setChecked(False)
                check.setEnabled(False)
                note.setText(self.tr("Not from this bag together with what is already prepared from it."))
                note.setStyleSheet("color: #555;")
            elif code in preparation.refused:
                check.setChecked(False)
                check.setEnabled(False)
                note.setText(render(preparation.refused[code]))
                note.setStyleSheet("color: #8a5a00;")
            else:
                check.setEnabled(True)
                note.setText(render(shelf_life.storage(code).label))
                note.setStyleSheet("")
            volume.setEnabled(check.isChecked())
        options = preparation.options
        self.options_label.setText(
            self.tr("This bag yields one of these sets: pick one, or tick the components below.")
            if options
            else self.tr("Nothing more can be prepared from this donation.")
        )
        self._set_option_buttons(preparation.options if not made else ())

    def _set_option_buttons(self, options: tuple[tuple[str, ...], ...]) -> None:
        for button in self.option_buttons:
            self.option_buttons_row.removeWidget(button)
            button.deleteLater()
        self.option_buttons = []
        for n, option in enumerate(options, start=1):
            button = QPushButton(self.tr("Set {n}: {codes}").format(n=n, codes=" + ".join(_short(c) for c in option)))
            button.setObjectName(f"option_{n}")
            button.clicked.connect(lambda _checked=False, chosen=option: self.choose(chosen))
            self.option_buttons_row.insertWidget(len(self.option_buttons), button)
            self.option_buttons.append(button)

    def choose(self, codes: tuple[str, ...]) -> None:
        """Tick exactly these components (one of the bag's sets)."""
        for code, (check, *_rest) in self.parts.items():
            check.setChecked(code in codes and check.isEnabled())

    def chosen_parts(self) -> list[tuple[str, int]]:
        return [
            (code, volume.value())
            for code, (check, volume, _expiry, _note) in self.parts.items()
            if not check.isHidden() and check.isChecked()
        ]

    # --- saving -------------------------------------------------------------------------------------------------

    def separate(self) -> None:
        if self.card is None:
            self.message.show_message(self.tr("Scan or pick a donation first."), "warn")
            self.din.setFocus()
            return
        if not self.ctx.may(Action.SEPARATE_COMPONENTS):
            return
        donation_id, parts, location = self.card.donation_id, self.chosen_parts(), self.location.text() or None
        self.separate_button.setEnabled(False)
        self.ctx.save(
            self,
            lambda uow: components.separate(uow, donation_id, parts, location),
            self._separated,
            self._save_failed,
            changed="components",
        )

    def _separated(self, made: list[SeparatedComponent]) -> None:
        self.separate_button.setEnabled(True)
        names = ", ".join(render(catalogue.component(m.code).name) for m in made)
        din = stock_views.eye_readable(made[0].din) if made else ""
        held = [m for m in made if m.held_because]
        unsafe = [m for m in made if m.status == components.S.UNSAFE]
        if unsafe:
            self.message.show_message(
                self.tr("{din}: {names} prepared and marked UNSAFE (reactive laboratory result): discard them.").format(
                    din=din, names=names
                ),
                "error",
            )
        elif held:
            reasons = "; ".join(render(r) for r in held[0].held_because)
            self.message.show_message(
                self.tr("{din}: {names} prepared, in quarantine until released: {reasons}.").format(
                    din=din, names=names, reasons=reasons
                ),
                "warn",
            )
        else:
            self.message.show_message(
                self.tr("{din}: {names} prepared and released to stock.").format(din=din, names=names), "ok"
            )
        if self.card is not None:
            self._load(self.card.donation_id)

    def release(self) -> None:
        if self.card is None or not self.ctx.may(Action.RELEASE_COMPONENTS):
            return
        donation_id = self.card.donation_id
        self.release_button.setEnabled(False)
        self.ctx.save(
            self,
            lambda uow: components.release_donation(uow, donation_id),
            self._released,
            self._save_failed,
            changed="components",
        )

    def _released(self, outcome: ReleaseOutcome) -> None:
        din = stock_views.eye_readable(outcome.din)
        released = ", ".join(render(catalogue.component(u.code).name) for u in outcome.released)
        text = self.tr("{din}: released to stock: {units}.").format(din=din, units=released)
        for held in outcome.held:
            text += " " + self.tr("{component} stays in quarantine: {reasons}.").format(
                component=render(catalogue.component(held.code).name),
                reasons="; ".join(render(r) for r in held.reasons),
            )
        self.message.show_message(text, "warn" if outcome.held else "ok")
        if self.card is not None:
            self._load(self.card.donation_id)

    def print_labels(self) -> None:
        """Print the labels of every unit of the open donation that is not discarded, as one batch."""
        if self.card is None or not self.ctx.may(Action.PRINT_LABELS):
            return
        ids = [u.id for u in self.card.units if u.status != components.S.DISCARDED]
        if not ids:
            return
        done = self._printed
        print_from(
            self,
            lambda session: label_content.bag_labels(session, ids),
            print_bag_labels,
            f"labels-{self.card.din}",
            done,
        )

    def _printed(self, pdf: Path | None) -> None:
        self.last_printout = pdf

    def _save_failed(self, error: Exception) -> None:
        self.separate_button.setEnabled(True)
        self.release_button.setEnabled(self.card is not None)
        self.message.show_error(error)


def _short(code: str) -> str:
    return render(SHORT_NAMES[code])
