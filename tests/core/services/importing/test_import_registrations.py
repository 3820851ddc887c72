"""Importing an online form's registrations into an event: recorded persons found by the duplicate
rules, new ones recorded (incomplete for ESF), nobody registered twice, the waiting list in the
order of the file, and nothing half-written."""

from __future__ import annotations

import datetime as dt

import pytest
from import_helpers import EMSO_F_1985, TODAY, count, stored_persons, write_csv
from sqlalchemy import select

from sociolab_desktop.core.services import importing
from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.services.importing import RowStatus
from sociolab_desktop.core.services.importing import registration_text as texts
from sociolab_desktop.core.services.importing.registration_text import registration_tally
from sociolab_desktop.core.services.importing.registrations import (
    Action,
    commit_registrations,
    preview_registrations,
)
from sociolab_desktop.core.store.models import Registration
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator

EN = Translator("en")
FORM_HEADER = "Ime;Priimek;E-pošta;Telefon;Občina\n"
# Row numbers as Excel shows them (the header is row 1).
FORM = (FORM_HEADER
        + "Ana;Čeh;ANA.CEH@example.si;041 111 222;Maribor\n"  # 2: recorded, found by e-mail (any case)
        + "Rok;Šuštar;rok.sustar@example.net;031 555 666;Ptuj\n"  # 3: new
        + "Rok;Šuštar;rok.sustar@example.net;;Ptuj\n"  # 4: the same as row 3
        + "Boris;Žagar;boris.zagar@example.com;;Hoče - Slivnica\n"  # 5: already registered
        + "Cilka;Kos;cilka.kos.example.com;;Maribor\n"  # 6: not an e-mail address
        + "Vesna;Kovačič;vesna@example.org;;Slovenska Bistrica\n"  # 7: new, waiting 1
        + "Đurđa;Šimić;durda@example.org;;Ormož\n")  # 8: new, waiting 2


def _person(ws, first: str, last: str, **fields) -> str:
    return ps.create_person(ws.store, ws.actor, ps.PersonInput(first, last, **fields), today=TODAY,
                            allow_duplicates=True).id


def _event(ws, capacity: int | None = 3) -> str:
    return ev.create_event(ws.store, ws.actor, ev.EventInput("training_programme", "Delavnica za zadruge",
                                                             title_en="Cooperatives workshop",
                                                             capacity=capacity)).id


@pytest.fixture
def setting(workspace):
    """An event with 3 places, Boris registered; Ana recorded (not registered)."""
    ana = _person(workspace, "Ana", "Čeh", email="ana.ceh@example.si", phone="02 000 00 00")
    boris = _person(workspace, "Boris", "Žagar", email="boris.zagar@example.com")
    event_id = _event(workspace)
    rg.register_person(workspace.store, workspace.actor, event_id, boris, today=TODAY)
    return event_id, ana, boris


def _preview(ws, event_id: str, text: str):
    path = write_csv(ws.paths.root.parent, text, encoding="cp1250", name="prijave.csv")
    table = importing.read_table(path)
    return preview_registrations(ws.store, event_id, table, importing.propose_mapping("people", table.headers),
                                 today=TODAY)


def _notes(plan) -> dict[int, list[str]]:
    return {row.number: [note.render(EN) for note in row.notes] + [issue.render(EN) for issue in row.issues]
            for row in plan.rows}


def _registrations(ws, event_id: str) -> list[tuple[str, str]]:
    return [(row.full_name, row.status) for row in rg.list_registrations(ws.store, event_id)]


def test_preview_says_what_each_row_of_the_form_does(workspace, setting):
    event_id, ana, _boris = setting
    plan = _preview(workspace, event_id, FORM)
    assert [(row.number, row.status) for row in plan.rows] == [
        (2, RowStatus.READY), (3, RowStatus.READY), (4, RowStatus.SKIPPED), (5, RowStatus.SKIPPED),
        (6, RowStatus.INVALID), (7, RowStatus.READY), (8, RowStatus.READY)]
    assert plan.outcomes[2].action == Action.REGISTER_RECORDED and plan.outcomes[2].person_id == ana
    notes = _notes(plan)
    assert notes[2] == ["Registers Ana Čeh, who is already recorded (same e-mail address); the record is not changed."]
    assert notes[3] == ["A new person: recorded, flagged incomplete for ESF (the list lacks ESF data), and registered."]
    assert notes[4] == ["The same person as row 3 (same e-mail address): registered once, by that row."]
    code = rg.list_registrations(workspace.store, event_id)[0].code
    assert notes[5] == [f"Boris Žagar is already registered for this event (code {code}): not registered again."]
    assert notes[6] == ["“cilka.kos.example.com” is not an e-mail address (it needs a name, “@” and a domain)."]
    # 3 places, Boris holds one: rows 2 and 3 take the other two, 7 and 8 wait in the file's order.
    assert notes[7][0] == "The event is full: goes on the waiting list (place 1)."
    assert notes[8] == ["The event is full: goes on the waiting list (place 2).",
                        "A new person: recorded, flagged incomplete for ESF (the list lacks ESF data), and registered."]
    assert texts.preview_lines(plan, EN, allow_duplicates=False) == [
        "Import will register 4 persons for “Cooperatives workshop”.",
        "Places at the event: 3; free before the import: 2.",
        "On the waiting list, in the order of the file: 2 persons.",
        "Already recorded, registered as recorded: 1 person.",
        "New, recorded by the import: 3 persons.",
        "Flagged incomplete for ESF (complete their data later): 3 new persons.",
        "Already registered or waiting, not registered again: 1 person.",
        "Repeating an earlier row, registered once: 1 row."]
    assert texts.status_counts(plan, EN)[RowStatus.SKIPPED] == "2 rows already registered or repeated"
    assert count(workspace.store, Registration) == 1  # a preview writes nothing


def test_a_row_with_errors_means_nothing_is_written(workspace, setting):
    event_id, _ana, _boris = setting
    before = count(workspace.store)
    result = commit_registrations(workspace.store, workspace.actor, _preview(workspace, event_id, FORM), today=TODAY)
    assert (result.refused, result.imported, result.created_ids) == (True, 0, ())
    assert count(workspace.store) == before
    assert _registrations(workspace, event_id) == [("Boris Žagar", "registered")]


def test_only_valid_rows_register_each_person_once_and_the_rest_wait_in_file_order(workspace, setting):
    event_id, ana, _boris = setting
    plan = _preview(workspace, event_id, FORM)
    result = commit_registrations(workspace.store, workspace.actor, plan, only_valid=True, today=TODAY)
    assert (result.refused, result.imported, len(result.created_ids)) == (False, 4, 3)
    assert [(row.full_name, row.status) for row in result.registrations] == [
        ("Ana Čeh", "registered"), ("Rok Šuštar", "registered"), ("Vesna Kovačič", "waiting"),
        ("Đurđa Šimić", "waiting")]
    assert sorted(_registrations(workspace, event_id)) == sorted([
        ("Ana Čeh", "registered"), ("Boris Žagar", "registered"), ("Rok Šuštar", "registered"),
        ("Vesna Kovačič", "waiting"), ("Đurđa Šimić", "waiting")])
    waiting = [row.full_name for row in rg.waiting_list(workspace.store, event_id)]
    assert waiting == ["Vesna Kovačič", "Đurđa Šimić"]
    people = {person.first_name: person for person in stored_persons(workspace.store)}
    assert people["Ana"].id == ana and people["Ana"].phone == "02 000 00 00"  # the record is not changed
    rok = people["Rok"]
    assert (rok.is_incomplete, rok.first_contact_date, rok.site_id) == (True, TODAY, workspace.settings.site_id)
    assert (rok.email, rok.phone, rok.municipality_code) == ("rok.sustar@example.net", "031 555 666", "SI-096")
    assert "Cilka" not in people and len([p for p in people.values() if p.last_name == "Šuštar"]) == 1
    assert texts.summary_lines(result, EN, allow_duplicates=False) == [
        "Registered 4 persons for “Cooperatives workshop”.",
        "Places at the event: 3; free before the import: 2.",
        "On the waiting list, in the order of the file: 2 persons.",
        "Already recorded, registered as recorded: 1 person.",
        "New, recorded by the import: 3 persons.",
        "Flagged incomplete for ESF (complete their data later): 3 new persons.",
        "Already registered or waiting, not registered again: 1 person.",
        "Repeating an earlier row, registered once: 1 row.",
        "With errors, not imported: 1 row."]


def test_importing_the_same_form_again_registers_nobody_twice(workspace, setting):
    event_id, _ana, _boris = setting
    commit_registrations(workspace.store, workspace.actor, _preview(workspace, event_id, FORM), only_valid=True,
                         today=TODAY)
    again = _preview(workspace, event_id, FORM)
    tally = registration_tally(again)
    assert (tally.registered, tally.waiting, tally.new, tally.already, tally.repeats) == (0, 0, 0, 5, 1)
    waiting_note = _notes(again)[8][0]
    assert waiting_note.startswith("Đurđa Šimić is already on the waiting list for this event (code ")
    assert waiting_note.endswith(", place 2): not registered again.")
    result = commit_registrations(workspace.store, workspace.actor, again, only_valid=True, today=TODAY)
    assert (result.imported, result.created_ids) == (0, ())
    assert len(_registrations(workspace, event_id)) == 5


def test_waiting_list_keeps_file_order_when_the_clock_does_not_move(workspace, monkeypatch):
    from sociolab_desktop.core.store import unit_of_work

    event_id = _event(workspace, capacity=1)
    names = ["Zala", "Ana", "Mojca", "Bor", "Eva", "Tine"]
    text = FORM_HEADER + "".join(f"{name};Novak{n};{name.lower()}{n}@example.org;;\n" for n, name in enumerate(names))
    plan = _preview(workspace, event_id, text)
    frozen = dt.datetime(2026, 11, 27, 9, 0)
    monkeypatch.setattr(unit_of_work, "utc_now", lambda: frozen)  # a coarse clock: one tick for all
    commit_registrations(workspace.store, workspace.actor, plan, today=TODAY)
    assert [row.first_name for row in rg.waiting_list(workspace.store, event_id)] == names[1:]


def test_a_similar_name_is_held_and_imported_anyway_only_when_asked_after_the_ready_rows(workspace):
    event_id = _event(workspace, capacity=2)
    _person(workspace, "Ana", "Novak", municipality_code="SI-070")
    text = (FORM_HEADER + "Anna;Novak;anna.novak@example.org;;Maribor\n"  # 2: similar to the recorded Ana
            + "Eva;Kralj;eva@example.org;;Ptuj\n" + "Tina;Zupan;tina@example.org;;Ptuj\n")
    plan = _preview(workspace, event_id, text)
    row = plan.rows[0]
    assert row.status == RowStatus.DUPLICATE and [match.name for match in row.duplicates] == ["Ana Novak"]
    # Imported anyway it comes after the ready rows: the two places stay with rows 3 and 4.
    assert _notes(plan)[2][-1] == ("If imported anyway: the event is full, the person goes on the waiting list "
                                   "(place 1).")
    held = commit_registrations(workspace.store, workspace.actor, plan, today=TODAY)
    assert held.imported == 2 and "Anna" not in {p.first_name for p in stored_persons(workspace.store)}
    event_id = _event(workspace, capacity=2)
    anyway = commit_registrations(workspace.store, workspace.actor, _preview(workspace, event_id, text),
                                  allow_duplicates=True, today=TODAY)
    assert [(r.first_name, r.status) for r in anyway.registrations] == [
        ("Eva", "registered"), ("Tina", "registered"), ("Anna", "waiting")]
    assert sum(p.last_name == "Novak" for p in stored_persons(workspace.store)) == 2


def test_an_email_shared_with_someone_of_another_name_is_not_them(workspace):
    event_id = _event(workspace)
    _person(workspace, "Marko", "Horvat", email="druzina.horvat@example.si")
    plan = _preview(workspace, event_id, FORM_HEADER + "Petra;Horvat;Druzina.Horvat@example.si;;\n")
    [row] = plan.rows
    assert row.status == RowStatus.DUPLICATE
    assert [(match.name, match.reasons) for match in row.duplicates] == [("Marko Horvat", ("same_email",))]


def test_a_row_fitting_several_recorded_persons_is_an_error(workspace):
    event_id = _event(workspace)
    _person(workspace, "Ana", "Čeh", email="ana.ceh@example.si")
    _person(workspace, "Ana", "Čeh", emso=EMSO_F_1985)
    path = write_csv(workspace.paths.root.parent, "Ime;Priimek;E-pošta;EMŠO\n"
                     f"Ana;Čeh;ana.ceh@example.si;{EMSO_F_1985}\n", name="prijave.csv")
    table = importing.read_table(path)
    plan = preview_registrations(workspace.store, event_id, table,
                                 importing.propose_mapping("people", table.headers), today=TODAY)
    [row] = plan.rows
    assert row.status == RowStatus.INVALID
    assert row.issues[0].render(EN) == ("The row fits several recorded persons (Ana Čeh, Ana Čeh). Merge them, or "
                                        "register the right one in the event window.")


def test_a_cancelled_registration_is_renewed_and_full_esf_data_is_not_flagged(workspace):
    event_id = _event(workspace, capacity=None)
    boris = _person(workspace, "Boris", "Žagar", email="boris.zagar@example.com")
    registration = rg.register_person(workspace.store, workspace.actor, event_id, boris, today=TODAY).registration
    rg.cancel_registration(workspace.store, workspace.actor, registration.id, today=TODAY)
    esf = ("Spol;Leto rojstva;Status na trgu dela;ISCED;Brezposelno gospodinjstvo;Vzdrževani otroci;"
           "Enostarševska družina;Migrant;Invalidnost;Druga prikrajšanost;Brezdomstvo;Podeželje")
    answers = "Ž;1990;employed;isced_6;ne;ne;ne;ne;ne;ne;ne;da"
    plan = _preview(workspace, event_id, f"Ime;Priimek;E-pošta;{esf}\n"
                    f"Boris;Žagar;boris.zagar@example.com;{';' * 11}\nNika;Vidmar;nika@example.org;{answers}\n")
    assert [row.status for row in plan.rows] == [RowStatus.READY, RowStatus.READY], _notes(plan)
    assert _notes(plan)[2][-1] == "The earlier registration, which was cancelled, is renewed."
    assert _notes(plan)[3] == ["A new person: recorded and registered."]
    result = commit_registrations(workspace.store, workspace.actor, plan, today=TODAY)
    assert [(r.full_name, r.status) for r in result.registrations] == [("Boris Žagar", "registered"),
                                                                       ("Nika Vidmar", "registered")]
    with workspace.store.reader() as session:
        assert session.scalar(select(Registration.id).where(Registration.person_id == boris)) == registration.id
    assert {p.first_name: p.is_incomplete for p in stored_persons(workspace.store)}["Nika"] is False


def test_an_unknown_event_is_refused_with_a_message(workspace):
    with pytest.raises(UserError) as caught:
        _preview(workspace, "no-such-event", FORM)
    assert "The event was not found" in str(caught.value)
