"""The attendance sheet prints every registered person exactly, in Slovenian order, with blank
numbered rows for walk-ins, and every page of it can stand alone in an audit."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
from dataclasses import replace

import pytest
from document_helpers import all_text, page_texts, reader
from reportlab.pdfbase.pdfmetrics import stringWidth

from sociolab_desktop.core.documents.attendance_sheet import (
    AttendanceRow,
    AttendanceSheetData,
    build_attendance_sheet,
    slovenian_order,
)
from sociolab_desktop.core.documents.attendance_story import _SHARES, COLUMNS, SESSION_X_OF_Y, TITLE
from sociolab_desktop.core.documents.base import CO_FINANCING_STATEMENT, PAGE_X_OF_Y, frame_width
from sociolab_desktop.core.documents.branding import Branding
from sociolab_desktop.core.documents.fonts import FAMILY
from sociolab_desktop.i18n import Translator

MM = 72 / 25.4

PEOPLE = (
    AttendanceRow("Bojan", "Čeh", "Društvo Udeležba, Maribor"),
    AttendanceRow("Žiga", "Šuštar", "Ptuj"),
    AttendanceRow("Đurđa", "Đurđević", "Socialno podjetje Korenine, so. p."),
    AttendanceRow("Ana", "Cvetko", "Zadruga Dobrote"),
    AttendanceRow("Cene", "Dolenc", "Ormož"),
)


def _sheet(**changes) -> AttendanceSheetData:
    data = AttendanceSheetData(
        event_title="Usposabljanje za socialne podjetnike: od ideje do zagona",
        event_type_label="Program usposabljanja",
        session_date=dt.date(2026, 11, 27),
        starts_at=dt.time(9, 0),
        ends_at=dt.time(12, 30),
        venue="Mestna hiša, Mestni trg 1, 2250 Ptuj",
        info_point="Informacijska točka Ptuj",
        printed_on=dt.date(2026, 11, 20),
        rows=PEOPLE,
        blank_rows=5,
        session_number=2,
        session_count=3,
    )
    return replace(data, **changes)


@pytest.fixture(params=["sl", "en"])
def language(request) -> str:
    return request.param


def _many(count: int) -> tuple[AttendanceRow, ...]:
    return tuple(AttendanceRow(f"Oseba{number}", f"Priimek{number:03d}", "Sveta Ana") for number in range(count))


def _fragments(pdf: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """Each text run on a page with the x and y where it starts, in points from the bottom left."""
    found = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y))

    reader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


def test_names_with_slovenian_and_croatian_letters_print_exactly(language):
    text = all_text(build_attendance_sheet(_sheet(language=language)).pdf)

    for person in PEOPLE:
        assert person.full_name in text
        assert person.organisation in text
    assert "Bojan Čeh" in text and "Žiga Šuštar" in text and "Đurđa Đurđević" in text
    assert "Društvo Udeležba, Maribor" in text


def test_registered_people_print_in_slovenian_order_whatever_order_they_come_in():
    people = [AttendanceRow("Bor", "Dolenc"), AttendanceRow("Ana", "Čeh"), AttendanceRow("Eva", "Cvetko"),
              AttendanceRow("Iva", "Šola"), AttendanceRow("Jan", "Sova"), AttendanceRow("Urh", "Tomšič"),
              AttendanceRow("Zala", "Žagar"), AttendanceRow("Ana", "Zupan"), AttendanceRow("Ema", "Ćosić"),
              AttendanceRow("Ana", "Cerar"), AttendanceRow("Ida", "Đorđević"), AttendanceRow("Ana", "Dobnik")]
    random.Random(5).shuffle(people)

    text = all_text(build_attendance_sheet(_sheet(rows=tuple(people), language="sl")).pdf)

    expected = ["Ana Cerar", "Eva Cvetko", "Ana Čeh", "Ema Ćosić", "Ana Dobnik", "Bor Dolenc", "Ida Đorđević",
                "Jan Sova", "Iva Šola", "Urh Tomšič", "Ana Zupan", "Zala Žagar"]
    positions = [text.index(name) for name in expected]
    assert positions == sorted(positions)
    # Numbered in that order, one to twelve.
    assert text.index("1. Ana Cerar") < text.index("3. Ana Čeh") < text.index("12. Zala Žagar")


def test_same_surname_orders_by_first_name_with_slovenian_letters():
    people = (AttendanceRow("Žan", "Novak"), AttendanceRow("Zala", "Novak"), AttendanceRow("Čarna", "Novak"),
              AttendanceRow("Cvetka", "Novak"))

    assert [row.first_name for row in slovenian_order(people)] == ["Cvetka", "Čarna", "Zala", "Žan"]


def test_blank_rows_continue_the_numbering_after_the_registered_people():
    text = all_text(build_attendance_sheet(_sheet(rows=PEOPLE[:3], blank_rows=4)).pdf)

    numbers = [word for word in text.split() if word.rstrip(".").isdigit() and word.endswith(".")]
    assert numbers[-7:] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    assert "8." not in text.split()


def test_an_empty_sheet_for_a_fair_has_only_numbered_blank_rows(language):
    tr = Translator(language)

    result = build_attendance_sheet(_sheet(rows=(), blank_rows=12, session_number=None, session_count=None,
                                           event_type_label="Sejem", language=language))

    text = all_text(result.pdf)
    assert result.pages == 1
    assert "12." in text.split() and "13." not in text.split()
    assert tr.gettext(COLUMNS[1]) in text and tr.gettext(COLUMNS[3]) in text
    assert tr.gettext(SESSION_X_OF_Y).split("{")[0].strip() not in text


def test_labels_and_dates_are_in_the_sheets_language():
    slovenian = all_text(build_attendance_sheet(_sheet(language="sl")).pdf)
    english = all_text(build_attendance_sheet(_sheet(language="en")).pdf)

    assert "Ime in priimek" in slovenian and "Podpis" in slovenian
    assert "petek, 27. november 2026" in slovenian
    assert "Name and surname" in english and "Signature" in english and "Organisation or municipality" in english
    assert "Friday, 27 November 2026" in english and "Attendance list" in english
    assert "Session 2 of 3" in english
    assert "Name and surname" not in slovenian


def test_details_of_the_session_are_printed(language):
    tr = Translator(language)

    text = all_text(build_attendance_sheet(_sheet(language=language)).pdf)

    assert "Usposabljanje za socialne podjetnike: od ideje do zagona" in text
    assert "Program usposabljanja" in text
    assert "Mestna hiša, Mestni trg 1, 2250 Ptuj" in text
    assert "{start}–{end}".format(start=tr.format_time(dt.time(9)), end=tr.format_time(dt.time(12, 30))) in text
    assert tr.gettext(SESSION_X_OF_Y).format(number=2, count=3) in text
    assert tr.gettext(TITLE) in text


def test_an_event_of_one_session_does_not_say_session_one_of_one(language):
    tr = Translator(language)

    text = all_text(build_attendance_sheet(_sheet(session_number=1, session_count=1, language=language)).pdf)

    assert tr.gettext(SESSION_X_OF_Y).format(number=1, count=1) not in text


@pytest.mark.parametrize("statement_language", ["sl", "en"])
def test_every_page_has_the_statement_and_page_x_of_y(statement_language):
    tr = Translator(statement_language)

    result = build_attendance_sheet(_sheet(rows=_many(60), language=statement_language))

    texts = page_texts(result.pdf)
    assert result.pages == len(texts) >= 3
    statement = " ".join(tr.gettext(CO_FINANCING_STATEMENT).split())
    for number, page in enumerate(texts, start=1):
        assert statement in page
        assert tr.gettext(PAGE_X_OF_Y).format(page=number, pages=len(texts)) in page


def test_every_page_names_the_event_and_the_session_it_was_signed_at(language):
    # A signed page that comes loose must still be matched to its session in an audit.
    tr = Translator(language)
    data = _sheet(rows=_many(60), language=language)
    session = tr.gettext(SESSION_X_OF_Y).format(number=2, count=3)
    when = tr.format_date(data.session_date, "full")
    hours = "{start}–{end}".format(start=tr.format_time(dt.time(9)), end=tr.format_time(dt.time(12, 30)))

    texts = page_texts(build_attendance_sheet(data).pdf)

    assert len(texts) >= 3
    for number, page in enumerate(texts, start=1):
        assert data.event_title in page, number
        assert session in page and when in page and hours in page, number
        assert tr.gettext(PAGE_X_OF_Y).format(page=number, pages=len(texts)) in page


def test_the_running_head_of_later_pages_stands_above_the_table_not_on_it():
    pdf = build_attendance_sheet(_sheet(rows=_many(60))).pdf

    fragments = _fragments(pdf, page=1)
    head = min(y for text, _x, y in fragments if text.startswith("Usposabljanje za socialne podjetnike"))
    heading = max(y for text, _x, y in fragments if text == "Ime in priimek")
    assert heading < head - 6 * MM  # the table's heading row, with the date line between them


def test_the_first_page_names_the_event_once(language):
    text = page_texts(build_attendance_sheet(_sheet(rows=_many(60), language=language)).pdf)[0]

    assert text.count("Usposabljanje za socialne podjetnike: od ideje do zagona") == 1


def test_the_column_headings_repeat_on_every_page(language):
    tr = Translator(language)

    texts = page_texts(build_attendance_sheet(_sheet(rows=_many(60), language=language)).pdf)

    for page in texts[1:]:
        for label in COLUMNS:
            assert " ".join(tr.gettext(label).split()) in page
    everything = " ".join(texts)
    for number in range(60):
        assert f"Oseba{number} Priimek{number:03d}" in everything
    assert "65." in everything.split()  # 60 people and 5 blank rows


def test_rows_are_tall_enough_to_sign_in():
    pdf = build_attendance_sheet(_sheet(rows=_many(8), blank_rows=4)).pdf

    ys = {text: y for text, _x, y in _fragments(pdf) if text in {f"{number}." for number in range(1, 13)}}

    gaps = [ys[f"{number}."] - ys[f"{number + 1}."] for number in range(1, 12)]
    assert min(gaps) >= 9 * MM


def test_a_name_of_120_characters_wraps_inside_its_column_and_stays_whole():
    name = AttendanceRow("Marija-Terezija Ana Karolina", "Čeh-Šuštarić Ćosić Đurđević von Habsburg Lotrinška Žagar "
                         "Novak Kovačič Zupančič Horvat Kranjc", "Zavod za razvoj socialnega podjetništva in zadružništva "
                         "Podravje, so. p., Slovenska Bistrica, enota Lenart v Slovenskih goricah")
    assert len(name.full_name) >= 120

    pdf = build_attendance_sheet(_sheet(rows=(name, *PEOPLE))).pdf

    assert name.full_name in all_text(pdf)
    assert name.organisation in all_text(pdf)
    # Column edges as the sheet lays them out: no., name, organisation, signature.
    left = 16 * MM
    edges = [left + frame_width() * sum(_SHARES[:index]) for index in range(5)]
    for text, x, _y in _fragments(pdf):
        end = x + stringWidth(text, FAMILY, 9.5)
        if text in name.full_name:
            assert edges[1] <= x and end <= edges[2], text
        if text in name.organisation and len(text) > 3:
            assert edges[2] <= x and end <= edges[3], text


def test_markup_characters_in_the_data_print_as_written():
    rows = (AttendanceRow("Ana & <b>Bor</b>", "Čeh", "A & B <c>"),)

    text = all_text(build_attendance_sheet(_sheet(rows=rows, event_title="Delavnica <1> & 2")).pdf)

    assert "Ana & <b>Bor</b> Čeh" in text
    assert "A & B <c>" in text
    assert "Delavnica <1> & 2" in text


def test_a_missing_logo_is_skipped_with_a_warning(tmp_path):
    result = build_attendance_sheet(_sheet(), Branding([tmp_path / "gone.png"]))

    assert len(result.warnings) == 1 and str(tmp_path / "gone.png") in result.warnings[0]
    assert "Bojan Čeh" in all_text(result.pdf)


def test_metadata_names_no_person():
    metadata = reader(build_attendance_sheet(_sheet()).pdf).metadata

    everything = " ".join(str(value) for value in metadata.values())
    assert "Čeh" not in everything and "Šuštar" not in everything
    assert metadata.author == "Informacijska točka Ptuj"


def test_importing_the_sheet_does_not_load_reportlab():
    code = ("import sys, sociolab_desktop.core.documents.attendance_sheet; "
            "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'PIL'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"


def test_a_legal_form_abbreviation_is_never_broken_across_lines():
    row = AttendanceRow("Ana", "Cvetko", "Zadruga Dobrote Podravje, z. o. o.")  # "z." would still fit

    pdf = build_attendance_sheet(_sheet(rows=(row,))).pdf

    lines = [text.replace("\u00a0", " ") for text, _x, _y in _fragments(pdf)]
    assert any(line.endswith("z. o. o.") for line in lines)
    assert "Zadruga Dobrote Podravje, z. o. o." in all_text(pdf)
