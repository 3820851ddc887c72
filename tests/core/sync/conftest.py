"""Several info points on real SQLite files, exchanging through one real folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from sociolab_desktop.core.services import sites, staff
from sociolab_desktop.workspace import Workspace, open_workspace, sync_round


class Office:
    """One PC: its workspace, and helpers to write and read like the services do."""

    def __init__(self, root: Path, name: str, share: Path) -> None:
        self.root = root / name
        self.name = name
        self.share = share
        self.ws = open_workspace(self.root)
        sites.create_site(self.ws.store, self.ws.settings.site_id, name, "sl")
        self.ws.settings.site_name = name
        self.ws.settings.share_path = str(share)
        member = staff.add_staff(self.ws.store, self.ws.actor, f"Staff {name}", is_admin=True)
        self.ws.settings.current_staff_id = member.id
        self.ws.save_settings()

    @property
    def site_id(self) -> str:
        return self.ws.settings.site_id

    def sync(self):
        return sync_round(self.ws)

    def write(self):
        return self.ws.store.unit_of_work(self.ws.actor)

    def read(self):
        return self.ws.store.reader()

    def scalar(self, sql: str, **params):
        with self.ws.store.engine.connect() as connection:
            return connection.execute(text(sql), params).scalar()

    def rows(self, sql: str, **params):
        with self.ws.store.engine.connect() as connection:
            return connection.execute(text(sql), params).all()

    def reopen(self) -> None:
        self.ws.close()
        self.ws = open_workspace(self.root)

    def close(self) -> None:
        self.ws.close()


def _exchange(*offices: Office, rounds: int = 2) -> None:
    for _ in range(rounds):
        for office in offices:
            result = office.sync()
            assert result.share_unavailable is None


@pytest.fixture
def exchange():
    """Rounds at every office; two suffice for plain edits (conflicts and retired duplicates
    found while applying travel in later rounds, so tests of those sync more)."""
    return _exchange


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


@pytest.fixture
def offices(tmp_path: Path, share: Path) -> Iterator[list[Office]]:
    made = [Office(tmp_path, name, share) for name in ("Maribor", "Ptuj", "Ormož")]
    yield made
    for office in made:
        try:
            office.close()
        except Exception:
            pass
