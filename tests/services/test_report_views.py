"""The reports' figures against a demo month the test builds itself and counts itself.

The test makes a month of donations (centre and camp, voluntary and replacement, some TTI reactive), separations,
deferrals, discards, an issue and a transfusion reaction through the factories and the services, keeping its own
tally of what it made; the reports must give back exactly that tally, and nothing from outside the period.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from bbms_desktop.errors import InvalidInput
from bbms_desktop.models import Centre, Deferral
from bbms_desktop.models.base import new_id
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.vocabulary import BLOOD_GROUPS, TTI_MARKERS, ComponentStatus, DonorType
from bbms_desktop.services import camps, report_views, screening
from bbms_desktop.services import components as comp
from bbms_desktop.services import transfusion as tx
from bbms_desktop.services.report_views import Period

from .factories import make_component, make_donation, make_donor, make_results, request_form

S = ComponentStatus
NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
AT = datetime(2026, 11, 28, 13, 0, tzinfo=UTC)
CODES = ("PRBC_SAGM", "FFP", "PLT_RDP")


def noon(day: date) -> datetime:
    """Midday of a calendar day in this machine's time zone (safely inside the day wherever the test runs)."""
    return datetime(day.year, day.month, day.day, 12, 0).astimezone()


@pytest.fixture
def month(db, staff):
    """A month of work, and the test's own count of it."""
    rng = random.Random(7)
    tally = {
        "centre": 0,
        "camps": 0,
        "volume": 0,
        "types": Counter(),
        "tti": Counter(),
        "tested": 0,
        "prepared": Counter(),
        "deferrals": Counter(),
        "discarded": Counter(),
        "groups": Counter(),
        "ages": Counter(),
        "units": [],
    }
    with db.unit_of_work(staff["quality_admin"], noon(date(2026, 11, 1))) as uow:
        camp = camps.plan_camp(
            uow, camps.CampForm("College camp", "Govt. College", date(2026, 11, 10), date(2026, 11, 10))
        )
    for n in range(16):
        day = date(2026, 11, 1 + n * 27 // 15)  # 1 to 28 November
        when = noon(day)
        in_camp = n % 3 == 0
        donor_type = DonorType.REPLACEMENT if n % 4 == 1 else DonorType.VOLUNTARY
        abo, rhd = rng.choice(["O", "A", "B", "AB"]), rng.choice(["+", "+", "-"])
        reactive = {"hiv": "reactive"} if n == 5 else {"hbsag": "reactive"} if n in (8, 11) else {}
        indeterminate = {"hcv": "indeterminate"} if n == 13 else {}
        dob = date(1970 + n * 3, 3, 1)
        with db.unit_of_work(staff["component_technician"], when) as uow:
            donor = make_donor(uow, sex="F" if n % 5 == 0 else "M", dob=dob)
            donor.donor_type = donor_type
            donor.blood_group = abo + rhd
            donation = make_donation(uow, donor, collected_at=when, camp_id=camp.id if in_camp else None)
            verifier = staff["lab_technician_2"]
            make_results(uow, donation, abo=abo, rhd=rhd, verified_by=verifier, **reactive, **indeterminate)
            status = S.UNSAFE if reactive or indeterminate else S.AVAILABLE
            for code in CODES[: 1 + n % 3]:
                unit = make_component(uow, donation, code=code, status=status, group=abo + rhd)
                tally["prepared"][code] += 1
                tally["units"].append((unit.id, code, status, unit.expires_at))
        tally["camps" if in_camp else "centre"] += 1
        tally["volume"] += 450
        tally["types"][donor_type.value] += 1
        tally["tested"] += 1
        for marker, result in (reactive | indeterminate).items():
            tally["tti"][(marker, result)] += 1
        tally["groups"][abo + rhd] += 1
        age = 2026 - dob.year - (1 if (day.month, day.day) < (dob.month, dob.day) else 0)
        tally["ages"][(age, "F" if n % 5 == 0 else "M")] += 1

    # outside the period: an October donation with a unit prepared in October, and an early-December deferral
    with db.unit_of_work(staff["component_technician"], noon(date(2026, 10, 20))) as uow:
        old = make_donation(uow, collected_at=noon(date(2026, 10, 20)))
        make_results(uow, old, verified_by=staff["lab_technician_2"])
        make_component(uow, old, code="FFP", status=S.AVAILABLE, group="O+")

    with db.unit_of_work(staff["medical_officer"], noon(date(2026, 11, 15))) as uow:
        for code, permanent in (("LOW_HB", False), ("LOW_HB", False), ("HEART_DISEASE", True)):
            donor = make_donor(uow)
            until = None if permanent else date(2027, 1, 15)
            screening.defer_donor(uow, donor.id, code, permanent=permanent, until=until, detail="Seen by MO")
            tally["deferrals"][(code, permanent)] += 1
    with db.unit_of_work(staff["medical_officer"], noon(date(2026, 12, 2))) as uow:
        screening.defer_donor(
            uow, make_donor(uow).id, "LOW_HB", permanent=False, until=date(2027, 2, 1), detail="Hb 11.2"
        )

    unsafe = [u for u in tally["units"] if u[2] == S.UNSAFE]
    available = [u for u in tally["units"] if u[2] == S.AVAILABLE and u[1] == "PRBC_SAGM"]
    with db.unit_of_work(staff["lab_technician"], noon(date(2026, 11, 20))) as uow:
        for unit_id, *_ in unsafe:
            comp.discard(uow, unit_id, "tti_reactive")
            tally["discarded"]["tti_reactive"] += 1
        comp.discard(uow, available[0][0], "leaked_or_damaged")
        tally["discarded"]["leaked_or_damaged"] += 1

    # an issue to an O+/A+ compatible patient and a reaction to it
    unit_id = available[1][0]
    with db.read() as session:
        group = session.get(comp.Component, unit_id).blood_group
    with db.unit_of_work(staff["issue_counter"], noon(date(2026, 11, 21))) as uow:
        request = tx.create_request(uow, request_form(patient_group="AB" + group[-1], units=1))
    with db.unit_of_work(staff["lab_technician"], noon(date(2026, 11, 21))) as uow:
        tx.crossmatch(uow, request.request_id, unit_id, "ahg", "compatible")
    with db.unit_of_work(staff["issue_counter"], noon(date(2026, 11, 21)) + timedelta(hours=1)) as uow:
        issued = tx.issue(uow, request.request_id, unit_id, "Ward boy Ramesh")
    with db.unit_of_work(staff["issue_counter"], noon(date(2026, 11, 21)) + timedelta(hours=3)) as uow:
        tx.record_reaction(
            uow, issued.issue_id, "febrile_non_haemolytic", "mild", noon(date(2026, 11, 21)) + timedelta(hours=2), None
        )
    tally["issued_unit"] = unit_id
    return tally


def test_the_monthly_report_counts_exactly_what_the_month_held(db, month):
    with db.read() as session:
        report = report_views.monthly(session, NOVEMBER, AT)
    assert report.centre_name == "Rakt Kosh Blood Centre, New Delhi" and report.period == NOVEMBER
    collections = report.section("collections")
    assert collections.value("centre") == month["centre"]
    assert collections.value("camps") == month["camps"]
    assert collections.value("total") == month["centre"] + month["camps"] == 16
    assert collections.value("total", 1) == month["volume"]

    types = report.section("donor_types")
    assert types.value("voluntary") == month["types"]["voluntary"]
    assert types.value("replacement") == month["types"]["replacement"]

    deferrals = report.section("deferrals")  # the December deferral is not in November
    assert deferrals.row("LOW_HB").values == (2, 0, 2)
    assert deferrals.row("HEART_DISEASE").values == (0, 1, 1)
    assert deferrals.value("total", 2) == sum(month["deferrals"].values()) == 3

    tti = report.section("tti")
    for marker in TTI_MARKERS:
        assert tti.row(marker).values == (
            month["tested"],
            month["tti"][(marker, "reactive")],
            month["tti"][(marker, "indeterminate")],
        ), marker
    assert tti.value("hbsag", 1) == 2 and tti.value("hiv", 1) == 1 and tti.value("hcv", 2) == 1

    prepared = report.section("prepared")  # the October FFP is not counted
    for code in CODES:
        assert prepared.value(code) == month["prepared"][code], code
    assert prepared.value("total") == sum(month["prepared"].values())

    assert report.section("issued").value("PRBC_SAGM") == 1
    assert report.section("issued").value("total") == 1
    discarded = report.section("discarded")
    assert discarded.value("tti_reactive") == month["discarded"]["tti_reactive"] > 0
    assert discarded.value("leaked_or_damaged") == 1
    assert discarded.value("total") == sum(month["discarded"].values())
    assert report.section("reactions").row("febrile_non_haemolytic").values == (1, 0)


def test_a_period_with_nothing_in_it_reports_zeros_and_a_backwards_period_is_refused(db, month):
    with db.read() as session:
        report = report_views.monthly(session, Period(date(2026, 9, 1), date(2026, 9, 30)), AT)
    assert report.section("collections").value("total") == 0
    assert report.section("prepared").value("total") == 0
    with pytest.raises(InvalidInput) as refused:
        Period(date(2026, 11, 30), date(2026, 11, 1))
    assert "must not be after the last" in refused.value.render()


def test_daily_stock_counts_available_units_by_component_and_group(db, month):
    now = AT
    with db.read() as session:
        report = report_views.daily_stock(session, now)
    in_stock = Counter()
    with db.read() as session:
        for unit_id, code, _status, expires in month["units"]:
            unit = session.get(comp.Component, unit_id)
            if unit.status == S.AVAILABLE and expires > now:
                in_stock[(code, unit.blood_group)] += 1
    in_stock[("FFP", "O+")] += 1  # the October plasma keeps a year
    stock = report.section("stock")
    for code in catalogue.CODES:
        expected = [in_stock[(code, g)] for g in BLOOD_GROUPS]
        assert stock.row(code).values == (*expected, sum(expected)), code
    assert stock.value("total", len(BLOOD_GROUPS)) == sum(in_stock.values())
    # platelets keep 5 days: the clean ones collected on 26 November expire within 72 hours of the 28th
    expiring = report.section("expiring")
    expected_soon = [
        uid
        for uid, code, status, expires in month["units"]
        if status == S.AVAILABLE and now < expires <= now + timedelta(hours=72)
    ]
    assert len(expiring.rows) == len(expected_soon) > 0
    assert all(row.values[0] == catalogue.CATALOGUE["PLT_RDP"].name for row in expiring.rows)


def test_donor_statistics_and_the_expiry_report(db, month):
    with db.read() as session:
        stats = report_views.donor_statistics(session, NOVEMBER, AT)
        expiry = report_views.expiry(session, Period(date(2026, 11, 1), date(2026, 12, 3)), AT)
    groups = stats.section("by_group")
    for group in BLOOD_GROUPS:
        assert groups.value(group) == month["groups"][group], group
    by_age = stats.section("by_age")
    for lo, hi in report_views.AGE_BANDS.value:
        men = sum(n for (age, sex), n in month["ages"].items() if lo <= age <= hi and sex == "M")
        women = sum(n for (age, sex), n in month["ages"].items() if lo <= age <= hi and sex == "F")
        assert by_age.row(f"{lo}-{hi}").values[:2] == (men, women), (lo, hi)
    assert by_age.value("total", 3) == 16
    first = stats.section("first_repeat")
    assert first.value("first_time") == 16 and first.value("repeat") == 0

    # platelets (5 days) of every November donation expire by 3 December; nothing else does
    platelets = [u for u in month["units"] if u[1] == "PLT_RDP"]
    summary = expiry.section("summary")
    assert summary.row("PLT_RDP").values[0] == len(platelets)
    assert summary.value("total") == len(platelets)
    wasted = [u for u in platelets if u[2] == S.UNSAFE]  # discarded as reactive
    still = [u for u in platelets if u[2] == S.AVAILABLE]
    assert summary.row("PLT_RDP").values[1:] == (0, len(wasted), len(still))
    assert len(expiry.section("units").rows) == sum(1 for u in still if u[3] <= AT) + len(wasted)


def test_csv_and_the_national_stock_export(db, month):
    with db.read() as session:
        report = report_views.monthly(session, NOVEMBER, AT)
        export = report_views.stock_export(session, AT)
    rows = list(csv.reader(io.StringIO(report_views.write_csv(report, "hi"))))
    assert rows[0][0] == "मासिक रिपोर्ट"
    assert next(row for row in rows if row and row[0] == "शिविरों में")[1] == str(month["camps"])

    data = json.loads(report_views.stock_export_json(export))
    assert data["format"] == "bbms-stock-export" and data["version"] == 1
    assert data["centre"] == {
        "code": "DL-RKS",
        "name": "Rakt Kosh Blood Centre, New Delhi",
        "fin": "G1234",
        "licence_number": "DL/BC/2019/123",
    }
    with db.read() as session:
        daily = report_views.daily_stock(session, AT)
    assert sum(line["available"] for line in data["stock"]) == daily.section("stock").value("total", 8)
    lines = list(csv.DictReader(io.StringIO(report_views.stock_export_csv(export))))
    assert tuple(lines[0]) == report_views.STOCK_CSV_COLUMNS
    assert len(lines) == len(catalogue.CODES) * len(BLOOD_GROUPS)
    assert sum(int(line["available"]) for line in lines) == sum(line["available"] for line in data["stock"])


def test_collections_over_time_has_every_day_and_the_months_donations(db, month):
    with db.read() as session:
        days = report_views.collections_over_time(session, NOVEMBER)
        months = report_views.collections_over_time(session, Period(date(2026, 6, 1), date(2026, 11, 30)))
    assert [p.label for p in days][:2] == ["2026-11-01", "2026-11-02"] and len(days) == 30
    assert sum(p.centre for p in days) == month["centre"] and sum(p.camps for p in days) == month["camps"]
    assert [p.label for p in months] == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
    assert months[-1].centre + months[-1].camps == 16 and months[-2].centre == 1  # the October donation


def test_another_centres_records_pulled_here_are_not_counted(db, month):
    """A synced database holds every centre's deferrals and other centres' donors: they are not this centre's."""
    other = new_id()
    with db.remote_apply(check_foreign_keys=False) as session:
        session.add(Centre(id=other, code="MH-PUNE", name="Pune Blood Centre", kind="blood_centre"))
        session.add(
            Deferral(
                centre_id=other,
                donor_id=new_id(),
                reason_code="LOW_HB",
                permanent=False,
                starts_on=date(2026, 11, 5),
                until=date(2026, 12, 5),
                decided_by_id=new_id(),
            )
        )
    with db.read() as session:
        report = report_views.monthly(session, NOVEMBER, AT)
    assert report.section("deferrals").row("LOW_HB").values == (2, 0, 2)
    assert report.centre_code == "DL-RKS"


def test_a_donor_who_gave_before_the_period_is_a_repeat_donor(db, staff, month):
    with db.unit_of_work(staff["component_technician"], noon(date(2026, 11, 3))) as uow:
        donor = make_donor(uow)
        make_donation(uow, donor, collected_at=noon(date(2026, 6, 3)))
        make_donation(uow, donor, collected_at=noon(date(2026, 11, 3)))
    with db.read() as session:
        first = report_views.donor_statistics(session, NOVEMBER, AT).section("first_repeat")
    assert (first.value("first_time"), first.value("repeat"), first.value("total")) == (16, 1, 17)
