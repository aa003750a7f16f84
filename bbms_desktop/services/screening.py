"""Screening: the medical officer's questionnaire and examination, the decision, and the deferrals it records.

:func:`screen` builds ``rules.eligibility``'s :class:`DonorVisit` from the donor's whole record (every donation and
every deferral of the donor's identity, including merged records and deferrals synced from other centres, SYNC.md
principle 8) and from the form, records the visit with its outcome, and records one deferral per reason found.

Dates: a deferral's ``until`` is, here as in ``rules.eligibility`` and the ``deferrals`` table, the FIRST day the
donor may donate again, so eligibility's ``until`` is stored as it is, never shifted by a day. A reason that lasts
"while it applies" (a pregnancy, breast-feeding: eligibility gives no end date) is recorded with eligibility's
re-examination period (``RETEST_DEFERMENT``: from the next day) because the question is asked again at every visit; a
deferral row can never be lifted, so an open-ended one would defer the donor for ever.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from bbms_desktop.errors import InvalidInput, NotFound, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.models import Camp, Deferral, ScreeningVisit
from bbms_desktop.models.direct import DirectStatement
from bbms_desktop.rules import eligibility
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import DonationType, ScreeningOutcome
from bbms_desktop.services import donors
from bbms_desktop.services.donors import DeferralSummary, deferral_active, deferral_summaries, local_date
from bbms_desktop.services.uow import UnitOfWork

INCOMPLETE = QT_TRANSLATE_NOOP("Screening", "The screening is not complete: enter {fields}.")
DONATION_TYPE_UNKNOWN = QT_TRANSLATE_NOOP("Screening", "Choose the donation type: whole blood or apheresis.")
CAMP_NOT_FOUND = QT_TRANSLATE_NOOP("Screening", "The camp chosen for this visit was not found: choose the camp again.")
CAMP_CLOSED = QT_TRANSLATE_NOOP("Screening", "Camp {code} is closed: donors can no longer be screened for it.")
CAMP_NOT_TODAY = QT_TRANSLATE_NOOP(
    "Screening", "Camp {code} runs from {starts} to {ends}, not today ({today}): choose the right camp or none."
)
NOTES_TOO_LONG = QT_TRANSLATE_NOOP("Screening", "The notes are too long: at most {maximum} characters.")
REASON_CODE_INVALID = QT_TRANSLATE_NOOP(
    "Screening",
    "Deferral reason code '{code}' is not valid: use capital letters, digits and underscores (at most {maximum}).",
)
DETAIL_REQUIRED = QT_TRANSLATE_NOOP(
    "Screening", "Write why the donor is deferred: other centres and later visits will read it."
)
DETAIL_TOO_LONG = QT_TRANSLATE_NOOP("Screening", "The deferral detail is too long: at most {maximum} characters.")
PERMANENT_WITH_END = QT_TRANSLATE_NOOP(
    "Screening", "A permanent deferral has no end date: clear the end date, or untick 'permanent'."
)
END_REQUIRED = QT_TRANSLATE_NOOP(
    "Screening", "Enter the first day the donor may donate again, or mark the deferral permanent."
)
END_NOT_AFTER_TODAY = QT_TRANSLATE_NOOP(
    "Screening", "The deferral must end after today ({today}): {until} is the first day the donor may donate again."
)
PERMANENT_NOT_YES_NO = QT_TRANSLATE_NOOP("Screening", "Say whether the deferral is permanent: yes or no.")

_NOTES_MAX = 1000
_DETAIL_MAX = 500
_REASON_CODE_MAX = 60
_REASON_CODE = re.compile(r"[A-Z0-9_]+")
_RECORDED_DEFERRAL = "DEFERRAL_ACTIVE"  # eligibility's reason for a deferral already on record: not recorded again


@dataclass(frozen=True, slots=True, kw_only=True)
class ScreeningForm:
    """What the medical officer entered. ``answers`` maps question codes of ``eligibility.QUESTIONS`` to True/False,
    or to the date asked for (None: it never happened). A value left None is "not entered" and stops the screening."""

    donation_type: DonationType | str = DonationType.WHOLE_BLOOD
    bag_volume_ml: int | None = None
    weight_kg: float | None = None
    haemoglobin_g_dl: float | None = None
    systolic_mmhg: int | None = None
    diastolic_mmhg: int | None = None
    pulse_per_min: int | None = None
    pulse_regular: bool | None = None
    temperature_c: float | None = None
    answers: Mapping[str, Any] = field(default_factory=dict)
    camp_id: uuid.UUID | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class ScreeningReason:
    code: str
    text: Text
    permanent: bool
    until: date | None  # as recorded on the deferral: the first day the donor may donate again


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    visit_id: uuid.UUID
    donor_id: uuid.UUID
    eligible: bool
    outcome: ScreeningOutcome
    reasons: tuple[ScreeningReason, ...]  # every reason, including deferrals already on record
    deferral_ids: tuple[uuid.UUID, ...]  # the deferrals this screening recorded
    permanent: bool
    defer_until: date | None  # the latest end among the reasons; None when eligible or permanent


@dataclass(frozen=True, slots=True)
class RecordedDeferral:
    id: uuid.UUID
    donor_id: uuid.UUID
    reason_code: str
    permanent: bool
    until: date | None


def _label(name: str) -> Msg:
    if name.startswith("answers."):
        return eligibility.QUESTION_BY_CODE[name.removeprefix("answers.")].topic
    return eligibility.LABELS[name]


_CAMP = Camp.__table__.c
_CAMP_ROW = DirectStatement(
    select(_CAMP.id, _CAMP.code, _CAMP.starts_on, _CAMP.ends_on, _CAMP.closed_at, _CAMP.voided_at).where(
        _CAMP.id == bindparam("camp_id")
    )
)


def running_camp(uow: UnitOfWork, camp_id: uuid.UUID | None, today: date) -> uuid.UUID | None:
    """The camp, checked to be open and running on ``today`` (None when no camp is named)."""
    if camp_id is None:
        return None
    camp = _CAMP_ROW.first(uow.session, {"camp_id": camp_id})  # every donor of a camp: a plain row
    if camp is None:
        raise NotFound(CAMP_NOT_FOUND(), code="no_camp", field="camp_id")
    if camp.closed_at is not None or camp.voided_at is not None:
        raise StateError(CAMP_CLOSED(code=camp.code), code="camp_closed")
    if not camp.starts_on <= today <= camp.ends_on:
        raise StateError(
            CAMP_NOT_TODAY(code=camp.code, starts=camp.starts_on, ends=camp.ends_on, today=today), code="camp_not_today"
        )
    return camp.id


def donor_visit(session: Session, donor_id: uuid.UUID, visit_date: date, form: ScreeningForm) -> eligibility.DonorVisit:
    """The eligibility rules' view of this visit: the form plus the donor's whole recorded history."""
    donor = donors.donor_record(session, donor_id)
    donations = donor.donations
    # A donation stamped later than today (another machine's clock ahead) counts as today's: never as a future date,
    # which the rules refuse, and never as an earlier one, which could shorten an interval.
    donated = [(d.donation_type, min(d.collected_on, visit_date)) for d in donations]
    whole_blood = [day for kind, day in donated if kind == DonationType.WHOLE_BLOOD]
    apheresis = tuple(day for kind, day in donated if kind == DonationType.APHERESIS)
    # Every deferral on record is passed, ended ones too (the rules decide which are in force). A synced row marked
    # permanent but carrying an end date is taken as permanent: the safer reading.
    recorded = tuple(
        eligibility.DeferralFact(d.reason_code, d.permanent, None if d.permanent else d.until) for d in donor.deferrals
    )
    return eligibility.DonorVisit(
        visit_date=visit_date,
        date_of_birth=donor.date_of_birth,
        sex=donor.sex,
        first_time=not donations,
        donation_type=form.donation_type,
        bag_volume_ml=form.bag_volume_ml,
        weight_kg=form.weight_kg,
        haemoglobin_g_dl=form.haemoglobin_g_dl,
        systolic_mmhg=form.systolic_mmhg,
        diastolic_mmhg=form.diastolic_mmhg,
        pulse_per_min=form.pulse_per_min,
        pulse_regular=form.pulse_regular,
        temperature_c=form.temperature_c,
        last_whole_blood=max(whole_blood, default=None),
        apheresis_dates=apheresis,
        deferrals=recorded,
        answers=dict(form.answers),
    )


def screen(uow: UnitOfWork, donor_id: uuid.UUID, form: ScreeningForm) -> ScreeningResult:
    """Assess the donor, record the visit and its outcome, and record one deferral per new reason found."""
    actor = uow.require(Action.SCREEN_DONOR)
    today = local_date(uow.now)
    try:
        donation_type = DonationType(form.donation_type)
    except ValueError:
        raise InvalidInput(DONATION_TYPE_UNKNOWN(), field="donation_type") from None
    notes = (form.notes or "").strip() or None
    if notes is not None and len(notes) > _NOTES_MAX:
        raise InvalidInput(NOTES_TOO_LONG(maximum=_NOTES_MAX), field="notes")
    camp_id = running_camp(uow, form.camp_id, today)
    visit = donor_visit(uow.session, donor_id, today, form)
    assessment = eligibility.assess(visit)  # impossible readings raise InvalidInput here, before anything is added
    if assessment.missing:
        missing = assessment.missing
        raise InvalidInput(INCOMPLETE(fields=[_label(name) for name in missing]), field=missing[0])

    outcome = ScreeningOutcome.ELIGIBLE if assessment.eligible else ScreeningOutcome.DEFERRED
    row = ScreeningVisit(
        donor_id=donor_id,
        camp_id=camp_id,
        visited_at=uow.now,
        donation_type=donation_type,
        bag_volume_ml=form.bag_volume_ml,
        weight_kg=form.weight_kg,
        haemoglobin_g_dl=form.haemoglobin_g_dl,
        systolic_mmhg=form.systolic_mmhg,
        diastolic_mmhg=form.diastolic_mmhg,
        pulse_per_min=form.pulse_per_min,
        pulse_regular=form.pulse_regular,
        temperature_c=form.temperature_c,
        answers={code: (v.isoformat() if isinstance(v, date) else v) for code, v in visit.answers.items()},
        outcome=outcome,
        reason_codes=[r.code for r in assessment.reasons],
        assessed_by_id=actor.user_id,
        notes=notes,
    )
    uow.add(row)
    if any(reason.code != _RECORDED_DEFERRAL for reason in assessment.reasons):
        # The deferrals refer to the visit, and the ORM orders one flush's inserts by class name, not by foreign key
        # (the models declare no relationships): write the visit first. An eligible donor needs no extra flush.
        uow.session.flush()

    retest = eligibility.RETEST_DEFERMENT.value.ends(today)
    reasons: list[ScreeningReason] = []
    deferral_ids: list[uuid.UUID] = []
    for reason in assessment.reasons:
        until = None if reason.permanent else (reason.until or retest)
        if reason.code == _RECORDED_DEFERRAL:
            reasons.append(ScreeningReason(reason.code, reason.text, reason.permanent, reason.until))
            continue
        deferral = Deferral(
            donor_id=donor_id,
            reason_code=reason.code,
            detail=reason.text.render()[:_DETAIL_MAX],
            permanent=reason.permanent,
            starts_on=today,
            until=until,
            visit_id=row.id,
            decided_by_id=actor.user_id,
        )
        uow.add(deferral)
        deferral_ids.append(deferral.id)
        reasons.append(ScreeningReason(reason.code, reason.text, reason.permanent, until))
    uow.audit(
        "screen_donor",
        row,
        donor_id=donor_id,
        outcome=outcome,
        reason_codes=[r.code for r in reasons],
        deferral_ids=[str(i) for i in deferral_ids],
    )

    permanent = any(r.permanent for r in reasons)
    ends = [r.until for r in reasons]
    defer_until = None if permanent or not ends or None in ends else max(e for e in ends if e is not None)
    return ScreeningResult(
        row.id,
        donor_id,
        outcome == ScreeningOutcome.ELIGIBLE,
        outcome,
        tuple(reasons),
        tuple(deferral_ids),
        permanent,
        defer_until,
    )


def defer_donor(
    uow: UnitOfWork,
    donor_id: uuid.UUID,
    reason_code: str,
    *,
    permanent: bool,
    until: date | None = None,
    detail: str | None = None,
) -> RecordedDeferral:
    """Record a medical officer's own deferral decision: permanent, or until the first day the donor may donate."""
    actor = uow.require(Action.DEFER_DONOR)
    today = local_date(uow.now)
    code = (reason_code or "").strip().upper()
    if not _REASON_CODE.fullmatch(code) or len(code) > _REASON_CODE_MAX:
        raise InvalidInput(REASON_CODE_INVALID(code=reason_code, maximum=_REASON_CODE_MAX), field="reason_code")
    if not isinstance(permanent, bool):
        raise InvalidInput(PERMANENT_NOT_YES_NO(), field="permanent")
    if permanent and until is not None:
        raise InvalidInput(PERMANENT_WITH_END(), field="until")
    if not permanent:
        # A deferral can never be edited or lifted, so an open-ended one would be permanent in all but name.
        if until is None:
            raise InvalidInput(END_REQUIRED(), field="until")
        if not isinstance(until, date) or until <= today:
            raise InvalidInput(END_NOT_AFTER_TODAY(today=today, until=until), field="until")
    text = " ".join((detail or "").split())
    if not text:
        raise InvalidInput(DETAIL_REQUIRED(), field="detail")
    if len(text) > _DETAIL_MAX:
        raise InvalidInput(DETAIL_TOO_LONG(maximum=_DETAIL_MAX), field="detail")
    donor = donors.get_donor(uow.session, donor_id)
    deferral = Deferral(
        donor_id=donor.id,
        reason_code=code,
        detail=text,
        permanent=permanent,
        starts_on=today,
        until=until,
        decided_by_id=actor.user_id,
    )
    uow.add(deferral)
    uow.audit("defer_donor", deferral, donor_id=donor.id, reason_code=code, permanent=permanent, until=until)
    return RecordedDeferral(deferral.id, donor.id, code, permanent, until)


def active_deferrals(session: Session, donor_id: uuid.UUID, on: date) -> list[DeferralSummary]:
    """The deferrals in force on ``on`` for this donor's identity, from every centre, newest first."""
    return [d for d in deferral_summaries(session, donor_id) if deferral_active(d, on)]
