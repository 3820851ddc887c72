"""The signed mentoring records print every fact of the session(s) exactly, in the record's language,
with hours that add up and signature lines for everyone who must sign."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from document_helpers import all_text, font_names, gap_after, page_texts, text_lines

from sociolab_desktop.core.documents.base import CO_FINANCING_STATEMENT, PAGE_X_OF_Y
from sociolab_desktop.core.documents.fonts import BOLD, FAMILY
from sociolab_desktop.core.documents.mentoring_record import build_monthly_record, build_session_record
from sociolab_desktop.core.documents.mentoring_story import (
    CELL_PADDING,
    HOURS_NOTE,
    MONTHLY_TITLE,
    OVERVIEW_COLUMNS,
    SESSION_TITLE,
    STAMP,
)
from sociolab_desktop.core.domain.labels import MENTORING_MODES, MENTORING_TOPICS
from sociolab_desktop.core.domain.mentoring_records import (
    MonthlyRecordData,
    RecordAction,
    RecordParty,
    RecordSession,
    SessionRecordData,
)
from sociolab_desktop.i18n import Translator

PRINTED = dt.date(2026, 11, 30)
PARTY = RecordParty("org-1", "Zadruga Đurđevka, z. o. o.", "8123456000", "Trg svobode 1, 2000 Maribor")
MENTORS = ("Mojca Žagar", "Ćiril Đokić")


def _session(**changes) -> RecordSession:
    session = RecordSession(
        session_id="s-1", session_date=dt.date(2026, 11, 27), starts=dt.time(9, 0), ends=dt.time(10, 22),
        minutes=82, hours=1.25, mode="online", place="Prostori IT Maribor", mentors=MENTORS,
        persons=("Đurđa Šćepanović",), topics=("financing", "vulnerable_employment"),
        summary="Pregledali smo finančni načrt čez tri leta.\n\nDogovorili smo se o zaposlitvi ranljivih skupin.",
        actions=(RecordAction("Pripraviti akt o ustanovitvi", "Ana Čeh", dt.date(2026, 12, 4), False),
                 RecordAction("Oddati vlogo za subvencijo", "Mojca Žagar", None, True)),
        next_session_on=dt.date(2026, 12, 11))
    return replace(session, **changes)


def _record(language: str = "sl", **changes) -> SessionRecordData:
    return SessionRecordData(language, "Informacijska točka Maribor", PARTY, _session(**changes))


def _month(sessions: list[RecordSession], language: str = "sl") -> MonthlyRecordData:
    quarters = sum(round(session.hours * 4) for session in sessions)
    return MonthlyRecordData(language, "Informacijska točka Maribor", PARTY, dt.date(2026, 11, 1),
                             dt.date(2026, 11, 30), tuple(sessions), MENTORS, len(sessions),
                             sum(session.minutes for session in sessions), quarters / 4)


def _flat(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture(params=["sl", "en"])
def language(request) -> str:
    return request.param


def test_a_session_record_prints_every_fact_of_the_session(language):
    tr = Translator(language)

    text = all_text(build_session_record(_record(language), printed_on=PRINTED).pdf)

    for fact in ("Zadruga Đurđevka, z. o. o.", "8123456000", "Trg svobode 1, 2000 Maribor", "Đurđa Šćepanović",
                 "Prostori IT Maribor", "Mojca Žagar", "Ćiril Đokić", "Pripraviti akt o ustanovitvi", "Ana Čeh",
                 "Oddati vlogo za subvencijo", "Pregledali smo finančni načrt čez tri leta.",
                 "Dogovorili smo se o zaposlitvi ranljivih skupin."):
        assert fact in text
    assert tr.format_date(dt.date(2026, 11, 27), "full") in text
    assert "{}–{}".format(tr.format_time(dt.time(9)), tr.format_time(dt.time(10, 22))) in text
    assert tr.format_date(dt.date(2026, 12, 4), "numeric") in text  # the action's due date
    assert tr.format_date(dt.date(2026, 12, 11)) in text  # the next session
    assert tr.gettext(MENTORING_MODES["online"]) in text
    assert tr.gettext(MENTORING_TOPICS["financing"]) in text
    assert tr.gettext(MENTORING_TOPICS["vulnerable_employment"]) in text
    assert tr.gettext(SESSION_TITLE) in text


def test_dates_and_hours_follow_the_language_of_the_record():
    slovenian = all_text(build_session_record(_record("sl"), printed_on=PRINTED).pdf)
    english = all_text(build_session_record(_record("en"), printed_on=PRINTED).pdf)

    assert "petek, 27. november 2026" in slovenian and "1,25" in slovenian and "Stran 1 od 1" in slovenian
    assert "Friday, 27 November 2026" in english and "1.25" in english and "Page 1 of 1" in english
    assert "(1 h 22 min)" in english
    assert "Page 1 of 1" not in slovenian


def test_the_record_speaks_the_organisations_language_unless_told_otherwise():
    data = _record("en")

    assert "Page 1 of 1" in all_text(build_session_record(data).pdf)
    assert "Stran 1 od 1" in all_text(build_session_record(data, Translator("sl")).pdf)


def test_slovenian_letters_print_in_the_embedded_font():
    pdf = build_session_record(_record(), printed_on=PRINTED).pdf

    assert "čšž ćđ ČŠŽĆĐ" in all_text(build_session_record(_record(summary="čšž ćđ ČŠŽĆĐ")).pdf)
    assert {name.split("+")[-1] for name in font_names(pdf)} <= {FAMILY, BOLD}


def test_mentors_and_the_representative_get_signature_lines_and_room_for_a_stamp(language):
    tr = Translator(language)

    text = all_text(build_session_record(_record(language), printed_on=PRINTED).pdf)

    assert text.count(tr.gettext("Mentor (name and surname)")) == 2
    assert _flat(tr.gettext("The organisation's representative (name and surname)")) in text
    assert tr.gettext(STAMP) in text
    assert text.count(tr.gettext("Signature")) == 3


def test_persons_coached_without_an_organisation_sign_themselves_and_no_stamp_is_asked_for(language):
    tr = Translator(language)
    data = SessionRecordData(language, "Informacijska točka Ptuj", RecordParty(None, None, None, None),
                             _session(persons=("Đurđa Šćepanović", "Žiga Ćosić")))

    text = all_text(build_session_record(data, printed_on=PRINTED).pdf)

    assert text.count(tr.gettext("Coached person (name and surname)")) == 2
    assert "Žiga Ćosić" in text and not re.search(rf"\b{re.escape(tr.gettext(STAMP))}\b", text)
    assert _flat(tr.gettext("The organisation's representative (name and surname)")) not in text


def test_a_long_summary_wraps_onto_further_pages_and_keeps_every_word(language):
    words = [f"beseda{number}čž" for number in range(1500)]
    summary = " ".join(words[:700]) + "\n\n" + " ".join(words[700:])

    result = build_session_record(_record(language, summary=summary), printed_on=PRINTED)

    text = all_text(result.pdf)
    assert result.pages >= 3
    positions = [text.index(word + " ") if word != words[-1] else text.index(word) for word in words[::50]]
    assert positions == sorted(positions)
    tr = Translator(language)
    assert tr.gettext(PAGE_X_OF_Y).format(page=result.pages, pages=result.pages) in page_texts(result.pdf)[-1]


def test_an_action_longer_than_a_page_splits_across_pages_instead_of_failing():
    action = RecordAction(" ".join(["Natančno pripraviti poslovni načrt zadruge."] * 400), "Ana Čeh", None, False)

    result = build_session_record(_record(actions=(action,)), printed_on=PRINTED)

    assert result.pages >= 3
    # Counted by word: a page break puts the page's footer and header between the words of a sentence.
    text = all_text(result.pdf)
    assert text.count("Natančno") == text.count("zadruge.") == 400


def _many_sessions(count: int) -> list[RecordSession]:
    """Sessions of varied length: 0.25 h to 3 h, on the days of November."""
    sessions = []
    for number in range(count):
        minutes = 15 * (1 + number % 12)
        ends = (dt.datetime(2026, 11, 1, 9) + dt.timedelta(minutes=minutes)).time()
        sessions.append(_session(session_id=f"s-{number}", session_date=dt.date(2026, 11, 1 + number % 30),
                                 ends=ends, minutes=minutes, hours=minutes / 60, summary=f"Delo srečanja {number}.",
                                 actions=()))
    return sessions


def _overview_hours(text: str) -> list[str]:
    """The hours column of the overview: the number right after each "09:00–10:30"."""
    return re.findall(r"\d\d:\d\d–\d\d:\d\d (\d+(?:[.,]\d+)?) ", text)


def test_the_monthly_total_is_the_sum_of_the_hours_printed_per_session(language):
    tr = Translator(language)
    sessions = _many_sessions(12)

    text = all_text(build_monthly_record(_month(sessions, language), printed_on=PRINTED).pdf)

    printed = _overview_hours(text)
    assert len(printed) == 12
    total = sum(float(hours.replace(",", ".")) for hours in printed)
    assert total == sum(session.hours for session in sessions) == 19.5
    assert tr.ngettext("Total: {count} session", "Total: {count} sessions", 12).format(count=12) + " " + \
        tr.format_number(19.5) in text
    assert _flat(tr.gettext(HOURS_NOTE)) in text


def test_a_long_monthly_record_repeats_the_table_header_on_every_page_of_the_table(language):
    tr = Translator(language)
    header = " ".join(tr.gettext(label) for label in OVERVIEW_COLUMNS)

    result = build_monthly_record(_month(_many_sessions(45), language), printed_on=PRINTED)

    texts = page_texts(result.pdf)
    table_pages = [page for page in texts if _overview_hours(page)]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert header in page
    assert sum(len(_overview_hours(page)) for page in texts) == 45
    statement = _flat(tr.gettext(CO_FINANCING_STATEMENT))
    for number, page in enumerate(texts, start=1):
        assert statement in page
        assert tr.gettext(PAGE_X_OF_Y).format(page=number, pages=len(texts)) in page


def test_the_monthly_record_prints_each_sessions_work_and_the_month(language):
    tr = Translator(language)
    sessions = [_session(), _session(session_id="s-2", session_date=dt.date(2026, 11, 3), summary="Trženje izdelkov.",
                                     actions=())]

    text = all_text(build_monthly_record(_month(sessions, language), printed_on=PRINTED).pdf)

    assert tr.gettext(MONTHLY_TITLE) in text
    assert ("november 2026" if language == "sl" else "November 2026") in text
    assert "Pregledali smo finančni načrt čez tri leta." in text and "Trženje izdelkov." in text
    assert "Pripraviti akt o ustanovitvi" in text
    assert text.count(tr.gettext("Mentor (name and surname)")) == 2
    assert tr.gettext(STAMP) in text


def test_a_month_without_sessions_says_so():
    tr = Translator("en")

    text = all_text(build_monthly_record(_month([], "en"), printed_on=PRINTED).pdf)

    assert tr.gettext("No mentoring sessions were recorded in {month}.").format(month="November 2026") in text


def test_the_headings_of_the_agreed_actions_stand_whole_on_one_line(language):
    tr = Translator(language)

    text = all_text(build_session_record(_record(language), printed_on=PRINTED).pdf)

    # "Opravljeno" whole, not "Opravljen" with an "o" on a line of its own
    assert "{} {} 1.".format(tr.gettext("Due date"), tr.gettext("Done")) in _flat(text)


def test_the_overview_keeps_each_mode_on_one_line_and_dates_clear_of_the_rules(language):
    # "po / telefonu" wrapped in the overview's mode column.
    tr = Translator(language)
    sessions = [_session(mode="phone", session_date=dt.date(2026, 11, 29)),
                _session(session_id="s-2", mode="in_person", session_date=dt.date(2026, 11, 30)),
                _session(session_id="s-3", mode="online", session_date=dt.date(2026, 11, 3))]

    pdf = build_monthly_record(_month(sessions, language), printed_on=PRINTED).pdf

    lines = text_lines(pdf)
    for mode in ("phone", "in_person", "online"):
        assert tr.gettext(MENTORING_MODES[mode]) in lines
    date = tr.format_date(dt.date(2026, 11, 29), "numeric")
    assert gap_after(pdf, date, FAMILY, 9) - CELL_PADDING >= 2.5 * 72 / 25.4  # from the date to the rule


def test_a_page_of_signatures_on_its_own_still_names_the_organisation_and_the_month(language):
    tr = Translator(language)

    texts = page_texts(build_monthly_record(_month(_many_sessions(45), language), printed_on=PRINTED).pdf)

    assert len(texts) >= 2
    for page in texts:
        assert "Zadruga Đurđevka, z. o. o." in page and tr.format_month(dt.date(2026, 11, 1)) in page


def test_every_page_of_a_long_session_record_names_the_organisation_and_the_session(language):
    tr = Translator(language)

    texts = page_texts(build_session_record(_record(language, summary="\n\n".join(["Dolg povzetek dela."] * 80)),
                                            printed_on=PRINTED).pdf)

    assert len(texts) >= 2
    for page in texts:
        assert "Zadruga Đurđevka, z. o. o." in page
        assert tr.format_date(dt.date(2026, 11, 27), "full") in page
