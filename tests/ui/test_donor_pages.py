"""The donor side driven through the real window: register by keyboard (and the duplicate warning), screen with the
eligibility reasons live, collect with a scanned DIN; a deferred donor is stopped; each role sees only its part."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from sqlalchemy import func, select

from bbms_desktop.models import Deferral, Donation, Donor, ScreeningVisit
from bbms_desktop.rules import eligibility, isbt128
from bbms_desktop.rules.eligibility import AnswerKind
from bbms_desktop.services import donors, screening
from bbms_desktop.services.donors import DonorForm, local_date
from bbms_desktop.services.screening import ScreeningForm
from tests.ui.conftest import scan, wait_idle

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def signed_in(qtbot, open_window):
    """The window signed in as ``role`` and active, so the keyboard focus (and the scanner) work as at a desk."""

    def open_as(role: str):
        window = open_window(role)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        return window

    return open_as


def count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def register(db, actor, **changes):
    values = dict(given_name="Asha", family_name="Verma", sex="F", date_of_birth=date(1992, 3, 4), consent=True)
    values.update(changes)
    with db.unit_of_work(actor) as uow:
        return donors.register_donor(uow, DonorForm(**values), acknowledged_duplicates=True)


def ravi_summary(db, donor_id):
    with db.read() as s:
        return next(d for d in donors.search(s, "ravi") if d.id == donor_id)


def fit_answers(sex: str) -> dict:
    return {
        q.code: (not q.defers_on if q.kind is AnswerKind.YES_NO else None)
        for q in eligibility.applicable_questions(sex, "whole_blood")
    }


def screened_fit(db, actor, donor_id):
    form = ScreeningForm(
        bag_volume_ml=450,
        weight_kg=64.0,
        haemoglobin_g_dl=13.8,
        systolic_mmhg=120,
        diastolic_mmhg=80,
        pulse_per_min=72,
        pulse_regular=True,
        temperature_c=36.7,
        answers=fit_answers("F"),
    )
    with db.unit_of_work(actor) as uow:
        return screening.screen(uow, donor_id, form)


_typed_at: dict[int, float] = {}


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    if isinstance(widget, QComboBox):
        # a combo box joins keys typed within the keyboard interval into one search ("F", then "F" again: "FF")
        interval = QApplication.keyboardInputInterval() / 1000
        since = time.monotonic() - _typed_at.get(id(widget), 0.0)
        if since < interval:
            qtbot.wait(int((interval - since) * 1000) + 50)
        _typed_at[id(widget)] = time.monotonic()
    qtbot.keyClicks(widget, text)


def answer_every_question(qtbot, page) -> None:
    """Ask every question shown, by keyboard: Y for "feeling well", N (no / never) for every other."""
    for answer in page.answers.values():
        if not answer.choice.isVisibleTo(page):
            continue
        type_into(qtbot, answer.choice, "Y" if answer.question.code == "feeling_well" else "N")


def fill_fit_examination(qtbot, page) -> None:
    for field, text in (
        (page.weight, "62"),
        (page.systolic, "120"),
        (page.diastolic, "80"),
        (page.pulse, "72"),
        (page.temperature, "36.8"),
    ):
        type_into(qtbot, field, text)
    type_into(qtbot, page.pulse_regular, "R")  # "Regular"


def test_register_by_keyboard_warn_of_a_duplicate_then_screen_with_live_reasons_and_collect_a_scanned_din(
    qtbot, signed_in, db
):
    window = signed_in("medical_officer")
    page = window.open_page("donors")
    wait_idle(qtbot)

    # register by keyboard alone: Ctrl+N, type each field, Space ticks the consent, Enter saves
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.stack.currentIndex() == page.VIEW_FORM and page.given_name.hasFocus()
    type_into(qtbot, page.given_name, "Sunita")
    type_into(qtbot, page.family_name, "Devi")
    type_into(qtbot, page.sex, "F")
    type_into(qtbot, page.date_of_birth, "14-02-1990")
    type_into(qtbot, page.mobile, "+91 98100 12345")
    page.consent.setFocus()
    qtbot.keyClick(page.consent, Qt.Key.Key_Space)
    assert page.consent.isChecked()
    qtbot.keyClick(page.consent, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.record_name.text() == "Sunita Devi", timeout=10_000)
    assert page.stack.currentIndex() == page.VIEW_RECORD
    assert "registered" in page.message.text()
    with db.read() as s:
        first = s.scalars(select(Donor)).one()
        assert (first.given_name, first.family_name, first.sex, first.mobile) == ("Sunita", "Devi", "F", "9810012345")
        assert first.date_of_birth == date(1990, 2, 14)
    assert first.donor_number in page.message.text()

    # a near-identical second registration is stopped, with the candidate and why it matches
    qtbot.mouseClick(page.register_button, LEFT)
    type_into(qtbot, page.given_name, "sunita")
    type_into(qtbot, page.family_name, "DEVI")
    type_into(qtbot, page.sex, "F")
    type_into(qtbot, page.date_of_birth, "14/02/1990")
    type_into(qtbot, page.mobile, "9999912345")
    page.consent.setChecked(True)
    qtbot.mouseClick(page.save_button, LEFT)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.register_anyway_button.isVisible(), timeout=10_000)
    assert page.form_message.kind == "error" and first.donor_number in page.form_message.text()
    assert page.candidates_model.rowCount() == 1
    assert page.candidates_model.row(0).donor_number == first.donor_number
    why = page.candidates_model.data(page.candidates_model.index(0, len(page.candidates_model.columns) - 1))
    assert why == "same name, date of birth and sex"
    assert count(db, Donor) == 1
    # it is the same person: open the existing record instead
    qtbot.mouseClick(page.open_candidate_button, LEFT)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == page.VIEW_RECORD, timeout=10_000)
    assert page.record_number.text() == first.donor_number
    assert count(db, Donor) == 1

    # screen this donor: the reasons appear as a low haemoglobin is typed and vanish when it is corrected
    qtbot.mouseClick(page.screen_button, LEFT)
    wait_idle(qtbot)
    screen = window.workspace.current_page()
    assert screen.page_id == "screening"
    qtbot.waitUntil(lambda: screen.start is not None, timeout=10_000)
    assert first.donor_number in screen.donor_name.text()
    fill_fit_examination(qtbot, screen)
    type_into(qtbot, screen.haemoglobin, "11.2")
    assert screen.reasons.isVisibleTo(screen)
    assert "Haemoglobin 11.2 g/dL is below the minimum of 12.5 g/dL" in screen.reasons.text()
    assert "Not fit to donate" in screen.result_banner.text()
    screen.haemoglobin.selectAll()
    qtbot.keyClicks(screen.haemoglobin, "13.4")
    assert "Haemoglobin" not in screen.reasons.text() and not screen.reasons.isVisibleTo(screen)
    assert "Still to enter" in screen.missing.text()  # the questionnaire is not answered yet
    answer_every_question(qtbot, screen)
    assert screen.missing.text() == ""
    assert "Fit to donate" in screen.result_banner.text()
    qtbot.keyClick(screen.temperature, Qt.Key.Key_Return)  # Enter saves
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: screen.result is not None, timeout=10_000)
    assert screen.result.eligible and screen.proceed_button.isVisible()
    assert "screening recorded" in screen.result_banner.text()
    with db.read() as s:
        visit = s.scalars(select(ScreeningVisit)).one()
        assert (visit.donor_id, visit.outcome, visit.haemoglobin_g_dl, visit.bag_volume_ml) == (
            first.id,
            "eligible",
            13.4,
            450,
        )

    # on to collection: the visit is chosen, the bag's DIN is scanned, Enter saves
    qtbot.wait(1100)  # bleed times are kept to the second: start after the screening's second
    qtbot.mouseClick(screen.proceed_button, LEFT)
    wait_idle(qtbot)
    collect = window.workspace.current_page()
    assert collect.page_id == "collection"
    qtbot.waitUntil(lambda: collect.visit is not None, timeout=10_000)
    assert first.donor_number in collect.form_title.text()
    din = f"G1234{local_date(visit.visited_at).year % 100:02d}000777"
    scan(qtbot, collect.din, isbt128.format_for_barcode(din, isbt128.check_flags(din)))
    assert collect.din_view.text() == f"{isbt128.format_eye_readable(din)} [{isbt128.check_character(din)}]"
    assert collect.bag_type.hasFocus()  # the scan's Enter moved on, it did not save
    assert count(db, Donation) == 0
    qtbot.mouseClick(collect.start_now, LEFT)
    type_into(qtbot, collect.volume, "455")
    qtbot.wait(1100)
    qtbot.mouseClick(collect.end_now, LEFT)
    qtbot.keyClick(collect.volume, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: collect.collected is not None, timeout=10_000)
    assert collect.collected.din == din
    assert collect.din_view.number.text() == isbt128.format_eye_readable(din)  # e.g. "G1234 26 000777"
    assert collect.din_view.check.text() == isbt128.check_character(din)  # boxed beside it
    assert "Collected" in collect.message.text()
    with db.read() as s:
        donation = s.scalars(select(Donation)).one()
        assert (donation.din, donation.visit_id, donation.bag_type, donation.collected_volume_ml) == (
            din,
            visit.id,
            "triple",
            455,
        )
        assert donation.bleed_end > donation.bleed_start >= visit.visited_at - timedelta(seconds=1)
    wait_idle(qtbot)
    assert collect.worklist_model.rowCount() == 0  # collected: no longer waiting


def test_registering_anyway_after_checking_the_candidates_records_a_second_donor(qtbot, signed_in, db, staff):
    existing = register(db, staff["registrar"], mobile="9876543210")
    window = signed_in("registrar")
    page = window.open_page("donors")
    qtbot.mouseClick(page.register_button, LEFT)
    type_into(qtbot, page.given_name, "Asha")
    type_into(qtbot, page.family_name, "Verma")
    type_into(qtbot, page.sex, "F")
    type_into(qtbot, page.date_of_birth, "01-01-1985")
    type_into(qtbot, page.mobile, "98765 43210")
    # the warning comes as the registrar types, before anything is saved
    qtbot.waitUntil(lambda: page.candidates_model.rowCount() == 1, timeout=10_000)
    assert "same mobile number" in page.duplicate_banner.text()
    assert not page.register_anyway_button.isVisible()
    page.consent.setChecked(True)
    qtbot.keyClick(page.mobile, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.register_anyway_button.isVisible(), timeout=10_000)
    assert count(db, Donor) == 1
    qtbot.mouseClick(page.register_anyway_button, LEFT)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == page.VIEW_RECORD, timeout=10_000)
    assert existing.donor_number in page.message.text()  # "checked as a different person from ..."
    assert count(db, Donor) == 2


def test_a_donor_with_an_active_deferral_is_stopped_at_screening_and_cannot_go_on_to_collection(
    qtbot, signed_in, db, staff
):
    mo = staff["medical_officer"]
    donor = register(db, mo)
    until = date.today() + timedelta(days=60)
    with db.unit_of_work(mo) as uow:
        screening.defer_donor(uow, donor.id, "MEDICATION", permanent=False, until=until, detail="On warfarin")
    window = signed_in("medical_officer")
    page = window.open_page("screening")
    wait_idle(qtbot)
    scan(qtbot, page.search, donor.donor_number)  # the donor card
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.start is not None, timeout=10_000)
    assert page.deferral_banner.isVisible() and page.deferral_banner.tone == "danger"
    assert "MEDICATION: On warfarin" in page.deferral_banner.text()
    assert "Not fit to donate" in page.result_banner.text()
    assert "recorded reason MEDICATION" in page.reasons.text()
    # even a perfect examination does not make the donor fit
    fill_fit_examination(qtbot, page)
    type_into(qtbot, page.haemoglobin, "14")
    answer_every_question(qtbot, page)
    assert "Not fit to donate" in page.result_banner.text()
    qtbot.mouseClick(page.save_button, LEFT)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.result is not None, timeout=10_000)
    assert not page.result.eligible
    assert not page.proceed_button.isVisible()
    assert "recorded reason MEDICATION" in page.reasons.text() and until.isoformat() in page.reasons.text()
    with db.read() as s:
        assert s.scalars(select(ScreeningVisit.outcome)).all() == ["deferred"]
    page.proceed()  # even asked directly, a deferred visit does not open collection
    assert window.workspace.current_page() is page
    collect = window.open_page("collection")
    wait_idle(qtbot)
    assert collect.worklist_model.rowCount() == 0


def test_a_medical_officer_defers_a_donor_with_a_coded_reason(qtbot, signed_in, db, staff):
    donor = register(db, staff["registrar"])
    window = signed_in("medical_officer")
    page = window.open_page("screening")
    page.start_for(donor.id)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.start is not None, timeout=10_000)
    assert not page.deferral_banner.isVisible()
    qtbot.mouseClick(page.defer_toggle, LEFT)
    assert page.defer_box.isVisible()
    page.defer_code.setEditText("not a code")
    type_into(qtbot, page.defer_detail, "Uncontrolled diabetes on insulin")
    page.defer_permanent.setChecked(True)
    qtbot.keyClick(page.defer_detail, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert "is not valid" in page.defer_message.text() and page.defer_code.hasFocus()
    assert count(db, Deferral) == 0
    page.defer_code.setCurrentIndex(page.defer_code.findData("CHRONIC_ILLNESS"))
    qtbot.keyClick(page.defer_detail, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.deferral_banner.isVisible(), timeout=10_000)
    assert "CHRONIC_ILLNESS" in page.deferral_banner.text() and "permanent" in page.deferral_banner.text()
    assert "Not fit to donate" in page.result_banner.text()
    with db.read() as s:
        deferral = s.scalars(select(Deferral)).one()
        assert (deferral.donor_id, deferral.reason_code, deferral.permanent, deferral.detail) == (
            donor.id,
            "CHRONIC_ILLNESS",
            True,
            "Uncontrolled diabetes on insulin",
        )


def test_a_phlebotomist_sees_no_register_button_and_no_screening_page_but_collects(qtbot, signed_in, db, staff):
    donor = register(db, staff["registrar"], mobile="9812345678")
    visit = screened_fit(db, staff["medical_officer"], donor.id)
    window = signed_in("phlebotomist")
    ids = window.workspace.visible_ids()
    assert "screening" not in ids and "donors" in ids and "collection" in ids
    page = window.open_page("donors")
    assert window.open_page("screening") is None
    assert not page.register_button.isVisible()
    type_into(qtbot, page.search, "9812345678")
    qtbot.waitUntil(lambda: page.results_model.rowCount() == 1, timeout=10_000)
    page.select_result(0)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == page.VIEW_RECORD, timeout=10_000)
    assert not page.screen_button.isVisible() and not page.edit_button.isVisible()

    # the worklist holds the donor screened fit today; the next DIN is allocated for an unlabelled bag
    collect = window.open_page("collection")
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: collect.worklist_model.rowCount() == 1, timeout=10_000)
    assert collect.worklist_model.row(0).visit_id == visit.visit_id
    collect.worklist.setFocus()
    qtbot.keyClick(collect.worklist, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: collect.visit is not None, timeout=5_000)
    # saving without a DIN is refused before anything is sent
    type_into(qtbot, collect.volume, "448")
    qtbot.keyClick(collect.volume, Qt.Key.Key_Return)
    assert "Allocate next DIN" in collect.form_message.text() and collect.din.hasFocus()
    qtbot.wait(1100)
    qtbot.mouseClick(collect.start_now, LEFT)
    collect.allocate.setChecked(True)
    qtbot.wait(1100)
    qtbot.mouseClick(collect.end_now, LEFT)
    qtbot.keyClick(collect.volume, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: collect.collected is not None, timeout=10_000)
    din = collect.collected.din
    assert din.startswith("G1234") and isbt128.format_eye_readable(din) in collect.din_view.text()
    with db.read() as s:
        assert s.scalars(select(Donation.din)).all() == [din]


def test_search_by_mobile_finds_the_donor_and_a_scanned_donor_card_opens_the_record(qtbot, signed_in, db, staff):
    asha = register(db, staff["registrar"], mobile="9876543210")
    ravi = register(db, staff["registrar"], given_name="Ravi", family_name="Kumar", sex="M", mobile="9811111111")
    window = signed_in("registrar")
    page = window.open_page("donors")
    type_into(qtbot, page.search, "+91 98765 43210")
    qtbot.waitUntil(lambda: page.results_model.rowCount() == 1, timeout=10_000)
    assert page.results_model.row(0).id == asha.id
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.record_name.text() == "Asha Verma", timeout=10_000)
    # a donor card scanned while the focus is elsewhere on the page
    page.results.setFocus()
    qtbot.keyClicks(page.results, ravi.donor_number)
    qtbot.keyClick(page.results, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.record_name.text() == "Ravi Kumar", timeout=10_000)
    assert page.search.text() == ravi.donor_number
    # typing on while a search is under way: only the newest search's answer is shown, whichever arrives last
    page.search.setText("ravi")
    page.run_search()
    stale = page._search_generation
    page.search.setText("asha")
    page.run_search()
    wait_idle(qtbot)
    assert [row.id for row in page.results_model.rows] == [asha.id]
    page._search_done(stale, "ravi", [ravi_summary(db, ravi.id)])  # the older answer, arriving late
    assert [row.id for row in page.results_model.rows] == [asha.id]


def test_a_registrar_corrects_a_mobile_number(qtbot, signed_in, db, staff):
    donor = register(db, staff["registrar"], mobile="9876543210")
    window = signed_in("registrar")
    page = window.open_page("donors")
    type_into(qtbot, page.search, donor.donor_number)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == page.VIEW_RECORD, timeout=10_000)
    assert not page.screen_button.isVisible()  # a registrar does not screen
    qtbot.mouseClick(page.edit_button, LEFT)
    assert page.given_name.text() == "Asha" and page.date_of_birth.text() == "04-03-1992"
    page.mobile.selectAll()
    qtbot.keyClicks(page.mobile, "12345")
    qtbot.keyClick(page.mobile, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert "not an Indian mobile number" in page.form_message.text() and page.mobile.hasFocus()
    page.mobile.selectAll()
    qtbot.keyClicks(page.mobile, "099999 88888")
    qtbot.keyClick(page.mobile, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: "Mobile number" in page.message.text(), timeout=10_000)
    with db.read() as s:
        assert s.get(Donor, donor.id).mobile == "9999988888"


def test_switching_to_hindi_mid_screening_keeps_what_was_typed_and_re_words_the_reasons(qtbot, signed_in, db, staff):
    from bbms_desktop.ui.app import install_language

    donor = register(db, staff["registrar"])
    window = signed_in("medical_officer")
    page = window.open_page("screening")
    page.start_for(donor.id)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.start is not None, timeout=10_000)
    type_into(qtbot, page.weight, "61")
    type_into(qtbot, page.haemoglobin, "10.9")
    type_into(qtbot, page.answers["tattoo"].choice, "N")
    english = page.reasons.text()
    assert "Haemoglobin 10.9 g/dL" in english
    try:
        assert install_language(QApplication.instance(), "hi") is not None, "the Hindi .qm was not built"
        QApplication.processEvents()
        assert (page.weight.text(), page.haemoglobin.text()) == ("61", "10.9")
        assert page.answers["tattoo"].choice.currentData() == "never"
        assert page.reasons.text() != english and any("\u0900" <= ch <= "\u097f" for ch in page.reasons.text())
    finally:
        install_language(QApplication.instance(), "en")
    QApplication.processEvents()
    assert page.reasons.text() == english


def test_registering_donors_one_after_another_shows_each_new_record_and_reloads_nothing_behind(
    qtbot, signed_in, db, staff
):
    window = signed_in("registrar")
    page = window.open_page("donors")
    wait_idle(qtbot)
    reloads: list[str] = []
    for other in window.workspace.pages.values():  # every page's reload is seen (the real ones still run)

        def spy(other=other, reload=other.activated) -> None:
            reloads.append(other.page_id)
            reload()

        other.activated = spy

    for given, family, born, mobile in (
        ("Sunita", "Devi", "14-02-1990", "9810012345"),
        ("Ravi", "Kumar", "02-07-1985", "9811111111"),
    ):
        qtbot.mouseClick(page.register_button, LEFT)
        type_into(qtbot, page.given_name, given)
        type_into(qtbot, page.family_name, family)
        type_into(qtbot, page.sex, "F" if given == "Sunita" else "M")
        type_into(qtbot, page.date_of_birth, born)
        type_into(qtbot, page.mobile, mobile)
        page.consent.setChecked(True)
        qtbot.keyClick(page.given_name, Qt.Key.Key_Return)
        wait_idle(qtbot)
        # the donor just registered is the one on screen, and the one the search box and the list hold
        with db.read() as s:
            saved = s.scalars(select(Donor).where(Donor.given_name == given)).one()
        assert page.record_name.text() == f"{given} {family}"
        assert page.record_number.text() == saved.donor_number == page.search.text()
        assert [row.id for row in page.results_model.rows] == [saved.id]
        assert f"Donor {saved.donor_number} registered." in page.message.text()

    # the page showed its own saves itself; no page reloaded behind them, shown or hidden
    assert reloads == []
    # a hidden page reloads when it is shown, once
    window.open_page("dashboard")
    wait_idle(qtbot)
    assert reloads == ["dashboard"]


def test_the_confirmation_of_a_registration_comes_with_the_record_read_after_the_commit(qtbot, signed_in, db, staff):
    window = signed_in("registrar")
    page = window.open_page("donors")
    wait_idle(qtbot)
    qtbot.mouseClick(page.register_button, LEFT)
    type_into(qtbot, page.given_name, "Meena")
    type_into(qtbot, page.family_name, "Rawat")
    type_into(qtbot, page.sex, "F")
    type_into(qtbot, page.date_of_birth, "11-03-1992")
    type_into(qtbot, page.mobile, "9812312312")
    page.consent.setChecked(True)
    seen: list[tuple[str, str, str]] = []  # (message kind, record on screen, tasks waiting) at each change of the bar
    show = page.message.show_message

    def spy(text, kind="ok"):
        show(text, kind)
        seen.append((kind, page.record_name.text(), page.search.text()))

    page.message.show_message = spy
    qtbot.keyClick(page.given_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.kind == "ok")
    # in the same pass as the confirmation (no second round trip): the record saved, and the list searched for it
    assert page.record_name.text() == "Meena Rawat"
    with db.read() as s:
        saved = s.scalars(select(Donor).where(Donor.given_name == "Meena")).one()
    assert page.record_number.text() == saved.donor_number == page.searched_text
    assert [row.id for row in page.results_model.rows] == [saved.id]
    wait_idle(qtbot)
    assert [kind for kind, _, _ in seen] == ["ok"]


def test_a_failed_read_after_a_committed_save_is_shown_as_such_and_the_save_stands(qtbot, signed_in, db, staff):
    window = signed_in("registrar")
    page = window.open_page("donors")
    wait_idle(qtbot)
    answers: list[object] = []

    def broken_read(session, result):
        raise LookupError("the read after the save failed")

    page.ctx.save(
        page,
        lambda uow: donors.register_donor(
            uow,
            DonorForm(
                given_name="Kavita",
                family_name="Negi",
                sex="F",
                date_of_birth=date(1990, 4, 4),
                mobile="9813213213",
                consent=True,
            ),
        ),
        answers.append,
        lambda error: answers.append(("failed", error)),
        changed="donors",
        read_after=broken_read,
    )
    wait_idle(qtbot)
    (answer,) = answers
    result, read = answer  # on_saved was called (the save is committed), with the read's error beside the result
    assert isinstance(read, LookupError)
    with db.read() as s:
        assert s.scalars(select(Donor).where(Donor.id == result.id)).one().given_name == "Kavita"


def test_a_typed_key_is_searched_at_once_and_a_scanners_burst_of_keys_once_it_stops(qtbot, signed_in, db, staff):
    asha = register(db, staff["registrar"], mobile="9876543210")
    window = signed_in("registrar")
    page = window.open_page("donors")
    wait_idle(qtbot)
    clock = [1000.0]
    page._clock = lambda: clock[0]

    def key(text: str, after_ms: float) -> None:
        clock[0] += after_ms / 1000
        qtbot.keyClick(page.search, text)

    page.search.setFocus()
    # a person types: each key is searched the moment it is pressed, no wait for a scanner's next key
    for letter in "Ash":
        before = page._search_generation
        key(letter, after_ms=180)
        assert page._search_generation == before + 1 and not page.search_timer.isActive()
    wait_idle(qtbot)
    assert page.searched_text == "Ash" and [row.id for row in page.results_model.rows] == [asha.id]

    # a wedge types a donor card 5 ms a key: the first key is searched, the rest join one search when it stops
    clock[0] += 1
    page.search.clear()  # searched at once too (the donors registered last)
    wait_idle(qtbot)
    assert not page.search_timer.isActive() and page.searched_text == ""
    before = page._search_generation
    for n, character in enumerate(asha.donor_number):
        key(character, after_ms=500 if n == 0 else 5)
    assert page._search_generation == before + 1 and page.search_timer.isActive()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.searched_text == asha.donor_number, timeout=5_000)
    assert page._search_generation == before + 2
    assert [row.id for row in page.results_model.rows] == [asha.id]
