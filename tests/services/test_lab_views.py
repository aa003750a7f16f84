"""What the laboratory screen reads: the worklist and verification queue with names, a donation by its DIN, and a
result set in full for the verifier."""

import pytest

from bbms_desktop.rules import isbt128
from bbms_desktop.rules.vocabulary import Agglutination, AntibodyScreen, TtiResult
from bbms_desktop.services import lab, lab_views

from ..conftest import NOW
from .factories import make_donation, make_donor
from .test_lab import form


def _donation(db, staff, din, donor_group=None):
    with db.unit_of_work(staff["phlebotomist"], now=NOW) as uow:
        donor = make_donor(uow)
        donor.blood_group = donor_group
        return make_donation(uow, donor, din=din).id


def _enter(db, staff, donation_id, result_form):
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:
        return lab.record_results(uow, donation_id, result_form)


def test_a_donation_moves_from_entry_to_verification_to_verified(db, staff):
    din = "G123426200001"
    donation_id = _donation(db, staff, din)
    with db.read() as s:
        card = lab_views.find_donation(s, isbt128.format_for_barcode(din, isbt128.check_flags(din)))
        assert (card.din, card.state, card.current) == (din, lab.WAITING_FOR_ENTRY, None)
        assert card.check == isbt128.check_character(din)
        [row] = lab_views.worklist(s)
        assert (row.din, row.state, row.entered_by) == (din, lab.WAITING_FOR_ENTRY, "")
        assert lab_views.pending_verification(s) == []

    recorded = _enter(db, staff, donation_id, form("B", "-", hcv="indeterminate", notes="gel card"))
    with db.read() as s:
        card = lab_views.lab_card(s, donation_id)
        assert card.state == lab.WAITING_FOR_VERIFICATION
        view = card.current
        assert view.result_set_id == recorded.result_set_id
        assert view.entered_by == "Lab Technician One" and view.verified_by is None
        assert view.interpreted_group == "B-" and view.discrepancies == ()
        assert dict(view.reactions)["anti_b"] == Agglutination.POSITIVE
        assert view.antibody_screen == AntibodyScreen.NEGATIVE
        assert view.unsafe_markers == ("hcv",)
        assert [(m.marker, m.result, m.kit) for m in view.markers][2] == (
            "hcv",
            TtiResult.INDETERMINATE,
            "HCV ELISA kit",
        )
        assert view.notes == "gel card"
        [row] = lab_views.worklist(s)
        assert (row.state, row.entered_by) == (lab.WAITING_FOR_VERIFICATION, "Lab Technician One")
        [pending] = lab_views.pending_verification(s)
        assert (pending.din, pending.entered_by, pending.is_correction) == (din, "Lab Technician One", False)

    with db.unit_of_work(staff["lab_technician_2"], now=NOW) as uow:
        lab.verify(uow, recorded.result_set_id)
    with db.read() as s:
        card = lab_views.find_donation(s, "G1234 26 200001")
        assert card.state == lab_views.VERIFIED
        assert card.current.verified_by == "Lab Technician Two" and card.current.verified_at == NOW
        assert lab_views.worklist(s) == [] and lab_views.pending_verification(s) == []


def test_a_result_set_without_a_group_says_why(db, staff):
    donation_id = _donation(db, staff, "G123426200002", donor_group="O+")
    recorded = _enter(db, staff, donation_id, form("A"))  # the donor was grouped O+ before
    with db.read() as s:
        view = lab_views.result_set(s, recorded.result_set_id)
    assert view.interpreted_group is None
    assert "This donor was grouped O+ before, now A+" in view.discrepancies[0].render()


def test_an_unknown_din_is_none_and_a_wrong_one_says_what_is_wrong(db, staff):
    _donation(db, staff, "G123426200003")
    with db.read() as s:
        assert lab_views.find_donation(s, "G123426999999") is None
        with pytest.raises(isbt128.InvalidDin):
            lab_views.find_donation(s, "not a din")


def test_every_reading_has_a_label():
    assert set(lab_views.AGGLUTINATION_LABELS) == set(Agglutination)
    assert set(lab_views.ANTIBODY_SCREEN_LABELS) == set(AntibodyScreen)
    assert [n for n, _ in (*lab_views.FORWARD_REAGENTS, *lab_views.REVERSE_REAGENTS)] == [
        "anti_a",
        "anti_b",
        "anti_ab",
        "anti_d",
        "a_cells",
        "b_cells",
        "o_cells",
    ]
