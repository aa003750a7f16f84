"""Printed labels scan: each is printed to PDF through Qt's print system, rasterised by PDFium (an independent
renderer) and read back by a real barcode reader (ZXing), which must return exactly the ISBT 128 data structures
encoded: the DIN with its flags, the blood group, the product code and the expiry; the boxed check character is the
one ``rules.isbt128`` computes, read from the PDF's own text.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pypdfium2
import zxingcpp

from bbms_desktop.models import Component, Donation
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.vocabulary import ComponentStatus, DonorType
from bbms_desktop.services import label_content, report_views
from bbms_desktop.services import transfusion as tx
from bbms_desktop.ui.app import install_font_fallback, install_language
from bbms_desktop.ui.printing import labels, reports
from bbms_desktop.ui.printing.output import deliver, destination
from bbms_desktop.ui.settings import PRINTER, Settings
from tests.services.factories import make_component, make_donation, make_donor, make_results, request_form

DPI = 300


def text_in(path, page: int, box) -> str:
    """The text PDFium finds inside ``box`` (0.1 mm units from the top left) of a 100 mm page."""
    pt = 72 / 254
    textpage = pypdfium2.PdfDocument(str(path))[page].get_textpage()
    return textpage.get_text_bounded(
        left=box.left() * pt, bottom=(1000 - box.bottom()) * pt, right=box.right() * pt, top=(1000 - box.top()) * pt
    ).strip()


def rasterise(path) -> list[tuple[memoryview, str]]:
    """Every page of a PDF as an 8-bit grey image ZXing can read, and the page's text."""
    pages = []
    document = pypdfium2.PdfDocument(str(path))
    for page in document:
        bitmap = page.render(scale=DPI / 72, grayscale=True)
        data, width, stride = bytes(bitmap.buffer), bitmap.width, bitmap.stride
        pixels = b"".join(data[row * stride : row * stride + width] for row in range(bitmap.height))
        image = memoryview(pixels).cast("B", shape=(bitmap.height, width))
        pages.append((image, " ".join(page.get_textpage().get_text_bounded().split())))
    return pages


def scanned(image) -> set[str]:
    return {code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)}


def unit(db, staff, *, abo, rhd, code, din=None, donor_type=DonorType.VOLUNTARY, verified=True, status=None):
    now = datetime.now(UTC) - timedelta(hours=2)
    with db.unit_of_work(staff["component_technician"], now) as uow:
        donor = make_donor(uow)
        donor.donor_type = donor_type
        donor.blood_group = abo + rhd if verified else None  # as verification records it
        donation = make_donation(uow, donor, din=din, collected_at=now)
        make_results(uow, donation, abo=abo, rhd=rhd, verified_by=staff["lab_technician_2"] if verified else None)
        status = status or (ComponentStatus.AVAILABLE if verified else ComponentStatus.QUARANTINE)
        group = abo + rhd if verified else None
        return make_component(uow, donation, code=code, status=status, group=group).id


def test_every_barcode_on_a_batch_of_labels_scans_back_exactly(qapp, db, staff, tmp_path):
    ids = [
        unit(db, staff, abo="O", rhd="+", code="PRBC_SAGM"),
        unit(db, staff, abo="AB", rhd="-", code="FFP", donor_type=DonorType.REPLACEMENT),
        unit(db, staff, abo="B", rhd="+", code="PLT_RDP"),
    ]
    with db.read() as session:
        batch = label_content.bag_labels(session, ids)
    pdf = tmp_path / "labels.pdf"
    boxes = labels.print_bag_labels(batch, pdf_path=pdf)
    pages = rasterise(pdf)
    assert len(pages) == len(batch)
    for n, (label, (image, text)) in enumerate(zip(batch, pages, strict=True)):
        din = isbt128.Din(label.din)
        expected = {
            f"={din.din}{isbt128.check_flags(din.din)}",
            isbt128.format_blood_group(label.blood_group),
            isbt128.format_product_code(label.product),
            isbt128.format_expiry_datetime(label.expires_at.astimezone()),
        }
        assert scanned(image) == expected
        # each scan reads back as what the records say
        decoded = {isbt128.decode_scan(code).kind: isbt128.decode_scan(code).value for code in expected}
        assert decoded[isbt128.ScanKind.DIN] == din
        assert decoded[isbt128.ScanKind.BLOOD_GROUP].group == label.blood_group
        assert decoded[isbt128.ScanKind.EXPIRY_DATETIME] == label.expires_at.astimezone().replace(
            second=0, microsecond=0, tzinfo=None
        )
        # the eye-readable number, and inside its box the check character rules.isbt128 computes
        assert isbt128.format_eye_readable(label.din) in text
        assert text_in(pdf, n, boxes[n]) == isbt128.check_character(label.din) == label.check_character
    assert batch[1].product.donation_type == "C"  # replacement donor
    assert "Replacement donor" in pages[1][1] and "Voluntary donor" in pages[0][1]


def test_a_quarantined_unit_prints_no_group_and_a_local_number_scans_as_itself(qapp, db, staff, tmp_path):
    ids = [unit(db, staff, abo="A", rhd="+", code="PRBC_SAGM", verified=False, din="BBK2600123")]
    with db.read() as session:
        (label,) = label_content.bag_labels(session, ids)
    assert not label.isbt and label.check_character == "" and label.group_barcode is None
    pdf = tmp_path / "quarantine.pdf"
    labels.print_bag_labels([label], pdf_path=pdf)
    ((image, text),) = rasterise(pdf)
    assert scanned(image) == {
        "BBK2600123",
        isbt128.format_product_code(label.product),
        isbt128.format_expiry_datetime(label.expires_at.astimezone()),
    }
    assert "QUARANTINE: NOT FOR ISSUE" in text and "Blood group awaiting laboratory" in text


def test_a_training_sandbox_prints_training_on_labels_and_reports(qapp, db, staff, tmp_path):
    ids = [unit(db, staff, abo="O", rhd="-", code="PRBC_SAGM")]
    with db.unit_of_work(staff["quality_admin"]) as uow:
        uow.session.get(label_content.Centre, staff["quality_admin"].centre_id).is_training = True
    with db.read() as session:
        batch = label_content.bag_labels(session, ids)
        report = report_views.daily_stock(session, datetime.now(UTC))
    labels.print_bag_labels(batch, pdf_path=tmp_path / "training.pdf")
    reports.print_report(report, pdf_path=tmp_path / "report.pdf")
    ((image, text),) = rasterise(tmp_path / "training.pdf")
    assert "TRAINING" in text and len(scanned(image)) == 4  # the watermark hides no barcode
    report_pages = rasterise(tmp_path / "report.pdf")
    assert report_pages and all("TRAINING" in page_text for _image, page_text in report_pages)
    assert "Daily stock report" in report_pages[0][1]


def test_the_donor_card_and_the_issue_slip_scan(qapp, db, staff, tmp_path):
    unit_id = unit(db, staff, abo="B", rhd="+", code="PRBC_SAGM")
    with db.unit_of_work(staff["issue_counter"]) as uow:
        request = tx.create_request(uow, request_form(patient_group="B+", units=1))
    with db.unit_of_work(staff["lab_technician"]) as uow:
        tx.crossmatch(uow, request.request_id, unit_id, "ahg", "compatible")
    with db.unit_of_work(staff["issue_counter"]) as uow:
        tx.issue(uow, request.request_id, unit_id, "Ward boy Ramesh")
    with db.read() as session:
        (issue_id,) = label_content.latest_issue_ids(session, request.request_id)
        slip = label_content.issue_slip(session, issue_id)
        donor_id = session.get(Donation, session.get(Component, unit_id).donation_id).donor_id
        card = label_content.donor_card(session, donor_id)
    labels.print_issue_slips([slip], pdf_path=tmp_path / "slip.pdf")
    labels.print_donor_cards([card], pdf_path=tmp_path / "card.pdf")
    ((image, text),) = rasterise(tmp_path / "slip.pdf")
    assert scanned(image) == {isbt128.format_for_barcode(slip.din, isbt128.check_flags(slip.din))}
    assert "Sunita Devi" in text and "UHID-778812" in text and "Compatible" in text and "Ward boy Ramesh" in text
    ((image, text),) = rasterise(tmp_path / "card.pdf")
    assert scanned(image) == {card.donor_number} and card.donations == 1
    assert "Voluntary donor" in text and "B+" in text


def test_a_chosen_printer_that_is_not_connected_prints_to_a_pdf_in_the_profile(qapp, tmp_path):
    settings = Settings(tmp_path)
    settings[PRINTER] = "Zebra ZD421 (label room)"
    name, pdf = destination(settings, tmp_path, "labels-G123426000001")
    assert name == "" and pdf.parent == tmp_path / "printouts" and pdf.name.startswith("labels-G123426000001-")
    text, written = deliver(settings, tmp_path, "report", 2, lambda _name, path: path.write_bytes(b"%PDF-1.4"))
    assert written.exists() and text.render() == f"No printer is connected: 2 pages saved as {written}."


def test_labels_and_reports_print_in_hindi(qapp, db, staff, tmp_path):
    ids = [unit(db, staff, abo="A", rhd="+", code="FFP")]
    with db.read() as session:
        batch = label_content.bag_labels(session, ids)
        report = report_views.monthly(session, report_views.Period.month_of(datetime.now().date()), datetime.now(UTC))
    install_font_fallback(qapp)  # as the app starts: Devanagari from the system or the bundled Noto font
    install_language(qapp, "hi")
    try:
        labels.print_bag_labels(batch, pdf_path=tmp_path / "label-hi.pdf")
        reports.print_report(report, pdf_path=tmp_path / "report-hi.pdf")
    finally:
        install_language(qapp, "en")
    ((image, text),) = rasterise(tmp_path / "label-hi.pdf")
    assert len(scanned(image)) == 4  # the barcodes do not change with the language
    # Devanagari is drawn with a Devanagari font (never boxes); PDFium's text of shaped conjuncts is approximate,
    # so the words are checked by their plain parts
    for pdf, words in (("label-hi.pdf", ("लाइस", "सं.", "याशील")), ("report-hi.pdf", ("मा", "कुल"))):
        data = (tmp_path / pdf).read_bytes()
        assert b"Devanagari" in data, pdf
        ((_image, text), *_rest) = rasterise(tmp_path / pdf)
        assert all(word in text for word in words), (pdf, text)
