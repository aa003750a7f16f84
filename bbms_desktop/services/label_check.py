"""Checking a bag's label against the record (ISBT 128 label verification).

Before a unit goes into stock or out to a patient, the technician scans the barcodes on the bag: the donation number,
the blood group, the product code and the expiry. Each must say exactly what the record says; a label that names
another group, another product or a later expiry than the record is the mislabelled unit that transfusion-safety
systems exist to stop. :func:`expected_label` is the one definition of what a unit's label carries (the label
printer prints it), :func:`check_label` compares scans with it, and :func:`record_label_check` keeps the check, match
or mismatch, in the audit trail.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from bbms_desktop.errors import NotFound, NotPermitted
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Text
from bbms_desktop.models import Component, Donation
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.roles import ACTION_LABELS, Action, may
from bbms_desktop.services import components, label_content, stock_views
from bbms_desktop.services.uow import UnitOfWork

# who may check a label: whoever puts units into stock or hands them out
CHECKERS = (Action.SEPARATE_COMPONENTS, Action.RELEASE_COMPONENTS, Action.ISSUE)

NO_DONATION = QT_TRANSLATE_NOOP("LabelCheck", "No donation with the number {din} is recorded here.")
NOT_A_CHECKER = QT_TRANSLATE_NOOP("LabelCheck", "Checking bag labels is for staff who may {action}.")
GROUP_NOT_CONFIRMED = QT_TRANSLATE_NOOP(
    "LabelCheck",
    "This unit has not been released from quarantine, so its bag may not carry a group label yet: remove it.",
)
GROUP_DIFFERS = QT_TRANSLATE_NOOP(
    "LabelCheck", "The label says group {scanned}, the record says {expected}: do not use this bag; relabel it."
)
PRODUCT_UNKNOWN = QT_TRANSLATE_NOOP(
    "LabelCheck", "Product code {code} is not in this centre's product table: check the label."
)
PRODUCT_NOT_MADE = QT_TRANSLATE_NOOP("LabelCheck", "No {component} was prepared from donation {din}: check the label.")
PRODUCT_DIFFERS = QT_TRANSLATE_NOOP(
    "LabelCheck", "The label's product code is {scanned}, the record's is {expected}: relabel the bag."
)
WHICH_UNIT = QT_TRANSLATE_NOOP(
    "LabelCheck", "This donation has several units: scan the product code first, to say which bag this is."
)
EXPIRY_LATER = QT_TRANSLATE_NOOP(
    "LabelCheck",
    "The label says it expires {scanned}, later than the record ({expected}): do not use this bag; relabel it.",
)
EXPIRY_EARLIER = QT_TRANSLATE_NOOP(
    "LabelCheck", "The label says it expires {scanned}, earlier than the record ({expected}): relabel the bag."
)

FIELD_LABELS = {
    "din": QT_TRANSLATE_NOOP("LabelCheck", "Donation number"),
    "blood_group": QT_TRANSLATE_NOOP("LabelCheck", "Blood group"),
    "product": QT_TRANSLATE_NOOP("LabelCheck", "Product"),
    "expiry": QT_TRANSLATE_NOOP("LabelCheck", "Expiry"),
}


class FieldState(StrEnum):
    MATCH = "match"
    MISMATCH = "mismatch"
    WAITING = "waiting"  # not scanned yet, or cannot be checked until another barcode is scanned


@dataclass(frozen=True, slots=True)
class LabelCodes:
    """What a unit's label carries, as ISBT 128 data content."""

    din: str
    flags: str  # the check flags printed with the DIN barcode (60 + check value)
    blood_group: str | None  # None until the laboratory confirmed it: no group label then
    product: isbt128.ProductCode
    expires_at: datetime  # local wall-clock time, to the minute, for the expiry date-and-time barcode
    expiry_date: date  # the last whole day of use, for a date-only expiry barcode (it means 23:59 that day)


@dataclass(frozen=True, slots=True)
class LabelScans:
    """What was scanned off the bag so far; anything may still be missing."""

    blood_group: str | None = None
    product: isbt128.ProductCode | None = None
    expiry_date: date | None = None
    expires_at: datetime | None = None  # from a date-and-time barcode (naive local wall clock)


@dataclass(frozen=True, slots=True)
class FieldCheck:
    field: str  # din, blood_group, product, expiry
    state: FieldState
    expected: str
    scanned: str
    problem: Text | None = None


@dataclass(frozen=True, slots=True)
class LabelCheck:
    din: str
    component_id: uuid.UUID | None  # the unit the label was matched to, once known
    component_code: str | None
    fields: tuple[FieldCheck, ...]

    @property
    def mismatched(self) -> bool:
        return any(f.state == FieldState.MISMATCH for f in self.fields)

    @property
    def complete(self) -> bool:
        """Every barcode scanned and checked."""
        return all(f.state != FieldState.WAITING for f in self.fields)

    @property
    def verified(self) -> bool:
        return self.complete and not self.mismatched


LABEL_SCANS = frozenset(
    {
        isbt128.ScanKind.BLOOD_GROUP,
        isbt128.ScanKind.PRODUCT_CODE,
        isbt128.ScanKind.EXPIRY,
        isbt128.ScanKind.EXPIRY_DATETIME,
    }
)


def with_scan(scans: LabelScans, scan: isbt128.Scan) -> LabelScans:
    """``scans`` with one more barcode read off the bag (a later scan of the same kind replaces the earlier one)."""
    value = scan.value
    if scan.kind == isbt128.ScanKind.BLOOD_GROUP and isinstance(value, isbt128.BloodGroupCode):
        return replace(scans, blood_group=value.group)
    if scan.kind == isbt128.ScanKind.PRODUCT_CODE and isinstance(value, isbt128.ProductCode):
        return replace(scans, product=value)
    if scan.kind == isbt128.ScanKind.EXPIRY_DATETIME and isinstance(value, datetime):
        return replace(scans, expires_at=value, expiry_date=None)
    if scan.kind == isbt128.ScanKind.EXPIRY and isinstance(value, date):
        return replace(scans, expiry_date=value, expires_at=None)
    raise ValueError(f"not a label barcode: {scan.kind}")


def last_day_of_use(expires_at: datetime) -> date:
    """A date-only expiry means 23:59 of that day (ST-001 §2.4.5), so the label gives the last day the whole of
    which is before the unit's expiry: never a later moment than the record."""
    local = expires_at.astimezone()
    day_end = datetime.combine(local.date(), isbt128.DEFAULT_EXPIRY_TIME.value, tzinfo=local.tzinfo)
    return local.date() if day_end <= local else local.date() - timedelta(days=1)


def expected_label(session: Session, component: Component) -> LabelCodes:
    """The barcodes the printed label of ``component`` carries (``services.label_content`` decides what is printed;
    this reads the same decision, so a label this centre printed always checks)."""
    label = label_content.bag_label(session, component.id)
    local = label.expires_at.astimezone()
    return LabelCodes(
        din=label.din,
        flags=label.flags,
        blood_group=label.blood_group,  # None until the unit is released: no group barcode is printed before
        product=label.product,
        expires_at=local.replace(second=0, microsecond=0, tzinfo=None),
        expiry_date=last_day_of_use(label.expires_at),
    )


def check_label(session: Session, din_text: str, scans: LabelScans) -> LabelCheck:
    """Compare what was scanned off a bag with the record of the unit it names."""
    din = stock_views.din_number(din_text)
    donation = session.scalars(select(Donation).where(Donation.din == din).limit(1)).first()
    if donation is None:
        raise NotFound(NO_DONATION(din=isbt128.format_eye_readable(din) if len(din) == 13 else din), code="no_donation")
    units = components.units_of(session, donation.id)
    checks = [FieldCheck("din", FieldState.MATCH, _eye(din), _eye(din))]
    unit, product_check = _unit_and_product(session, donation, units, scans.product)
    checks.append(_group_check(unit, units, scans.blood_group))
    checks.append(product_check)
    checks.append(_expiry_check(session, unit, len(units), scans))
    return LabelCheck(din, unit.id if unit else None, unit.code if unit else None, tuple(checks))


def record_label_check(uow: UnitOfWork, din_text: str, scans: LabelScans) -> LabelCheck:
    """Check the label inside a unit of work (never trusting a check made earlier) and keep it in the audit trail."""
    if uow.actor is None or not any(may(uow.actor.role, action) for action in CHECKERS):
        raise NotPermitted(NOT_A_CHECKER(action=ACTION_LABELS[Action.RELEASE_COMPONENTS]), code="role")
    result = check_label(uow.session, din_text, scans)
    row = uow.session.get(Component, result.component_id) if result.component_id else None
    uow.audit(
        "label_check",
        row,
        din=result.din,
        outcome="verified" if result.verified else "mismatch" if result.mismatched else "incomplete",
        scanned={f.field: f.scanned for f in result.fields if f.scanned},
        mismatched=[f.field for f in result.fields if f.state == FieldState.MISMATCH],
    )
    return result


# --- the parts ----------------------------------------------------------------------------------------------------


def _eye(din: str) -> str:
    return isbt128.format_eye_readable(din) if len(din) == 13 else din


def _unit_and_product(
    session: Session, donation: Donation, units: list[Component], product: isbt128.ProductCode | None
) -> tuple[Component | None, FieldCheck]:
    if product is None:
        only = units[0] if len(units) == 1 else None
        expected = expected_label(session, only).product.code if only else ""
        return only, FieldCheck("product", FieldState.WAITING, expected, "")
    code = isbt128.component_for(product)
    if code is None:
        problem = PRODUCT_UNKNOWN(code=product.code)
        return None, FieldCheck("product", FieldState.MISMATCH, "", product.code, problem)
    matching = [u for u in units if u.code == code and u.division == product.division] or [
        u for u in units if u.code == code
    ]
    if not matching:
        problem = PRODUCT_NOT_MADE(component=catalogue.component(code).name, din=_eye(donation.din))
        return None, FieldCheck("product", FieldState.MISMATCH, "", product.code, problem)
    unit = matching[0]
    expected = expected_label(session, unit).product
    if expected.code != product.code:
        problem = PRODUCT_DIFFERS(scanned=product.code, expected=expected.code)
        return unit, FieldCheck("product", FieldState.MISMATCH, expected.code, product.code, problem)
    return unit, FieldCheck("product", FieldState.MATCH, expected.code, product.code)


def _group_check(unit: Component | None, units: list[Component], scanned: str | None) -> FieldCheck:
    # the group printed on a released unit's label (every unit of a donation has the donation's group once out of
    # quarantine); while the bag is not known and its units differ, the product code must say which bag it is
    groups = {unit.blood_group} if unit is not None else {u.blood_group for u in units}
    if len(groups) != 1:
        return FieldCheck("blood_group", FieldState.WAITING, "", scanned or "", WHICH_UNIT() if scanned else None)
    (expected,) = groups
    shown = expected or ""
    if scanned is None:
        return FieldCheck("blood_group", FieldState.WAITING, shown, "")
    if expected is None:
        return FieldCheck("blood_group", FieldState.MISMATCH, "", scanned, GROUP_NOT_CONFIRMED())
    if scanned != expected:
        return FieldCheck(
            "blood_group", FieldState.MISMATCH, expected, scanned, GROUP_DIFFERS(scanned=scanned, expected=expected)
        )
    return FieldCheck("blood_group", FieldState.MATCH, expected, scanned)


def _expiry_check(session: Session, unit: Component | None, unit_count: int, scans: LabelScans) -> FieldCheck:
    scanned_at = scans.expires_at
    scanned_day = scans.expiry_date
    if scanned_at is None and scanned_day is None:
        expected = _expiry_text(expected_label(session, unit)) if unit else ""
        return FieldCheck("expiry", FieldState.WAITING, expected, "")
    scanned_text = f"{scanned_at:%Y-%m-%d %H:%M}" if scanned_at is not None else f"{scanned_day:%Y-%m-%d} 23:59"
    if unit is None:
        problem = WHICH_UNIT() if unit_count > 1 else None
        return FieldCheck("expiry", FieldState.WAITING, "", scanned_text, problem)
    label = expected_label(session, unit)
    if scanned_at is not None:
        later, earlier = scanned_at > label.expires_at, scanned_at < label.expires_at
        expected_text = f"{label.expires_at:%Y-%m-%d %H:%M}"
    else:
        assert scanned_day is not None
        later, earlier = scanned_day > label.expiry_date, scanned_day < label.expiry_date
        expected_text = f"{label.expiry_date:%Y-%m-%d} 23:59"  # what a date-only expiry means (ST-001 §2.4.5)
    if later:
        problem = EXPIRY_LATER(scanned=scanned_text, expected=expected_text)
        return FieldCheck("expiry", FieldState.MISMATCH, expected_text, scanned_text, problem)
    if earlier:
        problem = EXPIRY_EARLIER(scanned=scanned_text, expected=expected_text)
        return FieldCheck("expiry", FieldState.MISMATCH, expected_text, scanned_text, problem)
    return FieldCheck("expiry", FieldState.MATCH, expected_text, scanned_text)


def _expiry_text(label: LabelCodes) -> str:
    return f"{label.expires_at:%Y-%m-%d %H:%M}"
