"""The coded vocabularies every layer shares: sexes, donor types, bag types, results, statuses, reasons.

Values are the stable strings stored in the database and sent on the wire; members are ``StrEnum`` so a plain
string such as ``"M"`` or ``"whole_blood"`` compares equal to its member. Labels a person reads are in ``LABELS``.
"""

from __future__ import annotations

from enum import StrEnum

from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"
    OTHER = "X"


class DonorType(StrEnum):
    VOLUNTARY = "voluntary"
    REPLACEMENT = "replacement"


class IdDocument(StrEnum):
    AADHAAR = "aadhaar"
    VOTER_ID = "voter_id"
    PAN = "pan"
    DRIVING_LICENCE = "driving_licence"
    PASSPORT = "passport"
    OTHER = "other"


class DonationType(StrEnum):
    WHOLE_BLOOD = "whole_blood"
    APHERESIS = "apheresis"


class BagType(StrEnum):
    SINGLE = "single"
    DOUBLE = "double"
    TRIPLE = "triple"
    QUADRUPLE = "quadruple"
    QUADRUPLE_SAGM = "quadruple_sagm"


class CentreKind(StrEnum):
    BLOOD_CENTRE = "blood_centre"
    STORAGE_CENTRE = "storage_centre"
    CAMP = "camp"
    SPOKE = "spoke"
    HUB = "hub"


class ScreeningOutcome(StrEnum):
    ELIGIBLE = "eligible"
    DEFERRED = "deferred"


class TtiResult(StrEnum):
    NON_REACTIVE = "non_reactive"
    REACTIVE = "reactive"
    INDETERMINATE = "indeterminate"
    NOT_DONE = "not_done"


class Agglutination(StrEnum):
    """A tube or gel grouping reaction as read: negative, weak or positive."""

    NEGATIVE = "neg"
    WEAK = "weak"
    POSITIVE = "pos"


class AntibodyScreen(StrEnum):
    NEGATIVE = "negative"
    POSITIVE = "positive"
    NOT_DONE = "not_done"


class ComponentStatus(StrEnum):
    QUARANTINE = "quarantine"
    AVAILABLE = "available"
    RESERVED = "reserved"
    ISSUED = "issued"
    TRANSFUSED = "transfused"
    UNSAFE = "unsafe"
    EXPIRED = "expired"
    DISCARDED = "discarded"


class Urgency(StrEnum):
    ROUTINE = "routine"
    URGENT = "urgent"
    EMERGENCY = "emergency"


class RequestStatus(StrEnum):
    OPEN = "open"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"


class CrossmatchMethod(StrEnum):
    IMMEDIATE_SPIN = "immediate_spin"
    AHG = "ahg"
    GEL = "gel"
    ELECTRONIC = "electronic"


class CrossmatchResult(StrEnum):
    COMPATIBLE = "compatible"
    INCOMPATIBLE = "incompatible"


class AdverseReaction(StrEnum):
    """Adverse donor reactions at collection (DOMAIN.md §3)."""

    HAEMATOMA = "haematoma"
    ARTERIAL_PUNCTURE = "arterial_puncture"
    NERVE_INJURY = "nerve_injury"
    THROMBOPHLEBITIS = "thrombophlebitis"
    ALLERGY = "allergy"
    VASOVAGAL = "vasovagal"
    HYPERVENTILATION = "hyperventilation"
    CONVULSIONS = "convulsions"
    ACCIDENT = "accident"
    NAUSEA = "nausea"


class DiscardReason(StrEnum):
    EXPIRED = "expired"
    TTI_REACTIVE = "tti_reactive"
    LEAKED_OR_DAMAGED = "leaked_or_damaged"
    HAEMOLYSED = "haemolysed"
    LIPAEMIC = "lipaemic"
    CLOTTED = "clotted"
    UNDER_COLLECTED = "under_collected"
    OVER_COLLECTED = "over_collected"
    BLEED_TIME_EXCEEDED = "bleed_time_exceeded"
    RETURN_NOT_ACCEPTABLE = "return_not_acceptable"
    QC_FAILURE = "qc_failure"
    GROUPING_DISCREPANCY = "grouping_discrepancy"
    OTHER = "other"


class TransfusionReactionType(StrEnum):
    FEBRILE_NON_HAEMOLYTIC = "febrile_non_haemolytic"
    ALLERGIC = "allergic"
    ANAPHYLACTIC = "anaphylactic"
    ACUTE_HAEMOLYTIC = "acute_haemolytic"
    DELAYED_HAEMOLYTIC = "delayed_haemolytic"
    TRALI = "trali"
    TACO = "taco"
    BACTERIAL_CONTAMINATION = "bacterial_contamination"
    HYPOTENSIVE = "hypotensive"
    OTHER = "other"


class Severity(StrEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"
    LIFE_THREATENING = "life_threatening"
    DEATH = "death"


TTI_MARKERS: tuple[str, ...] = ("hiv", "hbsag", "hcv", "syphilis", "malaria")
"""The five transfusion-transmitted infection markers mandatory in India (DOMAIN.md §4)."""

BLOOD_GROUPS: tuple[str, ...] = ("O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-")

LABELS: dict[str, Msg] = {
    "hiv": QT_TRANSLATE_NOOP("Vocabulary", "HIV-1/2"),
    "hbsag": QT_TRANSLATE_NOOP("Vocabulary", "HBsAg (hepatitis B)"),
    "hcv": QT_TRANSLATE_NOOP("Vocabulary", "HCV (hepatitis C)"),
    "syphilis": QT_TRANSLATE_NOOP("Vocabulary", "Syphilis"),
    "malaria": QT_TRANSLATE_NOOP("Vocabulary", "Malaria"),
    TtiResult.NON_REACTIVE: QT_TRANSLATE_NOOP("Vocabulary", "Non-reactive"),
    TtiResult.REACTIVE: QT_TRANSLATE_NOOP("Vocabulary", "Reactive"),
    TtiResult.INDETERMINATE: QT_TRANSLATE_NOOP("Vocabulary", "Indeterminate"),
    TtiResult.NOT_DONE: QT_TRANSLATE_NOOP("Vocabulary", "Not done"),
    ComponentStatus.QUARANTINE: QT_TRANSLATE_NOOP("Vocabulary", "Quarantine"),
    ComponentStatus.AVAILABLE: QT_TRANSLATE_NOOP("Vocabulary", "Available"),
    ComponentStatus.RESERVED: QT_TRANSLATE_NOOP("Vocabulary", "Reserved"),
    ComponentStatus.ISSUED: QT_TRANSLATE_NOOP("Vocabulary", "Issued"),
    ComponentStatus.TRANSFUSED: QT_TRANSLATE_NOOP("Vocabulary", "Transfused"),
    ComponentStatus.UNSAFE: QT_TRANSLATE_NOOP("Vocabulary", "Unsafe"),
    ComponentStatus.EXPIRED: QT_TRANSLATE_NOOP("Vocabulary", "Expired"),
    ComponentStatus.DISCARDED: QT_TRANSLATE_NOOP("Vocabulary", "Discarded"),
}
