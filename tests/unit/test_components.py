"""Component separation: what a donation may still give, by bag type, bleed time and delay (DOMAIN.md §3)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bbms_desktop.errors import InvalidInput
from bbms_desktop.rules.components import CATALOGUE, CODES, anticoagulant_ml, component, preparable

BAGS = ["single", "double", "triple", "quadruple", "quadruple_sagm"]

# Written out by hand: what each bag type can yield when the bleed was quick and separation prompt.
YIELDS = {
    "single": {"WB_CPDA1"},
    "double": {"WB_CPDA1", "PRBC_CPDA1", "FFP"},
    "triple": {"WB_CPDA1", "PRBC_CPDA1", "FFP", "PLT_RDP", "CRYO", "CPP"},
    "quadruple": {"WB_CPDA1", "PRBC_CPDA1", "FFP", "PLT_RDP", "CRYO", "CPP"},
    "quadruple_sagm": {"WB_CPDA1", "PRBC_SAGM", "FFP", "PLT_RDP", "CRYO", "CPP"},
}


@pytest.mark.parametrize(("bag", "expected"), YIELDS.items())
def test_a_prompt_quick_donation_yields_what_its_bag_type_allows(bag, expected):
    made = preparable(bag, bleed_minutes=8, hours_since_collection=2)
    assert set(made.codes) == expected
    assert set(made.refused) == set(CODES) - expected


def test_a_single_bag_yields_whole_blood_only():
    made = preparable("single", 5, 1)
    assert made.codes == ("WB_CPDA1",)
    assert made.options == (("WB_CPDA1",),)
    assert made.refused["PRBC_CPDA1"].render() == (
        "Packed red cells (CPDA-1) cannot be made from a single bag: "
        "it needs a double bag, triple bag or quadruple bag."
    )


def test_apheresis_platelets_never_come_from_a_whole_blood_bag():
    for bag in BAGS:
        assert "apheresis" in preparable(bag, 5, 1).refused["PLT_SDP"].render()


def test_red_cells_in_sagm_need_a_sagm_bag_and_a_sagm_bag_gives_no_cpda1_red_cells():
    assert "PRBC_SAGM" in preparable("quadruple_sagm", 5, 1).codes
    assert "PRBC_CPDA1" not in preparable("quadruple_sagm", 5, 1).codes
    reason = preparable("triple", 5, 1).refused["PRBC_SAGM"].render()
    assert reason == "Packed red cells (SAGM) cannot be made from a triple bag: it needs a quadruple bag with SAGM."


def test_a_triple_bag_gives_platelets_and_ffp_or_cryo_and_cryo_poor_plasma_but_not_both():
    options = preparable("triple", 5, 1).options
    assert ("PRBC_CPDA1", "FFP", "PLT_RDP") in options
    assert ("PRBC_CPDA1", "CRYO", "CPP") in options
    assert not any({"PLT_RDP", "CRYO"} <= set(option) for option in options)
    assert any({"PLT_RDP", "CRYO", "CPP"} <= set(option) for option in preparable("quadruple", 5, 1).options)


def test_platelets_at_exactly_twelve_minutes_of_bleeding_are_still_usable():
    assert "PLT_RDP" in preparable("triple", 12, 2).codes


def test_platelets_after_twelve_point_zero_one_minutes_of_bleeding_are_refused_with_the_limit():
    made = preparable("triple", 12.01, 2)
    assert "PLT_RDP" not in made.codes
    assert {"FFP", "CRYO", "CPP", "PRBC_CPDA1"} <= set(made.codes)
    assert made.refused["PLT_RDP"].render() == (
        "Random donor platelets (RDP) cannot be made: bleeding took 12.01 minutes, over the 12-minute limit."
    )
    assert ("PRBC_CPDA1", "FFP") in made.options


def test_plasma_components_at_fifteen_minutes_are_usable_and_after_it_refused():
    assert {"FFP", "CRYO", "CPP"} <= set(preparable("quadruple", 15, 2).codes)
    made = preparable("quadruple", 15.01, 2)
    assert not {"FFP", "CRYO", "CPP", "PLT_RDP"} & set(made.codes)
    assert set(made.codes) == {"WB_CPDA1", "PRBC_CPDA1"}
    assert "over the 15-minute limit" in made.refused["FFP"].render()
    assert "over the 12-minute limit" in made.refused["PLT_RDP"].render()


def test_separation_starting_at_24_hours_is_in_time_and_later_loses_platelets_and_plasma():
    assert {"FFP", "PLT_RDP", "CRYO", "CPP"} <= set(preparable("quadruple_sagm", 5, 24).codes)
    made = preparable("quadruple_sagm", 5, 24.01)
    assert set(made.codes) == {"WB_CPDA1", "PRBC_SAGM"}
    assert made.refused["FFP"].render() == (
        "Fresh frozen plasma (FFP) cannot be made: separation starts 24.01 hours after collection, "
        "over the 24-hour limit."
    )


def test_red_cells_and_whole_blood_are_not_limited_by_bleed_time_or_delay():
    made = preparable("double", 40, 70)
    assert made.codes == ("WB_CPDA1", "PRBC_CPDA1")


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("quintuple", 5, 1), "bag_type"),
        (("", 5, 1), "bag_type"),
        (("triple", -0.5, 1), "bleed_minutes"),
        (("triple", float("nan"), 1), "bleed_minutes"),
        (("triple", True, 1), "bleed_minutes"),
        (("triple", 5, -1), "hours_since_collection"),
        (("triple", 5, float("inf")), "hours_since_collection"),
    ],
)
def test_impossible_preparation_inputs_are_refused_naming_the_field(args, field):
    with pytest.raises(InvalidInput) as error:
        preparable(*args)
    assert error.value.field == field


@given(
    bag=st.sampled_from(BAGS),
    minutes=st.floats(min_value=0, max_value=60),
    hours=st.floats(min_value=0, max_value=96),
)
def test_every_code_is_either_preparable_or_refused_with_a_reason(bag, minutes, hours):
    made = preparable(bag, minutes, hours)
    assert set(made.codes).isdisjoint(made.refused)
    assert set(made.codes) | set(made.refused) == set(CODES)
    assert all(set(option) <= set(made.codes) for option in made.options)
    assert set().union(*made.options) == set(made.codes)
    assert ("PLT_RDP" in made.codes) == (bag != "single" and bag != "double" and minutes <= 12 and hours <= 24)
    assert ("FFP" in made.codes) == (bag != "single" and minutes <= 15 and hours <= 24)
    for reason in made.refused.values():
        assert "{" not in reason.render()


@given(
    bag=st.sampled_from(BAGS),
    minutes=st.floats(min_value=0, max_value=60),
    extra=st.floats(min_value=0, max_value=30),
    hours=st.floats(min_value=0, max_value=96),
)
def test_a_longer_bleed_never_yields_more(bag, minutes, extra, hours):
    assert set(preparable(bag, minutes + extra, hours).codes) <= set(preparable(bag, minutes, hours).codes)


@pytest.mark.parametrize(("volume", "expected"), [(350, 49), (450, 63), (100, 14)])
def test_cpda1_is_14_ml_per_100_ml_of_blood(volume, expected):
    assert anticoagulant_ml(volume) == pytest.approx(expected)


@pytest.mark.parametrize("volume", [0, -350, float("nan"), None])
def test_an_impossible_blood_volume_is_refused(volume):
    with pytest.raises(InvalidInput) as error:
        anticoagulant_ml(volume)
    assert error.value.field == "volume_ml"


@pytest.mark.parametrize(
    ("code", "kind", "name"),
    [
        ("WB_CPDA1", "whole_blood", "Whole blood (CPDA-1)"),
        ("PRBC_CPDA1", "red_cells", "Packed red cells (CPDA-1)"),
        ("PRBC_SAGM", "red_cells", "Packed red cells (SAGM)"),
        ("FFP", "plasma", "Fresh frozen plasma (FFP)"),
        ("PLT_RDP", "platelets", "Random donor platelets (RDP)"),
        ("PLT_SDP", "platelets", "Apheresis platelets (SDP)"),
        ("CRYO", "plasma", "Cryoprecipitate"),
        ("CPP", "plasma", "Cryo-poor plasma"),
    ],
)
def test_catalogue_names_each_component_and_its_compatibility_kind(code, kind, name):
    entry = component(code)
    assert entry.code == code and entry.kind == kind
    assert entry.name.render() == name
    assert entry.bag_types == {bag for bag, codes in YIELDS.items() if code in codes}


def test_the_catalogue_holds_exactly_the_eight_codes():
    assert tuple(CATALOGUE) == CODES
    assert CODES == ("WB_CPDA1", "PRBC_CPDA1", "PRBC_SAGM", "FFP", "PLT_RDP", "PLT_SDP", "CRYO", "CPP")


def test_an_unknown_component_code_is_refused_naming_the_valid_codes():
    with pytest.raises(InvalidInput) as error:
        component("FP24")
    assert error.value.field == "code"
    assert "PLT_SDP" in str(error.value)
