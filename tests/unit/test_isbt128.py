from datetime import date, datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bbms_desktop.errors import InvalidInput
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.isbt128 import (
    BloodGroupCode,
    Din,
    InvalidDin,
    ProductCode,
    ScanKind,
    blood_group_code,
    blood_group_from_code,
    check_character,
    check_flags,
    check_value,
    component_for,
    decode_scan,
    format_blood_group,
    format_collection_date,
    format_expiry,
    format_expiry_datetime,
    format_eye_readable,
    format_for_barcode,
    format_product_code,
    parse,
    parse_blood_group,
    parse_collection_date,
    parse_expiry,
    parse_expiry_datetime,
    parse_product_code,
    product_code_for,
)
from bbms_desktop.rules.sources import ICCBBA_ST001, LOCAL_SOP

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*"
FIN_FIRST = "ABCDEFGHIJKLMNPQRSTUVWXYZ123456789"

valid_dins = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(FIN_FIRST),
    st.text(alphabet="0123456789", min_size=12, max_size=12),
)
any_13 = st.text(alphabet=ALPHABET, min_size=13, max_size=13)
isbt_days = st.dates(min_value=date(2000, 1, 1), max_value=date(2999, 12, 31))


def refusal(exc_info: pytest.ExceptionInfo) -> str:
    return exc_info.value.render()


# --- the check character ------------------------------------------------------------------------------------------


def test_st001_worked_example_has_check_value_10_check_character_a_and_flags_70():
    assert check_value("G123417654321") == 10
    assert check_character("G123417654321") == "A"
    assert check_flags("G123417654321") == "70"
    assert format_for_barcode("G123417654321", check_flags("G123417654321")) == "=G12341765432170"


@pytest.mark.parametrize(
    ("din", "printed"),
    [
        # The check characters printed boxed on the example labels of ST-001 v6.2.2 Appendix C.
        ("A999820123456", "E"),
        ("A999917123456", "9"),
        ("A999917123654", "Y"),
        ("A999917345628", "*"),
        ("A999917345658", "O"),
        ("A999915000001", "M"),
        ("A999918000001", "8"),
    ],
)
def test_check_characters_match_the_st001_example_labels(din, printed):
    assert check_character(din) == printed


@given(any_13, st.integers(0, 12), st.sampled_from(ALPHABET))
def test_mod37_2_detects_every_single_character_substitution(chars, position, replacement):
    if chars[position] == replacement:
        replacement = ALPHABET[(ALPHABET.index(replacement) + 1) % len(ALPHABET)]
    altered = chars[:position] + replacement + chars[position + 1 :]
    assert check_character(altered) != check_character(chars)


@given(any_13, st.integers(0, 11))
def test_mod37_2_detects_every_adjacent_transposition(chars, position):
    swapped = chars[:position] + chars[position + 1] + chars[position] + chars[position + 2 :]
    if swapped != chars:
        assert check_character(swapped) != check_character(chars)


def test_check_value_refuses_text_that_is_not_13_alphabet_characters():
    with pytest.raises(InvalidDin, match="has 12 characters"):
        check_value("G12341765432")
    with pytest.raises(InvalidDin, match="contains '#'"):
        check_value("G12341765432#")


# --- parsing a DIN ------------------------------------------------------------------------------------------------


@given(valid_dins)
def test_every_accepted_form_of_a_din_parses_to_the_same_din(din):
    k = check_character(din)
    eye_readable = format_eye_readable(din)
    forms = [
        din,
        din + k,
        f"{eye_readable} {k}",
        f"  {eye_readable.lower()} {k.lower()}\r\n",
        "=" + din + check_flags(din),
        "=" + din + "00",
        "=" + din.lower() + "00",
        "]C0=" + din + check_flags(din) + "\r\n",
    ]
    parsed = {form: parse(form) for form in forms}
    assert set(parsed.values()) == {Din(din)}
    assert all(value.din == din and value.check == k for value in parsed.values())


def test_a_parsed_din_exposes_facility_year_sequence_and_check():
    din = parse("G1234 17 654321 A")
    assert (din.din, din.fin, din.year, din.full_year, din.sequence) == ("G123417654321", "G1234", 17, 2017, 654321)
    assert din.check == "A"
    assert din.flags is None
    assert str(din) == "G123417654321"


def test_scanned_flags_are_kept_but_the_donation_is_the_same_number():
    scanned = parse("=G12341765432105")
    assert scanned.flags == "05"
    assert scanned == parse("G123417654321")
    assert hash(scanned) == hash(parse("G123417654321"))


@pytest.mark.parametrize("flags", ["00", "01", "14", "19", "20", "59"])
def test_process_control_flags_00_to_59_are_accepted_without_verification(flags):
    assert parse(f"=G123417654321{flags}").flags == flags


def test_check_flags_that_disagree_with_the_number_are_refused():
    with pytest.raises(InvalidDin) as caught:
        parse("=G12341765432171")
    message = refusal(caught)
    assert "flag characters 71" in message
    assert "check character is B" in message
    assert "check character of G123417654321 is A" in message
    assert caught.value.field == "din"


@pytest.mark.parametrize("flags", ["97", "98", "99", "A1", "0B"])
def test_reserved_flags_97_to_99_and_alphanumeric_flags_are_refused(flags):
    # ST-001 Table 3: 97-99 and alphanumeric flags are "reserved for future assignment".
    with pytest.raises(InvalidDin) as caught:
        parse(f"=G123417654321{flags}")
    assert f"flag characters {flags} after G123417654321 are not assigned" in refusal(caught)


def test_a_typed_check_character_that_does_not_match_is_refused_with_both_characters():
    with pytest.raises(InvalidDin) as caught:
        parse("G1234 17 654321 K")
    assert refusal(caught) == "The check character is K but this DIN's is A: re-scan or re-type the number."


@given(valid_dins, st.integers(1, 12), st.sampled_from("0123456789"))
def test_a_mistyped_digit_is_caught_by_the_typed_check_character(din, position, digit):
    if din[position] == digit:
        return
    mistyped = din[:position] + digit + din[position + 1 :]
    with pytest.raises(InvalidDin, match="re-scan or re-type"):
        parse(mistyped + check_character(din))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "No donation number was entered"),
        ("   \r\n", "No donation number was entered"),
        ("G12341765432", "G12341765432 has 12 characters; a donation number has 13"),
        ("G1234 17 654321 A 7", "G123417654321A7 has 15 characters; a donation number has 13"),
        ("=G123417654321", "has 13 characters after the '='; a DIN barcode has 15"),
        ("G1234-17654321", "contains '-', which cannot be part of a donation number"),
        ("G123417654321-", "The check character typed after G123417654321 is '-'"),
        ("O123417654321", "starts with 'O'; a facility number starts with a letter A-Z other than O"),
        ("0123417654321", "starts with '0'"),
        ("GA23417654321", "The facility number GA234 at the start of GA23417654321 must be"),
        ("G1234A7654321", "Characters 6-7 of G1234A7654321 (A7) are the year"),
        ("G12341765432X", "Characters 8-13 of G12341765432X (65432X) are the sequence number"),
        ("=%5100", "This is the blood group barcode, not the donation number"),
        ("&>0261002359", "This is the expiry date and time barcode, not the donation number"),
        ("=+05000", "This is the ISBT 128 =+ barcode, not the donation number"),
    ],
)
def test_every_malformed_din_is_refused_with_what_is_wrong(text, expected):
    with pytest.raises(InvalidDin) as caught:
        parse(text)
    assert expected in refusal(caught)
    assert isinstance(caught.value, InvalidInput)
    assert caught.value.field == "din"
    assert caught.value.code == "invalid_din"


def _slow_parse(text):
    """parse() with every character checked one by one (what it does when its fast paths do not apply)."""
    import unicodedata

    kept = "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cf"})
    # a character parse() removes, put in front: the text no longer takes the fast path, and means the same
    return parse("\u200b" + kept)


def _outcome(parser, text):
    try:
        value = parser(text)
        return ("din", value.din, value.flags)
    except InvalidDin as refused:
        return ("refused", refused.render())


# a valid DIN with one character replaced (a misread, a typing slip, an O for a zero)
near_dins = st.builds(
    lambda din, position, char: din[:position] + char + din[position + 1 :],
    valid_dins,
    st.integers(0, 12),
    st.sampled_from("O0Aa*- "),
)
scanned_or_typed = st.one_of(
    valid_dins,
    near_dins,
    any_13,
    valid_dins.map(lambda din: din + check_character(din)),
    valid_dins.map(lambda din: "=" + din + check_flags(din)),
    valid_dins.map(lambda din: "]C0=" + din + "00"),
    st.text(alphabet=ALPHABET + "=&%+-] \t\r\n\x02\x03\u200bo", max_size=20),
    st.text(max_size=18),
)


@given(scanned_or_typed)
def test_the_fast_paths_of_parse_agree_with_checking_every_character(text):
    # a plain ASCII text skips the character-by-character clean-up and a valid DIN the one-by-one checks: the answer,
    # a DIN or the words of the refusal, must be the same as with both done in full
    assert _outcome(parse, text) == _outcome(_slow_parse, text)


@given(st.one_of(valid_dins, near_dins, any_13, st.text(max_size=14)))
@example("O123417654321")
@example("0123417654321")
@example("GA23417654321")
@example("g123417654321")
@example("G123417654321\n")
def test_the_one_match_for_a_valid_din_accepts_exactly_what_the_checks_accept(text):
    assert (isbt128._VALID_DIN.fullmatch(text) is not None) == (isbt128.din_problem(text) is None)


def test_a_din_cannot_be_constructed_invalid():
    with pytest.raises(InvalidDin):
        Din("g123417654321")
    with pytest.raises(InvalidDin):
        Din("G123417654321", "71")


# --- printing a DIN -----------------------------------------------------------------------------------------------


def test_the_barcode_carries_the_data_identifier_and_00_flags_by_default():
    assert format_for_barcode("G123417654321") == "=G12341765432100"
    assert format_for_barcode("G123417654321", "25") == "=G12341765432125"


def test_printing_refuses_wrong_check_flags_and_invalid_numbers():
    with pytest.raises(InvalidDin, match="flag characters 71"):
        format_for_barcode("G123417654321", "71")
    with pytest.raises(InvalidDin, match="not assigned"):
        format_for_barcode("G123417654321", "7")
    with pytest.raises(InvalidDin, match="starts with 'O'"):
        format_for_barcode("O123417654321")


def test_the_eye_readable_din_leaves_the_check_character_to_the_label_box():
    assert format_eye_readable("G123417654321") == "G1234 17 654321"


@given(valid_dins, st.sampled_from([None, "00", "01", "42"]))
def test_what_is_printed_scans_back_to_the_same_number(din, flags):
    scanned = parse(format_for_barcode(din, flags))
    assert scanned == Din(din)
    assert scanned.flags == (flags or "00")
    assert parse(format_for_barcode(din, check_flags(din))).flags == check_flags(din)


# --- blood groups -------------------------------------------------------------------------------------------------

GROUPS = [
    ("O-", "95"),
    ("O+", "51"),
    ("A-", "06"),
    ("A+", "62"),
    ("B-", "17"),
    ("B+", "73"),
    ("AB-", "28"),
    ("AB+", "84"),
]


@pytest.mark.parametrize(("group", "code"), GROUPS)
def test_all_eight_blood_groups_convert_to_their_st001_codes_and_back(group, code):
    assert blood_group_code(group) == code
    assert blood_group_from_code(code) == group
    assert format_blood_group(group) == f"=%{code}00"
    assert parse_blood_group(f"=%{code}00") == BloodGroupCode(group)


@pytest.mark.parametrize(
    ("written", "group"),
    [
        ("o+", "O+"),
        ("O +ve", "O+"),
        ("B Rh negative", "B-"),
        ("AB\u2212", "AB-"),
        ("A RhD POS", "A+"),
        ("ab-VE", "AB-"),
    ],
)
def test_blood_groups_are_read_the_way_centres_write_them(written, group):
    assert blood_group_code(written) == blood_group_code(group)


def test_the_phenotype_character_is_kept_as_printed():
    assert parse_blood_group("=%51E0") == BloodGroupCode("O+", "E")
    assert format_blood_group("O+", "E") == "=%51E0"


@pytest.mark.parametrize("group", ["O", "C+", "0+", "AB", ""])
def test_an_unknown_blood_group_is_refused(group):
    with pytest.raises(InvalidInput, match="is not a blood group; expected one of O\\+, O-") as caught:
        blood_group_code(group)
    assert caught.value.field == "blood_group"


@pytest.mark.parametrize("code", ["91", "55", "D6", "T1"])
def test_directed_autologous_and_rare_group_codes_are_refused_for_the_medical_officer(code):
    with pytest.raises(InvalidInput) as caught:
        parse_blood_group(f"=%{code}00")
    message = refusal(caught)
    assert f"Blood group code {code} is not one of the eight ABO/RhD codes" in message
    assert "ask the medical officer" in message


@pytest.mark.parametrize(("code", "meaning"), [("Md", "discard"), ("Mx", "not for transfusion"), ("00", "no ABO")])
def test_a_special_message_in_place_of_a_blood_group_stops_the_unit(code, meaning):
    with pytest.raises(InvalidInput) as caught:
        parse_blood_group(f"=%{code}00")
    message = refusal(caught)
    assert f"the ISBT 128 message {code}: {meaning}" in message
    assert "Do not use this unit" in message


def test_a_discard_message_is_recognised_even_through_caps_lock():
    with pytest.raises(InvalidInput, match="discard"):
        parse_blood_group("=%mD00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=%51", "has 2 characters after =%; it should have 4"),
        ("=%51001", "has 5 characters after =%"),
        ("=%5107", "The last character of blood group barcode =%5107 is '7'; ISBT 128 reserves it and requires 0"),
        ("=%51#0", "The phenotype character '#'"),
        ("=<E1234V00", "=<E1234V00 is not the blood group barcode (blood group barcodes start with =%)"),
    ],
)
def test_malformed_blood_group_barcodes_are_refused(text, expected):
    with pytest.raises(InvalidInput) as caught:
        parse_blood_group(text)
    assert expected in refusal(caught)


# --- dates --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "barcode"),
    [
        (date(2026, 1, 1), "=>026001"),
        (date(2026, 4, 10), "=>026100"),
        (date(2026, 12, 31), "=>026365"),
        (date(2027, 2, 28), "=>027059"),
        (date(2027, 12, 31), "=>027365"),
        (date(2028, 12, 31), "=>028366"),
    ],
)
def test_expiry_dates_use_century_year_and_day_of_year(day, barcode):
    assert format_expiry(day) == barcode
    assert parse_expiry(barcode) == day


def test_the_st001_label_example_dates_decode_as_printed():
    # ST-001 Appendix C tissue label: "0180292359" beside "Expiry Date: 29 JAN 2018"; ST-012 §6.2: 2018-12-31.
    assert parse_expiry_datetime("&>0180292359") == datetime(2018, 1, 29, 23, 59)
    assert parse_expiry_datetime("&>0183652359") == datetime(2018, 12, 31, 23, 59)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=>026000", "gives day 000 of 2026, which does not exist: 2026 has days 001 to 365"),
        ("=>028367", "gives day 367 of 2028, which does not exist: 2028 has days 001 to 366"),
        ("=>026366", "gives day 366 of 2026, which does not exist: 2026 has days 001 to 365"),
        ("=>02610A", "must have only digits after =>"),
        ("=>02610", "has 5 characters after =>; it should have 6"),
        ("=*026100", "=*026100 is not the expiry date barcode"),
    ],
)
def test_impossible_expiry_dates_are_refused(text, expected):
    with pytest.raises(InvalidInput) as caught:
        parse_expiry(text)
    assert expected in refusal(caught)
    assert caught.value.field == "expiry"


@given(isbt_days)
def test_expiry_and_collection_dates_round_trip(day):
    assert parse_expiry(format_expiry(day)) == day
    assert parse_collection_date(format_collection_date(day)) == day


def test_dates_outside_the_isbt_range_cannot_be_printed():
    with pytest.raises(InvalidInput, match="the year must be from 2000 to 2999"):
        format_expiry(date(1999, 12, 31))


def test_an_expiry_without_a_time_expires_at_2359():
    assert format_expiry_datetime(date(2026, 4, 10)) == "&>0261002359"
    assert format_expiry_datetime(datetime(2026, 4, 10, 7, 5, 59)) == "&>0261000705"


@given(isbt_days, st.integers(0, 23), st.integers(0, 59))
def test_expiry_date_and_time_round_trip(day, hour, minute):
    moment = datetime(day.year, day.month, day.day, hour, minute)
    assert parse_expiry_datetime(format_expiry_datetime(moment)) == moment


@pytest.mark.parametrize(("text", "shown"), [("&>0261002400", "24:00"), ("&>0261001260", "12:60")])
def test_impossible_expiry_times_are_refused(text, shown):
    with pytest.raises(InvalidInput, match=f"gives the time {shown}, which is not a time of day"):
        parse_expiry_datetime(text)


def test_collection_date_has_its_own_data_identifier():
    assert format_collection_date(date(2026, 4, 10)) == "=*026100"
    assert parse_collection_date("=*026100") == date(2026, 4, 10)
    with pytest.raises(InvalidInput, match="is not the collection date barcode") as caught:
        parse_collection_date("=>026100")
    assert caught.value.field == "collection_date"


# --- product codes ------------------------------------------------------------------------------------------------


def test_a_product_code_splits_into_description_donation_type_and_division():
    product = parse_product_code("=<E1234V00")
    assert product == ProductCode("E1234", "V", "00")
    assert product.code == "E1234V00"
    assert format_product_code(product) == "=<E1234V00"


def test_case_matters_in_product_codes_but_caps_lock_is_undone():
    assert parse_product_code("=<E1234dAb") == ProductCode("E1234", "d", "Ab")
    assert parse_product_code("=<e1234DaB") == ProductCode("E1234", "d", "Ab")
    assert parse_product_code("=<e1234v00") == ProductCode("E1234", "V", "00")


@pytest.mark.parametrize(
    ("letter", "meaning"),
    [
        ("V", "Volunteer allogeneic"),
        ("C", "Replacement"),
        ("A", "Autologous, eligible for crossover"),
        ("D", "Volunteer directed, eligible for crossover"),
        ("0", "Not specified"),
        ("d", "Paid directed"),
    ],
)
def test_donation_types_follow_st001_table_7(letter, meaning):
    assert isbt128.DONATION_TYPES.value[letter].render().startswith(meaning)
    assert parse_product_code(f"=<E1234{letter}00").donation_type == letter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=<T0416003", "Product code T0416 does not describe a blood component"),
        ("=<E12#4V00", "Product description code E12#4 must be E or F followed by 4"),
        ("=<E1234Z00", "'Z' is not an ISBT 128 donation type"),
        ("=<E1234VAA", "The division code 'AA' must be 00 for an undivided unit"),
        ("=<E1234V0", "has 7 characters after =<; it should have 8"),
    ],
)
def test_malformed_product_codes_are_refused(text, expected):
    with pytest.raises(InvalidInput) as caught:
        parse_product_code(text)
    assert expected in refusal(caught)
    assert caught.value.field == "product_code"


def test_the_local_product_table_is_a_marked_placeholder_not_an_iccbba_table():
    table = isbt128.LOCAL_PRODUCT_TABLE
    assert table.source is LOCAL_SOP
    assert "PLACEHOLDER" in table.note
    assert set(table.value) == {"WB_CPDA1", "PRBC_CPDA1", "PRBC_SAGM", "FFP", "PLT_RDP", "PLT_SDP", "CRYO", "CPP"}
    assert len(set(table.value.values())) == len(table.value)


@pytest.mark.parametrize("component", sorted(isbt128.LOCAL_PRODUCT_TABLE.value))
def test_each_component_prints_a_product_code_that_scans_back_to_it(component):
    product = product_code_for(component, "C", "A0")
    assert product.donation_type == "C" and product.division == "A0"
    assert component_for(parse_product_code(format_product_code(product))) == component


def test_a_centre_table_replaces_the_placeholders():
    table = {"PRBC_SAGM": "E0001"}
    assert product_code_for("PRBC_SAGM", table=table) == ProductCode("E0001")
    assert component_for(ProductCode("E0001"), table) == "PRBC_SAGM"
    assert component_for(ProductCode("E0002"), table) is None
    with pytest.raises(InvalidInput, match="No ISBT 128 product code is configured for component FFP") as caught:
        product_code_for("FFP", table=table)
    assert caught.value.field == "component"


# --- routing keyboard-wedge scans ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scan", "kind", "value"),
    [
        ("=G12341765432170", ScanKind.DIN, Din("G123417654321")),
        ("=%5100", ScanKind.BLOOD_GROUP, BloodGroupCode("O+")),
        ("=<E1234V00", ScanKind.PRODUCT_CODE, ProductCode("E1234")),
        ("=>026100", ScanKind.EXPIRY, date(2026, 4, 10)),
        ("&>0261002359", ScanKind.EXPIRY_DATETIME, datetime(2026, 4, 10, 23, 59)),
        ("=*026100", ScanKind.COLLECTION_DATE, date(2026, 4, 10)),
    ],
)
def test_a_scan_is_routed_by_its_data_identifier(scan, kind, value):
    decoded = decode_scan(f"]C0{scan}\r\n")
    assert decoded.kind is kind
    assert decoded.value == value
    assert decoded.data == scan


def test_a_scanned_din_keeps_its_flags():
    assert decode_scan("=G12341765432170").value.flags == "70"


@pytest.mark.parametrize(
    ("scan", "expected", "error"),
    [
        ("", "Nothing was scanned", InvalidInput),
        ("\r\n", "Nothing was scanned", InvalidInput),
        ("BB2026000123", "BB2026000123 is not an ISBT 128 barcode (those start with = or &)", InvalidInput),
        ("=;A99991234567890123456", "(=;) that is not read here", InvalidInput),
        ("&)1234567890", "(&)) that is not read here", InvalidInput),
        ("=G12341765432171", "flag characters 71", InvalidDin),
        ("=%9100", "Blood group code 91 is not one of the eight", InvalidInput),
        ("=>026366", "day 366 of 2026", InvalidInput),
    ],
)
def test_a_scan_that_cannot_be_used_is_refused_clearly(scan, expected, error):
    with pytest.raises(error) as caught:
        decode_scan(scan)
    assert expected in refusal(caught)


def test_the_rule_numbers_name_their_source():
    assert isbt128.DIN_FLAG_CHECK_OFFSET.value == 60
    assert isbt128.DIN_FLAG_CHECK_OFFSET.source is ICCBBA_ST001
    assert isbt128.BLOOD_GROUP_CODES.source is ICCBBA_ST001
    assert dict(isbt128.BLOOD_GROUP_CODES.value) == dict(GROUPS)
    assert isbt128.DEFAULT_EXPIRY_TIME.value.strftime("%H%M") == "2359"
    assert isbt128.CENTURY_ZERO_YEAR.value == 2000


@pytest.mark.parametrize("fin", ["G1234", "A0000", "Z9999", "19999"])
def test_valid_facility_numbers_are_accepted(fin):
    assert isbt128.validate_fin(fin) == fin


@pytest.mark.parametrize("fin", ["O1234", "01234", "G123", "G12345", "GA234", ""])
def test_invalid_facility_numbers_are_refused_with_the_rule(fin):
    with pytest.raises(InvalidInput, match="facility number"):
        isbt128.validate_fin(fin)
