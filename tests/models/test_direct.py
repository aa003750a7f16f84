"""Every DirectStatement gives exactly what Session.execute gives for the same statement: values, types, names.

The statements read the rows screening and collection check before a bag is drawn (the donor, their merged
identity's donations and deferrals, the visit, the camp) and take donor numbers and DINs; a difference in a value or
its type (a UUID as text, a naive time, a flag as 0/1) would change what the safety checks see.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bbms_desktop.models import Deferral, NumberBlock
from bbms_desktop.models import direct as direct_module
from bbms_desktop.models.direct import DirectStatement
from bbms_desktop.services import camps, collection, donors, numbering, screening
from bbms_desktop.services.donors import MatchReason

from ..conftest import NOW
from ..services.factories import make_donation, make_donor


def same(session, statement: DirectStatement, params: dict) -> list:
    """The direct rows, checked equal in value, type and column name to Session.execute's."""
    direct = statement.all(session, params)
    through_session = session.execute(statement.statement, params)
    keys = list(through_session.keys())
    expected = [tuple(row) for row in through_session.all()]
    assert [tuple(row) for row in direct] == expected
    for got, want in zip(direct, expected, strict=True):
        assert [type(value) for value in got] == [type(value) for value in want]
        assert list(got._fields) == keys
    return direct


@pytest.fixture
def history(db, admin, staff):
    """A survivor with a donor merged into it (and one merged into that), donations (one voided), deferrals
    (temporary, permanent, with and without detail), a camp with a screening visit, and a voided donor."""
    mo = staff["medical_officer"]
    with db.unit_of_work(mo, now=NOW - timedelta(days=400)) as uow:
        survivor = make_donor(uow, name="Asha", family="Verma", sex="F", mobile="9810012345")
        merged = make_donor(uow, name="Aasha", family="Verma", sex="F")
        deeper = make_donor(uow, name="Asha", family="Varma", sex="F")
        voided = make_donor(uow, name="Void", family="Person")
        uow.session.flush()
        merged.merged_into_id = survivor.id
        deeper.merged_into_id = merged.id
        voided.voided_at, voided.void_reason = uow.now, "registered twice"
        old = make_donation(uow, merged, collected_at=uow.now)
        make_donation(uow, survivor, collected_at=uow.now + timedelta(days=1), voided_at=uow.now, void_reason="x")
        uow.add(
            Deferral(
                donor_id=deeper.id,
                reason_code="HB_LOW",
                detail=None,
                permanent=False,
                starts_on=date(2025, 10, 1),
                until=date(2025, 12, 31),
                decided_by_id=mo.user_id,
                donation_id=old.id,
            )
        )
        uow.add(
            Deferral(
                donor_id=merged.id,
                reason_code="HBV_MARKER",
                detail="reactive HBsAg at another centre",
                permanent=True,
                starts_on=date(2026, 1, 5),
                until=None,
                decided_by_id=mo.user_id,
            )
        )
    with db.unit_of_work(admin, now=NOW) as uow:
        camp = camps.plan_camp(
            uow, camps.CampForm(name="Camp", venue="Hall", starts_on=NOW.date(), ends_on=NOW.date())
        ).id
    with db.unit_of_work(mo, now=NOW) as uow:
        fresh = make_donor(uow, name="Kiran", family="Rao")
    return {"survivor": survivor.id, "merged": merged.id, "deeper": deeper.id, "voided": voided.id, "camp": camp,
            "fresh": fresh.id}  # fmt: skip


def test_the_donor_record_statements_read_what_the_session_reads(db, staff, history):
    with db.read() as session:
        for donor_id in (*history.values(), uuid.uuid4()):
            same(session, donors._DIRECT_DONOR_ROW, {"donor_id": donor_id})
            donations = same(session, donors._DIRECT_DONATIONS, {"donor_id": donor_id})
            deferrals = same(session, donors._DIRECT_DEFERRALS, {"donor_id": donor_id})
            if donor_id == history["survivor"]:  # the merged identity's rows, the voided donation left out
                assert len(donations) == 1 and len(deferrals) == 2
        record = donors.donor_record(session, history["survivor"])
        assert [d.reason_code for d in record.deferrals] == ["HBV_MARKER", "HB_LOW"]
        assert record.donations[0].collected_at.tzinfo is not None


def test_the_duplicate_check_reads_what_the_session_reads_for_every_combination(db, staff, history):
    params = {"document_type": "aadhaar", "document_number": "123412341234", "date_of_birth": date(1990, 5, 17),
              "sex": "F", "name_key": "asha verma", "mobile": "9810012345"}  # fmt: skip
    with db.read() as session:
        for size in (1, 2, 3):
            for reasons in itertools.permutations(list(MatchReason), size):
                rows = same(session, donors._duplicate_query(reasons), params)
                if MatchReason.MOBILE in reasons:
                    assert rows and rows[0].by_mobile in (True, 1)


def test_the_camp_visit_and_centre_statements_read_what_the_session_reads(db, staff, history):
    mo, phlebotomist = staff["medical_officer"], staff["phlebotomist"]
    from ..services.test_collection import bag, fit

    with db.unit_of_work(mo, now=NOW) as uow:
        eligible = screening.screen(uow, history["fresh"], fit(camp_id=history["camp"])).visit_id
    with db.unit_of_work(phlebotomist, now=NOW + timedelta(minutes=30)) as uow:
        din = collection.collect(uow, eligible, bag()).din
    with db.read() as session:
        for camp_id in (history["camp"], uuid.uuid4()):
            same(session, screening._CAMP_ROW, {"camp_id": camp_id})
        visit = same(session, collection._VISIT_ROW, {"visit_id": eligible})
        assert visit[0].donation_din == din and visit[0].camp_id == history["camp"]
        same(session, collection._VISIT_ROW, {"visit_id": uuid.uuid4()})
        centre_id = mo.centre_id
        same(session, numbering._CENTRE, {"id": centre_id})
        same(session, donors._CENTRE_CODE, {"centre_id": centre_id})
        for candidate in (din, "G123426999999"):
            same(session, numbering._DIN_USED, {"din": candidate})


def test_taking_a_number_returns_what_the_session_returns(db, staff):
    registrar = staff["registrar"]
    with db.unit_of_work(registrar, now=NOW) as uow:
        device_id = uow.device_ids.device_id
        params = {"device_id": device_id, "of_series": "donor"}
        first = numbering._TAKE_NUMBER.first(uow.session, params)
        second = uow.session.execute(numbering._TAKE_NUMBER.statement, params).first()
        assert type(first.id) is type(second.id) is uuid.UUID and first.id == second.id
        assert (type(first.next), second.next) == (int, first.next + 1)
        assert uow.session.scalar(select(NumberBlock.next).where(NumberBlock.id == first.id)) == second.next
        assert numbering._TAKE_NUMBER.first(uow.session, {"device_id": uuid.uuid4(), "of_series": "donor"}) is None


def test_a_direct_read_sees_what_the_unit_of_work_added_before_it(db, staff):
    """It autoflushes as Session.execute does: a donor added (not yet flushed) in this unit of work is found."""
    with db.unit_of_work(staff["registrar"], now=NOW) as uow:
        donor = make_donor(uow)
        assert donor in uow.session.new
        assert donors._DIRECT_DONOR_ROW.first(uow.session, {"donor_id": donor.id}).donor_number == donor.donor_number
        with pytest.raises(KeyError):
            numbering._DIN_USED.scalar(uow.session, {})  # a required value left out is an error, not a NULL


def test_every_direct_statement_is_checked_here():
    for size in (1, 2, 3):
        for reasons in itertools.permutations(list(MatchReason), size):
            donors._duplicate_query(reasons)
    checked = {
        id(s)
        for s in (
            donors._DIRECT_DONOR_ROW,
            donors._DIRECT_DONATIONS,
            donors._DIRECT_DEFERRALS,
            donors._CENTRE_CODE,
            screening._CAMP_ROW,
            collection._VISIT_ROW,
            numbering._CENTRE,
            numbering._DIN_USED,
            numbering._TAKE_NUMBER,
        )
    }
    checked |= {
        id(donors._duplicate_query(reasons))
        for size in (1, 2, 3)
        for reasons in itertools.permutations(list(MatchReason), size)
    }
    unchecked = [s.statement for s in direct_module.MADE if id(s) not in checked]
    assert not unchecked, f"a DirectStatement without an equality test in tests/models/test_direct.py: {unchecked}"
