"""The printing and reporting desk, driven through the real window.

The component technician separates a cleared donation and prints its batch of labels from the components page:
with no printer connected the batch goes to a PDF in the profile, one page per unit, and every DIN barcode scans.
The quality administrator opens the Reports page, shows the monthly report, exports it to CSV and PDF, and takes
the stock export for the national portal; the dashboard and the Reports page draw their charts.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, Qt

from bbms_desktop.rules import isbt128
from bbms_desktop.services.report_views import Period
from tests.services.factories import make_donation, make_results
from tests.ui.conftest import scan, wait_idle
from tests.ui.test_printing import rasterise, scanned


def test_labels_are_printed_as_a_batch_after_separation(qtbot, db, staff, open_window):
    with db.unit_of_work(staff["phlebotomist"]) as uow:
        donation = make_donation(uow, bag_type="quadruple_sagm", collected_at=datetime.now(UTC) - timedelta(hours=1))
        make_results(uow, donation, abo="A", rhd="-", verified_by=staff["lab_technician_2"])
        din = donation.din
    window = open_window("component_technician")
    page = window.open_page("components")
    wait_idle(qtbot)
    scan(qtbot, page.din, isbt128.format_for_barcode(din, isbt128.check_flags(din)))
    wait_idle(qtbot)
    qtbot.mouseClick(page.option_buttons[0], Qt.MouseButton.LeftButton)
    made = [code for code, _ in page.chosen_parts()]
    qtbot.mouseClick(page.separate_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert "released to stock" in page.message.text()
    assert page.print_button.isEnabled() and page.print_button.isVisible()
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    pdf = page.last_printout
    assert pdf is not None and pdf.parent == window.ctx.profile / "printouts"
    assert f"{len(made)} pages saved as" in page.message.text()
    pages = rasterise(pdf)
    assert len(pages) == len(made)
    for image, _text in pages:
        codes = scanned(image)
        assert isbt128.format_for_barcode(din, isbt128.check_flags(din)) in codes
        assert isbt128.format_blood_group("A-") in codes


def test_reports_are_shown_exported_and_printed(qtbot, db, staff, open_window, tmp_path):
    with db.unit_of_work(staff["phlebotomist"]) as uow:
        for _ in range(3):
            make_donation(uow, collected_at=datetime.now(UTC) - timedelta(minutes=30))
    window = open_window("quality_admin")
    dashboard = window.open_page("dashboard")
    wait_idle(qtbot)
    assert dashboard.stock_chart.chart().title() == "Available units by blood group"
    page = window.open_page("reports")
    wait_idle(qtbot)
    assert "Daily stock report" in page.view.toPlainText()
    page.kind.setCurrentIndex(page.kind.findData("monthly"))
    today = datetime.now().astimezone().date()
    month = Period.month_of(today)
    page.first.setDate(QDate(month.first.year, month.first.month, month.first.day))
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert page.report.kind == "monthly"
    assert page.report.section("collections").value("total") == 3
    assert "In the centre" in page.view.toPlainText()
    assert sum(p.centre for p in page.chart.points) == 3

    page.save_csv(tmp_path / "monthly.csv")
    rows = list(csv.reader((tmp_path / "monthly.csv").open(encoding="utf-8-sig")))
    assert ["In the centre", "3", "1350"] in rows
    page.save_pdf(tmp_path / "monthly.pdf")
    assert "Monthly report" in rasterise(tmp_path / "monthly.pdf")[0][1]
    printed = page.print_report()  # no printer connected: a PDF in the profile
    assert printed is not None and printed.exists()

    page.save_portal_export(tmp_path / "stock.json")
    wait_idle(qtbot)
    assert json.loads((tmp_path / "stock.json").read_text())["format"] == "bbms-stock-export"

    # a period that runs backwards is refused in words, and nothing is shown for it
    page.first.setDate(QDate(today.year + 1, 1, 1))
    page.last.setDate(QDate(today.year, 1, 1))
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page.message.kind == "error" and "must not be after the last" in page.message.text()


def test_roles_without_reports_do_not_see_the_page(qtbot, db, staff, open_window):
    assert "reports" not in open_window("phlebotomist").workspace.visible_ids()
    window = open_window("registrar")
    assert "reports" not in window.workspace.visible_ids()
