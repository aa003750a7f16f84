"""What the components, inventory and discard screens read: a donation by its DIN, the filtered stock list, the
components worklist and recent discards."""

from datetime import timedelta

import pytest

from bbms_desktop.rules import isbt128
from bbms_desktop.rules.vocabulary import ComponentStatus, DiscardReason
from bbms_desktop.services import components, stock_views
from bbms_desktop.services.stock_views import StockFilter

from ..conftest import NOW
from .factories import make_component, make_donation, make_results

S = ComponentStatus


def _scan(din: str) -> str:
    return isbt128.format_for_barcode(din, isbt128.check_flags(din))


@pytest.fixture
def stock(db, staff):
    """Three donations: O+ cleared with red cells and plasma in stock, A- unverified in quarantine, and one not
    yet separated; returns their DINs."""
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:
        cleared = make_donation(uow, din="G123426100001", collected_at=NOW - timedelta(days=2))
        make_results(uow, cleared, verified_by=staff["lab_technician_2"])
        red = make_component(uow, cleared, code="PRBC_SAGM", status=S.AVAILABLE, group="O+")
        red.storage_location = "Fridge 2"
        make_component(uow, cleared, code="FFP", status=S.AVAILABLE, group="O+")
        waiting = make_donation(uow, din="G123426100002", collected_at=NOW - timedelta(hours=5))
        make_results(uow, waiting, abo="A", rhd="-")
        make_component(uow, waiting, code="PLT_RDP")  # expires 5 days after collection
        make_donation(uow, din="G123426100003", collected_at=NOW - timedelta(hours=1))
        make_donation(uow, din="G123426100004", collected_at=NOW - timedelta(days=10))  # too old for the worklist
    return "G123426100001", "G123426100002", "G123426100003"


def test_a_scanned_typed_or_eye_readable_din_finds_the_donation_with_its_units_and_blockers(db, stock):
    cleared, waiting, _ = stock
    with db.read() as s:
        for text in (_scan(waiting), waiting, "G1234 26 100002", waiting + isbt128.check_character(waiting)):
            card = stock_views.find_donation(s, text, NOW)
            assert card is not None and card.din == waiting, text
        assert card.check == isbt128.check_character(waiting)
        assert card.eye_readable == "G1234 26 100002"
        assert card.lab_state == stock_views.LAB_UNVERIFIED
        [unit] = card.units
        assert unit.status == S.QUARANTINE and unit.discardable
        assert [b.render() for b in unit.blockers] == ["the results are not yet verified by a second technician"]
        assert card.bag_type == "triple" and card.max_component_volume_ml == 450 + 63

        card = stock_views.find_donation(s, _scan(cleared), NOW)
        assert card.lab_state == stock_views.LAB_CLEARED and card.lab.group == "O+"
        assert [(u.code, u.status, u.blockers) for u in card.units] == [
            ("PRBC_SAGM", S.AVAILABLE, ()),
            ("FFP", S.AVAILABLE, ()),
        ]


def test_an_unknown_din_is_none_and_a_wrong_one_says_what_is_wrong(db, stock):
    with db.read() as s:
        assert stock_views.find_donation(s, _scan("G123426999999"), NOW) is None
        with pytest.raises(isbt128.InvalidDin, match="check"):
            stock_views.find_donation(s, "G123426100002Z", NOW)  # a wrong check character
        with pytest.raises(isbt128.InvalidDin):
            stock_views.find_donation(s, "hello", NOW)


def test_a_scan_is_known_only_when_the_donation_is_recorded_here(db, stock):
    with db.read() as s:
        assert stock_views.unit_known(s, _scan(stock[0]))
        assert stock_views.unit_known(s, "g1234 26 100003")
        assert not stock_views.unit_known(s, _scan("G123426999999"))
        assert not stock_views.unit_known(s, "hello world")
        assert not stock_views.unit_known(s, "")


def test_what_a_bag_may_still_yield_is_the_rule_at_the_time_asked(db, staff, stock):
    with db.read() as s:
        fresh = stock_views.find_donation(s, stock[2], NOW)
        assert set(fresh.preparation.codes) >= {"PRBC_CPDA1", "FFP", "PLT_RDP"}
        late = stock_views.find_donation(s, stock[2], NOW + timedelta(hours=30))
        assert "FFP" not in late.preparation.codes
        assert "separation starts" in late.preparation.refused["FFP"].render()


def test_the_stock_list_filters_and_counts_soonest_expiry_first(db, stock):
    cleared, waiting, _ = stock

    def listed(**filters):
        flt = StockFilter(**filters)
        with db.read() as s:
            rows = stock_views.units(s, flt, NOW)
            assert stock_views.count_units(s, flt, NOW) == len(rows)
        return [(r.din, r.code) for r in rows]

    everything = listed()
    assert everything == [(waiting, "PLT_RDP"), (cleared, "PRBC_SAGM"), (cleared, "FFP")]
    assert listed(blood_group="O+") == [(cleared, "PRBC_SAGM"), (cleared, "FFP")]
    assert listed(blood_group=stock_views.UNGROUPED) == [(waiting, "PLT_RDP")]
    assert listed(code="FFP") == [(cleared, "FFP")]
    assert listed(statuses=(S.QUARANTINE,)) == [(waiting, "PLT_RDP")]
    assert listed(within_hours=24 * 7) == [(waiting, "PLT_RDP")]
    assert listed(location="Fridge 2") == [(cleared, "PRBC_SAGM")]
    assert listed(din=_scan(cleared)) == [(cleared, "PRBC_SAGM"), (cleared, "FFP")]
    assert listed(din="G1234 26 10000") == everything  # the start of a number
    assert listed(din="G123427") == []
    with db.read() as s:
        assert [r.din for r in stock_views.units(s, StockFilter(), NOW, offset=1, limit=1)] == [cleared]
        assert stock_views.storage_locations(s) == ["Fridge 2"]


def test_discarded_units_leave_the_default_list_and_head_the_recent_discards(db, staff, stock):
    cleared, *_ = stock
    with db.read() as s:
        red, plasma = stock_views.find_donation(s, cleared, NOW).units
    with db.unit_of_work(staff["lab_technician"], now=NOW) as uow:
        components.discard(uow, plasma.id, DiscardReason.LEAKED_OR_DAMAGED, "bag torn")
    with db.unit_of_work(staff["issue_counter"], now=NOW + timedelta(minutes=5)) as uow:
        components.discard(uow, red.id, DiscardReason.HAEMOLYSED)
    with db.read() as s:
        assert [r.code for r in stock_views.units(s, StockFilter(), NOW)] == ["PLT_RDP"]
        assert len(stock_views.units(s, StockFilter(statuses=None), NOW)) == 3
        rows = stock_views.recent_discards(s)
        assert [(r.code, r.reason, r.detail, r.discarded_by) for r in rows] == [
            ("PRBC_SAGM", DiscardReason.HAEMOLYSED, None, "Issue Counter One"),
            ("FFP", DiscardReason.LEAKED_OR_DAMAGED, "bag torn", "Lab Technician One"),
        ]
        assert stock_views.recent_discards(s, offset=1, limit=5)[0].code == "FFP"
        card = stock_views.find_donation(s, cleared, NOW)
        assert not any(u.discardable for u in card.units)


def test_the_components_worklist_holds_recent_unseparated_and_quarantined_donations(db, staff, stock):
    cleared, waiting, unseparated = stock
    with db.read() as s:
        rows = stock_views.separation_worklist(s, NOW)
    assert [(r.din, r.units, r.in_quarantine, r.lab_state) for r in rows] == [
        (unseparated, 0, 0, stock_views.LAB_NO_RESULTS),
        (waiting, 1, 1, stock_views.LAB_UNVERIFIED),
    ]
    assert cleared not in [r.din for r in rows]


def test_every_label_is_there_for_the_screens():
    assert set(stock_views.DISCARD_REASON_LABELS) == set(DiscardReason)
    assert S.ISSUED not in stock_views.DISCARDABLE and S.TRANSFUSED not in stock_views.DISCARDABLE
    assert {S.QUARANTINE, S.AVAILABLE, S.RESERVED, S.UNSAFE, S.EXPIRED} == stock_views.DISCARDABLE
