from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from bbms_desktop.errors import InvalidInput, NotPermitted
from bbms_desktop.models import AuditEvent, Deferral, Donor, OutboxOp
from bbms_desktop.rules import isbt128
from bbms_desktop.services import donors
from bbms_desktop.services.donors import DonorForm, MatchReason, PossibleDuplicate

from ..conftest import NOW
from .factories import make_donation, make_donor

AADHAAR = "2345 6789 0124"  # valid Verhoeff check digit
OTHER_AADHAAR = "498765432102"

FORM = DonorForm(
    given_name="  Asha ",
    family_name="Verma",
    guardian_name="Ramesh Verma",
    sex="F",
    date_of_birth=date(1995, 3, 14),
    mobile="+91 98765 43210",
    email="asha@example.in",
    address="12 Lodhi Road",
    pincode="110003",
    district="New Delhi",
    state="Delhi",
    id_document_type="aadhaar",
    id_document_number=AADHAAR,
    abha_id="12-3456-7890-1234",
    donor_type="voluntary",
    consent=True,
)


def counts(db):
    with db.read() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) for m in (Donor, OutboxOp, AuditEvent)}


def register(db, actor, form=FORM, **kwargs):
    with db.unit_of_work(actor, now=NOW) as uow:
        return donors.register_donor(uow, form, **kwargs)


def test_registering_a_donor_stores_normalised_numbers_and_a_centre_donor_number(db, staff):
    before = counts(db)
    result = register(db, staff["registrar"])
    assert result.donor_number == "DL-RKS-0000001"
    assert result.acknowledged_duplicates == ()
    with db.read() as s:
        donor = s.get(Donor, result.id)
        assert (donor.given_name, donor.mobile, donor.id_document_number, donor.abha_id) == (
            "Asha",
            "9876543210",
            "234567890124",
            "12345678901234",
        )
        assert (donor.name_key, donor.family_key) == ("asha verma", "verma")
        assert donor.consent_given_at == NOW
        assert donor.blood_group is None
        audit = s.scalars(select(AuditEvent).where(AuditEvent.row_id == donor.id)).one()
        assert audit.action == "register_donor" and audit.details["acknowledged_duplicates"] == []
        assert s.scalar(select(OutboxOp).where(OutboxOp.row_id == donor.id)).kind == "insert"
    assert counts(db)["Donor"] == before["Donor"] + 1
    assert register(
        db,
        staff["registrar"],
        replace(FORM, mobile=None, id_document_type=None, id_document_number=None, given_name="Usha"),
    ).donor_number == ("DL-RKS-0000002")


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"given_name": "   "}, "given_name", "given name"),
        ({"given_name": "A" * 101}, "given_name", "at most 100"),
        ({"sex": "male"}, "sex", "male, female or other"),
        ({"date_of_birth": date(2026, 11, 23)}, "date_of_birth", "in the future"),
        ({"date_of_birth": date(1890, 1, 1)}, "date_of_birth", "136 years old"),
        ({"mobile": "5876543210"}, "mobile", "starting with 6, 7, 8 or 9"),
        ({"mobile": "98765 4321"}, "mobile", "10 digits"),
        ({"email": "asha.example.in"}, "email", "asha.example.in"),
        ({"pincode": "11003"}, "pincode", "6 digits"),
        ({"pincode": "010003"}, "pincode", "does not start with 0"),
        ({"id_document_number": "2345 6789 0125"}, "id_document_number", "check digit"),
        ({"id_document_number": "2345 6789 012"}, "id_document_number", "12 digits (it has 11)"),
        ({"id_document_number": "134567890124"}, "id_document_number", "cannot start with 0 or 1"),
        ({"id_document_number": None}, "id_document_number", "Aadhaar card"),
        ({"id_document_type": None}, "id_document_type", "belongs to"),
        ({"id_document_type": "ration_card"}, "id_document_type", "kind of identity document"),
        ({"abha_id": "12-3456-7890-123"}, "abha_id", "14 digits"),
        ({"donor_type": "paid"}, "donor_type", "voluntary or a replacement"),
        ({"consent": False}, "consent", "consent is required"),
    ],
)
def test_each_invalid_field_is_refused_naming_the_field_and_nothing_is_saved(db, staff, changes, field, fragment):
    before = counts(db)
    with pytest.raises(InvalidInput) as refused:
        register(db, staff["registrar"], replace(FORM, **changes))
    assert refused.value.field == field
    assert fragment in refused.value.render()
    assert counts(db) == before


@pytest.mark.parametrize(
    "typed", ["9876543210", "+919876543210", "+91 98765 43210", "098765 43210", "919876543210", "0091 98765-43210"]
)
def test_indian_mobile_numbers_are_accepted_in_every_usual_format_and_stored_as_ten_digits(typed):
    assert donors.normalise_mobile(typed) == "9876543210"


@pytest.mark.parametrize("typed", ["5876543210", "987654321", "98765432101", "+1 9876543210", "98765abcde", ""])
def test_numbers_that_are_not_indian_mobiles_are_not_normalised(typed):
    assert donors.normalise_mobile(typed) is None


def test_verhoeff_matches_published_examples_and_catches_every_typo_and_adjacent_swap():
    assert [donors.verhoeff_check_digit(d) for d in ("236", "12345", "142857")] == ["3", "1", "0"]
    assert donors.verhoeff_valid("2363") and not donors.verhoeff_valid("2364")
    for number in ("234567890124", "498765432102", "712345678908"):
        assert donors.verhoeff_valid(number)
        for i, digit in enumerate(number):
            for other in "0123456789":
                if other != digit:
                    assert not donors.verhoeff_valid(number[:i] + other + number[i + 1 :])
        for i in range(len(number) - 1):
            if number[i] != number[i + 1]:
                swapped = number[:i] + number[i + 1] + number[i] + number[i + 2 :]
                assert not donors.verhoeff_valid(swapped)


def test_the_same_aadhaar_stops_registration_as_a_possible_duplicate_and_saves_nothing(db, staff):
    first = register(db, staff["registrar"])
    before = counts(db)
    other_person = replace(
        FORM,
        given_name="Sunita",
        family_name="Rao",
        mobile="9123456780",
        date_of_birth=date(1980, 1, 1),
        id_document_number="234567890124",
    )
    with pytest.raises(PossibleDuplicate) as stopped:
        register(db, staff["registrar"], other_person)
    [candidate] = stopped.value.candidates
    assert (candidate.donor_id, candidate.reasons) == (first.id, (MatchReason.ID_DOCUMENT,))
    assert first.donor_number in stopped.value.render()
    assert "same identity document" in candidate.why.render()
    assert counts(db) == before


def test_same_name_dob_and_sex_matches_whatever_the_case_and_spacing(db, staff):
    first = register(db, staff["registrar"])
    retyped = replace(
        FORM,
        given_name="ASHA",
        family_name="  verma ",
        mobile=None,
        id_document_type=None,
        id_document_number=None,
        abha_id=None,
    )
    with db.read() as s:
        [candidate] = donors.find_duplicates(s, retyped)
        assert (candidate.donor_id, candidate.reasons) == (first.id, (MatchReason.NAME_DOB_SEX,))
        assert donors.find_duplicates(s, replace(retyped, sex="M")) == []
        assert donors.find_duplicates(s, replace(retyped, date_of_birth=date(1995, 3, 15))) == []


def test_the_same_mobile_in_another_format_is_a_possible_duplicate_and_all_reasons_are_listed(db, staff):
    first = register(db, staff["registrar"])
    with db.read() as s:
        [by_mobile] = donors.find_duplicates(
            s, DonorForm(given_name="Ravi", sex="M", date_of_birth=date(1970, 1, 1), mobile="098765-43210")
        )
        assert (by_mobile.donor_id, by_mobile.reasons) == (first.id, (MatchReason.MOBILE,))
        [everything] = donors.find_duplicates(s, FORM)
        assert set(everything.reasons) == set(MatchReason)


def test_a_partly_filled_form_is_checked_on_what_can_be_matched(db, staff):
    first = register(db, staff["registrar"])
    partial = DonorForm(
        given_name="",
        sex="",
        date_of_birth=None,
        mobile="98765 43210",
        id_document_type="aadhaar",
        id_document_number="12",
    )
    with db.read() as s:
        assert [c.donor_id for c in donors.find_duplicates(s, partial)] == [first.id]


def test_registering_anyway_after_checking_the_candidates_is_audited_with_them(db, staff):
    first = register(db, staff["registrar"])
    twin = replace(FORM, given_name="Asha", id_document_number=OTHER_AADHAAR, mobile="9123456780", abha_id=None)
    second = register(db, staff["registrar"], twin, acknowledged_duplicates=True)
    assert second.acknowledged_duplicates == (first.donor_number,)
    with db.read() as s:
        audit = s.scalars(select(AuditEvent).where(AuditEvent.row_id == second.id)).one()
        assert audit.details["acknowledged_duplicates"] == [
            {"donor_id": str(first.id), "donor_number": first.donor_number, "reasons": ["name_dob_sex"]}
        ]


def test_a_merged_record_is_reported_as_its_survivor_and_a_voided_one_not_at_all(db, staff):
    mo = staff["medical_officer"]
    with db.unit_of_work(mo, now=NOW) as uow:
        survivor = make_donor(uow, name="Kiran", family="Das", mobile="9000000001")
        merged = make_donor(uow, name="Kiran", family="Dass", mobile="9000000002")
        voided = make_donor(uow, name="Kiran", family="Dos", mobile="9000000003")
        uow.session.flush()
        merged.merged_into_id = survivor.id
        voided.voided_at, voided.void_reason = NOW, "registered in error"
    with db.read() as s:
        found = donors.find_duplicates(s, DonorForm(given_name="x", sex="M", date_of_birth=None, mobile="9000000002"))
        assert [c.donor_id for c in found] == [survivor.id]
        assert (
            donors.find_duplicates(s, DonorForm(given_name="x", sex="M", date_of_birth=None, mobile="9000000003")) == []
        )


def test_registering_needs_the_register_donor_permission(db, staff):
    before = counts(db)
    with pytest.raises(NotPermitted):
        register(db, staff["lab_technician"])
    assert counts(db) == before


def test_correcting_demographics_normalises_updates_the_name_keys_and_audits_old_and_new(db, staff):
    donor = register(db, staff["registrar"])
    with db.unit_of_work(staff["registrar"], now=NOW) as uow:
        updated = donors.update_demographics(
            uow, donor.id, family_name="Sharma", mobile="0 91234 56780", district="New Delhi"
        )
    assert set(updated.changed) == {"family_name", "mobile"}
    with db.read() as s:
        row = s.get(Donor, donor.id)
        assert (row.mobile, row.name_key, row.family_key) == ("9123456780", "asha sharma", "sharma")
        audit = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "update_donor_demographics", AuditEvent.row_id == donor.id)
        ).one()
        assert audit.details["changes"] == {
            "family_name": {"old": "Verma", "new": "Sharma"},
            "mobile": {"old": "9876543210", "new": "9123456780"},
        }
        update_op = s.scalars(select(OutboxOp).where(OutboxOp.row_id == donor.id, OutboxOp.kind == "update")).one()
        assert set(update_op.fields) == {"family_name", "mobile", "name_key", "family_key", "updated_at"}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"blood_group": "O+"}, "blood_group"),
        ({"donor_number": "DL-RKS-9999999"}, "donor_number"),
        ({"deferrals": []}, "deferrals"),
        ({"merged_into_id": None}, "merged_into_id"),
        ({"favourite_colour": "red"}, "favourite_colour"),
        ({"mobile": "12345"}, "mobile"),
        ({"date_of_birth": date(2030, 1, 1)}, "date_of_birth"),
    ],
)
def test_blood_group_deferrals_and_donor_number_can_never_be_set_as_demographics(db, staff, changes, field):
    donor = register(db, staff["registrar"])
    before = counts(db)
    with pytest.raises(InvalidInput) as refused, db.unit_of_work(staff["registrar"], now=NOW) as uow:
        donors.update_demographics(uow, donor.id, **changes)
    assert refused.value.field == field
    assert counts(db) == before
    with db.read() as s:
        row = s.get(Donor, donor.id)
        assert (row.blood_group, row.donor_number, row.mobile) == (None, donor.donor_number, "9876543210")


def test_search_finds_a_donor_by_number_mobile_din_or_name_prefix(db, staff):
    asha = register(db, staff["registrar"])
    with db.unit_of_work(staff["medical_officer"], now=NOW) as uow:
        ravi = make_donor(uow, name="Ravi", family="Kumar", mobile="9811111111")
        donation = make_donation(uow, ravi, din="G123426000777")
        ravi_id, din = ravi.id, donation.din
    with db.read() as s:

        def ids(text):
            return [d.id for d in donors.search(s, text)]

        assert ids(asha.donor_number.lower()) == [asha.id]
        assert ids("+91 98765 43210") == ids("09876543210") == [asha.id]
        assert ids(din) == ids(isbt128.format_for_barcode(din, isbt128.check_flags(din))) == [ravi_id]
        assert ids(f"{din}{isbt128.check_character(din)}") == ids("G1234 26 000777") == [ravi_id]
        assert ids("as") == ids("ASHA V") == ids("verm") == [asha.id]
        assert ids("kum") == ids("Ravi") == [ravi_id]
        assert ids("sha") == [] and ids("   ") == []
        assert donors.search(s, "ravi")[0].matched_by == "name"
        assert donors.search(s, din)[0].matched_by == "din"


def test_search_returns_the_survivor_of_a_merge_never_the_merged_record(db, staff):
    with db.unit_of_work(staff["medical_officer"], now=NOW) as uow:
        survivor = make_donor(uow, name="Meena", family="Iyer", mobile="9822222222")
        merged = make_donor(uow, name="Meena", family="Ayer", mobile="9833333333")
        uow.session.flush()
        merged.merged_into_id = survivor.id
    with db.read() as s:
        assert [d.id for d in donors.search(s, "meena")] == [survivor.id]
        assert [d.id for d in donors.search(s, "ayer")] == [survivor.id]
        assert [d.id for d in donors.search(s, "9833333333")] == [survivor.id]


def test_search_uses_only_index_lookups_and_prefix_ranges_never_a_table_scan(db, staff):
    register(db, staff["registrar"])
    statements = []

    def record(sql):  # SQLite's own trace sees every statement, whichever layer sends it (with values inlined)
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append(sql)

    with db.read() as s:
        driver = s.connection().connection.driver_connection
        driver.set_trace_callback(record)
        try:
            for text in ("DL-RKS-0000001", "98765 43210", "=G12342600077700", "asha", "verma"):
                donors.search(s, text)
        finally:
            driver.set_trace_callback(None)
    assert len(statements) >= 5
    with db.engine.connect() as conn:
        for statement in statements:
            plan = " | ".join(row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement))
            assert "SCAN" not in plan and "LIKE" not in statement.upper(), (statement, plan)
            if "name_key >=" in statement:
                assert "ix_donors_name_key" in plan
            if "family_key >=" in statement:
                assert "ix_donors_family_key" in plan


def test_history_lists_visits_donations_deferrals_the_group_and_the_last_whole_blood_date(db, staff):
    mo = staff["medical_officer"]
    with db.unit_of_work(mo, now=NOW) as uow:
        donor = make_donor(uow, name="Vikram", family="Singh")
        old = make_donation(uow, donor, din="G123426000101", collected_at=NOW - timedelta(days=200))
        recent = make_donation(uow, donor, din="G123426000102", collected_at=NOW - timedelta(days=40))
        uow.session.flush()
        donor.blood_group = "B+"
        for code, permanent, until in (("HB_LOW", False, date(2026, 6, 2)), ("TATTOO", False, date(2027, 1, 1))):
            uow.add(
                Deferral(
                    donor_id=donor.id,
                    reason_code=code,
                    permanent=permanent,
                    starts_on=date(2026, 6, 1),
                    until=until,
                    decided_by_id=mo.user_id,
                )
            )
        donor_id, old_id, recent_id = donor.id, old.id, recent.id
    with db.read() as s:
        record = donors.history(s, donor_id, on=date(2026, 11, 22))
    assert [d.id for d in record.donations] == [recent_id, old_id]
    assert [d.din for d in record.donations] == ["G123426000102", "G123426000101"]
    assert len(record.visits) == 2
    assert {d.reason_code for d in record.deferrals} == {"HB_LOW", "TATTOO"}
    assert [d.reason_code for d in record.active_deferrals] == ["TATTOO"]
    assert record.blood_group == "B+"
    assert record.last_whole_blood == (NOW - timedelta(days=40)).astimezone().date()
