"""A camp laptop against a real central server process: prepared at the centre, three days offline in the field with
500 donors, then back at the centre for reconciliation and sync.

The laptop is an enrolled device of the centre. While at the centre it pulls the staff (for offline sign-in), the
donor registry and every deferral, and takes number blocks sized for the camp; then it works with no link at all for
three simulated days (the unit of work's clock), while the centre's desk keeps collecting. Afterwards the centre
holds every camp record once, no DIN collides with the desk's, the donor the centre had deferred was stopped at the
camp, and the deferrals made at the camp reach the centre.
"""

from __future__ import annotations

import contextlib
import io
import json
import time as wallclock
import uuid
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import func, select

from bbms_desktop import cli
from bbms_desktop.errors import SafetyError
from bbms_desktop.models import DeadLetter, Deferral, Donation, Donor, ScreeningVisit
from bbms_desktop.rules.vocabulary import BagType, ScreeningOutcome
from bbms_desktop.services import (
    accounts,
    camp_flow,
    camp_laptop,
    camp_views,
    camps,
    collection,
    donors,
    lab_views,
    screening,
)

from ..services.test_safety_invariants import _screening_form, _without_fsync
from .harness import PASSWORD, CentralServer, central_cli, central_database, enrol_device

ATTENDING = 500
KNOWN = 40  # donors the centre registered before the camp who come to it (one of them deferred at the centre)
PLEDGES = 10
ANAEMIC_EVERY = 30  # one new donor in this many has a low haemoglobin at the camp and is deferred there


@pytest.fixture
def server(tmp_path):
    with central_database("sqlite", tmp_path) as database:
        central_cli(database, "init")
        server = CentralServer(database, tmp_path)
        server.centres = {"DL-AIIMS": server.add_centre("DL-AIIMS", "AIIMS Blood Centre, New Delhi", "G1111")}
        for username, role in (("admin", "quality_admin"), ("camp1", "camp_operator"), ("camp2", "camp_operator")):
            central_cli(
                database,
                "add-user",
                *("--centre", "DL-AIIMS", "--username", f"dl-aiims-{username}", "--role", role),
                *("--full-name", f"{username.title()} of DL-AIIMS"),
                stdin=PASSWORD + "\n",
            )
        server.start()
        try:
            yield server
        finally:
            server.stop()


def at(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time(9, 0)).astimezone() + timedelta(minutes=minutes)


def bleed(device, visit_id: uuid.UUID, screened_at: datetime, actor) -> collection.CollectedDonation:
    start = screened_at + timedelta(minutes=5)
    with device.db.unit_of_work(actor, screened_at + timedelta(minutes=15)) as uow:
        form = collection.CollectionForm(
            bag_type=BagType.TRIPLE,
            bag_volume_ml=450,
            collected_volume_ml=452,
            bleed_start=start,
            bleed_end=start + timedelta(minutes=8),
        )
        return collection.collect(uow, visit_id, form)


def test_a_camp_laptop_three_days_offline_with_500_donors_reaches_the_centre_once(server, tmp_path):
    began = wallclock.monotonic()
    code = server.centres["DL-AIIMS"]["enrolment_code"]
    desk = enrol_device(server, tmp_path, "aiims-desk", "DL-AIIMS", code)
    laptop = enrol_device(server, tmp_path, "aiims-camp-laptop", "DL-AIIMS", server.new_enrolment("DL-AIIMS"))
    for device in (desk, laptop):
        # test databases need not survive a power cut: no fsync at every commit (everything else as in the field)
        sqlalchemy_event.listen(device.db.engine, "connect", _without_fsync)
        device.db.engine.dispose()
    today = date.today()
    first_day, before = today - timedelta(days=2), at(today - timedelta(days=5), 0)
    admin = accounts.authenticate(desk.db, "dl-aiims-admin", PASSWORD)

    # at the centre, before the camp: donors known to the centre, one of them deferred; the camp planned with staff
    known: list[tuple[uuid.UUID, str]] = []
    for i in range(KNOWN):
        mobile = f"98100{i:05d}"
        form = donors.DonorForm(
            given_name=f"Known{i}",
            family_name="Sharma",
            sex="M",
            date_of_birth=date(1990, 1, 1),
            mobile=mobile,
            consent=True,
        )
        with desk.db.unit_of_work(desk.staff["registrar"], before) as uow:
            known.append((donors.register_donor(uow, form).id, mobile))
    deferred_donor = known[7][0]
    with desk.db.unit_of_work(desk.staff["medical_officer"], before) as uow:
        centre_deferral = screening.defer_donor(
            uow, deferred_donor, "MEDICATION", permanent=False, until=today + timedelta(days=90), detail="On warfarin"
        ).id
    staff_ids = (desk.staff["medical_officer"].user_id, desk.staff["phlebotomist"].user_id)
    staff_ids += tuple(accounts.authenticate(desk.db, f"dl-aiims-{u}", PASSWORD).user_id for u in ("camp1", "camp2"))
    with desk.db.unit_of_work(admin, before) as uow:
        planned = camps.plan_camp(
            uow,
            camps.CampForm(
                name="Voluntary blood donation camp, Hindu College",
                venue="Hindu College, University Enclave",
                starts_on=first_day,
                ends_on=today,
                district="North Delhi",
                organiser="NSS unit",
                expected_donors=ATTENDING,
                staff_ids=staff_ids,
            ),
        )
    assert desk.sync().caught_up

    # the laptop is prepared while it still has a link, then leaves
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["--profile", str(laptop.profile), "prepare-camp", "--camp", planned.code]) == 0
    ready = json.loads(out.getvalue())
    assert ready["ready"] and ready["problems"] == []
    assert (ready["staff_missing"], len(ready["staff"]), ready["deferrals"], ready["donors"]) == (0, 4, 1, KNOWN)
    first, last = next(n["camp_block"] for series, n in ready["numbers"].items() if series.startswith("din:"))
    assert last - first + 1 >= ATTENDING
    operator = accounts.authenticate(laptop.db, "dl-aiims-camp1", PASSWORD)  # offline sign-in on the laptop
    officer = laptop.staff["medical_officer"]
    prepared_at = wallclock.monotonic()

    # three days in the field with no link: 500 donors come; the known ones are found by their mobile in one step
    known_by_slot = {slot * (ATTENDING // KNOWN) + 3: donor for slot, donor in enumerate(known)}
    stopped_visit = None
    camp_deferrals: list[uuid.UUID] = []
    collected: list[str] = []
    per_day = -(-ATTENDING // 3)
    new_count = expected_anaemic = 0
    for n in range(ATTENDING):
        day, slot = first_day + timedelta(days=n // per_day), n % per_day
        arrived = at(day, 2 * slot)
        if n in known_by_slot:
            donor_id, mobile = known_by_slot[n]
            with laptop.db.read() as session:
                found = donors.search(session, mobile)
            assert [line.id for line in found] == [donor_id]
        else:
            new_count += 1
            form = donors.DonorForm(
                given_name=f"Camp{n}",
                family_name="Gupta",
                sex="M",
                date_of_birth=date(1995, 1, 1) + timedelta(days=n),
                mobile=f"97{n:08d}",
                consent=True,
            )
            with laptop.db.unit_of_work(operator, arrived) as uow:
                if new_count <= PLEDGES:  # signs up to donate another day; nothing is screened today
                    camp_flow.pledge(uow, planned.id, form=form)
                    continue
                donor_id = camp_flow.register_at_camp(uow, planned.id, form).id
        problem = "anaemic" if n not in known_by_slot and n % ANAEMIC_EVERY == 0 else None
        screened_at = arrived + timedelta(minutes=1)
        with laptop.db.unit_of_work(officer, screened_at) as uow:
            result = screening.screen(uow, donor_id, replace(_screening_form(problem, "M"), camp_id=planned.id))
        expected_anaemic += problem is not None
        if donor_id == deferred_donor:
            stopped_visit = result
            with pytest.raises(SafetyError):
                bleed(laptop, result.visit_id, screened_at, operator)
            continue
        if not result.eligible:
            camp_deferrals += result.deferral_ids
            continue
        collected.append(bleed(laptop, result.visit_id, screened_at, operator).din)
    offline_done = wallclock.monotonic()

    # meanwhile the centre's desk kept collecting from its own blocks
    desk_dins = []
    for i in range(5):
        form = donors.DonorForm(
            given_name=f"Desk{i}", sex="M", date_of_birth=date(1988, 5, 5), mobile=f"96{i:08d}", consent=True
        )
        screened_at = at(today - timedelta(days=1), 30 * i)
        with desk.db.unit_of_work(desk.staff["registrar"], screened_at) as uow:
            donor_id = donors.register_donor(uow, form).id
        with desk.db.unit_of_work(desk.staff["medical_officer"], screened_at) as uow:
            visit = screening.screen(uow, donor_id, _screening_form(None, "M"))
        desk_dins.append(bleed(desk, visit.visit_id, screened_at, desk.staff["phlebotomist"]).din)
    assert desk.sync().caught_up

    # the deferred donor was stopped at the camp by the centre's deferral the laptop carried
    assert stopped_visit is not None and stopped_visit.outcome == ScreeningOutcome.DEFERRED
    assert [r.code for r in stopped_visit.reasons] == ["DEFERRAL_ACTIVE"]
    assert len(camp_deferrals) == expected_anaemic > 10

    # back at the centre: the bags are scanned against the laptop's record, then the laptop syncs
    with laptop.db.read() as session:
        board = camp_views.camp_dashboard(session, planned.id)
    assert (board.registered, board.returning, board.pledged) == (ATTENDING - KNOWN, KNOWN, PLEDGES)
    assert board.collected == len(collected) and board.deferred == len(camp_deferrals) + 1
    arrived_bags = [f"={din}00" for din in collected[1:]] + ["=G111199000001" + "00"]
    with laptop.db.unit_of_work(accounts.authenticate(laptop.db, "dl-aiims-admin", PASSWORD)) as uow:
        closed = camps.close_after_reconciliation(uow, planned.id, arrived_bags)
    assert closed.missing == (collected[0],) and len(closed.extra) == 1 and closed.mismatched == ()
    back = laptop.sync()
    assert back.caught_up and back.rejected == 0
    assert desk.sync().caught_up and laptop.sync().caught_up

    with desk.db.read() as session:
        camp_donations = session.scalars(select(Donation.din).where(Donation.camp_id == planned.id)).all()
        assert sorted(camp_donations) == sorted(collected)  # every bag once
        all_dins = session.scalars(select(Donation.din)).all()
        assert len(all_dins) == len(set(all_dins)) == len(collected) + len(desk_dins)
        assert not set(desk_dins) & set(collected)  # no DIN of the camp collides with the centre's own
        visits = session.scalar(
            select(func.count()).select_from(ScreeningVisit).where(ScreeningVisit.camp_id == planned.id)
        )
        assert visits == ATTENDING - PLEDGES
        # the known donors were recognised, not registered again; the camp's new donors are there once each
        assert session.scalar(select(func.count()).select_from(Donor)) == KNOWN + (ATTENDING - KNOWN) + len(desk_dins)
        mobiles = session.scalars(select(Donor.mobile)).all()
        assert len(mobiles) == len(set(mobiles))
        # the deferrals made at the camp reached the centre, and the centre's own is still the one that stopped him
        at_centre = set(session.scalars(select(Deferral.id)))
        assert set(camp_deferrals) <= at_centre and centre_deferral in at_centre
        # the camp's donations are on the laboratory's worklist
        worklist = {row.din for row in lab_views.worklist(session)}
        assert set(collected) <= worklist
        assert session.scalars(select(DeadLetter)).all() == []
    with laptop.db.read() as session:
        assert session.scalars(select(DeadLetter)).all() == []
        assert camp_laptop.readiness(session).pending_ops == 0
    finished = wallclock.monotonic()
    print(
        f"\ncamp laptop: set-up {prepared_at - began:.1f} s, {ATTENDING} donors offline "
        f"{offline_done - prepared_at:.1f} s, reconcile and sync {finished - offline_done:.1f} s"
    )
    desk.close()
    laptop.close()
