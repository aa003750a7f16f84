"""Training mode through the real window: a trainee's sandbox, each exercise done with keys, clicks and wedge scans
on the ordinary pages while its checklist on the Training page turns green; reset back to the template, exactly;
the first-start choice of a sandbox. The class template is seeded once for the whole session."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from bbms_desktop.errors import NotPermitted
from bbms_desktop.rules import isbt128
from bbms_desktop.services import accounts, training
from bbms_desktop.services.demo_data import DEMO_PASSWORD
from bbms_desktop.services.profile import DATABASE_FILE, open_profile
from bbms_desktop.ui.main_window import MainWindow
from bbms_desktop.ui.widgets import find_data
from tests.training_fixtures import real_centre_profile
from tests.ui.conftest import scan, sign_in, wait_idle
from tests.ui.test_whole_workflow import (
    Workstation,
    barcode,
    click,
    click_row,
    pick_request,
    press_enter,
    shots,  # noqa: F401  (the fixture: where the window's pictures go)
    type_into,
)

B_POS_READINGS = ("Neg", "Pos", "Pos", "Pos", "Pos", "Neg", "Neg")
REAGENTS = ("anti_a", "anti_b", "anti_ab", "anti_d", "a_cells", "b_cells", "o_cells")


class TrainingDesk(Workstation):
    """The sandbox's window; everyone signs in with the demo password."""

    def switch_user(self, username: str) -> None:
        window, qtbot = self.window, self.qtbot
        if window.ctx.actor is not None:
            ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L, ctrl_shift)
            qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login_page, timeout=5_000)
        sign_in(qtbot, window, username, DEMO_PASSWORD)
        window.activateWindow()  # keyboard focus, shortcuts and the scanner follow the active window, as on a desk
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)

    def start(self, exercise_id: str):
        """On the Training page: click the exercise in the list, then Start."""
        page = self.go("training")
        qtbot = self.qtbot
        qtbot.waitUntil(lambda: len(page.progress) == len(training.EXERCISES), timeout=10_000)
        row = [p.exercise_id for p in page.progress].index(exercise_id)
        item = page.exercise_list.item(row)
        qtbot.mouseClick(
            page.exercise_list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=page.exercise_list.visualItemRect(item).center(),
        )
        assert page.selected().exercise_id == exercise_id
        click(qtbot, page.start_button)
        qtbot.waitUntil(lambda: page.selected().started_at is not None, timeout=10_000)
        assert page.message.kind == "ok", page.message.text()
        assert page.step_labels and all(label.objectName() == "step_open" for label in page.step_labels)
        return page.selected()

    def checklist(self, exercise_id: str) -> list[bool]:
        """The Training page's checklist of the exercise, as it shows."""
        page = self.go("training")
        qtbot = self.qtbot
        wait_idle(qtbot)
        page.select(exercise_id)
        return [label.objectName() == "step_done" for label in page.step_labels]


def open_sandbox(qtbot, profile: Path) -> tuple[MainWindow, object]:
    db = open_profile(profile)
    window = MainWindow(db, profile)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return window, db


@pytest.fixture
def desk(qtbot, classroom, shots):  # noqa: F811  (the imported fixture)
    window, db = open_sandbox(qtbot, classroom / "Asha")
    desk = TrainingDesk(qtbot, window, shots)
    yield desk
    window.sync.stop()
    wait_idle(qtbot)
    db.dispose()


def test_every_exercise_is_done_through_the_window_and_its_checklist_turns_green(qtbot, desk):
    window = desk.window
    desk.switch_user("registrar")
    assert window.banner.isVisible() and "TRAINING SANDBOX (Asha)" in window.banner.text()
    assert window.windowTitle().startswith("TRAINING: ")
    assert window.workspace.current_page().page_id == "training"  # where a trainee lands
    assert "never syncs" in window.sync_label.text()

    # 1. register a donor: Ctrl+N on the Donors page, every field by keyboard, Space ticks the consent, Enter
    desk.start("register_donor")
    assert "Exercise: Register a new donor. 0 of 3 steps done." in window.banner.text()
    donors_page = desk.go("donors")
    donors_page.search.setFocus()
    qtbot.keyClick(donors_page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert donors_page.stack.currentIndex() == donors_page.VIEW_FORM, QApplication.activeWindow()
    for field, text in (
        (donors_page.given_name, "Priya"),
        (donors_page.family_name, "Kulkarni"),
        (donors_page.sex, "F"),
        (donors_page.date_of_birth, "12-03-1996"),
        (donors_page.mobile, "98220 41567"),
    ):
        type_into(qtbot, field, text)
    donors_page.consent.setFocus()
    qtbot.keyClick(donors_page.consent, Qt.Key.Key_Space)
    press_enter(qtbot, donors_page.consent)
    assert donors_page.message.kind == "ok", donors_page.message.text()
    qtbot.waitUntil(lambda: donors_page.record_name.text() == "Priya Kulkarni", timeout=10_000)
    assert donors_page.message.kind == "ok", donors_page.message.text()
    qtbot.waitUntil(lambda: "Every step done." in window.banner.text(), timeout=10_000)  # live, on any page
    assert desk.checklist("register_donor") == [True, True, True]
    desk.snap("register_done")

    # 2. screen and defer: the medical officer picks the waiting donor, types the examination, Enter
    desk.switch_user("mo")
    scenario = desk.start("defer_donor")
    number = scenario.brief.params["donor_number"]
    screen = desk.go("screening")
    qtbot.waitUntil(lambda: number in {r.donor_number for r in screen.found_model.rows}, timeout=10_000)
    click_row(qtbot, screen.found, next(i for i, r in enumerate(screen.found_model.rows) if r.donor_number == number))
    qtbot.keyClick(screen.found, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.start is not None, timeout=10_000)
    for field, text in (
        (screen.weight, "68"),
        (screen.haemoglobin, "11.4"),
        (screen.systolic, "124"),
        (screen.diastolic, "80"),
        (screen.pulse, "76"),
        (screen.temperature, "36.8"),
    ):
        type_into(qtbot, field, text)
    type_into(qtbot, screen.pulse_regular, "R")
    for answer in screen.answers.values():
        if answer.choice.isVisibleTo(screen):
            type_into(qtbot, answer.choice, "Y" if answer.question.code == "feeling_well" else "N")
    press_enter(qtbot, screen.temperature)
    qtbot.waitUntil(lambda: screen.result is not None, timeout=10_000)
    assert not screen.result.eligible
    assert desk.checklist("defer_donor") == [True, True, True]

    # 3. a reactive HIV result: lab1 enters it by scan and keys, lab2 verifies, the component technician discards
    desk.switch_user("lab1")
    desk.start("reactive_hiv")
    din = sandbox_fact(window, "reactive_hiv", "din")
    lab = desk.go("laboratory")
    scan(qtbot, lab.din, barcode(din))
    wait_idle(qtbot)
    assert lab.entry_din.text() == isbt128.format_eye_readable(din)
    for name, typed in zip(REAGENTS, B_POS_READINGS, strict=True):
        type_into(qtbot, lab.reactions[name], typed)
    type_into(qtbot, lab.antibody, "Neg")
    for marker, (result, kit, lot) in lab.markers.items():
        type_into(qtbot, result, "Rea" if marker == "hiv" else "Non")
        kit.clear()
        type_into(qtbot, kit, f"{marker.upper()} ELISA")
        lot.clear()
        type_into(qtbot, lot, "L-2411")
    press_enter(qtbot, lab.notes)
    assert desk.checklist("reactive_hiv") == [True, False, False, False]
    desk.switch_user("lab2")
    lab = desk.go("laboratory")
    scan(qtbot, lab.din, barcode(din))
    wait_idle(qtbot)
    assert lab.tabs.currentWidget() is lab.verify_tab
    click(qtbot, lab.verify_button)
    assert lab.message.kind == "error"  # reactive: shown as the alarm it is
    assert desk.checklist("reactive_hiv") == [True, True, True, False]
    desk.switch_user("component")
    discard = desk.go("discard")
    scan(qtbot, discard.din, barcode(din))
    wait_idle(qtbot)
    assert discard.every_unit.isChecked()
    type_into(qtbot, discard.reason, "TTI")
    type_into(qtbot, discard.detail, "Autoclaved")
    press_enter(qtbot, discard.detail)
    assert discard.message.kind == "ok", discard.message.text()
    assert desk.checklist("reactive_hiv") == [True, True, True, True]
    desk.snap("reactive_hiv_done")

    # 4. separate a bag: the component technician scans it, picks the triple set, names the shelf, Enter
    desk.start("separate_components")
    din = sandbox_fact(window, "separate_components", "din")
    parts = desk.go("components")
    scan(qtbot, parts.din, barcode(din))
    wait_idle(qtbot)
    triple = next(b for b in parts.option_buttons if "PRBC + FFP + RDP" in b.text())
    click(qtbot, triple)
    type_into(qtbot, parts.location, "Fridge 2")
    press_enter(qtbot, parts.location)
    assert parts.message.kind == "ok", parts.message.text()
    assert desk.checklist("separate_components") == [True, True, True, True]

    # 5. issue the right unit: lab1 crossmatches the first suggested unit, the issue counter issues it
    desk.switch_user("lab1")
    desk.start("issue_unit")
    request_number = sandbox_fact(window, "issue_unit", "request_number")
    requests = desk.go("requests")
    pick_request(qtbot, requests, request_number)
    qtbot.waitUntil(lambda: bool(requests.suggest_model.rows), timeout=10_000)
    first = requests.suggest_model.rows[0]
    assert first.blood_group in {"B+", "B-", "O+", "O-"}
    scan(qtbot, requests.din_edit, barcode(first.din))
    wait_idle(qtbot)
    type_into(qtbot, requests.result_combo, "Compatible")
    type_into(qtbot, requests.notes_edit, "Saline and AHG phase clear")
    press_enter(qtbot, requests.notes_edit)
    assert requests.message.kind == "ok", requests.message.text()
    assert desk.checklist("issue_unit") == [True, False, False, False]
    desk.switch_user("issue")
    requests = desk.go("requests")
    pick_request(qtbot, requests, request_number)
    qtbot.waitUntil(lambda: any(u.reserved_for_this_request for u in requests.suggest_model.rows), timeout=10_000)
    scan(qtbot, requests.din_edit, barcode(first.din))
    wait_idle(qtbot)
    type_into(qtbot, requests.collected_by, "Ward attendant Ganesh")
    press_enter(qtbot, requests.collected_by)
    assert requests.message.kind == "ok", requests.message.text()
    assert desk.checklist("issue_unit") == [True, True, True, True]

    # 6. reconcile a camp: the quality officer scans the bags in the van's cool box on the Camp bags page, reads
    # what is missing and what is not the camp's, and closes the camp
    desk.switch_user("admin")
    desk.start("reconcile_camp")
    facts = sandbox_facts(window, "reconcile_camp")
    camp_id = uuid.UUID(facts["camp_id"])
    bags = desk.go("camp_reconcile")
    qtbot.waitUntil(lambda: find_data(bags.camp, camp_id) >= 0, timeout=10_000)
    bags.camp.setCurrentIndex(find_data(bags.camp, camp_id))
    wait_idle(qtbot)
    for din in (facts["arrived_dins"][0], facts["stray_din"], facts["arrived_dins"][1]):
        scan(qtbot, bags.scan_box, barcode(din))
        wait_idle(qtbot)
    assert [b.din for b in bags.result.missing] == [facts["missing_din"]]
    assert [b.din for b in bags.result.mismatched] == [facts["stray_din"]]
    assert desk.checklist("reconcile_camp") == [False, False, False, False]  # nothing is on record until it closes
    bags = desk.go("camp_reconcile")
    click(qtbot, bags.close_button)
    assert desk.checklist("reconcile_camp") == [True, True, True, True]
    page = desk.window.workspace.current_page()
    assert [page.exercise_list.item(i).text().startswith("✓") for i in range(page.exercise_list.count())] == [True] * 6
    desk.snap("training_all_done")

    # the trainer's summary: Asha finished all six, Ravi none
    desk.switch_user("trainer")
    page = desk.go("training")
    assert page.tabs.isTabVisible(1)
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(page.summary) == 2, timeout=10_000)
    table = page.summary_table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows == {"Asha": "6 / 6", "Ravi": "0 / 6"}
    desk.snap("trainer_summary")

    # the trainer resets Asha from the summary (her sandbox open in this very window): back to the template, exactly
    asha = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Asha")
    click_row(qtbot, table, asha)
    answer_yes(qtbot)
    click(qtbot, page.reset_trainee_button)
    qtbot.waitUntil(lambda: page.class_message.text() == "Reset to the initial state: Asha.", timeout=10_000)
    wait_idle(qtbot)
    classroom = window.ctx.profile.parent
    assert dump(classroom / "Asha" / DATABASE_FILE) == dump(classroom / training.TEMPLATE_DIR / DATABASE_FILE)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows == {"Asha": "0 / 6", "Ravi": "0 / 6"}
    assert "Exercise:" not in window.banner.text()


def sandbox_facts(window: MainWindow, exercise_id: str) -> dict:
    """Every fact of the started scenario, as written into the sandbox."""
    from bbms_desktop.services import training_views

    with window.db.read() as session:
        return dict(training_views.starts(session)[exercise_id].facts)


def sandbox_fact(window: MainWindow, exercise_id: str, key: str) -> str:
    """The scenario's fact as the Training page received it (the DIN on the exercise sheet, in raw form)."""
    from bbms_desktop.services import training_views

    with window.db.read() as session:
        return str(training_views.starts(session)[exercise_id].facts[key])


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def answer_yes(qtbot) -> None:
    """Click Yes on the confirmation box the next click opens, as a trainer does."""

    def press() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(300, press)


def test_reset_puts_a_sandbox_back_exactly_and_never_touches_a_real_profile(qtbot, classroom, tmp_path):
    template = dump(classroom / training.TEMPLATE_DIR / DATABASE_FILE)
    window, db = open_sandbox(qtbot, classroom / "Asha")
    try:
        sign_in(qtbot, window, "registrar", DEMO_PASSWORD)
        page = window.workspace.current_page()
        click(qtbot, page.start_button)  # the first exercise: a scenario written into the sandbox
        assert dump(classroom / "Asha" / DATABASE_FILE) != template

        # "Reset my sandbox…", Yes: while the window has it open, the sandbox becomes the template again, exactly
        answer_yes(qtbot)
        click(qtbot, page.reset_button)
        qtbot.waitUntil(lambda: page.message.text() == "The sandbox is back to its initial state.", timeout=10_000)
        wait_idle(qtbot)
        assert dump(classroom / "Asha" / DATABASE_FILE) == template
        assert all(p.started_at is None for p in page.progress)
        assert "Exercise:" not in window.banner.text()
    finally:
        window.sync.stop()
        wait_idle(qtbot)
        db.dispose()

    # a real centre's profile in the class folder stops a class reset before any sandbox is touched
    ravi = open_profile(classroom / "Ravi")
    trainer = accounts.authenticate(ravi, "trainer", DEMO_PASSWORD)
    with ravi.unit_of_work(trainer) as uow:
        training.start_exercise(uow, "register_donor")
    ravi.dispose()
    real = classroom / "Real centre"
    real_centre_profile(real)
    real_before = hashlib.sha256((real / DATABASE_FILE).read_bytes()).hexdigest()
    ravi_before = dump(classroom / "Ravi" / DATABASE_FILE)
    with pytest.raises(NotPermitted) as refused:
        training.reset_class(classroom)
    assert refused.value.code == "not_a_sandbox"
    with pytest.raises(NotPermitted):
        training.reset_sandbox(real)
    assert hashlib.sha256((real / DATABASE_FILE).read_bytes()).hexdigest() == real_before
    assert dump(classroom / "Ravi" / DATABASE_FILE) == ravi_before

    # without it, the whole class goes back to the template in one action
    shutil.move(real, tmp_path / "moved-away")
    assert [d.name for d in training.reset_class(classroom)] == ["Asha", "Ravi"]
    assert dump(classroom / "Ravi" / DATABASE_FILE) == template


def test_the_first_start_window_offers_a_training_sandbox(qtbot, db, classroom, monkeypatch):
    monkeypatch.setenv(training.CLASS_ENV, str(classroom))
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot)
    assert window.pages.currentWidget() is window.set_up_page
    assert not window.banner.isVisible()
    click(qtbot, window.set_up_page.training_button)
    qtbot.waitUntil(lambda: bool(window.other_windows), timeout=20_000)
    sandbox = window.other_windows[0]
    qtbot.addWidget(sandbox)
    try:
        wait_idle(qtbot)
        qtbot.waitUntil(lambda: sandbox.pages.currentWidget() is sandbox.login_page, timeout=10_000)
        assert sandbox.banner.isVisible() and "TRAINING SANDBOX (trainee)" in sandbox.banner.text()
        assert sandbox.ctx.profile == classroom / "trainee"
        assert not window.isVisible()
        assert accounts.local_centre(db) is None  # this installation stays ready for the real centre
    finally:
        sandbox.sync.stop()
        wait_idle(qtbot)
        sandbox.db.dispose()
