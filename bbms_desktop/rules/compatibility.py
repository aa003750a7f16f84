"""ABO/RhD compatibility of a donor unit with a patient, and the order in which donor groups are preferred.

This module owns the selection table of DOMAIN.md §6 (as rules tagged with their source), the RhD rules that go with
it, and the words the issue counter reads when a unit is refused or needs care. It decides compatibility *here*,
without overrides: giving RhD-positive red cells to an RhD-negative patient is a separate, audited medical-officer
decision in services, which can ask :func:`may_receive_rhd_positive_red_cells` whether the patient qualifies.

Groups are written ``"O+"``, ``"O-"``, ``"A+"`` … ``"AB-"``; a patient whose group is not yet known is ``"unknown"``.
Kinds are ``whole_blood``, ``red_cells``, ``plasma`` (FFP, cryoprecipitate, cryo-poor plasma) and ``platelets``.

Invariant (tested for every kind, group, sex and age band): :func:`preference` lists exactly the donor groups that
:func:`is_compatible` accepts, best first, and :func:`assess` gives each its position there as ``rank``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from bbms_desktop.errors import InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.rules.sources import ABO_RHD_SELECTION, Rule
from bbms_desktop.rules.vocabulary import BLOOD_GROUPS, Sex

WHOLE_BLOOD = "whole_blood"
RED_CELLS = "red_cells"
PLASMA = "plasma"
PLATELETS = "platelets"
KINDS: tuple[str, ...] = (WHOLE_BLOOD, RED_CELLS, PLASMA, PLATELETS)

UNKNOWN = "unknown"
GROUPS: tuple[str, ...] = BLOOD_GROUPS
PATIENT_GROUPS: tuple[str, ...] = (*GROUPS, UNKNOWN)

# ABO order of preference per kind and patient ABO group, read straight from the DOMAIN.md §6 table as tiers: each
# tier is one "then" step, and groups in the same tier ("A or B", "A, B, AB") are equally good and keep the table's
# reading order. Groups absent from a row are not compatible. Whole blood carries red cells *and* plasma, so only the
# identical group is safe both ways, and a patient of unknown group can have no identical unit.
ABO_PREFERENCE: Rule[Mapping[str, Mapping[str, tuple[tuple[str, ...], ...]]]] = Rule(
    MappingProxyType(
        {
            WHOLE_BLOOD: MappingProxyType(
                {"O": (("O",),), "A": (("A",),), "B": (("B",),), "AB": (("AB",),), UNKNOWN: ()}
            ),
            RED_CELLS: MappingProxyType(
                {
                    "O": (("O",),),
                    "A": (("A",), ("O",)),
                    "B": (("B",), ("O",)),
                    "AB": (("AB",), ("A", "B"), ("O",)),
                    UNKNOWN: (("O",),),
                }
            ),
            PLASMA: MappingProxyType(
                {
                    "O": (("O",), ("A", "B", "AB")),
                    "A": (("A",), ("AB",)),
                    "B": (("B",), ("AB",)),
                    "AB": (("AB",), ("A",), ("B",)),
                    UNKNOWN: (("AB",),),
                }
            ),
            PLATELETS: MappingProxyType(
                {
                    "O": (("O",), ("A", "B", "AB")),
                    "A": (("A",), ("O", "B")),
                    "B": (("B",), ("A", "O")),
                    "AB": (("AB",), ("A", "B"), ("O",)),
                    UNKNOWN: (("A", "O"),),
                }
            ),
        }
    ),
    ABO_RHD_SELECTION,
    note="DOMAIN.md §6 table; whole blood ABO-identical (§6 text); tiers in the table's reading order",
)

# RhD-positive red cells for a patient who may be RhD-negative (unknown group in an emergency, or an RhD-negative
# patient under a medical-officer override) only for men *over* 18 and women *over* 50, i.e. not of childbearing
# potential (DOMAIN.md §6; Lifeblood's table reads the same: "Female > 50 years or Male > 18 years").
RHD_POSITIVE_MIN_AGE_MALE = Rule(18, ABO_RHD_SELECTION, note="strictly older than this, in years")
RHD_POSITIVE_MIN_AGE_FEMALE = Rule(50, ABO_RHD_SELECTION, note="strictly older than this, in years")

# Kinds whose donor plasma volume is large enough that anti-A/anti-B against the patient's cells matter (minor
# mismatch): those units must be tested low titre. Red cells carry little plasma; whole blood is ABO-identical.
LOW_TITRE_KINDS = Rule(frozenset({PLASMA, PLATELETS}), ABO_RHD_SELECTION, note="DOMAIN.md §6 '(low titre)'")

_KIND_NAMES: Mapping[str, Msg] = MappingProxyType(
    {
        WHOLE_BLOOD: QT_TRANSLATE_NOOP("Compatibility", "whole blood"),
        RED_CELLS: QT_TRANSLATE_NOOP("Compatibility", "red cells"),
        PLASMA: QT_TRANSLATE_NOOP("Compatibility", "plasma"),
        PLATELETS: QT_TRANSLATE_NOOP("Compatibility", "platelets"),
    }
)

UNKNOWN_KIND = QT_TRANSLATE_NOOP(
    "Compatibility", "Unknown component kind {kind!r}: expected one of whole_blood, red_cells, plasma, platelets."
)
UNKNOWN_DONOR_GROUP = QT_TRANSLATE_NOOP(
    "Compatibility", "Unknown donor group {group!r}: expected one of {groups}. A unit must be grouped before issue."
)
UNKNOWN_PATIENT_GROUP = QT_TRANSLATE_NOOP(
    "Compatibility", "Unknown patient group {group!r}: expected one of {groups}, or 'unknown' if not yet grouped."
)
UNKNOWN_SEX = QT_TRANSLATE_NOOP(
    "Compatibility", "Unknown patient sex {sex!r}: expected one of {sexes}, or nothing if not recorded."
)
IMPOSSIBLE_AGE = QT_TRANSLATE_NOOP(
    "Compatibility", "Patient age {age} is not possible: expected a number of years, 0 or more."
)

PATIENT_OF_GROUP = QT_TRANSLATE_NOOP("Compatibility", "a group {group} patient")
PATIENT_GROUP_NOT_KNOWN = QT_TRANSLATE_NOOP("Compatibility", "a patient whose group is not known")

RED_CELLS_ABO_INCOMPATIBLE = QT_TRANSLATE_NOOP(
    "Compatibility", "Group {donor} red cells are not compatible with {patient}. Acceptable: group {choices}."
)
PLASMA_ABO_INCOMPATIBLE = QT_TRANSLATE_NOOP(
    "Compatibility", "Group {donor} plasma is not compatible with {patient}. Acceptable: group {choices}."
)
PLATELETS_ABO_INCOMPATIBLE = QT_TRANSLATE_NOOP(
    "Compatibility", "Group {donor} platelets are not compatible with {patient}. Acceptable: group {choices}."
)
WHOLE_BLOOD_NOT_IDENTICAL = QT_TRANSLATE_NOOP(
    "Compatibility",
    "Whole blood must be ABO-identical: group {donor} whole blood cannot go to {patient}. Acceptable: group {choices}.",
)
WHOLE_BLOOD_PATIENT_NOT_GROUPED = QT_TRANSLATE_NOOP(
    "Compatibility",
    "Whole blood must be ABO-identical and the patient's group is not known: group the patient first, "
    "or issue group O red cells.",
)
RHD_POSITIVE_RED_CELLS_TO_NEGATIVE = QT_TRANSLATE_NOOP(
    "Compatibility",
    "Group {donor} red cells are RhD-positive and the patient is RhD-negative: give RhD-negative red cells. "
    "Only a medical officer may override this, for a man over {male_age} or a woman over {female_age} without anti-D.",
)
RHD_POSITIVE_WHOLE_BLOOD_TO_NEGATIVE = QT_TRANSLATE_NOOP(
    "Compatibility",
    "Group {donor} whole blood is RhD-positive and the patient is RhD-negative: give RhD-negative whole blood. "
    "Only a medical officer may override this, for a man over {male_age} or a woman over {female_age} without anti-D.",
)
RHD_POSITIVE_TO_UNGROUPED_PATIENT = QT_TRANSLATE_NOOP(
    "Compatibility",
    "O RhD-positive red cells may go to a patient whose group is not known only if the patient is a man over "
    "{male_age} or a woman over {female_age}: give O RhD-negative red cells.",
)
RHD_POSITIVE_TO_UNGROUPED_PATIENT_NO_DETAILS = QT_TRANSLATE_NOOP(
    "Compatibility",
    "O RhD-positive red cells may go to a patient whose group is not known only if the patient is a man over "
    "{male_age} or a woman over {female_age}, and this patient's sex or age is not recorded: record them, "
    "or give O RhD-negative red cells.",
)

LATER_CHOICE = QT_TRANSLATE_NOOP(
    "Compatibility",
    "Group {donor} is choice {choice} of {kind} for {patient}, after group {better}: use those first if in stock.",
)
USES_SCARCE_RHD_NEGATIVE = QT_TRANSLATE_NOOP(
    "Compatibility",
    "This group {donor} unit uses scarce RhD-negative stock: a group {alternative} unit suits this patient as well.",
)
LOW_TITRE_NEEDED = QT_TRANSLATE_NOOP(
    "Compatibility",
    "Group {donor} {kind} for {patient}: issue only a unit tested low titre for {antibodies}.",
)
ANTI_D_COVER_WOMAN = QT_TRANSLATE_NOOP(
    "Compatibility",
    "RhD-positive platelets for an RhD-negative woman or girl: give anti-D immunoglobulin cover.",
)
ANTI_D_COVER_NOT_RECORDED_MALE = QT_TRANSLATE_NOOP(
    "Compatibility",
    "RhD-positive platelets for an RhD-negative patient not recorded as male: if the patient could become pregnant, "
    "give anti-D immunoglobulin cover.",
)
ANTI_D_COVER_PATIENT_NOT_GROUPED = QT_TRANSLATE_NOOP(
    "Compatibility",
    "RhD-positive platelets for a patient whose group is not known: if the patient is RhD-negative, "
    "give anti-D immunoglobulin cover.",
)


@dataclass(frozen=True, slots=True)
class Compatibility:
    """The verdict on one unit for one patient, in words the issue counter reads.

    ``reasons`` say why not (empty when compatible); ``warnings`` say what care a compatible unit needs (empty when
    not compatible); ``rank`` is the unit's 0-based position in :func:`preference` (0 = first choice), ``None`` when
    not compatible.
    """

    compatible: bool
    reasons: tuple[Text, ...] = ()
    warnings: tuple[Text, ...] = ()
    rank: int | None = None


def is_compatible(
    kind: str, donor: str, patient: str, *, patient_sex: str | None = None, patient_age: float | None = None
) -> bool:
    """Whether a ``donor`` unit of ``kind`` may go to ``patient`` without an override.

    Without sex and age a patient of unknown group gets only O RhD-negative red cells: RhD-positive red cells are
    safe only for men over 18 and women over 50, and that cannot be assumed.
    """
    return assess(kind, donor, patient, patient_sex=patient_sex, patient_age=patient_age).compatible


def preference(
    kind: str, patient: str, *, patient_sex: str | None = None, patient_age: float | None = None
) -> list[str]:
    """Every compatible donor group for ``patient``, best first: ABO order of DOMAIN.md §6, then RhD within it."""
    kind = _kind(kind)
    patient = _patient(patient)
    sex = _sex(patient_sex)
    age = _age(patient_age)
    rhd_order = _rhd_order(kind, _rhd(patient), sex, age)
    return [abo + rhd for abo in _abo_order(kind, patient) for rhd in rhd_order]


def assess(
    kind: str, donor: str, patient: str, *, patient_sex: str | None = None, patient_age: float | None = None
) -> Compatibility:
    """Whether ``donor`` suits ``patient`` for ``kind``, why not, what care it needs, and how good a choice it is."""
    kind = _kind(kind)
    donor = _donor(donor)
    patient = _patient(patient)
    sex = _sex(patient_sex)
    age = _age(patient_age)
    ranked = preference(kind, patient, patient_sex=sex, patient_age=age)
    if donor not in ranked:
        return Compatibility(False, reasons=(_reason(kind, donor, patient, sex, age),))
    return Compatibility(True, warnings=_warnings(kind, donor, patient, sex, ranked), rank=ranked.index(donor))


def may_receive_rhd_positive_red_cells(patient_sex: str | None, patient_age: float | None) -> bool:
    """Whether RhD-positive red cells are acceptable for a patient who is, or may be, RhD-negative.

    True only for a man over 18 or a woman over 50 (no childbearing potential). Whether the patient has anti-D is
    for the antibody screen; services must check it before a medical officer overrides.
    """
    sex = _sex(patient_sex)
    age = _age(patient_age)
    if age is None:
        return False
    if sex == Sex.MALE:
        return age > RHD_POSITIVE_MIN_AGE_MALE.value
    if sex == Sex.FEMALE:
        return age > RHD_POSITIVE_MIN_AGE_FEMALE.value
    return False  # sex not recorded or X: protect a possible future pregnancy


def kind_name(kind: str) -> Msg:
    """The translatable name of a kind ("red cells"), for sentences about it."""
    return _KIND_NAMES[_kind(kind)]


def _rhd_order(kind: str, patient_rhd: str | None, sex: str | None, age: float | None) -> tuple[str, ...]:
    if kind == PLASMA:
        # plasma carries no RhD antigen: any RhD will do; identical first, RhD-positive first when unknown
        return ("-", "+") if patient_rhd == "-" else ("+", "-")
    if kind == PLATELETS:
        # RhD ignored for compatibility; RhD-negative first wherever anti-D cover could otherwise be needed
        if patient_rhd == "+" or (patient_rhd is None and sex == Sex.MALE):
            return ("+", "-")
        return ("-", "+")
    # red cells and whole blood: an RhD-positive patient takes RhD-positive first to conserve RhD-negative stock
    if patient_rhd == "+":
        return ("+", "-")
    if patient_rhd == "-":
        return ("-",)
    return ("+", "-") if may_receive_rhd_positive_red_cells(sex, age) else ("-",)


def _abo_order(kind: str, patient: str) -> tuple[str, ...]:
    return tuple(abo for tier in ABO_PREFERENCE.value[kind][_abo(patient)] for abo in tier)


def _reason(kind: str, donor: str, patient: str, sex: str | None, age: float | None) -> Text:
    abo_order = _abo_order(kind, patient)
    if kind == WHOLE_BLOOD and patient == UNKNOWN:
        return WHOLE_BLOOD_PATIENT_NOT_GROUPED()
    if _abo(donor) not in abo_order:
        incompatible = {
            WHOLE_BLOOD: WHOLE_BLOOD_NOT_IDENTICAL,
            RED_CELLS: RED_CELLS_ABO_INCOMPATIBLE,
            PLASMA: PLASMA_ABO_INCOMPATIBLE,
            PLATELETS: PLATELETS_ABO_INCOMPATIBLE,
        }[kind]
        return incompatible(donor=_abo(donor), patient=_describe(patient), choices=", ".join(abo_order))
    # the ABO group is acceptable, so RhD refused it: only red cells and whole blood refuse on RhD
    ages = {"male_age": RHD_POSITIVE_MIN_AGE_MALE.value, "female_age": RHD_POSITIVE_MIN_AGE_FEMALE.value}
    if patient == UNKNOWN:
        if sex is None or age is None:
            return RHD_POSITIVE_TO_UNGROUPED_PATIENT_NO_DETAILS(**ages)
        return RHD_POSITIVE_TO_UNGROUPED_PATIENT(**ages)
    if kind == WHOLE_BLOOD:
        return RHD_POSITIVE_WHOLE_BLOOD_TO_NEGATIVE(donor=donor, **ages)
    return RHD_POSITIVE_RED_CELLS_TO_NEGATIVE(donor=donor, **ages)


def _warnings(kind: str, donor: str, patient: str, sex: str | None, ranked: list[str]) -> tuple[Text, ...]:
    warnings: list[Text] = []
    name = _KIND_NAMES[kind]
    tiers = ABO_PREFERENCE.value[kind][_abo(patient)]
    donor_abo = _abo(donor)
    tier = next(number for number, groups in enumerate(tiers) if donor_abo in groups)
    if tier > 0:
        better = ", ".join(abo for earlier in tiers[:tier] for abo in earlier)
        warnings.append(
            LATER_CHOICE(donor=donor_abo, choice=tier + 1, kind=name, patient=_describe(patient), better=better)
        )
    antibodies = _antibodies_against(donor_abo, patient)
    if kind in LOW_TITRE_KINDS.value and antibodies:
        warnings.append(LOW_TITRE_NEEDED(donor=donor_abo, kind=name, patient=_describe(patient), antibodies=antibodies))
    alternative = donor_abo + "+"
    # plasma has no RhD antigen, so an RhD-negative plasma unit spares nothing scarce
    if kind != PLASMA and alternative in ranked and ranked.index(alternative) < ranked.index(donor):
        warnings.append(USES_SCARCE_RHD_NEGATIVE(donor=donor, alternative=alternative))
    if kind == PLATELETS and _rhd(donor) == "+" and _rhd(patient) != "+" and sex != Sex.MALE:
        if patient == UNKNOWN:
            warnings.append(ANTI_D_COVER_PATIENT_NOT_GROUPED())
        elif sex == Sex.FEMALE:
            warnings.append(ANTI_D_COVER_WOMAN())
        else:
            warnings.append(ANTI_D_COVER_NOT_RECORDED_MALE())
    return tuple(warnings)


def _antibodies_against(donor_abo: str, patient: str) -> str:
    """The donor's ABO antibodies that would meet antigens on the patient's red cells ("" when none)."""
    # a patient of unknown group may carry both A and B antigens
    patient_antigens = "AB" if patient == UNKNOWN else _abo(patient)
    found = [f"anti-{antigen}" for antigen in "AB" if antigen not in donor_abo and antigen in patient_antigens]
    return ", ".join(found)


def _describe(patient: str) -> Text:
    return PATIENT_GROUP_NOT_KNOWN() if patient == UNKNOWN else PATIENT_OF_GROUP(group=_abo(patient))


def _abo(group: str) -> str:
    return group if group == UNKNOWN else group[:-1]


def _rhd(group: str) -> str | None:
    return None if group == UNKNOWN else group[-1]


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise InvalidInput(UNKNOWN_KIND(kind=kind), field="kind")
    return kind


def _normalise_group(group: object) -> str | None:
    if not isinstance(group, str):
        return None
    # tolerate what a scanner or a keyboard produces: case, spaces, a typographic minus
    text = group.strip().upper().replace("\u2212", "-").replace(" ", "")
    if text == UNKNOWN.upper():
        return UNKNOWN
    return text if text in GROUPS else None


def _donor(group: str) -> str:
    normal = _normalise_group(group)
    if normal is None or normal == UNKNOWN:
        raise InvalidInput(UNKNOWN_DONOR_GROUP(group=group, groups=", ".join(GROUPS)), field="donor")
    return normal


def _patient(group: str) -> str:
    normal = _normalise_group(group)
    if normal is None:
        raise InvalidInput(UNKNOWN_PATIENT_GROUP(group=group, groups=", ".join(GROUPS)), field="patient")
    return normal


def _sex(sex: str | None) -> str | None:
    """Sex.MALE, Sex.FEMALE, Sex.OTHER or None (not recorded)."""
    if sex is None:
        return None
    normal = sex.strip().upper() if isinstance(sex, str) else sex
    if normal not in {s.value for s in Sex}:
        raise InvalidInput(UNKNOWN_SEX(sex=sex, sexes=", ".join(Sex)), field="patient_sex")
    return Sex(normal)


def _age(age: float | None) -> float | None:
    if age is None:
        return None
    if isinstance(age, bool) or not isinstance(age, int | float) or not math.isfinite(age) or age < 0:
        raise InvalidInput(IMPOSSIBLE_AGE(age=age), field="patient_age")
    return age
