"""Expiry and storage of every component (DOMAIN.md §5): expiry is computed from the shelf life, never typed."""

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bbms_desktop.errors import InvalidInput
from bbms_desktop.rules.shelf_life import expiry, is_expired, storage

IST = ZoneInfo("Asia/Kolkata")
COLLECTED = datetime(2025, 3, 10, 9, 15, tzinfo=IST)

# Written out from DOMAIN.md §5.
EXPECTED_EXPIRY = {
    "WB_CPDA1": datetime(2025, 4, 14, 9, 15, tzinfo=IST),  # 35 days
    "PRBC_CPDA1": datetime(2025, 4, 14, 9, 15, tzinfo=IST),  # 35 days
    "PRBC_SAGM": datetime(2025, 4, 21, 9, 15, tzinfo=IST),  # 42 days
    "FFP": datetime(2026, 3, 10, 9, 15, tzinfo=IST),  # 1 year
    "PLT_RDP": datetime(2025, 3, 15, 9, 15, tzinfo=IST),  # 5 days
    "PLT_SDP": datetime(2025, 3, 15, 9, 15, tzinfo=IST),  # 5 days
    "CRYO": datetime(2026, 3, 10, 9, 15, tzinfo=IST),  # 1 year
    "CPP": datetime(2026, 3, 10, 9, 15, tzinfo=IST),  # 1 year (local SOP)
}
EXPECTED_STORAGE = {
    "WB_CPDA1": (2, 6, False, "2–6 °C"),
    "PRBC_CPDA1": (2, 6, False, "2–6 °C"),
    "PRBC_SAGM": (2, 6, False, "2–6 °C"),
    "FFP": (None, -30, False, "≤ −30 °C"),
    "PLT_RDP": (20, 24, True, "20–24 °C, continuous agitation"),
    "PLT_SDP": (20, 24, True, "20–24 °C, continuous agitation"),
    "CRYO": (None, -30, False, "≤ −30 °C"),
    "CPP": (None, -30, False, "≤ −30 °C"),
}
YEARLY = ["FFP", "CRYO", "CPP"]


@pytest.mark.parametrize(("code", "expected"), EXPECTED_EXPIRY.items())
def test_every_component_expires_after_its_shelf_life(code, expected):
    assert expiry(code, COLLECTED) == expected
    assert expiry(code, COLLECTED).tzinfo is IST


@pytest.mark.parametrize(("code", "expected"), EXPECTED_STORAGE.items())
def test_every_component_has_its_storage_range_and_label(code, expected):
    minimum, maximum, agitation, label = expected
    kept = storage(code)
    assert (kept.min_c, kept.max_c, kept.agitation) == (minimum, maximum, agitation)
    assert kept.label.render() == label


@pytest.mark.parametrize("code", YEARLY)
def test_frozen_plasma_collected_on_29_february_expires_on_28_february_never_after_a_year(code):
    start = datetime(2024, 2, 29, 23, 30, tzinfo=IST)
    expires = expiry(code, start)
    assert expires == datetime(2025, 2, 28, 23, 30, tzinfo=IST)
    assert expires - start <= timedelta(days=365)


@pytest.mark.parametrize("code", YEARLY)
def test_a_year_across_29_february_is_the_same_date_a_year_later(code):
    assert expiry(code, datetime(2023, 3, 1, 8, 0)) == datetime(2024, 3, 1, 8, 0)
    assert expiry(code, datetime(2023, 2, 28, 8, 0)) == datetime(2024, 2, 28, 8, 0)


def test_platelets_expire_five_days_after_midnight_across_a_month_end():
    assert expiry("PLT_RDP", datetime(2024, 2, 27, 0, 0)) == datetime(2024, 3, 3, 0, 0)  # 2024 has 29 February


def test_naive_start_gives_naive_expiry_and_aware_start_keeps_its_zone():
    assert expiry("PRBC_SAGM", datetime(2025, 1, 1, 10, 0)).tzinfo is None
    utc = expiry("PRBC_SAGM", datetime(2025, 1, 1, 10, 0, tzinfo=UTC))
    assert utc == datetime(2025, 2, 12, 10, 0, tzinfo=UTC) and utc.tzinfo is UTC
    offset = timezone(timedelta(hours=5, minutes=30))
    assert expiry("FFP", datetime(2025, 1, 1, 10, 0, tzinfo=offset)).utcoffset() == timedelta(hours=5, minutes=30)


def test_days_are_exact_elapsed_days_across_a_daylight_saving_change():
    london = ZoneInfo("Europe/London")
    start = datetime(2024, 3, 28, 12, 0, tzinfo=london)  # clocks go forward on 31 March
    expires = expiry("PLT_SDP", start)
    assert expires.tzinfo is london
    assert expires.astimezone(UTC) - start.astimezone(UTC) == timedelta(days=5)


@given(
    start=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 12, 31), timezones=st.just(IST)),
    code=st.sampled_from(list(EXPECTED_EXPIRY)),
)
def test_expiry_is_never_before_the_start_and_never_more_than_a_year_after(start, code):
    expires = expiry(code, start)
    assert start < expires <= start + timedelta(days=366)
    assert expires.tzinfo is IST
    assert (expires.hour, expires.minute, expires.second, expires.microsecond) == (
        start.hour,
        start.minute,
        start.second,
        start.microsecond,
    )


def test_a_unit_is_expired_from_the_instant_of_expiry():
    expires = datetime(2025, 4, 14, 9, 15, tzinfo=IST)
    assert not is_expired(expires, expires - timedelta(microseconds=1))
    assert is_expired(expires, expires)
    assert is_expired(expires, expires + timedelta(seconds=1))


def test_expiry_compares_instants_across_time_zones():
    expires = datetime(2025, 4, 14, 9, 15, tzinfo=IST)  # 03:45 UTC
    assert not is_expired(expires, datetime(2025, 4, 14, 3, 44, tzinfo=UTC))
    assert is_expired(expires, datetime(2025, 4, 14, 3, 45, tzinfo=UTC))


def test_mixing_zoned_and_unzoned_times_is_refused():
    with pytest.raises(InvalidInput) as error:
        is_expired(datetime(2025, 4, 14, 9, 15, tzinfo=IST), datetime(2025, 4, 14, 9, 15))
    assert error.value.field == "now"


def test_unknown_component_code_is_refused_naming_the_valid_codes():
    for call in (lambda: expiry("PRBC", COLLECTED), lambda: storage("platelets")):
        with pytest.raises(InvalidInput) as error:
            call()
        assert error.value.field == "code"
        assert "WB_CPDA1, PRBC_CPDA1, PRBC_SAGM, FFP, PLT_RDP, PLT_SDP, CRYO, CPP" in str(error.value)


def test_a_date_without_a_time_is_refused_as_a_start():
    with pytest.raises(InvalidInput) as error:
        expiry("FFP", date(2025, 3, 10))
    assert error.value.field == "start"
