"""The component state machine (DOMAIN.md §5): which status changes are legal, and nothing else.

quarantine → available → reserved → issued → transfused; unsafe, expired and discarded are final for use;
transfused and discarded are terminal. A returned unit goes back to available only through an accepted return
(issued → available), otherwise it is discarded. A released unit still in the centre (available or reserved) goes
back to quarantine when its laboratory results are being corrected (a hold, as for post-donation information): it
stays out of stock until the correction is verified, which re-releases or withdraws it. The guards that need data
(verified non-reactive tests before release, compatibility before issue) live in services; the server validates the
same table.
"""

from __future__ import annotations

from collections.abc import Mapping

from bbms_desktop.errors import StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules.vocabulary import LABELS, ComponentStatus

S = ComponentStatus

TRANSITIONS: Mapping[ComponentStatus, frozenset[ComponentStatus]] = {
    S.QUARANTINE: frozenset({S.AVAILABLE, S.UNSAFE, S.EXPIRED, S.DISCARDED}),
    # available/reserved → quarantine is the hold while a correction of the laboratory results awaits verification
    S.AVAILABLE: frozenset({S.QUARANTINE, S.RESERVED, S.ISSUED, S.UNSAFE, S.EXPIRED, S.DISCARDED}),
    S.RESERVED: frozenset({S.QUARANTINE, S.AVAILABLE, S.ISSUED, S.UNSAFE, S.EXPIRED, S.DISCARDED}),
    # issued → available is an accepted return; issued → discarded a return that failed inspection
    S.ISSUED: frozenset({S.TRANSFUSED, S.AVAILABLE, S.DISCARDED}),
    S.UNSAFE: frozenset({S.DISCARDED}),
    S.EXPIRED: frozenset({S.DISCARDED}),
    S.TRANSFUSED: frozenset(),
    S.DISCARDED: frozenset(),
}

USABLE: frozenset[ComponentStatus] = frozenset({S.AVAILABLE, S.RESERVED})
"""Statuses from which a unit may be issued (still subject to expiry and compatibility)."""

RELEASED: frozenset[ComponentStatus] = frozenset({S.AVAILABLE, S.RESERVED, S.ISSUED, S.TRANSFUSED})
"""Statuses a unit can only reach after release from quarantine."""

ILLEGAL_TRANSITION = QT_TRANSLATE_NOOP("ComponentStates", "A unit that is {current} cannot become {target}.")


def can_transition(current: str, target: str) -> bool:
    return ComponentStatus(target) in TRANSITIONS[ComponentStatus(current)]


def check_transition(current: str, target: str) -> None:
    """Raise :class:`StateError` unless ``current → target`` is a legal component status change."""
    if not can_transition(current, target):
        raise StateError(
            ILLEGAL_TRANSITION(current=LABELS[ComponentStatus(current)], target=LABELS[ComponentStatus(target)]),
            code="illegal_transition",
        )
