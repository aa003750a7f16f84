"""The component catalogue and the rules for preparing components from a whole-blood donation.

This module owns the component codes (with their names and compatibility kinds), which bag types yield which
components, the anticoagulant volume, and the bleed-time and separation-time limits that decide whether platelets and
plasma components may still be made from a donation (DOMAIN.md §3). Shelf life and storage are in ``shelf_life``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from bbms_desktop.errors import InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.rules.compatibility import PLASMA, PLATELETS, RED_CELLS, WHOLE_BLOOD
from bbms_desktop.rules.sources import BSIS_COMPONENTS, LOCAL_SOP, Rule
from bbms_desktop.rules.vocabulary import BagType

WB_CPDA1 = "WB_CPDA1"
PRBC_CPDA1 = "PRBC_CPDA1"
PRBC_SAGM = "PRBC_SAGM"
FFP = "FFP"
PLT_RDP = "PLT_RDP"
PLT_SDP = "PLT_SDP"
CRYO = "CRYO"
CPP = "CPP"
CODES: tuple[str, ...] = (WB_CPDA1, PRBC_CPDA1, PRBC_SAGM, FFP, PLT_RDP, PLT_SDP, CRYO, CPP)

BAG_TYPES: tuple[str, ...] = tuple(BagType)

CPDA1_ML_PER_100_ML = Rule(14, BSIS_COMPONENTS, note="CPDA-1 anticoagulant per 100 ml of blood, DOMAIN.md §3")
BAG_VOLUMES_ML = Rule((350, 450), BSIS_COMPONENTS, note="DOMAIN.md §3; donor weight limits in DOMAIN.md §2")

# Collection taking too long activates platelets and consumes labile clotting factors (DOMAIN.md §3). Limits are
# inclusive: exactly 12 minutes still yields platelets, 12.01 does not.
PLATELETS_MAX_BLEED_MINUTES = Rule(12, BSIS_COMPONENTS, note="platelets unusable if bleeding took longer")
PLASMA_MAX_BLEED_MINUTES = Rule(15, BSIS_COMPONENTS, note="FFP unusable if bleeding took longer; adapt to local SOP")
MAX_HOURS_TO_SEPARATION = Rule(
    24, BSIS_COMPONENTS, note="platelets and FFP unusable if separation starts later; adapt to local SOP"
)

# Which components each bag type can yield, as the sets that can be made *together* from one bag. Every bag can be
# left unseparated as whole blood (its anticoagulant is CPDA-1, DOMAIN.md §3). Each further bag holds one component:
# a double bag splits red cells from plasma; a triple bag adds either a platelet bag (platelet-rich plasma spun again
# into platelets and FFP) or a bag for the cryo-poor plasma drawn off thawed FFP, leaving cryoprecipitate; a quadruple
# bag has room for both; in a SAGM system the additive bag goes into the red cells, which then keep 42 days.
# No guideline text lists this; it is the standard closed-system use of these bags, so it is a local SOP default.
BAG_YIELDS: Rule[Mapping[str, tuple[tuple[str, ...], ...]]] = Rule(
    MappingProxyType(
        {
            BagType.SINGLE: ((WB_CPDA1,),),
            BagType.DOUBLE: ((WB_CPDA1,), (PRBC_CPDA1, FFP)),
            BagType.TRIPLE: ((WB_CPDA1,), (PRBC_CPDA1, FFP, PLT_RDP), (PRBC_CPDA1, CRYO, CPP)),
            BagType.QUADRUPLE: ((WB_CPDA1,), (PRBC_CPDA1, FFP, PLT_RDP), (PRBC_CPDA1, PLT_RDP, CRYO, CPP)),
            BagType.QUADRUPLE_SAGM: ((WB_CPDA1,), (PRBC_SAGM, FFP, PLT_RDP), (PRBC_SAGM, CRYO, CPP)),
        }
    ),
    LOCAL_SOP,
    note="standard closed-system use of single to quadruple (SAGM) bags; SDP comes only from apheresis",
)

# Cryoprecipitate and cryo-poor plasma are made from FFP, so FFP's limits bind them too.
_PLATELET_CODES = frozenset({PLT_RDP})
_PLASMA_CODES = frozenset({FFP, CRYO, CPP})


@dataclass(frozen=True, slots=True)
class ComponentType:
    """One entry of the catalogue: its code, the name a technician reads, its compatibility kind, its bag types."""

    code: str
    name: Msg
    kind: str
    bag_types: frozenset[str]


@dataclass(frozen=True, slots=True)
class Preparation:
    """What may be made from one donation.

    ``codes`` may be prepared (catalogue order); ``refused`` gives every other catalogue code with the reason;
    ``options`` are the sets of allowed codes that can be made together from the one bag.
    """

    codes: tuple[str, ...]
    refused: Mapping[str, Text]
    options: tuple[tuple[str, ...], ...]


_NAMES: Mapping[str, Msg] = MappingProxyType(
    {
        WB_CPDA1: QT_TRANSLATE_NOOP("Components", "Whole blood (CPDA-1)"),
        PRBC_CPDA1: QT_TRANSLATE_NOOP("Components", "Packed red cells (CPDA-1)"),
        PRBC_SAGM: QT_TRANSLATE_NOOP("Components", "Packed red cells (SAGM)"),
        FFP: QT_TRANSLATE_NOOP("Components", "Fresh frozen plasma (FFP)"),
        PLT_RDP: QT_TRANSLATE_NOOP("Components", "Random donor platelets (RDP)"),
        PLT_SDP: QT_TRANSLATE_NOOP("Components", "Apheresis platelets (SDP)"),
        CRYO: QT_TRANSLATE_NOOP("Components", "Cryoprecipitate"),
        CPP: QT_TRANSLATE_NOOP("Components", "Cryo-poor plasma"),
    }
)
_KINDS: Mapping[str, str] = MappingProxyType(
    {
        WB_CPDA1: WHOLE_BLOOD,
        PRBC_CPDA1: RED_CELLS,
        PRBC_SAGM: RED_CELLS,
        FFP: PLASMA,
        PLT_RDP: PLATELETS,
        PLT_SDP: PLATELETS,
        CRYO: PLASMA,
        CPP: PLASMA,
    }
)
BAG_TYPE_NAMES: Mapping[str, Msg] = MappingProxyType(
    {
        BagType.SINGLE: QT_TRANSLATE_NOOP("Components", "single bag"),
        BagType.DOUBLE: QT_TRANSLATE_NOOP("Components", "double bag"),
        BagType.TRIPLE: QT_TRANSLATE_NOOP("Components", "triple bag"),
        BagType.QUADRUPLE: QT_TRANSLATE_NOOP("Components", "quadruple bag"),
        BagType.QUADRUPLE_SAGM: QT_TRANSLATE_NOOP("Components", "quadruple bag with SAGM"),
    }
)

CATALOGUE: Mapping[str, ComponentType] = MappingProxyType(
    {
        code: ComponentType(
            code,
            _NAMES[code],
            _KINDS[code],
            frozenset(bag for bag, options in BAG_YIELDS.value.items() if any(code in o for o in options)),
        )
        for code in CODES
    }
)

UNKNOWN_CODE = QT_TRANSLATE_NOOP("Components", "Unknown component code {code!r}: expected one of {codes}.")
UNKNOWN_BAG_TYPE = QT_TRANSLATE_NOOP("Components", "Unknown bag type {bag_type!r}: expected one of {bag_types}.")
IMPOSSIBLE_BLEED_MINUTES = QT_TRANSLATE_NOOP(
    "Components", "A bleed (collection) time of {minutes} minutes is not possible: expected 0 minutes or more."
)
IMPOSSIBLE_HOURS = QT_TRANSLATE_NOOP(
    "Components", "{hours} hours since collection is not possible: expected 0 hours or more."
)
IMPOSSIBLE_VOLUME = QT_TRANSLATE_NOOP(
    "Components", "A blood volume of {volume} ml is not possible: expected more than 0 ml (bags hold {volumes} ml)."
)
NOT_FROM_THIS_BAG = QT_TRANSLATE_NOOP("Components", "{component} cannot be made from a {bag}: it needs a {needed}.")
APHERESIS_ONLY = QT_TRANSLATE_NOOP(
    "Components", "{component} are collected from a donor by apheresis, never separated from a whole-blood bag."
)
BLEED_TOO_LONG = QT_TRANSLATE_NOOP(
    "Components", "{component} cannot be made: bleeding took {minutes:g} minutes, over the {limit}-minute limit."
)
SEPARATION_TOO_LATE = QT_TRANSLATE_NOOP(
    "Components",
    "{component} cannot be made: separation starts {hours:g} hours after collection, over the {limit}-hour limit.",
)
# Translatable list patterns, so "a triple or quadruple bag" reads right in every language.
_ONE_OF = (
    QT_TRANSLATE_NOOP("Components", "{first} or {second}"),
    QT_TRANSLATE_NOOP("Components", "{first}, {second} or {third}"),
    QT_TRANSLATE_NOOP("Components", "{first}, {second}, {third} or {fourth}"),
    QT_TRANSLATE_NOOP("Components", "{first}, {second}, {third}, {fourth} or {fifth}"),
)


def component(code: str) -> ComponentType:
    """The catalogue entry for ``code``; an unknown code is refused, naming the valid ones."""
    try:
        return CATALOGUE[code]
    except (KeyError, TypeError):
        raise InvalidInput(UNKNOWN_CODE(code=code, codes=", ".join(CODES)), field="code") from None


def anticoagulant_ml(volume_ml: float) -> float:
    """Millilitres of CPDA-1 for ``volume_ml`` of blood: 14 ml per 100 ml (49 ml for 350 ml, 63 ml for 450 ml)."""
    if not _is_number(volume_ml) or volume_ml <= 0:
        volumes = ", ".join(str(v) for v in BAG_VOLUMES_ML.value)
        raise InvalidInput(IMPOSSIBLE_VOLUME(volume=volume_ml, volumes=volumes), field="volume_ml")
    return volume_ml * CPDA1_ML_PER_100_ML.value / 100


def preparable(bag_type: str, bleed_minutes: float, hours_since_collection: float) -> Preparation:
    """Which components may be made from a donation in ``bag_type``, and why each other one may not.

    ``bleed_minutes`` is how long the bleed took (start to end); ``hours_since_collection`` is the time from the end of
    collection to the start of separation. Limits are inclusive (12 minutes still yields platelets).
    """
    if bag_type not in BAG_YIELDS.value:
        raise InvalidInput(UNKNOWN_BAG_TYPE(bag_type=bag_type, bag_types=", ".join(BAG_TYPES)), field="bag_type")
    if not _is_number(bleed_minutes) or bleed_minutes < 0:
        raise InvalidInput(IMPOSSIBLE_BLEED_MINUTES(minutes=bleed_minutes), field="bleed_minutes")
    if not _is_number(hours_since_collection) or hours_since_collection < 0:
        raise InvalidInput(IMPOSSIBLE_HOURS(hours=hours_since_collection), field="hours_since_collection")
    refused: dict[str, Text] = {}
    for code in CODES:
        reason = _refusal(code, bag_type, bleed_minutes, hours_since_collection)
        if reason is not None:
            refused[code] = reason
    allowed = tuple(code for code in CODES if code not in refused)
    options: list[tuple[str, ...]] = []
    for option in BAG_YIELDS.value[bag_type]:
        kept = tuple(code for code in option if code not in refused)
        if kept and kept not in options:
            options.append(kept)
    return Preparation(allowed, MappingProxyType(refused), tuple(options))


def _refusal(code: str, bag_type: str, bleed_minutes: float, hours: float) -> Text | None:
    entry = CATALOGUE[code]
    if not entry.bag_types:
        return APHERESIS_ONLY(component=entry.name)
    if bag_type not in entry.bag_types:
        needed = [BAG_TYPE_NAMES[bag] for bag in BAG_TYPES if bag in entry.bag_types]
        return NOT_FROM_THIS_BAG(component=entry.name, bag=BAG_TYPE_NAMES[bag_type], needed=_one_of(needed))
    if code in _PLATELET_CODES and bleed_minutes > PLATELETS_MAX_BLEED_MINUTES.value:
        return BLEED_TOO_LONG(component=entry.name, minutes=bleed_minutes, limit=PLATELETS_MAX_BLEED_MINUTES.value)
    if code in _PLASMA_CODES and bleed_minutes > PLASMA_MAX_BLEED_MINUTES.value:
        return BLEED_TOO_LONG(component=entry.name, minutes=bleed_minutes, limit=PLASMA_MAX_BLEED_MINUTES.value)
    if code in _PLATELET_CODES | _PLASMA_CODES and hours > MAX_HOURS_TO_SEPARATION.value:
        return SEPARATION_TOO_LATE(component=entry.name, hours=hours, limit=MAX_HOURS_TO_SEPARATION.value)
    return None


def _one_of(items: Sequence[Msg]) -> Msg | Text:
    if len(items) == 1:
        return items[0]
    names = ("first", "second", "third", "fourth", "fifth")
    return _ONE_OF[len(items) - 2](**dict(zip(names, items, strict=False)))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
