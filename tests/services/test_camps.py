"""Camps through the services: who may be sent, the dashboard's figures, what a pledge is, how the bags that arrive
are compared with those collected, and when a laptop cannot be prepared."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from bbms_desktop.errors import DomainError, InvalidInput, NotPermitted, StateError
from bbms_desktop.models import Camp, DeviceState, Donation, Donor
from bbms_desktop.rules.vocabulary import AdverseReaction, DonorType
from bbms_desktop.services import accounts, camp_flow, camp_laptop, camp_views, camps, donors, screening

from ..conftest import PASSWORD
from .factories import make_donation
from .test_safety_invariants import _screening_form


@pytest.fixture
def camp(db, staff):
    with db.unit_of_work(staff["quality_admin"]) as uow:
        form = camps.CampForm(
            name="Camp at Kirori Mal College",
            venue="Kirori Mal College",
            starts_on=date.today(),
            ends_on=date.today() + timedelta(days=1),
            expected_donors=120,
        )
        return camps.plan_camp(uow, form).id


def test_only_active_staff_who_can_do_camp_work_are_sent(db, staff, camp):
    with (
        pytest.raises(InvalidInput, match="cannot register, screen or bleed"),
        db.unit_of_work(staff["quality_admin"]) as uow,
    ):
        camps.assign_staff(uow, camp, (staff["camp_operator"].user_id, staff["lab_technician"].user_id))
    with db.unit_of_work(staff["quality_admin"]) as uow:
        kept = camps.assign_staff(
            uow, camp, (staff["phlebotomist"].user_id, staff["camp_operator"].user_id, staff["phlebotomist"].user_id)
        )
    assert kept == [str(staff["phlebotomist"].user_id), str(staff["camp_operator"].user_id)]
    with pytest.raises(DomainError), db.unit_of_work(staff["camp_operator"]) as uow:  # planning is not theirs
        camps.assign_staff(uow, camp, ())


def _form(n: int, **changes) -> donors.DonorForm:
    values = dict(given_name=f"Donor{n}", sex="M", date_of_birth=date(1992, 2, 1 + n), mobile=f"99000000{n:02d}")
    return donors.DonorForm(consent=True, **{**values, **changes})


def test_the_dashboard_counts_registered_returning_pledged_deferred_collected_and_reactions(db, staff, camp):
    operator = staff["camp_operator"]
    with db.unit_of_work(staff["registrar"]) as uow:
        returning = donors.register_donor(uow, _form(1)).id
    with db.unit_of_work(operator) as uow:
        new = camp_flow.register_at_camp(uow, camp, _form(2)).id
        camp_flow.pledge(uow, camp, form=_form(3))
        camp_flow.pledge(uow, camp, donor_id=returning)
    with db.unit_of_work(operator) as uow:
        low = screening.screen(uow, returning, replace(_screening_form("anaemic", "M"), camp_id=camp))
        fit = screening.screen(uow, new, replace(_screening_form(None, "M"), camp_id=camp))
    assert not low.eligible and fit.eligible
    with db.unit_of_work(operator) as uow:
        make_donation(uow, uow.session.get(Donor, new), camp_id=camp, adverse_reaction=AdverseReaction.HAEMATOMA)
    with db.read() as session:
        board = camp_views.camp_dashboard(session, camp)
    assert (board.registered, board.returning, board.pledged, board.screened) == (2, 1, 2, 2)
    assert board.deferred_by_reason == (("HB_LOW", 1),)
    assert board.collected_by_group == ((None, 1),)
    assert board.reactions_by_kind == (("haematoma", 1),)
    assert camp_views.reason_label("HB_LOW").source == "Haemoglobin"


def test_a_replacement_donor_cannot_pledge(db, staff, camp):
    with pytest.raises(InvalidInput, match="voluntary"), db.unit_of_work(staff["camp_operator"]) as uow:
        camp_flow.pledge(uow, camp, form=_form(4, donor_type=DonorType.REPLACEMENT))
    with db.read() as session:
        assert session.query(Donor).count() == 0  # nothing half-saved


def test_reconciliation_lists_missing_extra_and_mismatched_bags(db, staff, camp):
    with db.unit_of_work(staff["phlebotomist"]) as uow:
        at_camp = [make_donation(uow, camp_id=camp) for _ in range(3)]
        at_centre = make_donation(uow)
        voided = make_donation(uow, camp_id=camp, voided_at=uow.now, void_reason="bag burst")
    dins = [d.din for d in at_camp]
    scans = [f"={dins[0]}00", f"={dins[2]}00", f"={at_centre.din}00", f"={voided.din}00", "=G123499000001" + "00"]
    with db.read() as session:
        result = camp_views.reconcile(session, camp, [*scans, "not a bag"])
    assert [b.din for b in result.missing] == [dins[1]]
    assert [b.din for b in result.extra] == ["G123499000001"]
    assert [(b.din, b.voided) for b in result.mismatched] == [(at_centre.din, False), (voided.din, True)]
    assert result.unreadable == ("not a bag",) and not result.complete

    with db.unit_of_work(staff["quality_admin"]) as uow:
        closed = camps.close_after_reconciliation(uow, camp, scans)
    assert closed.missing == (dins[1],) and closed.received == 2
    with pytest.raises(StateError, match="already closed"), db.unit_of_work(staff["quality_admin"]) as uow:
        camps.close_after_reconciliation(uow, camp, scans)
    with pytest.raises(StateError, match="closed"), db.unit_of_work(staff["camp_operator"]) as uow:
        screening.screen(uow, at_camp[0].donor_id, replace(_screening_form(None, "M"), camp_id=camp))
    with db.read() as session:
        assert session.query(Donation).filter(Donation.camp_id == camp).count() == 4


def test_a_laptop_is_not_prepared_for_a_camp_without_staff_or_one_that_is_over(db, staff, camp):
    with db.read() as session:
        row = session.get(Camp, camp)
        with pytest.raises(StateError, match="No staff"):
            camp_laptop.check_preparable(row, date.today())
        with pytest.raises(StateError, match="ended on"):
            camp_laptop.check_preparable(row, date.today() + timedelta(days=2))
    assert camp_laptop.numbers_needed(120, date.today(), date.today()) == 180
    assert camp_laptop.numbers_needed(None, date.today(), date.today() + timedelta(days=1)) == 900


def test_a_prepared_camp_laptop_lets_only_the_camps_team_sign_in_until_the_camp_is_closed(db, staff, camp):
    with db.unit_of_work(staff["quality_admin"]) as uow:
        camps.assign_staff(uow, camp, (staff["camp_operator"].user_id, staff["phlebotomist"].user_id))
    assert accounts.authenticate(db, "registrar", PASSWORD).role == "registrar"  # not prepared: anyone of the centre
    with db.unit_of_work(staff["quality_admin"]) as uow:  # what sync.camp.prepare_camp records on the profile
        uow.session.get(DeviceState, 1).camp_id = camp
    assert accounts.authenticate(db, "camp_operator", PASSWORD).user_id == staff["camp_operator"].user_id
    assert accounts.authenticate(db, "phlebotomist", PASSWORD).user_id == staff["phlebotomist"].user_id
    assert accounts.authenticate(db, "quality_admin", PASSWORD).role == "quality_admin"  # plans and closes camps
    for outsider in ("registrar", "lab_technician", "medical_officer", "issue_counter"):
        with pytest.raises(NotPermitted, match="prepared for camp") as refused:
            accounts.authenticate(db, outsider, PASSWORD)
        assert refused.value.code == "not_camp_staff"
    with pytest.raises(NotPermitted) as wrong:  # a wrong password says nothing about who is on the camp's team
        accounts.authenticate(db, "registrar", "not the password")
    assert wrong.value.code == "bad_login"
    with db.unit_of_work(staff["quality_admin"]) as uow:
        camps.close_after_reconciliation(uow, camp, [])
    assert accounts.authenticate(db, "registrar", PASSWORD).role == "registrar"  # back at the centre
