"""Donor eligibility: may this donor give blood at this visit, and if not, every reason why and until when.

Owns the donor-selection numbers of DOMAIN.md §2 (NBTC Guidelines for Blood Donor Selection and Blood Donor Referral,
2017), the screening questionnaire a medical officer asks (:data:`QUESTIONS`), and :func:`assess`, which the
screening service, the live screening page and camp laptops call with one :class:`DonorVisit`.

Conventions every caller can rely on:

- A deferral's ``until`` is the FIRST day the donor may donate again: the donor is deferred while
  ``visit_date < until``. Every reason's ``until`` is therefore later than the visit date.
- Ages are completed years by birthday arithmetic (:func:`age_on`). "18-65" means from the 18th birthday up to and
  including the day before the 66th birthday. In a common year a 29 February birthday falls on 1 March, and a date
  plus whole months that lands on a missing day (31 August + 6 months) moves to the 1st of the next month, so a
  deferral never ends early.
- Sex "X" (recorded as neither M nor F) gets the more conservative rule wherever sex matters: the 120-day whole blood
  interval, and the pregnancy, delivery, abortion and breast-feeding questions are asked.
- A value not yet entered is "not yet assessed": it is listed in :attr:`Assessment.missing`, it is never a reason,
  and a visit with anything missing is never eligible.
- An impossible value (a typing or instrument error) raises :class:`InvalidInput` naming the field; it is not a
  reason to defer.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from bbms_desktop.errors import InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.rules.sources import LOCAL_SOP, Rule
from bbms_desktop.rules.sources import NBTC_DONOR_SELECTION_2017 as NBTC
from bbms_desktop.rules.vocabulary import DonationType, Sex

# --------------------------------------------------------------------------------------------------------------------
# Periods


@dataclass(frozen=True, slots=True)
class Deferment:
    """How long a finding defers the donor: whole months or days from a start date, for ever, or while it applies.

    ``Deferment()`` (no period, not permanent) lasts while the condition applies (a pregnancy): it has no end date.
    """

    months: int = 0
    days: int = 0
    permanent: bool = False

    def __post_init__(self) -> None:
        if self.months < 0 or self.days < 0 or (self.months and self.days):
            raise ValueError("a deferment is whole months or days, not both, and never negative")
        if self.permanent and (self.months or self.days):
            raise ValueError("a permanent deferment has no period")

    @property
    def while_it_applies(self) -> bool:
        return not self.permanent and not self.months and not self.days

    def ends(self, start: date) -> date | None:
        """The first day the donor may donate again, or None for a permanent or open-ended deferment."""
        if self.permanent or self.while_it_applies:
            return None
        return add_months(start, self.months) + timedelta(days=self.days)


def add_months(start: date, months: int) -> date:
    """``start`` plus whole calendar months; a day missing in the target month moves to the 1st of the next month."""
    year, month_index = divmod(start.year * 12 + start.month - 1 + months, 12)
    month = month_index + 1
    if start.day <= calendar.monthrange(year, month)[1]:
        return date(year, month, start.day)
    # Rolling forward (31 Aug + 6 months -> 1 Mar, 29 Feb + 1 year -> 1 Mar) keeps deferrals from ending early, and
    # gives 29 February birthdays one rule (1 March in common years) for both the minimum and the maximum age.
    return date(year + month // 12, month % 12 + 1, 1)


def birthday(date_of_birth: date, years: int) -> date:
    """The day a person born on ``date_of_birth`` turns ``years`` old (29 February births: 1 March in common years)."""
    return add_months(date_of_birth, 12 * years)


def age_on(date_of_birth: date, on: date) -> int:
    """Age in completed years on the day ``on``, by birthday arithmetic."""
    if date_of_birth > on:
        raise InvalidInput(DOB_AFTER_VISIT(date_of_birth=date_of_birth, visit_date=on), field="date_of_birth")
    years = on.year - date_of_birth.year
    return years - 1 if birthday(date_of_birth, years) > on else years


# --------------------------------------------------------------------------------------------------------------------
# Rule numbers (DOMAIN.md §2). Ranges are inclusive at both ends unless the note says otherwise.

MIN_AGE_YEARS = Rule(18, NBTC, note="from the 18th birthday")
MAX_AGE_YEARS = Rule(65, NBTC, note="up to the day before the 66th birthday")
MAX_AGE_FIRST_TIME_YEARS = Rule(60, NBTC, note="first-time donors, up to the day before the 61st birthday")
MAX_AGE_APHERESIS_YEARS = Rule(60, NBTC, note="apheresis donors (minimum as for whole blood, 18)")

MIN_WEIGHT_350_ML_KG = Rule(45, NBTC, note="at least")
MIN_WEIGHT_450_ML_KG = Rule(55, NBTC, note="strictly more than")
MIN_WEIGHT_APHERESIS_KG = Rule(50, NBTC, note="at least")
BAG_VOLUMES_ML = Rule((350, 450), NBTC)

MIN_HAEMOGLOBIN_G_DL = Rule(12.5, NBTC, note="at least")
SYSTOLIC_RANGE_MMHG = Rule((100, 140), NBTC)
DIASTOLIC_RANGE_MMHG = Rule((60, 90), NBTC)
PULSE_RANGE_PER_MIN = Rule((60, 100), NBTC, note="and regular")
MAX_TEMPERATURE_C = Rule(37.5, NBTC, note="oral; afebrile")

WHOLE_BLOOD_INTERVAL_MALE_DAYS = Rule(90, NBTC)
WHOLE_BLOOD_INTERVAL_FEMALE_DAYS = Rule(120, NBTC, note="also used for sex X, the more conservative interval")
APHERESIS_MIN_GAP_HOURS = Rule(
    48, NBTC, note="a visit carries dates only, so counted as 2 calendar days; checking hours needs collection times"
)
APHERESIS_MAX_PER_7_DAYS = Rule(2, NBTC, note="'not more than 2 times a week', read as any 7 consecutive days")
APHERESIS_MAX_PER_YEAR = Rule(24, NBTC, note="read as any 365 consecutive days")
APHERESIS_AFTER_WHOLE_BLOOD_DAYS = Rule(28, NBTC, note="applied to every apheresis, not only plateletpheresis")
WHOLE_BLOOD_AFTER_APHERESIS_DAYS = Rule(
    28,
    NBTC,
    note="when red cells were fully returned; 90 days if not, which the visit does not record: the medical officer "
    "decides that case",
)

MAJOR_SURGERY_DEFERMENT = Rule(Deferment(months=12), NBTC, note="from the date of recovery")
MINOR_SURGERY_DEFERMENT = Rule(Deferment(months=6), NBTC, note="from the date of recovery")

# NBTC 2017 sets no period for a low haemoglobin, low weight or out-of-range vitals: the donor is turned away and may
# be examined again. Local SOP: re-examine at the next visit, the earliest being the next day.
RETEST_DEFERMENT = Rule(
    Deferment(days=1), LOCAL_SOP, note="re-examine at the next visit (the next day at the earliest)"
)

# Plausibility bounds: outside them the reading is a typing or instrument error, not a finding about the donor.
PLAUSIBLE_MAX_AGE_YEARS = Rule(120, LOCAL_SOP, note="plausibility bound")
PLAUSIBLE_WEIGHT_KG = Rule((10, 300), LOCAL_SOP, note="plausibility bound")
PLAUSIBLE_HAEMOGLOBIN_G_DL = Rule((1, 25), LOCAL_SOP, note="plausibility bound")
PLAUSIBLE_SYSTOLIC_MMHG = Rule((40, 300), LOCAL_SOP, note="plausibility bound")
PLAUSIBLE_DIASTOLIC_MMHG = Rule((20, 200), LOCAL_SOP, note="plausibility bound; also below systolic")
PLAUSIBLE_PULSE_PER_MIN = Rule((20, 250), LOCAL_SOP, note="plausibility bound")
PLAUSIBLE_TEMPERATURE_C = Rule((30, 45), LOCAL_SOP, note="plausibility bound")

# --------------------------------------------------------------------------------------------------------------------
# Messages

DOB_AFTER_VISIT = QT_TRANSLATE_NOOP(
    "Eligibility", "Date of birth {date_of_birth} is after the visit date {visit_date}: check the date of birth."
)
AGE_IMPOSSIBLE = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Date of birth {date_of_birth} makes the donor {age} years old, which is not possible: check the date.",
)
WEIGHT_IMPOSSIBLE = QT_TRANSLATE_NOOP("Eligibility", "Weight {value:.1f} kg is not possible: check the scale reading.")
HAEMOGLOBIN_IMPOSSIBLE = QT_TRANSLATE_NOOP(
    "Eligibility", "Haemoglobin {value:.1f} g/dL is not possible: check the haemoglobin reading."
)
SYSTOLIC_IMPOSSIBLE = QT_TRANSLATE_NOOP(
    "Eligibility", "Systolic pressure {value} mmHg is not possible: check the blood pressure reading."
)
DIASTOLIC_IMPOSSIBLE = QT_TRANSLATE_NOOP(
    "Eligibility", "Diastolic pressure {value} mmHg is not possible: check the blood pressure reading."
)
DIASTOLIC_NOT_BELOW_SYSTOLIC = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Diastolic pressure {diastolic} mmHg is not below systolic pressure {systolic} mmHg: check the blood pressure "
    "reading.",
)
PULSE_IMPOSSIBLE = QT_TRANSLATE_NOOP("Eligibility", "Pulse {value}/min is not possible: count the pulse again.")
TEMPERATURE_IMPOSSIBLE = QT_TRANSLATE_NOOP(
    "Eligibility", "Temperature {value:.1f} °C is not possible: check the thermometer reading."
)
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Eligibility", "{label}: '{value}' is not a number; enter the reading in figures.")
NOT_A_DATE = QT_TRANSLATE_NOOP("Eligibility", "{label}: '{value}' is not a date; enter a calendar date.")
NOT_YES_NO = QT_TRANSLATE_NOOP("Eligibility", "{label}: '{value}' is not an answer; answer yes or no.")
DATE_AFTER_VISIT = QT_TRANSLATE_NOOP(
    "Eligibility", "{label}: {date} is after the visit date {visit_date}: check the date."
)
SEX_UNKNOWN = QT_TRANSLATE_NOOP("Eligibility", "Sex '{value}' is not recognised: expected M, F or X.")
DONATION_TYPE_UNKNOWN = QT_TRANSLATE_NOOP(
    "Eligibility", "Donation type '{value}' is not recognised: expected whole blood or apheresis."
)
BAG_VOLUME_UNKNOWN = QT_TRANSLATE_NOOP("Eligibility", "Bag volume '{value}' ml is not offered: choose 350 or 450 ml.")
BAG_VOLUME_FOR_APHERESIS = QT_TRANSLATE_NOOP(
    "Eligibility", "A bag volume ({value} ml) applies to whole blood only: clear it for an apheresis donation."
)
FIRST_TIME_WITH_HISTORY = QT_TRANSLATE_NOOP(
    "Eligibility",
    "The donor is marked as a first-time donor but a donation on {date} is recorded: check the donor history.",
)
DEFERRAL_PERMANENT_WITH_END = QT_TRANSLATE_NOOP(
    "Eligibility", "Deferral {code} is marked permanent but ends on {until}: check the deferral record."
)
DEFERRAL_MALFORMED = QT_TRANSLATE_NOOP(
    "Eligibility", "A recorded deferral is incomplete (code '{code}'): check the deferral record."
)
UNKNOWN_QUESTION = QT_TRANSLATE_NOOP(
    "Eligibility", "Questionnaire code '{code}' is not a known screening question: the answer cannot be assessed."
)

LABELS: Mapping[str, Msg] = MappingProxyType(
    {
        "visit_date": QT_TRANSLATE_NOOP("Eligibility", "Visit date"),
        "date_of_birth": QT_TRANSLATE_NOOP("Eligibility", "Date of birth"),
        "first_time": QT_TRANSLATE_NOOP("Eligibility", "First-time donor"),
        "bag_volume_ml": QT_TRANSLATE_NOOP("Eligibility", "Bag volume"),
        "weight_kg": QT_TRANSLATE_NOOP("Eligibility", "Weight"),
        "haemoglobin_g_dl": QT_TRANSLATE_NOOP("Eligibility", "Haemoglobin"),
        "systolic_mmhg": QT_TRANSLATE_NOOP("Eligibility", "Systolic pressure"),
        "diastolic_mmhg": QT_TRANSLATE_NOOP("Eligibility", "Diastolic pressure"),
        "pulse_per_min": QT_TRANSLATE_NOOP("Eligibility", "Pulse"),
        "pulse_regular": QT_TRANSLATE_NOOP("Eligibility", "Pulse regular"),
        "temperature_c": QT_TRANSLATE_NOOP("Eligibility", "Temperature"),
        "last_whole_blood": QT_TRANSLATE_NOOP("Eligibility", "Last whole blood donation"),
        "apheresis_dates": QT_TRANSLATE_NOOP("Eligibility", "Apheresis donation"),
        "deferrals": QT_TRANSLATE_NOOP("Eligibility", "Recorded deferral"),
    }
)
"""Field names as a technician reads them, used inside messages that name a field."""

# Reason texts.
AGE_BELOW_MIN_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Donor is {age} years old; the minimum age is {minimum}. The donor may donate from {until}."
)
AGE_ABOVE_MAX_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Donor is {age} years old; donors may give blood only up to the age of {maximum}."
)
AGE_ABOVE_FIRST_TIME_MAX_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Donor is {age} years old and has never donated; a first-time donor must be {maximum} or younger."
)
AGE_ABOVE_APHERESIS_MAX_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Donor is {age} years old; apheresis donors must be {maximum} or younger. Whole blood may still be possible.",
)
WEIGHT_LOW_350_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Donor weighs {weight:.1f} kg; a 350 ml donation needs at least {minimum} kg."
)
WEIGHT_LOW_450_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Donor weighs {weight:.1f} kg; a 450 ml donation needs more than {minimum} kg. A 350 ml bag needs at least "
    "{minimum_350} kg.",
)
WEIGHT_LOW_WHOLE_BLOOD_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Donor weighs {weight:.1f} kg; whole blood donation needs at least {minimum} kg."
)
WEIGHT_LOW_APHERESIS_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Donor weighs {weight:.1f} kg; apheresis needs at least {minimum} kg."
)
HB_LOW_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Haemoglobin {value:.1f} g/dL is below the minimum of {minimum} g/dL. Test again from {until}."
)
SYSTOLIC_LOW_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Systolic pressure {value} mmHg is below the accepted {low}-{high} mmHg. Measure again from {until}."
)
SYSTOLIC_HIGH_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Systolic pressure {value} mmHg is above the accepted {low}-{high} mmHg. Measure again from {until}."
)
DIASTOLIC_LOW_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Diastolic pressure {value} mmHg is below the accepted {low}-{high} mmHg. Measure again from {until}.",
)
DIASTOLIC_HIGH_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Diastolic pressure {value} mmHg is above the accepted {low}-{high} mmHg. Measure again from {until}.",
)
PULSE_LOW_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Pulse {value}/min is below the accepted {low}-{high}/min. Examine again from {until}."
)
PULSE_HIGH_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Pulse {value}/min is above the accepted {low}-{high}/min. Examine again from {until}."
)
PULSE_IRREGULAR_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Pulse is irregular; a donor's pulse must be regular. Examine again from {until}."
)
TEMPERATURE_HIGH_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Temperature {value:.1f} °C is above {maximum} °C: the donor has fever. Examine again from {until}."
)
INTERVAL_WHOLE_BLOOD_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Last whole blood donation was on {last}; whole blood donations must be {days} days apart, so the next is "
    "possible from {until}.",
)
INTERVAL_WHOLE_BLOOD_AFTER_APHERESIS_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Last apheresis donation was on {last}; whole blood may be given {days} days after apheresis, from {until}.",
)
INTERVAL_APHERESIS_AFTER_WHOLE_BLOOD_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Last whole blood donation was on {last}; apheresis may be done {days} days after whole blood, from {until}.",
)
INTERVAL_APHERESIS_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Last apheresis donation was on {last}; apheresis donations must be at least {hours} hours apart, so the next "
    "is possible from {until}.",
)
APHERESIS_WEEKLY_LIMIT_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Donor has given apheresis {count} times in the last 7 days; the limit is {maximum} in any 7 days, so the next "
    "is possible from {until}.",
)
APHERESIS_YEARLY_LIMIT_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility",
    "Donor has given apheresis {count} times in the last 365 days; the limit is {maximum} a year, so the next is "
    "possible from {until}.",
)
DEFERRAL_ACTIVE_PERMANENT_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Donor is permanently deferred (recorded reason {code})."
)
DEFERRAL_ACTIVE_UNTIL_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Donor is deferred (recorded reason {code}); the donor may donate again from {until}."
)
DEFERRAL_ACTIVE_OPEN_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "Donor is deferred (recorded reason {code}) with no end date, until a medical officer lifts it."
)
ANSWER_PERMANENT_TEXT = QT_TRANSLATE_NOOP("Eligibility", "{topic}: permanent deferral.")
ANSWER_WHILE_IT_APPLIES_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "{topic}: deferred while this applies; ask again at the next visit."
)
ANSWER_TODAY_TEXT = QT_TRANSLATE_NOOP("Eligibility", "{topic}: deferred; the donor may donate from {until}.")
ANSWER_MONTHS_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "{topic}: {date}. Donation is possible {months} months after this date, from {until}."
)
ANSWER_DAYS_TEXT = QT_TRANSLATE_NOOP(
    "Eligibility", "{topic}: {date}. Donation is possible {days} days after this date, from {until}."
)

# --------------------------------------------------------------------------------------------------------------------
# The questionnaire


class AnswerKind(StrEnum):
    YES_NO = "yes_no"  # answer True or False
    DATE = "date"  # answer the date of the event or recovery, or None when it never happened


ALL_SEXES: frozenset[Sex] = frozenset(Sex)
WOMEN_AND_X: frozenset[Sex] = frozenset({Sex.FEMALE, Sex.OTHER})  # X: asked, the more conservative choice
ALL_DONATION_TYPES: frozenset[DonationType] = frozenset(DonationType)


@dataclass(frozen=True, slots=True)
class Question:
    """One screening question: what is asked, how it is answered and how long a deferring answer defers.

    A yes/no question defers when the answer equals ``defers_on`` and counts its period from the visit date; a date
    question counts its period from the answered date. The reason it gives has code ``code.upper()`` and field
    ``"answers.<code>"``.
    """

    code: str
    text: Msg
    topic: Msg
    kind: AnswerKind
    deferment: Rule[Deferment]
    defers_on: bool = True
    sexes: frozenset[Sex] = ALL_SEXES
    donation_types: frozenset[DonationType] = ALL_DONATION_TYPES

    @property
    def reason_code(self) -> str:
        return self.code.upper()

    @property
    def field(self) -> str:
        return f"answers.{self.code}"

    def applies_to(self, sex: str, donation_type: str) -> bool:
        return sex in self.sexes and donation_type in self.donation_types


_PERMANENT = Deferment(permanent=True)
_WHILE_IT_APPLIES = Deferment()
# The questionnaire periods tagged LOCAL_SOP are this project's reading of the NBTC 2017 deferral table, which could
# not be checked against the guideline text while writing them: each site's medical officer confirms or edits them.
_UNCONFIRMED = "NBTC 2017 period not confirmed against the guideline text; site SOP to confirm"

RECENT_ILLNESS_DEFERMENT = Rule(Deferment(days=14), LOCAL_SOP, note=_UNCONFIRMED + "; from recovery")
TATTOO_PIERCING_ACUPUNCTURE_DEFERMENT = Rule(Deferment(months=12), LOCAL_SOP, note=_UNCONFIRMED)
PREGNANCY_DEFERMENT = Rule(_WHILE_IT_APPLIES, NBTC, note="for the pregnancy; the delivery question applies after it")
DELIVERY_DEFERMENT = Rule(Deferment(months=12), LOCAL_SOP, note=_UNCONFIRMED)
ABORTION_DEFERMENT = Rule(Deferment(months=6), LOCAL_SOP, note=_UNCONFIRMED)
BREAST_FEEDING_DEFERMENT = Rule(_WHILE_IT_APPLIES, LOCAL_SOP, note=_UNCONFIRMED)
MALARIA_DEFERMENT = Rule(Deferment(months=3), LOCAL_SOP, note=_UNCONFIRMED + "; from recovery after full treatment")
TYPHOID_DEFERMENT = Rule(Deferment(months=12), LOCAL_SOP, note=_UNCONFIRMED + "; from recovery")
DENGUE_CHIKUNGUNYA_DEFERMENT = Rule(Deferment(months=6), LOCAL_SOP, note=_UNCONFIRMED + "; from recovery")
JAUNDICE_HEPATITIS_A_E_DEFERMENT = Rule(Deferment(months=12), LOCAL_SOP, note=_UNCONFIRMED + "; from recovery")
HIV_HEPATITIS_INFECTION_DEFERMENT = Rule(_PERMANENT, NBTC, note="DOMAIN.md §2: permanent for HIV/HBV/HCV")
HIV_HEPATITIS_PARTNER_DEFERMENT = Rule(_PERMANENT, LOCAL_SOP, note=_UNCONFIRMED)
HIGH_RISK_BEHAVIOUR_DEFERMENT = Rule(_PERMANENT, LOCAL_SOP, note=_UNCONFIRMED)
TRANSFUSION_DEFERMENT = Rule(Deferment(months=12), LOCAL_SOP, note=_UNCONFIRMED)
LIVE_VACCINE_DEFERMENT = Rule(Deferment(days=28), LOCAL_SOP, note=_UNCONFIRMED)
RABIES_VACCINE_DEFERMENT = Rule(Deferment(months=12), LOCAL_SOP, note=_UNCONFIRMED + "; vaccine after an animal bite")
ALCOHOL_DEFERMENT = Rule(Deferment(days=1), LOCAL_SOP, note=_UNCONFIRMED + "; 24 hours counted as the next day")
ANTIBIOTICS_DEFERMENT = Rule(Deferment(days=14), LOCAL_SOP, note=_UNCONFIRMED + "; from the last dose")
ASPIRIN_PLATELET_DONOR_DEFERMENT = Rule(Deferment(days=3), LOCAL_SOP, note=_UNCONFIRMED + "; from the last dose")
DONATION_REACTION_DEFERMENT = Rule(_PERMANENT, LOCAL_SOP, note=_UNCONFIRMED)

_YES_NO, _DATE = AnswerKind.YES_NO, AnswerKind.DATE
_APHERESIS_ONLY = frozenset({DonationType.APHERESIS})

QUESTIONS: tuple[Question, ...] = (
    Question(
        "feeling_well",
        QT_TRANSLATE_NOOP("Eligibility", "Is the donor feeling well today?"),
        QT_TRANSLATE_NOOP("Eligibility", "Not feeling well today"),
        _YES_NO,
        RETEST_DEFERMENT,
        defers_on=False,
    ),
    Question(
        "recent_illness",
        QT_TRANSLATE_NOOP(
            "Eligibility",
            "If the donor has had fever or an acute illness (cold, flu, sore throat), on what date did they recover?",
        ),
        QT_TRANSLATE_NOOP("Eligibility", "Recovery from fever or acute illness"),
        _DATE,
        RECENT_ILLNESS_DEFERMENT,
    ),
    Question(
        "major_surgery",
        QT_TRANSLATE_NOOP("Eligibility", "If the donor has had major surgery, on what date did they recover fully?"),
        QT_TRANSLATE_NOOP("Eligibility", "Recovery from major surgery"),
        _DATE,
        MAJOR_SURGERY_DEFERMENT,
    ),
    Question(
        "minor_surgery",
        QT_TRANSLATE_NOOP("Eligibility", "If the donor has had minor surgery, on what date did they recover fully?"),
        QT_TRANSLATE_NOOP("Eligibility", "Recovery from minor surgery"),
        _DATE,
        MINOR_SURGERY_DEFERMENT,
    ),
    Question(
        "tattoo",
        QT_TRANSLATE_NOOP("Eligibility", "Date of the donor's most recent tattoo, if any."),
        QT_TRANSLATE_NOOP("Eligibility", "Tattoo"),
        _DATE,
        TATTOO_PIERCING_ACUPUNCTURE_DEFERMENT,
    ),
    Question(
        "piercing",
        QT_TRANSLATE_NOOP("Eligibility", "Date of the donor's most recent ear or body piercing, if any."),
        QT_TRANSLATE_NOOP("Eligibility", "Ear or body piercing"),
        _DATE,
        TATTOO_PIERCING_ACUPUNCTURE_DEFERMENT,
    ),
    Question(
        "acupuncture",
        QT_TRANSLATE_NOOP("Eligibility", "Date of the donor's most recent acupuncture, if any."),
        QT_TRANSLATE_NOOP("Eligibility", "Acupuncture"),
        _DATE,
        TATTOO_PIERCING_ACUPUNCTURE_DEFERMENT,
    ),
    Question(
        "pregnant",
        QT_TRANSLATE_NOOP("Eligibility", "Is the donor pregnant now?"),
        QT_TRANSLATE_NOOP("Eligibility", "Pregnancy"),
        _YES_NO,
        PREGNANCY_DEFERMENT,
        sexes=WOMEN_AND_X,
    ),
    Question(
        "delivery",
        QT_TRANSLATE_NOOP("Eligibility", "Date of the donor's most recent delivery, if any."),
        QT_TRANSLATE_NOOP("Eligibility", "Delivery"),
        _DATE,
        DELIVERY_DEFERMENT,
        sexes=WOMEN_AND_X,
    ),
    Question(
        "abortion",
        QT_TRANSLATE_NOOP("Eligibility", "Date of the donor's most recent miscarriage or abortion, if any."),
        QT_TRANSLATE_NOOP("Eligibility", "Miscarriage or abortion"),
        _DATE,
        ABORTION_DEFERMENT,
        sexes=WOMEN_AND_X,
    ),
    Question(
        "breast_feeding",
        QT_TRANSLATE_NOOP("Eligibility", "Is the donor breast-feeding now?"),
        QT_TRANSLATE_NOOP("Eligibility", "Breast-feeding"),
        _YES_NO,
        BREAST_FEEDING_DEFERMENT,
        sexes=WOMEN_AND_X,
    ),
    Question(
        "malaria",
        QT_TRANSLATE_NOOP(
            "Eligibility", "If the donor has had malaria, on what date did they recover after full treatment?"
        ),
        QT_TRANSLATE_NOOP("Eligibility", "Recovery from malaria"),
        _DATE,
        MALARIA_DEFERMENT,
    ),
    Question(
        "typhoid",
        QT_TRANSLATE_NOOP("Eligibility", "If the donor has had typhoid, on what date did they recover?"),
        QT_TRANSLATE_NOOP("Eligibility", "Recovery from typhoid"),
        _DATE,
        TYPHOID_DEFERMENT,
    ),
    Question(
        "dengue_chikungunya",
        QT_TRANSLATE_NOOP("Eligibility", "If the donor has had dengue or chikungunya, on what date did they recover?"),
        QT_TRANSLATE_NOOP("Eligibility", "Recovery from dengue or chikungunya"),
        _DATE,
        DENGUE_CHIKUNGUNYA_DEFERMENT,
    ),
    Question(
        "jaundice_hepatitis_a_e",
        QT_TRANSLATE_NOOP(
            "Eligibility", "If the donor has had jaundice or hepatitis A or E, on what date did they recover?"
        ),
        QT_TRANSLATE_NOOP("Eligibility", "Recovery from jaundice or hepatitis A/E"),
        _DATE,
        JAUNDICE_HEPATITIS_A_E_DEFERMENT,
    ),
    Question(
        "hiv_hepatitis_infection",
        QT_TRANSLATE_NOOP("Eligibility", "Has the donor ever tested positive for HIV, hepatitis B or hepatitis C?"),
        QT_TRANSLATE_NOOP("Eligibility", "HIV, hepatitis B or hepatitis C infection"),
        _YES_NO,
        HIV_HEPATITIS_INFECTION_DEFERMENT,
    ),
    Question(
        "hiv_hepatitis_partner",
        QT_TRANSLATE_NOOP(
            "Eligibility", "Is the donor's spouse or sexual partner living with HIV, hepatitis B or hepatitis C?"
        ),
        QT_TRANSLATE_NOOP("Eligibility", "Partner with HIV, hepatitis B or hepatitis C"),
        _YES_NO,
        HIV_HEPATITIS_PARTNER_DEFERMENT,
    ),
    Question(
        "high_risk_behaviour",
        QT_TRANSLATE_NOOP(
            "Eligibility",
            "Has the donor ever injected drugs not prescribed, had sex for money or drugs, or had multiple sexual "
            "partners?",
        ),
        QT_TRANSLATE_NOOP("Eligibility", "High-risk behaviour"),
        _YES_NO,
        HIGH_RISK_BEHAVIOUR_DEFERMENT,
    ),
    Question(
        "transfusion",
        QT_TRANSLATE_NOOP("Eligibility", "Date the donor last received a blood transfusion, if ever."),
        QT_TRANSLATE_NOOP("Eligibility", "Blood transfusion received"),
        _DATE,
        TRANSFUSION_DEFERMENT,
    ),
    Question(
        "live_vaccine",
        QT_TRANSLATE_NOOP(
            "Eligibility",
            "Date of the donor's most recent live vaccine (measles, mumps, rubella, oral polio, yellow fever, "
            "chickenpox, BCG), if any.",
        ),
        QT_TRANSLATE_NOOP("Eligibility", "Live vaccine"),
        _DATE,
        LIVE_VACCINE_DEFERMENT,
    ),
    Question(
        "rabies_vaccine",
        QT_TRANSLATE_NOOP(
            "Eligibility", "Date of the donor's most recent rabies vaccine after an animal bite, if any."
        ),
        QT_TRANSLATE_NOOP("Eligibility", "Rabies vaccine after an animal bite"),
        _DATE,
        RABIES_VACCINE_DEFERMENT,
    ),
    Question(
        "alcohol_24h",
        QT_TRANSLATE_NOOP("Eligibility", "Has the donor drunk alcohol in the last 24 hours?"),
        QT_TRANSLATE_NOOP("Eligibility", "Alcohol in the last 24 hours"),
        _YES_NO,
        ALCOHOL_DEFERMENT,
    ),
    Question(
        "antibiotics",
        QT_TRANSLATE_NOOP("Eligibility", "Date of the donor's last dose of antibiotics, if taken recently."),
        QT_TRANSLATE_NOOP("Eligibility", "Antibiotics"),
        _DATE,
        ANTIBIOTICS_DEFERMENT,
    ),
    Question(
        "aspirin",
        QT_TRANSLATE_NOOP(
            "Eligibility",
            "Date of the donor's last dose of aspirin or another anti-platelet medicine, if taken recently.",
        ),
        QT_TRANSLATE_NOOP("Eligibility", "Aspirin or anti-platelet medicine (platelet donor)"),
        _DATE,
        ASPIRIN_PLATELET_DONOR_DEFERMENT,
        donation_types=_APHERESIS_ONLY,
    ),
    Question(
        "donation_reaction",
        QT_TRANSLATE_NOOP(
            "Eligibility",
            "Has the donor fainted after two donations in a row, or fainted with an injury after a donation?",
        ),
        QT_TRANSLATE_NOOP("Eligibility", "Severe reaction to an earlier donation"),
        _YES_NO,
        DONATION_REACTION_DEFERMENT,
    ),
)

QUESTION_BY_CODE: Mapping[str, Question] = MappingProxyType({q.code: q for q in QUESTIONS})


def applicable_questions(sex: str, donation_type: str) -> tuple[Question, ...]:
    """The questions to ask this donor, in the order a medical officer asks them."""
    return tuple(q for q in QUESTIONS if q.applies_to(sex, donation_type))


# --------------------------------------------------------------------------------------------------------------------
# Input and result


@dataclass(frozen=True, slots=True)
class DeferralFact:
    """A deferral already on the donor's record. ``until`` is the first day the donor may donate again; a temporary
    deferral without ``until`` lasts until a medical officer lifts it."""

    code: str
    permanent: bool
    until: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DonorVisit:
    """What is known about a donor at one screening visit. ``None`` means "not yet entered"."""

    visit_date: date
    date_of_birth: date
    sex: str  # Sex: "M", "F" or "X"
    first_time: bool
    donation_type: str  # DonationType: "whole_blood" or "apheresis"
    bag_volume_ml: int | None = None  # 350 or 450, whole blood only
    weight_kg: float | None = None
    haemoglobin_g_dl: float | None = None
    systolic_mmhg: int | None = None
    diastolic_mmhg: int | None = None
    pulse_per_min: int | None = None
    pulse_regular: bool | None = None
    temperature_c: float | None = None
    last_whole_blood: date | None = None
    apheresis_dates: tuple[date, ...] = ()
    deferrals: tuple[DeferralFact, ...] = ()
    answers: Mapping[str, Any] = field(default_factory=dict)  # question code -> bool, or date / None


@dataclass(frozen=True, slots=True)
class Reason:
    """One thing that stops this donation. ``until`` is the first day it no longer does; None when permanent or when
    it lasts while a condition applies."""

    code: str
    text: Text
    field: str | None
    permanent: bool
    until: date | None

    def __post_init__(self) -> None:
        if self.permanent and self.until is not None:
            raise ValueError("a permanent reason has no end date")


@dataclass(frozen=True, slots=True)
class Assessment:
    """The outcome of :func:`assess`: every reason found, and every field not yet assessed.

    ``permanent`` means the donor can never give this visit's donation type again (over-age for apheresis still
    leaves whole blood). ``defer_until`` is the latest end among the reasons; it is None when there is no reason,
    when any reason is permanent (permanent wins) or when any lasts while a condition applies.
    """

    reasons: tuple[Reason, ...]
    missing: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def eligible(self) -> bool:
        # Never eligible on a partial examination: a missing haemoglobin is not a normal one.
        return self.complete and not self.reasons

    @property
    def permanent(self) -> bool:
        return any(r.permanent for r in self.reasons)

    @property
    def defer_until(self) -> date | None:
        ends = [r.until for r in self.reasons]
        if not ends or None in ends:
            return None
        return max(e for e in ends if e is not None)


# --------------------------------------------------------------------------------------------------------------------
# Assessment


def assess(visit: DonorVisit) -> Assessment:
    """Every reason this visit's donation may not go ahead, and what is still to be entered.

    Raises :class:`InvalidInput` (with ``field``) for an impossible or malformed value.
    """
    _validate(visit)
    sex, donation_type = Sex(visit.sex), DonationType(visit.donation_type)
    reasons = [
        *_recorded_deferrals(visit),
        *_age_reasons(visit, donation_type),
        *_interval_reasons(visit, sex, donation_type),
        *_examination_reasons(visit, donation_type),
        *_answer_reasons(visit),
    ]
    return Assessment(tuple(reasons), _missing(visit, sex, donation_type))


def _recorded_deferrals(visit: DonorVisit) -> list[Reason]:
    reasons = []
    for d in visit.deferrals:
        if d.permanent:
            reasons.append(
                Reason("DEFERRAL_ACTIVE", DEFERRAL_ACTIVE_PERMANENT_TEXT(code=d.code), "deferrals", True, None)
            )
        elif d.until is None:
            reasons.append(Reason("DEFERRAL_ACTIVE", DEFERRAL_ACTIVE_OPEN_TEXT(code=d.code), "deferrals", False, None))
        elif visit.visit_date < d.until:
            text = DEFERRAL_ACTIVE_UNTIL_TEXT(code=d.code, until=d.until)
            reasons.append(Reason("DEFERRAL_ACTIVE", text, "deferrals", False, d.until))
    return reasons


def _age_reasons(visit: DonorVisit, donation_type: DonationType) -> list[Reason]:
    # One reason at most: the age is one fact, and the most specific rule it breaks explains it best.
    age = age_on(visit.date_of_birth, visit.visit_date)
    if age < MIN_AGE_YEARS.value:
        until = birthday(visit.date_of_birth, MIN_AGE_YEARS.value)
        text = AGE_BELOW_MIN_TEXT(age=age, minimum=MIN_AGE_YEARS.value, until=until)
        return [Reason("AGE_BELOW_MIN", text, "date_of_birth", False, until)]
    if age > MAX_AGE_YEARS.value:
        text = AGE_ABOVE_MAX_TEXT(age=age, maximum=MAX_AGE_YEARS.value)
        return [Reason("AGE_ABOVE_MAX", text, "date_of_birth", True, None)]
    if donation_type is DonationType.APHERESIS and age > MAX_AGE_APHERESIS_YEARS.value:
        text = AGE_ABOVE_APHERESIS_MAX_TEXT(age=age, maximum=MAX_AGE_APHERESIS_YEARS.value)
        return [Reason("AGE_ABOVE_APHERESIS_MAX", text, "date_of_birth", True, None)]
    if visit.first_time and age > MAX_AGE_FIRST_TIME_YEARS.value:
        # Permanent: a donor past the first-time limit can never become a repeat donor.
        text = AGE_ABOVE_FIRST_TIME_MAX_TEXT(age=age, maximum=MAX_AGE_FIRST_TIME_YEARS.value)
        return [Reason("AGE_ABOVE_FIRST_TIME_MAX", text, "date_of_birth", True, None)]
    return []


def _interval_reasons(visit: DonorVisit, sex: Sex, donation_type: DonationType) -> list[Reason]:
    apheresis = sorted(visit.apheresis_dates, reverse=True)
    last_apheresis = apheresis[0] if apheresis else None
    # (code, previous donation, days to wait after it, text, field, the text's other parameters)
    gaps: list[tuple[str, date | None, int, Msg, str, dict[str, int]]]
    if donation_type is DonationType.WHOLE_BLOOD:
        interval = (WHOLE_BLOOD_INTERVAL_MALE_DAYS if sex is Sex.MALE else WHOLE_BLOOD_INTERVAL_FEMALE_DAYS).value
        after_apheresis = WHOLE_BLOOD_AFTER_APHERESIS_DAYS.value
        gaps = [
            (
                "INTERVAL_WHOLE_BLOOD",
                visit.last_whole_blood,
                interval,
                INTERVAL_WHOLE_BLOOD_TEXT,
                "last_whole_blood",
                {"days": interval},
            ),
            (
                "INTERVAL_WHOLE_BLOOD_AFTER_APHERESIS",
                last_apheresis,
                after_apheresis,
                INTERVAL_WHOLE_BLOOD_AFTER_APHERESIS_TEXT,
                "apheresis_dates",
                {"days": after_apheresis},
            ),
        ]
    else:
        after_whole_blood, gap_hours = APHERESIS_AFTER_WHOLE_BLOOD_DAYS.value, APHERESIS_MIN_GAP_HOURS.value
        gaps = [
            (
                "INTERVAL_APHERESIS_AFTER_WHOLE_BLOOD",
                visit.last_whole_blood,
                after_whole_blood,
                INTERVAL_APHERESIS_AFTER_WHOLE_BLOOD_TEXT,
                "last_whole_blood",
                {"days": after_whole_blood},
            ),
            (
                "INTERVAL_APHERESIS",
                last_apheresis,
                -(-gap_hours // 24),
                INTERVAL_APHERESIS_TEXT,
                "apheresis_dates",
                {"hours": gap_hours},
            ),
        ]
    reasons = []
    for code, last, days, msg, field_name, params in gaps:
        if last is None:
            continue
        until = last + timedelta(days=days)
        if visit.visit_date < until:
            reasons.append(Reason(code, msg(last=last, until=until, **params), field_name, False, until))
    if donation_type is DonationType.APHERESIS:
        reasons += _apheresis_frequency_reasons(visit.visit_date, apheresis)
    return reasons


def _apheresis_frequency_reasons(today: date, apheresis_newest_first: list[date]) -> list[Reason]:
    reasons = []
    for code, window_days, limit, msg in (
        ("APHERESIS_WEEKLY_LIMIT", 7, APHERESIS_MAX_PER_7_DAYS.value, APHERESIS_WEEKLY_LIMIT_TEXT),
        ("APHERESIS_YEARLY_LIMIT", 365, APHERESIS_MAX_PER_YEAR.value, APHERESIS_YEARLY_LIMIT_TEXT),
    ):
        # The window is the visit day and the (window_days - 1) days before it. Today's donation would exceed the
        # limit while `limit` donations are in it; it opens again when the limit-th latest of them drops out.
        in_window = [d for d in apheresis_newest_first if d > today - timedelta(days=window_days)]
        if len(in_window) >= limit:
            until = in_window[limit - 1] + timedelta(days=window_days)
            reasons.append(
                Reason(code, msg(count=len(in_window), maximum=limit, until=until), "apheresis_dates", False, until)
            )
    return reasons


def _examination_reasons(visit: DonorVisit, donation_type: DonationType) -> list[Reason]:
    retest = RETEST_DEFERMENT.value.ends(visit.visit_date)
    reasons = []

    def defer(code: str, text: Text, field_name: str) -> None:
        reasons.append(Reason(code, text, field_name, False, retest))

    weight = visit.weight_kg
    if weight is not None:
        if donation_type is DonationType.APHERESIS:
            if weight < MIN_WEIGHT_APHERESIS_KG.value:
                defer(
                    "WEIGHT_LOW",
                    WEIGHT_LOW_APHERESIS_TEXT(weight=weight, minimum=MIN_WEIGHT_APHERESIS_KG.value),
                    "weight_kg",
                )
        elif visit.bag_volume_ml == 450:
            if not weight > MIN_WEIGHT_450_ML_KG.value:
                text = WEIGHT_LOW_450_TEXT(
                    weight=weight, minimum=MIN_WEIGHT_450_ML_KG.value, minimum_350=MIN_WEIGHT_350_ML_KG.value
                )
                defer("WEIGHT_LOW", text, "weight_kg")
        elif weight < MIN_WEIGHT_350_ML_KG.value:
            # A 350 ml bag, or no bag chosen yet: too light for any whole blood donation.
            msg = WEIGHT_LOW_350_TEXT if visit.bag_volume_ml == 350 else WEIGHT_LOW_WHOLE_BLOOD_TEXT
            defer("WEIGHT_LOW", msg(weight=weight, minimum=MIN_WEIGHT_350_ML_KG.value), "weight_kg")

    hb = visit.haemoglobin_g_dl
    if hb is not None and hb < MIN_HAEMOGLOBIN_G_DL.value:
        defer("HB_LOW", HB_LOW_TEXT(value=hb, minimum=MIN_HAEMOGLOBIN_G_DL.value, until=retest), "haemoglobin_g_dl")

    for value, rule, prefix, field_name, low_msg, high_msg in (
        (visit.systolic_mmhg, SYSTOLIC_RANGE_MMHG, "SYSTOLIC", "systolic_mmhg", SYSTOLIC_LOW_TEXT, SYSTOLIC_HIGH_TEXT),
        (
            visit.diastolic_mmhg,
            DIASTOLIC_RANGE_MMHG,
            "DIASTOLIC",
            "diastolic_mmhg",
            DIASTOLIC_LOW_TEXT,
            DIASTOLIC_HIGH_TEXT,
        ),
        (visit.pulse_per_min, PULSE_RANGE_PER_MIN, "PULSE", "pulse_per_min", PULSE_LOW_TEXT, PULSE_HIGH_TEXT),
    ):
        if value is None:
            continue
        low, high = rule.value
        if value < low:
            defer(f"{prefix}_LOW", low_msg(value=value, low=low, high=high, until=retest), field_name)
        elif value > high:
            defer(f"{prefix}_HIGH", high_msg(value=value, low=low, high=high, until=retest), field_name)
    if visit.pulse_regular is False:
        defer("PULSE_IRREGULAR", PULSE_IRREGULAR_TEXT(until=retest), "pulse_regular")

    temperature = visit.temperature_c
    if temperature is not None and temperature > MAX_TEMPERATURE_C.value:
        text = TEMPERATURE_HIGH_TEXT(value=temperature, maximum=MAX_TEMPERATURE_C.value, until=retest)
        defer("TEMPERATURE_HIGH", text, "temperature_c")
    return reasons


def _answer_reasons(visit: DonorVisit) -> list[Reason]:
    # Every answer given is assessed, even to a question that does not apply to this donor: a recorded answer is a
    # fact, and ignoring it could only let an unsafe donation through.
    reasons = []
    for q in QUESTIONS:
        if q.code not in visit.answers:
            continue
        answer = visit.answers[q.code]
        if q.kind is AnswerKind.YES_NO:
            if answer != q.defers_on:
                continue
            start = visit.visit_date
        elif answer is None:
            continue
        else:
            start = answer
        deferment = q.deferment.value
        if deferment.permanent:
            reasons.append(Reason(q.reason_code, ANSWER_PERMANENT_TEXT(topic=q.topic), q.field, True, None))
            continue
        if deferment.while_it_applies:
            reasons.append(Reason(q.reason_code, ANSWER_WHILE_IT_APPLIES_TEXT(topic=q.topic), q.field, False, None))
            continue
        until = deferment.ends(start)
        assert until is not None  # a deferment with a period always ends
        if visit.visit_date >= until:
            continue
        if q.kind is AnswerKind.YES_NO:
            text = ANSWER_TODAY_TEXT(topic=q.topic, until=until)
        elif deferment.months:
            text = ANSWER_MONTHS_TEXT(topic=q.topic, date=start, months=deferment.months, until=until)
        else:
            text = ANSWER_DAYS_TEXT(topic=q.topic, date=start, days=deferment.days, until=until)
        reasons.append(Reason(q.reason_code, text, q.field, False, until))
    return reasons


_EXAMINATION_FIELDS = (
    "weight_kg",
    "haemoglobin_g_dl",
    "systolic_mmhg",
    "diastolic_mmhg",
    "pulse_per_min",
    "pulse_regular",
    "temperature_c",
)


def _missing(visit: DonorVisit, sex: Sex, donation_type: DonationType) -> tuple[str, ...]:
    missing = []
    if donation_type is DonationType.WHOLE_BLOOD and visit.bag_volume_ml is None:
        missing.append("bag_volume_ml")
    missing += [name for name in _EXAMINATION_FIELDS if getattr(visit, name) is None]
    missing += [q.field for q in applicable_questions(sex, donation_type) if q.code not in visit.answers]
    return tuple(missing)


# --------------------------------------------------------------------------------------------------------------------
# Validation: impossible or malformed input is refused, never assessed.


def _validate(visit: DonorVisit) -> None:
    _check_date(visit.visit_date, "visit_date")
    _check_date(visit.date_of_birth, "date_of_birth")
    age = age_on(visit.date_of_birth, visit.visit_date)
    if age > PLAUSIBLE_MAX_AGE_YEARS.value:
        raise InvalidInput(AGE_IMPOSSIBLE(date_of_birth=visit.date_of_birth, age=age), field="date_of_birth")
    if visit.sex not in tuple(Sex):
        raise InvalidInput(SEX_UNKNOWN(value=visit.sex), field="sex")
    if visit.donation_type not in tuple(DonationType):
        raise InvalidInput(DONATION_TYPE_UNKNOWN(value=visit.donation_type), field="donation_type")
    _check_yes_no(visit.first_time, "first_time", LABELS["first_time"], allow_none=False)
    _check_bag_volume(visit)

    _check_reading(visit.weight_kg, "weight_kg", PLAUSIBLE_WEIGHT_KG, WEIGHT_IMPOSSIBLE)
    _check_reading(visit.haemoglobin_g_dl, "haemoglobin_g_dl", PLAUSIBLE_HAEMOGLOBIN_G_DL, HAEMOGLOBIN_IMPOSSIBLE)
    _check_reading(visit.systolic_mmhg, "systolic_mmhg", PLAUSIBLE_SYSTOLIC_MMHG, SYSTOLIC_IMPOSSIBLE)
    _check_reading(visit.diastolic_mmhg, "diastolic_mmhg", PLAUSIBLE_DIASTOLIC_MMHG, DIASTOLIC_IMPOSSIBLE)
    if (
        visit.systolic_mmhg is not None
        and visit.diastolic_mmhg is not None
        and visit.diastolic_mmhg >= visit.systolic_mmhg
    ):
        text = DIASTOLIC_NOT_BELOW_SYSTOLIC(diastolic=visit.diastolic_mmhg, systolic=visit.systolic_mmhg)
        raise InvalidInput(text, field="diastolic_mmhg")
    _check_reading(visit.pulse_per_min, "pulse_per_min", PLAUSIBLE_PULSE_PER_MIN, PULSE_IMPOSSIBLE)
    _check_yes_no(visit.pulse_regular, "pulse_regular", LABELS["pulse_regular"])
    _check_reading(visit.temperature_c, "temperature_c", PLAUSIBLE_TEMPERATURE_C, TEMPERATURE_IMPOSSIBLE)

    history = [("last_whole_blood", visit.last_whole_blood)] if visit.last_whole_blood is not None else []
    history += [("apheresis_dates", d) for d in visit.apheresis_dates]
    for name, when in history:
        _check_date(when, name)
        _check_not_after_visit(when, visit.visit_date, name, LABELS[name])
    if visit.first_time and history:
        raise InvalidInput(FIRST_TIME_WITH_HISTORY(date=max(d for _, d in history)), field="first_time")

    for d in visit.deferrals:
        if not isinstance(d, DeferralFact) or not isinstance(d.code, str) or not d.code:
            raise InvalidInput(DEFERRAL_MALFORMED(code=getattr(d, "code", "")), field="deferrals")
        _check_yes_no(d.permanent, "deferrals", LABELS["deferrals"], allow_none=False)
        if d.until is not None:
            _check_date(d.until, "deferrals")
            if d.permanent:
                raise InvalidInput(DEFERRAL_PERMANENT_WITH_END(code=d.code, until=d.until), field="deferrals")

    for code, answer in visit.answers.items():
        question = QUESTION_BY_CODE.get(code)
        if question is None:
            raise InvalidInput(UNKNOWN_QUESTION(code=code), field="answers")
        if question.kind is AnswerKind.YES_NO:
            _check_yes_no(answer, question.field, question.topic, allow_none=False)
        elif answer is not None:
            _check_date(answer, question.field, question.topic)
            _check_not_after_visit(answer, visit.visit_date, question.field, question.topic)


def _check_date(value: object, field_name: str, label: Msg | None = None) -> None:
    # A datetime is a date subclass but does not compare with dates: refuse it here rather than fail later.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidInput(NOT_A_DATE(label=label or LABELS[field_name], value=value), field=field_name)


def _check_not_after_visit(value: date, visit_date: date, field_name: str, label: Msg) -> None:
    if value > visit_date:
        raise InvalidInput(DATE_AFTER_VISIT(label=label, date=value, visit_date=visit_date), field=field_name)


def _check_yes_no(value: object, field_name: str, label: Msg, *, allow_none: bool = True) -> None:
    if not isinstance(value, bool) and not (allow_none and value is None):
        raise InvalidInput(NOT_YES_NO(label=label, value=value), field=field_name)


def _check_reading(value: object, field_name: str, bounds: Rule[tuple[int, int]], impossible: Msg) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidInput(NOT_A_NUMBER(label=LABELS[field_name], value=value), field=field_name)
    low, high = bounds.value
    # `value != value` is NaN; a Decimal NaN would raise on the range comparison instead of being refused.
    if value != value or not low <= value <= high:
        raise InvalidInput(impossible(value=value), field=field_name)


def _check_bag_volume(visit: DonorVisit) -> None:
    volume = visit.bag_volume_ml
    if volume is None:
        return
    if visit.donation_type == DonationType.APHERESIS:
        raise InvalidInput(BAG_VOLUME_FOR_APHERESIS(value=volume), field="bag_volume_ml")
    if isinstance(volume, bool) or volume not in BAG_VOLUMES_ML.value:
        raise InvalidInput(BAG_VOLUME_UNKNOWN(value=volume), field="bag_volume_ml")
