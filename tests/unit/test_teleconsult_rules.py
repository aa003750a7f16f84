"""The teleconsultation status machine (who may take which step) and the prohibited prescribing list."""

from __future__ import annotations

import pytest

from bbms_desktop.errors import StateError
from bbms_desktop.rules import prescribing
from bbms_desktop.rules.teleconsult import OPEN, ConsultStatus, Party, check_step, may_step

C, P = ConsultStatus, Party


def test_the_happy_path_is_taken_by_each_party_in_turn():
    path = [
        (C.DRAFT, C.QUEUED, P.SPOKE),
        (C.QUEUED, C.UPLOADED, P.SERVER),
        (C.UPLOADED, C.ACCEPTED, P.HUB),
        (C.ACCEPTED, C.IN_CONSULTATION, P.HUB),
        (C.IN_CONSULTATION, C.COMPLETED, P.HUB),
        (C.COMPLETED, C.RECEIVED, P.SPOKE),
    ]
    for current, target, party in path:
        assert may_step(current, target, party)
        others = set(Party) - {party}
        assert not any(may_step(current, target, other) for other in others)


@pytest.mark.parametrize("status", sorted(OPEN))
def test_the_spoke_may_cancel_at_any_open_step(status):
    assert may_step(status, C.CANCELLED, P.SPOKE)


@pytest.mark.parametrize("status", [C.COMPLETED, C.RECEIVED, C.CANCELLED])
def test_nothing_cancels_a_closed_consultation(status):
    assert not any(may_step(status, C.CANCELLED, party) for party in Party)


def test_a_skipped_step_is_refused_with_the_states_named():
    with pytest.raises(StateError, match="'Sent to the hub' cannot become 'Completed"):
        check_step(C.UPLOADED, C.COMPLETED, P.HUB)
    with pytest.raises(StateError, match="Only the hub doctor"):
        check_step(C.UPLOADED, C.ACCEPTED, P.SPOKE)


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Tab. Alprazolam 0.25 mg", "alprazolam"),
        ("TRAMADOL 50mg", "tramadol"),
        ("Syp. codeine phosphate", "codeine"),
        ("Methylphenidate", "methylphenidate"),
        ("Paracetamol 500 mg", None),
        ("Amlodipine", None),
        ("Morphinan-free cough syrup", None),  # a word, not a fragment of one
    ],
)
def test_prohibited_medicines_are_found_by_generic_name_as_a_word(line, found):
    hit = prescribing.prohibited_in(line)
    assert (hit.name if hit else None) == found


def test_every_prohibited_entry_names_its_source():
    assert {entry.source for entry in prescribing.PROHIBITED.values()} == {
        prescribing.DC_RULES_SCHEDULE_X,
        prescribing.NDPS_ACT_1985,
    }
