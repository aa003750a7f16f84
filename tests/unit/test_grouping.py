import pytest

from bbms_desktop.rules.grouping import Forward, Reverse, interpret
from bbms_desktop.rules.vocabulary import Agglutination

P, N, W = Agglutination.POSITIVE, Agglutination.NEGATIVE, Agglutination.WEAK

# Expected serology, written out by hand: forward (anti-A, anti-B, anti-AB), reverse (A cells, B cells)
CLASSIC = {
    "O": ((N, N, N), (P, P)),
    "A": ((P, N, P), (N, P)),
    "B": ((N, P, P), (P, N)),
    "AB": ((P, P, P), (N, N)),
}


@pytest.mark.parametrize("abo", CLASSIC)
@pytest.mark.parametrize("rhd", ["+", "-"])
def test_agreeing_forward_and_reverse_grouping_confirms_the_group(abo, rhd):
    (a, b, ab), (ac, bc) = CLASSIC[abo]
    result = interpret(Forward(a, b, ab, P if rhd == "+" else N), Reverse(ac, bc, N))
    assert result.confirmed and result.group == abo + rhd


def test_forward_A_with_reverse_O_is_a_discrepancy_that_blocks_the_group():
    result = interpret(Forward(P, N, P, P), Reverse(P, P, N))
    assert not result.confirmed and result.group is None
    assert "Forward grouping gives A but reverse grouping gives O" in result.discrepancies[0].render()


def test_a_weak_anti_d_is_never_read_as_positive_or_negative():
    result = interpret(Forward(P, N, P, W), Reverse(N, P, N))
    assert not result.confirmed
    assert "anti-D" in result.discrepancies[0].render()


def test_positive_o_cells_flag_an_irregular_antibody():
    assert not interpret(Forward(P, N, P, P), Reverse(N, P, P)).confirmed


def test_anti_ab_disagreeing_with_anti_a_and_anti_b_is_a_discrepancy():
    assert not interpret(Forward(N, N, P, P), Reverse(P, P, N)).confirmed


def test_a_group_different_from_the_donors_history_is_not_confirmed():
    result = interpret(Forward(P, N, P, P), Reverse(N, P, N), previous_group="B+")
    assert not result.confirmed
    assert "grouped B+ before, now A+" in result.discrepancies[0].render()
