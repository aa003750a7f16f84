"""Bulk import of a centre's existing donor register and donation history (a paper register typed up, an e-RaktKosh
export), at bulk speed but by the same rules as the screens.

Every record is validated as registration, collection and the laboratory validate (``donors.validate_form``,
``isbt128.parse``, the plausibility bounds of ``rules.eligibility``, ``rules.grouping``). A record that fails is
skipped whole and reported with its index and the reason; the others are written. Nothing is merged: a record that
may be a donor already on file (same identity document, same mobile, or same name, date of birth and sex, in the
database or earlier in the file) is imported with ``needs_review`` set and listed, for a person to decide.

Each donation becomes a screening visit (eligible, notes "imported"), the donation, and a result set with its
verification: entered by the importing user and verified by a second, named laboratory user who checked the source
records, so the two-person rule holds for imported results as for any other. A reactive or indeterminate result
defers the donor exactly as ``services.lab`` would, counted from the collection day. No components are made for
imported history: its units were used, discarded or expired long ago, and inventing them would put phantom stock on
the shelf. All rows are written through the unit of work, so the capture hook puts them in the outbox (they sync)
and one audit event per batch records the import.

Speed: a batch is validated in memory, checked against the database with one IN query per kind of lookup (indexed
columns, never a query per record), and written with one flush per table level (parents before children: the models
declare no relationships, so the ORM would not order a mixed flush for the foreign keys).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from bbms_desktop.errors import InvalidInput, NotPermitted
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Text
from bbms_desktop.models import (
    Centre,
    Deferral,
    Donation,
    Donor,
    LabResultSet,
    LabVerification,
    NumberBlock,
    ScreeningVisit,
    User,
    new_id,
)
from bbms_desktop.rules import components as component_rules
from bbms_desktop.rules import eligibility, grouping, isbt128
from bbms_desktop.rules.roles import ROLE_LABELS, Action, may
from bbms_desktop.rules.vocabulary import (
    LABELS,
    TTI_MARKERS,
    Agglutination,
    AntibodyScreen,
    BagType,
    DonationType,
    ScreeningOutcome,
    TtiResult,
)
from bbms_desktop.services import collection, lab, numbering, screening
from bbms_desktop.services.components import UNSAFE_RESULTS
from bbms_desktop.services.donors import (
    DonorForm,
    MatchReason,
    family_key,
    local_date,
    name_key,
    validate_form,
)
from bbms_desktop.services.uow import Actor, UnitOfWork

# --------------------------------------------------------------------------------------------------------------------
# Messages

SAME_PERSON = QT_TRANSLATE_NOOP(
    "RegisterImport",
    "You are importing these laboratory results, so you cannot also be their verifier: name a second laboratory "
    "technician who checked the source records.",
)
VERIFIER_MAY_NOT = QT_TRANSLATE_NOOP(
    "RegisterImport",
    "{name} ({role}) may not verify laboratory results: name a laboratory technician who checked the source records.",
)
VERIFIER_UNKNOWN = QT_TRANSLATE_NOOP(
    "RegisterImport",
    "{name} is not an active user of this centre with that role, so cannot verify the imported results: choose "
    "another laboratory technician.",
)
BATCH_SIZE_INVALID = QT_TRANSLATE_NOOP("RegisterImport", "The batch size must be a whole number of at least 1.")
LEGACY_NUMBER_INVALID = QT_TRANSLATE_NOOP(
    "RegisterImport",
    "Old donor number '{value}' cannot be kept: use at most {maximum} letters, digits, '-' or '/'.",
)
LEGACY_NUMBER_OURS = QT_TRANSLATE_NOOP(
    "RegisterImport",
    "Old donor number {number} has the form of the numbers this centre hands out ({prefix}...), so it could clash "
    "with a new donor: import without keeping old numbers.",
)
LEGACY_NUMBER_TAKEN = QT_TRANSLATE_NOOP(
    "RegisterImport",
    "Donor number {number} is already used by another donor: correct it in the file, or import without keeping old "
    "numbers.",
)
GROUP_INVALID = QT_TRANSLATE_NOOP(
    "RegisterImport", "'{group}' is not a blood group: expected one of O+, O-, A+, A-, B+, B-, AB+ or AB-."
)
GROUP_CONFLICT = QT_TRANSLATE_NOOP(
    "RegisterImport",
    "Donation {din} was grouped {group}, but this donor's record says {other}: check the source records (a sample or "
    "identity error); the donor is not imported until they agree.",
)
DIN_EXTERNAL_NOT_YES_NO = QT_TRANSLATE_NOOP(
    "RegisterImport", "Say whether donation {din} was collected by another centre: yes or no."
)
DIN_TWICE = QT_TRANSLATE_NOOP(
    "RegisterImport", "DIN {din} appears more than once in this import: each bag has its own DIN; check the file."
)
COLLECTED_AT_MISSING = QT_TRANSLATE_NOOP(
    "RegisterImport", "Enter when donation {din} was collected, as a date and time with its time zone."
)
COLLECTED_IN_FUTURE = QT_TRANSLATE_NOOP(
    "RegisterImport", "Donation {din} is dated {when}, which is in the future: check the collection date."
)
COLLECTED_BEFORE_BIRTH = QT_TRANSLATE_NOOP(
    "RegisterImport",
    "Donation {din} is dated {when}, before the donor's date of birth ({date_of_birth}): check both dates.",
)
READING_MISSING = QT_TRANSLATE_NOOP("RegisterImport", "Enter the {label} recorded when donation {din} was collected.")
NOT_A_WHOLE_NUMBER = QT_TRANSLATE_NOOP("RegisterImport", "{label} of donation {din} must be a whole number of ml.")
LABEL_BAG_VOLUME = QT_TRANSLATE_NOOP("RegisterImport", "The bag volume")
LABEL_COLLECTED_VOLUME = QT_TRANSLATE_NOOP("RegisterImport", "The collected volume")
DEFERRAL_START_MISSING = QT_TRANSLATE_NOOP(
    "RegisterImport", "Enter the date deferral {code} started, as a calendar date."
)
DEFERRAL_START_IN_FUTURE = QT_TRANSLATE_NOOP(
    "RegisterImport", "Deferral {code} starts on {starts_on}, after today ({today}): check the date."
)
DEFERRAL_END_NOT_AFTER_START = QT_TRANSLATE_NOOP(
    "RegisterImport",
    "Deferral {code} ends on {until}, which is not after its start ({starts_on}): the end is the first day the donor "
    "may donate again.",
)

IMPORTED_NOTE = "imported"  # the notes of every imported visit, donation and result set (a stored marker, not UI)

_LEGACY_NUMBER_MAX = 30  # models.donors.Donor.donor_number
_LEGACY_NUMBER_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/")
_DETAIL_MAX = 500  # models.donors.Deferral.detail
_REASON_CODE_MAX = 60  # models.donors.Deferral.reason_code
_IN_CHUNK = 5000  # values per IN (...) query, well under SQLite's limit of bound parameters
# SQLite's page cache during an import (KiB). At the default 2 MiB a transaction of thousands of rows keeps spilling
# dirty pages to the WAL and the inserts run ten times slower; the cache grows only as far as it is used.
IMPORT_CACHE_KIB = 262_144
_VITALS = (
    "weight_kg",
    "haemoglobin_g_dl",
    "systolic_mmhg",
    "diastolic_mmhg",
    "pulse_per_min",
    "temperature_c",
)

P, N = Agglutination.POSITIVE, Agglutination.NEGATIVE
# The reactions that give each ABO group: forward anti-A, anti-B, anti-AB; reverse A cells, B cells (O cells negative).
_SEROLOGY = {
    "O": (N, N, N, P, P),
    "A": (P, N, P, N, P),
    "B": (N, P, P, P, N),
    "AB": (P, P, P, N, N),
}

T = TypeVar("T")
Progress = Callable[[int], None]
"""Called after each batch with the number of records read so far."""

# --------------------------------------------------------------------------------------------------------------------
# Input


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportedDonation:
    """One whole-blood donation of the old register, with what was recorded at that visit and its final results.

    ``din`` is the DIN as printed or scanned; it must be this centre's (its facility number) unless ``external``.
    ``tested_group`` is the group the laboratory found on this donation; the TTI fields are the final results.
    """

    din: str
    collected_at: datetime
    bag_type: BagType | str
    bag_volume_ml: int
    collected_volume_ml: int
    weight_kg: float
    haemoglobin_g_dl: float
    systolic_mmhg: int
    diastolic_mmhg: int
    pulse_per_min: int
    temperature_c: float
    tested_group: str
    hiv: TtiResult | str
    hbsag: TtiResult | str
    hcv: TtiResult | str
    syphilis: TtiResult | str
    malaria: TtiResult | str
    antibody_screen: AntibodyScreen | str = AntibodyScreen.NEGATIVE
    pulse_regular: bool = True
    external: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportedDeferral:
    """A deferral of the old register. ``until`` is the first day the donor may donate again (None: permanent)."""

    reason_code: str
    permanent: bool
    starts_on: date
    until: date | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportedDonor(DonorForm):
    """A donor of the old register: the registration form's fields (validated as at registration, consent included),
    the old donor number, the group the old register confirmed, and the donor's donations and deferrals."""

    legacy_number: str | None = None
    blood_group: str | None = None
    donations: tuple[ImportedDonation, ...] = ()
    deferrals: tuple[ImportedDeferral, ...] = ()


# --------------------------------------------------------------------------------------------------------------------
# Result


@dataclass(frozen=True, slots=True)
class RejectedRecord:
    """A record that was not imported (nothing of it was saved)."""

    index: int  # position in the input, from 0
    field: str | None  # the field at fault, e.g. "mobile" or "donations[1].din"
    message: Text


@dataclass(frozen=True, slots=True)
class ReviewFlag:
    """An imported donor who may be someone already on file: imported with ``needs_review``, not merged."""

    index: int
    donor_id: uuid.UUID
    donor_number: str
    reasons: tuple[MatchReason, ...]
    matches: tuple[str, ...]  # donor numbers of the records it may be (on file, or earlier in the import)


@dataclass(frozen=True, slots=True)
class ImportReport:
    records: int  # records read
    donors: int  # donors written
    donations: int
    deferrals: int  # deferral rows written: those given, and those reactive results call for
    batches: int
    first_donor_number: str | None
    last_donor_number: str | None
    rejected: tuple[RejectedRecord, ...]
    needs_review: tuple[ReviewFlag, ...]


# --------------------------------------------------------------------------------------------------------------------
# The use case


def import_register(
    uow: UnitOfWork,
    donors: Iterable[ImportedDonor],
    *,
    verified_by: Actor,
    keep_legacy_numbers: bool = False,
    batch_size: int = 2000,
    progress: Progress | None = None,
) -> ImportReport:
    """Import donors with their donations and deferrals; bad records are skipped and reported, the rest written.

    ``verified_by`` is the second laboratory user who checked the source results (never the importing user).
    Donor numbers are this centre's next numbers, or with ``keep_legacy_numbers`` the old numbers where given.
    """
    importer = uow.require(Action.REGISTER_DONOR)
    uow.require(Action.VIEW_AUDIT)
    _check_verifier(uow, importer, verified_by)
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise InvalidInput(BATCH_SIZE_INVALID(), field="batch_size")
    centre = uow.session.get(Centre, importer.centre_id)
    assert centre is not None, "a signed-in user always belongs to a centre on this installation"
    run = _Run(
        uow=uow,
        importer=importer,
        verifier=verified_by,
        today=local_date(uow.now),
        centre_code=centre.code,
        fin=centre.fin,
        keep_legacy_numbers=keep_legacy_numbers,
        foreign_din_blocks=_foreign_din_blocks(uow),
    )
    records = iter(donors)
    start = 0
    with _large_page_cache(uow):
        while batch := list(islice(records, batch_size)):
            _import_batch(run, batch, start)
            start += len(batch)
            if progress is not None:
                progress(start)
    return ImportReport(
        records=start,
        donors=run.donors,
        donations=run.donations,
        deferrals=run.deferrals,
        batches=run.batches,
        first_donor_number=run.first_number,
        last_donor_number=run.last_number,
        rejected=tuple(sorted(run.rejected, key=lambda r: r.index)),
        needs_review=tuple(run.needs_review),
    )


def _check_verifier(uow: UnitOfWork, importer: Actor, verifier: Actor) -> None:
    """Two people: the importing user enters the results, a different laboratory user of this centre verifies."""
    if verifier.user_id == importer.user_id:
        raise NotPermitted(SAME_PERSON(), code="same_user")
    if not may(verifier.role, Action.VERIFY_LAB_RESULTS):
        raise NotPermitted(VERIFIER_MAY_NOT(name=verifier.name, role=ROLE_LABELS[verifier.role]), code="role")
    user = uow.session.get(User, verifier.user_id)
    if user is None or not user.active or user.centre_id != importer.centre_id or user.role != verifier.role:
        raise NotPermitted(VERIFIER_UNKNOWN(name=verifier.name), code="unknown_verifier")


@contextmanager
def _large_page_cache(uow: UnitOfWork) -> Iterator[None]:
    """Raise SQLite's page cache for this import and put it back after, whatever happens to the transaction."""
    connection = uow.session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.dbapi_connection  # the pragma is the driver's, outside SQLAlchemy's transaction
    assert raw is not None
    previous = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size={int(previous)}")


def _foreign_din_blocks(uow: UnitOfWork) -> dict[str, list[tuple[int, int]]]:
    """DIN ranges reserved for other machines (camp laptops), by series: a DIN in one was not ours to use."""
    rows = uow.session.execute(
        select(NumberBlock.series, NumberBlock.first, NumberBlock.last).where(
            NumberBlock.series.startswith("din:"), NumberBlock.holder_device_id != uow.device.device_id
        )
    )
    blocks: dict[str, list[tuple[int, int]]] = {}
    for series, first, last in rows:
        blocks.setdefault(series, []).append((first, last))
    return blocks


# --------------------------------------------------------------------------------------------------------------------
# Per-import state and validated records


@dataclass
class _Run:
    uow: UnitOfWork
    importer: Actor
    verifier: Actor
    today: date
    centre_code: str
    fin: str | None
    keep_legacy_numbers: bool
    foreign_din_blocks: dict[str, list[tuple[int, int]]]
    donors: int = 0
    donations: int = 0
    deferrals: int = 0
    batches: int = 0
    first_number: str | None = None
    last_number: str | None = None
    rejected: list[RejectedRecord] = field(default_factory=list)
    needs_review: list[ReviewFlag] = field(default_factory=list)


@dataclass(slots=True)
class _Donation:
    din: str
    collected_at: datetime
    bag_type: BagType
    bag_volume_ml: int
    collected_volume_ml: int
    vitals: dict[str, Any]
    pulse_regular: bool
    group: str
    serology: dict[str, Agglutination]
    markers: dict[str, TtiResult]
    antibody_screen: AntibodyScreen
    donation_id: uuid.UUID | None = None  # once its row is made


@dataclass(slots=True)
class _Deferral:
    reason_code: str
    permanent: bool
    starts_on: date
    until: date | None
    detail: str | None


@dataclass(slots=True)
class _Record:
    index: int
    columns: dict[str, Any]
    legacy_number: str | None
    blood_group: str | None
    donations: list[_Donation]
    deferrals: list[_Deferral]
    donor_number: str = ""
    reasons: list[MatchReason] = field(default_factory=list)
    matches: list[str] = field(default_factory=list)

    def match(self, reason: MatchReason, donor_number: str) -> None:
        if reason not in self.reasons:
            self.reasons.append(reason)
        if donor_number not in self.matches:
            self.matches.append(donor_number)


class _Rejected(Exception):
    """A record found unacceptable only against the rest of the batch or the database."""

    def __init__(self, message: Text, field: str) -> None:
        super().__init__(message.render())
        self.message, self.field = message, field


# --------------------------------------------------------------------------------------------------------------------
# One batch


def _import_batch(run: _Run, batch: Sequence[ImportedDonor], start: int) -> None:
    uow = run.uow
    records: list[_Record] = []
    for offset, record in enumerate(batch):
        try:
            records.append(_validated(run, start + offset, record))
        except InvalidInput as error:
            run.rejected.append(RejectedRecord(start + offset, error.field, error.text))
    records = _without_conflicts(run, records)
    numbers = _donor_numbers(uow, sum(1 for r in records if r.legacy_number is None))
    for record in records:
        record.donor_number = record.legacy_number or f"{run.centre_code}-{next(numbers):07d}"
    _flag_duplicates(uow, records)

    donors: list[Donor] = []
    visits: list[ScreeningVisit] = []
    donations: list[Donation] = []
    results: list[LabResultSet] = []
    verifications: list[LabVerification] = []
    deferrals: list[Deferral] = []
    with uow.session.no_autoflush:
        for record in records:
            donor = _donor_row(uow, record)
            donors.append(donor)
            for item in record.donations:
                visit, donation, result_set, verification = _donation_rows(run, donor, item)
                visits.append(visit)
                donations.append(donation)
                results.append(result_set)
                verifications.append(verification)
            deferrals += _deferral_rows(run, donor, record)
            if record.reasons:
                run.needs_review.append(
                    ReviewFlag(record.index, donor.id, donor.donor_number, tuple(record.reasons), tuple(record.matches))
                )
        # Parents before children, one flush per level: the capture hook takes each level's rows in one go.
        for level in (donors, visits, donations, results + deferrals, verifications):
            for row in level:
                uow.add(row)
            if level:
                uow.session.flush()

    rejected_here = [r.index for r in run.rejected if r.index >= start]
    run.batches += 1
    run.donors += len(donors)
    run.donations += len(donations)
    run.deferrals += len(deferrals)
    if donors:
        run.first_number = run.first_number or donors[0].donor_number
        run.last_number = donors[-1].donor_number
    uow.audit(
        "import_register",
        None,
        batch=run.batches,
        first_index=start,
        records=len(batch),
        donors=len(donors),
        donations=len(donations),
        deferrals=len(deferrals),
        rejected=rejected_here,
        needs_review=sum(1 for r in records if r.reasons),
        first_donor_number=donors[0].donor_number if donors else None,
        last_donor_number=donors[-1].donor_number if donors else None,
        verified_by=run.verifier.user_id,
    )
    uow.session.flush()


def _without_conflicts(run: _Run, records: list[_Record]) -> list[_Record]:
    """Drop (and report) records whose DIN or kept donor number is used in the database or earlier in the import."""
    dins = [d.din for r in records for d in r.donations]
    used_dins = set(_existing(run.uow, Donation.din, dins))
    legacy = [r.legacy_number for r in records if r.legacy_number is not None]
    used_numbers = set(_existing(run.uow, Donor.donor_number, legacy))
    kept: list[_Record] = []
    for record in records:
        try:
            for position, item in enumerate(record.donations):
                if item.din in used_dins:
                    raise _Rejected(numbering.DIN_USED(din=item.din), f"donations[{position}].din")
            if record.legacy_number is not None and record.legacy_number in used_numbers:
                raise _Rejected(LEGACY_NUMBER_TAKEN(number=record.legacy_number), "legacy_number")
        except _Rejected as refusal:
            run.rejected.append(RejectedRecord(record.index, refusal.field, refusal.message))
            continue
        # later records of this batch may not reuse what this one takes (earlier batches are in the database)
        used_dins.update(d.din for d in record.donations)
        if record.legacy_number is not None:
            used_numbers.add(record.legacy_number)
        kept.append(record)
    return kept


def _chunks(items: Sequence[T], size: int = _IN_CHUNK) -> Iterator[Sequence[T]]:
    for first in range(0, len(items), size):
        yield items[first : first + size]


def _existing(uow: UnitOfWork, column_: Any, wanted: Sequence[str]) -> Iterator[str]:
    for part in _chunks(sorted(set(wanted))):
        yield from uow.session.scalars(select(column_).where(column_.in_(part)))


def _donor_numbers(uow: UnitOfWork, count: int) -> Iterator[int]:
    """``count`` donor numbers from ``numbering.next_number``, without a flush per number where that is safe.

    Numbers are taken without autoflush only while the lowest open block (the one ``next_number`` uses first) has
    room for all of them; across a block boundary each number is flushed before the next is asked for, so the end of
    a block is always seen in the database and no number past it is ever handed out.
    """
    if count == 0:
        return iter(())
    room = uow.session.execute(
        select(NumberBlock.last - NumberBlock.next + 1)
        .where(
            NumberBlock.holder_device_id == uow.device.device_id,
            NumberBlock.series == "donor",
            NumberBlock.next <= NumberBlock.last,
        )
        .order_by(NumberBlock.first)
        .limit(1)
    ).scalar()
    numbers = []
    if room is not None and room >= count:
        with uow.session.no_autoflush:
            numbers = [numbering.next_number(uow, "donor") for _ in range(count)]
    else:
        for _ in range(count):
            numbers.append(numbering.next_number(uow, "donor"))
            uow.session.flush()
    return iter(numbers)


def _flag_duplicates(uow: UnitOfWork, records: list[_Record]) -> None:
    """Mark each record that matches a donor on file or an earlier record of this batch (earlier batches are on file
    already): by identity document, mobile, or name + date of birth + sex, as registration's duplicate check."""
    documents: dict[tuple[str, str], list[_Record]] = {}
    mobiles: dict[str, list[_Record]] = {}
    identities: dict[tuple[date, str, str], list[_Record]] = {}
    for record in records:
        for key, seen, reason in _keys(record, documents, mobiles, identities):
            for earlier in seen.get(key, ()):
                record.match(reason, earlier.donor_number)
            seen.setdefault(key, []).append(record)
    session = uow.session
    for kind in sorted({kind for kind, _number in documents}):
        numbers = [number for k, number in documents if k == kind]
        for part in _chunks(numbers):
            rows = session.execute(
                select(Donor.id_document_number, Donor.donor_number, Donor.merged_into_id).where(
                    Donor.id_document_type == kind, Donor.id_document_number.in_(part), Donor.voided_at.is_(None)
                )
            )
            for number, donor_number, merged_into in rows:
                _mark(session, documents[(kind, number)], MatchReason.ID_DOCUMENT, donor_number, merged_into)
    for part in _chunks(list(mobiles)):
        rows = session.execute(
            select(Donor.mobile, Donor.donor_number, Donor.merged_into_id).where(
                Donor.mobile.in_(part), Donor.voided_at.is_(None)
            )
        )
        for mobile, donor_number, merged_into in rows:
            _mark(session, mobiles[mobile], MatchReason.MOBILE, donor_number, merged_into)
    by_text = {(dob.isoformat(), sex, key): found for (dob, sex, key), found in identities.items()}
    connection = session.connection()
    for part in _chunks(list(by_text), _IN_CHUNK // 3):
        rows = connection.exec_driver_sql(_identity_matches(len(part)), tuple(v for triple in part for v in triple))
        for dob, sex, key, donor_number, merged_into in rows:
            merged = uuid.UUID(merged_into) if merged_into else None
            _mark(session, by_text[(dob, sex, key)], MatchReason.NAME_DOB_SEX, donor_number, merged)


@lru_cache(maxsize=4)
def _identity_matches(count: int) -> str:
    """SQL for the donors with any of ``count`` (date of birth, sex, name key) triples, bound as stored (ISO dates).

    A join on a VALUES list walks the (date_of_birth, sex, name_key) index once per triple; a row-value IN would
    scan the table. It is driver-level SQL because SQLAlchemy compiles a VALUES list or a text of thousands of
    parameters afresh for every batch, which cost more than the query.
    """
    rows = ", ".join(["(?, ?, ?)"] * count)
    return (
        f"WITH wanted(dob, sex, name) AS (VALUES {rows}) "
        "SELECT donors.date_of_birth, donors.sex, donors.name_key, donors.donor_number, donors.merged_into_id "
        "FROM donors JOIN wanted ON donors.date_of_birth = wanted.dob AND donors.sex = wanted.sex "
        "AND donors.name_key = wanted.name WHERE donors.voided_at IS NULL"
    )


def _keys(
    record: _Record,
    documents: dict[tuple[str, str], list[_Record]],
    mobiles: dict[str, list[_Record]],
    identities: dict[tuple[date, str, str], list[_Record]],
) -> Iterator[tuple[Any, dict[Any, list[_Record]], MatchReason]]:
    columns = record.columns
    if columns["id_document_type"] is not None:
        yield (str(columns["id_document_type"]), columns["id_document_number"]), documents, MatchReason.ID_DOCUMENT
    if columns["mobile"] is not None:
        yield columns["mobile"], mobiles, MatchReason.MOBILE
    identity = (columns["date_of_birth"], str(columns["sex"]), name_key(columns["given_name"], columns["family_name"]))
    yield identity, identities, MatchReason.NAME_DOB_SEX


def _mark(
    session: Session, records: list[_Record], reason: MatchReason, donor_number: str, merged_into: uuid.UUID | None
) -> None:
    if merged_into is not None:  # a merged record stands for its survivor (rare: followed one by one)
        survivor = _survivor_number(session, merged_into)
        if survivor is None:
            return
        donor_number = survivor
    for record in records:
        record.match(reason, donor_number)


def _survivor_number(session: Session, donor_id: uuid.UUID) -> str | None:
    for _ in range(16):  # a longer merge chain is a data fault, as in services.donors
        donor = session.get(Donor, donor_id)
        if donor is None or donor.voided_at is not None:
            return None
        if donor.merged_into_id is None:
            return donor.donor_number
        donor_id = donor.merged_into_id
    return None


# --------------------------------------------------------------------------------------------------------------------
# Rows


def _donor_row(uow: UnitOfWork, record: _Record) -> Donor:
    columns = record.columns
    first_donation = min((d.collected_at for d in record.donations), default=None)
    return Donor(
        id=new_id(),
        donor_number=record.donor_number,
        name_key=name_key(columns["given_name"], columns["family_name"]),
        family_key=family_key(columns["family_name"]),
        # the old register's consent: taken at the first recorded donation, or confirmed at this import
        consent_given_at=first_donation or uow.now,
        blood_group=record.blood_group,
        needs_review=bool(record.reasons),
        **columns,
    )


def _donation_rows(
    run: _Run, donor: Donor, item: _Donation
) -> tuple[ScreeningVisit, Donation, LabResultSet, LabVerification]:
    uow, importer = run.uow, run.importer.user_id
    visit = ScreeningVisit(
        id=new_id(),
        donor_id=donor.id,
        camp_id=None,
        visited_at=item.collected_at,
        donation_type=DonationType.WHOLE_BLOOD,
        bag_volume_ml=item.bag_volume_ml,
        pulse_regular=item.pulse_regular,
        answers={},
        outcome=ScreeningOutcome.ELIGIBLE,
        reason_codes=[],
        assessed_by_id=importer,
        notes=IMPORTED_NOTE,
        **item.vitals,
    )
    donation = Donation(
        id=new_id(),
        din=item.din,
        donor_id=donor.id,
        visit_id=visit.id,
        camp_id=None,
        donation_type=DonationType.WHOLE_BLOOD,
        bag_type=item.bag_type,
        bag_volume_ml=item.bag_volume_ml,
        collected_volume_ml=item.collected_volume_ml,
        anticoagulant=collection.ANTICOAGULANT,
        bag_lot=None,
        # the old register has the collection time only: the bleed is recorded as that moment
        bleed_start=item.collected_at,
        bleed_end=item.collected_at,
        collected_at=item.collected_at,
        phlebotomist_id=importer,
        adverse_reaction=None,
        notes=IMPORTED_NOTE,
    )
    item.donation_id = donation.id
    result_set = LabResultSet(
        id=new_id(),
        donation_id=donation.id,
        supersedes_id=None,
        correction_reason=None,
        interpreted_group=item.group,
        antibody_screen=item.antibody_screen,
        entered_by_id=importer,
        entered_at=uow.now,
        notes=IMPORTED_NOTE,
        **item.serology,
        **item.markers,
    )
    verification = LabVerification(
        id=new_id(), result_set_id=result_set.id, verified_by_id=run.verifier.user_id, verified_at=uow.now
    )
    return visit, donation, result_set, verification


def _deferral_rows(run: _Run, donor: Donor, record: _Record) -> list[Deferral]:
    """The deferrals given, and one per reactive or indeterminate marker as ``services.lab`` records at verification
    (counted from the collection day), unless the record already carries a deferral with that code."""
    rows = [
        Deferral(
            id=new_id(),
            donor_id=donor.id,
            reason_code=d.reason_code,
            detail=d.detail,
            permanent=d.permanent,
            starts_on=d.starts_on,
            until=d.until,
            visit_id=None,
            donation_id=None,
            decided_by_id=run.importer.user_id,
        )
        for d in record.deferrals
    ]
    given = {d.reason_code for d in record.deferrals}
    for item in record.donations:
        collected_on = local_date(item.collected_at)
        for marker, result in item.markers.items():
            code = _tti_reason_code(marker, result)
            if result not in UNSAFE_RESULTS or code in given:
                continue
            deferment = lab._deferment(marker, result, collected_on)  # the laboratory's own rule, not a copy
            rows.append(
                Deferral(
                    id=new_id(),
                    donor_id=donor.id,
                    reason_code=code,
                    detail=None,
                    permanent=deferment.permanent,
                    starts_on=collected_on,
                    until=deferment.ends(collected_on),
                    visit_id=None,
                    donation_id=item.donation_id,
                    decided_by_id=run.verifier.user_id,
                )
            )
            given.add(code)
    return rows


def _tti_reason_code(marker: str, result: TtiResult) -> str:
    """The deferral reason code ``services.lab`` records for a marker's unsafe result, e.g. "TTI_HIV_REACTIVE"."""
    return f"TTI_{marker.upper()}_{result.value.upper()}"


# --------------------------------------------------------------------------------------------------------------------
# Validation of one record (no database access)


def _validated(run: _Run, index: int, record: ImportedDonor) -> _Record:
    columns = validate_form(record, run.today)
    legacy = _legacy_number(run, record.legacy_number) if run.keep_legacy_numbers else None
    confirmed = _group(record.blood_group, "blood_group") if record.blood_group not in (None, "") else None
    donations = [_donation(run, columns, position, item) for position, item in enumerate(record.donations)]
    dins: set[str] = set()
    for position, item in enumerate(donations):
        if item.din in dins:
            raise InvalidInput(DIN_TWICE(din=item.din), field=f"donations[{position}].din")
        dins.add(item.din)
    deferrals = [_deferral(run, position, item) for position, item in enumerate(record.deferrals)]
    return _Record(index, columns, legacy, _donor_group(confirmed, donations), donations, deferrals)


def _legacy_number(run: _Run, value: str | None) -> str | None:
    if value is None or not str(value).strip():
        return None
    number = "".join(str(value).split()).upper()
    if len(number) > _LEGACY_NUMBER_MAX or not set(number) <= _LEGACY_NUMBER_CHARACTERS:
        raise InvalidInput(LEGACY_NUMBER_INVALID(value=value, maximum=_LEGACY_NUMBER_MAX), field="legacy_number")
    prefix = f"{run.centre_code}-"
    if number.startswith(prefix):
        raise InvalidInput(LEGACY_NUMBER_OURS(number=number, prefix=prefix), field="legacy_number")
    return number


def _group(value: object, field_name: str) -> str:
    try:
        # the round trip through the ISBT 128 code gives the canonical "O+" from "o pos", "O +ve", "O Rh+" ...
        return isbt128.blood_group_from_code(isbt128.blood_group_code(str(value)))
    except (InvalidInput, KeyError):
        raise InvalidInput(GROUP_INVALID(group=value), field=field_name) from None


def _donor_group(confirmed: str | None, donations: list[_Donation]) -> str | None:
    """The donor's group to record: the one confirmed, else (as the laboratory records it) the group of the first
    donation whose markers are all non-reactive. Every donation's group must agree: a donor grouped two ways is a
    sample or identity error, and the record waits until the source is checked."""
    clean = [d.group for d in donations if all(r == TtiResult.NON_REACTIVE for r in d.markers.values())]
    recorded = confirmed or (clean[0] if clean else None)
    reference = recorded or (donations[0].group if donations else None)
    for position, item in enumerate(donations):
        if item.group != reference:
            raise InvalidInput(
                GROUP_CONFLICT(din=item.din, group=item.group, other=reference),
                field=f"donations[{position}].tested_group",
            )
    return recorded


def _donation(run: _Run, columns: dict[str, Any], position: int, item: ImportedDonation) -> _Donation:
    prefix = f"donations[{position}]."
    try:
        parsed = isbt128.parse(item.din)
    except InvalidInput as error:
        raise InvalidInput(error.text, code=error.code, field=prefix + "din") from None
    din = parsed.din
    if not isinstance(item.external, bool):
        raise InvalidInput(DIN_EXTERNAL_NOT_YES_NO(din=din), field=prefix + "external")
    if not item.external:
        if parsed.fin != run.fin:
            raise InvalidInput(numbering.FOREIGN_FIN(din=din, fin=parsed.fin, own=run.fin or "-"), field=prefix + "din")
        for first, last in run.foreign_din_blocks.get(numbering.din_series(parsed.year), ()):
            if first <= parsed.sequence <= last:
                raise InvalidInput(numbering.DIN_OTHER_BLOCK(din=din), field=prefix + "din")

    when = item.collected_at
    if not isinstance(when, datetime) or when.tzinfo is None or when.utcoffset() is None:
        raise InvalidInput(COLLECTED_AT_MISSING(din=din), field=prefix + "collected_at")
    if when > run.uow.now:
        raise InvalidInput(COLLECTED_IN_FUTURE(din=din, when=when.astimezone()), field=prefix + "collected_at")
    collected_on = local_date(when)
    if collected_on < columns["date_of_birth"]:
        raise InvalidInput(
            COLLECTED_BEFORE_BIRTH(din=din, when=collected_on, date_of_birth=columns["date_of_birth"]),
            field=prefix + "collected_at",
        )

    try:
        bag_type = BagType(item.bag_type)
    except ValueError:
        raise InvalidInput(collection.BAG_TYPE_UNKNOWN(), field=prefix + "bag_type") from None
    bag_volume = item.bag_volume_ml
    volumes = component_rules.BAG_VOLUMES_ML.value
    if isinstance(bag_volume, bool) or not isinstance(bag_volume, int):
        raise InvalidInput(NOT_A_WHOLE_NUMBER(label=LABEL_BAG_VOLUME, din=din), field=prefix + "bag_volume_ml")
    if bag_volume not in volumes:
        shown = ", ".join(str(v) for v in volumes)
        raise InvalidInput(
            collection.BAG_VOLUME_UNKNOWN(volume=bag_volume, volumes=shown), field=prefix + "bag_volume_ml"
        )
    volume = item.collected_volume_ml
    if isinstance(volume, bool) or not isinstance(volume, int):
        raise InvalidInput(
            NOT_A_WHOLE_NUMBER(label=LABEL_COLLECTED_VOLUME, din=din), field=prefix + "collected_volume_ml"
        )
    if not 0 < volume <= bag_volume * collection.PLAUSIBLE_MAX_VOLUME_FRACTION.value:
        raise InvalidInput(
            collection.VOLUME_IMPOSSIBLE(volume=volume, bag=bag_volume), field=prefix + "collected_volume_ml"
        )

    vitals = {name: getattr(item, name) for name in _VITALS}
    for name, value in [*vitals.items(), ("pulse_regular", item.pulse_regular)]:
        if value is None:
            raise InvalidInput(READING_MISSING(label=eligibility.LABELS[name], din=din), field=prefix + name)
    try:
        # the screening rules' plausibility bounds (the verdict is not asked: the donation was taken)
        eligibility.assess(
            eligibility.DonorVisit(
                visit_date=collected_on,
                date_of_birth=columns["date_of_birth"],
                sex=columns["sex"],
                first_time=True,
                donation_type=DonationType.WHOLE_BLOOD,
                bag_volume_ml=bag_volume,
                pulse_regular=item.pulse_regular,
                **vitals,
            )
        )
    except InvalidInput as error:
        raise InvalidInput(error.text, code=error.code, field=prefix + (error.field or "")) from None

    markers: dict[str, TtiResult] = {}
    for marker in TTI_MARKERS:
        value = getattr(item, marker)
        try:
            markers[marker] = TtiResult(value)
        except ValueError:
            raise InvalidInput(lab.BAD_TTI(marker=LABELS[marker], value=value), field=prefix + marker) from None
    try:
        screen = AntibodyScreen(item.antibody_screen)
    except ValueError:
        raise InvalidInput(lab.BAD_SCREEN(value=item.antibody_screen), field=prefix + "antibody_screen") from None

    group = _group(item.tested_group, prefix + "tested_group")
    anti_a, anti_b, anti_ab, a_cells, b_cells = _SEROLOGY[group[:-1]]
    serology = {
        "anti_a": anti_a,
        "anti_b": anti_b,
        "anti_ab": anti_ab,
        "anti_d": P if group.endswith("+") else N,
        "a_cells": a_cells,
        "b_cells": b_cells,
        "o_cells": N,
    }
    interpreted = grouping.interpret(
        grouping.Forward(serology["anti_a"], serology["anti_b"], serology["anti_ab"], serology["anti_d"]),
        grouping.Reverse(serology["a_cells"], serology["b_cells"], serology["o_cells"]),
    )
    assert interpreted.group == group, "the serology table must give back the group it was made from"
    return _Donation(
        din=din,
        collected_at=when,
        bag_type=bag_type,
        bag_volume_ml=bag_volume,
        collected_volume_ml=volume,
        vitals=vitals,
        pulse_regular=item.pulse_regular,
        group=group,
        serology=serology,
        markers=markers,
        antibody_screen=screen,
    )


def _deferral(run: _Run, position: int, item: ImportedDeferral) -> _Deferral:
    prefix = f"deferrals[{position}]."
    code = str(item.reason_code or "").strip().upper()
    if not code or len(code) > _REASON_CODE_MAX or not all(c.isascii() and (c.isalnum() or c == "_") for c in code):
        raise InvalidInput(
            screening.REASON_CODE_INVALID(code=item.reason_code, maximum=_REASON_CODE_MAX), field=prefix + "reason_code"
        )
    if not isinstance(item.permanent, bool):
        raise InvalidInput(screening.PERMANENT_NOT_YES_NO(), field=prefix + "permanent")
    starts_on = item.starts_on
    if isinstance(starts_on, datetime) or not isinstance(starts_on, date):
        raise InvalidInput(DEFERRAL_START_MISSING(code=code), field=prefix + "starts_on")
    if starts_on > run.today:
        raise InvalidInput(
            DEFERRAL_START_IN_FUTURE(code=code, starts_on=starts_on, today=run.today), field=prefix + "starts_on"
        )
    until = item.until
    if item.permanent and until is not None:
        raise InvalidInput(screening.PERMANENT_WITH_END(), field=prefix + "until")
    if not item.permanent:
        # a deferral row can never be lifted, so an open-ended one would be permanent in all but name
        if until is None:
            raise InvalidInput(screening.END_REQUIRED(), field=prefix + "until")
        if isinstance(until, datetime) or not isinstance(until, date) or until <= starts_on:
            raise InvalidInput(
                DEFERRAL_END_NOT_AFTER_START(code=code, until=until, starts_on=starts_on), field=prefix + "until"
            )
    detail = " ".join(str(item.detail or "").split()) or None
    if detail is not None and len(detail) > _DETAIL_MAX:
        raise InvalidInput(screening.DETAIL_TOO_LONG(maximum=_DETAIL_MAX), field=prefix + "detail")
    return _Deferral(code, item.permanent, starts_on, until, detail)
