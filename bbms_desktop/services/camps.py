"""Blood donation camps (outdoor sessions): planning at the centre. Camp laptops and reconciliation build on this."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from bbms_desktop.errors import InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.models import Camp, Centre
from bbms_desktop.rules.roles import Action
from bbms_desktop.services import numbering
from bbms_desktop.services.uow import UnitOfWork

NAME_NEEDED = QT_TRANSLATE_NOOP("Camps", "A camp needs a name and a venue.")
DATES_REVERSED = QT_TRANSLATE_NOOP("Camps", "The camp ends on {ends} but starts on {starts}: check the dates.")
EXPECTED_NEGATIVE = QT_TRANSLATE_NOOP("Camps", "Expected donors cannot be negative.")


@dataclass(frozen=True, slots=True)
class CampForm:
    name: str
    venue: str
    starts_on: date
    ends_on: date
    district: str | None = None
    state: str | None = None
    organiser: str | None = None
    organiser_mobile: str | None = None
    expected_donors: int | None = None


@dataclass(frozen=True, slots=True)
class PlannedCamp:
    id: uuid.UUID
    code: str


def plan_camp(uow: UnitOfWork, form: CampForm) -> PlannedCamp:
    actor = uow.require(Action.MANAGE_CAMPS)
    if not form.name.strip() or not form.venue.strip():
        raise InvalidInput(NAME_NEEDED(), field="name")
    if form.ends_on < form.starts_on:
        raise InvalidInput(DATES_REVERSED(starts=form.starts_on, ends=form.ends_on), field="ends_on")
    if form.expected_donors is not None and form.expected_donors < 0:
        raise InvalidInput(EXPECTED_NEGATIVE(), field="expected_donors")
    centre = uow.session.get(Centre, actor.centre_id)
    assert centre is not None
    code = f"{centre.code}-C{form.starts_on.year % 100:02d}{numbering.next_number(uow, 'camp'):04d}"
    camp = Camp(
        centre_id=actor.centre_id,
        code=code,
        name=form.name.strip(),
        venue=form.venue.strip(),
        starts_on=form.starts_on,
        ends_on=form.ends_on,
        district=form.district,
        state=form.state,
        organiser=form.organiser,
        organiser_mobile=form.organiser_mobile,
        expected_donors=form.expected_donors,
        created_by_id=actor.user_id,
    )
    uow.add(camp)
    uow.session.flush()
    uow.audit("plan_camp", camp, code=code, starts_on=form.starts_on, venue=camp.venue)
    return PlannedCamp(camp.id, code)
