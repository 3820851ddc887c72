"""Exports: every column, every row (deleted ones too) in key order, Slovenian letters intact,
spreadsheet formulas neutralised, and a failed export never leaves half a file behind."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile

import pytest

from sociolab_desktop.core.services import export
from sociolab_desktop.core.store.models import (
    Attendance,
    Contact,
    Event,
    EventSession,
    Organisation,
    Person,
)
from sociolab_desktop.errors import UserError

SLOVENIAN = "Čeh Šuštar Žužek Ćosić Đurđević čšžćđ"
FORMULAS = ["=1+2", "+386 41 123 456", "-2+3", "@SUM(A1)", "\tindent", "\rreturn"]
DELETED_AT = dt.datetime(2026, 3, 4, 5, 6, 7)


def _seed(workspace) -> dict[str, str]:
    """One record of each exported table, a deleted person, and text that looks like formulas."""
    with workspace.store.unit_of_work(workspace.actor) as session:
        person = Person(first_name="Ana", last_name=SLOVENIAN, birth_date=dt.date(1990, 5, 17),
                        notes=FORMULAS[0], phone=FORMULAS[1], street_address=FORMULAS[2],
                        email=FORMULAS[3], post_town=FORMULAS[4], target_group=FORMULAS[5])
        gone = Person(first_name="Izbrisan", last_name="Đorđević", deleted_at=DELETED_AT)
        organisation = Organisation(name="Zadruga Žarek", legal_form="cooperative")
        event = Event(event_type="training", title_sl="Usposabljanje: čebelarstvo")
        session.add_all([person, gone, organisation, event])
        session.flush()
        sitting = EventSession(event_id=event.id, session_date=dt.date(2026, 11, 27),
                               starts_at=dt.time(9, 0), ends_at=dt.time(12, 30), hours=3.5)
        session.add(sitting)
        session.flush()
        session.add(Attendance(event_session_id=sitting.id, person_id=person.id,
                               checked_in_at=dt.datetime(2026, 11, 27, 8, 55)))
        session.add(Contact(person_id=person.id, organisation_id=organisation.id,
                            contact_date=dt.date(2026, 11, 20), channel="visit",
                            topics=["financiranje", "ustanovitev zadruge"],
                            description="=HYPERLINK(\"http://x\")"))
        return {"person": person.id, "gone": gone.id}


def _read_csv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _read_xlsx(path) -> list[dict]:
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def _read_json(path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


READERS = {"csv": _read_csv, "xlsx": _read_xlsx, "json": _read_json}


@pytest.mark.parametrize("dataset", list(export.DATASETS))
@pytest.mark.parametrize("file_format", ["csv", "xlsx", "json"])
def test_every_column_of_the_table_is_exported(workspace, tmp_path, dataset, file_format):
    _seed(workspace)
    target = tmp_path / f"{dataset}.{file_format}"
    count = export.export_dataset(workspace.store, dataset, file_format, target)
    rows = READERS[file_format](target)
    assert count == len(rows) >= 1
    table = export.DATASETS[dataset]
    assert list(rows[0]) == ["id", *(c.name for c in table.columns if c.name != "id")]
    assert {"created_at", "updated_at", "origin_site_id", "deleted_at"} <= set(rows[0])


def test_csv_has_a_bom_comma_separator_and_slovenian_letters(workspace, tmp_path):
    _seed(workspace)
    target = tmp_path / "people.csv"
    export.export_dataset(workspace.store, "people", "csv", target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].split(b"\r\n", 1)[0].startswith(b"id,first_name,last_name,")
    assert SLOVENIAN in [row["last_name"] for row in _read_csv(target)]


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "json"])
def test_slovenian_letters_round_trip(workspace, tmp_path, file_format):
    _seed(workspace)
    target = tmp_path / f"people.{file_format}"
    export.export_dataset(workspace.store, "people", file_format, target)
    names = {row["last_name"] for row in READERS[file_format](target)}
    assert names == {SLOVENIAN, "Đorđević"}


def _person_row(rows, person_id):
    return next(row for row in rows if row["id"] == person_id)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_formula_cells_are_neutralised_in_spreadsheets(workspace, tmp_path, file_format):
    keys = _seed(workspace)
    target = tmp_path / f"people.{file_format}"
    export.export_dataset(workspace.store, "people", file_format, target)
    row = _person_row(READERS[file_format](target), keys["person"])
    cells = [row[name] for name in ("notes", "phone", "street_address", "email", "post_town", "target_group")]
    expected = ["'" + value for value in FORMULAS]
    if file_format == "xlsx":  # XML reads a stored carriage return back as a line feed
        expected = [value.replace("\r", "\n") for value in expected]
    assert cells == expected


def test_xlsx_never_stores_a_formula(workspace, tmp_path):
    from openpyxl import load_workbook

    _seed(workspace)
    target = tmp_path / "contacts.xlsx"
    export.export_dataset(workspace.store, "contacts", "xlsx", target)
    sheet = load_workbook(target).active
    kinds = {cell.data_type for row in sheet.iter_rows() for cell in row}
    assert "f" not in kinds
    description = [cell.value for cell in sheet[2]][[c.value for c in sheet[1]].index("description")]
    assert description == "'=HYPERLINK(\"http://x\")"


def test_json_keeps_raw_text_lists_and_iso_dates(workspace, tmp_path):
    keys = _seed(workspace)
    export.export_dataset(workspace.store, "people", "json", tmp_path / "people.json")
    export.export_dataset(workspace.store, "contacts", "json", tmp_path / "contacts.json")
    export.export_dataset(workspace.store, "sessions", "json", tmp_path / "sessions.json")
    person = _person_row(_read_json(tmp_path / "people.json"), keys["person"])
    assert [person["notes"], person["phone"], person["email"]] == FORMULAS[0:1] + FORMULAS[1:2] + FORMULAS[3:4]
    assert person["birth_date"] == "1990-05-17"
    assert dt.datetime.fromisoformat(person["created_at"])
    assert person["is_incomplete"] is False
    contact = _read_json(tmp_path / "contacts.json")[0]
    assert contact["topics"] == ["financiranje", "ustanovitev zadruge"]
    sitting = _read_json(tmp_path / "sessions.json")[0]
    assert (sitting["starts_at"], sitting["hours"]) == ("09:00:00", 3.5)
    assert "č" in (tmp_path / "people.json").read_text(encoding="utf-8")  # not \u010d


def test_list_columns_are_json_text_in_csv_and_xlsx(workspace, tmp_path):
    _seed(workspace)
    for file_format in ("csv", "xlsx"):
        target = tmp_path / f"contacts.{file_format}"
        export.export_dataset(workspace.store, "contacts", file_format, target)
        topics = READERS[file_format](target)[0]["topics"]
        assert json.loads(topics) == ["financiranje", "ustanovitev zadruge"]


def test_xlsx_has_real_dates_and_a_bold_frozen_header(workspace, tmp_path):
    from openpyxl import load_workbook

    keys = _seed(workspace)
    target = tmp_path / "people.xlsx"
    export.export_dataset(workspace.store, "people", "xlsx", target)
    sheet = load_workbook(target).active
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["A"].width >= 36  # the key fits
    row = _person_row(_read_xlsx(target), keys["person"])
    assert row["birth_date"] == dt.datetime(1990, 5, 17)  # a date cell, not text
    assert isinstance(row["created_at"], dt.datetime)
    assert row["is_incomplete"] is False


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "json"])
def test_deleted_records_are_exported_with_their_marker(workspace, tmp_path, file_format):
    keys = _seed(workspace)
    target = tmp_path / f"people.{file_format}"
    export.export_dataset(workspace.store, "people", file_format, target)
    rows = READERS[file_format](target)
    gone = _person_row(rows, keys["gone"])
    kept = _person_row(rows, keys["person"])
    expected = {"csv": "2026-03-04 05:06:07", "xlsx": DELETED_AT, "json": "2026-03-04T05:06:07"}
    assert gone["deleted_at"] == expected[file_format]
    assert kept["deleted_at"] in ("", None)


def test_rows_come_in_key_order_so_exports_diff(workspace, tmp_path):
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add_all(Person(first_name=f"Oseba {n}", last_name="Kovač") for n in range(30))
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    export.export_dataset(workspace.store, "people", "csv", first)
    export.export_dataset(workspace.store, "people", "csv", second)
    ids = [row["id"] for row in _read_csv(first)]
    assert ids == sorted(ids)
    assert first.read_bytes() == second.read_bytes()


def test_large_export_streams_and_reports_progress(workspace, tmp_path):
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add_all(Person(first_name="Ime", last_name=f"Priimek {n}") for n in range(2500))
    seen = []
    count = export.export_dataset(workspace.store, "people", "json", tmp_path / "p.json", progress=seen.append)
    assert count == 2500 == len(_read_json(tmp_path / "p.json"))
    assert seen == [1000, 2000]


def test_empty_table_gives_a_header_only_file(workspace, tmp_path):
    assert export.export_dataset(workspace.store, "attendance", "csv", tmp_path / "a.csv") == 0
    assert _read_csv(tmp_path / "a.csv") == []
    assert export.export_dataset(workspace.store, "attendance", "json", tmp_path / "a.json") == 0
    assert _read_json(tmp_path / "a.json") == []
    assert export.export_dataset(workspace.store, "attendance", "xlsx", tmp_path / "a.xlsx") == 0


def test_missing_folder_is_refused_naming_it(workspace, tmp_path):
    target = tmp_path / "not-there" / "people.csv"
    with pytest.raises(UserError) as error:
        export.export_dataset(workspace.store, "people", "csv", target)
    assert str(target.parent) in str(error.value)
    assert not target.parent.exists()


def test_export_never_overwrites_the_database(workspace):
    database = workspace.paths.database
    before = database.stat().st_size
    with pytest.raises(UserError, match="database"):
        export.export_dataset(workspace.store, "people", "csv", database)
    assert database.stat().st_size == before
    with pytest.raises(UserError, match="database"):
        export.export_dataset(workspace.store, "people", "csv", f"{database}-wal")


def test_folder_given_as_target_is_refused(workspace, tmp_path):
    with pytest.raises(UserError) as error:
        export.export_dataset(workspace.store, "people", "csv", tmp_path)
    assert "folder" in str(error.value)


def test_unwritable_folder_is_refused_and_leaves_nothing(workspace, tmp_path, monkeypatch):
    folder = tmp_path / "readonly"
    folder.mkdir()

    def refuse(*_args, **_kwargs):  # root may write anywhere; answer as Windows does for staff
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(UserError) as error:
        export.export_dataset(workspace.store, "people", "csv", folder / "people.csv")
    assert str(folder) in str(error.value) and "write access" in str(error.value)
    assert list(folder.iterdir()) == []


def test_target_open_in_excel_is_refused_and_the_old_file_kept(workspace, tmp_path, monkeypatch):
    _seed(workspace)
    target = tmp_path / "people.xlsx"
    target.write_bytes(b"old export")

    def locked(_source, _destination):  # what Windows says while Excel holds the file
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(UserError) as error:
        export.export_dataset(workspace.store, "people", "xlsx", target)
    assert str(target) in str(error.value) and "Close it" in str(error.value)
    assert target.read_bytes() == b"old export"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "people.xlsx"]


def test_failure_midway_leaves_no_partial_file(workspace, tmp_path):
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add_all(Person(first_name="Ime", last_name=f"Priimek {n}") for n in range(1500))

    def fail(_written):
        raise OSError(28, "No space left on device")

    with pytest.raises(UserError) as error:
        export.export_dataset(workspace.store, "people", "csv", tmp_path / "people.csv", progress=fail)
    assert "disk space" in str(error.value)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data"]


def test_unknown_dataset_and_format_are_refused(workspace, tmp_path):
    with pytest.raises(UserError) as error:
        export.export_dataset(workspace.store, "persons", "csv", tmp_path / "x.csv")
    assert "persons" in str(error.value) and "people" in str(error.value)
    with pytest.raises(UserError) as error:
        export.export_dataset(workspace.store, "people", "ods", tmp_path / "x.ods")
    assert "ods" in str(error.value) and "xlsx" in str(error.value)


@pytest.mark.parametrize(
    ("requested", "name", "expected"),
    [(None, "a.CSV", "csv"), (None, "a.xlsx", "xlsx"), ("json", "a.json", "json"), ("csv", "a.txt", "csv")],
)
def test_format_is_taken_from_the_file_name_when_not_given(requested, name, expected, tmp_path):
    assert export.choose_format(requested, tmp_path / name) == expected


@pytest.mark.parametrize(("requested", "name"), [(None, "a.txt"), (None, "a"), ("csv", "a.xlsx"), ("pdf", "a.pdf")])
def test_unclear_or_contradicting_format_is_refused(requested, name, tmp_path):
    with pytest.raises(UserError) as error:
        export.choose_format(requested, tmp_path / name)
    assert name in str(error.value) or "pdf" in str(error.value)


def test_csv_quotes_separators_quotes_and_line_breaks(workspace, tmp_path):
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add(Person(first_name='Ana "Anči", ml.', last_name="Novak", notes="vrstica 1\nvrstica 2"))
    export.export_dataset(workspace.store, "people", "csv", tmp_path / "p.csv")
    row = _read_csv(tmp_path / "p.csv")[0]
    assert (row["first_name"], row["notes"]) == ('Ana "Anči", ml.', "vrstica 1\nvrstica 2")


def test_control_characters_do_not_break_the_xlsx_file(workspace, tmp_path):
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add(Person(first_name="Ana", last_name="Novak", notes="prilepljeno\x0b iz Worda\x00"))
    export.export_dataset(workspace.store, "people", "xlsx", tmp_path / "p.xlsx")
    assert _read_xlsx(tmp_path / "p.xlsx")[0]["notes"] == "prilepljeno iz Worda"


def test_json_output_is_valid_even_with_unusual_text(workspace, tmp_path):
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add(Person(first_name="Ana", last_name="Novak", notes='"]}\n\\ \u2028 konec'))
    export.export_dataset(workspace.store, "people", "json", tmp_path / "p.json")
    assert _read_json(tmp_path / "p.json")[0]["notes"] == '"]}\n\\ \u2028 konec'
    assert (tmp_path / "p.json").read_text(encoding="utf-8").startswith("[\n{")
