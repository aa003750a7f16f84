"""The safety invariants, checked after every step of random workflows driven through the real services.

A hypothesis state machine plays a blood centre: donors are registered (sometimes twice), screened (sometimes unfit,
sometimes while deferred), deferred by the medical officer, bled, tested (mostly clean, sometimes reactive,
indeterminate or not done, sometimes with a grouping discrepancy or a correction), verified by the same or another
technician, separated, released, requested, crossmatched, reserved, issued (any unit to any request, sometimes with an
RhD override), returned, transfused, discarded and expired, while a simulated clock only moves forward. Every step is
one service call in its own unit of work; nothing is written by hand. A refusal (a DomainError) must leave the
database exactly as it was, and after every step the invariants are read back with a fresh read session.

A desk takes a step only when something waits for it (``DESKS``), mostly the next record in line, so that workflows
get from the donor to the patient within an example; now and then the record the rules must refuse (an expired,
uncleared, incompatible or uncrossmatched unit, a donor deferred since screening, an issued unit to discard), and
otherwise any earlier record from the bundles, so that every guard is probed. Swarm testing is off (see BloodCentre).

The machine found two service bugs, both fixed; each has its regression test, reproduced at its smallest, at the end.
"""

from __future__ import annotations

import itertools
import shutil
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    precondition,
    rule,
    run_state_machine_as_test,
)
from hypothesis.strategies._internal.featureflags import FeatureFlags
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import select, text

from bbms_desktop.errors import DomainError
from bbms_desktop.models import (
    Base,
    BloodRequest,
    Component,
    ComponentReturn,
    Crossmatch,
    Deferral,
    DeviceState,
    Donation,
    Donor,
    Issue,
    LabResultSet,
    LabVerification,
    OutboxOp,
    ScreeningVisit,
    User,
)
from bbms_desktop.models.codec import row_fields
from bbms_desktop.rules import compatibility, component_states, eligibility, shelf_life
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.roles import Action, Role, may
from bbms_desktop.rules.vocabulary import (
    TTI_MARKERS,
    Agglutination,
    BagType,
    ComponentStatus,
    CrossmatchMethod,
    CrossmatchResult,
    DiscardReason,
    RequestStatus,
    ScreeningOutcome,
    TtiResult,
    Urgency,
)
from bbms_desktop.services import accounts, collection, components, donors, lab, screening, transfusion
from bbms_desktop.services.profile import DATABASE_FILE, open_profile
from bbms_desktop.services.uow import Database, verify_audit_chain

from ..conftest import PASSWORD

S = ComponentStatus
P, N, W = Agglutination.POSITIVE, Agglutination.NEGATIVE, Agglutination.WEAK
SEROLOGY = {  # forward anti-A, anti-B, anti-AB; reverse A cells, B cells
    "O": (N, N, N, P, P),
    "A": (P, N, P, N, P),
    "B": (N, P, P, P, N),
    "AB": (P, P, P, N, N),
}
VOLUMES_ML = {"WB_CPDA1": 450, "PRBC_CPDA1": 280, "PRBC_SAGM": 300, "FFP": 200, "PLT_RDP": 60, "CRYO": 20, "CPP": 180}
RED_CELL_KINDS = frozenset({compatibility.RED_CELLS, compatibility.WHOLE_BLOOD})
OUT_ON_AN_ISSUE = frozenset({S.ISSUED, S.TRANSFUSED})
INSERTED = text("rowid")  # the order rows were written in
START = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)  # 09:30 in India
STEP = timedelta(minutes=1)  # every service call happens a minute after the previous one
MAX_DONORS = 3  # a few donors, each followed far along the vein-to-vein chain
MAX_OPEN_REQUESTS = 2
MAX_DEFERRALS_BY_MEDICAL_OFFICER = 2
MAX_CORRECTIONS = 2
MAX_IN_USE_DISCARDS = 2  # tries to discard a unit that is out with the ward, or transfused
GIVEN_NAMES = ("Ravi", "Sunita", "Arjun", "Meena")
FAMILY_NAMES = ("Kumar", "Sharma", "Devi")


def _often(common, *rare):
    """``common`` six times in seven, otherwise one of ``rare`` (shrinks towards ``common``)."""
    return st.sampled_from([common] * (6 * len(rare)) + list(rare))


NEXT_OR_ANY = _often("next_in_line", "any_earlier")
# the issue counter, the component technician and the phlebotomist also try, now and then, a unit (or donor) the
# rules must refuse
NEXT_WRONG_OR_ANY = st.sampled_from(["next_in_line"] * 4 + ["a_wrong_one"] * 3 + ["any_earlier"])

# ---------------------------------------------------------------------------------------------------------------------
# forms

SCREENING_PROBLEMS = (
    "for_350_ml",
    "anaemic",
    "light",
    "hypertensive",
    "febrile",
    "haemoglobin_missing",
    "impossible_pulse",
    "drank_alcohol",
    "recent_tattoo",
    "partner_hiv",
    "question_unanswered",
)
LAB_PROBLEMS = (
    "weak_anti_a",
    "forward_reverse_disagree",
    "o_cells_positive",
    "antibody_positive",
    "antibody_not_done",
    *((m, r) for m in TTI_MARKERS for r in (TtiResult.REACTIVE, TtiResult.INDETERMINATE, TtiResult.NOT_DONE)),
)


def _screening_form(problem: str | None, sex: str) -> screening.ScreeningForm:
    """A medical officer's screening of a fit donor, unless ``problem`` names what is wrong today."""
    answers = {
        q.code: (not q.defers_on if q.kind == eligibility.AnswerKind.YES_NO else None)
        for q in eligibility.applicable_questions(sex, "whole_blood")
    }
    values = dict(
        bag_volume_ml=450,
        weight_kg=68.0,
        haemoglobin_g_dl=14.1,
        systolic_mmhg=122,
        diastolic_mmhg=78,
        pulse_per_min=76,
        pulse_regular=True,
        temperature_c=36.8,
    )
    if problem == "drank_alcohol":
        answers["alcohol_24h"] = True
    elif problem == "recent_tattoo":
        answers["tattoo"] = START.date() - timedelta(days=20)
    elif problem == "partner_hiv":
        answers["hiv_hepatitis_partner"] = True
    elif problem == "question_unanswered":
        answers.pop("feeling_well")
    else:
        values.update(
            {
                None: {},
                "for_350_ml": {"bag_volume_ml": 350},
                "anaemic": {"haemoglobin_g_dl": 11.6},
                "light": {"weight_kg": 49.0},
                "hypertensive": {"systolic_mmhg": 158, "diastolic_mmhg": 96},
                "febrile": {"temperature_c": 38.3},
                "haemoglobin_missing": {"haemoglobin_g_dl": None},
                "impossible_pulse": {"pulse_per_min": 900},
            }[problem]
        )
    return screening.ScreeningForm(donation_type="whole_blood", answers=answers, **values)


def _result_form(group: str, problem: str | tuple[str, str] | None, reason: str | None) -> lab.ResultForm:
    """The worksheet of a donation of ``group``: clean, unless ``problem`` names a grouping or marker problem."""
    anti_a, anti_b, anti_ab, a_cells, b_cells = SEROLOGY[group[:-1]]
    o_cells, antibody_screen = N, "negative"
    markers = {m: lab.MarkerResult(TtiResult.NON_REACTIVE, kit=f"{m}-kit", lot="L1") for m in TTI_MARKERS}
    if problem == "weak_anti_a":
        anti_a = W
    elif problem == "forward_reverse_disagree":
        a_cells, b_cells = b_cells, a_cells
    elif problem == "o_cells_positive":
        o_cells = P
    elif problem == "antibody_positive":
        antibody_screen = "positive"
    elif problem == "antibody_not_done":
        antibody_screen = "not_done"
    elif problem is not None:
        marker, result = problem
        markers[marker] = lab.MarkerResult(result, kit=f"{marker}-kit", lot="L1")
    return lab.ResultForm(
        anti_a=anti_a,
        anti_b=anti_b,
        anti_ab=anti_ab,
        anti_d=P if group.endswith("+") else N,
        a_cells=a_cells,
        b_cells=b_cells,
        o_cells=o_cells,
        antibody_screen=antibody_screen,
        correction_reason=reason,
        **markers,
    )


def _request_form(
    code: str, group: str, sex: str, age: int, units: int, urgency: str, anti_d: bool
) -> transfusion.RequestForm:
    return transfusion.RequestForm(
        patient_name="Kamla Devi",
        patient_sex=sex,
        patient_group=group,
        hospital="Safdarjung Hospital",
        component_code=code,
        units=units,
        urgency=urgency,
        requesting_doctor="Dr. R. Gupta",
        doctor_registration_number="DMC-4567",
        patient_age_years=age,
        patient_has_anti_d=anti_d,
    )


# ---------------------------------------------------------------------------------------------------------------------
# what waits at each desk (read-only; it only chooses which record a step works on, the services decide)


@dataclass(frozen=True, slots=True)
class Waiting:
    """The records waiting at each desk, oldest first. A desk with nothing waiting takes no step."""

    screening: tuple[uuid.UUID, ...] = ()  # donors who have not given blood, not deferred, not yet screened today
    deferred: tuple[uuid.UUID, ...] = ()  # donors with a deferral in force, not yet screened today
    collection: tuple[uuid.UUID, ...] = ()  # today's fit screening visits not yet bled, donor not deferred since
    deferred_at_the_chair: tuple[uuid.UUID, ...] = ()  # today's fit visits not yet bled whose donor is deferred now
    results: tuple[uuid.UUID, ...] = ()  # donations without results
    tested: tuple[uuid.UUID, ...] = ()  # donations with results (which a correction may supersede)
    verification: tuple[uuid.UUID, ...] = ()  # current result sets not yet verified
    separation: tuple[uuid.UUID, ...] = ()  # donations with no components yet, from which some can still be made
    quarantine: tuple[uuid.UUID, ...] = ()  # cleared donations (see _waiting) with a unit in quarantine
    stock: tuple[uuid.UUID, ...] = ()  # available units of cleared donations, first to expire first
    for_discard: tuple[uuid.UUID, ...] = ()  # units marked unsafe or expired
    expired: bool = False  # a unit in quarantine or stock is past its expiry but not marked expired
    open_requests: tuple[uuid.UUID, ...] = ()  # open blood requests
    requests: tuple[uuid.UUID, ...] = ()  # open requests with a unit of the requested component available for them
    to_reserve: tuple[uuid.UUID, ...] = ()  # ... of which an available unit needs no (more) crossmatch to be reserved
    out_on_issue: tuple[uuid.UUID, ...] = ()  # issues whose unit is still out with the ward


def _preparable_now(bag: Donation, now: datetime) -> list[tuple[str, ...]]:
    """The sets of components that can still be made together from this bag (rules.components and shelf life), as
    the component technician would check before separating."""
    minutes = (bag.bleed_end - bag.bleed_start).total_seconds() / 60
    hours = max((now - bag.bleed_end).total_seconds() / 3600, 0)
    fresh = [
        tuple(code for code in option if not shelf_life.is_expired(shelf_life.expiry(code, bag.bleed_end), now))
        for option in catalogue.preparable(bag.bag_type, minutes, hours).options
    ]
    return [option for option in fresh if option]


def _something_to_make(bag: Donation, now: datetime) -> bool:
    return bool(_preparable_now(bag, now + STEP))


def _waiting(session, now: datetime) -> Waiting:
    """Read with plain column queries (this runs before every step, so it is kept cheap), each in the order the rows
    were written: ids are random, and hypothesis must be able to replay a run exactly."""

    def rows(*columns, where=()):
        return session.execute(select(*columns).where(*where).order_by(INSERTED)).all()

    today = donors.local_date(now)
    midnight = datetime.combine(today, time.min).astimezone()  # the centre's day, as donors.local_date counts it
    visits_today = rows(
        ScreeningVisit.id,
        ScreeningVisit.donor_id,
        ScreeningVisit.outcome,
        where=(ScreeningVisit.visited_at >= midnight, ScreeningVisit.visited_at < midnight + timedelta(days=1)),
    )
    deferred_now = {
        d.donor_id
        for d in rows(Deferral.donor_id, Deferral.permanent, Deferral.until)
        if not d.until or today < d.until
    }
    donations = rows(
        Donation.id,
        Donation.visit_id,
        Donation.donor_id,
        Donation.bag_type,
        Donation.bleed_start,
        Donation.bleed_end,
        where=(Donation.voided_at.is_(None),),
    )
    results = rows(
        LabResultSet.id,
        LabResultSet.donation_id,
        LabResultSet.supersedes_id,
        LabResultSet.voided_at,
        LabResultSet.interpreted_group,
    )
    superseded = {r.supersedes_id for r in results}
    verified = {v.result_set_id for v in rows(LabVerification.result_set_id)}
    units = rows(
        Component.id,
        Component.donation_id,
        Component.code,
        Component.status,
        Component.expires_at,
        Component.reserved_for_request_id,
    )
    open_requests = rows(
        BloodRequest.id, BloodRequest.component_code, where=(BloodRequest.status == RequestStatus.OPEN,)
    )
    cleared = {  # current results verified, with a confirmed group
        r.donation_id
        for r in results
        if r.voided_at is None and r.id not in superseded and r.id in verified and r.interpreted_group is not None
    }
    returned = {r.issue_id for r in rows(ComponentReturn.issue_id)}
    compatible_crossmatches = {
        (x.request_id, x.component_id)
        for x in rows(Crossmatch.request_id, Crossmatch.component_id, Crossmatch.result)
        if x.result == CrossmatchResult.COMPATIBLE
    }
    issued_units = {u.id for u in units if u.status == S.ISSUED}
    seen_today = {v.donor_id for v in visits_today}
    bled = {d.visit_id for d in donations}
    donated = {d.donor_id for d in donations}
    at_the_chair = [v for v in visits_today if v.outcome == ScreeningOutcome.ELIGIBLE and v.id not in bled]
    tested = list(dict.fromkeys(r.donation_id for r in results))
    separated = {u.donation_id for u in units}
    return Waiting(
        screening=tuple(
            d.id for d in rows(Donor.id) if d.id not in seen_today and d.id not in deferred_now and d.id not in donated
        ),
        deferred=tuple(d.id for d in rows(Donor.id) if d.id not in seen_today and d.id in deferred_now),
        collection=tuple(v.id for v in at_the_chair if v.donor_id not in deferred_now),
        deferred_at_the_chair=tuple(v.id for v in at_the_chair if v.donor_id in deferred_now),
        results=tuple(d.id for d in donations if d.id not in tested),
        tested=tuple(tested),
        verification=tuple(
            r.id for r in results if r.voided_at is None and r.id not in superseded and r.id not in verified
        ),
        separation=tuple(d.id for d in donations if d.id not in separated and _something_to_make(d, now)),
        quarantine=tuple(
            dict.fromkeys(u.donation_id for u in units if u.status == S.QUARANTINE and u.donation_id in cleared)
        ),
        stock=tuple(
            u.id
            for u in sorted(units, key=lambda u: u.expires_at)
            if u.status == S.AVAILABLE and u.donation_id in cleared
        ),
        for_discard=tuple(u.id for u in units if u.status in (S.UNSAFE, S.EXPIRED)),
        expired=any(u.status in (S.QUARANTINE, S.AVAILABLE, S.RESERVED) and u.expires_at <= now for u in units),
        open_requests=tuple(r.id for r in open_requests),
        requests=tuple(
            r.id
            for r in open_requests
            if any(
                u.code == r.component_code
                and (u.status == S.AVAILABLE or (u.status == S.RESERVED and u.reserved_for_request_id == r.id))
                for u in units
            )
        ),
        to_reserve=tuple(
            r.id
            for r in open_requests
            if any(
                u.code == r.component_code
                and u.status == S.AVAILABLE
                and (catalogue.component(u.code).kind not in RED_CELL_KINDS or (r.id, u.id) in compatible_crossmatches)
                for u in units
            )
        ),
        out_on_issue=tuple(
            i.id
            for i in sorted(rows(Issue.id, Issue.component_id, Issue.issued_at), key=lambda i: i.issued_at)
            if i.component_id in issued_units and i.id not in returned
        ),
    )


DEFECTS = ("expired", "uncleared", "incompatible", "uncrossmatched", "reserved_for_another")


def _likely_unit(session, request_id: uuid.UUID, step: str, now: datetime, defect: str = "expired", keyed=False):
    """The unit an issue counter would pick up for this request at ``step`` (crossmatch, reserve or issue): the
    requested component in stock and not held for another request; compatible first, then compatible but for RhD;
    for a crossmatch one not yet crossmatched, to reserve one crossmatched and not yet reserved, to issue one
    reserved for the request or crossmatched. At step "wrong" one the rules must refuse, for one reason only if it can
    (the ``defect`` of ``DEFECTS`` first, then the others in that order). ``keyed``: with its sort key."""
    request = session.get(BloodRequest, request_id)
    patient = dict(patient_sex=request.patient_sex, patient_age=request.patient_age_years)
    matched = set(
        session.scalars(
            select(Crossmatch.component_id).where(
                Crossmatch.request_id == request.id, Crossmatch.result == CrossmatchResult.COMPATIBLE
            )
        )
    )

    def preference(unit: Component) -> tuple:
        kind = catalogue.component(unit.code).kind
        ours = unit.status == S.RESERVED and unit.reserved_for_request_id == request.id
        compatible = compatibility.is_compatible(kind, unit.blood_group, request.patient_group, **patient)
        but_for_rhd = request.patient_group.endswith("-") and compatibility.is_compatible(
            kind, unit.blood_group, request.patient_group[:-1] + "+", **patient
        )
        crossmatched = unit.id in matched
        if step == "wrong":  # wrong in exactly one way first, so that each guard is probed on its own
            needs_crossmatch = kind in RED_CELL_KINDS and request.urgency != Urgency.EMERGENCY
            defects = (
                unit.expires_at <= now,
                not _cleared(session, unit),
                not (compatible or but_for_rhd),
                needs_crossmatch and not (ours or crossmatched),
                unit.status == S.RESERVED and not ours,
            )
            first = defects.index(True) if any(defects) else len(defects)
            return (sum(defects) != 1, not defects[DEFECTS.index(defect)], first, unit.expires_at)
        ready = {
            "crossmatch": not crossmatched,
            "reserve": unit.status == S.AVAILABLE and (crossmatched or kind not in RED_CELL_KINDS),
            "issue": ours or crossmatched,
        }
        return (
            unit.status == S.RESERVED and not ours,
            not ready[step],
            not _cleared(session, unit),
            not compatible,
            not but_for_rhd,
            unit.expires_at,
        )

    stock = session.scalars(
        select(Component)
        .where(
            Component.code == request.component_code,
            Component.status.in_([S.AVAILABLE, S.RESERVED]),
            Component.blood_group.is_not(None),
        )
        .order_by(INSERTED)
    ).all()
    if not stock:
        return None
    best = min(stock, key=preference)
    return (preference(best), best.id) if keyed else best.id


# When each desk has something to do: its rules are taken only then (and the clock jumps more often only when no desk
# has anything to do, see time_passes).
DESKS = {
    "registration": lambda m: len(m.forms) < MAX_DONORS,
    "deferral": lambda m: m.forms and m.deferrals_by_medical_officer < MAX_DEFERRALS_BY_MEDICAL_OFFICER,
    "screening": lambda m: m.waiting.screening,
    "collection": lambda m: m.waiting.collection or m.waiting.deferred_at_the_chair,
    "results": lambda m: m.waiting.results,
    "correction": lambda m: m.waiting.tested and m.corrections < MAX_CORRECTIONS,
    "verification": lambda m: m.waiting.verification,
    "separation": lambda m: m.waiting.separation,
    "release": lambda m: m.waiting.quarantine,
    "discard": lambda m: m.waiting.for_discard or (m.waiting.out_on_issue and m.in_use_discards < MAX_IN_USE_DISCARDS),
    "expiry": lambda m: m.waiting.expired and m.expiry_marked_on != donors.local_date(m.now),  # once a day
    "requests": lambda m: m.waiting.stock and len(m.waiting.open_requests) < MAX_OPEN_REQUESTS,
    "issue_counter": lambda m: m.waiting.requests,
    "reservation": lambda m: m.waiting.to_reserve,
    "ward": lambda m: m.waiting.out_on_issue,
}


def _without_fsync(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA synchronous=OFF")


# ---------------------------------------------------------------------------------------------------------------------
# the machine


class BloodCentre(RuleBasedStateMachine):
    """One blood centre's database per example, driven only through the services."""

    donors = Bundle("donors")
    visits = Bundle("visits")
    donations = Bundle("donations")
    result_sets = Bundle("result_sets")
    components = Bundle("components")
    requests = Bundle("requests")
    issues = Bundle("issues")

    def __init__(self, template: Path, folder: Path) -> None:
        super().__init__()
        # No swarm testing here. Hypothesis turns about half of a machine's rules off for each example, which finds
        # bugs among many independent features; but a unit reaches a patient only after some nine desks have each
        # taken a step in turn, so with swarm testing few examples could ever issue blood, and an example with
        # screening switched off is spent on the clock alone. (Hypothesis has no setting for this; if its internals
        # change, this line is skipped and the machine still runs, only shallower.)
        if hasattr(self, "_rules_strategy") and hasattr(self._rules_strategy, "enabled_rules_strategy"):
            self._rules_strategy.enabled_rules_strategy = st.just(FeatureFlags())
        self.template = template
        self.folder = folder
        self.db: Database | None = None
        self.now = START
        self.forms: dict[uuid.UUID, donors.DonorForm] = {}
        self.mobiles = itertools.count(9810000001)
        self.deferrals_by_medical_officer = 0
        self.corrections = 0
        self.in_use_discards = 0
        self.waiting = Waiting()
        self.steps_since_time_passed = 0
        self.expiry_marked_on: date | None = None
        self.deferrals_seen: dict[uuid.UUID, dict] = {}
        self.status_seen: dict[uuid.UUID, ComponentStatus] = {}

    # --- set-up, and how every step is taken --------------------------------------------------------------------

    @initialize()
    def set_up_centre_and_staff(self):
        self.folder.mkdir(parents=True)
        shutil.copyfile(self.template, self.folder / DATABASE_FILE)
        self.db = open_profile(self.folder)
        # a test database need not survive a power cut: no fsync at every commit (everything else as in production)
        sqlalchemy_event.listen(self.db.engine, "connect", _without_fsync)
        self.db.engine.dispose()
        _centre, admin = accounts.set_up_standalone(
            self.db,
            code="DL-RKS",
            name="Rakt Kosh Blood Centre, New Delhi",
            fin="G1234",
            admin_username="admin",
            admin_name="Dr. Meera Admin",
            admin_password=PASSWORD,
        )
        people = {
            "registrar": Role.REGISTRAR,
            "medical_officer": Role.MEDICAL_OFFICER,
            "phlebotomist": Role.PHLEBOTOMIST,
            "lab1": Role.LAB_TECHNICIAN,
            "lab2": Role.LAB_TECHNICIAN,
            "component_technician": Role.COMPONENT_TECHNICIAN,
            "issue_counter": Role.ISSUE_COUNTER,
        }
        with self.db.unit_of_work(admin, self.now) as uow:
            self.staff = {
                username: accounts.create_user(
                    uow,
                    username=username,
                    full_name=username.replace("_", " ").title(),
                    role=role,
                    password=PASSWORD,
                    registration_number="DMC-12345" if role == Role.MEDICAL_OFFICER else None,
                )
                for username, role in people.items()
            }
        tables = [t.name for t in Base.metadata.sorted_tables]
        self._fingerprint_sql = text(
            "SELECT "
            + ", ".join(f"(SELECT count(*) FROM {name})" for name in tables)
            + ", (SELECT last_op_seq || ' ' || audit_seq || ' ' || audit_head FROM device_state)"
            + ", (SELECT total(next) FROM number_blocks)"
        )

    def teardown(self):
        if self.db is not None:
            self.db.dispose()

    def _fingerprint(self) -> tuple:
        """Row counts of every table, the device's op and audit counters, and the number blocks' positions."""
        with self.db.read() as session:
            return tuple(session.execute(self._fingerprint_sql).one())

    def _attempt(self, name: str, who: str, action, *, advance: timedelta = STEP):
        """One step: ``action(uow)`` as ``who``, a clock step later. A refusal must leave no trace."""
        self.now += advance
        self.steps_since_time_passed += 1
        before = self._fingerprint()
        try:
            with self.db.unit_of_work(self.staff[who], self.now) as uow:
                outcome = action(uow)
        except DomainError as refusal:
            event(f"{name}: refused ({refusal.code})")
            assert self._fingerprint() == before, f"{name} was refused ({refusal.code}) but the database changed"
            return None
        finally:
            self._look_around()
        event(f"{name}: done")
        return outcome

    def _look_around(self):
        with self.db.read() as session:
            self.waiting = _waiting(session, self.now)

    @staticmethod
    def _choose(pick: str, waiting: tuple[uuid.UUID, ...], drawn: uuid.UUID) -> uuid.UUID:
        return waiting[0] if pick == "next_in_line" and waiting else drawn

    # --- donors -----------------------------------------------------------------------------------------------------

    @precondition(DESKS["registration"])
    @rule(
        target=donors,
        given=st.sampled_from(GIVEN_NAMES),
        family=st.sampled_from(FAMILY_NAMES),
        sex=st.sampled_from(["M", "F"]),
        age=_often(30, 19, 45, 59, 17, 63),
        again=_often(None, 0, 1),
        acknowledged=st.booleans(),
    )
    def register_donor(self, given, family, sex, age, again, acknowledged):
        """A new donor; or (``again``) the same person as an earlier registration, and the duplicate warning."""
        form = donors.DonorForm(
            given_name=given,
            family_name=family,
            sex=sex,
            date_of_birth=date(self.now.year - age, 3, 14),
            mobile=str(next(self.mobiles)),
            consent=True,
        )
        if again is not None and self.forms:
            earlier = list(self.forms.values())
            form = earlier[again % len(earlier)]
        return self._register(form, acknowledged or again is None)

    def _register(self, form, acknowledged):
        done = self._attempt(
            "register",
            "registrar",
            lambda uow: donors.register_donor(uow, form, acknowledged_duplicates=acknowledged),
        )
        if done is None:
            return multiple()
        self.forms[done.id] = form
        return done.id

    @precondition(DESKS["screening"])
    @rule(target=visits, donor=donors, pick=NEXT_WRONG_OR_ANY, problem=_often(None, *SCREENING_PROBLEMS))
    def screen_donor(self, donor, pick, problem):
        """Screen the next donor waiting; or one deferred (who must not be found fit); or any earlier donor."""
        donor = self._choose(pick, self.waiting.screening, donor)
        if pick == "a_wrong_one" and self.waiting.deferred:
            donor = self.waiting.deferred[0]
        form = _screening_form(problem, self.forms[donor].sex)
        done = self._attempt("screen", "medical_officer", lambda uow: screening.screen(uow, donor, form))
        return multiple() if done is None else done.visit_id

    @precondition(DESKS["deferral"])
    @rule(
        donor=donors,
        who=st.sampled_from(["any_donor", "the_donor_at_the_chair"]),
        permanent=_often(False, True),
        days=_often(1, 90, 400, 0),
        code=_often("MO_DECISION", "low hb"),
    )
    def medical_officer_defers_donor(self, donor, who, permanent, days, code):
        """A medical officer's own deferral: of any donor, or of the one just found fit and waiting to be bled."""
        if who == "the_donor_at_the_chair" and self.waiting.collection:
            with self.db.read() as session:
                donor = session.get(ScreeningVisit, self.waiting.collection[0]).donor_id
        until = None if permanent else donors.local_date(self.now + STEP) + timedelta(days=days)
        self.deferrals_by_medical_officer += 1
        self._attempt(
            "defer",
            "medical_officer",
            lambda uow: screening.defer_donor(
                uow, donor, code, permanent=permanent, until=until, detail="Medical officer's decision at review"
            ),
        )

    # --- collection and laboratory ----------------------------------------------------------------------------------

    @precondition(DESKS["collection"])
    @rule(
        target=donations,
        visit=visits,
        pick=NEXT_WRONG_OR_ANY,
        bag_type=_often(BagType.QUADRUPLE_SAGM, BagType.TRIPLE, BagType.DOUBLE, BagType.SINGLE, BagType.QUADRUPLE),
        problem=_often(None, "350_ml_bag", "under_collected", "slow_bleed", "very_slow_bleed"),
    )
    def collect_blood(self, visit, pick, bag_type, problem):
        """Bleed the next donor found fit today; or one deferred since the screening; or any earlier visit."""
        visit = self._choose(pick, self.waiting.collection, visit)
        if pick == "a_wrong_one" and self.waiting.deferred_at_the_chair:
            visit = self.waiting.deferred_at_the_chair[0]
        minutes = {"slow_bleed": 13, "very_slow_bleed": 16}.get(problem, 8)
        start = self.now
        form = collection.CollectionForm(
            bag_type=bag_type,
            bag_volume_ml=350 if problem == "350_ml_bag" else 450,
            collected_volume_ml=300 if problem == "under_collected" else 455,
            bleed_start=start,
            bleed_end=start + timedelta(minutes=minutes),
        )
        done = self._attempt(
            "collect",
            "phlebotomist",
            lambda uow: collection.collect(uow, visit, form),
            advance=timedelta(minutes=minutes + 1),
        )
        return multiple() if done is None else done.id

    @precondition(DESKS["results"])
    @rule(
        target=result_sets,
        donation=donations,
        pick=NEXT_OR_ANY,
        technician=st.sampled_from(["lab1", "lab2"]),
        group=st.sampled_from(compatibility.GROUPS),
        problem=_often(None, *LAB_PROBLEMS),
    )
    def enter_lab_results(self, donation, pick, technician, group, problem):
        """The first results of the next donation waiting (or of any donation: a second entry without a reason)."""
        donation = self._choose(pick, self.waiting.results, donation)
        form = _result_form(group, problem, None)
        done = self._attempt("enter results", technician, lambda uow: lab.record_results(uow, donation, form))
        return multiple() if done is None else done.result_set_id

    @precondition(DESKS["correction"])
    @rule(
        target=result_sets,
        donation=donations,
        technician=st.sampled_from(["lab1", "lab2"]),
        group=st.sampled_from(compatibility.GROUPS),
        problem=_often(None, *LAB_PROBLEMS),
        give_reason=_often(True, False),
    )
    def correct_lab_results(self, donation, technician, group, problem, give_reason):
        """A correction of a donation's results (before or after verification, release, even issue)."""
        form = _result_form(group, problem, "Repeated in duplicate" if give_reason else None)
        self.corrections += 1
        done = self._attempt("correct results", technician, lambda uow: lab.record_results(uow, donation, form))
        return multiple() if done is None else done.result_set_id

    @precondition(DESKS["verification"])
    @rule(results=result_sets, pick=NEXT_OR_ANY, second_person=_often(True, False))
    def verify_lab_results(self, results, pick, second_person):
        results = self._choose(pick, self.waiting.verification, results)
        with self.db.read() as session:
            entered_by = session.get(LabResultSet, results).entered_by_id
        enterer = "lab1" if entered_by == self.staff["lab1"].user_id else "lab2"
        other = "lab2" if enterer == "lab1" else "lab1"
        self._attempt("verify", other if second_person else enterer, lambda uow: lab.verify(uow, results))

    # --- components -------------------------------------------------------------------------------------------------

    @precondition(DESKS["separation"])
    @rule(
        target=components,
        donation=donations,
        pick=NEXT_OR_ANY,
        design=_often(1, 0, 2),
        only_first=_often(False, True),
    )
    def separate_components(self, donation, pick, design, only_first):
        donation = self._choose(pick, self.waiting.separation, donation)

        def separate(uow):
            bag = uow.session.get(Donation, donation)
            designs = catalogue.BAG_YIELDS.value[bag.bag_type]
            if pick == "next_in_line":
                designs = _preparable_now(bag, uow.now) or designs
            codes = designs[design % len(designs)]
            parts = [(code, VOLUMES_ML[code]) for code in codes[: 1 if only_first else None]]
            return components.separate(uow, donation, parts, storage_location="Fridge 2")

        done = self._attempt("separate", "component_technician", separate)
        return multiple() if done is None else multiple(*(unit.id for unit in done))

    @precondition(DESKS["release"])
    @rule(donation=donations, pick=NEXT_OR_ANY)
    def release_donation(self, donation, pick):
        donation = self._choose(pick, self.waiting.quarantine, donation)
        self._attempt("release", "component_technician", lambda uow: components.release_donation(uow, donation))

    @precondition(DESKS["discard"])
    @rule(
        unit=components,
        pick=NEXT_WRONG_OR_ANY,
        which=st.integers(0, 3),
        reason=_often("as_marked", DiscardReason.LEAKED_OR_DAMAGED, DiscardReason.EXPIRED, DiscardReason.OTHER),
        detail=_often(None, "Bag punctured in the centrifuge"),
    )
    def discard_unit(self, unit, pick, which, reason, detail):
        """Discard the next unit marked unsafe or expired; or one out with the ward (only a failed return may discard
        it) or transfused; or any earlier unit."""
        unit = self._choose(pick, self.waiting.for_discard, unit)
        if pick == "a_wrong_one" or (pick == "next_in_line" and not self.waiting.for_discard):
            self.in_use_discards += 1
            with self.db.read() as session:
                in_use = session.scalars(
                    select(Component.id).where(Component.status.in_(OUT_ON_AN_ISSUE)).order_by(INSERTED)
                ).all()
            unit = in_use[which % len(in_use)] if in_use else unit
        if reason == "as_marked":
            with self.db.read() as session:
                marked_expired = session.get(Component, unit).status == S.EXPIRED
            reason = DiscardReason.EXPIRED if marked_expired else DiscardReason.TTI_REACTIVE
        self._attempt("discard", "component_technician", lambda uow: components.discard(uow, unit, reason, detail))

    @precondition(DESKS["expiry"])
    @rule()
    def mark_expired_units(self):
        """The day's housekeeping (so until it runs, expired units still stand in stock, as they would)."""
        self.expiry_marked_on = donors.local_date(self.now + STEP)
        self._attempt("expire", "component_technician", components.expire_due)

    @precondition(
        lambda self: self.steps_since_time_passed >= 2 or not any(has_work(self) for has_work in DESKS.values())
    )
    @rule(unit=st.sampled_from(["minutes", "hours", "days"]), amount=st.integers(1, 45))
    def time_passes(self, unit, amount):
        """The clock jumps: after two steps of work at least, unless no desk has anything to do."""
        self.now += timedelta(**{unit: amount})
        self.steps_since_time_passed = 0
        event(f"time passes: {unit}")
        self._look_around()

    # --- the issue counter ------------------------------------------------------------------------------------------

    @precondition(DESKS["requests"])
    @rule(
        target=requests,
        like=components,
        pick=NEXT_OR_ANY,
        which=st.integers(0, 3),
        code=_often("as_the_unit", *VOLUMES_ML),
        group=st.sampled_from(["as_the_unit"] * 10 + ["rhd_negative"] * 2 + list(compatibility.PATIENT_GROUPS)),
        sex=st.sampled_from(["M", "F", "X"]),
        age=_often(35, 8, 19, 52, 70),
        units=_often(1, 2, 3),
        urgency=st.sampled_from(list(Urgency)),
        anti_d=_often(False, True),
    )
    def receive_blood_request(self, like, pick, which, code, group, sex, age, units, urgency, anti_d):
        """A doctor's request, often for the component and group of a unit in stock (so that issues happen)."""
        stock = self.waiting.stock
        like = stock[which % len(stock)] if pick == "next_in_line" and stock else like
        with self.db.read() as session:
            unit = session.get(Component, like)
        if group in ("as_the_unit", "rhd_negative"):
            rhd = "-" if group == "rhd_negative" else None
            labelled = unit.blood_group
            group = compatibility.UNKNOWN if labelled is None else labelled[:-1] + (rhd or labelled[-1])
        form = _request_form(unit.code if code == "as_the_unit" else code, group, sex, age, units, urgency, anti_d)
        done = self._attempt("request", "issue_counter", lambda uow: transfusion.create_request(uow, form))
        return multiple() if done is None else done.request_id

    def _request_and_unit(self, pick, request, unit, step, defect, waiting=None):
        """The next request waiting and the unit the counter would take for it (or the worst one it could take);
        or the drawn request and unit."""
        waiting = self.waiting.requests if waiting is None else waiting
        if pick == "any_earlier" or not waiting:
            return request, unit
        with self.db.read() as session:
            if pick == "next_in_line":
                return waiting[0], _likely_unit(session, waiting[0], step, self.now) or unit
            # the worst unit for any request waiting: wrong in the way asked for, and in that way only, if possible
            candidates = [(r, _likely_unit(session, r, "wrong", self.now, defect, keyed=True)) for r in waiting]
            candidates = [(r, found) for r, found in candidates if found is not None]
            if not candidates:
                return request, unit
            request, (_key, unit) = min(candidates, key=lambda c: c[1][0])
            return request, unit

    @precondition(DESKS["issue_counter"])
    @rule(
        request=requests,
        unit=components,
        pick=NEXT_WRONG_OR_ANY,
        defect=st.sampled_from(DEFECTS),
        method=st.sampled_from(list(CrossmatchMethod)),
        result=_often(CrossmatchResult.COMPATIBLE, CrossmatchResult.INCOMPATIBLE),
    )
    def crossmatch_unit(self, request, unit, pick, defect, method, result):
        request, unit = self._request_and_unit(pick, request, unit, "crossmatch", defect)
        self._attempt(
            "crossmatch", "issue_counter", lambda uow: transfusion.crossmatch(uow, request, unit, method, result)
        )

    @precondition(DESKS["reservation"])
    @rule(request=requests, unit=components, pick=NEXT_WRONG_OR_ANY, defect=st.sampled_from(DEFECTS))
    def reserve_unit(self, request, unit, pick, defect):
        request, unit = self._request_and_unit(pick, request, unit, "reserve", defect, self.waiting.to_reserve)
        self._attempt("reserve", "issue_counter", lambda uow: transfusion.reserve(uow, request, unit))

    @precondition(DESKS["issue_counter"])
    @rule(
        target=issues,
        request=requests,
        unit=components,
        pick=NEXT_WRONG_OR_ANY,
        defect=st.sampled_from(DEFECTS),
        override=_often("if_needed", None, "medical_officer", "issue_counter"),
    )
    def issue_unit(self, request, unit, pick, defect, override):
        """Issue a unit for a request: any unit to any request, or the next request's likely unit; an RhD override
        by the medical officer when the unit needs one, sometimes when it does not, sometimes by the wrong person."""
        request, unit = self._request_and_unit(pick, request, unit, "issue", defect)
        if override == "if_needed":
            override = "medical_officer" if self._rhd_is_the_problem(request, unit) else None
        rhd_override = None
        if override is not None:
            rhd_override = transfusion.RhdOverride(self.staff[override], "Massive bleeding; no RhD-negative red cells")
        done = self._attempt(
            "issue",
            "issue_counter",
            lambda uow: transfusion.issue(uow, request, unit, "Ward attendant Ramesh", rhd_override=rhd_override),
        )
        return multiple() if done is None else done.issue_id

    def _rhd_is_the_problem(self, request_id, unit_id) -> bool:
        with self.db.read() as session:
            request, unit = session.get(BloodRequest, request_id), session.get(Component, unit_id)
            if unit.blood_group is None or not request.patient_group.endswith("-"):
                return False
            kind = catalogue.component(unit.code).kind
            patient = dict(patient_sex=request.patient_sex, patient_age=request.patient_age_years)
            return not compatibility.is_compatible(kind, unit.blood_group, request.patient_group, **patient)

    @precondition(DESKS["ward"])
    @rule(
        issued=issues,
        pick=NEXT_OR_ANY,
        minutes_out=_often(15, 45, 240),
        cold_chain=_often(True, False),
        seal_intact=_often(True, False),
    )
    def receive_return(self, issued, pick, minutes_out, cold_chain, seal_intact):
        issued = self._choose(pick, self.waiting.out_on_issue, issued)
        with self.db.read() as session:
            issued_at = session.get(Issue, issued).issued_at
        back_at = min(issued_at + timedelta(minutes=minutes_out), self.now)
        self._attempt(
            "return",
            "issue_counter",
            lambda uow: transfusion.return_unit(
                uow,
                issued,
                returned_at=back_at,
                cold_chain_maintained=cold_chain,
                seal_intact=seal_intact,
                reason="Patient discharged",
            ),
        )

    @precondition(DESKS["ward"])
    @rule(issued=issues, pick=NEXT_OR_ANY)
    def confirm_transfused(self, issued, pick):
        issued = self._choose(pick, self.waiting.out_on_issue, issued)
        self._attempt("transfused", "issue_counter", lambda uow: transfusion.confirm_transfused(uow, issued))

    # --- invariants -------------------------------------------------------------------------------------------------

    @invariant()
    def released_units_are_backed_by_verified_clean_results(self):
        # Rule 1: a unit in stock (available or reserved) has no release blocker: its donation's current results are
        # verified by a second technician, all five markers non-reactive, the group confirmed, and the label carries
        # that group. Expiry is left out here: stock past its expiry stays "available" until expire_due marks it,
        # and the guard that matters then, never issuing it, is rule 2.
        with self.db.read() as session:
            for unit in session.scalars(select(Component).where(Component.status.in_([S.AVAILABLE, S.RESERVED]))):
                blockers = components.release_blockers(session, unit)
                where = f"{unit.status} unit {unit.din} {unit.code}"
                assert not blockers, f"{where} has release blockers: {blockers}"
                # the same, read here without the services' help
                results = _current_results(session, unit.donation_id)
                assert results is not None, f"{where} has no results"
                assert _verified_by_second_person(session, results), f"{where}: results not verified by a second person"
                unclear = {m: getattr(results, m) for m in TTI_MARKERS if getattr(results, m) != TtiResult.NON_REACTIVE}
                assert not unclear, f"{where}: markers not clear: {unclear}"
                group = results.interpreted_group
                assert group is not None and unit.blood_group == group, (
                    f"{where} labelled {unit.blood_group}, lab {group}"
                )

    @invariant()
    def every_issue_was_safe_when_it_was_made(self):
        # Rule 2: every issue (not voided) was of an unexpired unit, whose donation's results current at the time of
        # issue were entered and verified (by someone else) before it, all five markers non-reactive, with a
        # confirmed group compatible with the patient (or RhD the only problem, under a medical officer's recorded
        # override for a patient who may have RhD-positive red cells). Also: the requested component, and a
        # compatible crossmatch for red cells unless an emergency took them uncrossmatched.
        with self.db.read() as session:
            for issue in session.scalars(select(Issue).where(Issue.voided_at.is_(None))):
                unit = session.get(Component, issue.component_id)
                request = session.get(BloodRequest, issue.request_id)
                where = f"issue of {unit.din} {unit.code} to a {request.patient_group} patient"
                assert issue.issued_at < unit.expires_at, f"{where}: issued after expiry"
                results = _results_current_at(session, unit.donation_id, issue.issued_at)
                assert results is not None, f"{where}: no results when issued"
                assert _verified_by_second_person(session, results, before=issue.issued_at), (
                    f"{where}: results not verified by a second technician before issue"
                )
                unclear = {m: getattr(results, m) for m in TTI_MARKERS if getattr(results, m) != TtiResult.NON_REACTIVE}
                assert not unclear, f"{where}: markers not clear when issued: {unclear}"
                group = results.interpreted_group
                assert group is not None, f"{where}: group not confirmed when issued"
                assert unit.blood_group == group, f"{where}: labelled {unit.blood_group}, laboratory {group}"
                assert unit.code == request.component_code, f"{where}: {request.component_code} was requested"
                kind = catalogue.component(unit.code).kind
                patient = dict(patient_sex=request.patient_sex, patient_age=request.patient_age_years)
                if issue.override_by_id is None:
                    assert compatibility.is_compatible(kind, group, request.patient_group, **patient), (
                        f"{where}: group {group} is not compatible"
                    )
                else:
                    officer = session.get(User, issue.override_by_id)
                    assert may(officer.role, Action.OVERRIDE_RHD), f"{where}: override by a {officer.role}"
                    assert not compatibility.is_compatible(kind, group, request.patient_group, **patient)
                    assert kind in RED_CELL_KINDS and group.endswith("+") and request.patient_group.endswith("-")
                    as_if_positive = request.patient_group[:-1] + "+"
                    assert compatibility.is_compatible(kind, group, as_if_positive, **patient), (
                        f"{where}: group {group} is ABO-incompatible, which no RhD override covers"
                    )
                    assert compatibility.may_receive_rhd_positive_red_cells(**patient) and not (
                        request.patient_has_anti_d
                    ), f"{where}: RhD override for a patient who must not have RhD-positive red cells"
                if kind in RED_CELL_KINDS:
                    if issue.crossmatch_id is None:
                        assert issue.uncrossmatched and request.urgency == Urgency.EMERGENCY, f"{where}: no crossmatch"
                    else:
                        match = session.get(Crossmatch, issue.crossmatch_id)
                        assert match.result == CrossmatchResult.COMPATIBLE and match.component_id == unit.id
                        assert match.request_id == request.id and match.performed_at < issue.issued_at

    @invariant()
    def a_unit_is_out_on_at_most_one_issue(self):
        # Rule 3: a component never has two open issues (an issue without a return); an issued or transfused one has
        # exactly one, and a unit in any other status has none.
        with self.db.read() as session:
            returned = select(ComponentReturn.issue_id).where(ComponentReturn.voided_at.is_(None))
            open_issues: dict[uuid.UUID, int] = {}
            for component_id in session.scalars(
                select(Issue.component_id).where(Issue.voided_at.is_(None), Issue.id.not_in(returned))
            ):
                open_issues[component_id] = open_issues.get(component_id, 0) + 1
            for unit in session.scalars(select(Component)):
                expected = 1 if unit.status in OUT_ON_AN_ISSUE else 0
                found = open_issues.get(unit.id, 0)
                assert found == expected, f"{unit.status} unit {unit.din} {unit.code} has {found} open issues"

    @invariant()
    def no_blood_from_a_deferred_donor(self):
        # Rule 4: no donation was collected from a donor while a deferral recorded before the collection was in force
        # on the collection date; and (what lets that happen at all) no screening found a donor fit while a deferral
        # recorded before it was in force on the day of the visit, and no verified reactive or indeterminate result
        # left its donor undeferred.
        with self.db.read() as session:
            deferrals = session.scalars(select(Deferral)).all()
            identities: dict[uuid.UUID, tuple[uuid.UUID, ...]] = {}

            def in_force(donor_id: uuid.UUID, recorded_before: datetime, on: date) -> list[str]:
                if donor_id not in identities:
                    identities[donor_id] = donors.identity_ids(session, donor_id)
                identity = identities[donor_id]
                return [
                    d.reason_code
                    for d in deferrals
                    if d.donor_id in identity
                    and d.created_at < recorded_before
                    and (d.permanent or d.until is None or on < d.until)
                ]

            for donation in session.scalars(select(Donation).where(Donation.voided_at.is_(None))):
                active = in_force(donation.donor_id, donation.created_at, donors.local_date(donation.collected_at))
                assert not active, f"donation {donation.din} collected from a donor deferred for {active}"
            for visit in session.scalars(
                select(ScreeningVisit).where(ScreeningVisit.outcome == ScreeningOutcome.ELIGIBLE)
            ):
                active = in_force(visit.donor_id, visit.created_at, donors.local_date(visit.visited_at))
                assert not active, f"a donor deferred for {active} was found fit at screening"
            # ... and a reactive or indeterminate marker, once verified, defers the donor (DOMAIN.md section 2)
            for results, verified_at in session.execute(
                select(LabResultSet, LabVerification.verified_at).join(
                    LabVerification, LabVerification.result_set_id == LabResultSet.id
                )
            ):
                if not any(getattr(results, m) in (TtiResult.REACTIVE, TtiResult.INDETERMINATE) for m in TTI_MARKERS):
                    continue
                donation = session.get(Donation, results.donation_id)
                deferred = [d for d in deferrals if d.donation_id == donation.id and d.created_at <= verified_at]
                assert deferred, (
                    f"donation {donation.din} verified reactive or indeterminate, but its donor not deferred"
                )

    @invariant()
    def deferrals_only_ever_grow(self):
        # Rule 5: a deferral, once recorded, stays, with every column as it was recorded.
        with self.db.read() as session:
            now_stored = {row.id: row_fields(row) for row in session.scalars(select(Deferral))}
        for deferral_id, fields in self.deferrals_seen.items():
            assert deferral_id in now_stored, f"deferral {fields['reason_code']} disappeared"
            assert now_stored[deferral_id] == fields, f"deferral {fields['reason_code']} changed"
        self.deferrals_seen.update(now_stored)

    @invariant()
    def component_statuses_follow_the_state_machine(self):
        # Rule 6: every status a component is seen in is reached by a legal transition of rules.component_states
        # from the status it was last seen in (a new unit starts in quarantine).
        with self.db.read() as session:
            now_seen = {row.id: row.status for row in session.execute(select(Component.id, Component.status))}
        for unit_id, status in now_seen.items():
            last = self.status_seen.get(unit_id, S.QUARANTINE)
            assert status == last or component_states.can_transition(last, status), f"unit went {last} -> {status}"
        self.status_seen.update(now_seen)

    @invariant()
    def outbox_and_audit_trail_are_complete(self):
        # Rule 7: the outbox holds op_seq 1..N without a gap (N the device's last op_seq), and the audit hash chain
        # verifies.
        with self.db.read() as session:
            device = session.get(DeviceState, 1)
            sequence = list(session.scalars(select(OutboxOp.op_seq).order_by(OutboxOp.op_seq)))
            assert sequence == list(range(1, len(sequence) + 1)), "the outbox op_seq has gaps"
            assert device.last_op_seq == len(sequence), "the device's last op_seq disagrees with the outbox"
            assert verify_audit_chain(session, device.device_id) == [], "the audit hash chain is broken"


def _current_results(session, donation_id: uuid.UUID) -> LabResultSet | None:
    """The donation's latest result set that is neither voided nor superseded by a correction."""
    superseded = select(LabResultSet.supersedes_id).where(LabResultSet.supersedes_id.is_not(None))
    return session.scalars(
        select(LabResultSet)
        .where(
            LabResultSet.donation_id == donation_id,
            LabResultSet.voided_at.is_(None),
            LabResultSet.id.not_in(superseded),
        )
        .order_by(LabResultSet.entered_at.desc())
        .limit(1)
    ).first()


def _cleared(session, unit: Component) -> bool:
    """Whether the unit's current results are verified by a second person, all clear, with its group."""
    results = _current_results(session, unit.donation_id)
    return (
        results is not None
        and _verified_by_second_person(session, results)
        and all(getattr(results, m) == TtiResult.NON_REACTIVE for m in TTI_MARKERS)
        and results.interpreted_group == unit.blood_group
    )


def _verified_by_second_person(session, results: LabResultSet, before: datetime | None = None) -> bool:
    query = select(LabVerification.id).where(
        LabVerification.result_set_id == results.id, LabVerification.verified_by_id != results.entered_by_id
    )
    if before is not None:
        query = query.where(LabVerification.verified_at < before)
    return session.scalar(query.limit(1)) is not None


def _results_current_at(session, donation_id: uuid.UUID, moment: datetime) -> LabResultSet | None:
    """The donation's result set that was current at ``moment``: the last one entered before it."""
    return session.scalars(
        select(LabResultSet)
        .where(LabResultSet.donation_id == donation_id, LabResultSet.entered_at < moment)
        .order_by(LabResultSet.entered_at.desc())
        .limit(1)
    ).first()


def test_safety_invariants_hold_for_random_workflows(migrated_template, tmp_path):
    examples = itertools.count()
    run_state_machine_as_test(
        lambda: BloodCentre(migrated_template, tmp_path / f"example-{next(examples)}"),
        settings=settings(
            max_examples=40,
            stateful_step_count=50,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )


# ---------------------------------------------------------------------------------------------------------------------
# Service bugs the machine found (both fixed), each reproduced at its smallest as a regression test.


def _released_units(db, staff) -> tuple[uuid.UUID, list[uuid.UUID], datetime]:
    """A donor registered, screened, bled, tested clean (O+), verified by a second technician and separated, all
    through the services: the donation, its units (released to stock) and the time it is done."""
    at = START
    with db.unit_of_work(staff["registrar"], at) as uow:
        form = donors.DonorForm(
            given_name="Ravi", family_name="Kumar", sex="M", date_of_birth=date(1990, 5, 17), consent=True
        )
        donor = donors.register_donor(uow, form)
    with db.unit_of_work(staff["medical_officer"], at + timedelta(minutes=5)) as uow:
        visit = screening.screen(uow, donor.id, _screening_form(None, "M"))
    bleed = collection.CollectionForm(
        bag_type=BagType.QUADRUPLE_SAGM,
        bag_volume_ml=450,
        collected_volume_ml=455,
        bleed_start=at + timedelta(minutes=10),
        bleed_end=at + timedelta(minutes=18),
    )
    with db.unit_of_work(staff["phlebotomist"], at + timedelta(minutes=20)) as uow:
        donation = collection.collect(uow, visit.visit_id, bleed).id
    with db.unit_of_work(staff["lab_technician"], at + timedelta(hours=3)) as uow:
        results = lab.record_results(uow, donation, _result_form("O+", None, None))
    with db.unit_of_work(staff["lab_technician_2"], at + timedelta(hours=4)) as uow:
        lab.verify(uow, results.result_set_id)
    with db.unit_of_work(staff["component_technician"], at + timedelta(hours=5)) as uow:
        units = [c.id for c in components.separate(uow, donation, [("PRBC_SAGM", 300), ("FFP", 200)])]
    return donation, units, at + timedelta(hours=5)


def _stock_with_release_blockers(db) -> list[str]:
    """Rule 1 of the machine: units available or reserved although the release guard would refuse them now."""
    with db.read() as session:
        return [
            f"{unit.code} ({unit.status})"
            for unit in session.scalars(select(Component).where(Component.status.in_([S.AVAILABLE, S.RESERVED])))
            if components.release_blockers(session, unit)
        ]


def test_a_correction_awaiting_verification_takes_the_units_out_of_stock(db, staff):
    """Found by the machine (was known bug 1): record_results now holds released units in quarantine until the
    correction is verified."""
    donation, units, at = _released_units(db, staff)
    with db.unit_of_work(staff["lab_technician"], at + timedelta(minutes=30)) as uow:
        form = _result_form("O+", ("hbsag", TtiResult.REACTIVE), "HBsAg repeated in duplicate: reactive")
        held_back = lab.record_results(uow, donation, form).held_back

    assert _stock_with_release_blockers(db) == []
    assert {unit.id for unit in held_back} == set(units)


def test_a_look_back_unit_coming_back_from_the_ward_is_not_taken_back_into_stock(db, staff):
    """Found by the machine (was known bug 2): return_unit now re-checks the laboratory results before restocking."""
    donation, units, at = _released_units(db, staff)
    with db.unit_of_work(staff["issue_counter"], at + timedelta(minutes=1)) as uow:
        request = transfusion.create_request(
            uow, _request_form("PRBC_SAGM", "O+", "M", 35, 1, Urgency.EMERGENCY, False)
        )
        issued = transfusion.issue(uow, request.request_id, units[0], "Ward attendant Ramesh")
    with db.unit_of_work(staff["lab_technician"], at + timedelta(minutes=5)) as uow:
        form = _result_form("O+", ("hbsag", TtiResult.REACTIVE), "HBsAg repeated in duplicate: reactive")
        correction = lab.record_results(uow, donation, form)
    with db.unit_of_work(staff["lab_technician_2"], at + timedelta(minutes=10)) as uow:
        look_back = lab.verify(uow, correction.result_set_id).look_back
    assert [unit.component_id for unit in look_back] == [units[0]]
    with db.unit_of_work(staff["issue_counter"], at + timedelta(minutes=15)) as uow:
        transfusion.return_unit(
            uow, issued.issue_id, returned_at=uow.now, cold_chain_maintained=True, seal_intact=True, reason="Not needed"
        )

    assert _stock_with_release_blockers(db) == []
