"""A mentor's monthly timesheet lists every session with its hours, adds them up, repeats its table
header on every page and leaves a line for the mentor's signature, in either language."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from document_helpers import all_text, gap_after, page_texts, reader, text_lines
from reportlab.lib.pagesizes import A4

from sociolab_desktop.core.documents.base import PAGE_X_OF_Y
from sociolab_desktop.core.documents.fonts import FAMILY
from sociolab_desktop.core.documents.mentor_timesheet import build_mentor_timesheet
from sociolab_desktop.core.documents.mentoring_story import CELL_PADDING
from sociolab_desktop.core.documents.timesheet_story import COLUMNS, DECLARATION, TITLE
from sociolab_desktop.core.domain.labels import MENTORING_MODES, MENTORING_TOPICS
from sociolab_desktop.core.domain.mentoring_records import MentorTimesheetData, TimesheetLine
from sociolab_desktop.i18n import Translator

PRINTED = dt.date(2026, 11, 30)
MM = 72 / 25.4


def _line(number: int, minutes: int = 90, **changes) -> TimesheetLine:
    values = dict(
        session_id=f"s-{number}", session_date=dt.date(2026, 11, 1 + number % 30), starts=dt.time(9, 0),
        ends=(dt.datetime(2026, 11, 1, 9) + dt.timedelta(minutes=minutes)).time(), minutes=minutes,
        hours=round(minutes / 15) / 4, mode="in_person", organisation_name="Socialno podjetje Čebelica, so. p.",
        persons=("Đurđa Šćepanović",), topics=("legal_form",), other_mentors=())
    values.update(changes)
    return TimesheetLine(**values)


def _sheet(lines: list[TimesheetLine]) -> MentorTimesheetData:
    return MentorTimesheetData("m-1", "Mojca Žagar", "Informacijska točka Maribor", dt.date(2026, 11, 1),
                               dt.date(2026, 11, 30), tuple(lines), len(lines), sum(line.minutes for line in lines),
                               sum(line.hours for line in lines))


@pytest.fixture(params=["sl", "en"])
def language(request) -> str:
    return request.param


def test_every_session_is_listed_with_whom_it_was_and_how_it_was_held(language):
    tr = Translator(language)
    lines = [_line(1, other_mentors=("Ćiril Đokić",)),
             _line(2, mode="phone", organisation_name=None, persons=("Žiga Ćosić", "Ana Čeh"), topics=("financing",))]

    text = all_text(build_mentor_timesheet(_sheet(lines), tr, printed_on=PRINTED).pdf)

    assert "Mojca Žagar" in text and "Informacijska točka Maribor" in text
    assert "Socialno podjetje Čebelica, so. p." in text and "Đurđa Šćepanović" in text
    assert "Žiga Ćosić, Ana Čeh" in text
    assert tr.gettext("with {mentors}").format(mentors="Ćiril Đokić") in text
    assert tr.gettext(MENTORING_MODES["phone"]) in text and tr.gettext(MENTORING_MODES["in_person"]) in text
    assert tr.gettext(MENTORING_TOPICS["financing"]) in text and tr.gettext(MENTORING_TOPICS["legal_form"]) in text
    assert tr.format_date(dt.date(2026, 11, 2), "numeric") in text
    assert tr.gettext(TITLE) in text


def _hours_column(pdf: bytes) -> list[float]:
    """The numbers printed in the hours column (the last 14 mm of the frame), page by page."""
    right_edge = A4[0] - 16 * MM
    found = []
    for page in reader(pdf).pages:
        def visit(text, cm, tm, _font, _size):
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            if right_edge - 14 * MM < x < right_edge and re.fullmatch(r"\d+(?:[.,]\d+)?", text.strip()):
                found.append(float(text.strip().replace(",", ".")))

        page.extract_text(visitor_text=visit)
    return found


def test_the_total_is_the_sum_of_the_hours_on_each_line(language):
    tr = Translator(language)
    lines = [_line(number, minutes=15 * (1 + number % 10)) for number in range(40)]

    result = build_mentor_timesheet(_sheet(lines), tr, printed_on=PRINTED)

    *per_line, total = _hours_column(result.pdf)
    assert result.pages >= 2
    assert per_line == [line.hours for line in lines]
    assert sum(per_line) == total == 55
    label = tr.ngettext("Total: {count} session", "Total: {count} sessions", 40).format(count=40)
    assert f"{label} {tr.format_number(55)}" in all_text(result.pdf)


def test_a_long_month_repeats_the_column_headings_on_every_page(language):
    tr = Translator(language)
    header = " ".join(" ".join(tr.gettext(label).split()) for label in COLUMNS)

    result = build_mentor_timesheet(_sheet([_line(number) for number in range(60)]), tr, printed_on=PRINTED)

    texts = page_texts(result.pdf)
    assert len(texts) >= 3
    for number, page in enumerate(texts, start=1):
        if re.search(r"\d\d:\d\d–\d\d:\d\d", page):
            assert header in page
        assert tr.gettext(PAGE_X_OF_Y).format(page=number, pages=len(texts)) in page
    assert sum(len(re.findall(r"\d\d:\d\d–\d\d:\d\d", page)) for page in texts) == 60


def test_the_mentor_signs_under_a_declaration(language):
    tr = Translator(language)

    text = all_text(build_mentor_timesheet(_sheet([_line(1)]), tr, printed_on=PRINTED).pdf)

    assert " ".join(tr.gettext(DECLARATION).split()) in text
    assert tr.gettext("Mentor (name and surname)") in text and tr.gettext("Signature") in text
    assert text.count("Mojca Žagar") == 2  # the heading and the signature line


def test_slovenian_is_the_default_language_and_dates_follow_it():
    text = all_text(build_mentor_timesheet(_sheet([_line(1)]), printed_on=PRINTED).pdf)

    assert "Stran 1 od 1" in text and "november 2026" in text and "2. 11. 2026" in text and "1,5" in text


def test_a_month_without_sessions_says_so_and_still_has_a_signature_line():
    tr = Translator("en")

    text = all_text(build_mentor_timesheet(_sheet([]), tr, printed_on=PRINTED).pdf)

    assert "No mentoring sessions were recorded in November 2026." in text
    assert tr.gettext("Signature") in text


def test_a_two_digit_date_and_the_longest_mode_stand_clear_of_the_column_rules(language):
    # "29. 10. 2018" ran up to the rule of its column; "po telefonu" must not wrap either.
    tr = Translator(language)
    lines = [_line(1, session_date=dt.date(2026, 11, 29), mode="phone"), _line(2, mode="online")]

    pdf = build_mentor_timesheet(_sheet(lines), tr, printed_on=PRINTED).pdf

    date = tr.format_date(dt.date(2026, 11, 29), "numeric")
    assert gap_after(pdf, date, FAMILY, 9) - CELL_PADDING >= 2.5 * MM  # from the end of the date to the rule
    assert tr.gettext(MENTORING_MODES["phone"]) in text_lines(pdf)


def test_every_page_after_the_first_names_the_mentor_and_the_month(language):
    tr = Translator(language)

    texts = page_texts(build_mentor_timesheet(_sheet([_line(number) for number in range(40)]), tr,
                                              printed_on=PRINTED).pdf)

    assert len(texts) >= 2
    for page in texts:
        assert "Mojca Žagar" in page and tr.format_month(dt.date(2026, 11, 1)) in page
