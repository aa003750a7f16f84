"""The reports a blood centre files and reads: daily stock, the monthly report, donor statistics, the expiry report,
and the stock export for the national portal. Read-only, Qt-free, bounded by a date range.

Every report is a :class:`Report` of titled :class:`Section` tables whose cells are plain values (numbers, strings,
datetimes, translatable messages): the Reports page shows them, ``ui/printing`` prints them, :func:`write_csv`
exports them, all from the same figures. Figures are counted in SQL (``select()`` ... ``group_by``), never by
loading the registers.

Days are the centre's calendar days (this machine's time zone, as ``services.donors.local_date``); a period's last
day is included. Voided records are never counted.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from bbms_desktop.errors import InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.models import (
    Centre,
    Component,
    Deferral,
    DeviceState,
    Discard,
    Donation,
    Donor,
    Issue,
    LabResultSet,
    TransfusionReaction,
)
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules import eligibility, isbt128
from bbms_desktop.rules.sources import LOCAL_SOP, Rule
from bbms_desktop.rules.vocabulary import (
    BLOOD_GROUPS,
    LABELS,
    TTI_MARKERS,
    ComponentStatus,
    DiscardReason,
    DonationType,
    DonorType,
    Sex,
    TransfusionReactionType,
    TtiResult,
)
from bbms_desktop.services.components import EXPIRY_WARNING_HOURS
from bbms_desktop.services.label_content import DONOR_TYPE_NAMES
from bbms_desktop.services.request_views import REACTION_TYPE_LABELS, SEX_LABELS
from bbms_desktop.services.stock_views import DISCARD_REASON_LABELS

S = ComponentStatus
Cell = int | str | datetime | Msg | Text | None
Translate = Callable[[str, str], str]

MAX_PERIOD_DAYS = Rule(3660, LOCAL_SOP, note="reports cover at most ten years at once (a register's retention)")
AGE_BANDS: Rule[tuple[tuple[int, int], ...]] = Rule(
    ((18, 25), (26, 35), (36, 45), (46, 55), (56, 65)),
    LOCAL_SOP,
    note="NACO/NBTC annual report age groups; donors are 18-65 (DOMAIN.md)",
)

# --- words ------------------------------------------------------------------------------------------------------

PERIOD_BACKWARDS = QT_TRANSLATE_NOOP(
    "Reports", "The report period starts on {first} but ends on {last}: the first day must not be after the last."
)
PERIOD_TOO_LONG = QT_TRANSLATE_NOOP(
    "Reports", "A report covers at most {days} days at once; {first} to {last} is {count} days."
)

DAILY_STOCK = QT_TRANSLATE_NOOP("Reports", "Daily stock report")
MONTHLY = QT_TRANSLATE_NOOP("Reports", "Monthly report")
DONOR_STATISTICS = QT_TRANSLATE_NOOP("Reports", "Donor statistics")
EXPIRY = QT_TRANSLATE_NOOP("Reports", "Expiry report")

C_COMPONENT = QT_TRANSLATE_NOOP("Reports", "Component")
C_TOTAL = QT_TRANSLATE_NOOP("Reports", "Total")
C_UNITS = QT_TRANSLATE_NOOP("Reports", "Units")
C_DONATIONS = QT_TRANSLATE_NOOP("Reports", "Donations")
C_VOLUME = QT_TRANSLATE_NOOP("Reports", "Volume (ml)")
C_DIN = QT_TRANSLATE_NOOP("Reports", "Donation number")
C_GROUP = QT_TRANSLATE_NOOP("Reports", "Blood group")
C_EXPIRES = QT_TRANSLATE_NOOP("Reports", "Expires")
C_STATUS = QT_TRANSLATE_NOOP("Reports", "Status")
C_TEMPORARY = QT_TRANSLATE_NOOP("Reports", "Temporary")
C_PERMANENT = QT_TRANSLATE_NOOP("Reports", "Permanent")
C_REACTIVE = QT_TRANSLATE_NOOP("Reports", "Reactive")
C_INDETERMINATE = QT_TRANSLATE_NOOP("Reports", "Indeterminate")
C_TESTED = QT_TRANSLATE_NOOP("Reports", "Tested")
C_SEVERE = QT_TRANSLATE_NOOP("Reports", "Severe or worse")
C_MALE = QT_TRANSLATE_NOOP("Reports", "Male")
C_FEMALE = QT_TRANSLATE_NOOP("Reports", "Female")
C_OTHER = QT_TRANSLATE_NOOP("Reports", "Other")
C_IN_STOCK = QT_TRANSLATE_NOOP("Reports", "Still in stock")
C_USED = QT_TRANSLATE_NOOP("Reports", "Issued before expiry")
C_WASTED = QT_TRANSLATE_NOOP("Reports", "Expired or discarded")
C_EXPIRING = QT_TRANSLATE_NOOP("Reports", "Expiring in the period")
C_REASON = QT_TRANSLATE_NOOP("Reports", "Reason")
C_DONORS = QT_TRANSLATE_NOOP("Reports", "Donors")
C_MARKER = QT_TRANSLATE_NOOP("Reports", "Marker")
C_REACTION = QT_TRANSLATE_NOOP("Reports", "Reaction")
C_AGE = QT_TRANSLATE_NOOP("Reports", "Age")

T_STOCK = QT_TRANSLATE_NOOP("Reports", "Available units by component and blood group")
T_QUARANTINE = QT_TRANSLATE_NOOP("Reports", "In quarantine (awaiting laboratory clearance)")
T_EXPIRING = QT_TRANSLATE_NOOP("Reports", "Available units expiring within {hours} hours")
T_COLLECTIONS = QT_TRANSLATE_NOOP("Reports", "Collections")
T_DONOR_TYPES = QT_TRANSLATE_NOOP("Reports", "Donations by type of donor")
T_DEFERRALS = QT_TRANSLATE_NOOP("Reports", "Deferrals by reason")
T_TTI = QT_TRANSLATE_NOOP("Reports", "TTI screening of the period's donations (current verified or unverified results)")
T_PREPARED = QT_TRANSLATE_NOOP("Reports", "Components prepared")
T_ISSUED = QT_TRANSLATE_NOOP("Reports", "Units issued")
T_DISCARDED = QT_TRANSLATE_NOOP("Reports", "Units discarded, by reason")
T_REACTIONS = QT_TRANSLATE_NOOP("Reports", "Transfusion reactions")
T_REGISTERED = QT_TRANSLATE_NOOP("Reports", "Donors registered in the period")
T_BY_GROUP = QT_TRANSLATE_NOOP("Reports", "Donations by the donor's blood group")
T_BY_AGE = QT_TRANSLATE_NOOP("Reports", "Donations by age and sex of the donor")
T_FIRST_REPEAT = QT_TRANSLATE_NOOP("Reports", "First-time and repeat donors")
T_EXPIRY_SUMMARY = QT_TRANSLATE_NOOP("Reports", "Units whose expiry falls in the period, by component")
T_EXPIRY_UNITS = QT_TRANSLATE_NOOP("Reports", "Units that expired unused")

R_IN_CENTRE = QT_TRANSLATE_NOOP("Reports", "In the centre")
R_IN_CAMPS = QT_TRANSLATE_NOOP("Reports", "In camps")
KIND_LABELS: dict[str, Msg] = {
    DonationType.WHOLE_BLOOD: QT_TRANSLATE_NOOP("Reports", "Whole blood donations"),
    DonationType.APHERESIS: QT_TRANSLATE_NOOP("Reports", "Apheresis donations"),
}
R_TOTAL = QT_TRANSLATE_NOOP("Reports", "Total")
R_UNGROUPED = QT_TRANSLATE_NOOP("Reports", "Not yet grouped")
R_FIRST_TIME = QT_TRANSLATE_NOOP("Reports", "First-time donors")
R_REPEAT = QT_TRANSLATE_NOOP("Reports", "Repeat donors")
R_AGE_BAND = QT_TRANSLATE_NOOP("Reports", "{low}-{high} years")
R_AGE_OTHER = QT_TRANSLATE_NOOP("Reports", "Other ages")

STATUS_LABELS: dict[ComponentStatus, Msg] = {s: LABELS[s] for s in ComponentStatus}


# --- the shape of every report ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    """Calendar days ``first`` to ``last``, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise InvalidInput(PERIOD_BACKWARDS(first=self.first, last=self.last), field="period")
        days = (self.last - self.first).days + 1
        if days > MAX_PERIOD_DAYS.value:
            raise InvalidInput(
                PERIOD_TOO_LONG(days=MAX_PERIOD_DAYS.value, first=self.first, last=self.last, count=days),
                field="period",
            )

    @classmethod
    def month_of(cls, day: date) -> Period:
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return cls(first, following - timedelta(days=1))

    def bounds(self) -> tuple[datetime, datetime]:
        """The aware start of the first day and of the day after the last (this machine's time zone)."""
        start = datetime.combine(self.first, time.min).astimezone()
        end = datetime.combine(self.last + timedelta(days=1), time.min).astimezone()
        return start, end


@dataclass(frozen=True, slots=True)
class Row:
    key: str  # a stable key (a component code, a reason code, "total"), for tests and exports
    label: Cell
    values: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: Msg | Text
    columns: tuple[Cell, ...]  # the label column's heading first, then one per value
    rows: tuple[Row, ...]

    def row(self, key: str) -> Row:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def value(self, key: str, column: int = 0) -> Cell:
        """The value in ``column`` (0: the first after the label) of the row ``key``; 0 for a row not listed."""
        try:
            return self.row(key).values[column]
        except KeyError:
            return 0


@dataclass(frozen=True, slots=True)
class Report:
    kind: str  # "daily_stock", "monthly", "donor_statistics", "expiry"
    title: Msg
    period: Period | None
    generated_at: datetime
    centre_name: str
    centre_code: str
    licence_number: str | None
    training: bool
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


@dataclass(frozen=True, slots=True)
class _Centre:
    id: uuid.UUID | None
    name: str
    code: str
    fin: str | None
    licence: str | None
    training: bool


def _centre(session: Session) -> _Centre:
    """This installation's centre: the reports count its own records only (a synced database also holds other
    centres' donors and every centre's deferrals)."""
    device = session.get(DeviceState, 1)
    centre = session.get(Centre, device.centre_id) if device is not None and device.centre_id else None
    if centre is None:
        return _Centre(None, "", "", None, None, False)
    return _Centre(centre.id, centre.name, centre.code, centre.fin, centre.licence_number, centre.is_training)


def _here(session: Session) -> uuid.UUID | None:
    return _centre(session).id


def _report(session: Session, kind: str, title: Msg, period: Period | None, now: datetime, sections: Iterable[Section]):
    centre = _centre(session)
    return Report(kind, title, period, now, centre.name, centre.code, centre.licence, centre.training, tuple(sections))


def _counted(
    key: str,
    title: Msg | Text,
    columns: tuple[Cell, ...],
    counts: dict[str, int],
    labels: dict[str, Cell],
    order: Sequence[str],
) -> Section:
    """A one-column count table in ``order`` (keys not in ``order`` after, sorted), with a total row."""
    keys = [k for k in order if k in counts] + sorted(k for k in counts if k not in order)
    rows = [Row(k, labels.get(k, k), (counts[k],)) for k in keys]
    rows.append(Row("total", R_TOTAL, (sum(counts.values()),)))
    return Section(key, title, columns, tuple(rows))


def _donations_in(centre_id: uuid.UUID | None, start: datetime, end: datetime) -> ColumnElement[bool]:
    """This centre's donations collected in [start, end), voided ones left out."""
    return and_(
        Donation.centre_id == centre_id,
        Donation.collected_at >= start,
        Donation.collected_at < end,
        Donation.voided_at.is_(None),
    )


def _component_names() -> dict[str, Cell]:
    return {code: catalogue.CATALOGUE[code].name for code in catalogue.CODES}


# --- daily stock ---------------------------------------------------------------------------------------------------


def daily_stock(session: Session, now: datetime) -> Report:
    """Stock at ``now``: available units by component x group, quarantine by component, units expiring soon."""
    here = Component.centre_id == _here(session)
    rows = session.execute(
        select(Component.code, Component.blood_group, func.count())
        .where(here, Component.status == S.AVAILABLE, Component.expires_at > now)
        .group_by(Component.code, Component.blood_group)
    ).all()
    counts = {(code, group): n for code, group, n in rows}
    grid_rows = []
    for code in catalogue.CODES:
        values = tuple(counts.get((code, g), 0) for g in BLOOD_GROUPS)
        grid_rows.append(Row(code, catalogue.CATALOGUE[code].name, (*values, sum(values))))
    totals = tuple(sum(counts.get((c, g), 0) for c in catalogue.CODES) for g in BLOOD_GROUPS)
    grid_rows.append(Row("total", R_TOTAL, (*totals, sum(totals))))
    stock = Section("stock", T_STOCK, (C_COMPONENT, *BLOOD_GROUPS, C_TOTAL), tuple(grid_rows))

    quarantined = dict(
        session.execute(
            select(Component.code, func.count())
            .where(here, Component.status == S.QUARANTINE, Component.expires_at > now)
            .group_by(Component.code)
        ).all()
    )
    quarantine = _counted(
        "quarantine", T_QUARANTINE, (C_COMPONENT, C_UNITS), quarantined, _component_names(), catalogue.CODES
    )

    hours = EXPIRY_WARNING_HOURS.value[-1]
    soon = session.execute(
        select(Component.din, Component.code, Component.blood_group, Component.expires_at)
        .where(here, Component.status == S.AVAILABLE, Component.expires_at > now)
        .where(Component.expires_at <= now + timedelta(hours=hours))
        .order_by(Component.expires_at, Component.din, Component.code)
    ).all()
    expiring = Section(
        "expiring",
        T_EXPIRING(hours=hours),
        (C_DIN, C_COMPONENT, C_GROUP, C_EXPIRES),
        tuple(
            Row(f"{din}/{code}", _eye(din), (catalogue.CATALOGUE[code].name, group or "", expires))
            for din, code, group, expires in soon
        ),
    )
    return _report(session, "daily_stock", DAILY_STOCK, None, now, (stock, quarantine, expiring))


# --- monthly report --------------------------------------------------------------------------------------------------


def monthly(session: Session, period: Period, now: datetime) -> Report:
    """Collections (centre and camps), donors by type, deferrals by reason, TTI reactive counts by marker,
    components prepared, issued, discarded by reason, and transfusion reactions, in ``period``."""
    start, end = period.bounds()
    centre_id = _here(session)
    in_period = _donations_in(centre_id, start, end)

    by_place = session.execute(
        select(
            Donation.camp_id.is_not(None), Donation.donation_type, func.count(), func.sum(Donation.collected_volume_ml)
        )
        .where(in_period)
        .group_by(Donation.camp_id.is_not(None), Donation.donation_type)
    ).all()
    place: dict[str, list[int]] = {"centre": [0, 0], "camps": [0, 0]}
    kinds: dict[str, list[int]] = {t.value: [0, 0] for t in DonationType}
    for in_camp, kind, n, volume in by_place:
        for bucket in (place["camps" if in_camp else "centre"], kinds[DonationType(kind).value]):
            bucket[0] += n
            bucket[1] += int(volume or 0)
    total = [sum(v[0] for v in place.values()), sum(v[1] for v in place.values())]
    collections = Section(
        "collections",
        T_COLLECTIONS,
        (T_COLLECTIONS, C_DONATIONS, C_VOLUME),
        (
            Row("centre", R_IN_CENTRE, tuple(place["centre"])),
            Row("camps", R_IN_CAMPS, tuple(place["camps"])),
            *(Row(k, KIND_LABELS[k], tuple(v)) for k, v in kinds.items()),
            Row("total", R_TOTAL, tuple(total)),
        ),
    )

    donor_types = dict(
        session.execute(
            select(Donor.donor_type, func.count())
            .join(Donation, Donation.donor_id == Donor.id)
            .where(in_period)
            .group_by(Donor.donor_type)
        ).all()
    )
    types = _counted(
        "donor_types",
        T_DONOR_TYPES,
        (C_DONORS, C_DONATIONS),
        {DonorType(k).value: v for k, v in donor_types.items()},
        {t.value: DONOR_TYPE_NAMES[t] for t in DonorType},
        [t.value for t in DonorType],
    )

    deferral_rows = session.execute(
        select(Deferral.reason_code, Deferral.permanent, func.count())
        .where(Deferral.centre_id == centre_id)
        .where(Deferral.starts_on >= period.first, Deferral.starts_on <= period.last)
        .group_by(Deferral.reason_code, Deferral.permanent)
    ).all()
    reasons: dict[str, list[int]] = {}
    for code, permanent, n in deferral_rows:
        reasons.setdefault(code, [0, 0])[1 if permanent else 0] += n
    deferral_table = [Row(code, code, (t, p, t + p)) for code, (t, p) in sorted(reasons.items())]
    temp_total = sum(v[0] for v in reasons.values())
    perm_total = sum(v[1] for v in reasons.values())
    deferral_table.append(Row("total", R_TOTAL, (temp_total, perm_total, temp_total + perm_total)))
    deferrals = Section("deferrals", T_DEFERRALS, (C_REASON, C_TEMPORARY, C_PERMANENT, C_TOTAL), tuple(deferral_table))

    # the current result set of each donation of the period: not superseded, not voided
    superseded = select(LabResultSet.supersedes_id).where(LabResultSet.supersedes_id.is_not(None))
    current = (
        select(LabResultSet)
        .join(Donation, Donation.id == LabResultSet.donation_id)
        .where(in_period, LabResultSet.voided_at.is_(None), LabResultSet.id.not_in(superseded))
        .subquery()
    )
    tti_rows = []
    for marker in TTI_MARKERS:
        column = current.c[marker]
        tested, reactive, indeterminate = session.execute(
            select(
                func.count().filter(column.in_([TtiResult.NON_REACTIVE, TtiResult.REACTIVE, TtiResult.INDETERMINATE])),
                func.count().filter(column == TtiResult.REACTIVE),
                func.count().filter(column == TtiResult.INDETERMINATE),
            ).select_from(current)
        ).one()
        tti_rows.append(Row(marker, LABELS[marker], (int(tested), int(reactive), int(indeterminate))))
    tti = Section("tti", T_TTI, (C_MARKER, C_TESTED, C_REACTIVE, C_INDETERMINATE), tuple(tti_rows))

    prepared = dict(
        session.execute(
            select(Component.code, func.count())
            .where(Component.centre_id == centre_id)
            .where(Component.prepared_at >= start, Component.prepared_at < end)
            .group_by(Component.code)
        ).all()
    )
    issued = dict(
        session.execute(
            select(Component.code, func.count())
            .join(Issue, Issue.component_id == Component.id)
            .where(Issue.centre_id == centre_id)
            .where(Issue.issued_at >= start, Issue.issued_at < end, Issue.voided_at.is_(None))
            .group_by(Component.code)
        ).all()
    )
    discarded = dict(
        session.execute(
            select(Discard.reason, func.count())
            .where(Discard.centre_id == centre_id)
            .where(Discard.discarded_at >= start, Discard.discarded_at < end, Discard.voided_at.is_(None))
            .group_by(Discard.reason)
        ).all()
    )
    reaction_rows = session.execute(
        select(
            TransfusionReaction.reaction_type,
            func.count(),
            func.count().filter(TransfusionReaction.severity.in_(["severe", "life_threatening", "death"])),
        )
        .where(
            TransfusionReaction.centre_id == centre_id,
            TransfusionReaction.onset_at >= start,
            TransfusionReaction.onset_at < end,
            TransfusionReaction.voided_at.is_(None),
        )
        .group_by(TransfusionReaction.reaction_type)
    ).all()
    reaction_table = [
        Row(TransfusionReactionType(t).value, REACTION_TYPE_LABELS[t], (int(n), int(severe)))
        for t, n, severe in sorted(reaction_rows, key=lambda r: list(TransfusionReactionType).index(r[0]))
    ]
    reaction_table.append(
        Row("total", R_TOTAL, (sum(int(r[1]) for r in reaction_rows), sum(int(r[2]) for r in reaction_rows)))
    )
    names = _component_names()
    sections = (
        collections,
        types,
        deferrals,
        tti,
        _counted("prepared", T_PREPARED, (C_COMPONENT, C_UNITS), prepared, names, catalogue.CODES),
        _counted("issued", T_ISSUED, (C_COMPONENT, C_UNITS), issued, names, catalogue.CODES),
        _counted(
            "discarded",
            T_DISCARDED,
            (C_REASON, C_UNITS),
            {DiscardReason(k).value: v for k, v in discarded.items()},
            {r.value: DISCARD_REASON_LABELS[r] for r in DiscardReason},
            [r.value for r in DiscardReason],
        ),
        Section("reactions", T_REACTIONS, (C_REACTION, C_UNITS, C_SEVERE), tuple(reaction_table)),
    )
    return _report(session, "monthly", MONTHLY, period, now, sections)


# --- donor statistics ----------------------------------------------------------------------------------------------


def donor_statistics(session: Session, period: Period, now: datetime) -> Report:
    """Donors registered, and the period's donations by donor group, age band and sex, first-time or repeat."""
    start, end = period.bounds()
    centre_id = _here(session)
    registered = dict(
        session.execute(
            select(Donor.sex, func.count())
            .where(Donor.consent_given_at >= start, Donor.consent_given_at < end, Donor.voided_at.is_(None))
            .where(Donor.merged_into_id.is_(None), Donor.centre_id == centre_id)
            .group_by(Donor.sex)
        ).all()
    )
    sex_keys = [s.value for s in Sex]
    registered_section = _counted(
        "registered",
        T_REGISTERED,
        (C_DONORS, C_DONORS),
        {Sex(k).value: v for k, v in registered.items()},
        {s.value: SEX_LABELS[s] for s in Sex},
        sex_keys,
    )

    in_period = _donations_in(centre_id, start, end)
    donations = session.execute(
        select(Donation.donor_id, Donation.collected_at, Donor.sex, Donor.date_of_birth, Donor.blood_group)
        .join(Donor, Donor.id == Donation.donor_id)
        .where(in_period)
    ).all()
    by_group: dict[str, int] = {}
    for *_, group in donations:
        key = group or "ungrouped"
        by_group[key] = by_group.get(key, 0) + 1
    group_labels: dict[str, Cell] = {g: g for g in BLOOD_GROUPS} | {"ungrouped": R_UNGROUPED}
    group_section = _counted(
        "by_group", T_BY_GROUP, (C_GROUP, C_DONATIONS), by_group, group_labels, [*BLOOD_GROUPS, "ungrouped"]
    )

    bands = [*AGE_BANDS.value]
    band_counts: dict[str, list[int]] = {}
    for _donor, collected_at, sex, dob, _group in donations:
        age = eligibility.age_on(dob, collected_at.astimezone().date())
        band = next((f"{lo}-{hi}" for lo, hi in bands if lo <= age <= hi), "other")
        column = {Sex.MALE: 0, Sex.FEMALE: 1}.get(Sex(sex), 2)
        band_counts.setdefault(band, [0, 0, 0])[column] += 1
    band_rows = []
    for lo, hi in bands:
        key = f"{lo}-{hi}"
        values = band_counts.get(key, [0, 0, 0])
        band_rows.append(Row(key, R_AGE_BAND(low=lo, high=hi), (*values, sum(values))))
    if "other" in band_counts:
        values = band_counts["other"]
        band_rows.append(Row("other", R_AGE_OTHER, (*values, sum(values))))
    sums = [sum(v[i] for v in band_counts.values()) for i in range(3)]
    band_rows.append(Row("total", R_TOTAL, (*sums, sum(sums))))
    age_section = Section("by_age", T_BY_AGE, (C_AGE, C_MALE, C_FEMALE, C_OTHER, C_TOTAL), tuple(band_rows))

    donors = {donor_id for donor_id, *_ in donations}
    # donors of the period who had given here before it (a subquery: a year's donors are too many to list)
    of_period = select(Donation.donor_id).where(in_period)
    earlier = set(
        session.scalars(
            select(Donation.donor_id)
            .where(Donation.donor_id.in_(of_period), Donation.centre_id == centre_id)
            .where(Donation.collected_at < start, Donation.voided_at.is_(None))
            .distinct()
        )
    )
    first_repeat = Section(
        "first_repeat",
        T_FIRST_REPEAT,
        (C_DONORS, C_DONORS),
        (
            Row("first_time", R_FIRST_TIME, (len(donors - earlier),)),
            Row("repeat", R_REPEAT, (len(donors & earlier),)),
            Row("total", R_TOTAL, (len(donors),)),
        ),
    )
    sections = (registered_section, group_section, age_section, first_repeat)
    return _report(session, "donor_statistics", DONOR_STATISTICS, period, now, sections)


# --- expiry report ---------------------------------------------------------------------------------------------------

_USED = (S.ISSUED, S.TRANSFUSED)
_IN_STOCK = (S.QUARANTINE, S.AVAILABLE, S.RESERVED)


def expiry(session: Session, period: Period, now: datetime) -> Report:
    """Units whose expiry falls in ``period``: how many were used in time, wasted or are still in stock (by
    component), and the list of those that expired unused."""
    start, end = period.bounds()
    here = Component.centre_id == _here(session)
    rows = session.execute(
        select(Component.code, Component.status, func.count())
        .where(here, Component.expires_at >= start, Component.expires_at < end)
        .group_by(Component.code, Component.status)
    ).all()
    by_code: dict[str, list[int]] = {}
    for code, status, n in rows:
        bucket = by_code.setdefault(code, [0, 0, 0, 0])
        bucket[0] += n
        status = ComponentStatus(status)
        bucket[1 if status in _USED else 3 if status in _IN_STOCK else 2] += n
    summary_rows = [
        Row(code, catalogue.CATALOGUE[code].name, tuple(by_code[code])) for code in catalogue.CODES if code in by_code
    ]
    summary_rows.append(Row("total", R_TOTAL, tuple(sum(v[i] for v in by_code.values()) for i in range(4))))
    summary = Section(
        "summary", T_EXPIRY_SUMMARY, (C_COMPONENT, C_EXPIRING, C_USED, C_WASTED, C_IN_STOCK), tuple(summary_rows)
    )
    unused = session.execute(
        select(Component.din, Component.code, Component.blood_group, Component.expires_at, Component.status)
        .where(here, Component.expires_at >= start, Component.expires_at < end, Component.expires_at <= now)
        .where(Component.status.not_in(list(_USED)))
        .order_by(Component.expires_at, Component.din, Component.code)
    ).all()
    units = Section(
        "units",
        T_EXPIRY_UNITS,
        (C_DIN, C_COMPONENT, C_GROUP, C_EXPIRES, C_STATUS),
        tuple(
            Row(f"{din}/{code}", _eye(din), (catalogue.CATALOGUE[code].name, group or "", at, LABELS[status]))
            for din, code, group, at, status in unused
        ),
    )
    return _report(session, "expiry", EXPIRY, period, now, (summary, units))


# --- collections over time (the chart) -------------------------------------------------------------------------

DAILY_UP_TO_DAYS = 92  # longer periods are drawn month by month


@dataclass(frozen=True, slots=True)
class CollectionPoint:
    """Donations of one day (or month, for long periods): ``label`` is "2026-11-05" or "2026-11"."""

    label: str
    centre: int
    camps: int


def collections_over_time(session: Session, period: Period) -> list[CollectionPoint]:
    """Donations per local day (per month beyond ``DAILY_UP_TO_DAYS``), in the centre and in camps; every day or
    month of the period is listed, with zeros where nothing was collected. Grouped in SQL (SQLite date functions,
    shifted by this machine's UTC offset so that days are the centre's days)."""
    start, end = period.bounds()
    offset = start.utcoffset()
    modifier = f"{int(offset.total_seconds()) if offset else 0:+d} seconds"
    monthly = (period.last - period.first).days + 1 > DAILY_UP_TO_DAYS
    bucket = func.strftime("%Y-%m" if monthly else "%Y-%m-%d", Donation.collected_at, modifier)
    rows = session.execute(
        select(bucket, Donation.camp_id.is_not(None), func.count())
        .where(_donations_in(_here(session), start, end))
        .group_by(bucket, Donation.camp_id.is_not(None))
    ).all()
    counts: dict[str, list[int]] = {}
    for label, in_camp, n in rows:
        counts.setdefault(label, [0, 0])[1 if in_camp else 0] += n
    labels: list[str] = []
    day = period.first
    while day <= period.last:
        label = day.strftime("%Y-%m" if monthly else "%Y-%m-%d")
        if not labels or labels[-1] != label:
            labels.append(label)
        day += timedelta(days=1)
    return [CollectionPoint(label, *counts.get(label, [0, 0])) for label in labels]


REPORTS: dict[str, Msg] = {
    "daily_stock": DAILY_STOCK,
    "monthly": MONTHLY,
    "donor_statistics": DONOR_STATISTICS,
    "expiry": EXPIRY,
}


def build(session: Session, kind: str, period: Period, now: datetime) -> Report:
    """The report ``kind`` for ``period`` (the daily stock report is the stock at ``now``)."""
    if kind == "daily_stock":
        return daily_stock(session, now)
    builders = {"monthly": monthly, "donor_statistics": donor_statistics, "expiry": expiry}
    return builders[kind](session, period, now)


# --- exports ----------------------------------------------------------------------------------------------------


def cell_text(value: Cell, translate: Translate | str | None = None) -> str:
    """A cell as text: messages in the reader's language, datetimes in local time (ISO-like, sortable)."""
    if value is None:
        return ""
    if isinstance(value, Msg | Text):
        return value.render(translate)
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return str(value)


def write_csv(report: Report, translate: Translate | str | None = None) -> str:
    """The report as CSV: a heading block, then each section as its title, its column headings and its rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell_text(report.title, translate), report.centre_name, report.centre_code])
    if report.period is not None:
        writer.writerow([report.period.first.isoformat(), report.period.last.isoformat()])
    writer.writerow([cell_text(report.generated_at)])
    if report.training:
        writer.writerow(["TRAINING"])
    for section in report.sections:
        writer.writerow([])
        writer.writerow([cell_text(section.title, translate)])
        writer.writerow([cell_text(c, translate) for c in section.columns])
        for row in section.rows:
            writer.writerow([cell_text(row.label, translate), *(cell_text(v, translate) for v in row.values)])
    return out.getvalue()


# --- the national portal stock export (docs/stock-export.md) ----------------------------------------------------

STOCK_EXPORT_FORMAT = "bbms-stock-export"
STOCK_EXPORT_VERSION = 1
STOCK_CSV_COLUMNS = (
    "centre_code",
    "centre_fin",
    "generated_at",
    "component",
    "isbt128_product",
    "blood_group",
    "available",
    "expiring_24h",
    "expiring_72h",
)


def stock_export(session: Session, now: datetime) -> dict[str, Any]:
    """Available stock at ``now`` by component and group, in the layout of docs/stock-export.md (JSON form)."""
    centre = _centre(session)
    soon, later = (now + timedelta(hours=h) for h in EXPIRY_WARNING_HOURS.value)
    rows = session.execute(
        select(
            Component.code,
            Component.blood_group,
            func.count(),
            func.count().filter(Component.expires_at <= soon),
            func.count().filter(Component.expires_at <= later),
        )
        .where(Component.centre_id == centre.id, Component.status == S.AVAILABLE, Component.expires_at > now)
        .group_by(Component.code, Component.blood_group)
    ).all()
    counts = {(code, group): (int(n), int(s), int(lt)) for code, group, n, s, lt in rows}
    quarantine = session.scalar(
        select(func.count())
        .select_from(Component)
        .where(Component.centre_id == centre.id, Component.status == S.QUARANTINE, Component.expires_at > now)
    )
    lines = []
    for code in catalogue.CODES:
        for group in BLOOD_GROUPS:
            available, in_24h, in_72h = counts.get((code, group), (0, 0, 0))
            lines.append(
                {
                    "component": code,
                    "isbt128_product": isbt128.LOCAL_PRODUCT_TABLE.value.get(code),
                    "blood_group": group,
                    "available": available,
                    "expiring_24h": in_24h,
                    "expiring_72h": in_72h,
                }
            )
    return {
        "format": STOCK_EXPORT_FORMAT,
        "version": STOCK_EXPORT_VERSION,
        "centre": {"code": centre.code, "name": centre.name, "fin": centre.fin, "licence_number": centre.licence},
        "generated_at": now.astimezone().isoformat(timespec="seconds"),
        "training": centre.training,
        "quarantine": int(quarantine or 0),
        "stock": lines,
    }


def stock_export_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def stock_export_csv(data: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(STOCK_CSV_COLUMNS)
    centre = data["centre"]
    for line in data["stock"]:
        writer.writerow(
            [
                centre["code"],
                centre["fin"] or "",
                data["generated_at"],
                line["component"],
                line["isbt128_product"] or "",
                line["blood_group"],
                line["available"],
                line["expiring_24h"],
                line["expiring_72h"],
            ]
        )
    return out.getvalue()


# --- helpers -------------------------------------------------------------------------------------------------------


def _eye(din: str) -> str:
    try:
        return isbt128.format_eye_readable(din)
    except isbt128.InvalidDin:
        return din
