"""A realistic demo dataset: the recent weeks built through the per-step services, the older history imported.

``build(db, donors=N, seed=S)`` makes N donors. Those of the last ``RECENT_DAYS`` (at most ``RECENT_PER_DAY`` a day)
and one camp's go through the services one step at a time, as at the counter: registered, screened (some are
deferred), collected, tested and verified (a few are reactive, and their units become unsafe and are discarded), the
recent bags separated into components, and blood requests served from that stock (issues, a few returns, discards
and a transfusion reaction). The older history, the bulk of a large N, is what a centre brings when it moves to this
system: it goes through ``services.register_import`` (validated by the same rules, captured into the outbox and
audited), screened with the same eligibility rules, but donations and results only: components from then would all
have been used or expired long ago. It reaches further back as N grows (at most ``HISTORY_PER_DAY`` donors a day).
The same seed gives the same dataset.

Speed: the services run inside large units of work (``BATCH`` donors per transaction), with the unit of work's clock
moved to each simulated moment; the import writes ``IMPORT_BATCH`` donors per flush and ``IMPORT_CHUNK`` per
transaction.
"""

from __future__ import annotations

import math
import random
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from bbms_desktop.errors import DomainError
from bbms_desktop.models import Centre, Component, Donation, User
from bbms_desktop.rules import components as component_rules
from bbms_desktop.rules import eligibility
from bbms_desktop.rules.roles import Role
from bbms_desktop.rules.vocabulary import (
    AdverseReaction,
    ComponentStatus,
    CrossmatchMethod,
    CrossmatchResult,
    DiscardReason,
    IdDocument,
    Severity,
    TransfusionReactionType,
    Urgency,
)
from bbms_desktop.services import (
    accounts,
    camps,
    collection,
    components,
    demo_population,
    demo_teleconsult,
    donors,
    lab,
    numbering,
    register_import,
    screening,
    transfusion,
)
from bbms_desktop.services.donors import local_date
from bbms_desktop.services.uow import Actor, Database, UnitOfWork

BATCH = 250
IMPORT_BATCH = 2_000
IMPORT_CHUNK = 20_000
HISTORY_DAYS = 365
RECENT_DAYS = 42
# A busy Indian blood centre collects some tens of units a day: the recent weeks hold at most this many donors a day,
# so the stock, the lab worklist and the request counter look like a real centre's whatever N is.
RECENT_PER_DAY = 30
# Requests served from that stock: a third of the red cells, at most this many (each suggestion weighs every unit in
# stock, so more would only make the demo slower, not more realistic).
REQUESTS_MAX = 60
# Older history: at most this many donors a day; a larger register reaches back more years.
HISTORY_PER_DAY = 250
CAMP_DONORS_MAX = 300
# Today's bench: the last few donors of the day, collected this morning, are still on their way, so the laboratory
# and component worklists show real work (a third awaiting results, a third awaiting the second technician's
# verification, a third verified and awaiting separation).
TODAY_BENCH = 9
# registration to the end of the longest bleed in ``_donor_journey``: a visit never runs past midnight
VISIT_TAKES = timedelta(minutes=35)
BENCH_STAGES = ("collected", "entered", "verified")
DEMO_PASSWORD = "demo-password"
DEMO_CENTRE = {
    "code": "DEMO-BC",
    "name": "Demo Blood Centre, Pune",
    "fin": "G1234",
    "district": "Pune",
    "state": "Maharashtra",
    "licence_number": "MH/BB/DEMO/001",
}
STAFF = {
    "registrar": Role.REGISTRAR,
    "mo": Role.MEDICAL_OFFICER,
    "phlebotomist": Role.PHLEBOTOMIST,
    "lab1": Role.LAB_TECHNICIAN,
    "lab2": Role.LAB_TECHNICIAN,
    "component": Role.COMPONENT_TECHNICIAN,
    "issue": Role.ISSUE_COUNTER,
    "camp": Role.CAMP_OPERATOR,
}
# approximate ABO/RhD distribution of Indian donors
GROUPS = {"B+": 0.32, "O+": 0.29, "A+": 0.21, "AB+": 0.08, "O-": 0.03, "B-": 0.03, "A-": 0.025, "AB-": 0.015}
REACTIVE_RATE = {"hbsag": 0.007, "hcv": 0.003, "hiv": 0.001, "syphilis": 0.002, "malaria": 0.001}
SEROLOGY = {
    "O": ("neg", "neg", "neg", "pos", "pos"),
    "A": ("pos", "neg", "pos", "neg", "pos"),
    "B": ("neg", "pos", "pos", "pos", "neg"),
    "AB": ("pos", "pos", "pos", "neg", "neg"),
}
PARTS = {
    "triple": [("PRBC_CPDA1", 280), ("FFP", 200), ("PLT_RDP", 60)],
    "quadruple_sagm": [("PRBC_SAGM", 300), ("FFP", 200), ("PLT_RDP", 60)],
    "double": [("PRBC_CPDA1", 300), ("FFP", 220)],
    "single": [("WB_CPDA1", 450)],
}

Progress = Callable[[int, int], None]


def build(
    db: Database, *, donors: int, seed: int = 1, progress: Progress | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """Build the dataset; returns what was made and how long it took."""
    started = time.perf_counter()
    rng = random.Random(seed)
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    staff = _ensure_staff(db)
    camp_id, camp_day = _plan_camp(db, staff, now)
    counts = {"donors": 0, "deferred": 0, "collected": 0, "reactive": 0, "components": 0}
    at_camp = min(donors // 10, CAMP_DONORS_MAX)
    recent = min(round((donors - at_camp) * RECENT_DAYS / HISTORY_DAYS), RECENT_DAYS * RECENT_PER_DAY)
    older = donors - at_camp - recent

    def report(done: int) -> None:
        if progress:
            progress(done, donors)

    imported = _import_history(db, rng, staff, counts, older, now, report)

    # the recent weeks and the camp, in time order, through the services
    bench = min(TODAY_BENCH, recent // 3)
    visits = [(_working_hours(now, i, recent - bench, RECENT_DAYS), None) for i in range(recent - bench)]
    visits += [(camp_day + timedelta(minutes=400 * i // max(at_camp, 1)), camp_id) for i in range(at_camp)]
    visits.sort(key=lambda visit: visit[0])
    # today's bench, after everything else: every 25 minutes from six hours ago
    visits += [(now - timedelta(minutes=360 - 25 * j), None) for j in range(bench)]
    stages = {len(visits) - bench + j: BENCH_STAGES[j % len(BENCH_STAGES)] for j in range(bench)}
    separated: list[uuid.UUID] = []
    on_the_bench = dict.fromkeys(BENCH_STAGES, 0)
    for first in range(0, len(visits), BATCH):
        with db.unit_of_work(staff["registrar"], now=now) as uow:
            for index, (moment, camp) in enumerate(visits[first : first + BATCH], start=first):
                is_recent = now - moment < timedelta(days=RECENT_DAYS)
                stage = stages.get(index, "separated" if is_recent else "verified")
                donation_id = _donor_journey(uow, rng, staff, counts, moment, camp, stage)
                if donation_id is not None and stage == "separated":
                    separated.append(donation_id)
                elif donation_id is not None and stage in BENCH_STAGES and index in stages:
                    on_the_bench[stage] += 1
        report(older + min(first + BATCH, len(visits)))
    issued = _serve_requests(db, rng, staff, now)
    with db.unit_of_work(staff["component"], now=now) as uow:
        expired = components.expire_due(uow)
    consults = demo_teleconsult.build(db, staff["admin"], now, DEMO_PASSWORD)
    return {
        **counts,
        **issued,
        **consults,
        "expired_marked": expired,
        "recent_donations": len(separated),
        "on_the_bench": on_the_bench,
        **imported,
        "seconds": round(time.perf_counter() - started, 1),
        "demo_password": DEMO_PASSWORD,
        "users": sorted([*STAFF, demo_teleconsult.HEALTH_WORKER[0]]),
    }


def _working_hours(now: datetime, i: int, count: int, days: int, before: int = 0) -> datetime:
    """Donor ``i`` of ``count``, spread evenly over ``days`` days ending ``before`` days ago, within 09:00-17:00 IST
    (03:30-11:30 UTC)."""
    position = days * (i + 0.5) / count
    day = (now - timedelta(days=before + days - int(position))).replace(hour=3, minute=30, second=0)
    return min(day + timedelta(hours=8 * (position % 1)), now - timedelta(hours=8))


# --------------------------------------------------------------------------------------------------------------------
# the older history, through the register import


def _import_history(
    db: Database,
    rng: random.Random,
    staff: dict[str, Actor],
    counts: dict[str, int],
    older: int,
    now: datetime,
    report: Callable[[int], None],
) -> dict[str, int]:
    """The donors before the recent weeks, as a centre's old register brought in by ``register_import``."""
    made = {"imported_donors": 0, "import_rejected": 0, "import_needs_review": 0}
    if older <= 0:
        return made
    days = max(HISTORY_DAYS - RECENT_DAYS, math.ceil(older / HISTORY_PER_DAY))
    # Bags of the years before the recent weeks were labelled by the old system: their DINs continue that year's
    # highest sequence. Those of the years the services still label come from this installation's numbering, so
    # numbering.allocate_din carries on after them.
    printed = _PrintedDins(first_numbered_year=(now - timedelta(days=RECENT_DAYS + 1)).astimezone().year)
    done = 0
    while done < older:
        size = min(IMPORT_CHUNK, older - done)
        with db.unit_of_work(staff["admin"], now=now) as uow:
            centre = uow.session.get(Centre, staff["admin"].centre_id)
            assert centre is not None and centre.fin, "the demo centre has a facility number"
            with uow.session.no_autoflush:
                records = [
                    _old_donor(uow, rng, counts, printed, centre.fin, _working_hours(now, i, older, days, RECENT_DAYS))
                    for i in range(done, done + size)
                ]
            offset = done
            result = register_import.import_register(
                uow,
                records,
                verified_by=staff["lab2"],
                batch_size=IMPORT_BATCH,
                progress=lambda n, offset=offset: report(offset + n),
            )
        made["imported_donors"] += result.donors
        made["import_rejected"] += len(result.rejected)
        made["import_needs_review"] += len(result.needs_review)
        counts["donors"] += result.donors
        done += size
    return made


class _PrintedDins:
    """DINs for the old register's bags: the old system's sequence for past years, this installation's after."""

    def __init__(self, first_numbered_year: int) -> None:
        self.first_numbered_year = first_numbered_year
        self.last: dict[int, int] = {}  # year -> last sequence used

    def next(self, uow: UnitOfWork, fin: str, year: int) -> str:
        if year >= self.first_numbered_year:
            return f"{fin}{year % 100:02d}{numbering.next_number(uow, numbering.din_series(year)):06d}"
        if year not in self.last:
            prefix = f"{fin}{year % 100:02d}"
            highest = uow.session.scalar(select(func.max(Donation.din)).where(Donation.din.startswith(prefix)))
            self.last[year] = int(highest[7:]) if highest else 0
        self.last[year] += 1
        return f"{fin}{year % 100:02d}{self.last[year]:06d}"


def _old_donor(
    uow: UnitOfWork,
    rng: random.Random,
    counts: dict[str, int],
    printed: _PrintedDins,
    fin: str,
    moment: datetime,
) -> register_import.ImportedDonor:
    """One donor of the old register: screened by the same eligibility rules; if fit, one donation and its results."""
    day = local_date(moment)
    form = _donor_form(rng, day)
    check = _screening_form(rng, form.sex, None)
    assessment = eligibility.assess(
        eligibility.DonorVisit(
            visit_date=day,
            date_of_birth=form.date_of_birth,
            sex=form.sex,
            first_time=True,
            donation_type=check.donation_type,
            bag_volume_ml=check.bag_volume_ml,
            weight_kg=check.weight_kg,
            haemoglobin_g_dl=check.haemoglobin_g_dl,
            systolic_mmhg=check.systolic_mmhg,
            diastolic_mmhg=check.diastolic_mmhg,
            pulse_per_min=check.pulse_per_min,
            pulse_regular=check.pulse_regular,
            temperature_c=check.temperature_c,
            answers=check.answers,
        )
    )
    fields = {name: getattr(form, name) for name in donors.DEMOGRAPHIC_FIELDS} | {"consent": form.consent}
    if not assessment.eligible:
        counts["deferred"] += 1
        retest = eligibility.RETEST_DEFERMENT.value.ends(day)
        deferrals = tuple(
            register_import.ImportedDeferral(
                reason_code=reason.code,
                permanent=reason.permanent,
                starts_on=day,
                until=None if reason.permanent else (reason.until or retest),
                detail=reason.text.render()[:500],
            )
            for reason in assessment.reasons
        )
        return register_import.ImportedDonor(**fields, deferrals=deferrals)
    minutes = rng.choice((5, 6, 7, 8, 8, 9, 10, 11, 13))
    bag = rng.choices(("quadruple_sagm", "triple", "double", "single"), weights=(5, 4, 1, 0.3))[0]
    group = rng.choices(list(GROUPS), weights=list(GROUPS.values()))[0]
    reactive = [m for m, rate in REACTIVE_RATE.items() if rng.random() < rate]
    counts["collected"] += 1
    counts["reactive"] += bool(reactive)
    collected_at = moment + timedelta(minutes=20 + minutes)
    donation = register_import.ImportedDonation(
        din=printed.next(uow, fin, collected_at.astimezone().year),  # the local year, as allocate_din takes it
        collected_at=collected_at,
        bag_type=bag,
        bag_volume_ml=450,
        collected_volume_ml=rng.randint(430, 470),
        weight_kg=check.weight_kg,
        haemoglobin_g_dl=check.haemoglobin_g_dl,
        systolic_mmhg=check.systolic_mmhg,
        diastolic_mmhg=check.diastolic_mmhg,
        pulse_per_min=check.pulse_per_min,
        temperature_c=check.temperature_c,
        tested_group=group,
        **{marker: "reactive" if marker in reactive else "non_reactive" for marker in REACTIVE_RATE},
    )
    return register_import.ImportedDonor(**fields, donations=(donation,))


def _ensure_staff(db: Database) -> dict[str, Actor]:
    if accounts.local_centre(db) is None:
        accounts.set_up_standalone(
            db, **DEMO_CENTRE, admin_username="admin", admin_name="Demo Administrator", admin_password=DEMO_PASSWORD
        )
    admin = accounts.authenticate(db, "admin", DEMO_PASSWORD)
    people: dict[str, Actor] = {}
    with db.unit_of_work(admin) as uow:
        for username, role in STAFF.items():
            user = uow.session.scalar(select(User).where(User.username == username))
            if user is None:
                people[username] = accounts.create_user(
                    uow,
                    username=username,
                    full_name=f"Demo {role.value.replace('_', ' ').title()}",
                    role=role,
                    password=DEMO_PASSWORD,
                    registration_number="MMC-2011-0457" if role == Role.MEDICAL_OFFICER else None,
                )
            else:
                people[username] = Actor(user.id, user.centre_id, Role(user.role), user.full_name)
    people["admin"] = admin
    return people


def _plan_camp(db: Database, staff: dict[str, Actor], now: datetime) -> tuple[uuid.UUID, datetime]:
    day = (now - timedelta(days=20)).replace(hour=4, minute=0, second=0)  # 09:30 IST
    with db.unit_of_work(staff["admin"], now=now - timedelta(days=40)) as uow:
        camp = camps.plan_camp(
            uow,
            camps.CampForm(
                name="Voluntary blood donation camp, College of Engineering",
                venue="COEP Main Hall, Shivajinagar",
                starts_on=day.date(),
                ends_on=day.date(),
                district="Pune",
                state="Maharashtra",
                organiser="NSS Unit, COEP",
                organiser_mobile="9822012345",
                expected_donors=300,
            ),
        )
    return camp.id, day


def _donor_journey(
    uow: UnitOfWork,
    rng: random.Random,
    staff: dict[str, Actor],
    counts: dict[str, int],
    moment: datetime,
    camp_id: uuid.UUID | None,
    stage: str = "separated",
) -> uuid.UUID | None:
    """Register, screen and (if eligible) collect one donor, then test the bag as far as ``stage`` ("collected",
    "entered", "verified" or "separated"); returns the donation id."""
    moment = donors.visit_on_one_day(moment, VISIT_TAKES)
    uow.set_time(moment)
    uow.actor = staff["camp" if camp_id else "registrar"]
    form = _donor_form(rng, moment.date())
    try:
        registered = donors.register_donor(uow, form)
    except donors.PossibleDuplicate:
        registered = donors.register_donor(uow, form, acknowledged_duplicates=True)
    counts["donors"] += 1
    sex = form.sex
    uow.set_time(moment + timedelta(minutes=10))
    uow.actor = staff["camp" if camp_id else "mo"]
    result = screening.screen(uow, registered.id, _screening_form(rng, sex, camp_id))
    if not result.eligible:
        counts["deferred"] += 1
        return None
    start = moment + timedelta(minutes=20)
    minutes = rng.choice((5, 6, 7, 8, 8, 9, 10, 11, 13))
    bag = rng.choices(("quadruple_sagm", "triple", "double", "single"), weights=(5, 4, 1, 0.3))[0]
    uow.set_time(start + timedelta(minutes=minutes + 1))
    uow.actor = staff["camp" if camp_id else "phlebotomist"]
    donation = collection.collect(
        uow,
        result.visit_id,
        collection.CollectionForm(
            bag_type=bag,
            bag_volume_ml=450,
            collected_volume_ml=rng.randint(430, 470),
            bleed_start=start,
            bleed_end=start + timedelta(minutes=minutes),
            bag_lot=f"LOT{moment:%y%m}",
            adverse_reaction=AdverseReaction.VASOVAGAL if rng.random() < 0.01 else None,
        ),
    )
    counts["collected"] += 1
    group = rng.choices(list(GROUPS), weights=list(GROUPS.values()))[0]
    reactive = [m for m, rate in REACTIVE_RATE.items() if rng.random() < rate]
    if stage == "collected":
        return donation.id
    counts["reactive"] += bool(reactive)
    # the bench's bags are tested within the hour; older ones the usual few hours after collection
    step = timedelta(minutes=20) if stage in BENCH_STAGES else timedelta(hours=1)
    uow.set_time(start + 3 * step)
    uow.actor = staff["lab1"]
    recorded = lab.record_results(uow, donation.id, _result_form(group, reactive))
    if stage == "entered":
        return donation.id
    uow.set_time(start + 4 * step)
    uow.actor = staff["lab2"]
    lab.verify(uow, recorded.result_set_id)
    if stage == "separated":
        uow.set_time(start + 5 * step)
        uow.actor = staff["component"]
        allowed = component_rules.preparable(bag, minutes, 5).codes
        parts = [(code, volume) for code, volume in PARTS[bag] if code in allowed]
        made = components.separate(uow, donation.id, parts, storage_location=f"Fridge {rng.randint(1, 4)}")
        counts["components"] += len(made)
    return donation.id


def _donor_form(rng: random.Random, today: date) -> donors.DonorForm:
    sex = "M" if rng.random() < 0.78 else "F"
    given = rng.choice(demo_population.MALE_GIVEN if sex == "M" else demo_population.FEMALE_GIVEN)
    family = rng.choice(demo_population.FAMILY)
    state, district = rng.choice(demo_population.DISTRICTS)
    age_days = rng.randint(18 * 366, 58 * 365)
    aadhaar = None
    if rng.random() < 0.6:
        body = str(rng.randint(2 * 10**10, 10**11 - 1))
        aadhaar = body + donors.verhoeff_check_digit(body)
    return donors.DonorForm(
        given_name=given,
        family_name=family,
        sex=sex,
        date_of_birth=today - timedelta(days=age_days),
        guardian_name=f"{rng.choice(demo_population.MALE_GIVEN)} {family}",
        mobile=f"{rng.choice('6789')}{rng.randint(0, 10**9 - 1):09d}",
        district=district,
        state=state,
        pincode=f"{rng.randint(110001, 855999)}",
        id_document_type=IdDocument.AADHAAR if aadhaar else None,
        id_document_number=aadhaar,
        donor_type="voluntary" if rng.random() < 0.85 else "replacement",
        consent=True,
    )


def _screening_form(rng: random.Random, sex: str, camp_id: uuid.UUID | None) -> screening.ScreeningForm:
    low_hb = rng.random() < (0.12 if sex == "F" else 0.03)
    # the answer that does not defer: "no" to risk questions, "yes" to "feeling well today?", no date for events
    answers = {
        q.code: (not q.defers_on if q.kind == eligibility.AnswerKind.YES_NO else None)
        for q in eligibility.applicable_questions(sex, "whole_blood")
    }
    return screening.ScreeningForm(
        donation_type="whole_blood",
        bag_volume_ml=450,
        weight_kg=round(rng.uniform(56, 92), 1),
        haemoglobin_g_dl=round(rng.uniform(10.8, 12.4) if low_hb else rng.uniform(12.6, 16.5), 1),
        systolic_mmhg=rng.randint(104, 146 if rng.random() < 0.05 else 138),
        diastolic_mmhg=rng.randint(64, 88),
        pulse_per_min=rng.randint(62, 96),
        pulse_regular=True,
        temperature_c=round(rng.uniform(36.2, 37.2), 1),
        answers=answers,
        camp_id=camp_id,
    )


def _result_form(group: str, reactive: list[str]) -> lab.ResultForm:
    anti_a, anti_b, anti_ab, a_cells, b_cells = SEROLOGY[group[:-1]]
    markers = {
        m: lab.MarkerResult("reactive" if m in reactive else "non_reactive", kit=f"{m.upper()}-ELISA", lot="K2611")
        for m in REACTIVE_RATE
    }
    return lab.ResultForm(
        anti_a=anti_a,
        anti_b=anti_b,
        anti_ab=anti_ab,
        anti_d="pos" if group.endswith("+") else "neg",
        a_cells=a_cells,
        b_cells=b_cells,
        o_cells="neg",
        antibody_screen="negative",
        **markers,
    )


def _serve_requests(db: Database, rng: random.Random, staff: dict[str, Actor], now: datetime) -> dict[str, int]:
    """Hospital requests over the recent weeks, served from the stock the services built; unsafe units discarded."""
    made = {"requests": 0, "issued": 0, "returned": 0, "discarded": 0, "transfusion_reactions": 0}
    with db.read() as session:
        unsafe = session.scalars(select(Component.id).where(Component.status == ComponentStatus.UNSAFE)).all()
        red_cells = len(
            session.scalars(
                select(Component.id).where(
                    Component.status == ComponentStatus.AVAILABLE, Component.code.in_(("PRBC_SAGM", "PRBC_CPDA1"))
                )
            ).all()
        )
    with db.unit_of_work(staff["component"], now=now - timedelta(hours=2)) as uow:
        for component_id in unsafe:
            components.discard(uow, component_id, DiscardReason.TTI_REACTIVE, "Reactive on screening: autoclaved")
            made["discarded"] += 1
    n_requests = min(red_cells // 3, REQUESTS_MAX)
    with db.unit_of_work(staff["issue"], now=now) as uow:
        for i in range(n_requests):
            uow.set_time(now - timedelta(days=RECENT_DAYS - 1) + timedelta(days=(RECENT_DAYS - 2) * i / n_requests))
            _one_request(uow, rng, made)
    return made


def _one_request(uow: UnitOfWork, rng: random.Random, made: dict[str, int]) -> None:
    group = rng.choices(list(GROUPS), weights=list(GROUPS.values()))[0]
    code = rng.choices(("PRBC_SAGM", "PRBC_CPDA1", "FFP", "PLT_RDP"), weights=(5, 3, 2, 1))[0]
    sex = rng.choice("MF")
    family = rng.choice(demo_population.FAMILY)
    given = rng.choice(demo_population.MALE_GIVEN if sex == "M" else demo_population.FEMALE_GIVEN)
    doctor = rng.choice(demo_population.FEMALE_GIVEN + demo_population.MALE_GIVEN)
    request = transfusion.create_request(
        uow,
        transfusion.RequestForm(
            patient_name=f"{given} {family}",
            patient_sex=sex,
            patient_group=group,
            hospital=f"{rng.choice(demo_population.HOSPITALS)}, Pune",
            component_code=code,
            units=1,
            urgency=rng.choices((Urgency.ROUTINE, Urgency.URGENT), weights=(4, 1))[0],
            requesting_doctor=f"Dr. {doctor} {rng.choice(demo_population.FAMILY)}",
            doctor_registration_number=f"MMC-{rng.randint(1990, 2022)}-{rng.randint(1000, 9999)}",
            patient_age_years=rng.randint(1, 85),
            patient_hospital_id=f"IPD{rng.randint(100000, 999999)}",
            ward=rng.choice(demo_population.WARDS),
            diagnosis=rng.choice(DIAGNOSES),
        ),
    )
    made["requests"] += 1
    suggestions = transfusion.suggest_units(uow.session, request.request_id, uow.now)
    if not suggestions:
        return
    unit = suggestions[0]
    try:
        if code.startswith("PRBC"):
            transfusion.crossmatch(
                uow, request.request_id, unit.component_id, CrossmatchMethod.AHG, CrossmatchResult.COMPATIBLE
            )
        issued = transfusion.issue(uow, request.request_id, unit.component_id, collected_by="Ward attendant")
    except DomainError:
        return  # a unit the rules refuse is simply not issued, as at a real counter
    made["issued"] += 1
    roll = rng.random()
    if roll < 0.03:
        uow.set_time(uow.now + timedelta(minutes=20))
        transfusion.return_unit(
            uow,
            issued.issue_id,
            returned_at=uow.now,
            cold_chain_maintained=True,
            seal_intact=True,
            reason="Patient discharged",
        )
        made["returned"] += 1
    elif roll < 0.035:
        uow.set_time(uow.now + timedelta(minutes=60))
        transfusion.record_reaction(
            uow,
            issued.issue_id,
            TransfusionReactionType.FEBRILE_NON_HAEMOLYTIC,
            Severity.MILD,
            uow.now - timedelta(minutes=20),
            "Fever 38.4 °C, chills; settled",
        )
        made["transfusion_reactions"] += 1


DIAGNOSES = (
    "Anaemia",
    "Post-partum haemorrhage",
    "Road traffic accident",
    "Thalassaemia major",
    "Dengue with thrombocytopenia",
    "Elective surgery",
)
