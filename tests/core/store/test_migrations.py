"""Migrations: empty → head, the first released schema → head, and models agree with them."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from sociolab_desktop.core.store import migrate
from sociolab_desktop.core.store.database import open_store
from sociolab_desktop.core.store.engine import create_sqlite_engine
from sociolab_desktop.core.store.models import Base, Person
from sociolab_desktop.errors import UserError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# One fixture database per released schema; add one for every release that changes the schema.
RELEASED_SCHEMAS = sorted(FIXTURES.glob("schema_*.sqlite3"))


def _tables(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_head_constant_matches_the_migration_scripts():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.HEAD_REVISION]
    history = [revision.revision for revision in script.walk_revisions()]
    assert tuple(reversed(history)) == migrate.REVISIONS


def test_empty_database_migrates_to_head_with_every_table(tmp_path):
    database = tmp_path / "new.sqlite3"
    store = open_store(database, tmp_path / "backups", backups_kept=3)
    store.dispose()
    assert migrate.current_revision(database) == migrate.HEAD_REVISION
    assert set(Base.metadata.tables) <= _tables(database)


def test_models_and_migrations_agree(tmp_path):
    engine = create_sqlite_engine(tmp_path / "x.sqlite3")
    migrate.upgrade_to_head(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": migrate.include_name}
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


@pytest.mark.parametrize("fixture", RELEASED_SCHEMAS, ids=lambda path: path.stem)
def test_released_schema_upgrades_to_head_and_keeps_its_data(tmp_path, fixture):
    database = tmp_path / "sociolab.sqlite3"
    shutil.copy(fixture, database)
    store = open_store(database, tmp_path / "backups", backups_kept=3)
    try:
        with store.reader() as session:
            person = session.get(Person, "33333333-3333-4333-8333-333333333333")
            assert (person.first_name, person.last_name) == ("Ana", "Čeh")
    finally:
        store.dispose()
    assert migrate.current_revision(database) == migrate.HEAD_REVISION


def test_there_is_a_fixture_for_the_first_released_schema():
    assert any("0001_initial" in path.name for path in RELEASED_SCHEMAS)


def test_upgrade_makes_a_backup_first(tmp_path, monkeypatch):
    database = tmp_path / "sociolab.sqlite3"
    shutil.copy(RELEASED_SCHEMAS[0], database)
    # As if this program's head were one revision past the fixture's.
    monkeypatch.setattr(migrate, "HEAD_REVISION", "0002_next")
    backups = tmp_path / "backups"
    open_store(database, backups, backups_kept=3).dispose()
    made = list(backups.glob("before-upgrade-*.sqlite3"))
    assert len(made) == 1
    with sqlite3.connect(made[0]) as connection:
        assert connection.execute("SELECT last_name FROM person").fetchone() == ("Čeh",)


def test_sqlite_file_of_another_program_is_refused_and_left_untouched(tmp_path):
    database = tmp_path / "sociolab.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('potica')")
    before = database.read_bytes()
    with pytest.raises(UserError) as error:
        open_store(database, tmp_path / "backups", backups_kept=3)
    assert "another program" in str(error.value)
    assert database.read_bytes() == before


def test_database_from_a_newer_program_is_refused_and_left_untouched(tmp_path):
    database = tmp_path / "sociolab.sqlite3"
    shutil.copy(RELEASED_SCHEMAS[0], database)
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = database.read_bytes()
    with pytest.raises(UserError) as error:
        open_store(database, tmp_path / "backups", backups_kept=3)
    assert "newer version" in str(error.value)
    assert str(database) in str(error.value)
    assert database.read_bytes() == before
