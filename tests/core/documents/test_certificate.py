"""Certificates print the person, the event and the hours exactly, word the sentence by the person's
gender in Slovenian, fit one landscape page each, and carry their number in a QR code."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from document_helpers import all_text, page_texts, reader, text_lines

from sociolab_desktop.core.documents.base import PAGE_X_OF_Y, PRINTED_ON
from sociolab_desktop.core.documents.branding import Branding
from sociolab_desktop.core.documents.certificate import CertificateData, build_certificate, build_certificates
from sociolab_desktop.core.documents.certificate_story import (
    CERTIFICATE_NUMBER,
    DATE_OF_ISSUE,
    LEAD_IN,
    NEUTRAL_ATTENDED,
    NEUTRAL_COMPLETED,
    NEUTRAL_LEAD_IN,
    PLACE_AND_DATE,
    SIGNATURE_AND_STAMP,
    TITLE,
)
from sociolab_desktop.core.domain.enums import EventType, Gender
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator

SLOVENIAN_STATEMENT = (
    "Operacija je sofinancirana s strani EU, Evropskega socialnega sklada, in Republike Slovenije, "
    "Ministrstva za delo, družino, socialne zadeve in enake možnosti."
)
ENGLISH_STATEMENT = (
    "The operation is co-financed by the EU, the European Social Fund, and the Republic of Slovenia, "
    "Ministry of Labour, Family, Social Affairs and Equal Opportunities."
)


def _certificate(**changes) -> CertificateData:
    data = CertificateData(
        person_name="Đurđa Čeh-Šuštarić",
        gender=Gender.FEMALE,
        event_title="Usposabljanje za socialne podjetnike: od ideje do zagona",
        event_type=EventType.TRAINING_PROGRAMME,
        first_day=dt.date(2026, 3, 3),
        last_day=dt.date(2026, 3, 17),
        hours_attended=22.5,
        programme_hours=24,
        organiser="Informacijska točka Ptuj",
        place="Ptuj",
        issued_on=dt.date(2026, 3, 20),
        number="SL-7K3Q-9XW2-4MPA",
        signatory_name="mag. Marjeta Žagar",
        signatory_role="vodja informacijske točke",
        event_title_en="Training for social entrepreneurs: from idea to start-up",
    )
    return replace(data, **changes)


@pytest.fixture(params=["sl", "en"])
def language(request) -> str:
    return request.param


@pytest.mark.parametrize("name", ["Đurđa Čeh-Šuštarić", "Žiga Šuštar", "Bojan Čeh", "Ivana Đurđević"])
def test_names_with_slovenian_and_croatian_letters_print_exactly(language, name):
    text = all_text(build_certificate(_certificate(person_name=name, language=language)).pdf)

    assert name in text


def test_event_dates_hours_organiser_place_signatory_and_number_are_printed(language):
    tr = Translator(language)

    text = all_text(build_certificate(_certificate(language=language)).pdf)

    assert "Usposabljanje za socialne podjetnike: od ideje do zagona" in text
    assert f"{tr.format_date(dt.date(2026, 3, 3))} – {tr.format_date(dt.date(2026, 3, 17))}" in text
    assert tr.gettext("{attended} of {total}").format(attended=tr.format_number(22.5), total="24") in text
    assert "Informacijska točka Ptuj" in text
    assert f"Ptuj, {tr.format_date(dt.date(2026, 3, 20))}" in text
    assert "mag. Marjeta Žagar" in text and "vodja informacijske točke" in text
    assert f"{tr.gettext(CERTIFICATE_NUMBER)} SL-7K3Q-9XW2-4MPA" in text
    assert tr.gettext(TITLE).upper() in text


@pytest.mark.parametrize("place", ["Informacijska točka Lenart (demo)",
                                   "Informacijska točka Lenart v Slovenskih goricah, enota Sveta Ana (demo)"])
def test_the_date_of_issue_is_never_broken_across_lines(language, place):
    # "…Lenart (demo), 23. / marec 2020" was printed: a date torn in two reads as two.
    tr = Translator(language)
    issued_on = dt.date(2020, 3, 23)

    lines = text_lines(build_certificate(_certificate(place=place, issued_on=issued_on, language=language)).pdf)

    date = tr.format_date(issued_on)
    assert any(line.endswith(date) for line in lines), lines
    assert place in all_text(build_certificate(_certificate(place=place, language=language)).pdf)
    for day in (dt.date(2026, 3, 3), dt.date(2026, 3, 17)):  # the event's period, too
        assert any(tr.format_date(day) in line for line in lines), lines


def test_without_a_place_of_issue_only_the_date_is_printed(language):
    tr = Translator(language)

    result = build_certificate(_certificate(place="", language=language))

    lines = text_lines(result.pdf)
    assert tr.format_date(dt.date(2026, 3, 20)) in lines
    assert tr.gettext(DATE_OF_ISSUE) in lines
    assert tr.gettext(PLACE_AND_DATE) not in all_text(result.pdf)


def test_the_signature_line_says_what_it_is_for_when_no_signatory_is_set(language):
    tr = Translator(language)

    unsigned = all_text(build_certificate(_certificate(signatory_name="", signatory_role="", language=language)).pdf)
    role_only = all_text(build_certificate(_certificate(signatory_name="", language=language)).pdf)
    named = all_text(build_certificate(_certificate(language=language)).pdf)

    assert tr.gettext(SIGNATURE_AND_STAMP) in unsigned
    assert "vodja informacijske točke" in role_only and tr.gettext(SIGNATURE_AND_STAMP) not in role_only
    assert "mag. Marjeta Žagar" in named and "vodja informacijske točke" in named
    assert tr.gettext(SIGNATURE_AND_STAMP) not in named


def test_a_certificate_in_both_languages_captions_the_signature_line_in_both():
    sl, en = Translator("sl"), Translator("en")

    text = all_text(build_certificate(_certificate(signatory_name="", signatory_role="", language="both")).pdf)

    assert f"{sl.gettext(SIGNATURE_AND_STAMP)} / {en.gettext(SIGNATURE_AND_STAMP)}" in text


def test_slovenian_dates_and_hours_follow_slovenian_conventions():
    text = all_text(build_certificate(_certificate(language="sl")).pdf)

    assert "3. marec 2026 – 17. marec 2026" in text
    assert "22,5" in text
    assert "POTRDILO" in text


def test_a_one_day_event_prints_one_date():
    tr = Translator("en")

    text = all_text(build_certificate(_certificate(language="en", last_day=dt.date(2026, 3, 3))).pdf)

    assert "3 March 2026" in text and "–" not in text.split("3 March 2026")[1][:3]
    assert tr.gettext("Date") in text


@pytest.mark.parametrize("completion", [True, False])
@pytest.mark.parametrize("gender", [Gender.FEMALE, Gender.MALE])
def test_known_gender_says_the_gendered_sentence(language, gender, completion):
    tr = Translator(language)
    kind = EventType.WORKSHOP if completion else EventType.CONFERENCE
    context = "female" if gender == Gender.FEMALE else "male"
    sentence = "has successfully completed the training" if completion else "took part in the event"

    text = all_text(build_certificate(_certificate(gender=gender, event_type=kind, language=language)).pdf)

    assert tr.gettext(LEAD_IN) in text
    assert tr.pgettext(context, sentence) in text
    assert tr.gettext(NEUTRAL_LEAD_IN) not in text


@pytest.mark.parametrize("gender", [Gender.NON_BINARY, None])
@pytest.mark.parametrize("completion", [True, False])
def test_other_or_unknown_gender_gets_wording_that_names_no_gender(language, gender, completion):
    tr = Translator(language)
    kind = EventType.TRAINING_PROGRAMME if completion else EventType.INFO_SESSION

    text = all_text(build_certificate(_certificate(gender=gender, event_type=kind, language=language)).pdf)

    assert tr.gettext(NEUTRAL_LEAD_IN) in text
    assert tr.gettext(NEUTRAL_COMPLETED if completion else NEUTRAL_ATTENDED) in text
    assert tr.gettext(LEAD_IN) not in text


def test_slovenian_wording_agrees_with_the_persons_gender():
    def sentence(gender):
        return all_text(build_certificate(_certificate(gender=gender, language="sl")).pdf)

    assert "Potrjujemo, da je Đurđa Čeh-Šuštarić uspešno zaključila usposabljanje" in sentence(Gender.FEMALE)
    assert "Potrjujemo, da je Đurđa Čeh-Šuštarić uspešno zaključil usposabljanje" in sentence(Gender.MALE)
    assert "Potrdilo prejme Đurđa Čeh-Šuštarić za uspešno zaključeno usposabljanje" in sentence(None)
    assert "/-a" not in sentence(None) and "(a)" not in sentence(None)


def test_one_certificate_is_one_landscape_page_without_page_numbers_or_print_date(language):
    tr = Translator(language)

    result = build_certificate(_certificate(language=language))

    assert result.pages == 1
    page = reader(result.pdf).pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = all_text(result.pdf)
    assert tr.gettext(PAGE_X_OF_Y).format(page=1, pages=1) not in text
    assert tr.gettext(PRINTED_ON).split("{")[0].strip() not in text


def test_co_financing_statement_is_in_the_certificates_language():
    slovenian = all_text(build_certificate(_certificate(language="sl")).pdf)
    english = all_text(build_certificate(_certificate(language="en")).pdf)

    assert SLOVENIAN_STATEMENT in slovenian and ENGLISH_STATEMENT not in slovenian
    assert ENGLISH_STATEMENT in english and SLOVENIAN_STATEMENT not in english


def test_both_languages_on_one_certificate():
    sl, en = Translator("sl"), Translator("en")

    result = build_certificate(_certificate(language="both", gender=Gender.MALE))

    text = all_text(result.pdf)
    assert result.pages == 1
    assert sl.gettext(TITLE).upper() in text and en.gettext(TITLE).upper() in text
    assert sl.pgettext("male", "has successfully completed the training") in text
    assert en.pgettext("male", "has successfully completed the training") in text
    assert "Usposabljanje za socialne podjetnike: od ideje do zagona" in text
    assert "Training for social entrepreneurs: from idea to start-up" in text
    assert SLOVENIAN_STATEMENT in text and ENGLISH_STATEMENT in text
    assert text.count("Đurđa Čeh-Šuštarić") == 1


def test_many_certificates_print_one_per_page_in_the_order_given():
    people = ["Ana Cvetko", "Bojan Čeh", "Žiga Šuštar", "Đurđa Đurđević", "Cene Dolenc"] * 4
    items = [_certificate(person_name=f"{name} {number}", number=f"SL-{number:04d}",
                          language=("sl", "en", "both")[number % 3]) for number, name in enumerate(people)]

    result = build_certificates(items)

    texts = page_texts(result.pdf)
    assert result.pages == len(texts) == 20
    for number, (item, page) in enumerate(zip(items, texts, strict=True)):
        assert item.person_name in page
        assert f"SL-{number:04d}" in page
        # Each page's footer speaks that certificate's language(s), even in a mixed batch.
        assert (SLOVENIAN_STATEMENT in page) == (item.language in ("sl", "both"))
        assert (ENGLISH_STATEMENT in page) == (item.language in ("en", "both"))
        others = [other.person_name for other in items if other is not item]
        assert not any(f"{other} " in f"{page} " for other in others)


def test_a_very_long_name_and_title_still_fit_one_page(language):
    name = "Marija-Terezija Ana Karolina Čeh-Šuštarić Ćosić Đurđević von Habsburg Lotrinška Žagar Novak Kovačič"
    title = " ".join(["Mednarodna strokovna konferenca o socialni ekonomiji in zadružništvu v Podravju"] * 4)

    result = build_certificate(_certificate(person_name=name, event_title=title, language="both"))

    assert result.pages == 1
    text = all_text(result.pdf)
    assert name in text and title in text


def test_markup_characters_print_as_written():
    text = all_text(build_certificate(_certificate(person_name="Ana & <b>Bor</b>", event_title="A & B <c>")).pdf)

    assert "Ana & <b>Bor</b>" in text and "A & B <c>" in text


def test_metadata_names_no_person(language):
    metadata = reader(build_certificate(_certificate(language=language)).pdf).metadata

    everything = " ".join(str(value) for value in metadata.values())
    assert "Čeh" not in everything and "Đurđa" not in everything
    assert metadata.author == "Informacijska točka Ptuj"


def test_nothing_to_print_and_an_unknown_language_are_refused_with_a_reason():
    with pytest.raises(UserError):
        build_certificates([])
    with pytest.raises(UserError) as raised:
        build_certificate(_certificate(language="de"))
    assert "de" in str(raised.value) and "both" in str(raised.value)


def test_logos_are_printed_and_a_broken_one_is_skipped_with_a_warning(tmp_path):
    from PIL import Image

    good = tmp_path / "eu.png"
    Image.new("RGB", (300, 200), "#003399").save(good)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")

    result = build_certificate(_certificate(), Branding([good, broken]))

    assert len(result.warnings) == 1 and str(broken) in result.warnings[0]
    assert result.pages == 1


def _render(pdf: bytes, folder: Path, dpi: int = 150) -> list[Path]:
    source = folder / "certificates.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


def test_the_qr_code_decodes_to_the_certificate_number(tmp_path):
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    items = [_certificate(number="SL-7K3Q-9XW2-4MPA"), _certificate(number="SL-0000-ČĆ-2", language="both")]

    pages = _render(build_certificates(items).pdf, tmp_path)

    decoded = []
    for page in pages:
        with Image.open(page) as image:
            decoded.append([barcode.text for barcode in zxingcpp.read_barcodes(image)])
    assert decoded == [["SL-7K3Q-9XW2-4MPA"], ["SL-0000-ČĆ-2"]]


def test_importing_the_certificate_does_not_load_reportlab():
    code = ("import sys, sociolab_desktop.core.documents.certificate; "
            "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'PIL'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"
