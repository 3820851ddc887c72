"""Reading lists: CSV in the encodings and separators Excel writes, XLSX cells, and every bad file
refused with a message that names the file and says what to do."""

from __future__ import annotations

import datetime as dt

import pytest
from import_helpers import write_csv, write_xlsx

from sociolab_desktop.core.services.importing import read_table, sheet_names
from sociolab_desktop.core.services.importing.reading import NumericText
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator

HEADER = "Ime;Priimek;Občina\n"


def _refusal(path, **options) -> str:
    with pytest.raises(UserError) as error:
        read_table(path, **options)
    return error.value.render(Translator("en"))


# --- CSV -----------------------------------------------------------------------------------------


def test_windows_1250_with_semicolons_is_read_as_slovenian_excel_writes_it(tmp_path):
    path = write_csv(tmp_path, HEADER + "Đurđa;Čeh;Šentilj\nŽiga;Šuštar;Ruše\n", encoding="cp1250")
    table = read_table(path)
    assert (table.encoding, table.delimiter, table.file_format) == ("cp1250", ";", "csv")
    assert table.headers == ("Ime", "Priimek", "Občina")
    assert [row.cells for row in table.rows] == [("Đurđa", "Čeh", "Šentilj"), ("Žiga", "Šuštar", "Ruše")]


def test_utf8_with_bom_and_commas(tmp_path):
    path = write_csv(tmp_path, "First name,Last name\nĐuro,Ćirić\n", encoding="utf-8-sig")
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("utf-8", ",")
    assert table.headers == ("First name", "Last name")  # no BOM glued to the first header
    assert table.rows[0].cells == ("Đuro", "Ćirić")


def test_utf8_without_bom_and_tabs(tmp_path):
    table = read_table(write_csv(tmp_path, "Ime\tPriimek\nŠpela\tŽnidaršič\n"))
    assert (table.encoding, table.delimiter) == ("utf-8", "\t")
    assert table.rows[0].cells == ("Špela", "Žnidaršič")


def test_quoted_fields_keep_separators_quotes_and_line_breaks(tmp_path):
    text = 'Ime;Priimek;Naslov\nAna;Čeh;"Ulica 5; vhod ""B""\nnadstropje 2"\nBoris;Žagar;Trg 1\n'
    table = read_table(write_csv(tmp_path, text, encoding="cp1250"))
    assert table.rows[0].cells[2] == 'Ulica 5; vhod "B"\r\nnadstropje 2'
    # A line break inside a cell does not shift the row numbers the spreadsheet shows.
    assert [row.number for row in table.rows] == [2, 3]


def test_commas_inside_values_do_not_fool_the_separator_detection(tmp_path):
    text = "Ime;Priimek;Opombe\nAna;Čeh;pride v torek, ob 10h\nBoris;Žagar;išče zadrugo, Ptuj\n"
    assert read_table(write_csv(tmp_path, text)).delimiter == ";"


def test_row_numbers_count_blank_lines_as_excel_shows_them(tmp_path):
    table = read_table(write_csv(tmp_path, HEADER + "Ana;Čeh;Ptuj\n\n;;\nBoris;Žagar;Ruše\n\n\n"))
    assert [row.number for row in table.rows if not row.is_blank] == [2, 5]


def test_a_title_line_above_the_header_is_skipped(tmp_path):
    table = read_table(write_csv(tmp_path, "Seznam udeležencev 2019;;\n;;\n" + HEADER + "Ana;Čeh;Ptuj\n"))
    assert (table.header_row, table.headers) == (3, ("Ime", "Priimek", "Občina"))
    assert table.rows[0].number == 4


def test_cells_beyond_the_header_are_kept_apart(tmp_path):
    table = read_table(write_csv(tmp_path, "Ime,Priimek\nAna,Čeh,Maribor\nBoris,Žagar,\n"))
    assert table.rows[0].cells == ("Ana", "Čeh") and table.rows[0].overflow == ("Maribor",)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Ime;Priimek\nAna;Čeh\n".encode("utf-16"), "UTF-16"),
        ("Ime;Priimek\nAna;Čeh\n".encode("utf-16-le"), "UTF-16"),
        (bytes(range(256)) * 4, "UTF-8 or Windows-1250"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "UTF-8 or Windows-1250"),
        (b"Ime;Priimek\n\x81\x83\x88;x\n", "CSV UTF-8"),  # bytes Windows-1250 does not define
    ],
    ids=["utf-16-bom", "utf-16-le", "binary", "png", "undefined-cp1250"],
)
def test_a_file_in_another_encoding_or_binary_is_refused_with_what_to_do(tmp_path, content, expected):
    path = tmp_path / "seznam.csv"
    path.write_bytes(content)
    message = _refusal(path)
    assert str(path) in message
    assert expected in message and "Save As" in message


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\r\n\r\n  \n", b";;;\r\n;;\r\n"])
def test_an_empty_file_is_refused(tmp_path, content):
    path = tmp_path / "prazno.csv"
    path.write_bytes(content)
    message = _refusal(path)
    assert "empty" in message and str(path) in message


def test_a_header_without_rows_is_refused(tmp_path):
    message = _refusal(write_csv(tmp_path, HEADER + ";;\n\n"))
    assert "only a header row" in message and "Ime, Priimek, Občina" in message


def test_a_missing_file_or_a_folder_is_named(tmp_path):
    assert str(tmp_path / "ni.csv") in _refusal(tmp_path / "ni.csv")
    assert "folder" in _refusal(tmp_path)


# --- XLSX ----------------------------------------------------------------------------------------


def test_workbook_dates_become_dates_and_numbers_keep_their_digits(tmp_path):
    path = write_xlsx(tmp_path, [["Ime", "Datum rojstva", "EMŠO", "Telefon", "Znesek", "Prisoten"],
                                 ["Ana", dt.datetime(1985, 6, 1), 1503990500121, 41234567, 12.5, True]])
    table = read_table(path)
    assert (table.file_format, table.sheet) == ("xlsx", "List1")
    _name, born, emso, phone, amount, present = table.rows[0].cells
    assert born == dt.date(1985, 6, 1) and type(born) is dt.date
    assert emso == "1503990500121" and isinstance(emso, NumericText)  # not 1.50399E+12
    assert (phone, amount, present) == ("41234567", "12.5", "true")


def test_the_named_sheet_is_read_and_a_missing_one_listed(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Naslovnica"
    workbook.active.append(["Poročilo"])
    other = workbook.create_sheet("Udeleženci")
    other.append(["Ime", "Priimek"])
    other.append(["Ana", "Čeh"])
    workbook.save(tmp_path / "zvezek.xlsx")
    assert sheet_names(tmp_path / "zvezek.xlsx") == ("Naslovnica", "Udeleženci")
    assert read_table(tmp_path / "zvezek.xlsx", sheet="udeleženci").rows[0].cells == ("Ana", "Čeh")
    message = _refusal(tmp_path / "zvezek.xlsx", sheet="Seznam")
    assert "“Seznam”" in message and "“Naslovnica”, “Udeleženci”" in message


def test_a_renamed_text_file_is_not_taken_for_a_workbook(tmp_path):
    path = tmp_path / "seznam.xlsx"
    path.write_text("Ime;Priimek\nAna;Čeh\n", encoding="utf-8")
    message = _refusal(path)
    assert "is not an Excel workbook" in message and "rename it to end in .csv" in message


def test_a_damaged_workbook_is_refused(tmp_path):
    good = write_xlsx(tmp_path, [["Ime", "Priimek"], ["Ana", "Čeh"]])
    damaged = tmp_path / "pokvarjen.xlsx"
    damaged.write_bytes(good.read_bytes()[:300])
    assert "cannot be read as an Excel workbook" in _refusal(damaged)


def test_an_old_xls_workbook_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "star.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    message = _refusal(path)
    assert "97–2003" in message and "Excel Workbook (*.xlsx)" in message


def test_a_workbook_with_a_csv_name_is_read_as_a_workbook(tmp_path):
    path = write_xlsx(tmp_path, [["Ime", "Priimek"], ["Ana", "Čeh"]], name="zvezek.csv")
    assert read_table(path).file_format == "xlsx"


def test_an_empty_workbook_and_a_header_only_workbook_are_refused(tmp_path):
    assert "empty" in _refusal(write_xlsx(tmp_path, [], name="prazen.xlsx"))
    assert "only a header row" in _refusal(write_xlsx(tmp_path, [["Ime", "Priimek"], [None, None]]))


def test_a_sheet_name_for_a_csv_file_is_refused(tmp_path):
    path = write_csv(tmp_path, HEADER + "Ana;Čeh;Ptuj\n")
    assert "has no sheets" in _refusal(path, sheet="List1")
    assert sheet_names(path) == () and sheet_names(tmp_path / "ni.xlsx") == ()


def test_a_file_mixing_utf8_and_windows_1250_is_refused_rather_than_garbled(tmp_path):
    path = tmp_path / "zlepljeno.csv"
    path.write_bytes("Ime;Priimek\nAna;Čeh\n".encode() + "Boris;Žagar\n".encode("cp1250"))
    assert "mixes two text encodings" in _refusal(path)
