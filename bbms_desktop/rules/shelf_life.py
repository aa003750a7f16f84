"""Shelf life and storage conditions of each component, and the expiry computed from them (DOMAIN.md §5).

Expiry is computed, never typed: :func:`expiry` adds the shelf life to the start (collection, or preparation where
the local SOP says so; the caller decides). Days are exact 24-hour days; a year is the same date and time a year
later, so a unit started on 29 February expires on 28 February, never after a full year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import MappingProxyType

from bbms_desktop.errors import InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Text
from bbms_desktop.rules.components import CPP, CRYO, FFP, PLT_RDP, PLT_SDP, PRBC_CPDA1, PRBC_SAGM, WB_CPDA1, component
from bbms_desktop.rules.sources import BSIS_COMPONENTS, LOCAL_SOP, Rule


@dataclass(frozen=True, slots=True)
class ShelfLife:
    """A shelf life in whole days or whole years (never both: a year is not a number of days)."""

    days: int = 0
    years: int = 0


@dataclass(frozen=True, slots=True)
class Storage:
    """A storage range in °C (``min_c`` is None when only an upper bound applies) and whether it needs agitation."""

    min_c: int | None
    max_c: int
    agitation: bool = False

    @property
    def label(self) -> Text:
        """What a storage label or a fridge card says: "2–6 °C", "≤ −30 °C", "20–24 °C, continuous agitation"."""
        maximum = _celsius(self.max_c)
        if self.min_c is None:
            return AT_OR_BELOW(maximum=maximum)
        if self.agitation:
            return RANGE_AGITATED(minimum=_celsius(self.min_c), maximum=maximum)
        return RANGE(minimum=_celsius(self.min_c), maximum=maximum)


RANGE = QT_TRANSLATE_NOOP("ShelfLife", "{minimum}–{maximum} °C")
RANGE_AGITATED = QT_TRANSLATE_NOOP("ShelfLife", "{minimum}–{maximum} °C, continuous agitation")
AT_OR_BELOW = QT_TRANSLATE_NOOP("ShelfLife", "≤ {maximum} °C")
NOT_A_DATE_TIME = QT_TRANSLATE_NOOP(
    "ShelfLife", "{value!r} is not a date and time: expected both, e.g. collection time."
)
MIXED_TIME_ZONES = QT_TRANSLATE_NOOP(
    "ShelfLife", "The expiry and the current time must both carry a time zone, or both not: got {expires} and {now}."
)

# DOMAIN.md §5. Red cells and whole blood are refrigerated; platelets kept at room temperature on an agitator;
# plasma and cryoprecipitate frozen at −30 °C or colder (Indian practice).
REFRIGERATED = Rule(Storage(2, 6), BSIS_COMPONENTS, note="DOMAIN.md §5")
PLATELET_AGITATOR = Rule(Storage(20, 24, agitation=True), BSIS_COMPONENTS, note="DOMAIN.md §5")
FROZEN = Rule(Storage(None, -30), BSIS_COMPONENTS, note="DOMAIN.md §5, Indian practice")
CRYO_POOR_PLASMA_FROZEN = Rule(Storage(None, -30), LOCAL_SOP, note="DOMAIN.md §5 gives cryo-poor plasma as local SOP")

WB_CPDA1_SHELF_LIFE = Rule(ShelfLife(days=35), BSIS_COMPONENTS, note="DOMAIN.md §5")
PRBC_CPDA1_SHELF_LIFE = Rule(ShelfLife(days=35), BSIS_COMPONENTS, note="DOMAIN.md §5")
PRBC_SAGM_SHELF_LIFE = Rule(ShelfLife(days=42), BSIS_COMPONENTS, note="DOMAIN.md §5")
FFP_SHELF_LIFE = Rule(ShelfLife(years=1), BSIS_COMPONENTS, note="DOMAIN.md §5, at ≤ −30 °C")
PLATELETS_SHELF_LIFE = Rule(ShelfLife(days=5), BSIS_COMPONENTS, note="DOMAIN.md §5, RDP and SDP alike")
CRYO_SHELF_LIFE = Rule(ShelfLife(years=1), BSIS_COMPONENTS, note="DOMAIN.md §5, at ≤ −30 °C")
CPP_SHELF_LIFE = Rule(ShelfLife(years=1), LOCAL_SOP, note="DOMAIN.md §5 gives cryo-poor plasma as local SOP")

SHELF_LIFE: Mapping[str, Rule[ShelfLife]] = MappingProxyType(
    {
        WB_CPDA1: WB_CPDA1_SHELF_LIFE,
        PRBC_CPDA1: PRBC_CPDA1_SHELF_LIFE,
        PRBC_SAGM: PRBC_SAGM_SHELF_LIFE,
        FFP: FFP_SHELF_LIFE,
        PLT_RDP: PLATELETS_SHELF_LIFE,
        PLT_SDP: PLATELETS_SHELF_LIFE,
        CRYO: CRYO_SHELF_LIFE,
        CPP: CPP_SHELF_LIFE,
    }
)
STORAGE: Mapping[str, Rule[Storage]] = MappingProxyType(
    {
        WB_CPDA1: REFRIGERATED,
        PRBC_CPDA1: REFRIGERATED,
        PRBC_SAGM: REFRIGERATED,
        FFP: FROZEN,
        PLT_RDP: PLATELET_AGITATOR,
        PLT_SDP: PLATELET_AGITATOR,
        CRYO: FROZEN,
        CPP: CRYO_POOR_PLASMA_FROZEN,
    }
)


def shelf_life(code: str) -> ShelfLife:
    """The shelf life of component ``code``; an unknown code is refused, naming the valid ones."""
    return SHELF_LIFE[component(code).code].value


def storage(code: str) -> Storage:
    """The storage range of component ``code``; an unknown code is refused, naming the valid ones."""
    return STORAGE[component(code).code].value


def expiry(code: str, start: datetime) -> datetime:
    """When a unit of ``code`` started at ``start`` expires; the result has ``start``'s time zone (or none).

    Days are exact: 5 days is 120 hours of elapsed time even across a daylight-saving change. A year is the same
    date and time a year later; from 29 February that is 28 February, so never more than a year.
    """
    life = shelf_life(code)
    if not isinstance(start, datetime):
        raise InvalidInput(NOT_A_DATE_TIME(value=start), field="start")
    if life.years:
        return _add_years(start, life.years)
    if start.utcoffset() is None:
        return start + timedelta(days=life.days)
    # via UTC, because adding to a zoned wall-clock time would gain or lose the daylight-saving hour
    return (start.astimezone(UTC) + timedelta(days=life.days)).astimezone(start.tzinfo)


def is_expired(expires: datetime, now: datetime) -> bool:
    """Whether a unit expiring at ``expires`` is expired at ``now``: it is, from the instant of expiry onwards."""
    for name, value in (("expires", expires), ("now", now)):
        if not isinstance(value, datetime):
            raise InvalidInput(NOT_A_DATE_TIME(value=value), field=name)
    if (expires.utcoffset() is None) != (now.utcoffset() is None):
        raise InvalidInput(MIXED_TIME_ZONES(expires=expires.isoformat(), now=now.isoformat()), field="now")
    return now >= expires


def _add_years(start: datetime, years: int) -> datetime:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February into a common year
        return start.replace(year=start.year + years, day=28)


def _celsius(value: int) -> str:
    # a typographic minus, as printed on labels: "−30", not "-30"
    return str(value).replace("-", "\u2212")
