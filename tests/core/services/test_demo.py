"""Demo data: deterministic, complete (every table, form, stage and event type), realistic and
consistent (valid identifiers, foreign keys, audit and search columns, derived keys)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text
from stdnum.si import ddv, emso, maticna

from sociolab_desktop.core.domain.enums import EventType, LegalForm, Stage
from sociolab_desktop.core.domain.keys import (
    attendance_key,
    certificate_key,
    coached_person_key,
    mentor_link_key,
    registration_key,
)
from sociolab_desktop.core.domain.municipalities import municipality_by_code
from sociolab_desktop.core.services import sites
from sociolab_desktop.core.services.demo import generate_demo_data
from sociolab_desktop.core.store.derived import derived_values
from sociolab_desktop.core.store.unit_of_work import Actor
from sociolab_desktop.settings import Settings, save_settings
from sociolab_desktop.workspace import open_workspace

SITE_A = "0a0a0a0a-0000-4000-8000-00000000000a"
SITE_B = "0b0b0b0b-0000-4000-8000-00000000000b"
DUMPED_TABLES = ("person", "organisation", "contact", "consent", "registration", "attendance",
                 "certificate", "mentoring_session", "diagnostic_score", "job", "competition_entry")


def _generate(folder: Path, site_id: str, *, people: int, seed: int, attachments: bool = False):
    save_settings(folder / "settings.json", Settings(site_id=site_id))
    workspace = open_workspace(folder)
    sites.create_site(workspace.store, site_id, "Informacijska točka Maribor (demo)", "sl")
    summary = generate_demo_data(
        workspace.store, Actor(site_id=site_id), people=people, seed=seed,
        attachments_dir=folder / "attachments" if attachments else None,
    )
    return workspace, summary


def _dump(workspace) -> dict[str, list[tuple]]:
    with workspace.store.engine.connect() as connection:
        return {table: connection.execute(text(f'SELECT * FROM "{table}" ORDER BY id')).all()
                for table in DUMPED_TABLES}


def _rows(workspace, sql: str) -> list:
    with workspace.store.engine.connect() as connection:
        return connection.execute(text(sql)).all()


def _scalar(workspace, sql: str):
    with workspace.store.engine.connect() as connection:
        return connection.execute(text(sql)).scalar()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """500 people, the size at which every project target must be reachable."""
    workspace, summary = _generate(tmp_path_factory.mktemp("demo") / "data", SITE_A,
                                   people=500, seed=1, attachments=True)
    yield workspace, summary
    workspace.close()


def test_same_seed_and_site_give_identical_data(tmp_path):
    first, _ = _generate(tmp_path / "one", SITE_A, people=80, seed=7)
    second, _ = _generate(tmp_path / "two", SITE_A, people=80, seed=7)
    try:
        one, two = _dump(first), _dump(second)
        assert all(one[table] for table in DUMPED_TABLES)
        assert one == two
    finally:
        first.close()
        second.close()


def test_a_different_seed_gives_different_data(tmp_path):
    first, _ = _generate(tmp_path / "one", SITE_A, people=80, seed=7)
    second, _ = _generate(tmp_path / "two", SITE_A, people=80, seed=8)
    try:
        names_one = _rows(first, "SELECT first_name, last_name FROM person ORDER BY sort_key")
        names_two = _rows(second, "SELECT first_name, last_name FROM person ORDER BY sort_key")
        assert names_one != names_two
    finally:
        first.close()
        second.close()


def test_two_sites_never_share_a_key(tmp_path):
    first, _ = _generate(tmp_path / "one", SITE_A, people=40, seed=1)
    second, _ = _generate(tmp_path / "two", SITE_B, people=40, seed=1)
    try:
        for table in DUMPED_TABLES + ("event", "event_session", "staff_user", "site"):
            keys_one = {row[0] for row in _rows(first, f'SELECT id FROM "{table}"')}
            keys_two = {row[0] for row in _rows(second, f'SELECT id FROM "{table}"')}
            assert not keys_one & keys_two, table
    finally:
        first.close()
        second.close()


def test_every_table_gets_rows(demo):
    _workspace, summary = demo
    empty = [table for table, count in summary.by_table().items() if count == 0]
    assert empty == []


def test_every_legal_form_stage_and_event_type_is_present(demo):
    workspace, _ = demo
    pairs = set(_rows(workspace, "SELECT legal_form, stage FROM organisation"))
    assert pairs >= {(form.value, stage.value) for form in LegalForm for stage in Stage}
    types = {row[0] for row in _rows(workspace, "SELECT event_type FROM event")}
    assert types == {event_type.value for event_type in EventType}


def test_names_use_every_slovenian_letter(demo):
    workspace, _ = demo
    names = " ".join(f"{first} {last}" for first, last in
                     _rows(workspace, "SELECT first_name, last_name FROM person")).casefold()
    for letter in "čšžćđ":
        assert letter in names, letter


def test_project_targets_are_reachable_at_500_people(demo):
    workspace, summary = demo
    assert summary.persons == 500
    assert _scalar(workspace, "SELECT count(DISTINCT organisation_id) FROM mentoring_session") >= 30
    trained = _scalar(workspace, """
        SELECT count(DISTINCT a.person_id) FROM attendance a
        JOIN event_session s ON s.id = a.event_session_id JOIN event e ON e.id = s.event_id
        WHERE e.event_type = 'training_programme'""")
    assert trained >= 200
    assert _scalar(workspace, """
        SELECT count(*) FROM job j JOIN organisation o ON o.id = j.organisation_id
        WHERE o.legal_form IN ('social_enterprise', 'cooperative')""") >= 40
    assert summary.products >= 30
    counts = dict(_rows(workspace, "SELECT event_type, count(*) FROM event GROUP BY event_type"))
    assert counts["fair"] == 4 and counts["conference"] == 1
    assert dict(_rows(workspace, "SELECT kind, count(*) FROM competition GROUP BY kind")) == {
        "social_innovation": 4, "ethical_investor": 2}
    assert _scalar(workspace, "SELECT count(*) FROM competition_entry WHERE award_rank = 1") == 6
    info_points = _scalar(workspace, "SELECT count(*) FROM site WHERE NOT is_lead_partner")
    assert info_points == 5
    assert _scalar(workspace, "SELECT count(*) FROM site WHERE is_lead_partner") == 1


def test_training_programmes_run_over_several_sessions(demo):
    workspace, _ = demo
    sessions = [row[0] for row in _rows(workspace, """
        SELECT count(s.id) FROM event e JOIN event_session s ON s.event_id = e.id
        WHERE e.event_type = 'training_programme' GROUP BY e.id""")]
    assert sessions and min(sessions) >= 4


def test_identifiers_are_valid_by_python_stdnum(demo):
    workspace, _ = demo
    people = _rows(workspace, "SELECT emso, birth_date, gender FROM person WHERE emso IS NOT NULL")
    assert len(people) > 50
    for number, birth_date, gender in people:
        assert emso.is_valid(number)
        assert emso.get_birth_date(number).isoformat() == birth_date
        assert emso.get_gender(number) == {"female": "F", "male": "M"}[gender]
    taxes = _rows(workspace, "SELECT tax_number FROM person WHERE tax_number IS NOT NULL "
                             "UNION ALL SELECT tax_number FROM organisation WHERE tax_number IS NOT NULL")
    assert taxes and all(ddv.is_valid(number) for (number,) in taxes)
    registrations = _rows(workspace, "SELECT registration_number FROM organisation "
                                     "WHERE registration_number IS NOT NULL")
    assert registrations and all(maticna.is_valid(number) for (number,) in registrations)


def test_foreign_keys_are_satisfied(demo):
    workspace, _ = demo
    assert _rows(workspace, "PRAGMA foreign_key_check") == []


def test_audit_and_search_columns_are_what_the_unit_of_work_would_write(demo):
    workspace, _ = demo
    for table in ("person", "organisation"):
        with workspace.store.engine.connect() as connection:
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).mappings().all()
        for row in rows:
            derived = derived_values(table, row)
            assert (row["search_text"], row["sort_key"]) == (derived["search_text"], derived["sort_key"])
    for table in ("person", "contact", "attendance", "mentoring_session", "site", "staff_user"):
        # (This PC's own site row was written by the site service, not the demo.)
        missing = _scalar(workspace, f"""SELECT count(*) FROM "{table}" WHERE id != '{SITE_A}' AND (
            created_at IS NULL OR updated_at < created_at OR origin_site_id IS NOT '{SITE_A}'
            OR created_by_id IS NULL)""")
        assert missing == 0, table


def test_unique_records_have_the_keys_domain_keys_derives(demo):
    workspace, _ = demo
    for key, event_id, person_id in _rows(workspace, "SELECT id, event_id, person_id FROM registration"):
        assert key == registration_key(event_id, person_id)
    for key, session_id, person_id in _rows(workspace, "SELECT id, event_session_id, person_id "
                                                       "FROM attendance"):
        assert key == attendance_key(session_id, person_id)
    for key, event_id, person_id in _rows(workspace, "SELECT id, event_id, person_id FROM certificate"):
        assert key == certificate_key(event_id, person_id)
    for key, session_id, staff_id in _rows(workspace, "SELECT id, mentoring_session_id, staff_id "
                                                      "FROM mentoring_session_mentor"):
        assert key == mentor_link_key(session_id, staff_id)
    for key, session_id, person_id in _rows(workspace, "SELECT id, mentoring_session_id, person_id "
                                                       "FROM mentoring_session_person"):
        assert key == coached_person_key(session_id, person_id)
    codes = [code for (code,) in _rows(workspace, "SELECT code FROM registration")]
    assert len(set(codes)) == len(codes) and all(len(code) == 8 for code in codes)


def test_some_mentoring_sessions_have_several_mentors_and_some_organisations_two_diagnostics(demo):
    workspace, _ = demo
    assert _scalar(workspace, """SELECT count(*) FROM (SELECT mentoring_session_id FROM
        mentoring_session_mentor GROUP BY mentoring_session_id HAVING count(*) > 1)""") > 0
    assert _scalar(workspace, """SELECT count(*) FROM (SELECT organisation_id FROM diagnostic
        GROUP BY organisation_id HAVING count(*) = 2)""") > 0
    assert _scalar(workspace, "SELECT count(DISTINCT area) FROM diagnostic_score") == 6


def test_clients_come_mostly_from_podravje_some_from_elsewhere_and_abroad(demo):
    workspace, _ = demo
    rows = _rows(workspace, "SELECT municipality_code, country_code, postal_code FROM person")
    podravje = sum(1 for code, _, _ in rows if code and municipality_by_code(code).is_podravje)
    elsewhere = sum(1 for code, _, _ in rows if code and not municipality_by_code(code).is_podravje)
    abroad = sum(1 for _, country, _ in rows if country != "SI")
    assert podravje > len(rows) * 0.7 and elsewhere > 10 and abroad > 3
    assert all(code is None or (len(code) == 4 and code.isdigit()) for _, _, code in rows)


def test_esf_answers_include_declined_and_emails_are_ascii_on_example_domains(demo):
    workspace, _ = demo
    assert _scalar(workspace, "SELECT count(*) FROM person WHERE disability = 'declined'") > 0
    assert _scalar(workspace, "SELECT count(*) FROM person WHERE exit_date IS NOT NULL") > 0
    emails = [e for (e,) in _rows(workspace, "SELECT email FROM person WHERE email IS NOT NULL")]
    assert len(set(emails)) == len(emails)
    domains = {"example.com", "example.net", "example.org", "posta.example", "mail.example"}
    assert all(e.isascii() and e.rsplit("@", 1)[1] in domains for e in emails)


def test_dates_lie_in_the_project_period(demo):
    workspace, _ = demo
    for table, column in (("contact", "contact_date"), ("event_session", "session_date"),
                          ("registration", "registered_on"), ("job", "occurred_on"),
                          ("product", "developed_on"), ("person", "first_contact_date")):
        low, high = _rows(workspace, f'SELECT min("{column}"), max("{column}") FROM "{table}"')[0]
        assert "2018-04-01" <= low and high <= "2021-12-31", table
    # Nobody attends before they first came to an info point.
    assert _scalar(workspace, """SELECT count(*) FROM registration r JOIN person p
        ON p.id = r.person_id WHERE r.registered_on < p.first_contact_date""") == 0


def test_attachments_are_files_stored_by_their_hash(demo):
    workspace, summary = demo
    folder = Path(workspace.paths.root) / "attachments"
    rows = _rows(workspace, "SELECT sha256, size_bytes FROM attachment")
    assert len(rows) == summary.attachments > 0
    for sha256, size in rows:
        content = (folder / sha256).read_bytes()
        assert content.startswith(b"%PDF-") and len(content) == size
        assert hashlib.sha256(content).hexdigest() == sha256
    assert _scalar(workspace, """SELECT count(*) FROM consent c JOIN attachment a
        ON a.id = c.attachment_id""") > 0


def test_records_are_by_the_signed_in_staff_member_when_there_is_one(tmp_path):
    folder = tmp_path / "data"
    save_settings(folder / "settings.json", Settings(site_id=SITE_A))
    workspace = open_workspace(folder)
    try:
        sites.create_site(workspace.store, SITE_A, "Informacijska točka Ptuj", "sl")
        generate_demo_data(workspace.store, Actor(site_id=SITE_A, staff_id="signed-in"), people=20)
        authors = {row[0] for row in _rows(workspace, "SELECT created_by_id FROM organisation")}
        assert authors == {"signed-in"}
        # This PC is Ptuj, so the other info points are the four other towns.
        names = {row[0] for row in _rows(workspace, "SELECT name FROM site")}
        assert "Informacijska točka Ptuj (demo)" not in names
        assert "Informacijska točka Maribor (demo)" in names
    finally:
        workspace.close()


@pytest.mark.parametrize("people", [0, -1, 1_000_001])
def test_impossible_sizes_are_refused(workspace, people):
    with pytest.raises(ValueError):
        generate_demo_data(workspace.store, workspace.actor, people=people)


def test_a_single_person_still_gives_consistent_data(tmp_path):
    workspace, summary = _generate(tmp_path / "data", SITE_A, people=1, seed=3)
    try:
        assert summary.persons == 1
        assert _rows(workspace, "PRAGMA foreign_key_check") == []
    finally:
        workspace.close()


def test_timestamps_come_from_the_seed_not_the_clock(demo):
    workspace, _ = demo
    latest = _scalar(workspace, "SELECT max(updated_at) FROM person")
    assert latest < dt.datetime(2022, 1, 1).isoformat(" ")


def test_the_search_index_holds_every_demo_person_with_their_organisations_and_consent(demo):
    """Persons are written after their roles and consents: each one's index entry must still
    be exactly what rebuilding the whole index gives."""
    import importlib

    refill = importlib.import_module("sociolab_desktop.core.store.migrations.versions.0003_person_search").REFILL
    index = "SELECT rowid, words, flags FROM fts_person ORDER BY rowid"
    workspace, _ = demo
    written = _rows(workspace, index)
    with workspace.store.engine.begin() as connection:
        for statement in refill:
            connection.exec_driver_sql(statement)
    assert written == _rows(workspace, index)
    assert len(written) == _scalar(workspace, "SELECT count(*) FROM person")
    assert _scalar(workspace, "SELECT count(*) FROM fts_person WHERE instr(flags, char(57344) || 'consent')") > 0
