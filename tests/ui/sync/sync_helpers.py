"""Two info points on real data folders exchanging through one real folder, for the Sync area's
tests (and its screenshots): a concurrent edit, a damaged file on the share."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from sociolab_desktop.core.services import sites, staff
from sociolab_desktop.core.store.models import Person
from sociolab_desktop.workspace import Workspace, open_workspace, sync_round


class Office:
    """One PC: its workspace over its own data folder, with the shared folder set."""

    def __init__(self, root: Path, name: str, share: Path | None, language: str = "sl") -> None:
        self.ws: Workspace = open_workspace(root / name.replace(" ", "_"))
        sites.create_site(self.ws.store, self.ws.settings.site_id, name, "sl")
        self.ws.settings.site_name = name
        self.ws.settings.language = language
        self.ws.settings.share_path = str(share) if share else None
        member = staff.add_staff(self.ws.store, self.ws.actor, f"Staff {name}", is_admin=True)
        self.ws.settings.current_staff_id = member.id
        self.ws.save_settings()

    @property
    def site_id(self) -> str:
        return self.ws.settings.site_id

    def sync(self):
        result = sync_round(self.ws)
        assert result.share_unavailable is None, result.share_unavailable
        return result

    def add_person(self, first_name: str, last_name: str, **fields) -> str:
        with self.ws.store.unit_of_work(self.ws.actor) as session:
            person = Person(first_name=first_name, last_name=last_name, **fields)
            session.add(person)
        return person.id

    def set_person(self, person_id: str, **fields) -> None:
        with self.ws.store.unit_of_work(self.ws.actor) as session:
            person = session.get(Person, person_id)
            for name, value in fields.items():
                setattr(person, name, value)

    def person_field(self, person_id: str, name: str):
        with self.ws.store.reader() as session:
            return getattr(session.get(Person, person_id), name)

    def close(self) -> None:
        self.ws.close()


def make_conflict(here: Office, there: Office, *, field: str = "phone", mine: str = "02 111 11 11",
                  theirs: str = "02 222 22 22") -> str:
    """A client both offices know, then one field changed at both before either synced again;
    after the exchange both hold the conflict. Returns the person's id."""
    person_id = here.add_person("Ana", "Čeh", phone="02 000 00 00")
    here.sync()
    there.sync()
    here.set_person(person_id, **{field: mine})
    there.set_person(person_id, **{field: theirs})
    there.sync()
    here.sync()
    there.sync()
    return person_id


def damage_next_bundle(office: Office, share: Path) -> Path:
    """`office` publishes one more change, then its file on the share is cut in half (a copy
    interrupted on the way): whoever reads it next holds it back."""
    office.add_person("Bojan", "Žnidarič")
    office.sync()
    folder = share / "sociolab-sync" / "sites" / office.site_id
    newest = max(folder.glob("*/*.bundle"))
    data = newest.read_bytes()
    newest.write_bytes(data[: len(data) // 2])
    return newest


ROUND_MS = 15_000


def click_sync_now(window, qtbot):
    """Click "Sync now", check the page is busy meanwhile, wait for the round; its result."""
    page = window.area_page("sync")
    _ = window.ctx.tr.gettext
    with qtbot.waitSignal(window.sync.round_finished, timeout=ROUND_MS) as finished:
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        # The round runs in a worker: the window is still ours, and says it is busy.
        assert not page.sync_button.isEnabled()
        assert page.busy_bar.isVisible()
        assert window.status.sync_label.text() == _("Syncing…")
        assert window.sync.sync_now() is False  # one round at a time
    assert page.sync_button.isEnabled() and not page.busy_bar.isVisible()
    return finished.args[0]
