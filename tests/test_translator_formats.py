"""Hours, durations, spans of time and months as the Translator writes them, in each language."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.i18n import Translator


@pytest.mark.parametrize("minutes, text", [(90, "1 h 30 min"), (120, "2 h"), (45, "45 min"), (0, "0 min"),
                                           (-30, "−30 min"), (-90, "−1 h 30 min")])
def test_a_duration_is_hours_and_minutes_and_keeps_its_sign(minutes, text):
    assert Translator("en").format_duration(minutes) == text


def test_a_time_span_joins_the_times_with_an_en_dash():
    tr = Translator("sl")
    assert tr.format_time_span(dt.time(9, 0), dt.time(12, 30)) == "{}–{}".format(
        tr.format_time(dt.time(9, 0)), tr.format_time(dt.time(12, 30)))


def test_a_date_span_is_one_date_when_both_ends_are_the_same_day():
    first, last = dt.date(2026, 11, 27), dt.date(2026, 12, 11)
    assert Translator("sl").format_date_span(first, last) == "27. 11. 2026 – 11. 12. 2026"
    assert Translator("en").format_date_span(first, last) == "27/11/2026 – 11/12/2026"
    assert Translator("sl").format_date_span(first, first) == "27. 11. 2026"
    assert Translator("sl").format_date_span(first, None) == "27. 11. 2026"
    assert Translator("sl").format_date_span(None, None) == ""


def test_a_month_is_named_as_a_heading_names_it():
    assert Translator("sl").format_month(dt.date(2021, 3, 15)) == "marec 2021"
    assert Translator("en").format_month(dt.date(2021, 3, 15)) == "March 2021"


def test_hours_never_show_float_noise():
    assert Translator("sl").format_hours(1.50000001) == "1,5 h"
    assert Translator("en").format_number(12.25) == "12.25"


def test_a_plural_with_a_context_falls_back_to_the_english_forms_when_untranslated():
    tr = Translator("en")
    assert tr.npgettext("a context nobody translated", "{count} session", "{count} sessions", 1) == "{count} session"
    assert tr.npgettext("a context nobody translated", "{count} session", "{count} sessions", 3) == "{count} sessions"


@pytest.mark.parametrize("share, sl, en", [(0.996, "99\u00a0%", "99%"), (1.0, "100\u00a0%", "100%"),
                                           (0.29, "29\u00a0%", "29%"), (0, "0\u00a0%", "0%"),
                                           (12.345, "1.234\u00a0%", "1,234%")])
def test_a_percentage_is_whole_rounded_down_and_written_as_each_language_writes_it(share, sl, en):
    # Rounded down: 99.6 % of a target never reads as reached. Slovenian puts a no-break space before %.
    assert Translator("sl").format_percent(share) == sl
    assert Translator("en").format_percent(share) == en


def test_a_percentage_a_person_typed_keeps_its_decimals():
    assert Translator("sl").format_percent(0.667, whole=False) == "66,7\u00a0%"
    assert Translator("en").format_percent(0.8, whole=False) == "80%"
    assert Translator("en").format_percent(0.1 + 0.2, whole=False) == "30%"  # no float noise
    assert Translator("en").format_percent(1, whole=False) == "100%"
