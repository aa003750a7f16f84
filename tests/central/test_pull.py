"""Pull: pages in version order that skip nothing and repeat nothing, each centre seeing only its scope."""

import pytest

from bbms_central import admin
from bbms_desktop.models import new_id
from tests.central.helpers import component, donor


@pytest.fixture
def delhi(central):
    central.add_centre("DL-RKS")
    return central.enrol("DL-RKS")


@pytest.fixture
def pune(central):
    central.add_centre("MH-PUN")
    return central.enrol("MH-PUN")


def test_another_centre_sees_the_donor_registry_and_deferrals_but_never_patients_or_units(central, delhi, pune):
    central.add_user("DL-RKS", "meera")
    asha = donor(delhi, address="12 Lodhi Road", email="asha@example.org", mobile="9876543210")
    deferral = delhi.insert("deferrals", donor_id=asha["row_id"], reason_code="low_hb", permanent=False,
                            visit_id=new_id(), donation_id=new_id(), starts_on="2026-11-22")  # fmt: skip
    request = delhi.insert("blood_requests", patient_name="Ravi Kumar")
    unit = component(delhi)
    audit = delhi.insert("audit_events", action="register_donor", device_id=delhi.id, device_seq=1)
    delhi.push(asha, deferral, request, unit, audit)

    seen = pune.pull_all()
    by_entity = {}
    for change in seen.values():
        by_entity.setdefault(change["entity"], []).append(change)
    assert set(by_entity) == {"centres", "users", "donors", "deferrals"}
    registry = seen[asha["row_id"]]["fields"]
    assert registry["mobile"] == "9876543210" and registry["given_name"] == "Asha"
    assert registry["address"] is None and registry["email"] is None
    pulled_deferral = seen[deferral["row_id"]]["fields"]
    assert pulled_deferral["reason_code"] == "low_hb"
    assert pulled_deferral["visit_id"] is None and pulled_deferral["donation_id"] is None
    (meera,) = by_entity["users"]
    assert meera["fields"]["password_hash"] == "!" and meera["fields"]["active"] is False
    assert meera["fields"]["full_name"] == "meera"

    own = delhi.pull_all()
    assert own[request["row_id"]]["fields"]["patient_name"] == "Ravi Kumar"
    assert own[asha["row_id"]]["fields"]["address"] == "12 Lodhi Road"
    assert audit["row_id"] not in own  # pushed, never pulled back
    own_user = next(c for c in own.values() if c["entity"] == "users")
    assert own_user["fields"]["password_hash"].startswith("$argon2")


def test_a_production_centre_never_sees_a_training_centre(central, delhi):
    central.add_centre("TRAIN-1", training=True)
    trainee = central.enrol("TRAIN-1", training=True)
    fake = donor(trainee)
    trainee.push(fake)
    seen = delhi.pull_all()
    assert fake["row_id"] not in seen
    assert {c["fields"]["code"] for c in seen.values() if c["entity"] == "centres"} == {"DL-RKS"}


def test_pages_follow_the_versions_and_skip_nothing_even_when_rows_change_between_pages(central, delhi):
    ops = [donor(delhi) for _ in range(25)]
    versions = {r["version"] for r in delhi.push(*ops)["results"]}
    assert len(versions) == 25

    first = delhi.pull(limit=10)
    assert first["has_more"] is True and len(first["changes"]) == 10
    page_versions = [c["version"] for c in first["changes"]]
    assert page_versions == sorted(page_versions)
    # a row already served changes, and a new one arrives, before the next page
    served = first["changes"][3]["row_id"]
    change = delhi.update("donors", served, first["changes"][3]["version"], mobile="9000000001")
    late = donor(delhi)
    delhi.push(change, late)

    seen = [c["row_id"] for c in first["changes"]]
    cursor = first["next_cursor"]
    while True:
        page = delhi.pull(cursor, limit=10)
        seen += [c["row_id"] for c in page["changes"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert set(seen) >= {op["row_id"] for op in ops} | {late["row_id"]}
    assert seen.count(served) == 2  # again, at its new version
    assert len(seen) == len(set(seen)) + 1
    caught_up = delhi.pull(cursor)
    assert (caught_up["changes"], caught_up["has_more"], caught_up["next_cursor"]) == ([], False, cursor)


def test_a_cursor_older_than_the_retention_gets_410_and_a_fresh_snapshot_works(central, delhi):
    delhi.push(donor(delhi), donor(delhi))
    with central.db.write() as session:
        admin.set_min_cursor(session, 2)
    assert delhi.pull("1", status=410)["code"] == "cursor_expired"
    assert delhi.pull("0")["changes"]
    assert delhi.pull("2")["changes"]


@pytest.mark.parametrize("cursor", ["abc", "-1", "99999999999999999999999999", "\x00"])
def test_a_malformed_cursor_is_refused_by_the_contract(delhi, cursor):
    assert delhi.pull(cursor, status=422)["code"] == "invalid_request"


def test_a_limit_out_of_range_is_a_422_with_an_error_body(delhi):
    assert delhi.pull(limit=0, status=422)["code"] == "invalid_request"
    assert delhi.pull(limit=10**6, status=422)["code"] == "invalid_request"


def test_a_large_page_is_gzipped(central, delhi):
    delhi.push(*[donor(delhi) for _ in range(20)])
    response = delhi.get("/sync/pull", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert len(response.json()["changes"]) == 21  # 20 donors and the centre
