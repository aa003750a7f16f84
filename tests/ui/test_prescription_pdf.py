"""The spoke prints the hub doctor's prescription for the patient, in English or Hindi, and it reads back whole."""

from __future__ import annotations

import dataclasses
import re

import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from bbms_desktop.i18n import catalogue
from bbms_desktop.services.consult_record import Medicine, Vitals
from bbms_desktop.ui.printing import prescription
from bbms_desktop.ui.printing.prescription import print_prescription, render_prescription_pdf
from tests.consult_examples import MEDICINES, completed_consult

VIRAMA, VOWEL_I = "\u094d", "\u093f"


def read_pdf(path) -> list[str]:
    """Each page's text, whitespace collapsed (table cells wrap onto several lines)."""
    document = pdfium.PdfDocument(str(path))
    try:
        return [re.sub(r"\s+", " ", page.get_textpage().get_text_range()) for page in document]
    finally:
        document.close()


def required_data(record) -> list[str]:
    """What must be on the slip whatever its language: the record's own words and numbers."""
    lines = [
        record.doctor_name,
        record.doctor_registration_number,
        record.hub_centre_name,
        record.patient_name,
        record.patient_mobile,
        record.patient_abha_id,
        record.consult_number,
        record.diagnosis,
        record.chief_complaints,
        "Generated via teleconsultation",
    ]
    for m in record.medicines:
        name = f"{m.name} {m.form}" if m.form else m.name
        lines.append(f"{name} {m.dose} {m.frequency} {m.duration}")  # one row of the table, in its columns
    return lines


def test_english_slip_carries_everything_the_telemedicine_guidelines_require(qapp, tmp_path):
    record = completed_consult()
    path = render_prescription_pdf(record, tmp_path / "rx-en.pdf", "en")

    (text,) = read_pdf(path)
    for expected in required_data(record):
        assert expected in text
    assert "Reg. No.: UPMC-48213" in text
    assert "54 years / Male" in text  # the explicit age, never only a date of birth
    assert "Date: 21 November 2026" in text and "Follow-up 5 December 2026" in text
    assert "MBBS, MD (Medicine), DM (Cardiology)" in text
    assert "BP 152/94 mmHg" in text and "Weight 71.5 kg" in text and "SpO₂ 97 %" in text
    assert "sublingual; under the tongue" in text and "Stop smoking." in text
    assert "TRAINING" not in text


def test_hindi_slip_labels_in_hindi_with_the_doctors_words_as_written(qapp, tmp_path):
    record = completed_consult()
    path = render_prescription_pdf(record, tmp_path / "rx-hi.pdf", "hi")

    (text,) = read_pdf(path)
    for expected in required_data(record):
        assert expected in text
    assert "पंजीकरण सं.: UPMC-48213" in text
    assert "Ramesh Chandra Yadav 54 " in text  # the age, under "आयु / लिंग", beside the name
    assert "Reg. No." not in text and "Chief complaints" not in text
    # PDF text extraction cannot rebuild conjuncts and pre-base vowels from the shaped glyphs, so the labels
    # written without them are the ones that must read back exactly (the rendering itself is checked by eye).
    hindi = catalogue("hi")
    labels = [m.source for m in vars(prescription).values() if isinstance(m, prescription.Msg)]
    labels += [m.source for table in (prescription.VITAL_LABELS, prescription.SEX_LABELS) for m in table.values()]
    readable = [
        hindi[("Prescription", s)]
        for s in labels
        if "{" not in s and not ({VIRAMA, VOWEL_I} & set(hindi[("Prescription", s)]))
    ]
    shown = [h for h in readable if h in text]
    assert {"दवाइयाँ", "खुराक", "रोगी", "मोबाइल", "सलाह", "तापमान"} <= set(shown)
    assert len(shown) >= 9
    with open(path, "rb") as pdf:
        assert b"/BaseFont /NotoSansDevanagari" in pdf.read()  # Devanagari set in a Devanagari font, not boxes


def test_training_consult_says_training_on_every_page_and_long_prescriptions_carry_on(qapp, tmp_path):
    many = tuple(dataclasses.replace(MEDICINES[i % len(MEDICINES)], name=f"Medicine number {i + 1}") for i in range(30))
    record = completed_consult(is_training=True, medicines=many)
    pages = read_pdf(render_prescription_pdf(record, tmp_path / "rx-training.pdf", "en"))

    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "TRAINING — not a valid prescription; do not dispense" in page
        assert page.count("TRAINING") >= 2  # the banner and the watermark across the page
        assert f"Page {number} of {len(pages)}" in page
        assert "TC-UP-SPR-2026-00417 · Ramesh Chandra Yadav" in page  # a loose page still says whose it is
    assert "Medicines (continued)" in pages[1]
    for medicine in many:  # no medicine's line is split across two pages
        row = f"{medicine.name} {medicine.form or ''} {medicine.dose} {medicine.frequency} {medicine.duration}"
        assert sum(re.sub(" +", " ", row) in page for page in pages) == 1
    assert "Generated via teleconsultation" in pages[-1] and "Follow-up 5 December 2026" in pages[-1]


def test_a_consult_with_no_vitals_medicines_or_follow_up_says_so_plainly(qapp, tmp_path):
    record = completed_consult(
        vitals=Vitals(),
        medicines=(),
        follow_up_on=None,
        history=None,
        patient_abha_id=None,
        doctor_qualification=None,
        patient_sex="female",
        patient_age_years=7,
        specialty="paediatrics",
    )
    (text,) = read_pdf(render_prescription_pdf(record, tmp_path / "rx.pdf", "en"))
    assert "Vitals Not recorded" in text
    assert "No medicine prescribed." in text
    assert "No follow-up date given" in text
    assert "7 years / Female" in text and "Specialty: Paediatrics" in text
    assert "History" not in text


def test_only_known_languages_are_printed(qapp, tmp_path):
    with pytest.raises(ValueError, match="no such language"):
        render_prescription_pdf(completed_consult(), tmp_path / "rx.pdf", "ta")


def test_what_the_doctor_typed_is_printed_as_typed_markup_characters_and_line_breaks_too(qapp, tmp_path):
    odd = Medicine(
        "ORS <sachet>", "1 sachet", "after each loose stool", "3 days", instructions="dissolve in 1 L & stir"
    )
    advice = "1. Drink boiled water.\n2. Come back if there is blood in the stool."
    record = completed_consult(medicines=(odd,), advice=advice)
    path = render_prescription_pdf(record, tmp_path / "rx.pdf", "en")

    (text,) = read_pdf(path)
    assert "ORS <sachet> 1 sachet after each loose stool 3 days dissolve in 1 L & stir" in text
    document = pdfium.PdfDocument(str(path))
    textpage = document[0].get_textpage()
    (first_left, _, _, first_top), (second_left, _, _, second_top) = (
        textpage.get_charbox(textpage.search(line).get_next()[0]) for line in ("1. Drink", "2. Come")
    )
    document.close()
    assert second_top < first_top and abs(second_left - first_left) < 1  # the second point starts its own line


def test_the_print_dialog_path_prints_the_same_slip_on_a4_even_if_the_printer_was_set_to_letter(qapp, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes its pages to a file
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    record = completed_consult()

    assert print_prescription(record, printer, "hi") == 1

    (text,) = read_pdf(tmp_path / "printed.pdf")
    for expected in required_data(record):
        assert expected in text
    assert page_size_mm(tmp_path / "printed.pdf") == (210, 297)


def test_the_pdf_is_a4_portrait(qapp, tmp_path):
    assert page_size_mm(render_prescription_pdf(completed_consult(), tmp_path / "rx.pdf", "en")) == (210, 297)


def page_size_mm(path) -> tuple[int, int]:
    document = pdfium.PdfDocument(str(path))
    width, height = document[0].get_size()
    document.close()
    return round(width / 72 * 25.4), round(height / 72 * 25.4)


def test_a_very_long_patient_name_never_runs_over_the_page_number(qapp, tmp_path):
    name = "Sri Venkata Satya Naga Lakshmi Narasimha Prasad Rao Chowdary Kandregula Bhaskara Venkateswarlu Garu"
    (text,) = read_pdf(render_prescription_pdf(completed_consult(patient_name=name), tmp_path / "rx.pdf", "en"))
    assert text.rstrip().endswith("… Page 1 of 1")  # the footer's left part shortened, the page number whole
    assert name in text  # in full in the patient box


def test_advice_the_doctor_wrote_in_hindi_prints_on_an_english_slip(qapp, tmp_path):
    path = render_prescription_pdf(completed_consult(advice="नमक कम खाएँ। रोज़ सुबह टहलें।"), tmp_path / "rx.pdf", "en")
    (text,) = read_pdf(path)
    assert "Advice नमक कम खा" in text and "सुबह टहल" in text  # (extraction misplaces the candrabindu and nukta)
    with open(path, "rb") as pdf:
        assert b"/BaseFont /NotoSansDevanagari" in pdf.read()
