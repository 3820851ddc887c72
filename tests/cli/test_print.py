"""`sociolab-desktop print`: every printable document from a data folder made with the services,
read back with pypdf; wrong keys, months and output files get a message naming what is wrong."""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services import staff
from sociolab_desktop.core.services.events import checkin
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as reg
from sociolab_desktop.core.services.events import sessions as se
from sociolab_desktop.core.services.mentoring import sessions as ms
from sociolab_desktop.core.services.mentoring.session_parts import ActionInput

DAY = dt.date(2021, 3, 15)


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


@dataclass
class Folder:
    root: Path
    mentor_id: str
    second_mentor_id: str
    organisation_id: str
    english_organisation_id: str
    mentoring_session_id: str
    event_id: str
    event_session_ids: list[str]
    empty_event_id: str
    people: dict[str, str]  # name -> key


@pytest.fixture
def folder(workspace) -> Folder:
    """An info point with an organisation mentored in March 2021, a three-session programme with
    four registered persons (two attended all of it), and an event without sessions."""
    store, actor = workspace.store, workspace.actor
    mentor_id = actor.staff_id
    second = staff.add_staff(store, actor, "Ćiril Đokić", is_mentor=True).id
    people = {}
    for first, last, language in (("Đurđa", "Šćepanović", "sl"), ("Ana", "Čeh", "en"), ("Žiga", "Ćosić", "sl"),
                                  ("Bojan", "Zupan", "sl")):
        people[f"{first} {last}"] = ps.create_person(store, actor, ps.PersonInput(
            first, last, preferred_language=language, street_address="Slovenska ulica 5", postal_code="2000",
            post_town="Maribor"), today=DAY, allow_duplicates=True).id
    organisation_id = org.create_organisation(store, actor, org.OrganisationInput(
        "Zadruga Đurđevka, z. o. o.", "cooperative", registration_number=None)).id
    english_id = org.create_organisation(store, actor, org.OrganisationInput(
        "Socialno podjetje Čebelica", "social_enterprise", preferred_language="en")).id

    def mentoring(day: dt.date, ends: dt.time, organisation: str, mentors: list[str], **fields):
        data = ms.SessionInput(day, dt.time(9, 0), ends, "in_person", mentors, organisation_id=organisation,
                               topics=["financing"], **fields)
        return ms.record_session(store, actor, data, confirmed=True).id

    session_id = mentoring(DAY, dt.time(10, 30), organisation_id, [mentor_id, second],
                           person_ids=[people["Đurđa Šćepanović"]], summary="Pregled finančnega načrta zadruge.",
                           actions=[ActionInput("Pripraviti akt o ustanovitvi", "Ana Čeh", dt.date(2021, 3, 29))])
    mentoring(dt.date(2021, 3, 22), dt.time(11, 15), organisation_id, [mentor_id], summary="Trženje izdelkov.")
    mentoring(dt.date(2021, 2, 8), dt.time(10, 0), organisation_id, [second])
    mentoring(dt.date(2021, 3, 10), dt.time(9, 50), english_id, [mentor_id], summary="Social impact.")

    event_id = ev.create_event(store, actor, ev.EventInput(
        "training_programme", "Usposabljanje za socialne podjetnike", "Training for social entrepreneurs",
        venue="Mestna hiša Ptuj")).id
    session_ids = [se.add_session(store, actor, event_id, se.SessionInput(DAY + dt.timedelta(weeks=week),
                                                                          dt.time(9), dt.time(12))).id
                   for week in range(3)]
    for person_id in people.values():
        reg.register_person(store, actor, event_id, person_id, today=DAY)
    for name in ("Đurđa Šćepanović", "Ana Čeh"):
        for session_id_ in session_ids:
            checkin.check_in(store, actor, session_id_, people[name])
    empty_event_id = ev.create_event(store, actor, ev.EventInput("fair", "Sejem socialne ekonomije")).id
    workspace.close()  # the command takes the folder's lock
    return Folder(workspace.paths.root, mentor_id, second, organisation_id, english_id, session_id, event_id,
                  session_ids, empty_event_id, people)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "izpis.pdf"


def test_the_print_command_lists_every_document(run_cli, capsys):
    with pytest.raises(SystemExit) as exited:
        run_cli("print", "--help")

    assert exited.value.code == 0
    shown = capsys.readouterr().out
    for name in ("attendance-sheet", "certificates", "mentoring-record", "timesheet", "consent-form"):
        assert name in shown


# --- attendance sheet ----------------------------------------------------------------------------

def test_attendance_sheet_lists_the_registered_persons_in_slovenian_order(run_cli, folder, out):
    result = run_cli("print", "attendance-sheet", "--event", folder.event_id, "--session", folder.event_session_ids[1],
                     "--blank-rows", "3", "-o", out, "--data-dir", folder.root)

    assert result.exit_code == 0, result.stderr
    assert str(out) in result.stdout
    text = _text(out)
    order = [text.index(name) for name in ("Ana Čeh", "Žiga Ćosić", "Đurđa Šćepanović", "Bojan Zupan")]
    assert order == sorted(order)
    assert "Usposabljanje za socialne podjetnike" in text and "Mestna hiša Ptuj" in text
    assert "7." in text.split() and "8." not in text.split()  # four persons and three blank rows
    assert "22. marec 2021" in text and "Stran 1 od 1" in text


def test_attendance_sheet_in_english_uses_the_english_title(run_cli, folder, out):
    result = run_cli("print", "attendance-sheet", "--event", folder.event_id, "--lang", "en", "-o", out,
                     "--data-dir", folder.root)

    assert result.exit_code == 0, result.stderr
    text = _text(out)
    assert "Training for social entrepreneurs" in text and "Training programme" in text
    assert "Attendance list" in text and "Page 1 of 1" in text


def test_an_empty_sheet_prints_no_names(run_cli, folder, out):
    result = run_cli("print", "attendance-sheet", "--event", folder.event_id, "--empty", "--blank-rows", "15",
                     "-o", out, "--data-dir", folder.root)

    assert result.exit_code == 0, result.stderr
    text = _text(out)
    assert "Čeh" not in text and "15." in text.split() and "16." not in text.split()


def test_a_sheet_for_an_event_without_sessions_is_refused(run_cli, folder, out):
    result = run_cli("print", "attendance-sheet", "--event", folder.empty_event_id, "-o", out,
                     "--data-dir", folder.root)

    assert result.exit_code == 2
    assert "Sejem socialne ekonomije" in result.stderr and not out.exists()


def test_a_session_of_another_event_is_refused(run_cli, folder, out):
    result = run_cli("print", "attendance-sheet", "--event", folder.event_id, "--session", "ni-take-seje",
                     "-o", out, "--data-dir", folder.root)

    assert result.exit_code == 2 and "ni-take-seje" in result.stderr


@pytest.mark.parametrize("rows", ["-1", "5000"])
def test_blank_rows_out_of_range_are_refused(run_cli, folder, out, rows):
    result = run_cli("print", "attendance-sheet", "--event", folder.event_id, "--blank-rows", rows, "-o", out,
                     "--data-dir", folder.root)

    assert result.exit_code == 2 and "--blank-rows" in result.stderr


# --- certificates --------------------------------------------------------------------------------

def test_certificates_go_to_everyone_who_meets_the_rule(run_cli, folder, out):
    result = run_cli("print", "certificates", "--event", folder.event_id, "--lang", "en", "--place", "Ptuj",
                     "--signatory", "Mojca Žagar", "--signatory-role", "Head of the info point", "-o", out,
                     "--data-dir", folder.root)

    assert result.exit_code == 0, result.stderr
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 2
    text = _text(out)
    assert "Đurđa Šćepanović" in text and "Ana Čeh" in text and "Žiga Ćosić" not in text
    assert "Training for social entrepreneurs" in text and "Ptuj" in text
    assert "Mojca Žagar" in text and "Head of the info point" in text


def test_certificates_without_a_place_or_signatory_print_the_date_and_a_captioned_signature_line(
        run_cli, folder, out):
    result = run_cli("print", "certificates", "--event", folder.event_id, "--lang", "en", "-o", out,
                     "--data-dir", folder.root)

    assert result.exit_code == 0, result.stderr
    text = _text(out)
    assert text.count("Date of issue") == 2 and "Place and date of issue" not in text  # no town is guessed
    assert text.count("Signature and stamp") == 2


def test_reprinting_a_certificate_gives_the_same_number(run_cli, folder, tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for target in (first, second):
        assert run_cli("print", "certificates", "--event", folder.event_id, "--person",
                       folder.people["Ana Čeh"], "-o", target, "--data-dir", folder.root).exit_code == 0

    assert _text(first) == _text(second)
    assert "Ana Čeh" in _text(first)


def test_a_certificate_for_someone_below_the_rule_is_refused_with_the_hours(run_cli, folder, out):
    result = run_cli("print", "certificates", "--event", folder.event_id, "--person",
                     folder.people["Žiga Ćosić"], "-o", out, "--data-dir", folder.root)

    assert result.exit_code == 2
    assert "Žiga Ćosić" in result.stderr and not out.exists()


def test_an_unknown_certificate_language_is_refused(run_cli, folder, out):
    result = run_cli("print", "certificates", "--event", folder.event_id, "--lang", "de", "-o", out,
                     "--data-dir", folder.root)

    assert result.exit_code == 2 and "de" in result.stderr


# --- mentoring -----------------------------------------------------------------------------------

def test_monthly_record_lists_the_months_sessions_with_their_total(run_cli, folder, out):
    result = run_cli("print", "mentoring-record", "--organisation", folder.organisation_id, "--month", "2021-03",
                     "-o", out, "--data-dir", folder.root)

    assert result.exit_code == 0, result.stderr
    text = _text(out)
    assert "Zadruga Đurđevka, z. o. o." in text and "marec 2021" in text
    assert "Pregled finančnega načrta zadruge." in text and "Trženje izdelkov." in text
    assert "Pripraviti akt o ustanovitvi" in text and "Mojca Žagar" in text and "Ćiril Đokić" in text
    assert "1,5" in text and "2,25" in text and "3,75" in text  # 90 and 135 minutes, and their sum
    assert "8. 2. 2021" not in text  # February's session belongs to another record


def test_monthly_record_defaults_to_the_last_month_with_sessions_and_the_organisations_language(run_cli, folder,
                                                                                                 out):
    result = run_cli("print", "mentoring-record", "--organisation", folder.english_organisation_id, "-o", out,
                     "--data-dir", folder.root)

    assert result.exit_code == 0, result.stderr
    text = _text(out)
    assert "March 2021" in text and "Social impact." in text and "Page 1 of 1" in text


def test_a_session_record_in_a_chosen_language(run_cli, folder, out):
    result = run_cli("print", "mentoring-record", "--session", folder.mentoring_session_id, "--lang", "en",
                     "-o", out, "--data-dir", folder.root)

    assert result.exit_code == 0, result.stderr
    text = _text(out)
    assert "Monday, 15 March 2021" in text and "Đurđa Šćepanović" in text and "Mentoring record" in text


@pytest.mark.parametrize("month", ["2026-13", "2021-3-1", "marec", "0000-01"])
def test_a_month_that_is_not_a_month_is_refused(run_cli, folder, out, month):
    result = run_cli("print", "mentoring-record", "--organisation", folder.organisation_id, "--month", month,
                     "-o", out, "--data-dir", folder.root)

    assert result.exit_code == 2
    assert f"„{month}“" in result.stderr and "YYYY-MM" in result.stderr  # the Slovenian message


def test_a_month_without_sessions_names_the_months_that_have_them(run_cli, folder, out):
    result = run_cli("print", "mentoring-record", "--organisation", folder.organisation_id, "--month", "2021-04",
                     "-o", out, "--data-dir", folder.root)

    assert result.exit_code == 2
    assert "2021-02, 2021-03" in result.stderr and not out.exists()


def test_timesheet_lists_the_mentors_sessions_and_their_total(run_cli, folder, out):
    result = run_cli("print", "timesheet", "--mentor", folder.mentor_id, "--month", "2021-03", "-o", out,
                     "--data-dir", folder.root)

    assert result.exit_code == 0, result.stderr
    text = _text(out)
    assert "Mojca Žagar" in text and "Zadruga Đurđevka, z. o. o." in text and "Socialno podjetje Čebelica" in text
    assert "4,5" in text  # 1,5 + 2,25 + 0,75
    assert "4,5 h" in result.stdout  # the summary line


def test_a_timesheet_for_a_month_without_sessions_is_refused(run_cli, folder, out):
    result = run_cli("print", "timesheet", "--mentor", folder.second_mentor_id, "--month", "2021-01", "-o", out,
                     "--data-dir", folder.root)

    assert result.exit_code == 2 and "Ćiril Đokić" in result.stderr


# --- consent form --------------------------------------------------------------------------------

def test_consent_form_is_in_the_persons_language(run_cli, folder, out):
    result = run_cli("print", "consent-form", "--person", folder.people["Ana Čeh"], "-o", out,
                     "--data-dir", folder.root)

    assert result.exit_code == 0, result.stderr
    text = _text(out)
    assert "Ana Čeh" in text and "Slovenska ulica 5" in text and "Consent to processing of personal data" in text


# --- wrong keys and files ------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ("attendance-sheet", "--event"), ("certificates", "--event"), ("mentoring-record", "--organisation"),
    ("mentoring-record", "--session"), ("timesheet", "--month", "2021-03", "--mentor"),
    ("consent-form", "--person"),
])
def test_an_unknown_key_is_named_in_the_message(run_cli, folder, out, args):
    result = run_cli("print", *args, "ni-tega-kljuca", "-o", out, "--data-dir", folder.root)

    assert result.exit_code == 2
    assert "ni-tega-kljuca" in result.stderr and "Traceback" not in result.stderr


def test_output_that_is_a_folder_is_refused(run_cli, folder, tmp_path):
    result = run_cli("print", "consent-form", "--person", folder.people["Ana Čeh"], "-o", tmp_path,
                     "--data-dir", folder.root)

    assert result.exit_code == 2
    assert str(tmp_path) in result.stderr and ".pdf" in result.stderr


def test_output_in_a_missing_folder_is_refused(run_cli, folder, tmp_path):
    result = run_cli("print", "consent-form", "--person", folder.people["Ana Čeh"], "-o",
                     tmp_path / "ni" / "f.pdf", "--data-dir", folder.root)

    assert result.exit_code == 2 and str(tmp_path / "ni") in result.stderr


def test_output_in_a_folder_that_may_not_be_written_is_refused(run_cli, folder, tmp_path, monkeypatch):
    locked = tmp_path / "zaklenjeno"
    locked.mkdir()
    make_temporary = tempfile.mkstemp

    def refuse(*args, dir=None, **kwargs):  # what a read-only folder does (chmod does not bind root)
        if Path(dir) == locked:
            raise PermissionError(13, "Permission denied")
        return make_temporary(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = run_cli("print", "consent-form", "--person", folder.people["Ana Čeh"], "-o", locked / "f.pdf",
                     "--data-dir", folder.root)

    assert result.exit_code == 2 and str(locked) in result.stderr and "Permission denied" in result.stderr
    assert list(locked.iterdir()) == []


def test_a_file_that_cannot_be_replaced_is_left_as_it_was(run_cli, folder, out, monkeypatch):
    out.write_bytes(b"old")

    replace = os.replace

    def refuse(source, target):  # as Windows does while the PDF is open in a viewer
        if Path(target) == out:
            raise PermissionError(13, "Permission denied")
        replace(source, target)

    monkeypatch.setattr(os, "replace", refuse)
    result = run_cli("print", "consent-form", "--person", folder.people["Ana Čeh"], "-o", out,
                     "--data-dir", folder.root)

    assert result.exit_code == 2 and str(out) in result.stderr
    assert out.read_bytes() == b"old"
    assert [path.name for path in out.parent.iterdir() if path.is_file()] == [out.name]  # no temporary file left


def test_the_database_is_never_overwritten(run_cli, folder):
    database = folder.root / "sociolab.sqlite3"
    before = database.read_bytes()

    result = run_cli("print", "consent-form", "--person", folder.people["Ana Čeh"], "-o", database,
                     "--data-dir", folder.root)

    assert result.exit_code == 2 and database.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
