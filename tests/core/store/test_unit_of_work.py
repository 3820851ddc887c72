"""Every write is stamped with who, where and when; derived search columns stay current."""

from __future__ import annotations

from sqlalchemy import text

from sociolab_desktop.core.store.models import Person
from sociolab_desktop.core.store.unit_of_work import Actor


def test_new_record_gets_key_site_author_and_times(workspace):
    with workspace.store.unit_of_work(workspace.actor) as session:
        person = Person(first_name="Ana", last_name="Čeh")
        session.add(person)
    assert len(person.id) == 36
    assert person.origin_site_id == workspace.settings.site_id
    assert person.created_by_id == workspace.settings.current_staff_id
    assert person.created_at is not None and person.deleted_at is None


def test_edit_records_who_changed_it_last(workspace):
    with workspace.store.unit_of_work(workspace.actor) as session:
        person = Person(first_name="Ana", last_name="Čeh")
        session.add(person)
    other = Actor(site_id=workspace.settings.site_id, staff_id="another-staff-member")
    with workspace.store.unit_of_work(other) as session:
        session.get(Person, person.id).phone = "041 123 456"
    with workspace.store.reader() as session:
        saved = session.get(Person, person.id)
        assert saved.created_by_id == workspace.settings.current_staff_id
        assert saved.updated_by_id == "another-staff-member"
        assert saved.updated_at >= saved.created_at


def test_search_text_is_folded_and_follows_edits(workspace):
    with workspace.store.unit_of_work(workspace.actor) as session:
        person = Person(first_name="Đurđa", last_name="Čeh")
        session.add(person)
    assert "durda ceh" in person.search_text
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.get(Person, person.id).last_name = "Šuštar"
    with workspace.store.reader() as session:
        assert "sustar" in session.get(Person, person.id).search_text


def test_failed_unit_of_work_writes_nothing(workspace):
    try:
        with workspace.store.unit_of_work(workspace.actor) as session:
            session.add(Person(first_name="Ana", last_name="Čeh"))
            session.flush()
            raise RuntimeError("the service found a problem")
    except RuntimeError:
        pass
    with workspace.store.reader() as session:
        assert session.execute(text("SELECT count(*) FROM person")).scalar() == 0


def test_connections_use_wal_and_foreign_keys(workspace):
    with workspace.store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() > 0
