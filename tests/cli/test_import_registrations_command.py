"""`sociolab-desktop import registrations FILE --event ID`: an online form's export registered for
an event, a dry run that writes nothing, and an event that does not exist."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.workspace import open_workspace

TODAY = dt.date(2026, 11, 27)
FORM = ("Ime;Priimek;E-pošta;Telefon;Občina\n"
        "Ana;Čeh;ana.ceh@example.si;041 111 222;Maribor\n"  # 2: recorded
        "Rok;Šuštar;rok.sustar@example.net;031 555 666;Ptuj\n"  # 3: new
        "Rok;Šuštar;rok.sustar@example.net;;Ptuj\n"  # 4: the same as row 3
        "Boris;Žagar;boris.zagar@example.com;;Lenart\n"  # 5: already registered
        "Cilka;Kos;cilka.kos.example.com;;Maribor\n"  # 6: not an e-mail address
        "Vesna;Kovačič;vesna@example.org;;Ormož\n")  # 7: new, the event is full: waiting


@pytest.fixture
def folder(workspace):
    """An English data folder: an event with 3 places, Boris registered, Ana recorded; closed."""
    workspace.settings.language = "en"
    workspace.save_settings()
    store, actor = workspace.store, workspace.actor
    ps.create_person(store, actor, ps.PersonInput("Ana", "Čeh", email="ana.ceh@example.si"), today=TODAY)
    boris = ps.create_person(store, actor, ps.PersonInput("Boris", "Žagar", email="boris.zagar@example.com"),
                             today=TODAY).id
    event_id = ev.create_event(store, actor, ev.EventInput("workshop", "Delavnica za zadruge", capacity=3)).id
    rg.register_person(store, actor, event_id, boris, today=TODAY)
    workspace.close()
    return workspace.paths.root, event_id


def _form(tmp_path: Path) -> Path:
    path = tmp_path / "prijave.csv"
    path.write_bytes(FORM.replace("\n", "\r\n").encode("cp1250"))
    return path


def _registrations(root: Path, event_id: str) -> list[tuple[str, str]]:
    ws = open_workspace(root)
    try:
        return sorted((row.full_name, row.status) for row in rg.list_registrations(ws.store, event_id))
    finally:
        ws.close()


def test_dry_run_reports_every_row_and_writes_nothing(run_cli, folder, tmp_path):
    root, event_id = folder
    result = run_cli("import", "registrations", _form(tmp_path), "--event", event_id, "--dry-run", "--only-valid",
                     "--data-dir", root)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Read 6 rows from" in out and "Windows-1250" in out
    assert "Row 2: Registers Ana Čeh, who is already recorded (same e-mail address)" in out
    assert "Row 4: The same person as row 3 (same e-mail address): registered once, by that row." in out
    assert "Row 5: Boris Žagar is already registered for this event (code " in out
    assert "Row 6, column “E-pošta”: “cilka.kos.example.com” is not an e-mail address" in out
    assert "Row 7: The event is full: goes on the waiting list (place 1)." in out
    assert "Dry run, nothing was written." in out
    assert "Import will register 3 persons for “Delavnica za zadruge”." in out
    assert "On the waiting list, in the order of the file: 1 person." in out
    assert _registrations(root, event_id) == [("Boris Žagar", "registered")]


def test_a_bad_row_refuses_the_file_and_only_valid_registers_the_rest(run_cli, folder, tmp_path):
    root, event_id = folder
    refused = run_cli("import", "registrations", _form(tmp_path), "--event", event_id, "--data-dir", root)
    assert refused.exit_code == 2
    assert "Nothing was imported because 1 row has errors" in refused.stderr
    assert _registrations(root, event_id) == [("Boris Žagar", "registered")]
    done = run_cli("import", "registrations", _form(tmp_path), "--event", event_id, "--only-valid",
                   "--data-dir", root)
    assert done.exit_code == 0, done.stderr
    assert "Registered 3 persons for “Delavnica za zadruge”." in done.stdout
    assert "New, recorded by the import: 2 persons." in done.stdout
    assert "With errors, not imported: 1 row." in done.stdout
    assert _registrations(root, event_id) == [("Ana Čeh", "registered"), ("Boris Žagar", "registered"),
                                              ("Rok Šuštar", "registered"), ("Vesna Kovačič", "waiting")]


def test_an_unknown_event_or_none_is_refused_before_anything_is_written(run_cli, folder, tmp_path):
    root, event_id = folder
    unknown = run_cli("import", "registrations", _form(tmp_path), "--event", "no-such-event", "--data-dir", root)
    assert unknown.exit_code != 0 and "No event has the key “no-such-event”" in unknown.stderr
    missing = run_cli("import", "registrations", _form(tmp_path), "--data-dir", root)
    assert missing.exit_code != 0 and "--event ID" in missing.stderr
    misplaced = run_cli("import", "people", _form(tmp_path), "--event", event_id, "--data-dir", root)
    assert misplaced.exit_code != 0 and "--event is for importing registrations" in misplaced.stderr
    assert _registrations(root, event_id) == [("Boris Žagar", "registered")]
