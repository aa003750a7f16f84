"""Donors: registration with the duplicate warning, demographic edits, the one-box search, and the donor's history.

A donor's identity is the survivor of any explicit merge (SYNC.md principle 9): a record merged into another is never
shown on its own, and everything recorded against it (donations, deferrals) counts for the survivor, so a deferral
can never be lost by a merge (principle 8). :func:`identity_ids` is that union; screening and collection use it too.

Identity numbers are stored normalised (a mobile as its 10 digits, an Aadhaar as its 12 digits), so the duplicate
check and the search compare like with like and hit the indexes.
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache, partial
from typing import Any, NamedTuple

from sqlalchemy import bindparam, literal_column, or_, select
from sqlalchemy.orm import Session

from bbms_desktop.errors import DomainError, InvalidInput, NotFound, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.models import Centre, Deferral, Donation, Donor, ScreeningVisit, utcnow
from bbms_desktop.models.direct import DirectStatement
from bbms_desktop.rules import eligibility, isbt128
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import DonationType, DonorType, IdDocument, ScreeningOutcome, Sex
from bbms_desktop.services import numbering
from bbms_desktop.services.uow import Database, UnitOfWork

# --------------------------------------------------------------------------------------------------------------------
# Messages

NAME_REQUIRED = QT_TRANSLATE_NOOP("Donors", "Enter the donor's given name.")
TEXT_TOO_LONG = QT_TRANSLATE_NOOP("Donors", "{label} is too long: at most {maximum} characters.")
SEX_UNKNOWN = QT_TRANSLATE_NOOP("Donors", "Choose the donor's sex: male, female or other.")
DOB_REQUIRED = QT_TRANSLATE_NOOP("Donors", "Enter the donor's date of birth as a calendar date.")
DOB_IN_FUTURE = QT_TRANSLATE_NOOP(
    "Donors", "Date of birth {date_of_birth} is in the future (today is {today}): check the date of birth."
)
DOB_IMPLAUSIBLE = QT_TRANSLATE_NOOP(
    "Donors", "Date of birth {date_of_birth} makes the donor {age} years old, which is not possible: check the year."
)
MOBILE_INVALID = QT_TRANSLATE_NOOP(
    "Donors",
    "Mobile number '{value}' is not an Indian mobile number: enter 10 digits starting with 6, 7, 8 or 9 "
    "(a +91 or 0 in front is fine).",
)
EMAIL_INVALID = QT_TRANSLATE_NOOP("Donors", "E-mail address '{value}' is not valid: check it, or leave it empty.")
PINCODE_INVALID = QT_TRANSLATE_NOOP(
    "Donors", "PIN code '{value}' is not valid: an Indian PIN code is 6 digits and does not start with 0."
)
ID_TYPE_UNKNOWN = QT_TRANSLATE_NOOP("Donors", "Choose the kind of identity document from the list.")
ID_NUMBER_REQUIRED = QT_TRANSLATE_NOOP("Donors", "Enter the number of the donor's {document}, or clear its kind.")
ID_TYPE_REQUIRED = QT_TRANSLATE_NOOP("Donors", "Choose which identity document the number '{value}' belongs to.")
AADHAAR_LENGTH = QT_TRANSLATE_NOOP(
    "Donors", "Aadhaar number '{value}' must have 12 digits (it has {count}): check the card."
)
AADHAAR_FIRST_DIGIT = QT_TRANSLATE_NOOP(
    "Donors", "Aadhaar number '{value}' cannot start with 0 or 1: check the first digit on the card."
)
AADHAAR_CHECK = QT_TRANSLATE_NOOP(
    "Donors", "Aadhaar number '{value}' fails its check digit: a digit is mistyped or two digits are swapped."
)
ABHA_INVALID = QT_TRANSLATE_NOOP(
    "Donors", "ABHA number '{value}' must have 14 digits (as on the ABHA card, e.g. 12-3456-7890-1234)."
)
DONOR_TYPE_UNKNOWN = QT_TRANSLATE_NOOP("Donors", "Choose whether the donor is a voluntary or a replacement donor.")
CONSENT_REQUIRED = QT_TRANSLATE_NOOP(
    "Donors", "The donor's consent is required: read the consent form to the donor and record the consent."
)
POSSIBLE_DUPLICATE = QT_TRANSLATE_NOOP(
    "Donors",
    "This donor may already be registered ({numbers}). Open the existing record instead; register a new donor only "
    "if you have checked it is a different person.",
)
DONOR_NOT_FOUND = QT_TRANSLATE_NOOP("Donors", "No donor with this record was found: search for the donor again.")
DONOR_MERGED = QT_TRANSLATE_NOOP(
    "Donors", "Donor {number} was merged into donor {survivor}: open donor {survivor} instead."
)
DONOR_VOIDED = QT_TRANSLATE_NOOP("Donors", "Donor record {number} was voided ({reason}) and cannot be used.")
FIELD_NOT_EDITABLE = QT_TRANSLATE_NOOP(
    "Donors",
    "{field} cannot be changed on the donor's details page: the blood group comes only from verified laboratory "
    "results, deferrals only from a medical officer, and the donor number never changes.",
)
FIELD_UNKNOWN = QT_TRANSLATE_NOOP("Donors", "'{field}' is not a donor detail that can be changed.")

MATCH_ID_DOCUMENT = QT_TRANSLATE_NOOP("Donors", "same identity document")
MATCH_NAME_DOB_SEX = QT_TRANSLATE_NOOP("Donors", "same name, date of birth and sex")
MATCH_MOBILE = QT_TRANSLATE_NOOP("Donors", "same mobile number")
CANDIDATE = QT_TRANSLATE_NOOP("Donors", "donor {number}: {why}")

LABELS: Mapping[str, Msg] = {
    "given_name": QT_TRANSLATE_NOOP("Donors", "Given name"),
    "family_name": QT_TRANSLATE_NOOP("Donors", "Family name"),
    "guardian_name": QT_TRANSLATE_NOOP("Donors", "Father's or husband's name"),
    "sex": QT_TRANSLATE_NOOP("Donors", "Sex"),
    "date_of_birth": QT_TRANSLATE_NOOP("Donors", "Date of birth"),
    "mobile": QT_TRANSLATE_NOOP("Donors", "Mobile number"),
    "email": QT_TRANSLATE_NOOP("Donors", "E-mail address"),
    "address": QT_TRANSLATE_NOOP("Donors", "Address"),
    "pincode": QT_TRANSLATE_NOOP("Donors", "PIN code"),
    "district": QT_TRANSLATE_NOOP("Donors", "District"),
    "state": QT_TRANSLATE_NOOP("Donors", "State"),
    "id_document_type": QT_TRANSLATE_NOOP("Donors", "Identity document"),
    "id_document_number": QT_TRANSLATE_NOOP("Donors", "Identity document number"),
    "abha_id": QT_TRANSLATE_NOOP("Donors", "ABHA number"),
    "donor_type": QT_TRANSLATE_NOOP("Donors", "Donor type"),
    "blood_group": QT_TRANSLATE_NOOP("Donors", "Blood group"),
    "donor_number": QT_TRANSLATE_NOOP("Donors", "Donor number"),
    "deferrals": QT_TRANSLATE_NOOP("Donors", "Deferrals"),
    "merged_into_id": QT_TRANSLATE_NOOP("Donors", "Merged record"),
    "consent_given_at": QT_TRANSLATE_NOOP("Donors", "Consent"),
}
"""Donor fields as a technician reads them, for messages that name a field."""

ID_DOCUMENT_LABELS: Mapping[IdDocument, Msg] = {
    IdDocument.AADHAAR: QT_TRANSLATE_NOOP("Donors", "Aadhaar card"),
    IdDocument.VOTER_ID: QT_TRANSLATE_NOOP("Donors", "voter ID card"),
    IdDocument.PAN: QT_TRANSLATE_NOOP("Donors", "PAN card"),
    IdDocument.DRIVING_LICENCE: QT_TRANSLATE_NOOP("Donors", "driving licence"),
    IdDocument.PASSPORT: QT_TRANSLATE_NOOP("Donors", "passport"),
    IdDocument.OTHER: QT_TRANSLATE_NOOP("Donors", "identity document"),
}

# Column lengths of models.donors.Donor, so an over-long entry is refused with a message, not a database error.
_MAX_LENGTHS = {
    "given_name": 100,
    "family_name": 100,
    "guardian_name": 200,
    "email": 200,
    "address": 300,
    "district": 100,
    "state": 100,
    "id_document_number": 40,
}
_MERGE_HOPS = 16  # a merge chain longer than this is a data fault; stop rather than loop

# Registration, screening and collection read donors at every step of a camp: on those paths the reads are statements
# built once at module level over the tables' columns, read as plain rows (no ORM entities to load). Session.execute
# autoflushes before them as before an ORM query, so rows added earlier in the same unit of work are seen.
_DONOR = Donor.__table__.c
_CENTRE_CODE = DirectStatement(select(Centre.__table__.c.code).where(Centre.__table__.c.id == bindparam("centre_id")))


# --------------------------------------------------------------------------------------------------------------------
# Verhoeff check digit (Aadhaar). No well-kept library is installed, and the algorithm is three small tables.

_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
_VERHOEFF_INV = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def _verhoeff_checksum(digits: str, *, offset: int) -> int:
    check = 0
    for position, digit in enumerate(reversed(digits)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[(position + offset) % 8][int(digit)]]
    return check


def verhoeff_check_digit(digits: str) -> str:
    """The Verhoeff check digit to append to ``digits`` (e.g. "236" -> "3")."""
    return str(_VERHOEFF_INV[_verhoeff_checksum(digits, offset=1)])


def verhoeff_valid(digits: str) -> bool:
    """Whether a string of digits ends in its correct Verhoeff check digit (the Aadhaar check)."""
    return digits.isascii() and digits.isdigit() and _verhoeff_checksum(digits, offset=0) == 0


# --------------------------------------------------------------------------------------------------------------------
# Normalising identity numbers and names

_MOBILE = re.compile(r"[6-9]\d{9}")
_PINCODE = re.compile(r"[1-9]\d{5}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_SEPARATORS = re.compile(r"[\s\-]")


def normalise_mobile(text: str) -> str | None:
    """The 10 digits of an Indian mobile number written with a +91, 91 or 0 prefix and spaces; None if not one."""
    return _mobile_from_compact(_SEPARATORS.sub("", text))


def _mobile_from_compact(compact: str) -> str | None:
    """``normalise_mobile`` of a text already without spaces and hyphens."""
    if not compact[-10:].isdigit():
        return None  # a mobile number is the last ten characters, all digits: most of what is typed is not one
    if compact.startswith("+91"):
        compact = compact[3:]
    elif compact.startswith("0091"):
        compact = compact[4:]
    elif len(compact) == 12 and compact.startswith("91"):
        compact = compact[2:]
    elif len(compact) == 11 and compact.startswith("0"):
        compact = compact[1:]
    return compact if compact.isascii() and _MOBILE.fullmatch(compact) else None


def name_key(given_name: str, family_name: str | None) -> str:
    """The normalised "given family" the name index holds: lower case, single spaces."""
    return " ".join(f"{given_name} {family_name or ''}".split()).lower()


def family_key(family_name: str | None) -> str | None:
    key = " ".join((family_name or "").split()).lower()
    return key or None


def _document_number(text: str) -> str:
    """An identity document number as stored: capitals, without spaces or hyphens."""
    return _SEPARATORS.sub("", text).upper()


def local_date(moment: datetime) -> date:
    """The centre's calendar date of an aware moment (this machine's time zone, as numbering uses for DIN years)."""
    return moment.astimezone().date()


def visit_on_one_day(start: datetime, takes: timedelta) -> datetime:
    """``start``, or the latest start that ends the visit a minute before its midnight, when a visit of ``takes``
    (registration to the end of the bleed) begun at ``start`` would run past midnight: collection rightly refuses a
    screening of another day, so a visit made up "some time ago" (demo data, training bags) must stay on one day."""
    end = start + takes
    if local_date(start) == local_date(end):
        return start
    midnight = end.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight - timedelta(minutes=1) - takes


# --------------------------------------------------------------------------------------------------------------------
# The registration form and its validation


@dataclass(frozen=True, slots=True, kw_only=True)
class DonorForm:
    given_name: str
    sex: Sex | str
    date_of_birth: date
    family_name: str | None = None
    guardian_name: str | None = None
    mobile: str | None = None
    email: str | None = None
    address: str | None = None
    pincode: str | None = None
    district: str | None = None
    state: str | None = None
    id_document_type: IdDocument | str | None = None
    id_document_number: str | None = None
    abha_id: str | None = None
    donor_type: DonorType | str = DonorType.VOLUNTARY
    consent: bool = False


DEMOGRAPHIC_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(DonorForm) if f.name != "consent")
"""The fields :func:`update_demographics` may change."""

# Fields that exist on a donor but are set only by their own audited workflows.
_PROTECTED_FIELDS = frozenset(
    {
        "blood_group",
        "deferrals",
        "donor_number",
        "merged_into_id",
        "consent_given_at",
        "name_key",
        "family_key",
        "needs_review",
        "id",
        "centre_id",
        "voided_at",
        "void_reason",
        "voided_by_id",
        "version",
        "created_at",
        "updated_at",
    }
)


def _text(values: Mapping[str, Any], name: str, *, required: bool = False) -> str | None:
    raw = values.get(name)
    if raw is not None and not isinstance(raw, str):
        raw = str(raw)
    cleaned = " ".join((raw or "").split())
    if not cleaned:
        if required:
            raise InvalidInput(NAME_REQUIRED(), field=name)
        return None
    maximum = _MAX_LENGTHS.get(name)
    if maximum is not None and len(cleaned) > maximum:
        raise InvalidInput(TEXT_TOO_LONG(label=LABELS[name], maximum=maximum), field=name)
    return cleaned


def _validated(values: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The donor columns for these form values, normalised; raises InvalidInput naming the first field at fault."""
    out: dict[str, Any] = {
        "given_name": _text(values, "given_name", required=True),
        "family_name": _text(values, "family_name"),
        "guardian_name": _text(values, "guardian_name"),
    }
    try:
        out["sex"] = Sex(values.get("sex"))
    except ValueError:
        raise InvalidInput(SEX_UNKNOWN(), field="sex") from None

    dob = values.get("date_of_birth")
    if isinstance(dob, datetime) or not isinstance(dob, date):
        raise InvalidInput(DOB_REQUIRED(), field="date_of_birth")
    if dob > today:
        raise InvalidInput(DOB_IN_FUTURE(date_of_birth=dob, today=today), field="date_of_birth")
    age = eligibility.age_on(dob, today)
    if age > eligibility.PLAUSIBLE_MAX_AGE_YEARS.value:
        raise InvalidInput(DOB_IMPLAUSIBLE(date_of_birth=dob, age=age), field="date_of_birth")
    out["date_of_birth"] = dob

    mobile = _text(values, "mobile")
    if mobile is not None:
        out["mobile"] = normalise_mobile(mobile)
        if out["mobile"] is None:
            raise InvalidInput(MOBILE_INVALID(value=mobile), field="mobile")
    else:
        out["mobile"] = None

    email = _text(values, "email")
    if email is not None and not _EMAIL.fullmatch(email):
        raise InvalidInput(EMAIL_INVALID(value=email), field="email")
    out["email"] = email

    out["address"] = _text(values, "address")
    pincode = _text(values, "pincode")
    if pincode is not None:
        pincode = pincode.replace(" ", "")
        if not (pincode.isascii() and _PINCODE.fullmatch(pincode)):
            raise InvalidInput(PINCODE_INVALID(value=values.get("pincode")), field="pincode")
    out["pincode"] = pincode
    out["district"] = _text(values, "district")
    out["state"] = _text(values, "state")

    out["id_document_type"], out["id_document_number"] = _validated_document(values)

    abha = _text(values, "abha_id")
    if abha is not None:
        digits = _SEPARATORS.sub("", abha)
        if not (digits.isascii() and digits.isdigit() and len(digits) == 14):
            raise InvalidInput(ABHA_INVALID(value=abha), field="abha_id")
        abha = digits
    out["abha_id"] = abha

    try:
        out["donor_type"] = DonorType(values.get("donor_type"))
    except ValueError:
        raise InvalidInput(DONOR_TYPE_UNKNOWN(), field="donor_type") from None
    return out


def _validated_document(values: Mapping[str, Any]) -> tuple[IdDocument | None, str | None]:
    raw_kind = values.get("id_document_type")
    number = _text(values, "id_document_number")
    if raw_kind in (None, ""):
        if number is not None:
            raise InvalidInput(ID_TYPE_REQUIRED(value=number), field="id_document_type")
        return None, None
    try:
        kind = IdDocument(raw_kind)
    except ValueError:
        raise InvalidInput(ID_TYPE_UNKNOWN(), field="id_document_type") from None
    if number is None:
        raise InvalidInput(ID_NUMBER_REQUIRED(document=ID_DOCUMENT_LABELS[kind]), field="id_document_number")
    compact = _document_number(number)
    if kind is IdDocument.AADHAAR:
        if not (compact.isascii() and compact.isdigit()) or len(compact) != 12:
            raise InvalidInput(
                AADHAAR_LENGTH(value=number, count=sum(c.isdigit() for c in compact)), field="id_document_number"
            )
        # UIDAI issues no Aadhaar number starting with 0 or 1.
        if compact[0] in "01":
            raise InvalidInput(AADHAAR_FIRST_DIGIT(value=number), field="id_document_number")
        if not verhoeff_valid(compact):
            raise InvalidInput(AADHAAR_CHECK(value=number), field="id_document_number")
    return kind, compact


def validate_form(form: DonorForm, today: date) -> dict[str, Any]:
    """The donor columns a valid form gives (normalised); raises InvalidInput naming the field at fault."""
    values = {name: getattr(form, name) for name in DEMOGRAPHIC_FIELDS}
    columns = _validated(values, today)
    if form.consent is not True:
        raise InvalidInput(CONSENT_REQUIRED(), field="consent")
    return columns


# --------------------------------------------------------------------------------------------------------------------
# Duplicates


class MatchReason(StrEnum):
    ID_DOCUMENT = "id_document"
    NAME_DOB_SEX = "name_dob_sex"
    MOBILE = "mobile"


MATCH_LABELS: Mapping[MatchReason, Msg] = {
    MatchReason.ID_DOCUMENT: MATCH_ID_DOCUMENT,
    MatchReason.NAME_DOB_SEX: MATCH_NAME_DOB_SEX,
    MatchReason.MOBILE: MATCH_MOBILE,
}


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """An existing donor the new registration may be, and every way it matched."""

    donor_id: uuid.UUID
    donor_number: str
    given_name: str
    family_name: str | None
    sex: str
    date_of_birth: date
    mobile: str | None
    reasons: tuple[MatchReason, ...]

    @property
    def why(self) -> Text:
        return CANDIDATE(number=self.donor_number, why=[MATCH_LABELS[r] for r in self.reasons])


class PossibleDuplicate(DomainError):
    """Registration stopped: the donor may already be registered. Confirm (``acknowledged_duplicates=True``) only
    after checking every candidate is a different person."""

    code = "possible_duplicate"

    def __init__(self, candidates: Sequence[DuplicateCandidate]) -> None:
        self.candidates = tuple(candidates)
        numbers = ", ".join(c.donor_number for c in self.candidates)
        super().__init__(POSSIBLE_DUPLICATE(numbers=numbers))


def _lenient(values: Mapping[str, Any]) -> dict[str, Any]:
    """What of a partly filled form can be matched on: each identity field normalised, or None when unusable."""
    out: dict[str, Any] = {"mobile": None, "document": None, "identity": None}
    if isinstance(values.get("mobile"), str):
        out["mobile"] = normalise_mobile(values["mobile"])
    kind, number = values.get("id_document_type"), values.get("id_document_number")
    if kind and isinstance(number, str) and number.strip():
        try:
            document_kind = IdDocument(kind)
        except ValueError:
            document_kind = None
        if document_kind is not None:
            out["document"] = (document_kind, _document_number(number))
    given, dob, sex = values.get("given_name"), values.get("date_of_birth"), values.get("sex")
    if isinstance(given, str) and given.strip() and isinstance(dob, date) and not isinstance(dob, datetime):
        with contextlib.suppress(ValueError):  # no sex chosen yet: nothing to match on
            out["identity"] = (name_key(given, values.get("family_name")), dob, Sex(sex))
    return out


def find_duplicates(session: Session, form: DonorForm) -> list[DuplicateCandidate]:
    """Registered donors this form may describe: same identity document, same name + DOB + sex, or same mobile.

    Works on a partly filled form (unusable fields are skipped), so the page can warn as the registrar types.
    A merged record is reported as its survivor; voided records are not reported.
    """
    wanted = _lenient({name: getattr(form, name) for name in DEMOGRAPHIC_FIELDS})
    return _duplicates(session, wanted)


# The duplicate check runs at every registration: one statement for every way the form may match (each way an indexed
# lookup, which SQLite unions), read as plain rows; a statement per combination of usable fields, built once.
_MATCHES: Mapping[MatchReason, Any] = {
    MatchReason.ID_DOCUMENT: (_DONOR.id_document_type == bindparam("document_type"))
    & (_DONOR.id_document_number == bindparam("document_number")),
    MatchReason.NAME_DOB_SEX: (_DONOR.date_of_birth == bindparam("date_of_birth"))
    & (_DONOR.sex == bindparam("sex"))
    & (_DONOR.name_key == bindparam("name_key")),
    MatchReason.MOBILE: _DONOR.mobile == bindparam("mobile"),
}


@cache
def _duplicate_query(reasons: tuple[MatchReason, ...]) -> DirectStatement:
    matched_by = [_MATCHES[reason].label(f"by_{reason.value}") for reason in reasons]
    return DirectStatement(
        select(
            _DONOR.id,
            _DONOR.donor_number,
            _DONOR.given_name,
            _DONOR.family_name,
            _DONOR.sex,
            _DONOR.date_of_birth,
            _DONOR.mobile,
            _DONOR.merged_into_id,
            _DONOR.voided_at,
            *matched_by,
        ).where(or_(*(_MATCHES[reason] for reason in reasons)))
    )


def _duplicates(session: Session, wanted: Mapping[str, Any]) -> list[DuplicateCandidate]:
    reasons: list[MatchReason] = []
    params: dict[str, Any] = {}
    if wanted["document"] is not None:
        reasons.append(MatchReason.ID_DOCUMENT)
        params["document_type"], params["document_number"] = wanted["document"]
    if wanted["identity"] is not None:
        reasons.append(MatchReason.NAME_DOB_SEX)
        params["name_key"], params["date_of_birth"], params["sex"] = wanted["identity"]
    if wanted["mobile"] is not None:
        reasons.append(MatchReason.MOBILE)
        params["mobile"] = wanted["mobile"]
    if not reasons:
        return []
    found: dict[uuid.UUID, tuple[Any, set[MatchReason]]] = {}
    for row in _duplicate_query(tuple(reasons)).all(session, params):
        # a merged record stands for its survivor (rare, so that is read through the ORM)
        person = row if row.merged_into_id is None else _survivor(session, session.get(Donor, row.id))
        if person is None or person.voided_at is not None:
            continue
        entry = found.setdefault(person.id, (person, set()))
        entry[1].update(reason for reason in reasons if getattr(row, f"by_{reason.value}"))
    return [
        DuplicateCandidate(
            d.id,
            d.donor_number,
            d.given_name,
            d.family_name,
            Sex(d.sex),
            d.date_of_birth,
            d.mobile,
            tuple(reason for reason in reasons if reason in matched),
        )
        for d, matched in sorted(found.values(), key=lambda item: item[0].donor_number)
    ]


def _survivor(session: Session, donor: Donor) -> Donor | None:
    """The record that stands for this donor after any merges; None when that record is voided."""
    for _ in range(_MERGE_HOPS):
        if donor.merged_into_id is None:
            return None if donor.voided_at is not None else donor
        parent = session.get(Donor, donor.merged_into_id)
        if parent is None:
            return None
        donor = parent
    return None


def identity_ids(session: Session, donor_id: uuid.UUID) -> tuple[uuid.UUID, ...]:
    """This donor and every record merged into it (directly or through another merge): one person's records."""
    ids = [donor_id]
    frontier = [donor_id]
    for _ in range(_MERGE_HOPS):
        merged = [
            i for i in session.scalars(select(Donor.id).where(Donor.merged_into_id.in_(frontier))) if i not in ids
        ]
        if not merged:
            break
        ids += merged
        frontier = merged
    return tuple(ids)


# --------------------------------------------------------------------------------------------------------------------
# Use cases


@dataclass(frozen=True, slots=True)
class RegisteredDonor:
    id: uuid.UUID
    donor_number: str
    acknowledged_duplicates: tuple[str, ...]  # donor numbers the registrar checked and confirmed are other people


def register_donor(uow: UnitOfWork, form: DonorForm, *, acknowledged_duplicates: bool = False) -> RegisteredDonor:
    """Register a new donor; stops with :class:`PossibleDuplicate` unless the registrar has checked the candidates."""
    actor = uow.require(Action.REGISTER_DONOR)
    columns = validate_form(form, local_date(uow.now))
    candidates = _duplicates(uow.session, _lenient(columns))
    if candidates and not acknowledged_duplicates:
        raise PossibleDuplicate(candidates)
    centre_code = _CENTRE_CODE.scalar(uow.session, {"centre_id": actor.centre_id})
    assert centre_code is not None, "a signed-in user always belongs to a centre on this installation"
    number = numbering.next_number(uow, "donor")
    donor = Donor(
        donor_number=f"{centre_code}-{number:07d}",
        name_key=name_key(columns["given_name"], columns["family_name"]),
        family_key=family_key(columns["family_name"]),
        consent_given_at=uow.now,
        **columns,
    )
    uow.add(donor)
    uow.audit(
        "register_donor",
        donor,
        donor_number=donor.donor_number,
        acknowledged_duplicates=[
            {"donor_id": str(c.donor_id), "donor_number": c.donor_number, "reasons": [str(r) for r in c.reasons]}
            for c in candidates
        ],
    )
    return RegisteredDonor(donor.id, donor.donor_number, tuple(c.donor_number for c in candidates))


def get_donor(session: Session, donor_id: uuid.UUID) -> Donor:
    """The donor record to write against: it must exist, not be voided and not be merged into another."""
    donor = session.get(Donor, donor_id)
    if donor is None or donor.voided_at is not None or donor.merged_into_id is not None:
        raise _refusal(session, donor)
    return donor


def _refusal(session: Session, donor: Donor | None) -> DomainError:
    """Why a donor record cannot be written against: not found, voided, or merged into another."""
    if donor is None:
        return NotFound(DONOR_NOT_FOUND(), code="no_donor")
    if donor.voided_at is not None:
        return StateError(DONOR_VOIDED(number=donor.donor_number, reason=donor.void_reason or "-"), code="donor_voided")
    survivor = _survivor(session, donor)
    shown = survivor.donor_number if survivor is not None else "-"
    return StateError(DONOR_MERGED(number=donor.donor_number, survivor=shown), code="donor_merged")


# --------------------------------------------------------------------------------------------------------------------
# The donor's record as screening and collection check it

# The identity (this record and every record merged into it, _MERGE_HOPS merges deep at most, as identity_ids gives
# it) as a recursive CTE, so the donations and the deferrals of an identity are each one statement.
_identity = select(bindparam("donor_id", type_=_DONOR.id.type).label("id"), literal_column("0").label("hops")).cte(
    "identity", recursive=True
)
_identity = _identity.union(
    select(_DONOR.id, _identity.c.hops + 1).where(
        _DONOR.merged_into_id == _identity.c.id, _identity.c.hops < _MERGE_HOPS
    )
)
_IDENTITY = select(_identity.c.id)
_DEFERRAL = Deferral.__table__.c
_DEFERRALS = (
    select(
        _DEFERRAL.id,
        _DEFERRAL.reason_code,
        _DEFERRAL.detail,
        _DEFERRAL.permanent,
        _DEFERRAL.starts_on,
        _DEFERRAL.until,
        _DEFERRAL.centre_id,
        _DEFERRAL.visit_id,
        _DEFERRAL.donation_id,
    )
    .where(_DEFERRAL.donor_id.in_(_IDENTITY))
    .order_by(_DEFERRAL.starts_on.desc(), _DEFERRAL.created_at.desc())
)
_DONATION = Donation.__table__.c
_DONATIONS = (
    select(_DONATION.id, _DONATION.din, _DONATION.collected_at, _DONATION.donation_type)
    .where(_DONATION.donor_id.in_(_IDENTITY), _DONATION.voided_at.is_(None))
    .order_by(_DONATION.collected_at.desc())
)
_DONOR_ROW = select(
    _DONOR.id, _DONOR.donor_number, _DONOR.sex, _DONOR.date_of_birth, _DONOR.merged_into_id, _DONOR.voided_at
).where(_DONOR.id == bindparam("donor_id"))


# screening and collection read these for every donor of a camp: straight on the session's connection
_DIRECT_DONOR_ROW = DirectStatement(_DONOR_ROW)
_DIRECT_DONATIONS = DirectStatement(_DONATIONS)
_DIRECT_DEFERRALS = DirectStatement(_DEFERRALS)


@dataclass(frozen=True, slots=True)
class DonorRecord:
    """What the safety checks of screening and collection read of a donor, as plain values."""

    id: uuid.UUID
    donor_number: str
    sex: Sex
    date_of_birth: date
    donations: tuple[DonationSummary, ...]  # the identity's unvoided donations, newest first
    deferrals: tuple[DeferralSummary, ...]  # every deferral of the identity (other centres' too), newest first


def donor_record(session: Session, donor_id: uuid.UUID) -> DonorRecord:
    """The donor to write against, refused as :func:`get_donor` refuses it, with its identity's donations and
    deferrals (merged records included: principle 8)."""
    donor = _DIRECT_DONOR_ROW.first(session, {"donor_id": donor_id})
    if donor is None or donor.voided_at is not None or donor.merged_into_id is not None:
        raise _refusal(session, session.get(Donor, donor_id))
    params = {"donor_id": donor.id}
    donations = tuple(
        DonationSummary(d.id, d.din, d.collected_at, local_date(d.collected_at), DonationType(d.donation_type), False)
        for d in _DIRECT_DONATIONS.all(session, params)
    )
    deferrals = tuple(DeferralSummary(*row) for row in _DIRECT_DEFERRALS.all(session, params))
    return DonorRecord(donor.id, donor.donor_number, Sex(donor.sex), donor.date_of_birth, donations, deferrals)


@dataclass(frozen=True, slots=True)
class DemographicsUpdate:
    id: uuid.UUID
    donor_number: str
    changed: tuple[str, ...]  # the fields whose stored value changed (empty: nothing to save)


def update_demographics(uow: UnitOfWork, donor_id: uuid.UUID, **changes: Any) -> DemographicsUpdate:
    """Correct a donor's demographic details, validated as at registration; audited with old and new values.

    The blood group, deferrals, donor number, consent and merge link have their own workflows and are refused here.
    """
    uow.require(Action.EDIT_DONOR)
    for name in changes:
        if name in _PROTECTED_FIELDS:
            raise InvalidInput(FIELD_NOT_EDITABLE(field=LABELS.get(name, name)), field=name)
        if name not in DEMOGRAPHIC_FIELDS:
            raise InvalidInput(FIELD_UNKNOWN(field=name), field=name)
    donor = get_donor(uow.session, donor_id)
    current = {name: getattr(donor, name) for name in DEMOGRAPHIC_FIELDS}
    columns = _validated({**current, **changes}, local_date(uow.now))
    changed = {name: (current[name], value) for name, value in columns.items() if value != current[name]}
    if not changed:
        return DemographicsUpdate(donor.id, donor.donor_number, ())
    for name, (_old, new) in changed.items():
        setattr(donor, name, new)
    if {"given_name", "family_name"} & changed.keys():
        donor.name_key = name_key(donor.given_name, donor.family_name)
        donor.family_key = family_key(donor.family_name)
    uow.audit(
        "update_donor_demographics",
        donor,
        changes={name: {"old": _plain(old), "new": _plain(new)} for name, (old, new) in changed.items()},
    )
    return DemographicsUpdate(donor.id, donor.donor_number, tuple(changed))


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return value


# --------------------------------------------------------------------------------------------------------------------
# Search


class DonorSummary(NamedTuple):
    """One line of a search result (a named tuple: built for every row of every keystroke, so it must be cheap)."""

    id: uuid.UUID
    donor_number: str
    given_name: str
    family_name: str | None
    guardian_name: str | None
    sex: str
    date_of_birth: date
    mobile: str | None
    blood_group: str | None
    matched_by: str  # "donor_number", "mobile", "din" or "name"


def _summary(donor: Donor, matched_by: str) -> DonorSummary:
    return DonorSummary(
        donor.id,
        donor.donor_number,
        donor.given_name,
        donor.family_name,
        donor.guardian_name,
        _SEX[donor.sex],
        donor.date_of_birth,
        donor.mobile,
        donor.blood_group,
        matched_by,
    )


_SEX = {sex.value: sex for sex in Sex}


def _prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix`` (for an index range scan)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


# The search box runs on every keystroke: each kind of input is one hand-written statement on its index, read as
# plain rows (no ORM entities). tests/services/test_donors.py checks every statement's plan for table scans.
_SUMMARY_COLUMNS = (
    "d.id, d.donor_number, d.given_name, d.family_name, d.guardian_name, d.sex, d.date_of_birth, d.mobile, "
    "d.blood_group, d.merged_into_id, d.voided_at"
)
SEARCH_BY_MOBILE = f"SELECT {_SUMMARY_COLUMNS} FROM donors d WHERE d.mobile = ?"
SEARCH_BY_NUMBER = f"SELECT {_SUMMARY_COLUMNS} FROM donors d WHERE d.donor_number = ?"
SEARCH_BY_DIN = f"SELECT {_SUMMARY_COLUMNS} FROM donations x JOIN donors d ON d.id = x.donor_id WHERE x.din = ?"
SEARCH_BY_NAME = (
    f"SELECT {_SUMMARY_COLUMNS} FROM donors d WHERE d.{{column}} >= ? AND d.{{column}} < ? ORDER BY d.{{column}} "
    "LIMIT ?"
)
_SEARCH_BY_NAME = {column: SEARCH_BY_NAME.format(column=column) for column in ("name_key", "family_key")}
_SEARCH_BY_ID = f"SELECT {_SUMMARY_COLUMNS} FROM donors d WHERE d.id = ?"  # a merged record's survivor, hop by hop

# what runs one statement: (sql, parameters) -> an object with fetchall() (a DB-API cursor's or connection's execute)
_Execute = Callable[[str, tuple[Any, ...]], Any]
# the line for a merged record (its survivor's, or None): (execute, record id as stored, matched_by) -> the line
_MergedLine = Callable[[_Execute, str, str], "DonorSummary | None"]


def search(session: Session, text: str, limit: int = 20) -> list[DonorSummary]:
    """Donors for what a technician typed or scanned in the one search box, best matches first.

    Exact donor number, a mobile number in any accepted format, a DIN (scanned with "=" or typed, via the
    donation), or the start of the given name or family name (case-insensitive). Every lookup is an equality or a
    prefix range on an indexed column, never a scan. Merged records are shown as their survivor; voided ones not.

    The input is classified first and only the one statement that can match runs, on the DB-API connection of the
    session's transaction (fixed SQL, positional parameters, plain rows), and a result line is a named tuple. A
    merged record's survivor is read through the session (it sees what the session holds). The search box itself
    calls ``lookup``, the same search in a transaction of its own without a Session.
    """
    typed = " ".join(text.split())
    if not typed or limit <= 0:
        return []
    cursor = session.connection().connection.driver_connection.cursor()

    def merged_line(_execute: _Execute, donor_id: str, matched_by: str) -> DonorSummary | None:
        survivor = _survivor(session, session.get(Donor, uuid.UUID(hex=donor_id)))
        return None if survivor is None else _summary(survivor, matched_by)

    return _search(cursor.execute, merged_line, typed, limit)


def lookup(db: Database, text: str, limit: int = 20) -> list[DonorSummary]:
    """``search`` for the search box, on every keystroke: the same lines, in one fresh read transaction of its own.

    No Session: a plain read-only connection of the database's (``Database.read_connections``) reads in one
    deferred transaction begun and ended here (``BEGIN`` ... ``COMMIT``, a consistent snapshot as ``Database.read``
    gives), so a keystroke costs the statement and little more. A merged record's survivor is read hop by hop on the
    same connection, in the same transaction. Safe from any thread: the connection is this call's until it returns.
    tests/services/test_donor_lookup.py checks it returns exactly what ``search`` returns in a read session.
    """
    typed = " ".join(text.split())
    if not typed or limit <= 0:
        return []
    connections = db.read_connections
    connection = connections.take()
    try:
        execute = connection.execute
        execute("BEGIN")
        try:
            return _search(execute, _merged_line, typed, limit)
        finally:
            execute("COMMIT")  # nothing was written (query_only): this only ends the snapshot
    finally:
        connections.give(connection)


def _search(execute: _Execute, merged_line: _MergedLine, typed: str, limit: int) -> list[DonorSummary]:
    """The search of ``search`` and ``lookup`` for a non-empty, single-spaced ``typed``."""
    # spaces and hyphens out, once for both shapes below (typed holds no whitespace but single spaces)
    compact = typed.replace(" ", "").replace("-", "")
    din = _as_din(typed, compact)
    if din is not None:
        return _merge([], _lines(execute(SEARCH_BY_DIN, (din,)).fetchall(), "din", merged_line, execute), limit)
    found: list[DonorSummary] = []
    mobile = _mobile_from_compact(compact)
    if mobile is not None:
        rows = execute(SEARCH_BY_MOBILE, (mobile,)).fetchall()
        found = _merge([], _lines(rows, "mobile", merged_line, execute), limit)
        if "-" not in typed:  # digits alone are never a donor number ("<centre code>-<serial>")
            return found
    if typed[-1].isdigit() or any(map(str.isdigit, typed)):  # a donor number: names have no digits
        rows = execute(SEARCH_BY_NUMBER, (typed.upper(),)).fetchall()
        return _merge(found, _lines(rows, "donor_number", merged_line, execute), limit)
    key = typed.lower()
    if not any(map(str.isalpha, key)):
        return found
    high = _prefix_upper_bound(key)
    for sql in _SEARCH_BY_NAME.values():
        if len(found) >= limit:
            break
        rows = execute(sql, (key, high, limit)).fetchall()
        lines = _lines(rows, "name", merged_line, execute)
        if len(rows) == limit and len(lines) < limit:  # merged or voided records were skipped: read further
            lines = _lines(execute(sql, (key, high, 4 * limit)).fetchall(), "name", merged_line, execute)
        found = _merge(found, lines, limit)
    return found


def _lines(rows: list[Any], matched_by: str, merged_line: _MergedLine, execute: _Execute) -> list[DonorSummary]:
    """Result lines from raw rows: a merged record shown as its survivor, a voided one not at all."""
    out = []
    for donor_id, number, given, family, guardian, sex, dob, mobile, group, merged_into, voided_at in rows:
        if merged_into is not None:
            line = merged_line(execute, donor_id, matched_by)
            if line is not None:
                out.append(line)
        elif voided_at is None:
            out.append(
                _new_summary(
                    (
                        _uuid_from_hex(donor_id),
                        number,
                        given,
                        family,
                        guardian,
                        _SEX[sex],
                        _date_from_iso(dob),
                        mobile,
                        group,
                        matched_by,
                    )
                )
            )
    return out


# the line of a result row built without Python-level constructors (a row of twenty is read on every keystroke):
# the named tuple from its fields as DonorSummary._make does, the id as uuid.UUID(hex=...) sets it
_new_summary = partial(tuple.__new__, DonorSummary)
_date_from_iso = date.fromisoformat
_new_object = object.__new__
_set_slot = object.__setattr__
_UNKNOWN_SAFETY = uuid.SafeUUID.unknown  # what uuid.UUID(hex=...) sets (an enum member read once, not per row)


def _uuid_from_hex(value: str) -> uuid.UUID:
    """``uuid.UUID(hex=value)`` for an id as the database stores it (32 hex digits), at a third of the cost."""
    if len(value) != 32:
        raise ValueError("badly formed hexadecimal UUID string")
    number = int(value, 16)
    made = _new_object(uuid.UUID)
    _set_slot(made, "int", number)
    _set_slot(made, "is_safe", _UNKNOWN_SAFETY)
    return made


def _merged_line(execute: _Execute, donor_id: str, matched_by: str) -> DonorSummary | None:
    """``_survivor`` in plain statements: the line of the record that stands for a merged one, None when voided."""
    rows = execute(_SEARCH_BY_ID, (donor_id,)).fetchall()
    for _ in range(_MERGE_HOPS):
        if not rows:
            return None
        row = rows[0]
        if row[9] is None:  # merged_into_id: this record stands for the donor
            return None if row[10] is not None else _lines(rows, matched_by, _no_merged_line, execute)[0]
        rows = execute(_SEARCH_BY_ID, (row[9],)).fetchall()
    return None


def _no_merged_line(_execute: _Execute, _donor_id: str, _matched_by: str) -> DonorSummary | None:
    raise AssertionError("only called for a record that is not merged")


def _merge(first: list[DonorSummary], more: list[DonorSummary], limit: int) -> list[DonorSummary]:
    """``first`` then the lines of ``more`` not already shown (a survivor reached twice shows once), up to limit."""
    if not first and len(more) <= 1 and limit >= 1:
        return more  # the usual keystroke: one line or none, nothing to compare
    seen = {line.id.int for line in first}  # the number a UUID is equal by: hashed in C, not by UUID.__hash__
    out = list(first)
    for line in more:
        if len(out) >= limit:
            break
        number = line.id.int
        if number not in seen:
            seen.add(number)
            out.append(line)
    return out


# the shape of a DIN as typed or scanned (optional AIM prefix and "=", 13 characters, check or flags after)
_DIN_SHAPE = re.compile(r"(?:\][A-Za-z][0-9A-Za-z])?=?[A-NP-Za-np-z1-9][0-9]{4}[0-9]{8}[0-9A-Za-z*]{0,2}")


def _as_din(text: str, compact: str) -> str | None:
    """The DIN ``text`` is, or None; ``compact`` is ``text`` without spaces and hyphens."""
    if not _DIN_SHAPE.fullmatch(compact):
        return None  # cheap refusal: most of what is typed into the search box is not a DIN
    try:
        return isbt128.parse(text).din
    except InvalidInput:
        return None


# --------------------------------------------------------------------------------------------------------------------
# History


@dataclass(frozen=True, slots=True)
class VisitSummary:
    id: uuid.UUID
    visited_at: datetime
    donation_type: str
    outcome: str
    reason_codes: tuple[str, ...]
    camp_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class DonationSummary:
    id: uuid.UUID
    din: str
    collected_at: datetime
    collected_on: date  # the centre's local date
    donation_type: str
    voided: bool


@dataclass(frozen=True, slots=True)
class DeferralSummary:
    id: uuid.UUID
    reason_code: str
    detail: str | None
    permanent: bool
    starts_on: date
    until: date | None  # the first day the donor may donate again; None when permanent or open-ended
    centre_id: uuid.UUID  # the centre that recorded it (deferrals sync from every centre)
    visit_id: uuid.UUID | None
    donation_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class DonorHistory:
    donor: DonorSummary
    visits: tuple[VisitSummary, ...]  # newest first
    donations: tuple[DonationSummary, ...]  # newest first
    deferrals: tuple[DeferralSummary, ...]  # every deferral ever recorded, newest first
    active_deferrals: tuple[DeferralSummary, ...]  # those in force on the day asked about
    blood_group: str | None  # confirmed by the laboratory; None until then
    last_whole_blood: date | None


def deferral_active(deferral: Deferral | DeferralSummary, on: date) -> bool:
    """In force on ``on``: permanent, open-ended, or not yet at its ``until`` (the first day the donor may donate).

    A deferral recorded with a later start date (a clock ahead on another machine) already counts: a deferral is a
    safety fact, and counting it a day early can only protect a patient.
    """
    return deferral.permanent or deferral.until is None or on < deferral.until


def deferral_summaries(session: Session, donor_id: uuid.UUID) -> list[DeferralSummary]:
    """Every deferral of this donor's identity (merged records and other centres' included), newest first."""
    return [DeferralSummary(*row) for row in session.execute(_DEFERRALS, {"donor_id": donor_id})]


def donation_rows(session: Session, donor_id: uuid.UUID, *, include_void: bool = False) -> list[Donation]:
    """The donations of this donor's identity, newest first (voided ones only when asked)."""
    query = select(Donation).where(Donation.donor_id.in_(identity_ids(session, donor_id)))
    if not include_void:
        query = query.where(Donation.voided_at.is_(None))
    return list(session.scalars(query.order_by(Donation.collected_at.desc())))


def history(session: Session, donor_id: uuid.UUID, *, on: date | None = None) -> DonorHistory:
    """A donor's visits, donations, deferrals (and which are in force ``on``, default today), group, last donation."""
    donor = session.get(Donor, donor_id)
    if donor is None:
        raise NotFound(DONOR_NOT_FOUND(), code="no_donor")
    survivor = _survivor(session, donor)
    if survivor is None:
        raise StateError(DONOR_VOIDED(number=donor.donor_number, reason=donor.void_reason or "-"), code="donor_voided")
    today = on or local_date(utcnow())
    ids = identity_ids(session, survivor.id)
    visits = session.scalars(
        select(ScreeningVisit).where(ScreeningVisit.donor_id.in_(ids)).order_by(ScreeningVisit.visited_at.desc())
    )
    donations = donation_rows(session, survivor.id, include_void=True)
    deferrals = deferral_summaries(session, survivor.id)
    whole_blood = [
        local_date(d.collected_at)
        for d in donations
        if d.voided_at is None and d.donation_type == DonationType.WHOLE_BLOOD
    ]
    return DonorHistory(
        donor=_summary(survivor, "id"),
        visits=tuple(
            VisitSummary(
                v.id,
                v.visited_at,
                DonationType(v.donation_type),
                ScreeningOutcome(v.outcome),
                tuple(v.reason_codes),
                v.camp_id,
            )
            for v in visits
            if v.voided_at is None
        ),
        donations=tuple(
            DonationSummary(
                d.id,
                d.din,
                d.collected_at,
                local_date(d.collected_at),
                DonationType(d.donation_type),
                d.voided_at is not None,
            )
            for d in donations
        ),
        deferrals=tuple(deferrals),
        active_deferrals=tuple(d for d in deferrals if deferral_active(d, today)),
        blood_group=survivor.blood_group,
        last_whole_blood=max(whole_blood, default=None),
    )
