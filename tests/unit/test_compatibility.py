"""ABO/RhD compatibility at the issue counter (DOMAIN.md §6), checked against a table written out by hand."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bbms_desktop.errors import InvalidInput
from bbms_desktop.rules.compatibility import (
    assess,
    is_compatible,
    may_receive_rhd_positive_red_cells,
    preference,
)

DONORS = ["O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-"]
PATIENTS = [*DONORS, "unknown"]
KINDS = ["whole_blood", "red_cells", "plasma", "platelets"]
ALL = " ".join(DONORS)

# Written from DOMAIN.md §6 by hand, not derived from the code: the compatible donor groups for each patient, with no
# sex or age known. Red cells and whole blood: RhD-negative patients only RhD-negative units. Plasma and platelets:
# RhD does not decide compatibility.
EXPECTED = {
    "whole_blood": {
        "O+": "O+ O-",
        "O-": "O-",
        "A+": "A+ A-",
        "A-": "A-",
        "B+": "B+ B-",
        "B-": "B-",
        "AB+": "AB+ AB-",
        "AB-": "AB-",
        "unknown": "",
    },
    "red_cells": {
        "O+": "O+ O-",
        "O-": "O-",
        "A+": "A+ A- O+ O-",
        "A-": "A- O-",
        "B+": "B+ B- O+ O-",
        "B-": "B- O-",
        "AB+": ALL,
        "AB-": "AB- A- B- O-",
        "unknown": "O-",
    },
    "plasma": {
        "O+": ALL,
        "O-": ALL,
        "A+": "A+ A- AB+ AB-",
        "A-": "A+ A- AB+ AB-",
        "B+": "B+ B- AB+ AB-",
        "B-": "B+ B- AB+ AB-",
        "AB+": "AB+ AB- A+ A- B+ B-",
        "AB-": "AB+ AB- A+ A- B+ B-",
        "unknown": "AB+ AB-",
    },
    "platelets": {
        "O+": ALL,
        "O-": ALL,
        "A+": "A+ A- O+ O- B+ B-",
        "A-": "A+ A- O+ O- B+ B-",
        "B+": "B+ B- A+ A- O+ O-",
        "B-": "B+ B- A+ A- O+ O-",
        "AB+": ALL,
        "AB-": ALL,
        "unknown": "A+ A- O+ O-",
    },
}

SEX_AGE = [(None, None), ("M", 40), ("M", 18), ("M", 19), ("F", 30), ("F", 50), ("F", 51), ("X", 70), ("F", None)]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("patient", PATIENTS)
@pytest.mark.parametrize("donor", DONORS)
def test_every_kind_donor_and_patient_matches_the_hand_written_table(kind, donor, patient):
    expected = donor in EXPECTED[kind][patient].split()
    assert is_compatible(kind, donor, patient) is expected
    verdict = assess(kind, donor, patient)
    assert verdict.compatible is expected
    assert (verdict.rank is not None) is expected
    assert bool(verdict.reasons) is not expected


@pytest.mark.parametrize("sex_age", SEX_AGE)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("patient", PATIENTS)
def test_preference_lists_exactly_the_compatible_groups_each_once(kind, patient, sex_age):
    sex, age = sex_age
    ranked = preference(kind, patient, patient_sex=sex, patient_age=age)
    compatible = [d for d in DONORS if is_compatible(kind, d, patient, patient_sex=sex, patient_age=age)]
    assert sorted(ranked) == sorted(compatible)
    assert len(set(ranked)) == len(ranked)
    for rank, donor in enumerate(ranked):
        assert assess(kind, donor, patient, patient_sex=sex, patient_age=age).rank == rank


@pytest.mark.parametrize(
    ("kind", "patient", "expected"),
    [
        ("red_cells", "A+", ["A+", "A-", "O+", "O-"]),
        ("red_cells", "B-", ["B-", "O-"]),
        ("red_cells", "AB+", ["AB+", "AB-", "A+", "A-", "B+", "B-", "O+", "O-"]),
        ("red_cells", "AB-", ["AB-", "A-", "B-", "O-"]),
        ("whole_blood", "O+", ["O+", "O-"]),
        ("plasma", "unknown", ["AB+", "AB-"]),
    ],
)
def test_preference_order_follows_the_table_with_rhd_positive_first_for_rhd_positive_patients(kind, patient, expected):
    assert preference(kind, patient) == expected


@pytest.mark.parametrize(
    ("kind", "patient", "abo_order"),
    [
        ("plasma", "O+", ["O", "A", "B", "AB"]),
        ("plasma", "A+", ["A", "AB"]),
        ("plasma", "AB-", ["AB", "A", "B"]),
        ("platelets", "O-", ["O", "A", "B", "AB"]),
        ("platelets", "A+", ["A", "O", "B"]),
        ("platelets", "B+", ["B", "A", "O"]),
        ("platelets", "AB+", ["AB", "A", "B", "O"]),
        ("platelets", "unknown", ["A", "O"]),
        ("red_cells", "unknown", ["O"]),
    ],
)
def test_abo_order_of_preference_is_the_domain_table(kind, patient, abo_order):
    seen = []
    for group in preference(kind, patient):
        abo = group[:-1]
        if abo not in seen:
            seen.append(abo)
    assert seen == abo_order


@pytest.mark.parametrize("abo", ["O", "A", "B", "AB"])
def test_rhd_positive_patient_gets_rhd_positive_red_cells_first_to_conserve_rhd_negative_stock(abo):
    assert preference("red_cells", abo + "+")[:2] == [abo + "+", abo + "-"]


@pytest.mark.parametrize(
    ("kind", "donor"),
    [("red_cells", "O+"), ("red_cells", "A+"), ("red_cells", "B+"), ("red_cells", "AB+"), ("whole_blood", "AB+")],
)
def test_rhd_negative_man_is_refused_rhd_positive_red_cells_here_even_when_an_override_could_apply(kind, donor):
    verdict = assess(kind, donor, "AB-", patient_sex="M", patient_age=60)
    assert not verdict.compatible
    assert "medical officer" in verdict.reasons[0].render()


def test_rhd_refusal_explains_who_may_be_overridden_with_the_rule_ages():
    text = assess("red_cells", "A+", "A-").reasons[0].render()
    assert text == (
        "Group A+ red cells are RhD-positive and the patient is RhD-negative: give RhD-negative red cells. "
        "Only a medical officer may override this, for a man over 18 or a woman over 50 without anti-D."
    )


@pytest.mark.parametrize("patient", PATIENTS)
@pytest.mark.parametrize("abo", ["O", "A", "B", "AB"])
def test_plasma_ignores_rhd(abo, patient):
    assert is_compatible("plasma", abo + "+", patient) == is_compatible("plasma", abo + "-", patient)


def test_abo_refusal_names_the_groups_and_what_is_acceptable():
    verdict = assess("red_cells", "A+", "O+")
    assert [r.render() for r in verdict.reasons] == [
        "Group A red cells are not compatible with a group O patient. Acceptable: group O."
    ]
    assert verdict.warnings == ()


def test_a_group_a_patient_may_not_have_group_b_plasma_and_is_told_which_groups_may():
    text = assess("plasma", "B-", "A+").reasons[0].render()
    assert text == "Group B plasma is not compatible with a group A patient. Acceptable: group A, AB."


def test_red_cells_for_a_patient_of_unknown_group_are_o_rhd_negative_when_sex_or_age_is_missing():
    assert preference("red_cells", "unknown") == ["O-"]
    assert preference("red_cells", "unknown", patient_sex="M") == ["O-"]
    assert preference("red_cells", "unknown", patient_age=70) == ["O-"]
    reason = assess("red_cells", "O+", "unknown").reasons[0].render()
    assert "sex or age is not recorded" in reason


@pytest.mark.parametrize(
    ("sex", "age", "o_positive_allowed"),
    [("M", 18, False), ("M", 19, True), ("M", 18.5, True), ("F", 50, False), ("F", 51, True), ("F", 35, False)],
)
def test_o_rhd_positive_red_cells_for_unknown_group_only_for_men_over_18_and_women_over_50(
    sex, age, o_positive_allowed
):
    assert is_compatible("red_cells", "O+", "unknown", patient_sex=sex, patient_age=age) is o_positive_allowed
    assert may_receive_rhd_positive_red_cells(sex, age) is o_positive_allowed
    assert is_compatible("red_cells", "O-", "unknown", patient_sex=sex, patient_age=age)
    if o_positive_allowed:
        assert preference("red_cells", "unknown", patient_sex=sex, patient_age=age) == ["O+", "O-"]


def test_sex_other_is_protected_like_a_woman_who_could_become_pregnant():
    assert not may_receive_rhd_positive_red_cells("X", 70)
    assert not is_compatible("red_cells", "O+", "unknown", patient_sex="X", patient_age=70)


def test_whole_blood_for_a_patient_of_unknown_group_is_refused_with_what_to_do_instead():
    assert preference("whole_blood", "unknown") == []
    text = assess("whole_blood", "O-", "unknown").reasons[0].render()
    assert "group the patient first" in text
    assert "group O red cells" in text


def test_rhd_positive_platelets_for_an_rhd_negative_woman_are_compatible_with_an_anti_d_warning():
    verdict = assess("platelets", "A+", "A-", patient_sex="F", patient_age=28)
    assert verdict.compatible
    assert any("anti-D" in w.render() for w in verdict.warnings)
    assert verdict.rank == 1  # after A RhD-negative


def test_rhd_positive_platelets_for_an_rhd_negative_man_need_no_anti_d():
    verdict = assess("platelets", "A+", "A-", patient_sex="M", patient_age=28)
    assert verdict.compatible
    assert not any("anti-D" in w.render() for w in verdict.warnings)


@pytest.mark.parametrize(("sex", "patient"), [(None, "O-"), ("X", "B-"), (None, "unknown"), ("F", "unknown")])
def test_anti_d_warning_when_the_patient_might_be_an_rhd_negative_woman(sex, patient):
    donor = "A+" if patient == "unknown" else patient[:-1] + "+"
    assert any("anti-D" in w.render() for w in assess("platelets", donor, patient, patient_sex=sex).warnings)


def test_rhd_negative_platelets_carry_no_anti_d_warning():
    assert not any("anti-D" in w.render() for w in assess("platelets", "O-", "O-", patient_sex="F").warnings)


@pytest.mark.parametrize(
    ("kind", "donor", "patient", "antibody"),
    [
        ("plasma", "A+", "AB+", "anti-B"),
        ("plasma", "B-", "AB-", "anti-A"),
        ("platelets", "O+", "A+", "anti-A"),
        ("platelets", "B+", "A+", "anti-A"),
        ("platelets", "A+", "B+", "anti-B"),
        ("platelets", "O-", "AB-", "anti-A, anti-B"),
        ("platelets", "A+", "unknown", "anti-B"),
        ("platelets", "O+", "unknown", "anti-A, anti-B"),
    ],
)
def test_minor_mismatch_plasma_and_platelets_must_be_low_titre(kind, donor, patient, antibody):
    warnings = [w.render() for w in assess(kind, donor, patient).warnings]
    assert any(f"low titre for {antibody}." in w for w in warnings), warnings


@pytest.mark.parametrize(
    ("kind", "donor", "patient"),
    [("plasma", "A+", "O+"), ("plasma", "AB+", "A+"), ("platelets", "A+", "A+"), ("red_cells", "O+", "A+")],
)
def test_no_low_titre_warning_when_donor_antibodies_meet_no_patient_antigen(kind, donor, patient):
    assert not any("low titre" in w.render() for w in assess(kind, donor, patient).warnings)


def test_a_later_abo_choice_says_which_groups_come_first():
    warnings = [w.render() for w in assess("red_cells", "O+", "A+").warnings]
    assert (
        "Group O is choice 2 of red cells for a group A patient, after group A: use those first if in stock."
        in warnings
    )
    assert not any("choice" in w.render() for w in assess("red_cells", "A+", "A+").warnings)


def test_equal_choices_in_the_table_do_not_warn_against_each_other():
    # "A, then O or B" for platelets: B is not told to wait for O
    warnings = [w.render() for w in assess("platelets", "B+", "A+").warnings]
    assert any("after group A:" in w for w in warnings), warnings


def test_rhd_negative_red_cells_for_an_rhd_positive_patient_warn_of_scarce_stock():
    verdict = assess("red_cells", "A-", "A+")
    assert verdict.compatible and verdict.rank == 1
    assert any("scarce RhD-negative" in w.render() for w in verdict.warnings)
    assert not any("scarce" in w.render() for w in assess("plasma", "A-", "A+").warnings)


def test_first_choice_has_rank_zero_and_no_warnings():
    verdict = assess("red_cells", "B+", "B+")
    assert verdict.rank == 0
    assert verdict.warnings == ()


def test_group_spelling_from_a_keyboard_or_scanner_is_accepted():
    assert is_compatible("red_cells", " o\u2212 ", "ab+")
    assert preference("plasma", "UNKNOWN") == ["AB+", "AB-"]


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: is_compatible("cryo", "O+", "O+"), "kind"),
        (lambda: is_compatible("red_cells", "unknown", "O+"), "donor"),
        (lambda: is_compatible("red_cells", "C+", "O+"), "donor"),
        (lambda: is_compatible("red_cells", "O", "O+"), "donor"),
        (lambda: is_compatible("red_cells", "O+", "Z"), "patient"),
        (lambda: preference("plasma", ""), "patient"),
        (lambda: assess("red_cells", "O+", "O+", patient_sex="male"), "patient_sex"),
        (lambda: assess("red_cells", "O+", "O+", patient_age=-1), "patient_age"),
        (lambda: assess("red_cells", "O+", "O+", patient_age=float("nan")), "patient_age"),
    ],
)
def test_unknown_kinds_groups_and_impossible_patients_are_refused_naming_the_field(call, field):
    with pytest.raises(InvalidInput) as error:
        call()
    assert error.value.field == field


@pytest.mark.parametrize("sex_age", SEX_AGE)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("patient", PATIENTS)
def test_every_reason_and_warning_renders_in_full(kind, patient, sex_age):
    sex, age = sex_age
    for donor in DONORS:
        verdict = assess(kind, donor, patient, patient_sex=sex, patient_age=age)
        for text in (*verdict.reasons, *verdict.warnings):
            rendered = text.render()
            assert "{" not in rendered and "Msg(" not in rendered and "Text(" not in rendered


@given(
    kind=st.sampled_from(KINDS),
    donor=st.sampled_from(DONORS),
    patient=st.sampled_from(PATIENTS),
    sex=st.sampled_from([None, "M", "F", "X"]),
    age=st.one_of(st.none(), st.floats(min_value=0, max_value=120)),
)
def test_a_verdict_is_consistent_with_the_preference_list(kind, donor, patient, sex, age):
    verdict = assess(kind, donor, patient, patient_sex=sex, patient_age=age)
    ranked = preference(kind, patient, patient_sex=sex, patient_age=age)
    assert verdict.compatible == (donor in ranked) == (not verdict.reasons)
    if verdict.compatible:
        assert ranked[verdict.rank] == donor
    else:
        assert verdict.rank is None and verdict.warnings == ()
    # recording the patient's sex and age can only widen the choice made without them, never narrow it
    if donor in preference(kind, patient):
        assert verdict.compatible
