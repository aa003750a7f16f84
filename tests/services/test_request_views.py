"""What the issue counter's pages read: active requests with their counts, issues and their fate, reactions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bbms_desktop.errors import NotFound
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.vocabulary import ComponentStatus, RequestStatus
from bbms_desktop.services import request_views as views
from bbms_desktop.services import transfusion as tx
from bbms_desktop.services.request_views import IssueState, RequestFilter

from ..conftest import NOW
from .factories import make_component, make_donation, make_results, released_unit
from .test_transfusion import LATER, _crossmatch, _issue, _request, _unit


def _rows(db, which=RequestFilter.ACTIVE, search=""):
    with db.read() as s:
        return views.list_requests(s, 0, 100, which=which, search=search)


def test_active_requests_list_open_ones_most_urgent_first_with_their_counts(db, staff):
    routine = _request(db, staff, units=2)
    emergency = _request(db, staff, urgency="emergency", units=1, patient_name="Ramesh Yadav", patient_sex="M")
    cancelled = _request(db, staff)
    with db.unit_of_work(staff["issue_counter"], NOW) as uow:
        tx.cancel_request(uow, cancelled.request_id, "Patient transferred to AIIMS")
    unit, _ = _unit(db, staff, abo="A")
    _crossmatch(db, staff, routine.request_id, unit)  # compatible: reserved for the request

    rows = _rows(db)
    assert [r.request_number for r in rows] == [emergency.request_number, routine.request_number]
    first, second = rows
    assert (first.urgency, first.patient_name, first.units_requested) == ("emergency", "Ramesh Yadav", 1)
    assert (second.units_reserved, second.units_issued, second.units_out) == (1, 0, 0)
    assert second.patient_age_years == 34 and second.component_code == "PRBC_SAGM"

    everything = _rows(db, RequestFilter.ALL)
    assert [r.request_number for r in everything] == [
        cancelled.request_number,
        emergency.request_number,
        routine.request_number,
    ]
    assert everything[0].status == RequestStatus.CANCELLED
    assert everything[0].cancel_reason == "Patient transferred to AIIMS"
    assert [r.request_number for r in _rows(db, RequestFilter.ALL, "ramesh")] == [emergency.request_number]
    assert [r.request_number for r in _rows(db, RequestFilter.ALL, "R26000001")] == [routine.request_number]


def test_a_fulfilled_request_stays_active_while_a_unit_is_out_with_the_ward(db, staff):
    request = _request(db, staff, units=1)
    unit, din = _unit(db, staff, abo="A")
    _crossmatch(db, staff, request.request_id, unit)
    issued = _issue(db, staff, request.request_id, unit)

    (row,) = _rows(db)
    assert (row.status, row.units_issued, row.units_out, row.units_reserved) == (RequestStatus.FULFILLED, 1, 1, 0)
    with db.read() as s:
        out = views.outstanding_issue_for_din(s, isbt128.format_for_barcode(din, isbt128.check_flags(din)))
        detail = views.request_detail(s, request.request_id)
    assert out is not None and (out.issue_id, out.state, out.din) == (issued.issue_id, IssueState.OUT, din)
    assert [i.state for i in detail.issues] == [IssueState.OUT]
    assert [(c.din, c.result, c.performed_by) for c in detail.crossmatches] == [
        (din, "compatible", "Lab Technician One")
    ]

    with db.unit_of_work(staff["issue_counter"], LATER + timedelta(hours=3)) as uow:
        tx.confirm_transfused(uow, issued.issue_id)
    assert _rows(db) == []
    with db.read() as s:
        assert views.outstanding_issue_for_din(s, din) is None
        assert [i.state for i in views.issues_for_din(s, din)] == [IssueState.TRANSFUSED]


def test_a_returned_unit_shows_what_became_of_it(db, staff):
    request = _request(db, staff, urgency="emergency", units=1)
    unit, _ = _unit(db, staff, abo="A")
    issued = _issue(db, staff, request.request_id, unit)
    back = LATER + timedelta(minutes=50)  # over the return window: discarded
    with db.unit_of_work(staff["issue_counter"], back) as uow:
        tx.return_unit(uow, issued.issue_id, returned_at=back, cold_chain_maintained=True, seal_intact=True)
    with db.read() as s:
        (row,) = views.request_detail(s, request.request_id).issues
    assert (row.state, row.returned_at, row.uncrossmatched) == (
        IssueState.RETURN_REFUSED,
        back,
        True,
    )
    (listed,) = _rows(db)  # reopened by the return: a replacement may be issued
    assert (listed.status, listed.units_issued, listed.units_out) == (RequestStatus.OPEN, 0, 0)


def test_a_scanned_din_picks_the_component_of_the_requested_kind(db, staff):
    request = _request(db, staff, component_code="FFP", units=1)
    with db.unit_of_work(staff["component_technician"], NOW) as uow:
        donation = make_donation(uow)
        make_results(uow, donation, abo="A", verified_by=staff["lab_technician_2"])
        make_component(uow, donation, code="PRBC_SAGM", status=ComponentStatus.AVAILABLE, group="A+")
        plasma = make_component(uow, donation, code="FFP", status=ComponentStatus.AVAILABLE, group="A+")
        din = donation.din
        plasma_id = plasma.id
        other = released_unit(uow, staff["lab_technician_2"], abo="O", code="PLT_RDP")
        other_id, other_din = other.id, other.din
    with db.read() as s:
        choice = views.unit_for_request(s, request.request_id, isbt128.format_for_barcode(din))
        assert (choice.component_id, choice.code, choice.blood_group) == (plasma_id, "FFP", "A+")
        assert not choice.reserved_for_this_request
        # a DIN with none of the requested kind still resolves, so the service can say why it does not fit
        assert views.unit_for_request(s, request.request_id, other_din).component_id == other_id
        with pytest.raises(NotFound, match="No unit with DIN G123499999999"):
            views.unit_for_request(s, request.request_id, "G123499999999")


def test_reactions_are_listed_latest_first_with_the_unit_and_patient(db, staff):
    request = _request(db, staff, urgency="emergency", units=2)
    first, din = _unit(db, staff, abo="A")
    second, _ = _unit(db, staff, abo="A")
    one = _issue(db, staff, request.request_id, first)
    two = _issue(db, staff, request.request_id, second)
    with db.unit_of_work(staff["medical_officer"], LATER + timedelta(hours=1)) as uow:
        tx.record_reaction(uow, one.issue_id, "allergic", "mild", LATER + timedelta(minutes=10), "Urticaria")
        tx.record_reaction(uow, two.issue_id, "taco", "severe", LATER + timedelta(minutes=40), None)
    with db.read() as s:
        rows = views.list_reactions(s, 0, 50)
        recent = views.recent_issues(s, LATER - timedelta(hours=1))
    assert [(r.reaction_type, r.severity) for r in rows] == [("taco", "severe"), ("allergic", "mild")]
    assert (rows[1].din, rows[1].patient_name, rows[1].reported_by, rows[1].description) == (
        din,
        "Sunita Devi",
        "Medical Officer One",
        "Urticaria",
    )
    assert {r.issue_id: r.reactions for r in recent} == {one.issue_id: 1, two.issue_id: 1}


def test_every_coded_value_has_a_label():
    from bbms_desktop.rules.vocabulary import (
        CrossmatchMethod,
        CrossmatchResult,
        Severity,
        Sex,
        TransfusionReactionType,
        Urgency,
    )

    for enum, labels in (
        (Sex, views.SEX_LABELS),
        (Urgency, views.URGENCY_LABELS),
        (RequestStatus, views.REQUEST_STATUS_LABELS),
        (CrossmatchMethod, views.CROSSMATCH_METHOD_LABELS),
        (CrossmatchResult, views.CROSSMATCH_RESULT_LABELS),
        (TransfusionReactionType, views.REACTION_TYPE_LABELS),
        (Severity, views.SEVERITY_LABELS),
        (IssueState, views.ISSUE_STATE_LABELS),
    ):
        assert set(labels) == set(enum), enum
