"""Randomized multi-client runs against a real central server (SYNC.md, "what must be proven"; issue 3).

A hypothesis state machine plays three centres, four machines: the desk and the camp laptop of one centre, and the
desk of each of two others, all enrolled with one real ``bbms-central serve`` process. Staff work through the services
only (register, screen fit or unfit, defer, bleed, enter clean or reactive results, verify by a second technician,
separate, request, issue any unit the machine sees, return, discard), each machine with its own clock skewed by up
to a day; machines sync in any order, drop off the network and come back (their work queues up), and pushes arrive
twice (the same request body again) or their answer is lost (the engine sends the ops again). Refusals by the
services are part of the game and must leave nothing behind.

After every step, on every machine's own database: no unit in stock without verified clean results, no unit out on
two issues at once, every standing issue was of a released, unexpired, compatible unit, no unit in stock or issued
from a donation whose verified results are reactive, and no deferral ever disappears or changes. At the end of each
example: the network heals, every machine syncs round-robin until all are caught up, and then every machine holds
exactly what a machine enrolled afresh at its centre pulls from the server (its own refused records aside: those
stay, voided, with their dead letters), every deferral made anywhere is on every machine, the server has no unit out
on two issues, and every op the server refused is in its machine's dead-letter list.

One server serves the whole run; each example adds new centres (new codes), so examples never share a row.
Run with ``--hypothesis-show-statistics`` to see how often each rule ran and how (the ``event``s).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import sqlite3
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from hypothesis.statistics import collector, describe_statistics
from hypothesis.strategies._internal.featureflags import FeatureFlags
from sqlalchemy import bindparam, exists, func, select, text

from bbms_central.db import Database as CentralDatabase
from bbms_central.models import Device as ServerDevice
from bbms_central.models import OpLogEntry, Sequence, StoredRow
from bbms_desktop.errors import DomainError
from bbms_desktop.models import (
    SYNCED_MODELS,
    BloodRequest,
    Component,
    ComponentReturn,
    DeadLetter,
    Deferral,
    DeviceState,
    Donation,
    Donor,
    Issue,
    LabResultSet,
    LabVerification,
    OpState,
    OutboxOp,
    ScreeningVisit,
    Voidable,
)
from bbms_desktop.models.codec import row_fields
from bbms_desktop.rules import compatibility
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.vocabulary import (
    TTI_MARKERS,
    BagType,
    ComponentStatus,
    DiscardReason,
    RequestStatus,
    ScreeningOutcome,
    TtiResult,
    Urgency,
)
from bbms_desktop.services import accounts, collection, components, donors, lab, screening, transfusion
from bbms_desktop.services.profile import DATABASE_FILE, open_profile
from bbms_desktop.services.uow import Database
from bbms_desktop.sync import protocol
from bbms_desktop.sync.client import enrol
from bbms_desktop.sync.credentials import credential_store
from bbms_desktop.sync.engine import SyncEngine
from bbms_desktop.sync.transport import UNREACHABLE, ServerUnreachable, Transport

from ..services.test_safety_invariants import _request_form, _result_form, _screening_form
from .harness import PASSWORD, STAFF_ROLES, CentralServer, central_cli, free_port

S = ComponentStatus
COMPARED = [m for m in SYNCED_MODELS if m.__tablename__ not in protocol.PUSH_ONLY]
IN_STOCK = (S.AVAILABLE, S.RESERVED)
OUT_ON_ISSUE = (S.ISSUED, S.TRANSFUSED)
RED_CELLS = frozenset({compatibility.RED_CELLS, compatibility.WHOLE_BLOOD})
# the machines of an example: (name, centre); the first centre has a desk and a camp laptop
MACHINES = (("desk", "A"), ("camp", "A"), ("b_desk", "B"), ("c_desk", "C"))
NAMES = tuple(name for name, _centre in MACHINES)
# the simulated clock starts each example at nine in the morning today (the number blocks are the real year's) and
# moves on with every piece of work; a machine's clock may be a day off either way
START = datetime.combine(date.today(), time(9, 0)).astimezone()
STEP = timedelta(minutes=12)  # every piece of work happens this long after the previous one (simulated clock)
MAX_ROUNDS = 6  # round-robin syncs at the end before the replicas must have converged
GROUPS = ("O+", "A+", "B-", "AB+")
PICK = st.integers(0, 7)
LIMITS = {
    "register": 5,
    "defer": 2,
    "discard": 2,
    "partition": 3,
    "duplicate": 3,
    "lose_answer": 3,
    "skew": 3,
    "race": 2,
}  # which of the records a machine sees a step works on (modulo how many there are)


# ---------------------------------------------------------------------------------------------------------------------
# the network: a real HTTP transport; a partitioned machine talks to a closed port; the last push is kept to send again


class FlakyTransport(Transport):
    """The engine's transport, keeping the last push it sent and its answer; ``lose_next_answer`` drops the answer of
    the next push after the server has taken it (the reply lost on the way back)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.last_push: tuple[protocol.PushRequest, protocol.PushResponse] | None = None
        self.lose_next_answer = False

    def push(self, request: protocol.PushRequest) -> protocol.PushResponse:
        response = super().push(request)
        self.last_push = (request, response)
        if self.lose_next_answer:
            self.lose_next_answer = False
            raise ServerUnreachable(UNREACHABLE(url=self.base_url, detail="the answer was lost"), code="unreachable")
        return response


@dataclass
class Machine:
    name: str
    centre: str  # the centre's code on the server
    profile: Path
    db: Database
    staff: dict[str, object]
    online: FlakyTransport
    offline: FlakyTransport  # the same device, pointed at a port nobody listens on
    skew: timedelta = timedelta(0)
    partitioned: bool = False
    deferrals_seen: dict[uuid.UUID, dict] = field(default_factory=dict)
    status_seen: dict[uuid.UUID, str] = field(default_factory=dict)

    def sync(self):
        transport = self.offline if self.partitioned else self.online
        return SyncEngine(self.db, transport).run_cycle()


def _fresh_profile(template: Path, folder: Path) -> Path:
    """A copy of the migrated template with no device row (open_profile makes one with a new device id)."""
    folder.mkdir(parents=True)
    shutil.copyfile(template, folder / DATABASE_FILE)
    with sqlite3.connect(folder / DATABASE_FILE) as connection:
        connection.execute("DELETE FROM device_state")
    return folder


def _transport(url: str, device_id: uuid.UUID, profile: Path, retries: int) -> FlakyTransport:
    store = credential_store(profile)
    return FlakyTransport(url, device_id, lambda: store.load_secret(device_id), retries=retries)


# ---------------------------------------------------------------------------------------------------------------------
# the work waiting on a machine, by kind: each rule works on one of these records (ids, in the order written)

_RETURNED = select(ComponentReturn.issue_id).where(ComponentReturn.voided_at.is_(None))
# Any machine of a centre may take a record's next step, whichever machine wrote it: two machines bleeding one visit,
# separating one bag or verifying one result set clash on a unique key, and the losing machine's row makes way (see
# tests/sync/test_convergence_regressions.py).
_SUPERSEDED = select(LabResultSet.supersedes_id).where(LabResultSet.supersedes_id.is_not(None))
WAITING = {
    # donors of the example's own centres only: every centre sees every other's donor registry, and the server also
    # holds the donors of earlier examples, which must not change what an example does
    "donors": select(Donor.id).where(Donor.voided_at.is_(None), Donor.centre_id.in_(bindparam("centres"))),
    "unscreened": select(Donor.id).where(
        Donor.voided_at.is_(None),
        Donor.centre_id.in_(bindparam("centres")),
        Donor.id.not_in(select(ScreeningVisit.donor_id)),
    ),
    "fit_visits": select(ScreeningVisit.id).where(
        ScreeningVisit.outcome == ScreeningOutcome.ELIGIBLE,
        ScreeningVisit.voided_at.is_(None),
        ScreeningVisit.id.not_in(select(Donation.visit_id)),
    ),
    "untested": select(Donation.id).where(
        Donation.voided_at.is_(None),
        Donation.id.not_in(select(LabResultSet.donation_id)),
    ),
    "unverified": select(LabResultSet.id).where(
        LabResultSet.voided_at.is_(None),
        LabResultSet.id.not_in(_SUPERSEDED),
        LabResultSet.id.not_in(select(LabVerification.result_set_id)),
    ),
    "unseparated": select(Donation.id).where(
        Donation.voided_at.is_(None),
        Donation.id.not_in(select(Component.donation_id)),
    ),
    "available": select(Component.id).where(Component.status == S.AVAILABLE),
    "open_requests": select(BloodRequest.id).where(
        BloodRequest.status == RequestStatus.OPEN, BloodRequest.voided_at.is_(None)
    ),
    "out_on_issue": select(Issue.id).where(Issue.voided_at.is_(None), Issue.id.not_in(_RETURNED)),
    "units": select(Component.id).where(Component.status.not_in([S.DISCARDED, S.TRANSFUSED])),
}


# ---------------------------------------------------------------------------------------------------------------------
# the machine


class Centres(RuleBasedStateMachine):
    def __init__(self, server: CentralServer, template: Path, folder: Path, number: int) -> None:
        super().__init__()
        self.server = server
        self.template = template
        self.folder = folder
        self.number = number
        self.machines: dict[str, Machine] = {}
        self.clock = START
        self.params: dict[str, list[uuid.UUID]] = {"centres": []}
        self.mobiles = itertools.count(9800000001 + number * 1000)
        self.work: dict[str, set[str]] = {kind: set() for kind in WAITING}
        self.count: Counter[str] = Counter()
        self.steps = 0
        # No swarm testing (as in tests/services/test_safety_invariants.py): a unit reaches a patient only after
        # some eight desks have each taken a step in turn, and an example with a desk switched off never gets there.
        if hasattr(self, "_rules_strategy") and hasattr(self._rules_strategy, "enabled_rules_strategy"):
            self._rules_strategy.enabled_rules_strategy = st.just(FeatureFlags())

    # --- set-up -------------------------------------------------------------------------------------------------------

    @initialize()
    def enrol_machines(self):
        codes = {}
        for index, letter in enumerate(sorted({centre for _name, centre in MACHINES})):
            code = f"T{self.number:03d}-{letter}"
            fin = f"G{(self.number * 3 + index) % 10000:04d}"
            self.server.add_centre(code, f"Centre {letter} of example {self.number}", fin)
            codes[letter] = code
        for name, letter in MACHINES:
            code = codes[letter]
            profile = _fresh_profile(self.template, self.folder / name)
            enrol(profile, self.server.url, code, self.server.new_enrolment(code))
            db = open_profile(profile)
            with db.read() as session:
                device_id = session.get(DeviceState, 1).device_id
            staff = {who: accounts.authenticate(db, f"{code.lower()}-{who}", PASSWORD) for who in STAFF_ROLES}
            self.machines[name] = Machine(
                name,
                code,
                profile,
                db,
                staff,
                online=_transport(self.server.url, device_id, profile, retries=3),
                offline=_transport(f"http://127.0.0.1:{free_port()}", device_id, profile, retries=0),
            )
            with db.read() as session:
                self.params["centres"].append(session.get(DeviceState, 1).centre_id)
        self._look_around()

    def teardown(self):
        event(f"steps: {self.steps // 10 * 10}-{self.steps // 10 * 10 + 9}")
        try:
            if len(self.machines) == len(MACHINES):
                self._converge_and_compare()
        finally:
            for machine in self.machines.values():
                machine.db.dispose()

    # --- how a piece of work is done --------------------------------------------------------------------------------

    def _next_machine(self, where: str, suits) -> Machine:
        """``where``, or the next machine after it that ``suits``."""
        names = NAMES[NAMES.index(where) :] + NAMES[: NAMES.index(where)]
        return next(self.machines[name] for name in names if suits(self.machines[name]))

    def _may(self, kind: str) -> bool:
        """Whether a rule of ``kind`` may still run in this example (each at most LIMITS[kind] times), counting it:
        without limits the network and the odd desk take most steps, and few units ever reach a patient."""
        return self.count[kind] < LIMITS[kind]

    def _now(self, machine: Machine) -> datetime:
        return self.clock + machine.skew

    def _attempt(self, name: str, machine: Machine, who: str, action, now: datetime | None = None):
        """``action(uow)`` as ``who`` on ``machine``, at the machine's (skewed) time. A refusal leaves no trace."""
        self.clock += STEP
        before = _fingerprint(machine.db)
        try:
            with machine.db.unit_of_work(machine.staff[who], now or self._now(machine)) as uow:
                outcome = action(uow)
        except DomainError as refusal:
            event(f"{name}: refused ({refusal.code})")
            assert _fingerprint(machine.db) == before, f"{name} was refused ({refusal.code}) but the database changed"
            return None
        event(f"{name}: done")
        return outcome

    def _choose(self, kind: str, where: str, pick: int) -> tuple[Machine, uuid.UUID]:
        """The machine to work on (``where``, or the next one that has work of this kind) and the record: the
        ``pick``-th of those waiting there, in the order the machine wrote or pulled them."""
        names = [name for name in NAMES[NAMES.index(where) :] + NAMES[: NAMES.index(where)] if name in self.work[kind]]
        machine = self.machines[names[0]]
        with machine.db.read() as session:
            ids = list(session.scalars(WAITING[kind].order_by(text("rowid")), self.params))
        return machine, ids[pick % len(ids)]

    def _look_around(self) -> None:
        """Which machines have work of each kind (the rules' preconditions)."""
        self.work = {kind: set() for kind in WAITING}
        for machine in self.machines.values():
            with machine.db.read() as session:
                for kind, query in WAITING.items():
                    if session.scalar(select(exists(query)), self.params):
                        self.work[kind].add(machine.name)

    # --- donors -----------------------------------------------------------------------------------------------------

    @precondition(lambda self: self._may("register"))
    @rule(where=st.sampled_from(NAMES), given=st.sampled_from(["Ravi", "Sunita", "Arjun"]), sex=st.sampled_from("MF"))
    def register_donor(self, where, given, sex):
        self.count["register"] += 1
        machine = self.machines[where]
        form = donors.DonorForm(
            given_name=given,
            family_name="Kumar",
            sex=sex,
            date_of_birth=date(1990, 5, 17),
            mobile=str(next(self.mobiles)),
            consent=True,
        )
        self._attempt(
            "register", machine, "registrar", lambda uow: donors.register_donor(uow, form, acknowledged_duplicates=True)
        )

    @precondition(lambda self: self.work["unscreened"])
    @rule(where=st.sampled_from(NAMES), pick=PICK, fit=st.sampled_from([True, True, True, False]))
    def screen_donor(self, where, pick, fit):
        """A donor not yet screened anywhere the machine knows of (of another centre too, from the shared registry):
        fit, or anaemic today (which defers the donor)."""
        machine, donor_id = self._choose("unscreened", where, pick)
        with machine.db.read() as session:
            sex = session.get(Donor, donor_id).sex
        form = _screening_form(None if fit else "anaemic", sex)
        self._attempt("screen", machine, "medical_officer", lambda uow: screening.screen(uow, donor_id, form))

    @precondition(lambda self: self.work["donors"] and self._may("defer"))
    @rule(where=st.sampled_from(NAMES), pick=PICK, permanent=st.booleans(), days=st.sampled_from([2, 90]))
    def defer_donor(self, where, pick, permanent, days):
        self.count["defer"] += 1
        machine, donor_id = self._choose("donors", where, pick)
        until = None if permanent else donors.local_date(self._now(machine) + STEP) + timedelta(days=days)
        self._attempt(
            "defer",
            machine,
            "medical_officer",
            lambda uow: screening.defer_donor(
                uow, donor_id, "MO_DECISION", permanent=permanent, until=until, detail="Medical officer's decision"
            ),
        )

    # --- collection and laboratory ----------------------------------------------------------------------------------

    @precondition(lambda self: self.work["fit_visits"])
    @rule(where=st.sampled_from(NAMES), pick=PICK)
    def collect_blood(self, where, pick):
        """Bleed a donor found fit and not yet bled: eight minutes of bleeding, ending by now."""
        machine, visit_id = self._choose("fit_visits", where, pick)
        now = self._now(machine) + STEP
        with machine.db.read() as session:
            start = max(session.get(ScreeningVisit, visit_id).visited_at, now - timedelta(minutes=10))
        form = collection.CollectionForm(
            bag_type=BagType.QUADRUPLE_SAGM,
            bag_volume_ml=450,
            collected_volume_ml=452,
            bleed_start=start,
            bleed_end=start + timedelta(minutes=8),
        )
        self._attempt("collect", machine, "phlebotomist", lambda uow: collection.collect(uow, visit_id, form), now)

    @precondition(lambda self: self.work["untested"])
    @rule(
        where=st.sampled_from(NAMES),
        pick=PICK,
        reactive=st.sampled_from([False, False, False, True]),
        technician=st.sampled_from(["lab_technician", "lab_technician_2"]),
    )
    def enter_results(self, where, pick, reactive, technician):
        """The first results of a donation the machine holds without any (clean, or HIV reactive). The grouping
        shows the donor's own group, the same at every centre (derived from the donor's mobile number here): two
        centres finding one donor in different groups is a discrepancy of its own, not what this machine explores."""
        machine, donation_id = self._choose("untested", where, pick)
        with machine.db.read() as session:
            mobile = session.scalar(
                select(Donor.mobile).join(Donation, Donation.donor_id == Donor.id).where(Donation.id == donation_id)
            )
        group = GROUPS[int(mobile) % len(GROUPS)]
        form = _result_form(group, ("hiv", TtiResult.REACTIVE) if reactive else None, None)
        event(f"enter results: {'reactive' if reactive else 'clean'}")
        self._attempt("enter results", machine, technician, lambda uow: lab.record_results(uow, donation_id, form))

    @precondition(lambda self: self.work["unverified"])
    @rule(where=st.sampled_from(NAMES), pick=PICK)
    def verify_results(self, where, pick):
        """A second technician verifies current results waiting for it."""
        machine, results_id = self._choose("unverified", where, pick)
        with machine.db.read() as session:
            entered_by = session.get(LabResultSet, results_id).entered_by_id
        second = "lab_technician_2" if entered_by == machine.staff["lab_technician"].user_id else "lab_technician"
        self._attempt("verify", machine, second, lambda uow: lab.verify(uow, results_id))

    @precondition(lambda self: self.work["unseparated"])
    @rule(where=st.sampled_from(NAMES), pick=PICK)
    def separate(self, where, pick):
        """Red cells and plasma from a donation without components (released at once if the lab has cleared it)."""
        machine, donation_id = self._choose("unseparated", where, pick)
        self._attempt(
            "separate",
            machine,
            "component_technician",
            lambda uow: components.separate(uow, donation_id, [("PRBC_SAGM", 280), ("FFP", 220)]),
        )

    # --- the issue counter ------------------------------------------------------------------------------------------

    @precondition(lambda self: self.work["available"])
    @rule(where=st.sampled_from(NAMES), pick=PICK, units=st.sampled_from([1, 1, 2]))
    def receive_request(self, where, pick, units):
        """A request for a patient of the group and for the component of a unit in stock (red cells: an emergency)."""
        machine, unit_id = self._choose("available", where, pick)
        with machine.db.read() as session:
            unit = session.get(Component, unit_id)
            code, group = unit.code, unit.blood_group
        urgency = Urgency.EMERGENCY if catalogue.component(code).kind in RED_CELLS else Urgency.ROUTINE
        form = _request_form(code, group, "F", 41, units, urgency, False)
        self._attempt("request", machine, "issue_counter", lambda uow: transfusion.create_request(uow, form))

    @precondition(lambda self: self.work["open_requests"])
    @rule(where=st.sampled_from(NAMES), pick=PICK, unit_pick=PICK, matching=st.sampled_from([True, True, False]))
    def issue_unit(self, where, pick, unit_pick, matching):
        """Issue a unit for an open request: one of the requested component and group (or any unit the machine
        sees in stock, which the services must refuse when wrong), even one another machine is issuing now."""
        machine, request_id = self._choose("open_requests", where, pick)
        with machine.db.read() as session:
            request = session.get(BloodRequest, request_id)
            query = select(Component.id).where(Component.status.in_(IN_STOCK))
            if matching:
                query = query.where(
                    Component.code == request.component_code, Component.blood_group == request.patient_group
                )
            units = list(session.scalars(query.order_by(text("rowid"))))
        if not units:
            event("issue: nothing in stock for the request")
            return
        unit_id = units[unit_pick % len(units)]
        self._attempt(
            "issue",
            machine,
            "issue_counter",
            lambda uow: transfusion.issue(uow, request_id, unit_id, "Ward attendant Ramesh"),
        )

    @precondition(lambda self: {"desk", "camp"} & self.work["available"] and self._may("race"))
    @rule(unit_pick=PICK, first=st.sampled_from(["desk", "camp"]))
    def issue_the_same_unit_on_two_machines(self, unit_pick, first):
        """The desk and the camp laptop of one centre sync (if their links are up); the desk receives a request for
        a unit both show in stock; both sync again, and then each issues the unit for that request before either
        syncs again. The server takes the first issue to arrive and refuses the second, which comes back as a dead
        letter, its issue voided on that machine."""
        self.count["race"] += 1
        desk, camp = self.machines["desk"], self.machines["camp"]
        for machine in (desk, camp, desk, camp):
            with contextlib.suppress(ServerUnreachable):
                machine.sync()
        shown = []
        for machine in (desk, camp):
            with machine.db.read() as session:
                shown.append(list(session.scalars(WAITING["available"].order_by(text("rowid")))))
        units = [unit for unit in shown[0] if unit in shown[1]]
        if not units:
            event("race: no unit both machines show")
            return
        unit_id = units[unit_pick % len(units)]
        with desk.db.read() as session:
            unit = session.get(Component, unit_id)
            code, group = unit.code, unit.blood_group
        urgency = Urgency.EMERGENCY if catalogue.component(code).kind in RED_CELLS else Urgency.ROUTINE
        form = _request_form(code, group, "M", 52, 1, urgency, False)
        made = self._attempt("race: request", desk, "issue_counter", lambda uow: transfusion.create_request(uow, form))
        if made is None:
            return
        for machine in (desk, camp):
            with contextlib.suppress(ServerUnreachable):
                machine.sync()
        for name in (first, "camp" if first == "desk" else "desk"):
            self._attempt(
                "race: issue",
                self.machines[name],
                "issue_counter",
                lambda uow: transfusion.issue(uow, made.request_id, unit_id, "Ward attendant Ramesh"),
            )

    @precondition(lambda self: self.work["out_on_issue"])
    @rule(where=st.sampled_from(NAMES), pick=PICK, intact=st.booleans())
    def return_unit(self, where, pick, intact):
        """A unit comes back from the ward (kept cold and sealed, or not)."""
        machine, issue_id = self._choose("out_on_issue", where, pick)
        self._attempt(
            "return",
            machine,
            "issue_counter",
            lambda uow: transfusion.return_unit(
                uow, issue_id, returned_at=uow.now, cold_chain_maintained=intact, seal_intact=True, reason="Not used"
            ),
        )

    @precondition(lambda self: self.work["units"] and self._may("discard"))
    @rule(where=st.sampled_from(NAMES), pick=PICK)
    def discard_unit(self, where, pick):
        """Any unit the machine sees that is not yet discarded or transfused (the services refuse an issued one)."""
        self.count["discard"] += 1
        machine, unit_id = self._choose("units", where, pick)
        self._attempt(
            "discard",
            machine,
            "component_technician",
            lambda uow: components.discard(uow, unit_id, DiscardReason.LEAKED_OR_DAMAGED, "Bag leaking at the seam"),
        )

    # --- the network and the clocks ---------------------------------------------------------------------------------

    @rule(where=st.sampled_from(NAMES))
    def sync(self, where):
        machine = self.machines[where]
        try:
            summary = machine.sync()
        except ServerUnreachable:
            assert machine.partitioned, f"{where} could not reach the server although it is online"
            event("sync: unreachable (partitioned)")
            return
        assert not machine.partitioned, f"{where} synced although partitioned"
        event(f"sync: done{' with rejections' if summary.rejected else ''}")

    @precondition(lambda self: self._may("partition"))
    @rule(where=st.sampled_from(NAMES))
    def partition(self, where):
        """The machine loses its link (its syncs fail; its work queues up)."""
        self.count["partition"] += 1
        self.machines[where].partitioned = True
        event("partition")

    @precondition(lambda self: any(m.partitioned for m in self.machines.values()))
    @rule(where=st.sampled_from(NAMES))
    def heal(self, where):
        """The link of a machine that lost it (this one, or the next one that did) comes back."""
        self._next_machine(where, lambda m: m.partitioned).partitioned = False
        event("heal")

    @precondition(lambda self: self._may("duplicate") and any(m.online.last_push for m in self.machines.values()))
    @rule(where=st.sampled_from(NAMES))
    def duplicate_delivery(self, where):
        """The machine's last push request arrives at the server again, byte for byte: the server answers it from
        its op log as it answered it the first time, and applies nothing."""
        self.count["duplicate"] += 1
        machine = self._next_machine(where, lambda m: m.online.last_push is not None)
        request, answered = machine.online.last_push
        before = _server_state(self.server)
        again = machine.online.push(request)
        assert again.results == answered.results, f"a replayed push of {where} was answered differently"
        assert _server_state(self.server) == before, f"a replayed push of {where} changed the server"
        event("duplicate delivery")

    @precondition(lambda self: self._may("lose_answer") and not all(m.partitioned for m in self.machines.values()))
    @rule(where=st.sampled_from(NAMES))
    def lose_the_answer(self, where):
        """The machine syncs, the server takes its ops, and the answer never arrives: the engine sends them again."""
        self.count["lose_answer"] += 1
        machine = self._next_machine(where, lambda m: not m.partitioned)
        machine.online.lose_next_answer = True
        try:
            machine.sync()
        except ServerUnreachable:
            event("lost answer: ops to be sent again")
        else:
            event("lost answer: nothing was pushed")
        machine.online.lose_next_answer = False

    @precondition(lambda self: self._may("skew"))
    @rule(where=st.sampled_from(NAMES), hours=st.integers(-24, 24))
    def clock_skew(self, where, hours):
        self.count["skew"] += 1
        self.machines[where].skew = timedelta(hours=hours)
        event("clock skew")

    # --- invariants, on every machine's own database ----------------------------------------------------------------

    @invariant()
    def safety_rules_hold_on_every_machine(self):
        self.steps += 1
        self._look_around()
        for machine in self.machines.values():
            with machine.db.read() as session:
                _stock_is_backed_by_verified_clean_results(session, machine.name)
                _no_unit_out_on_two_issues(session, machine.name)
                _every_issue_was_safe(session, machine.name)
                _nothing_usable_from_a_reactive_donation(session, machine.name)
                now_stored = {row.id: row_fields(row, _DEFERRAL_FACTS) for row in session.scalars(select(Deferral))}
            for deferral_id, fields in machine.deferrals_seen.items():
                assert deferral_id in now_stored, f"{machine.name}: deferral {fields['reason_code']} disappeared"
                assert now_stored[deferral_id] == fields, f"{machine.name}: deferral {fields['reason_code']} changed"
            machine.deferrals_seen.update(now_stored)

    # --- the end of an example --------------------------------------------------------------------------------------

    def _converge_and_compare(self):
        for machine in self.machines.values():
            machine.partitioned = False
        for _round in range(MAX_ROUNDS):
            summaries = [machine.sync() for machine in self.machines.values()]
            if all(s.caught_up and s.pushed == 0 and s.rejected == 0 and s.pulled == 0 for s in summaries):
                break
        else:
            raise AssertionError(f"the replicas did not settle in {MAX_ROUNDS} rounds of syncs")
        self.safety_rules_hold_on_every_machine()

        everywhere = {}
        fresh: dict[str, dict] = {}
        for machine in self.machines.values():
            if machine.centre not in fresh:
                fresh[machine.centre] = self._fresh_view(machine.centre)
            own, refused = _snapshot(machine.db)
            expected = fresh[machine.centre]
            for entity in expected:
                mine = {row_id: row for row_id, row in own[entity].items() if row_id not in refused}
                missing = expected[entity].keys() - mine.keys()
                extra = mine.keys() - expected[entity].keys()
                assert not missing and not extra, (
                    f"{machine.name}: {entity} differs from the server's view: {len(missing)} missing, {len(extra)} "
                    f"not on the server"
                )
                for row_id, row in mine.items():
                    assert row == expected[entity][row_id], f"{machine.name}: {entity} {row_id} differs from the server"
            for row_id in refused:  # what the server refused stays here, voided if it can be, and listed
                held_as = [(entity, rows[row_id]) for entity, rows in own.items() if row_id in rows]
                for model, row in held_as:
                    if not issubclass(_MODELS[model], Voidable):
                        continue
                    assert row["voided_at"] is not None, f"{machine.name}: a refused {model} row stands"

            everywhere.update({row_id: machine.name for row_id in own["deferrals"]})
        for machine in self.machines.values():
            with machine.db.read() as session:
                held = set(session.scalars(select(Deferral.id)))
            lost = set(everywhere) - held
            assert not lost, f"{machine.name} lacks {len(lost)} deferrals made on {sorted(set(everywhere.values()))}"
        self._server_has_no_unit_out_twice()
        self._every_refusal_is_a_dead_letter()

    def _fresh_view(self, centre: str) -> dict[str, dict]:
        """What the server gives a machine enrolled now at ``centre``: its whole scope."""
        profile = _fresh_profile(self.template, self.folder / f"fresh-{centre}")
        enrol(profile, self.server.url, centre, self.server.new_enrolment(centre))
        db = open_profile(profile)
        try:
            view, refused = _snapshot(db)
            assert not refused
            return view
        finally:
            db.dispose()

    def _server_has_no_unit_out_twice(self):
        with _central(self.server) as session:
            rows = session.scalars(select(StoredRow).where(StoredRow.entity.in_(["issues", "component_returns"])))
            issues, returned = {}, set()
            for row in rows:
                if row.fields.get("voided_at") is not None:
                    continue
                if row.entity == "issues":
                    issues[str(row.id)] = row.fields["component_id"]
                else:
                    returned.add(row.fields["issue_id"])
            out: dict[str, int] = {}
            for issue_id, component_id in issues.items():
                if issue_id not in returned:
                    out[component_id] = out.get(component_id, 0) + 1
            twice = [component for component, count in out.items() if count > 1]
            assert not twice, f"the server has {len(twice)} units out on two issues at once"

    def _every_refusal_is_a_dead_letter(self):
        with _central(self.server) as session:
            for machine in self.machines.values():
                with machine.db.read() as local:
                    device_id = local.get(DeviceState, 1).device_id
                    letters = set(local.scalars(select(DeadLetter.op_seq)))
                    refused_locally = set(
                        local.scalars(select(OutboxOp.op_seq).where(OutboxOp.state == OpState.REJECTED))
                    )
                    pending = local.scalar(
                        select(func.count()).select_from(OutboxOp).where(OutboxOp.state == OpState.PENDING)
                    )
                refused = set(
                    session.scalars(
                        select(OpLogEntry.op_seq).where(
                            OpLogEntry.device_id == device_id, OpLogEntry.status == "rejected"
                        )
                    )
                )
                assert pending == 0, f"{machine.name} still has {pending} ops to push"
                assert refused == letters == refused_locally, (
                    f"{machine.name}: the server refused ops {sorted(refused - letters)} that are not dead letters"
                )
                if letters:
                    event("end: dead letters")


# ---------------------------------------------------------------------------------------------------------------------
# reading a machine's database and the server's


_MODELS = {model.__tablename__: model for model in SYNCED_MODELS}
_DEFERRAL_FACTS = ("id", "donor_id", "reason_code", "permanent", "starts_on", "until", "decided_by_id", "created_at")
"""What a deferral says, everywhere alike (another centre's copy lacks the links to the visit and the donation)."""


def _fingerprint(db: Database) -> tuple:
    with db.read() as session:
        counts = tuple(session.scalar(select(func.count()).select_from(m)) for m in SYNCED_MODELS)
        state = session.get(DeviceState, 1)
        return (*counts, state.last_op_seq, state.audit_seq, state.audit_head)


def _snapshot(db: Database) -> tuple[dict[str, dict], set[uuid.UUID]]:
    """Every pulled entity's rows as plain values, and the ids of rows whose insert the server refused."""
    with db.read() as session:
        tables = {m.__tablename__: {r.id: row_fields(r) for r in session.scalars(select(m))} for m in COMPARED}
        refused = set(session.scalars(select(DeadLetter.row_id).where(DeadLetter.kind == "insert")))
    return tables, refused


def _server_state(server: CentralServer) -> tuple:
    with _central(server) as session:
        return (
            session.scalar(select(Sequence.last_seq)),
            session.scalar(select(func.count()).select_from(StoredRow)),
            session.scalar(select(func.count()).select_from(OpLogEntry)),
            tuple(session.execute(select(ServerDevice.id, ServerDevice.last_op_seq).order_by(ServerDevice.id))),
        )


_CENTRAL: dict[str, CentralDatabase] = {}


def _central(server: CentralServer):
    if server.database not in _CENTRAL:
        _CENTRAL[server.database] = CentralDatabase(server.database)
    return _CENTRAL[server.database].read()


def _current_results(session, donation_id: uuid.UUID) -> LabResultSet | None:
    return components.current_results(session, donation_id)


def _verified_clean(session, results: LabResultSet) -> bool:
    verified = session.scalar(
        select(LabVerification.id).where(
            LabVerification.result_set_id == results.id, LabVerification.verified_by_id != results.entered_by_id
        )
    )
    clean = all(getattr(results, m) == TtiResult.NON_REACTIVE for m in TTI_MARKERS)
    return verified is not None and clean and results.interpreted_group is not None


def _stock_is_backed_by_verified_clean_results(session, where: str) -> None:
    """A unit in stock has no release blocker: current results verified by a second technician, all clear, with
    the group on its label."""
    for unit in session.scalars(select(Component).where(Component.status.in_(IN_STOCK))):
        blockers = components.release_blockers(session, unit)
        assert not blockers, f"{where}: {unit.status} unit {unit.din} {unit.code} has release blockers: {blockers}"
        results = _current_results(session, unit.donation_id)
        assert results is not None and _verified_clean(session, results), f"{where}: unit {unit.din} not cleared"
        assert results.interpreted_group == unit.blood_group, f"{where}: unit {unit.din} labelled with another group"


def _no_unit_out_on_two_issues(session, where: str) -> None:
    """A unit issued or transfused is out on exactly one standing issue (one not voided and not returned); any
    other unit on none."""
    returned = select(ComponentReturn.issue_id).where(ComponentReturn.voided_at.is_(None))
    out: dict[uuid.UUID, int] = {}
    for component_id in session.scalars(
        select(Issue.component_id).where(Issue.voided_at.is_(None), Issue.id.not_in(returned))
    ):
        out[component_id] = out.get(component_id, 0) + 1
    twice = [component_id for component_id, count in out.items() if count > 1]
    assert not twice, f"{where}: {len(twice)} units are out on two issues at once"
    for unit in session.scalars(select(Component)):
        expected = 1 if unit.status in OUT_ON_ISSUE else 0
        assert out.get(unit.id, 0) == expected, (
            f"{where}: {unit.status} unit {unit.din} {unit.code} is out on {out.get(unit.id, 0)} standing issues"
        )


def _every_issue_was_safe(session, where: str) -> None:
    """Every standing issue: a released unit (labelled with a group), unexpired when issued, of a donation with
    results verified clean by a second technician for that group, compatible with the patient, as requested."""
    for issue in session.scalars(select(Issue).where(Issue.voided_at.is_(None))):
        unit = session.get(Component, issue.component_id)
        request = session.get(BloodRequest, issue.request_id)
        assert unit is not None and request is not None, f"{where}: an issue of a unit or request it does not hold"
        what = f"{where}: issue of {unit.din} {unit.code} to a {request.patient_group} patient"
        assert unit.blood_group is not None, f"{what}: the unit was never released"
        assert issue.issued_at < unit.expires_at, f"{what}: issued after expiry"
        cleared = [
            results
            for results in session.scalars(select(LabResultSet).where(LabResultSet.donation_id == unit.donation_id))
            if _verified_clean(session, results) and results.interpreted_group == unit.blood_group
        ]
        assert cleared, f"{what}: no results verified clean for group {unit.blood_group}"
        assert unit.code == request.component_code, f"{what}: {request.component_code} was requested"
        kind = catalogue.component(unit.code).kind
        assert compatibility.is_compatible(
            kind,
            unit.blood_group,
            request.patient_group,
            patient_sex=request.patient_sex,
            patient_age=request.patient_age_years,
        ), f"{what}: incompatible"


def _nothing_usable_from_a_reactive_donation(session, where: str) -> None:
    """No unit in stock, and none issued, from a donation with verified reactive results. (A unit issued before a
    correction found the donation reactive is a look-back and stays issued; this machine enters a donation's results
    once and never corrects them, so here an issued unit of a reactive donation can only be a safety failure.)"""
    reactive = {
        results.donation_id: verified_at
        for results, verified_at in session.execute(
            select(LabResultSet, LabVerification.verified_at).join(
                LabVerification, LabVerification.result_set_id == LabResultSet.id
            )
        )
        if any(getattr(results, m) in (TtiResult.REACTIVE, TtiResult.INDETERMINATE) for m in TTI_MARKERS)
    }
    if not reactive:
        return
    for unit in session.scalars(select(Component).where(Component.donation_id.in_(reactive))):
        assert unit.status not in (*IN_STOCK, *OUT_ON_ISSUE), (
            f"{where}: {unit.status} unit {unit.din} from a donation with verified reactive results"
        )


# ---------------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    folder = tmp_path_factory.mktemp("central")
    database = f"sqlite:///{folder / 'central.sqlite3'}"
    central_cli(database, "init")
    server = CentralServer(database, folder).start()
    try:
        yield server
    finally:
        server.stop()
        for db in _CENTRAL.values():
            db.dispose()
        _CENTRAL.clear()


_EXAMPLES = itertools.count()


def test_replicas_converge_and_stay_safe_under_any_sync_order(central, migrated_template, tmp_path, request):
    def example() -> Centres:
        number = next(_EXAMPLES)
        return Centres(central, migrated_template, tmp_path / f"example-{number}", number)

    def note_statistics(stats: dict) -> None:
        # a state machine run from a test function is not a @given test, so the plugin does not collect its
        # statistics by itself: hand them to it, so that --hypothesis-show-statistics shows the rules' events
        stats["nodeid"] = request.node.nodeid
        request.node.hypothesis_statistics = describe_statistics(stats)

    with collector.with_value(note_statistics):
        run_state_machine_as_test(
            example,
            settings=settings(
                max_examples=int(os.environ.get("MACHINE_EXAMPLES", "12")),
                stateful_step_count=int(os.environ.get("MACHINE_STEPS", "60")),
                deadline=None,
                phases=[p for p in Phase if p != Phase.shrink or not os.environ.get("MACHINE_NO_SHRINK")],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            ),
        )
