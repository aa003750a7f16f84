"""ABO/RhD grouping from forward and reverse typing (DOMAIN.md §4).

A group is *confirmed* only when forward (cells against anti-A, anti-B, anti-AB, anti-D) and reverse (plasma against
A, B and O cells) agree with each other and every reaction is clear-cut. Weak reactions, a disagreement, or a
positive O-cell reaction are discrepancies that block release until resolved. Agreement with the donor's earlier
confirmed group is checked here too, because a mismatch there means a sample or identity error.
"""

from __future__ import annotations

from dataclasses import dataclass

from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Text
from bbms_desktop.rules.vocabulary import Agglutination

POS, NEG, WEAK = Agglutination.POSITIVE, Agglutination.NEGATIVE, Agglutination.WEAK

WEAK_REACTION = QT_TRANSLATE_NOOP(
    "Grouping", "The {reagent} reaction is weak: resolve it (repeat, extended incubation) before the group counts."
)
ANTI_AB_DISAGREES = QT_TRANSLATE_NOOP(
    "Grouping", "Anti-AB does not agree with anti-A and anti-B: repeat the forward grouping."
)
FORWARD_REVERSE_DISAGREE = QT_TRANSLATE_NOOP(
    "Grouping", "Forward grouping gives {forward} but reverse grouping gives {reverse}: resolve the discrepancy."
)
O_CELLS_POSITIVE = QT_TRANSLATE_NOOP(
    "Grouping", "O cells react with the plasma (possible irregular antibody or autoantibody): investigate."
)
HISTORY_DISAGREES = QT_TRANSLATE_NOOP(
    "Grouping", "This donor was grouped {previous} before, now {current}: check the sample identity and regroup."
)
REVERSE_UNREADABLE = QT_TRANSLATE_NOOP("Grouping", "The reverse grouping does not fit any ABO group.")


@dataclass(frozen=True, slots=True)
class Forward:
    anti_a: Agglutination
    anti_b: Agglutination
    anti_ab: Agglutination
    anti_d: Agglutination


@dataclass(frozen=True, slots=True)
class Reverse:
    a_cells: Agglutination
    b_cells: Agglutination
    o_cells: Agglutination


@dataclass(frozen=True, slots=True)
class Grouping:
    group: str | None  # "A+" etc. when confirmed, otherwise None
    discrepancies: tuple[Text, ...]

    @property
    def confirmed(self) -> bool:
        return self.group is not None and not self.discrepancies


_ABO_BY_FORWARD = {(NEG, NEG): "O", (POS, NEG): "A", (NEG, POS): "B", (POS, POS): "AB"}
_ABO_BY_REVERSE = {(POS, POS): "O", (NEG, POS): "A", (POS, NEG): "B", (NEG, NEG): "AB"}


def interpret(forward: Forward, reverse: Reverse, previous_group: str | None = None) -> Grouping:
    """Interpret one grouping; ``previous_group`` is the donor's earlier confirmed group, if any."""
    problems: list[Text] = []
    reactions = {
        "anti-A": forward.anti_a,
        "anti-B": forward.anti_b,
        "anti-AB": forward.anti_ab,
        "anti-D": forward.anti_d,
        "A cells": reverse.a_cells,
        "B cells": reverse.b_cells,
        "O cells": reverse.o_cells,
    }
    problems += [WEAK_REACTION(reagent=name) for name, r in reactions.items() if r == WEAK]
    if any(r == WEAK for r in reactions.values()):
        return Grouping(None, tuple(problems))
    if (forward.anti_ab == POS) != (forward.anti_a == POS or forward.anti_b == POS):
        problems.append(ANTI_AB_DISAGREES())
    if reverse.o_cells == POS:
        problems.append(O_CELLS_POSITIVE())
    by_forward = _ABO_BY_FORWARD[(forward.anti_a, forward.anti_b)]
    by_reverse = _ABO_BY_REVERSE.get((reverse.a_cells, reverse.b_cells))
    if by_reverse is None:
        problems.append(REVERSE_UNREADABLE())
    elif by_reverse != by_forward:
        problems.append(FORWARD_REVERSE_DISAGREE(forward=by_forward, reverse=by_reverse))
    group = by_forward + ("+" if forward.anti_d == POS else "-")
    if previous_group is not None and previous_group != group:
        problems.append(HISTORY_DISAGREES(previous=previous_group, current=group))
    return Grouping(None if problems else group, tuple(problems))
