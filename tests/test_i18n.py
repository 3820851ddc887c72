"""Translations: Slovenian is complete, plurals have four forms, dates and numbers via Babel."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator, check_language

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _source_messages() -> set[tuple[str, str | None]]:
    """(message id, gettext context or None) of every marked string in the package."""
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        ROOT / "sociolab_desktop", method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add((message[0] if isinstance(message, tuple) else message, context))
    return found


def _translated(catalog, message: str, context: str | None) -> bool:
    entry = catalog.get(message, context=context)
    if not entry or entry.fuzzy:
        return False
    return all(entry.string) if isinstance(entry.string, tuple) else bool(entry.string)


def _catalog(language: str):
    with (ROOT / "translations" / language / "LC_MESSAGES" / "sociolab.po").open("rb") as handle:
        return read_po(handle, locale=language)


def test_every_message_in_the_code_has_a_slovenian_translation():
    catalog = _catalog("sl")
    missing = sorted(message for message, context in _source_messages() if not _translated(catalog, message, context))
    assert missing == [], f"{len(missing)} untranslated, e.g. {missing[:5]}"


def test_placeholders_agree_between_english_and_slovenian():
    for message in _catalog("sl"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for translated in strings:
            assert set(PLACEHOLDER.findall(translated)) == expected, message.id


def test_slovenian_plural_rule_has_four_forms():
    assert _catalog("sl").num_plurals == 4


@pytest.mark.parametrize(
    "count, expected",
    [(1, "1 stranka"), (2, "2 stranki"), (3, "3 stranke"), (4, "4 stranke"), (5, "5 strank"),
     (11, "11 strank"), (0, "0 strank"), (101, "101 stranka"), (102, "102 stranki"), (104, "104 stranke")],
)
def test_slovenian_counts_have_four_forms(count, expected):
    tr = Translator("sl")
    assert tr.ngettext("{count} client", "{count} clients", count).format(count=count) == expected


def test_english_counts():
    tr = Translator("en")
    assert tr.ngettext("{count} client", "{count} clients", 1).format(count=1) == "1 client"
    assert tr.ngettext("{count} client", "{count} clients", 5).format(count=5) == "5 clients"


def test_dates_follow_each_language():
    day = dt.date(2026, 11, 27)
    assert Translator("sl").format_date(day) == "27. november 2026"
    assert Translator("sl").format_date(day, "numeric") == "27. 11. 2026"
    assert Translator("en").format_date(day) == "27 November 2026"


def test_numbers_follow_each_language():
    assert Translator("sl").format_number(1234.5) == "1.234,5"
    assert Translator("en").format_number(1234.5) == "1,234.5"


def test_unknown_language_code_is_refused_with_the_choices():
    with pytest.raises(UserError) as error:
        check_language("de")
    assert "de" in str(error.value) and "sl, en" in str(error.value)
    with pytest.raises(UserError):
        Translator("xx")


def test_slovenian_is_the_default():
    assert Translator().language == "sl"


def test_committed_mo_files_match_their_po_sources():
    from sociolab_desktop.i18n import compile_catalog

    for language in ("sl", "en"):
        po_file = ROOT / "translations" / language / "LC_MESSAGES" / "sociolab.po"
        mo_file = po_file.with_suffix(".mo")
        assert mo_file.exists(), f"run: python -m sociolab_desktop.i18n ({mo_file} is missing)"
        assert mo_file.read_bytes() == compile_catalog(po_file), (
            f"{mo_file} is stale: run python -m sociolab_desktop.i18n after editing translations"
        )


@pytest.mark.parametrize(
    "hours, slovenian, english",
    [(1, "1 ura", "1 hour"), (2, "2 uri", "2 hours"), (4, "4 ure", "4 hours"), (5, "5 ur", "5 hours"),
     (1.5, "1,5 ure", "1.5 hours"), (2.25, "2,25 ure", "2.25 hours"), (0.75, "0,75 ure", "0.75 hours")],
)
def test_hours_in_words_take_the_right_form_also_for_decimals(hours, slovenian, english):
    assert Translator("sl").hours_in_words(hours) == slovenian
    assert Translator("en").hours_in_words(hours) == english
    assert Translator("sl").format_hours(hours) == slovenian.split()[0] + " h"
