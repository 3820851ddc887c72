"""One translation system for windows and documents: gettext catalogs read with Babel.

English message ids in the code; Slovenian is the default language. A `Translator` is built for
one locale, so a document can be printed in English while the window speaks Slovenian. The `.po`
sources in `translations/` are compiled in memory when a language is first used, so there is no
build step that can leave a stale `.mo` behind.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import math
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from sociolab_desktop.errors import UserError
from sociolab_desktop.paths import translations_dir

DOMAIN = "sociolab"
DEFAULT_LANGUAGE = "sl"
SUPPORTED_LANGUAGES: tuple[str, ...] = ("sl", "en")
# Babel's plain "en" is American ("November 27, 2026"); the project writes British English dates.
_BABEL_LOCALES = {"sl": "sl_SI", "en": "en_GB"}


def N_(message: str) -> str:
    """Mark a string for extraction where it is defined; translate it where it is shown."""
    return message


def check_language(code: str) -> str:
    normalised = (code or "").strip().lower()
    if normalised not in SUPPORTED_LANGUAGES:
        raise UserError(
            N_("Unknown language code “{code}”. Use one of: {choices}."),
            code=code,
            choices=", ".join(SUPPORTED_LANGUAGES),
        )
    return normalised


def compile_catalog(po_file: Path) -> bytes:
    """The .mo bytes of a .po file; the same input always gives the same bytes."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale=po_file.parent.parent.name)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all(folder: Path | None = None) -> list[Path]:
    """Write every language's .mo beside its .po (run after editing translations)."""
    written = []
    for language in SUPPORTED_LANGUAGES:
        po_file = (folder or translations_dir()) / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po_file.exists():
            mo_file = po_file.with_suffix(".mo")
            mo_file.write_bytes(compile_catalog(po_file))
            written.append(mo_file)
    return written


@lru_cache(maxsize=None)
def _load_catalog(language: str, folder: Path) -> gettext.NullTranslations:
    # The committed .mo loads in a millisecond; compiling the .po with Babel costs ~20 ms of
    # start-up. A test keeps the .mo equal to what the .po compiles to.
    po_file = folder / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo_file = po_file.with_suffix(".mo")
    if mo_file.exists():
        with mo_file.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po_file.exists():
        return gettext.GNUTranslations(io.BytesIO(compile_catalog(po_file)))
    return gettext.NullTranslations()


class Translator:
    """gettext, plurals, dates and numbers for one language."""

    def __init__(self, language: str = DEFAULT_LANGUAGE, folder: Path | None = None) -> None:
        self.language = check_language(language)
        self.babel_locale = _BABEL_LOCALES[self.language]
        self._catalog = _load_catalog(self.language, folder or translations_dir())

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    __call__ = gettext

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Slovenian has four forms (1, 2, 3–4, 5+ and 101 again as 1); the catalog picks one."""
        return self._catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """For an English word that means two things ("Import": a button, a page's title)."""
        return self._catalog.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._catalog.npgettext(context, singular, plural, n)

    def format_date(self, value: dt.date, format: str = "long") -> str:
        """'long' gives "27. november 2026" / "27 November 2026"; 'numeric' gives "27. 11. 2026"."""
        from babel.dates import format_date

        if format == "numeric":
            format = "d. M. y" if self.language == "sl" else "dd/MM/y"
        return format_date(value, format=format, locale=self.babel_locale)

    def format_datetime(self, value: dt.datetime, format: str = "medium") -> str:
        from babel.dates import format_datetime

        return format_datetime(value, format=format, locale=self.babel_locale)

    def format_time(self, value: dt.time | dt.datetime, format: str = "short") -> str:
        from babel.dates import format_time

        return format_time(value, format=format, locale=self.babel_locale)

    def format_number(self, value: int | float | Decimal) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.babel_locale)

    def format_percent(self, share: float | Decimal, *, whole: bool = True) -> str:
        """A share (1.0 = 100 %) as the language writes a percentage: "99 %" in Slovenian, "99%" in
        English. `whole`: in whole percent rounded down, so 99.6 % never reads as a target reached;
        otherwise to two decimals at most ("66,7 %"), for a rule a person typed."""
        from babel.numbers import format_percent

        # Decimal, so 0.29 stays 29 and not 28.999…, and 57.3 / 100 no 57.300000000000004.
        percent = Decimal(str(share)) * 100
        if whole:
            percent = Decimal(math.floor(percent + Decimal("1e-9")))
        else:
            percent = percent.quantize(Decimal("0.01")).normalize()
        return format_percent(percent / 100, locale=self.babel_locale, decimal_quantization=whole)

    def format_hours(self, hours: float) -> str:
        """"1,5 h": hours as the funder counts them, in a table or a short line."""
        return self.gettext("{hours} h").format(hours=self.format_number(round(hours, 2)))

    def hours_in_words(self, hours: float) -> str:
        """"1,5 ure", "2 uri": ngettext needs a whole number, and CLDR puts decimals in Slovenian's
        "few" form, which 3 selects (and English's plural)."""
        count = int(hours) if float(hours).is_integer() else 3
        return self.ngettext("{hours} hour", "{hours} hours", count).format(hours=self.format_number(round(hours, 2)))

    def format_duration(self, minutes: int) -> str:
        """"1 h 30 min", "2 h", "45 min"; negative minutes (a time that ends before it starts) keep their sign."""
        hours, rest = divmod(abs(minutes), 60)
        sign = "−" if minutes < 0 else ""
        if hours and rest:
            return sign + self.gettext("{hours} h {minutes} min").format(hours=hours, minutes=rest)
        if hours:
            return sign + self.gettext("{hours} h").format(hours=hours)
        return sign + self.gettext("{minutes} min").format(minutes=rest)

    def format_time_span(self, start: dt.time, end: dt.time) -> str:
        """"09:00–12:30"."""
        return "{start}–{end}".format(start=self.format_time(start), end=self.format_time(end))

    def format_date_span(self, first: dt.date | None, last: dt.date | None) -> str:
        """"27. 11. 2026 – 11. 12. 2026", one date when both are the same, "" without a first one."""
        if first is None:
            return ""
        if last is None or last == first:
            return self.format_date(first, "numeric")
        return "{first} – {last}".format(first=self.format_date(first, "numeric"),
                                         last=self.format_date(last, "numeric"))

    def format_month(self, day: dt.date) -> str:
        """"marec 2021" / "March 2021": the stand-alone month name, as a heading or a list uses it."""
        return self.format_date(day, "LLLL y")

    def language_name(self, code: str) -> str:
        from babel import Locale

        return Locale.parse(code).get_display_name(self.language)


if __name__ == "__main__":
    for written in compile_all():
        print(written)
