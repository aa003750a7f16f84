"""donors.lookup (the search box's search, without a Session) returns exactly what donors.search returns."""

import threading
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bbms_desktop.rules import isbt128
from bbms_desktop.services import donors

from ..conftest import NOW
from .factories import make_donation, make_donor


def both(db, text, limit=20):
    """The established search in a read session, and lookup, for the same text: they must be equal."""
    with db.read() as s:
        expected = donors.search(s, text, limit)
    found = donors.lookup(db, text, limit)
    assert found == expected, text
    assert [type(line.id) for line in found] == [type(line.id) for line in expected]
    return found


@pytest.fixture
def population(db, staff):
    """Donors for every kind of input: shared prefixes, a shared mobile, a DIN, Devanagari names, merges, voids."""
    with db.unit_of_work(staff["medical_officer"], now=NOW) as uow:
        people = {
            "ravi": make_donor(uow, name="Ravi", family="Kumar", mobile="9811111111"),
            "ravina": make_donor(uow, name="Ravina", family="Tandon", mobile="9811111111", sex="F"),
            "kumari": make_donor(uow, name="Kumari", family="Devi", sex="F", dob=date(1988, 2, 29)),
            "raghav": make_donor(uow, name="Raghav", family="Kumar"),
            "sita": make_donor(uow, name="सीता", family="देवी", sex="F", mobile="9822222222"),
            "sitaram": make_donor(uow, name="सीताराम", family="शर्मा"),
            "meena": make_donor(uow, name="Meena", family="Iyer", mobile="9833333333", sex="F"),
            "meena_dup": make_donor(uow, name="Meena", family="Ayer", mobile="9844444444", sex="F"),
            "meena_dup2": make_donor(uow, name="Mina", family="Ayyar", mobile="9855555555", sex="F"),
            "gone": make_donor(uow, name="Gopal", family="Voided", mobile="9866666666"),
            "to_void": make_donor(uow, name="Govind", family="Rao", mobile="9877777777"),
            "merged_into_void": make_donor(uow, name="Govinda", family="Rao", mobile="9888888888"),
        }
        for n in range(30):  # more than a page of the same prefix, so the limit and the order matter
            people[f"ram{n}"] = make_donor(uow, name=f"Ram{chr(97 + n % 26)}", family=f"Lal{n:02d}")
        donation = make_donation(uow, people["ravi"], din="G123426000777")
        merged_donation = make_donation(uow, people["meena_dup2"], din="G123426000778")
        uow.session.flush()
        people["meena_dup"].merged_into_id = people["meena"].id
        people["meena_dup2"].merged_into_id = people["meena_dup"].id  # a chain: Mina -> Meena Ayer -> Meena Iyer
        people["gone"].voided_at = NOW
        people["gone"].void_reason = "registered twice"
        people["to_void"].voided_at = NOW
        people["to_void"].void_reason = "test record"
        people["merged_into_void"].merged_into_id = people["to_void"].id
        for n in range(0, 30, 3):  # merged or voided records among the first page of a prefix: read further
            if n % 2:
                people[f"ram{n}"].merged_into_id = people["ravi"].id
            else:
                people[f"ram{n}"].voided_at = NOW
                people[f"ram{n}"].void_reason = "test record"
        ids = {name: donor.id for name, donor in people.items()}
        numbers = {name: donor.donor_number for name, donor in people.items()}
    return ids, numbers, donation.din, merged_donation.din


def test_lookup_equals_search_for_every_kind_of_input(db, population):
    ids, numbers, din, merged_din = population
    texts = [
        numbers["ravi"],
        numbers["ravi"].lower(),
        f"  {numbers['kumari']} ",
        numbers["gone"],  # voided: nothing
        numbers["meena_dup2"],  # merged twice: the survivor
        numbers["merged_into_void"],  # merged into a voided record: nothing
        "9811111111",  # two donors share it
        "+91 98111 11111",
        "09833333333",
        "9855555555",
        "9866666666",
        "9888888888",
        din,
        isbt128.format_for_barcode(din, isbt128.check_flags(din)),
        f"{din}{isbt128.check_character(din)}",
        "G1234 26 000777",
        merged_din,
        "ra",
        "RAV",
        "ravi kum",
        "kum",
        "ram",
        "Rama",
        "lal1",
        "me",
        "ayer",
        "mina",
        "go",
        "govind",
        "सी",
        "सीता",
        "देवी",
        "शर्",
        "x",
        "zzz",
        "   ",
        "",
        "12",
        "-",
        "??",
    ]
    found = {text: both(db, text) for text in texts}
    assert [line.id for line in found[numbers["meena_dup2"]]] == [ids["meena"]]
    assert found[numbers["gone"]] == found[numbers["merged_into_void"]] == found["9888888888"] == []
    assert {line.id for line in found["9811111111"]} == {ids["ravi"], ids["ravina"]}
    assert [line.id for line in found["mina"]] == [ids["meena"]]
    assert [line.id for line in found["सीता"]] == [ids["sita"], ids["sitaram"]]
    assert [line.id for line in found["देवी"]] == [ids["sita"]]
    assert found[din][0].matched_by == "din" and found[din][0].id == ids["ravi"]
    assert found[merged_din][0].id == ids["meena"]
    assert ids["gone"] not in {line.id for lines in found.values() for line in lines}
    line = found[f"  {numbers['kumari']} "][0]
    assert (line.sex, line.date_of_birth, line.matched_by) == (donors.Sex.FEMALE, date(1988, 2, 29), "donor_number")


@pytest.mark.parametrize("limit", [0, 1, 2, 3, 5, 10, 20, 50])
def test_lookup_keeps_the_limit_and_the_order_of_search(db, population, limit):
    for text in ("ram", "ra", "r", "la", "lal", "9811111111", "me"):
        found = both(db, text, limit)
        assert len(found) <= limit


def test_lookup_ends_its_transaction_reuses_its_connection_and_reads_a_fresh_snapshot(db, staff, population):
    assert population
    assert donors.lookup(db, "ravi")
    idle = list(db.read_connections._idle)
    assert len(idle) == 1 and not idle[0].in_transaction
    with db.unit_of_work(staff["medical_officer"], now=NOW) as uow:
        new = make_donor(uow, name="Ravindra", family="Jain")
        new_id = new.id
    assert new_id in {line.id for line in both(db, "ravin")}  # committed after the last lookup: seen by the next
    assert db.read_connections._idle == idle  # the same connection, back without a transaction
    with pytest.raises(Exception, match="readonly"):
        idle[0].execute("DELETE FROM donors")  # query_only: a lookup's connection cannot write


def test_lookup_from_several_threads_at_once_answers_each_the_same(db, population):
    _ids, numbers, din, _merged_din = population
    texts = ["ram", numbers["ravi"], "9811111111", din, "सी", "mina"] * 20
    expected = {text: donors.lookup(db, text) for text in set(texts)}
    answers: list[tuple[str, list]] = []
    errors: list[BaseException] = []

    def run(share):
        try:
            for text in share:
                answers.append((text, donors.lookup(db, text)))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(texts[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(answers) == len(texts)
    assert all(found == expected[text] for text, found in answers)
    assert all(not connection.in_transaction for connection in db.read_connections._idle)


def test_lookup_after_dispose_closes_the_connections(db, population):
    donors.lookup(db, "ravi")
    connection = db.read_connections._idle[0]
    db.read_connections.close()
    assert db.read_connections._idle == []
    with pytest.raises(Exception, match="closed"):
        connection.execute("SELECT 1")


def test_ids_read_by_the_search_are_the_uuids_the_database_stores(db, population):
    ids, _numbers, _din, _merged_din = population
    for donor_id in ids.values():
        made = donors._uuid_from_hex(donor_id.hex)
        assert made == donor_id and hash(made) == hash(donor_id) and str(made) == str(donor_id)
        assert made.is_safe == donor_id.is_safe
    with pytest.raises(ValueError):
        donors._uuid_from_hex("1234")


def _mobile_reference(compact):
    """The mobile rule spelled out without shortcuts: a +91, 0091, 91 or 0 prefix, then [6-9] and nine digits."""
    import re

    for prefix, length in (("+91", None), ("0091", None), ("91", 12), ("0", 11)):
        if compact.startswith(prefix) and (length is None or len(compact) == length):
            compact = compact[len(prefix) :]
            break
    return compact if re.fullmatch(r"[6-9][0-9]{9}", compact) else None


_TYPED = st.text(alphabet=st.sampled_from("0123456789+-  \t\u00a0\u0966\u096fabAB"), max_size=16) | st.from_regex(
    r"(\+91|0091|91|0)?[ -]?[5-9][0-9]{4}[ -]?[0-9]{5}", fullmatch=True
)


@settings(max_examples=400, deadline=None)
@given(_TYPED)
def test_the_search_box_reads_a_mobile_number_exactly_as_the_rule_says(text):
    """The shortcuts of the keystroke path (separators out by replace, the early refusal of what cannot end in ten
    digits) change nothing: the same number, or none, as the rule applied to the regular-expression-cleaned text."""
    typed = " ".join(text.split())
    compact = typed.replace(" ", "").replace("-", "")
    assert compact == donors._SEPARATORS.sub("", typed)
    assert donors._mobile_from_compact(compact) == _mobile_reference(donors._SEPARATORS.sub("", text))
    assert donors.normalise_mobile(text) == _mobile_reference(donors._SEPARATORS.sub("", text))
