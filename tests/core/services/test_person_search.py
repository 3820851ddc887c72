"""The client list: folded word-prefix search over names, e-mail, phone, EMŠO, municipality and
organisations; filters; Slovenian order; stable paging; counts; the index kept current."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from sociolab_desktop.core.services import (
    consents,
    organisation_roles,
    organisations,
    person_operations,
    person_search,
    sites,
)
from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.person_search import (
    ConsentState,
    PersonFilter,
    count_persons,
    search_persons,
)
from sociolab_desktop.core.store.database import open_store
from sociolab_desktop.core.store.derived import derived_values
from sociolab_desktop.core.store.models import Consent, Person, utc_now

TODAY = dt.date(2026, 11, 27)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _add(ws, first, last, **fields) -> str:
    return ps.create_person(ws.store, ws.actor, ps.PersonInput(first, last, **fields), today=TODAY,
                            allow_duplicates=True).id


def _names(ws, query, filters=None, **kwargs) -> list[str]:
    rows = search_persons(ws.store, query, filters, **kwargs)
    return [f"{row.first_name} {row.last_name}" for row in rows]


def _found(ws, query, filters=None) -> set[str]:
    names = _names(ws, query, filters, limit=1000)
    assert count_persons(ws.store, query, filters) == len(names)
    return set(names)


@pytest.fixture
def people(workspace):
    _add(workspace, "Ana", "Čeh", email="ana.ceh@example.com", phone="041 234 567", municipality_code="Ptuj",
         emso="0106985505007")
    _add(workspace, "Marko", "Đurđević", phone="+386 68 255 496", municipality_code="Hoče - Slivnica")
    _add(workspace, "Ana", "Novak", email="novakova@example.net", municipality_code="Maribor")
    _add(workspace, "Luka", "Čeh", municipality_code="Maribor")
    return workspace


# --- what finds whom --------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    ("ceh", {"Ana Čeh", "Luka Čeh"}),
    ("ČEH", {"Ana Čeh", "Luka Čeh"}),
    ("durdevic", {"Marko Đurđević"}),
    ("Đurđ", {"Marko Đurđević"}),
    ("ana ceh", {"Ana Čeh"}),
    ("ceh  ana", {"Ana Čeh"}),
    ("an", {"Ana Čeh", "Ana Novak"}),
    ("eh", set()),  # the middle of a word is not a match
    ("ana.ceh@ex", {"Ana Čeh"}),
    ("novakova@", {"Ana Novak"}),
    ("041 234", {"Ana Čeh"}),
    ("041234", {"Ana Čeh"}),
    ("068 255", {"Marko Đurđević"}),
    ("06825549", {"Marko Đurđević"}),
    ("010698", {"Ana Čeh"}),  # EMŠO
    ("ptuj", {"Ana Čeh"}),
    ("maribor ceh", {"Luka Čeh"}),
    ("hoce", {"Marko Đurđević"}),
    ("slivnica", {"Marko Đurđević"}),
    ("zzz", set()),
    ('"*', {"Ana Čeh", "Marko Đurđević", "Ana Novak", "Luka Čeh"}),  # no word typed: everybody
])
def test_typed_words_find_where_some_word_starts(people, query, expected):
    assert _found(people, query) == expected


def test_organisation_name_finds_its_people_and_follows_renames_and_unlinks(people):
    ana = _add(people, "Ana", "Kralj")
    organisation = organisations.create_organisation(
        people.store, people.actor, organisations.OrganisationInput("Zadruga Đurđevka", "cooperative"))
    link = organisation_roles.link_person(people.store, people.actor, organisation.id, ana, "member")
    assert _found(people, "zadruga durd") == {"Ana Kralj"}
    assert _found(people, "durdevka ana") == {"Ana Kralj"}

    renamed = organisations.OrganisationInput("Socialno podjetje Sonček", "cooperative")
    organisations.update_organisation(people.store, people.actor, organisation.id, renamed)
    assert _found(people, "zadruga") == set()
    assert _found(people, "soncek") == {"Ana Kralj"}

    organisation_roles.unlink_person(people.store, people.actor, link.id)
    assert _found(people, "soncek") == set()
    assert _found(people, "kralj") == {"Ana Kralj"}


def test_deleted_organisation_no_longer_finds_its_people(people):
    ana = _add(people, "Ana", "Kralj")
    organisation = organisations.create_organisation(
        people.store, people.actor, organisations.OrganisationInput("Zadruga Đurđevka", "cooperative"))
    organisation_roles.link_person(people.store, people.actor, organisation.id, ana, "founder")
    organisations.delete_organisation(people.store, people.actor, organisation.id)
    assert _found(people, "zadruga") == set()


def test_an_edit_is_found_under_the_new_name_only(people):
    person_id = _add(people, "Jana", "Kos")
    form = ps.get_person(people.store, person_id).to_input()
    ps.update_person(people.store, people.actor, person_id, ps.PersonInput(**{**vars(form), "last_name": "Žagar"}),
                     today=TODAY)
    assert _found(people, "kos") == set()
    assert _found(people, "zagar") == {"Jana Žagar"}


def test_deleted_merged_away_and_erased_persons_are_left_out(people, monkeypatch):
    gone = _add(people, "Tina", "Vrabič")
    merged = _add(people, "Tina", "Vrabic")
    erased = _add(people, "Tina", "Vrabič", email="tina@example.com")
    kept = _add(people, "Tina", "Vrabič", email="tina.v@example.com")
    with people.store.unit_of_work(people.actor) as session:
        session.get(Person, gone).deleted_at = utc_now()
    person_operations.merge_persons(people.store, people.actor, kept, merged)
    person_operations.erase_person(people.store, people.actor, erased, TODAY)
    assert [row.id for row in search_persons(people.store, "vrabic")] == [kept]
    assert count_persons(people.store, "vrabic") == 1
    assert count_persons(people.store, "") == 5
    assert count_persons(people.store, "", PersonFilter(site_id=people.actor.site_id)) == 5
    listed = _names(people, "")
    assert len(listed) == 5
    monkeypatch.setattr(person_search, "_LIVE_FROM_INDEX_AFTER", 0)  # far down the list: as the index says
    assert _names(people, "") == listed


def test_rows_carry_what_the_list_shows(people):
    row = search_persons(people.store, "ana ceh")[0]
    assert (row.first_name, row.last_name, row.email, row.phone) == ("Ana", "Čeh", "ana.ceh@example.com",
                                                                     "041 234 567")
    assert (row.municipality_code, row.municipality_name) == ("SI-096", "Ptuj")
    assert row.site_id == people.actor.site_id
    assert row.first_contact_date == TODAY
    assert row.has_consent is False


# --- order and paging --------------------------------------------------------------------------


def test_results_follow_slovenian_alphabetical_order(workspace):
    for first, last in [("Zala", "Žagar"), ("Ivan", "Zupan"), ("Iza", "Šarc"), ("Jure", "Sever"),
                        ("Ema", "Dolenc"), ("Nika", "Ćirić"), ("Tim", "Čeh"), ("Rok", "Cerar"),
                        ("Ana", "Čeh")]:
        _add(workspace, first, last)
    assert _names(workspace, "") == ["Rok Cerar", "Ana Čeh", "Tim Čeh", "Nika Ćirić", "Ema Dolenc",
                                     "Jure Sever", "Iza Šarc", "Ivan Zupan", "Zala Žagar"]


@pytest.mark.parametrize("walk_above", [0, 10**9], ids=["walking-the-index", "sorting-the-matches"])
def test_pages_of_many_namesakes_neither_overlap_nor_skip(workspace, monkeypatch, walk_above):
    monkeypatch.setattr(person_search, "WALK_ABOVE_MATCHES", walk_above)
    with workspace.store.unit_of_work(workspace.actor) as session:
        for number in range(230):
            session.add(Person(first_name="Ana", last_name="Novak", email=f"ana{number}@example.com",
                               site_id=workspace.actor.site_id))
        session.add(Person(first_name="Ana", last_name="Čeh"))
    pages = [search_persons(workspace.store, "ana", offset=offset, limit=100)
             for offset in (0, 100, 200, 300)]
    ids = [row.id for page in pages for row in page]
    assert [len(page) for page in pages] == [100, 100, 31, 0]
    assert len(set(ids)) == 231 == count_persons(workspace.store, "ana")
    assert pages[0][0].last_name == "Čeh"
    novaks = [row.email for page in pages for row in page if row.last_name == "Novak"]
    assert novaks == [f"ana{number}@example.com" for number in range(230)]  # namesakes as entered
    again = search_persons(workspace.store, "ana", offset=100, limit=100)
    assert [row.id for row in again] == [row.id for row in pages[1]]


# --- filters --------------------------------------------------------------------------------------


def test_filters_by_info_point_municipality_and_target_group(people):
    other = sites.create_site(people.store, "22222222-2222-4222-8222-222222222222", "Točka Ptuj", "sl")
    _add(people, "Eva", "Čeh", site_id=other.id, municipality_code="Ptuj", target_group="student")
    assert _found(people, "ceh", PersonFilter(site_id=other.id)) == {"Eva Čeh"}
    assert _found(people, "", PersonFilter(site_id=other.id)) == {"Eva Čeh"}
    assert _found(people, "ceh", PersonFilter(municipality_code="SI-096")) == {"Ana Čeh", "Eva Čeh"}
    assert _found(people, "", PersonFilter(municipality_code="SI-070")) == {"Ana Novak", "Luka Čeh"}
    assert _found(people, "", PersonFilter(target_group="student")) == {"Eva Čeh"}
    assert _found(people, "ana", PersonFilter(target_group="student")) == set()


def test_filters_by_consent_to_data_processing(people):
    with_consent = _add(people, "Vid", "Kos")
    withdrawn = _add(people, "Vida", "Kos")
    _add(people, "Vito", "Kos")
    newsletter_only = _add(people, "Vita", "Kos")

    def consent(person_id, purpose="data_processing"):
        data = consents.ConsentInput(purpose, "2019-06", dt.date(2025, 1, 10), "signed_paper")
        return consents.record_consent(people.store, people.actor, person_id, data, today=TODAY)

    given = consent(with_consent)
    consents.withdraw_consent(people.store, people.actor, consent(withdrawn).id, dt.date(2026, 1, 5), today=TODAY)
    consent(newsletter_only, "newsletter")
    assert _found(people, "kos", PersonFilter(consent=ConsentState.GIVEN)) == {"Vid Kos"}
    assert _found(people, "kos", PersonFilter(consent=ConsentState.LACKING)) == {"Vida Kos", "Vito Kos", "Vita Kos"}
    assert [row.has_consent for row in search_persons(people.store, "kos")] == [True, False, False, False]
    with people.store.unit_of_work(people.actor) as session:
        session.get(Consent, given.id).deleted_at = utc_now()  # entered for the wrong person
    assert _found(people, "kos", PersonFilter(consent=ConsentState.GIVEN)) == set()


def test_an_info_point_key_that_is_not_one_word_still_filters(people):
    odd = sites.create_site(people.store, "ptuj.2", "Točka Ptuj", "sl")
    _add(people, "Eva", "Čeh", site_id=odd.id)
    assert _found(people, "ceh", PersonFilter(site_id=odd.id)) == {"Eva Čeh"}
    assert _found(people, "", PersonFilter(site_id=odd.id)) == {"Eva Čeh"}


def test_merged_consents_follow_the_survivor_into_the_filter(people):
    survivor = _add(people, "Vid", "Kos")
    loser = _add(people, "Vid", "Kos", email="vid@example.com")
    data = consents.ConsentInput("data_processing", "2019-06", dt.date(2025, 1, 10), "signed_paper")
    consents.record_consent(people.store, people.actor, loser, data, today=TODAY)
    person_operations.merge_persons(people.store, people.actor, survivor, loser)
    assert [row.id for row in search_persons(people.store, "kos", PersonFilter(consent=ConsentState.GIVEN))] == [
        survivor]


def test_filters_by_first_contact_dates_inclusive(people):
    for day in (dt.date(2019, 1, 1), dt.date(2019, 6, 30), dt.date(2019, 7, 1)):
        _add(people, "Maja", f"Rop {day:%m%d}", first_contact_date=day)
    found = _found(people, "rop", PersonFilter(first_contact_from=dt.date(2019, 1, 1),
                                               first_contact_to=dt.date(2019, 6, 30)))
    assert found == {"Maja Rop 0101", "Maja Rop 0630"}
    assert _found(people, "", PersonFilter(first_contact_from=dt.date(2019, 7, 1),
                                           first_contact_to=dt.date(2019, 7, 1))) == {"Maja Rop 0701"}


def test_first_contact_ranges_cover_exactly_their_days(workspace):
    days = [dt.date(2018, 12, 31), dt.date(2019, 1, 1), dt.date(2019, 2, 9), dt.date(2019, 2, 10),
            dt.date(2019, 2, 28), dt.date(2019, 3, 1), dt.date(2019, 12, 31), dt.date(2020, 1, 1),
            dt.date(2020, 2, 29), dt.date(2029, 12, 31), dt.date(2030, 1, 1)]
    with workspace.store.unit_of_work(workspace.actor) as session:
        for day in days:
            session.add(Person(first_name="Ana", last_name=f"Rop {day:%Y%m%d}", first_contact_date=day))
        session.add(Person(first_name="Ana", last_name="Rop nikoli"))
    ranges = [(dt.date(2019, 1, 1), dt.date(2019, 12, 31)), (dt.date(2019, 2, 10), dt.date(2019, 2, 28)),
              (dt.date(2019, 2, 9), dt.date(2020, 1, 1)), (dt.date(2020, 1, 1), None), (None, dt.date(2019, 2, 9)),
              (dt.date(2019, 3, 1), dt.date(2019, 3, 1)), (dt.date(2019, 3, 2), dt.date(2019, 3, 1)),
              (dt.date(2020, 2, 1), dt.date(2029, 12, 31))]
    for start, end in ranges:
        expected = {f"Ana Rop {day:%Y%m%d}" for day in days
                    if (start is None or start <= day) and (end is None or day <= end)}
        assert _found(workspace, "", PersonFilter(first_contact_from=start, first_contact_to=end)) == expected


def test_filters_combine(people):
    assert _found(people, "ana", PersonFilter(municipality_code="SI-070", consent=ConsentState.LACKING,
                                              first_contact_to=TODAY)) == {"Ana Novak"}


# --- the index stays current whatever writes -----------------------------------------------------


def test_rows_written_with_plain_sql_are_found(people):
    # As sync applies bundles: plain SQL on the DBAPI connection, derived columns from derived.py.
    row = {"id": "99999999-9999-4999-8999-999999999999", "first_name": "Žiga", "last_name": "Ćosić",
           "municipality_code": "SI-096", "country_code": "SI", "preferred_language": "sl", "is_incomplete": 0,
           "created_at": "2026-11-27 09:00:00", "updated_at": "2026-11-27 09:00:00"}
    row.update(derived_values("person", row))
    fairy = people.store.engine.raw_connection()
    try:
        names = ", ".join(row)
        fairy.cursor().execute(f"INSERT INTO person ({names}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        fairy.commit()
        assert _found(people, "ziga cosic ptuj") == {"Žiga Ćosić"}
        fairy.cursor().execute("UPDATE person SET deleted_at = '2026-11-27 10:00:00' WHERE id = ?", (row["id"],))
        fairy.commit()
        assert _found(people, "ziga") == set()
        fairy.cursor().execute("UPDATE person SET deleted_at = NULL WHERE id = ?", (row["id"],))
        fairy.cursor().execute("DELETE FROM person WHERE id = ?", (row["id"],))
        fairy.commit()
        assert _found(people, "ziga") == set()
    finally:
        fairy.close()


def test_persons_of_an_older_database_are_searchable_after_upgrade(tmp_path):
    database = tmp_path / "sociolab.sqlite3"
    shutil.copy(FIXTURES / "schema_0001_initial.sqlite3", database)
    store = open_store(database, tmp_path / "backups", backups_kept=3)
    try:
        assert [row.last_name for row in search_persons(store, "ceh")] == ["Čeh"]
        assert count_persons(store, "ana ceh") == 1
    finally:
        store.dispose()
