"""ISBT 128 (ICCBBA ST-001): donation numbers, their check character, and the label data structures we read and print.

This module owns everything the barcode wedge, label printing, services and the central server need to agree on:

- the Donation Identification Number (DIN, data structure 001, ``=αppppyynnnnnnff``): :func:`parse` accepts what a
  scanner or a technician really produces, :class:`Din` is the validated value, :func:`format_for_barcode` and
  :func:`format_eye_readable` print it;
- the ISO/IEC 7064 mod 37-2 keyboard check character (:func:`check_character`, ST-001 Appendix A);
- blood groups ``=%ggre`` (002), product codes ``=<αooootds`` (003), expiry ``=>cyyjjj`` (004), expiry date and time
  ``&>cyyjjjhhmm`` (005) and collection date ``=*cyyjjj`` (006), both ways;
- :func:`decode_scan`, which tells a keyboard-wedge scan apart by its data identifier.

Facts were checked against ST-001 v6.2.2 (April 2023). Product description codes are a licensed ICCBBA table and
are NOT reproduced here: :data:`LOCAL_PRODUCT_TABLE` holds placeholders a centre must replace (see its note).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from types import MappingProxyType

from bbms_desktop.errors import InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.rules.sources import ICCBBA_ST001, ISO_7064, LOCAL_SOP, Rule

__all__ = [
    "BLOOD_GROUP_CODES",
    "CENTURY_ZERO_YEAR",
    "DEFAULT_EXPIRY_TIME",
    "DIN_FLAG_CHECK_OFFSET",
    "DONATION_TYPES",
    "LOCAL_PRODUCT_TABLE",
    "MOD37_2_ALPHABET",
    "SPECIAL_MESSAGES",
    "BloodGroupCode",
    "Din",
    "InvalidDin",
    "ProductCode",
    "Scan",
    "ScanKind",
    "blood_group_code",
    "blood_group_from_code",
    "check_character",
    "check_flags",
    "check_value",
    "component_for",
    "decode_scan",
    "format_blood_group",
    "format_collection_date",
    "format_expiry",
    "format_expiry_datetime",
    "format_eye_readable",
    "format_for_barcode",
    "format_product_code",
    "parse",
    "parse_blood_group",
    "parse_collection_date",
    "parse_expiry",
    "parse_expiry_datetime",
    "parse_product_code",
    "product_code_for",
]

# --- rule numbers -----------------------------------------------------------------------------------------------

MOD37_2_ALPHABET = Rule("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*", ISO_7064, note="values 0-36; ST-001 Appendix A.1")
DIN_FLAG_CHECK_OFFSET = Rule(
    60,
    ICCBBA_ST001,
    note="Table 3 [RT004]: flags 60-96 are 60 + the mod 37-2 check value; 00 unused, 01-19 ICCBBA, 20-59 local, "
    "97-99 and alphanumeric flags reserved for future assignment",
)
BLOOD_GROUP_CODES: Rule[Mapping[str, str]] = Rule(
    MappingProxyType(
        {"O-": "95", "O+": "51", "A-": "06", "A+": "62", "B-": "17", "B+": "73", "AB-": "28", "AB+": "84"}
    ),
    ICCBBA_ST001,
    note="Table 4 [RT005], column 'Default: intended use not specified'",
)
CENTURY_ZERO_YEAR = Rule(
    2000,
    ICCBBA_ST001,
    note="c in cyyjjj counts centuries from 2000: §2.4.4 only says 'the century', but the Appendix C tissue label "
    "encodes 29 JAN 2018 as 0180292359 (and ST-012 §6.2 encodes 2018-12-31 as 0183652359)",
)
DEFAULT_EXPIRY_TIME = Rule(time(23, 59), ICCBBA_ST001, note="§2.4.5: when no time is specified, 2359 is encoded")

# A licensed ICCBBA table is not ours to ship. These E-codes are PLACEHOLDERS that only keep the printing path
# testable: they are not checked against the ICCBBA Product Description Code database and may describe a different
# product there. A centre must configure the real codes from its ICCBBA licence before printing a single label.
LOCAL_PRODUCT_TABLE: Rule[Mapping[str, str]] = Rule(
    MappingProxyType(
        {
            "WB_CPDA1": "E9901",
            "PRBC_CPDA1": "E9902",
            "PRBC_SAGM": "E9903",
            "FFP": "E9904",
            "PLT_RDP": "E9905",
            "PLT_SDP": "E9906",
            "CRYO": "E9907",
            "CPP": "E9908",
        }
    ),
    LOCAL_SOP,
    note="PLACEHOLDER codes, not from the ICCBBA database: configure real ones from the centre's ICCBBA licence",
)

DONATION_TYPES: Rule[Mapping[str, Msg]] = Rule(
    MappingProxyType(
        {
            "0": QT_TRANSLATE_NOOP("Isbt128", "Not specified"),
            "V": QT_TRANSLATE_NOOP("Isbt128", "Volunteer allogeneic"),
            "R": QT_TRANSLATE_NOOP("Isbt128", "Volunteer research (not for human use)"),
            "S": QT_TRANSLATE_NOOP("Isbt128", "Volunteer source"),
            "T": QT_TRANSLATE_NOOP("Isbt128", "Volunteer therapeutic"),
            "P": QT_TRANSLATE_NOOP("Isbt128", "Paid allogeneic"),
            "r": QT_TRANSLATE_NOOP("Isbt128", "Paid research (not for human use)"),
            "s": QT_TRANSLATE_NOOP("Isbt128", "Paid source"),
            "A": QT_TRANSLATE_NOOP("Isbt128", "Autologous, eligible for crossover"),
            "1": QT_TRANSLATE_NOOP("Isbt128", "For autologous use only"),
            "X": QT_TRANSLATE_NOOP("Isbt128", "For autologous use only, biohazard"),
            "D": QT_TRANSLATE_NOOP("Isbt128", "Volunteer directed, eligible for crossover"),
            "d": QT_TRANSLATE_NOOP("Isbt128", "Paid directed, eligible for crossover"),
            "2": QT_TRANSLATE_NOOP("Isbt128", "For directed recipient use only"),
            "L": QT_TRANSLATE_NOOP("Isbt128", "For directed recipient use only, limited exposure"),
            "E": QT_TRANSLATE_NOOP("Isbt128", "Medical exception, for the specified recipient only"),
            "Q": QT_TRANSLATE_NOOP("Isbt128", "See the special testing barcode"),
            "3": QT_TRANSLATE_NOOP("Isbt128", "For directed recipient use only, biohazard"),
            "4": QT_TRANSLATE_NOOP("Isbt128", "Designated"),
            "5": QT_TRANSLATE_NOOP("Isbt128", "Dedicated"),
            "6": QT_TRANSLATE_NOOP("Isbt128", "Designated, biohazard"),
            "F": QT_TRANSLATE_NOOP("Isbt128", "Family reserved"),
            "C": QT_TRANSLATE_NOOP("Isbt128", "Replacement"),
            "7": QT_TRANSLATE_NOOP("Isbt128", "For allogeneic use"),
            "8": QT_TRANSLATE_NOOP("Isbt128", "For autologous use, contains allogeneic material"),
            "B": QT_TRANSLATE_NOOP("Isbt128", "Directed, dedicated or designated collection use only"),
            "H": QT_TRANSLATE_NOOP("Isbt128", "Directed, dedicated or designated collection, biohazard"),
            "J": QT_TRANSLATE_NOOP("Isbt128", "Directed, dedicated or designated collection, eligible for crossover"),
            "G": QT_TRANSLATE_NOOP("Isbt128", "For emergency use only"),
        }
    ),
    ICCBBA_ST001,
    note="Table 7 [RT008], type of collection in the 6th position of the product code; case matters (r, s, d)",
)

SPECIAL_MESSAGES: Rule[Mapping[str, Msg]] = Rule(
    MappingProxyType(
        {
            "00": QT_TRANSLATE_NOOP("Isbt128", "no ABO or RhD information is available"),
            "Ma": QT_TRANSLATE_NOOP("Isbt128", "autologous collection"),
            "Mb": QT_TRANSLATE_NOOP("Isbt128", "biohazardous"),
            "Md": QT_TRANSLATE_NOOP("Isbt128", "discard (to be destroyed)"),
            "Mf": QT_TRANSLATE_NOOP("Isbt128", "for fractionation use only"),
            "Mq": QT_TRANSLATE_NOOP("Isbt128", "quarantine: hold for further testing or processing"),
            "Mr": QT_TRANSLATE_NOOP("Isbt128", "for research use only"),
            "Mx": QT_TRANSLATE_NOOP("Isbt128", "not for transfusion based on test results"),
        }
    ),
    ICCBBA_ST001,
    note="Table 5 [RT006] special messages in place of a blood group (T1-T6 are for tissues and not read here)",
)

# --- messages -----------------------------------------------------------------------------------------------------

DIN_EMPTY = QT_TRANSLATE_NOOP(
    "Isbt128",
    "No donation number was entered. Scan the DIN barcode or type the 13-character number printed under it, "
    "for example G1234 17 654321.",
)
DIN_SCAN_LENGTH = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The scanned donation number {text} has {count} characters after the '='; a DIN barcode has 15 "
    "(the 13-character number and 2 flag characters). Re-scan the DIN barcode.",
)
DIN_TYPED_LENGTH = QT_TRANSLATE_NOOP(
    "Isbt128",
    "{text} has {count} characters; a donation number has 13 (for example G1234 17 654321), or 14 with the boxed "
    "check character typed after it.",
)
DIN_BAD_CHARACTER = QT_TRANSLATE_NOOP(
    "Isbt128",
    "{text} contains '{char}', which cannot be part of a donation number: use only the digits 0-9 and the letters A-Z.",
)
DIN_BAD_CHECK_CHARACTER = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The check character typed after {din} is '{char}'; a check character is a digit, a letter A-Z or *. "
    "Re-type it from the box beside the number on the label.",
)
DIN_BAD_FACILITY_START = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The donation number {din} starts with '{char}'; a facility number starts with a letter A-Z other than O, "
    "or a digit 1-9. Check the first character on the label.",
)
DIN_BAD_FACILITY_DIGITS = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The facility number {fin} at the start of {din} must be a letter or digit followed by 4 digits.",
)
DIN_BAD_YEAR = QT_TRANSLATE_NOOP("Isbt128", "Characters 6-7 of {din} ({found}) are the year and must be 2 digits.")
DIN_BAD_SEQUENCE = QT_TRANSLATE_NOOP(
    "Isbt128", "Characters 8-13 of {din} ({found}) are the sequence number and must be 6 digits."
)
DIN_WRONG_CHECK = QT_TRANSLATE_NOOP(
    "Isbt128", "The check character is {typed} but this DIN's is {expected}: re-scan or re-type the number."
)
DIN_FLAGS_CHECK_MISMATCH = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The flag characters {flags} of the DIN barcode say the check character is {found}, but the check character "
    "of {din} is {expected}: the barcode is damaged or misprinted. Re-scan it, or type the number and its check "
    "character from the label.",
)
DIN_FLAGS_UNASSIGNED = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The flag characters {flags} after {din} are not assigned by ISBT 128 (flags run from 00 to 96): the barcode "
    "is misprinted or misread. Re-scan it, or type the number from the label.",
)
DIN_NOT_A_DIN = QT_TRANSLATE_NOOP(
    "Isbt128",
    "This is the {structure} barcode, not the donation number: scan the DIN barcode (top left of the label).",
)

STRUCTURE_BLOOD_GROUP = QT_TRANSLATE_NOOP("Isbt128", "blood group")
STRUCTURE_PRODUCT_CODE = QT_TRANSLATE_NOOP("Isbt128", "product code")
STRUCTURE_EXPIRY = QT_TRANSLATE_NOOP("Isbt128", "expiry date")
STRUCTURE_EXPIRY_DATETIME = QT_TRANSLATE_NOOP("Isbt128", "expiry date and time")
STRUCTURE_COLLECTION_DATE = QT_TRANSLATE_NOOP("Isbt128", "collection date")
STRUCTURE_OTHER = QT_TRANSLATE_NOOP("Isbt128", "ISBT 128 {identifier}")

WRONG_IDENTIFIER = QT_TRANSLATE_NOOP(
    "Isbt128",
    "{text} is not the {expected} barcode ({expected} barcodes start with {identifier}). Scan the {expected} barcode.",
)
STRUCTURE_LENGTH = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The {structure} barcode {text} has {count} characters after {identifier}; it should have {expected}. "
    "Re-scan the {structure} barcode.",
)

GROUP_UNKNOWN = QT_TRANSLATE_NOOP(
    "Isbt128", "'{group}' is not a blood group; expected one of O+, O-, A+, A-, B+, B-, AB+ or AB-."
)
GROUP_CODE_UNKNOWN = QT_TRANSLATE_NOOP(
    "Isbt128",
    "Blood group code {code} is not one of the eight ABO/RhD codes this system reads (O- 95, O+ 51, A- 06, A+ 62, "
    "B- 17, B+ 73, AB- 28, AB+ 84). It may mark a directed, autologous, pooled or rare-group unit: check the label "
    "and ask the medical officer before using this unit.",
)
GROUP_SPECIAL_MESSAGE = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The blood group barcode carries no blood group but the ISBT 128 message {code}: {meaning}. Do not use this "
    "unit until the medical officer has reviewed it.",
)
GROUP_BAD_PHENOTYPE = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The phenotype character '{char}' of blood group barcode {text} must be a letter A-Z or a digit. "
    "Re-scan the blood group barcode.",
)
GROUP_RESERVED_NOT_ZERO = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The last character of blood group barcode {text} is '{char}'; ISBT 128 reserves it and requires 0. Type the "
    "blood group by hand and report the label to the quality administrator.",
)

PRODUCT_NOT_BLOOD_COMPONENT = QT_TRANSLATE_NOOP(
    "Isbt128",
    "Product code {code} does not describe a blood component: blood component codes start with E or F "
    "(for example E1234V00).",
)
PRODUCT_BAD_DESCRIPTION = QT_TRANSLATE_NOOP(
    "Isbt128",
    "Product description code {code} must be E or F followed by 4 capital letters or digits (for example E1234).",
)
PRODUCT_BAD_DONATION_TYPE = QT_TRANSLATE_NOOP(
    "Isbt128",
    "'{char}' is not an ISBT 128 donation type (for example V volunteer, C replacement, A autologous, D directed, "
    "0 not specified). Re-scan the product code barcode.",
)
PRODUCT_BAD_DIVISION = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The division code '{division}' must be 00 for an undivided unit, or a capital letter or digit followed by a "
    "small letter or digit (for example A0 or Ab).",
)
COMPONENT_NOT_CONFIGURED = QT_TRANSLATE_NOOP(
    "Isbt128",
    "No ISBT 128 product code is configured for component {component}: add it to the local product table from "
    "your centre's ICCBBA licence.",
)

DATE_NOT_DIGITS = QT_TRANSLATE_NOOP(
    "Isbt128", "The {structure} barcode {text} must have only digits after {identifier}. Re-scan it."
)
DATE_BAD_DAY = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The {structure} barcode {text} gives day {day} of {year}, which does not exist: {year} has days 001 to "
    "{last}. Re-scan it, or enter the date by hand.",
)
DATE_BAD_TIME = QT_TRANSLATE_NOOP(
    "Isbt128",
    "The {structure} barcode {text} gives the time {time}, which is not a time of day (00:00 to 23:59). "
    "Re-scan it, or enter the time by hand.",
)
DATE_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "Isbt128", "{value} cannot be written in an ISBT 128 barcode: the year must be from 2000 to 2999."
)

SCAN_EMPTY = QT_TRANSLATE_NOOP("Isbt128", "Nothing was scanned: scan a barcode on the blood bag label.")
SCAN_NOT_ISBT = QT_TRANSLATE_NOOP(
    "Isbt128",
    "{text} is not an ISBT 128 barcode (those start with = or &). If it is your centre's own unit number, enter it "
    "where local unit numbers are accepted.",
)
SCAN_UNSUPPORTED = QT_TRANSLATE_NOOP(
    "Isbt128",
    "{text} is an ISBT 128 barcode ({identifier}) that is not read here: scan the donation number, blood group, "
    "product code, expiry or collection date barcode.",
)


class InvalidDin(InvalidInput):
    """A donation number that cannot be accepted: wrong length, characters or structure, or a failed check."""

    code = "invalid_din"


# --- data identifiers and input cleaning --------------------------------------------------------------------------

_DI_BLOOD_GROUP = "=%"
_DI_PRODUCT_CODE = "=<"
_DI_EXPIRY = "=>"
_DI_EXPIRY_DATETIME = "&>"
_DI_COLLECTION_DATE = "=*"

_STRUCTURE_NAMES: Mapping[str, Msg] = MappingProxyType(
    {
        _DI_BLOOD_GROUP: STRUCTURE_BLOOD_GROUP,
        _DI_PRODUCT_CODE: STRUCTURE_PRODUCT_CODE,
        _DI_EXPIRY: STRUCTURE_EXPIRY,
        _DI_EXPIRY_DATETIME: STRUCTURE_EXPIRY_DATETIME,
        _DI_COLLECTION_DATE: STRUCTURE_COLLECTION_DATE,
    }
)

# A scanner set to transmit the AIM symbology identifier prefixes "]" + symbology letter + modifier (e.g. "]C0" for
# Code 128, "]d1" for Data Matrix). No ISBT 128 structure starts with "]", so stripping it is unambiguous.
_AIM_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")


def _clean(text: str) -> str:
    """What was scanned or typed, without whitespace, control characters (CR/LF/tab, STX/ETX) or an AIM prefix.

    No ISBT 128 data structure contains whitespace, so removing the spaces of the eye-readable DIN
    ("G1234 17 654321 A") or a wedge's trailing Enter loses nothing.
    """
    if text.isprintable() and " " not in text:
        kept = text  # the usual scan or typing: nothing to remove (str.isprintable is False for any C* or Z* but " ")
    else:
        kept = "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cf"})
    return _AIM_PREFIX.sub("", kept, count=1) if kept.startswith("]") else kept


def _structure_name(identifier: str) -> Text:
    name = _STRUCTURE_NAMES.get(identifier)
    return name() if name is not None else STRUCTURE_OTHER(identifier=identifier)


# --- DIN and its check character ----------------------------------------------------------------------------------

_FIN_FIRST = frozenset("ABCDEFGHIJKLMNPQRSTUVWXYZ123456789")  # ST-001 §2.4.1: A-N, P-Z, 1-9 (never O or 0)
_DIN_CHARACTERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# every DIN the checks below accept, and nothing else: a valid one passes with one match, a wrong one gets its reason
_VALID_DIN = re.compile(r"[A-NP-Z1-9][0-9]{12}")


def check_value(din: str) -> int:
    """The ISO/IEC 7064 mod 37-2 check value (0-36) of 13 DIN characters (ST-001 Appendix A.1).

    Works on any 13 characters of the mod 37-2 alphabet (case-insensitive); :func:`parse` checks the DIN structure.
    """
    alphabet = MOD37_2_ALPHABET.value
    chars = din.upper()
    if len(chars) != 13:
        raise InvalidDin(DIN_TYPED_LENGTH(text=din, count=len(chars)), field="din")
    total = 0
    for ch in chars:
        value = alphabet.find(ch)
        if value < 0:
            raise InvalidDin(DIN_BAD_CHARACTER(text=din, char=ch), field="din")
        # Pure system, recursive method (ISO/IEC 7064 §7.1): the result is congruent to 1 mod 37 once K is added.
        total = ((total + value) * 2) % 37
    return (38 - total) % 37


def check_character(din: str) -> str:
    """The keyboard check character K printed boxed beside the eye-readable DIN, e.g. G123417654321 -> "A"."""
    return MOD37_2_ALPHABET.value[check_value(din)]


def check_flags(din: str) -> str:
    """The type 3 flag characters for a DIN barcode: 60 + the check value, e.g. G123417654321 -> "70"."""
    return str(DIN_FLAG_CHECK_OFFSET.value + check_value(din))


def _validate_din(din: str) -> None:
    """Refuse anything but an upper-case 13-character DIN ``αppppyynnnnnn`` with a clear reason."""
    if _VALID_DIN.fullmatch(din):
        return  # the usual case, in one match; tests/unit/test_isbt128.py checks it accepts what the checks accept
    problem = din_problem(din)
    if problem is not None:
        raise problem


def din_problem(din: str) -> InvalidDin | None:
    """What is wrong with ``din`` as a 13-character upper-case DIN, the first thing a technician should fix; or None."""
    if len(din) != 13:
        return InvalidDin(DIN_TYPED_LENGTH(text=din, count=len(din)), field="din")
    for ch in din:
        if ch not in _DIN_CHARACTERS:
            return InvalidDin(DIN_BAD_CHARACTER(text=din, char=ch), field="din")
    if din[0] not in _FIN_FIRST:
        return InvalidDin(DIN_BAD_FACILITY_START(din=din, char=din[0]), field="din")
    # ST-001 lets ICCBBA introduce letters into FIN positions 2-3 in future; every FIN assigned today is numeric there.
    if not din[1:5].isdigit():
        return InvalidDin(DIN_BAD_FACILITY_DIGITS(din=din, fin=din[:5]), field="din")
    if not din[5:7].isdigit():
        return InvalidDin(DIN_BAD_YEAR(din=din, found=din[5:7]), field="din")
    if not din[7:13].isdigit():
        return InvalidDin(DIN_BAD_SEQUENCE(din=din, found=din[7:13]), field="din")
    return None


FIN_INVALID = QT_TRANSLATE_NOOP(
    "Isbt128",
    "{fin} is not an ISBT 128 facility number: it has 5 characters, the first A-N, P-Z or 1-9, then 4 digits.",
)


def validate_fin(fin: str) -> str:
    """Return ``fin`` if it is a valid facility identification number (the first 5 characters of a DIN)."""
    if len(fin) != 5 or fin[0] not in _FIN_FIRST or not fin[1:].isdigit():
        raise InvalidInput(FIN_INVALID(fin=fin), field="fin")
    return fin


def _validate_flags(din: str, flags: str) -> None:
    """Flags 00-59 carry process-control meanings and are taken as they are; 60-96 must match the check value."""
    offset = DIN_FLAG_CHECK_OFFSET.value
    highest = offset + len(MOD37_2_ALPHABET.value) - 1
    # 97-99 and alphanumeric flags are "reserved for future assignment" (Table 3): no label printed to the current
    # standard carries them, so they mean a misread or a misprint, and a DIN is too important to guess about.
    if len(flags) != 2 or not flags.isdigit() or int(flags) > highest:
        raise InvalidDin(DIN_FLAGS_UNASSIGNED(din=din, flags=flags), field="din")
    if int(flags) >= offset:
        found, expected = int(flags) - offset, check_value(din)
        if found != expected:
            alphabet = MOD37_2_ALPHABET.value
            raise InvalidDin(
                DIN_FLAGS_CHECK_MISMATCH(din=din, flags=flags, found=alphabet[found], expected=alphabet[expected]),
                field="din",
            )


@dataclass(frozen=True, slots=True)
class Din:
    """A validated Donation Identification Number.

    Two ``Din`` are equal when their 13 characters are: the flags are label process-control data, not part of the
    number (ST-001 §2.4.1), so the same donation scanned from a bag and typed from a tube compares equal.
    """

    din: str
    flags: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        _validate_din(self.din)
        if self.flags is not None:
            _validate_flags(self.din, self.flags)

    @property
    def fin(self) -> str:
        """The Facility Identification Number of the centre that assigned the DIN."""
        return self.din[:5]

    @property
    def year(self) -> int:
        """The nominal year as printed (two digits, e.g. 17)."""
        return int(self.din[5:7])

    @property
    def full_year(self) -> int:
        return 2000 + self.year

    @property
    def sequence(self) -> int:
        return int(self.din[7:13])

    @property
    def check(self) -> str:
        """The keyboard check character K, always computed from the number."""
        return check_character(self.din)

    def __str__(self) -> str:
        return self.din


def parse(text: str) -> Din:
    """Read a DIN as scanned or typed.

    Accepts ``=`` + 13 characters + 2 flag characters (a scan), a bare 13-character DIN, or a DIN followed by its
    check character as typed from the label; with surrounding or inner spaces ("G1234 17 654321 A"), lower case
    (caps lock inverts a wedge's letters) and an AIM symbology prefix such as "]C0". Flags 60-96 and a typed check
    character are verified; flags 00-59 are kept unverified. Raises :class:`InvalidDin` saying what is wrong.
    """
    cleaned = _clean(text)
    if not cleaned:
        raise InvalidDin(DIN_EMPTY(), field="din")
    if cleaned[0] == "&" or (cleaned[0] == "=" and len(cleaned) > 1 and not cleaned[1].isalnum()):
        raise InvalidDin(DIN_NOT_A_DIN(structure=_structure_name(cleaned[:2])), field="din")
    if cleaned[0] == "=":
        body = cleaned[1:].upper()
        if len(body) != 15:
            raise InvalidDin(DIN_SCAN_LENGTH(text=cleaned, count=len(body)), field="din")
        return Din(body[:13], body[13:])
    typed = cleaned.upper()
    if len(typed) not in (13, 14):
        raise InvalidDin(DIN_TYPED_LENGTH(text=typed, count=len(typed)), field="din")
    din = Din(typed[:13])
    if len(typed) == 14:
        given = typed[13]
        if given not in MOD37_2_ALPHABET.value:
            raise InvalidDin(DIN_BAD_CHECK_CHARACTER(din=din.din, char=given), field="din")
        if given != din.check:
            raise InvalidDin(DIN_WRONG_CHECK(typed=given, expected=din.check), field="din")
    return din


def format_for_barcode(din: str, flags: str | None = None) -> str:
    """The DIN data structure to encode in the barcode: ``=`` + DIN + flags ("00", flag not used, when None).

    For type 3 flags pass ``check_flags(din)``. Raises :class:`InvalidDin` for an invalid DIN or flags.
    """
    value = Din(din, "00" if flags is None else flags)
    return f"={value.din}{value.flags}"


def format_eye_readable(din: str) -> str:
    """The eye-readable DIN printed under the barcode, e.g. "G1234 17 654321".

    The check character is NOT included: the label code prints it separately, in a box beside this text
    (ST-001 §2.4.1 and Appendix A), and flags are not printed here either.
    """
    value = Din(din)
    return f"{value.din[:5]} {value.din[5:7]} {value.din[7:]}"


# --- blood groups (data structure 002) ----------------------------------------------------------------------------

_GROUP_PATTERN = re.compile(r"^(AB|A|B|O)(?:RHD|RH)?(\+VE|-VE|\+|-|POSITIVE|POS|NEGATIVE|NEG)$")
_GROUP_BY_CODE: Mapping[str, str] = MappingProxyType({code: group for group, code in BLOOD_GROUP_CODES.value.items()})
_SPECIAL_BY_UPPER: Mapping[str, str] = MappingProxyType({code.upper(): code for code in SPECIAL_MESSAGES.value})


def _canonical_group(group: str) -> str:
    """ "O+" from the ways a group is written at a blood centre: "o+", "O +ve", "O Rh+", "O NEG", "O−"."""
    compact = "".join(group.split()).upper().replace("\u2212", "-").replace("\u2013", "-")
    match = _GROUP_PATTERN.match(compact)
    if match is None:
        raise InvalidInput(GROUP_UNKNOWN(group=group.strip()), field="blood_group")
    sign = "+" if match.group(2) in {"+", "+VE", "POS", "POSITIVE"} else "-"
    return match.group(1) + sign


def blood_group_code(group: str) -> str:
    """The two-digit ISBT 128 code ``gg`` of an ABO/RhD group, e.g. "O+" -> "51"."""
    return BLOOD_GROUP_CODES.value[_canonical_group(group)]


def blood_group_from_code(code: str) -> str:
    """The group ("O+") of a two-digit ISBT 128 code ("51"); special messages and other codes are refused."""
    gg = code.strip()
    special = _SPECIAL_BY_UPPER.get(gg.upper())
    if special is not None:
        meaning = SPECIAL_MESSAGES.value[special]
        raise InvalidInput(GROUP_SPECIAL_MESSAGE(code=special, meaning=meaning), field="blood_group")
    group = _GROUP_BY_CODE.get(gg)
    if group is None:
        raise InvalidInput(GROUP_CODE_UNKNOWN(code=gg), field="blood_group")
    return group


@dataclass(frozen=True, slots=True)
class BloodGroupCode:
    """The content of a blood group barcode ``=%ggre``.

    ``phenotype`` is ``r``, the Rh/Kell or Mia/Mur phenotype code of ST-001 Table 6 ("0" = no information), kept
    as printed. ``e`` is reserved by ST-001 and always "0", so it is not stored.
    """

    group: str
    phenotype: str = "0"


def format_blood_group(group: str, phenotype: str = "0") -> str:
    """The blood group data structure, e.g. "O+" -> "=%5100"."""
    if len(phenotype) != 1 or phenotype not in _DIN_CHARACTERS:
        raise InvalidInput(GROUP_BAD_PHENOTYPE(char=phenotype, text=group), field="blood_group")
    return f"{_DI_BLOOD_GROUP}{blood_group_code(group)}{phenotype}0"


def _content(text: str, identifier: str, structure: Msg, length: int, field_name: str) -> tuple[str, str]:
    """(cleaned text, data content) of one data structure, refusing another structure or a wrong length."""
    cleaned = _clean(text)
    if not cleaned.startswith(identifier):
        raise InvalidInput(
            WRONG_IDENTIFIER(text=cleaned or text, expected=structure, identifier=identifier), field=field_name
        )
    content = cleaned[len(identifier) :]
    if len(content) != length:
        raise InvalidInput(
            STRUCTURE_LENGTH(
                structure=structure, text=cleaned, count=len(content), identifier=identifier, expected=length
            ),
            field=field_name,
        )
    return cleaned, content


def parse_blood_group(text: str) -> BloodGroupCode:
    """Read a blood group barcode ``=%ggre``; only the eight ABO/RhD groups are accepted."""
    cleaned, content = _content(text, _DI_BLOOD_GROUP, STRUCTURE_BLOOD_GROUP, 4, "blood_group")
    group = blood_group_from_code(content[:2])
    phenotype, reserved = content[2].upper(), content[3]
    if phenotype not in _DIN_CHARACTERS:
        raise InvalidInput(GROUP_BAD_PHENOTYPE(char=content[2], text=cleaned), field="blood_group")
    # A non-zero reserved character would mean a future edition gave it a meaning we cannot read: refuse rather
    # than ignore what may be a restriction on the unit.
    if reserved != "0":
        raise InvalidInput(GROUP_RESERVED_NOT_ZERO(char=reserved, text=cleaned), field="blood_group")
    return BloodGroupCode(group, phenotype)


# --- product code (data structure 003) ----------------------------------------------------------------------------

_UPPER_OR_DIGIT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_LOWER_OR_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@dataclass(frozen=True, slots=True)
class ProductCode:
    """A blood component product code ``αoooo t ds``.

    ``description_code`` is the Product Description Code (E or F + 4 characters, from the licensed ICCBBA table),
    ``donation_type`` the type of collection of :data:`DONATION_TYPES` ("V" volunteer, "C" replacement, ...), and
    ``division`` "00" for an undivided unit, else the division ("A0", "Ab"; "99" when data structure 032 carries it).
    """

    description_code: str
    donation_type: str = "V"
    division: str = "00"

    def __post_init__(self) -> None:
        pdc = self.description_code
        if len(pdc) != 5 or any(ch not in _UPPER_OR_DIGIT for ch in pdc):
            raise InvalidInput(PRODUCT_BAD_DESCRIPTION(code=pdc), field="product_code")
        # ST-001 §2.4.3: E and F are blood components. Other letters are tissues, cellular therapy, milk, organs
        # or national/local codes, with a different meaning for "tds"; a blood centre must not read them as blood.
        if pdc[0] not in {"E", "F"}:
            raise InvalidInput(PRODUCT_NOT_BLOOD_COMPONENT(code=pdc), field="product_code")
        if self.donation_type not in DONATION_TYPES.value:
            raise InvalidInput(PRODUCT_BAD_DONATION_TYPE(char=self.donation_type), field="product_code")
        division = self.division
        if len(division) != 2 or division[0] not in _UPPER_OR_DIGIT or division[1] not in _LOWER_OR_DIGIT:
            raise InvalidInput(PRODUCT_BAD_DIVISION(division=division), field="product_code")

    @property
    def code(self) -> str:
        """The 8-character data content, e.g. "E1234V00"."""
        return f"{self.description_code}{self.donation_type}{self.division}"


def format_product_code(product: ProductCode) -> str:
    """The product code data structure, e.g. "=<E1234V00"."""
    return f"{_DI_PRODUCT_CODE}{product.code}"


def parse_product_code(text: str) -> ProductCode:
    """Read a product code barcode ``=<αooootds``.

    Case matters in this structure (donation types r, s, d; the second division character is lower case), so it is
    not simply upper-cased. But the first character must be a capital letter: when it arrives in lower case, the
    wedge's caps lock has inverted every letter, and inverting them back restores what was printed.
    """
    _cleaned, content = _content(text, _DI_PRODUCT_CODE, STRUCTURE_PRODUCT_CODE, 8, "product_code")
    if content[0].islower():
        content = content.swapcase()
    return ProductCode(content[:5], content[5], content[6:])


def product_code_for(
    component: str,
    donation_type: str = "V",
    division: str = "00",
    table: Mapping[str, str] | None = None,
) -> ProductCode:
    """The product code to print for one of our component codes (e.g. "PRBC_SAGM"), from the centre's table."""
    codes = LOCAL_PRODUCT_TABLE.value if table is None else table
    description_code = codes.get(component)
    if description_code is None:
        raise InvalidInput(COMPONENT_NOT_CONFIGURED(component=component), field="component")
    return ProductCode(description_code, donation_type, division)


def component_for(product: ProductCode, table: Mapping[str, str] | None = None) -> str | None:
    """Our component code for a scanned product code, or None when the centre's table does not list it."""
    codes = LOCAL_PRODUCT_TABLE.value if table is None else table
    for component, description_code in codes.items():
        if description_code == product.description_code:
            return component
    return None


# --- dates: expiry (004), expiry date and time (005), collection date (006) -----------------------------------------


def _encode_day(day: date, field_name: str) -> str:
    """``cyyjjj``: century counted from 2000, year within the century, day of the year."""
    offset = day.year - CENTURY_ZERO_YEAR.value
    if not 0 <= offset <= 999:
        raise InvalidInput(DATE_OUT_OF_RANGE(value=day.isoformat()), field=field_name)
    return f"{offset:03d}{day.timetuple().tm_yday:03d}"


def _decode_day(content: str, cleaned: str, identifier: str, structure: Msg, field_name: str) -> date:
    if not content.isdigit() or not content.isascii():
        raise InvalidInput(DATE_NOT_DIGITS(structure=structure, text=cleaned, identifier=identifier), field=field_name)
    year = CENTURY_ZERO_YEAR.value + int(content[:3])
    day = int(content[3:6])
    last = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    if not 1 <= day <= last:
        raise InvalidInput(
            DATE_BAD_DAY(structure=structure, text=cleaned, day=content[3:6], year=year, last=last), field=field_name
        )
    return date(year, 1, 1) + timedelta(days=day - 1)


def format_expiry(day: date) -> str:
    """The expiry date data structure ``=>cyyjjj``, e.g. 2026-04-10 -> "=>026100"."""
    return _DI_EXPIRY + _encode_day(day, "expiry")


def parse_expiry(text: str) -> date:
    """Read an expiry date barcode ``=>cyyjjj``."""
    cleaned, content = _content(text, _DI_EXPIRY, STRUCTURE_EXPIRY, 6, "expiry")
    return _decode_day(content, cleaned, _DI_EXPIRY, STRUCTURE_EXPIRY, "expiry")


def format_expiry_datetime(when: datetime | date) -> str:
    """The expiry date and time data structure ``&>cyyjjjhhmm``.

    A ``datetime`` is written as its wall-clock time (the local time printed on the label), seconds dropped, which
    can only make the expiry earlier; a plain ``date`` expires at 23:59 as ST-001 §2.4.5 prescribes.
    """
    moment = when if isinstance(when, datetime) else datetime.combine(when, DEFAULT_EXPIRY_TIME.value)
    return f"{_DI_EXPIRY_DATETIME}{_encode_day(moment.date(), 'expiry')}{moment.hour:02d}{moment.minute:02d}"


def parse_expiry_datetime(text: str) -> datetime:
    """Read an expiry date and time barcode ``&>cyyjjjhhmm`` into a naive local ``datetime``."""
    cleaned, content = _content(text, _DI_EXPIRY_DATETIME, STRUCTURE_EXPIRY_DATETIME, 10, "expiry")
    day = _decode_day(content, cleaned, _DI_EXPIRY_DATETIME, STRUCTURE_EXPIRY_DATETIME, "expiry")
    hour, minute = int(content[6:8]), int(content[8:10])
    if hour > 23 or minute > 59:
        shown = f"{content[6:8]}:{content[8:10]}"
        raise InvalidInput(DATE_BAD_TIME(structure=STRUCTURE_EXPIRY_DATETIME, text=cleaned, time=shown), field="expiry")
    return datetime.combine(day, time(hour, minute))


def format_collection_date(day: date) -> str:
    """The collection date data structure ``=*cyyjjj``."""
    return _DI_COLLECTION_DATE + _encode_day(day, "collection_date")


def parse_collection_date(text: str) -> date:
    """Read a collection date barcode ``=*cyyjjj``."""
    cleaned, content = _content(text, _DI_COLLECTION_DATE, STRUCTURE_COLLECTION_DATE, 6, "collection_date")
    return _decode_day(content, cleaned, _DI_COLLECTION_DATE, STRUCTURE_COLLECTION_DATE, "collection_date")


# --- keyboard-wedge scans -----------------------------------------------------------------------------------------


class ScanKind(StrEnum):
    DIN = "din"
    BLOOD_GROUP = "blood_group"
    PRODUCT_CODE = "product_code"
    EXPIRY = "expiry"
    EXPIRY_DATETIME = "expiry_datetime"
    COLLECTION_DATE = "collection_date"


@dataclass(frozen=True, slots=True)
class Scan:
    """One decoded scan: what it is, its parsed value, and the data structure as received (cleaned)."""

    kind: ScanKind
    value: Din | BloodGroupCode | ProductCode | date | datetime
    data: str


def decode_scan(text: str) -> Scan:
    """Identify a keyboard-wedge scan by its data identifier and parse it, so the UI can route it to its field.

    Raises :class:`InvalidInput` (or :class:`InvalidDin`) for an empty scan, a barcode that is not ISBT 128, an
    ISBT 128 structure not read here, or a structure whose content is wrong.
    """
    cleaned = _clean(text)
    if not cleaned:
        raise InvalidInput(SCAN_EMPTY(), field="scan")
    if cleaned[0] not in {"=", "&"}:
        raise InvalidInput(SCAN_NOT_ISBT(text=cleaned), field="scan")
    identifier = cleaned[:2]
    # The DIN is the one structure whose second data identifier character is data: a letter or a digit.
    if cleaned[0] == "=" and len(cleaned) > 1 and cleaned[1].isalnum():
        return Scan(ScanKind.DIN, parse(cleaned), cleaned)
    if identifier == _DI_BLOOD_GROUP:
        return Scan(ScanKind.BLOOD_GROUP, parse_blood_group(cleaned), cleaned)
    if identifier == _DI_PRODUCT_CODE:
        return Scan(ScanKind.PRODUCT_CODE, parse_product_code(cleaned), cleaned)
    if identifier == _DI_EXPIRY:
        return Scan(ScanKind.EXPIRY, parse_expiry(cleaned), cleaned)
    if identifier == _DI_EXPIRY_DATETIME:
        return Scan(ScanKind.EXPIRY_DATETIME, parse_expiry_datetime(cleaned), cleaned)
    if identifier == _DI_COLLECTION_DATE:
        return Scan(ScanKind.COLLECTION_DATE, parse_collection_date(cleaned), cleaned)
    raise InvalidInput(SCAN_UNSUPPORTED(text=cleaned, identifier=identifier), field="scan")
