from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bbms_desktop.errors import NotPermitted
from bbms_desktop.models import (
    AuditEvent,
    Deferral,
    Donation,
    Donor,
    LabResultSet,
    LabVerification,
    OutboxOp,
    ScreeningVisit,
)
from bbms_desktop.rules import eligibility, isbt128
from bbms_desktop.services import components, demo_data, donors, screening
from bbms_desktop.services.donors import DonorForm, MatchReason
from bbms_desktop.services.register_import import (
    ImportedDeferral,
    ImportedDonation,
    ImportedDonor,
    import_register,
)

from ..conftest import NOW

MODELS = (Donor, ScreeningVisit, Donation, LabResultSet, LabVerification, Deferral, AuditEvent, OutboxOp)
COLLECTED = datetime(2025, 3, 10, 5, 0, tzinfo=UTC)


def din(sequence: int, fin: str = "G1234", year: int = 25) -> str:
    return f"{fin}{year:02d}{sequence:06d}"


def donation(sequence: int, **changes) -> ImportedDonation:
    values = {
        "din": din(sequence),
        "collected_at": COLLECTED,
        "bag_type": "triple",
        "bag_volume_ml": 450,
        "collected_volume_ml": 452,
        "weight_kg": 68.5,
        "haemoglobin_g_dl": 14.1,
        "systolic_mmhg": 122,
        "diastolic_mmhg": 78,
        "pulse_per_min": 74,
        "temperature_c": 36.7,
        "tested_group": "B+",
        **{marker: "non_reactive" for marker in ("hiv", "hbsag", "hcv", "syphilis", "malaria")},
    }
    values.update(changes)
    return ImportedDonation(**values)


def donor(n: int, **changes) -> ImportedDonor:
    values = {
        "given_name": f"Imported{chr(ord('a') + n % 26)}",
        "family_name": "Patil",
        "sex": "M",
        "date_of_birth": date(1980, 1, 1) + timedelta(days=37 * n),
        "mobile": f"9{n:09d}"[:10] if n else "9000000001",
        "consent": True,
        "donations": (),
    }
    values.update(changes)
    return ImportedDonor(**values)


def counts(db) -> dict[str, int]:
    with db.read() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) for m in MODELS}


def run_import(db, actor, records, verifier, **kwargs):
    with db.unit_of_work(actor, now=NOW) as uow:
        return import_register(uow, records, verified_by=verifier, **kwargs)


@pytest.fixture
def importer(staff):
    return staff["quality_admin"]


@pytest.fixture
def verifier(staff):
    return staff["lab_technician"]


def test_a_small_import_writes_exactly_the_expected_rows_and_outbox_ops(db, importer, verifier):
    before = counts(db)
    records = [
        donor(
            1,
            blood_group="B pos",
            donations=(donation(11), donation(12, collected_at=COLLECTED + timedelta(days=120))),
            deferrals=(
                ImportedDeferral(
                    reason_code="low_hb", permanent=False, starts_on=date(2024, 6, 1), until=date(2024, 7, 1)
                ),
            ),
        ),
        donor(2, sex="F", family_name="Rao"),
    ]
    report = run_import(db, importer, records, verifier)

    assert (report.records, report.donors, report.donations, report.deferrals, report.batches) == (2, 2, 2, 1, 1)
    assert report.rejected == () and report.needs_review == ()
    assert (report.first_donor_number, report.last_donor_number) == ("DL-RKS-0000001", "DL-RKS-0000002")
    after = counts(db)
    written = {name: after[name] - before[name] for name in after}
    assert written == {
        "Donor": 2,
        "ScreeningVisit": 2,
        "Donation": 2,
        "LabResultSet": 2,
        "LabVerification": 2,
        "Deferral": 1,
        "AuditEvent": 1,
        "OutboxOp": 2 + 2 + 2 + 2 + 2 + 1 + 1,  # every row, the audit event included, captured once as an insert
    }
    with db.read() as s:
        first = s.scalars(select(Donor).where(Donor.donor_number == "DL-RKS-0000001")).one()
        assert (first.given_name, first.blood_group, first.needs_review, first.consent_given_at) == (
            "Importedb",
            "B+",
            False,
            COLLECTED,
        )
        visit = s.scalars(select(ScreeningVisit).where(ScreeningVisit.donor_id == first.id)).first()
        assert (visit.outcome, visit.answers, visit.reason_codes, visit.notes) == ("eligible", {}, [], "imported")
        assert visit.assessed_by_id == importer.user_id
        result = s.scalars(select(LabResultSet).join(Donation).where(Donation.din == din(11))).one()
        assert (result.interpreted_group, result.antibody_screen, result.hiv) == ("B+", "negative", "non_reactive")
        assert (result.anti_a, result.anti_b, result.a_cells, result.b_cells, result.anti_d) == (
            "neg",
            "pos",
            "pos",
            "neg",
            "pos",
        )
        deferral = s.scalars(select(Deferral).where(Deferral.donor_id == first.id)).one()
        assert (deferral.reason_code, deferral.permanent, deferral.until) == ("LOW_HB", False, date(2024, 7, 1))
        ops = s.scalars(select(OutboxOp).order_by(OutboxOp.op_seq.desc()).limit(written["OutboxOp"])).all()
        assert {op.kind for op in ops} == {"insert"}
        assert sorted({op.entity for op in ops}) == sorted(
            {"donors", "screening_visits", "donations", "lab_result_sets", "lab_verifications", "deferrals"}
            | {"audit_events"}
        )
        audit = s.scalars(select(AuditEvent).where(AuditEvent.action == "import_register")).one()
        assert audit.user_id == importer.user_id
        assert audit.details["donors"] == 2 and audit.details["donations"] == 2 and audit.details["rejected"] == []
        assert audit.details["first_donor_number"] == "DL-RKS-0000001"
        assert audit.details["last_donor_number"] == "DL-RKS-0000002"
        assert audit.details["verified_by"] == str(verifier.user_id)


def test_bad_records_are_rejected_with_their_message_and_nothing_of_them_saved(db, importer, verifier):
    good_din = din(21)
    wrong_check = isbt128.check_character(din(22))
    wrong_check = "A" if wrong_check != "A" else "B"
    records = [
        donor(1, donations=(donation(21),)),
        donor(2, donations=(donation(22, din=din(22) + wrong_check),)),  # typed with a wrong check character
        donor(3, date_of_birth=NOW.date() + timedelta(days=3)),  # born in the future
        donor(4, donations=(donation(23, din="G12342500002"),)),  # 12 characters
        donor(5, donations=(donation(24, din=din(24, fin="H9999")),)),  # another centre's bag, not marked external
        donor(6, donations=(donation(25, haemoglobin_g_dl=41.0),)),  # impossible reading
        donor(7, donations=(donation(26), donation(27, tested_group="O+"))),  # grouped two ways
        donor(8, donations=(donation(28, collected_at=NOW + timedelta(hours=2)),)),
        donor(9, donations=(donation(29, din=din(24, fin="H9999"), external=True),)),  # external: accepted
    ]
    before = counts(db)
    report = run_import(db, importer, records, verifier, batch_size=4)

    rejected = {r.index: (r.field, r.message.render()) for r in report.rejected}
    assert sorted(rejected) == [1, 2, 3, 4, 5, 6, 7]
    assert (
        rejected[1][0] == "donations[0].din"
        and f"but this DIN's is {isbt128.check_character(din(22))}" in (rejected[1][1])
    )
    assert rejected[2][0] == "date_of_birth" and "is in the future" in rejected[2][1]
    assert rejected[3][0] == "donations[0].din" and "has 12 characters" in rejected[3][1]
    assert rejected[4][0] == "donations[0].din" and "belongs to facility H9999" in rejected[4][1]
    assert rejected[5][0] == "donations[0].haemoglobin_g_dl" and "41.0" in rejected[5][1]
    assert rejected[6][0] == "donations[1].tested_group" and "grouped O+" in rejected[6][1]
    assert rejected[7][0] == "donations[0].collected_at" and "in the future" in rejected[7][1]
    assert report.donors == 2 and report.donations == 2

    after = counts(db)
    assert after["Donor"] - before["Donor"] == 2
    assert after["Donation"] - before["Donation"] == 2
    assert after["LabResultSet"] - before["LabResultSet"] == 2
    with db.read() as s:
        assert set(s.scalars(select(Donation.din))) == {good_din, din(24, fin="H9999")}
        names = set(s.scalars(select(Donor.given_name)))
        assert names == {records[0].given_name, records[8].given_name}
        audits = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "import_register").order_by(AuditEvent.device_seq)
        ).all()
        assert [a.details["rejected"] for a in audits] == [[1, 2, 3], [4, 5, 6, 7], []]


def test_a_din_already_used_or_given_twice_is_rejected(db, importer, verifier):
    run_import(db, importer, [donor(1, donations=(donation(31),))], verifier)
    before = counts(db)
    report = run_import(
        db,
        importer,
        [
            donor(2, donations=(donation(31),)),  # already in the database
            donor(3, donations=(donation(32),)),
            donor(4, donations=(donation(32),)),  # the same bag as the record before it
            donor(5, donations=(donation(33), donation(33))),  # twice in one record
        ],
        verifier,
    )
    messages = {r.index: r.message.render() for r in report.rejected}
    assert messages == {
        0: f"DIN {din(31)} is already used for another donation.",
        2: f"DIN {din(32)} is already used for another donation.",
        3: f"DIN {din(33)} appears more than once in this import: each bag has its own DIN; check the file.",
    }
    after = counts(db)
    assert (after["Donor"] - before["Donor"], after["Donation"] - before["Donation"]) == (1, 1)


def test_duplicates_are_imported_for_review_not_merged(db, staff, importer, verifier):
    with db.unit_of_work(staff["registrar"], now=NOW) as uow:
        existing = donors.register_donor(
            uow,
            DonorForm(
                given_name="Sunita",
                family_name="Deshmukh",
                sex="F",
                date_of_birth=date(1988, 8, 8),
                mobile="9822000001",
                id_document_type="aadhaar",
                id_document_number="2345 6789 0124",
                consent=True,
            ),
        )
    records = [
        donor(1, mobile="+91 98220 00001"),  # same mobile as the donor on file
        donor(2, given_name="Sunita", family_name="Deshmukh", sex="F", date_of_birth=date(1988, 8, 8), mobile=None),
        donor(3, id_document_type="aadhaar", id_document_number="234567890124", mobile="9000000301"),
        donor(4, given_name="Kiran", family_name="More", date_of_birth=date(1990, 2, 2), mobile="9000000401"),
        donor(5, given_name="kiran ", family_name="more", date_of_birth=date(1990, 2, 2), mobile="9000000501"),
        donor(6, mobile="9000000401"),  # the mobile of record 3, one batch later
    ]
    report = run_import(db, importer, records, verifier, batch_size=5)

    flags = {f.index: (f.reasons, f.matches) for f in report.needs_review}
    numbers = {i: f"DL-RKS-{i + 2:07d}" for i in range(6)}  # the registered donor took number 1
    assert flags == {
        0: ((MatchReason.MOBILE,), (existing.donor_number,)),
        1: ((MatchReason.NAME_DOB_SEX,), (existing.donor_number,)),
        2: ((MatchReason.ID_DOCUMENT,), (existing.donor_number,)),
        4: ((MatchReason.NAME_DOB_SEX,), (numbers[3],)),
        5: ((MatchReason.MOBILE,), (numbers[3],)),
    }
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Donor)) == 7  # nothing merged, nothing dropped
        review = dict(s.execute(select(Donor.donor_number, Donor.needs_review)).all())
        assert review == {existing.donor_number: False, **{numbers[i]: i in flags for i in range(6)}}
        assert s.scalar(select(Donor.merged_into_id).where(Donor.merged_into_id.is_not(None))) is None


def test_imported_donors_are_found_by_search_by_din_mobile_number_and_name(db, importer, verifier):
    report = run_import(
        db,
        importer,
        [donor(1, given_name="Lalitha", family_name="Iyer", sex="F", mobile="9845012345", donations=(donation(41),))],
        verifier,
    )
    number = report.first_donor_number
    with db.read() as s:
        for typed, matched_by in [
            (f"={din(41)}{isbt128.check_flags(din(41))}", "din"),
            (din(41), "din"),
            ("+91 98450 12345", "mobile"),
            (number.lower(), "donor_number"),
            ("lali", "name"),
            ("iyer", "name"),
        ]:
            found = donors.search(s, typed)
            assert [(d.donor_number, d.matched_by) for d in found] == [(number, matched_by)], typed
            assert found[0].blood_group == "B+"


def test_a_donor_imported_with_a_permanent_deferral_is_stopped_at_screening(db, staff, importer, verifier):
    record = donor(
        1,
        donations=(donation(51),),
        deferrals=(ImportedDeferral(reason_code="HIGH_RISK_BEHAVIOUR", permanent=True, starts_on=date(2025, 3, 10)),),
    )
    run_import(db, importer, [record], verifier)
    with db.read() as s:
        donor_id = s.scalar(select(Donor.id))
    answers = {
        q.code: (not q.defers_on if q.kind == eligibility.AnswerKind.YES_NO else None)
        for q in eligibility.applicable_questions("M", "whole_blood")
    }
    form = screening.ScreeningForm(
        bag_volume_ml=450,
        weight_kg=70,
        haemoglobin_g_dl=14.5,
        systolic_mmhg=120,
        diastolic_mmhg=80,
        pulse_per_min=72,
        pulse_regular=True,
        temperature_c=36.8,
        answers=answers,
    )
    with db.unit_of_work(staff["medical_officer"], now=NOW) as uow:
        result = screening.screen(uow, donor_id, form)
    assert not result.eligible and result.permanent
    assert "DEFERRAL_ACTIVE" in [r.code for r in result.reasons]


def test_a_reactive_imported_result_defers_the_donor_as_the_laboratory_would(db, importer, verifier):
    report = run_import(db, importer, [donor(1, donations=(donation(61, hiv="reactive"),))], verifier)
    assert report.deferrals == 1
    with db.read() as s:
        donor_row = s.scalars(select(Donor)).one()
        deferral = s.scalars(select(Deferral)).one()
        donation_id = s.scalar(select(Donation.id))
        assert (deferral.reason_code, deferral.permanent, deferral.until) == ("TTI_HIV_REACTIVE", True, None)
        assert (deferral.donation_id, deferral.starts_on) == (donation_id, COLLECTED.astimezone().date())
        assert donor_row.blood_group is None  # the laboratory records a group only from clean results
        assert donors.history(s, donor_row.id, on=NOW.date()).active_deferrals[0].reason_code == "TTI_HIV_REACTIVE"


def test_the_importing_user_may_not_verify_the_imported_results(db, staff, importer):
    before = counts(db)
    with pytest.raises(NotPermitted) as refused:
        run_import(db, importer, [donor(1, donations=(donation(71),))], importer)
    assert refused.value.code == "same_user"
    assert "you cannot also be their verifier" in refused.value.render()
    with pytest.raises(NotPermitted) as refused:
        run_import(db, importer, [donor(1, donations=(donation(71),))], staff["registrar"])
    assert "(Registrar) may not verify laboratory results" in refused.value.render()
    assert counts(db) == before


def test_only_a_user_who_may_register_donors_and_view_the_audit_may_import(db, staff, verifier):
    before = counts(db)
    for role in ("registrar", "lab_technician_2"):
        with pytest.raises(NotPermitted):
            run_import(db, staff[role], [donor(1)], verifier)
    assert counts(db) == before


def test_imported_results_count_as_verified_by_a_second_person(db, importer, verifier):
    run_import(db, importer, [donor(1, donations=(donation(81),))], verifier)
    with db.read() as s:
        donation_id = s.scalar(select(Donation.id))
        status = components.lab_status(s, donation_id)
        result = s.get(LabResultSet, status.result_set_id)
        verification = s.scalars(select(LabVerification)).one()
        assert status.verified and status.blockers == () and status.group == "B+"
        assert (result.entered_by_id, verification.verified_by_id) == (importer.user_id, verifier.user_id)


def test_old_donor_numbers_are_kept_when_asked_and_unique(db, importer, verifier):
    run_import(db, importer, [donor(1, legacy_number="OLD/1")], verifier, keep_legacy_numbers=True)
    before = counts(db)
    report = run_import(
        db,
        importer,
        [
            donor(2, legacy_number=" old/2 "),
            donor(3, legacy_number="OLD/1"),  # taken by the first import
            donor(4, legacy_number="OLD/2"),  # taken earlier in this import
            donor(5, legacy_number="DL-RKS-0000009"),  # this centre's own form of number
            donor(6),  # no old number: the next number of this centre
        ],
        verifier,
        keep_legacy_numbers=True,
    )
    assert {r.index: r.field for r in report.rejected} == {1: "legacy_number", 2: "legacy_number", 3: "legacy_number"}
    assert "Donor number OLD/1 is already used" in report.rejected[0].message.render()
    assert counts(db)["Donor"] - before["Donor"] == 2
    with db.read() as s:
        assert set(s.scalars(select(Donor.donor_number))) == {"OLD/1", "OLD/2", "DL-RKS-0000001"}


def test_an_import_of_nothing_but_bad_records_saves_only_its_audit(db, importer, verifier):
    before = counts(db)
    report = run_import(db, importer, [replace(donor(1), consent=False)], verifier)
    assert [(r.index, r.field) for r in report.rejected] == [(0, "consent")]
    after = counts(db)
    assert {k: after[k] - before[k] for k in after} == {
        **{m.__name__: 0 for m in MODELS},
        "AuditEvent": 1,
        "OutboxOp": 1,
    }


def test_demo_data_imports_the_older_history_and_runs_the_recent_weeks_through_the_services(db):
    report = demo_data.build(db, donors=150, seed=4, now=NOW)
    assert report["donors"] == 150 and report["import_rejected"] == 0
    assert 0 < report["imported_donors"] < 150  # the older history imported, the recent weeks and the camp not
    with db.read() as s:
        entered = s.execute(
            select(LabResultSet.notes, func.count()).group_by(LabResultSet.notes).order_by(LabResultSet.notes)
        ).all()
        imported = dict(entered).get("imported", 0)
        assert imported == s.scalar(select(func.count()).select_from(Donation).where(Donation.notes == "imported"))
        assert 0 < imported < report["collected"]
        assert s.scalar(select(func.count()).select_from(Donor)) == 150
        # every donation, imported or not, counts as tested only with a second person's verification; only today's
        # bench (collected this morning) still waits for results or for the second technician
        unverified = [d for d in s.scalars(select(Donation.id)) if not components.lab_status(s, d).verified]
        bench = report["on_the_bench"]
        assert len(unverified) == bench["collected"] + bench["entered"] > 0


@pytest.mark.parametrize("hour_minute", [(0, 40), (2, 15)])
def test_demo_data_builds_in_the_small_hours(db, hour_minute):
    """Today's bench is bled over the six hours before now and the recent weeks end eight hours before now: run after
    midnight, a visit made up that way started the evening before and collection refused it, so `demo-data` (and
    the benchmarks' 1,000,000-donor profile) could not be built in the small hours. Each visit now stays on
    one calendar day."""
    from datetime import time

    moment = datetime.combine(date(2026, 3, 10), time(*hour_minute)).astimezone()
    report = demo_data.build(db, donors=300, seed=5, now=moment)  # the fewest that still have today's bench
    assert sum(report["on_the_bench"].values()) > 0
    assert report["donors"] == 300 and report["import_rejected"] == 0
    with db.read() as s:
        for visited, bled in s.execute(
            select(ScreeningVisit.visited_at, Donation.bleed_start).join(
                Donation, Donation.visit_id == ScreeningVisit.id
            )
        ):
            assert donors.local_date(visited) == donors.local_date(bled) and bled <= moment


def test_a_visit_that_would_run_past_midnight_ends_a_minute_before_it():
    late = datetime(2026, 3, 9, 23, 50).astimezone()
    takes = timedelta(minutes=35)
    start = donors.visit_on_one_day(late, takes)
    assert start + takes == datetime(2026, 3, 9, 23, 59).astimezone()
    assert donors.visit_on_one_day(late - timedelta(hours=1), takes) == late - timedelta(hours=1)  # fits: unchanged
