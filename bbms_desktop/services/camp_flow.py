"""The fast camp flow's writes: a donor registered at the camp, and a pledge (a voluntary donor who signs up but does
not donate that day). Screening and collection at the camp are ``services.screening.screen`` (with the camp) and
``services.collection.collect``: every decision stays where it is; this module only ties the donor to the camp."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from bbms_desktop.errors import InvalidInput, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.models import Donor
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import DonorType
from bbms_desktop.services import donors, screening
from bbms_desktop.services.donors import DonorForm, RegisteredDonor, local_date
from bbms_desktop.services.uow import UnitOfWork

PLEDGE_OTHER_CENTRE = QT_TRANSLATE_NOOP(
    "CampFlow", "{number} is registered at another centre: that centre records the donor's pledges."
)
PLEDGE_VOLUNTARY = QT_TRANSLATE_NOOP(
    "CampFlow", "Only a voluntary donor can pledge: a replacement donor gives for a patient."
)


def register_at_camp(
    uow: UnitOfWork, camp_id: uuid.UUID, form: DonorForm, *, acknowledged_duplicates: bool = False
) -> RegisteredDonor:
    """Register a new donor at a camp that is running today (``donors.register_donor``, tied to the camp)."""
    camp = screening.running_camp(uow, camp_id, local_date(uow.now))
    registered = donors.register_donor(uow, form, acknowledged_duplicates=acknowledged_duplicates)
    donor = uow.session.get(Donor, registered.id)
    assert donor is not None
    donor.registered_camp_id = camp
    return registered


@dataclass(frozen=True, slots=True)
class Pledge:
    donor_id: uuid.UUID
    donor_number: str
    new_donor: bool


def pledge(
    uow: UnitOfWork,
    camp_id: uuid.UUID,
    *,
    donor_id: uuid.UUID | None = None,
    form: DonorForm | None = None,
    acknowledged_duplicates: bool = False,
) -> Pledge:
    """A voluntary donor signs up at the camp to donate another day: an existing donor (``donor_id``) or a new one
    registered from ``form`` (with consent, as any registration). Nothing is screened or collected."""
    actor = uow.require(Action.REGISTER_DONOR)
    camp = screening.running_camp(uow, camp_id, local_date(uow.now))
    if donor_id is None:
        if form is None:
            raise InvalidInput(donors.NAME_REQUIRED(), field="given_name")
        if str(form.donor_type) != DonorType.VOLUNTARY:
            raise InvalidInput(PLEDGE_VOLUNTARY(), field="donor_type")
        registered = register_at_camp(uow, camp_id, form, acknowledged_duplicates=acknowledged_duplicates)
        donor_id, new = registered.id, True
    else:
        new = False
    donor = donors.get_donor(uow.session, donor_id)
    if donor.centre_id != actor.centre_id:  # another centre's record: only its shared registry fields may change here
        raise StateError(PLEDGE_OTHER_CENTRE(number=donor.donor_number), code="other_centre")
    if donor.donor_type != DonorType.VOLUNTARY:
        raise InvalidInput(PLEDGE_VOLUNTARY(), field="donor_type")
    donor.pledged_camp_id = camp
    uow.audit("pledge", donor, camp_id=camp, new_donor=new)
    return Pledge(donor.id, donor.donor_number, new)
