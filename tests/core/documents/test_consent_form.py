"""The consent form prints the client's data exactly, in the language of the Translator given."""

from __future__ import annotations

import datetime as dt
import pickle
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from document_helpers import all_text, font_names, image_count, reader
from PIL import Image

from sociolab_desktop.core.documents.base import CO_FINANCING_STATEMENT, PAGE_X_OF_Y
from sociolab_desktop.core.documents.branding import Branding
from sociolab_desktop.core.documents.consent_form import ConsentFormData, build_consent_form
from sociolab_desktop.core.documents.consent_story import PURPOSE_TEXTS, TITLE
from sociolab_desktop.core.domain.enums import ConsentPurpose
from sociolab_desktop.i18n import Translator

DOCUMENTS_PACKAGE = Path(__file__).resolve().parents[3] / "sociolab_desktop" / "core" / "documents"
SLOVENIAN_STATEMENT = (
    "Operacija je sofinancirana s strani EU, Evropskega socialnega sklada, in Republike Slovenije, "
    "Ministrstva za delo, družino, socialne zadeve in enake možnosti."
)
ENGLISH_STATEMENT = (
    "The operation is co-financed by the EU, the European Social Fund, and the Republic of Slovenia, "
    "Ministry of Labour, Family, Social Affairs and Equal Opportunities."
)


def _form(**changes) -> ConsentFormData:
    data = ConsentFormData(
        person_name="Đurđa Čeh-Šuštarić",
        info_point="Informacijska točka Ptuj",
        controller="Zavod Socialni inkubator, Maribor",
        printed_on=dt.date(2026, 11, 27),
        date_of_birth=dt.date(1985, 3, 4),
        address="Ulica heroja Šaranovića 12\n2250 Ptuj",
        controller_contact="Glavni trg 1, 2000 Maribor",
        place="Ptuj",
    )
    return replace(data, **changes)


@pytest.fixture(params=["sl", "en"])
def tr(request) -> Translator:
    return Translator(request.param)


@pytest.mark.parametrize("name", ["Đurđa Čeh-Šuštarić", "Žiga Ćosić", "ČĆĐŠŽ čćđšž Ärger Øre"])
def test_names_with_slovenian_and_croatian_letters_print_exactly(tr, name):
    text = all_text(build_consent_form(_form(person_name=name), tr).pdf)

    assert name in text


def test_address_and_info_point_are_printed(tr):
    text = all_text(build_consent_form(_form(), tr).pdf)

    assert "Ulica heroja Šaranovića 12 2250 Ptuj" in text
    assert "Informacijska točka Ptuj" in text
    assert "Zavod Socialni inkubator, Maribor" in text


def test_co_financing_statement_is_printed_in_the_documents_language():
    slovenian = all_text(build_consent_form(_form(), Translator("sl")).pdf)
    english = all_text(build_consent_form(_form(), Translator("en")).pdf)

    assert SLOVENIAN_STATEMENT in slovenian
    assert ENGLISH_STATEMENT in english
    assert ENGLISH_STATEMENT not in slovenian
    assert Translator("en").gettext(CO_FINANCING_STATEMENT) == ENGLISH_STATEMENT


def test_page_says_one_of_one(tr):
    result = build_consent_form(_form(), tr)

    assert result.pages == 1
    assert tr.gettext(PAGE_X_OF_Y).format(page=1, pages=1) in all_text(result.pdf)


def test_dates_are_written_by_babel_in_the_documents_language():
    slovenian = all_text(build_consent_form(_form(signed_on=dt.date(2026, 11, 27)), Translator("sl")).pdf)
    english = all_text(build_consent_form(_form(), Translator("en")).pdf)

    assert "27. november 2026" in slovenian  # the print date in the footer
    assert "4. marec 1985" in slovenian  # date of birth
    assert "27. 11. 2026" in slovenian  # the date line, filled in
    assert "27 November 2026" in english
    assert "4 March 1985" in english


def test_date_of_birth_and_address_rows_are_left_out_when_unknown(tr):
    text = all_text(build_consent_form(_form(date_of_birth=None, address="  "), tr).pdf)

    assert tr.gettext("Date of birth") not in text
    assert tr.gettext("Address") not in text
    assert "Đurđa Čeh-Šuštarić" in text


def test_long_name_wraps_on_the_same_page_and_stays_whole(tr):
    name = " ".join(["Marija-Terezija Čeh-Šuštarić Ćosić Đurđević"] * 4) + " Žagar"

    result = build_consent_form(_form(person_name=name), tr)

    assert result.pages == 1
    assert name in all_text(result.pdf)


def test_a_name_without_spaces_is_broken_rather_than_run_off_the_page(tr):
    name = "Čeh" * 40

    result = build_consent_form(_form(person_name=name), tr)

    assert result.pages == 1
    assert name in all_text(result.pdf).replace(" ", "")


def test_markup_characters_in_the_data_print_as_written(tr):
    name = "Ana & <b>Bor</b> Čeh"

    text = all_text(build_consent_form(_form(person_name=name, address="A & B <c>"), tr).pdf)

    assert name in text
    assert "A & B <c>" in text


def test_only_the_chosen_purposes_are_printed(tr):
    text = all_text(build_consent_form(_form(purposes=(ConsentPurpose.NEWSLETTER,)), tr).pdf)

    assert " ".join(tr.gettext(PURPOSE_TEXTS[ConsentPurpose.NEWSLETTER]).split()) in text
    assert tr.gettext(PURPOSE_TEXTS[ConsentPurpose.PHOTOGRAPHS]).split()[0] not in text


def test_every_purpose_and_the_text_version_are_printed(tr):
    text = all_text(build_consent_form(_form(text_version="2019-1"), tr).pdf)

    for purpose in ConsentPurpose:
        assert " ".join(tr.gettext(PURPOSE_TEXTS[purpose]).split()) in text
    assert tr.gettext("Consent text version {version}").format(version="2019-1") in text


def test_fonts_are_dejavu_and_embedded(tr):
    pdf = build_consent_form(_form(), tr).pdf

    # "AAAAAA+" marks an embedded subset; Helvetica (which drops č ć đ) must not appear at all.
    assert {name.split("+")[-1] for name in font_names(pdf)} == {"DejaVuSans", "DejaVuSans-Bold"}
    for font in reader(pdf).pages[0]["/Resources"]["/Font"].values():
        assert "/FontFile2" in font.get_object()["/FontDescriptor"]


def test_metadata_names_the_info_point_and_no_person(tr):
    metadata = reader(build_consent_form(_form(), tr).pdf).metadata

    assert metadata.title == tr.gettext(TITLE)
    assert metadata.author == "Informacijska točka Ptuj"
    everything = " ".join(str(value) for value in metadata.values())
    assert "Čeh" not in everything and "Šaranovića" not in everything and "1985" not in everything


def _png(path: Path, size=(300, 200)) -> Path:
    Image.new("RGB", size, "#003399").save(path)
    return path


def test_readable_logos_are_printed_in_the_header(tmp_path, tr):
    branding = Branding([_png(tmp_path / "eu.png"), str(_png(tmp_path / "programme.png", (900, 200)))])

    result = build_consent_form(_form(), tr, branding)

    assert result.warnings == []
    assert image_count(result.pdf) == 2


def test_missing_and_broken_logos_are_skipped_with_a_warning(tmp_path, tr):
    missing = tmp_path / "gone.png"
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"this is not an image")
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(_png(tmp_path / "whole.png").read_bytes()[:120])
    good = _png(tmp_path / "eu.png")

    result = build_consent_form(_form(), tr, Branding([missing, broken, good, truncated]))

    assert [str(path) in warning for path, warning in zip((missing, broken, truncated), result.warnings)] == [
        True, True, True]
    assert "not found" in result.warnings[0] and "could not be read" in result.warnings[1]
    assert image_count(result.pdf) == 1
    assert "Đurđa Čeh-Šuštarić" in all_text(result.pdf)


def test_a_warning_reads_in_the_windows_language_whatever_the_documents(tmp_path):
    result = build_consent_form(_form(), Translator("en"), Branding([tmp_path / "gone.png"]))
    warning = result.warnings[0]

    slovenian = warning.render(Translator("sl"))

    assert str(tmp_path / "gone.png") in slovenian
    assert slovenian != str(warning)
    assert pickle.loads(pickle.dumps(warning)).render(Translator("sl")) == slovenian


def _template_messages() -> list[str]:
    keywords = {"gettext": None, "N_": None}
    return [message for _file, _line, message, _comments, _context
            in extract_from_dir(DOCUMENTS_PACKAGE, method_map=[("**.py", "python")], keywords=keywords)]


def test_slovenian_form_has_no_english_words_of_the_template_left():
    sl = Translator("sl")
    text = all_text(build_consent_form(_form(signed_on=dt.date(2026, 11, 27)), sl).pdf).casefold()
    words = re.compile(r"[^\W\d_]{3,}")
    leftovers = set()
    for message in _template_messages():
        # Words a translation keeps (SocioLab, EU) are Slovenian too.
        english = set(words.findall(message.casefold())) - set(words.findall(sl.gettext(message).casefold()))
        leftovers |= {word for word in english if re.search(rf"\b{word}\b", text)}

    assert leftovers == set()


def test_importing_the_form_does_not_load_reportlab():
    code = ("import sys, sociolab_desktop.core.documents.consent_form; "
            "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'PIL'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"
