"""The page every document shares: header, footer with the co-financing statement, "page x of y"."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from document_helpers import font_names, page_texts, reader
from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Table

from sociolab_desktop.core.documents import fonts
from sociolab_desktop.core.documents.base import (
    CO_FINANCING_STATEMENT,
    LANDSCAPE,
    PAGE_X_OF_Y,
    PRINTED_ON,
    DocumentInfo,
    render_document,
    text,
)
from sociolab_desktop.core.documents.styles import document_styles
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator

INFO = DocumentInfo(title="Lista prisotnosti", issuer="Informacijska točka Ormož", printed_on=dt.date(2026, 11, 27))


def _paragraphs(count: int) -> list:
    body = document_styles().body
    return [Paragraph(text(f"Odstavek {number}: Čeh, Ćosić, Đurđa, Šuštar, Žagar."), body) for number in range(count)]


@pytest.mark.parametrize("language", ["sl", "en"])
def test_every_page_carries_the_statement_the_info_point_and_its_number_of_the_total(language):
    tr = Translator(language)

    result = render_document(_paragraphs(160), INFO, tr)

    texts = page_texts(result.pdf)
    assert result.pages == len(texts) >= 3
    statement = " ".join(tr.gettext(CO_FINANCING_STATEMENT).split())
    printed = tr.gettext(PRINTED_ON).format(date=tr.format_date(INFO.printed_on))
    for number, page in enumerate(texts, start=1):
        assert statement in page
        assert "Informacijska točka Ormož" in page
        assert printed in page
        assert "Lista prisotnosti" in page
        assert tr.gettext(PAGE_X_OF_Y).format(page=number, pages=len(texts)) in page
    assert "Odstavek 159: Čeh, Ćosić, Đurđa, Šuštar, Žagar." in texts[-1]


def test_landscape_document_starts_on_a_landscape_page():
    info = DocumentInfo(title="Poročilo", issuer="Informacijska točka Lenart", printed_on=dt.date(2026, 1, 5),
                        orientation=LANDSCAPE)

    result = render_document(_paragraphs(3), info, Translator("sl"))

    width, height = reader(result.pdf).pages[0].mediabox.upper_right
    assert width > height


def test_a_document_can_turn_to_landscape_for_a_wide_table():
    tr = Translator("en")
    story = [*_paragraphs(2), NextPageTemplate("landscape"), PageBreak(), *_paragraphs(2)]

    result = render_document(story, INFO, tr)

    pages = reader(result.pdf).pages
    assert [page.mediabox.width > page.mediabox.height for page in pages] == [False, True]
    assert tr.gettext(PAGE_X_OF_Y).format(page=2, pages=2) in page_texts(result.pdf)[1]


@pytest.mark.parametrize("orientation", ["portrait", LANDSCAPE])
def test_a_running_head_prints_on_every_page_after_the_first(orientation):
    info = replace(INFO, orientation=orientation, running_head="Delavnica o zadrugah\nSrečanje 2 od 3 · 27. 11. 2026")

    result = render_document(_paragraphs(160), info, Translator("sl"))

    texts = page_texts(result.pdf)
    assert len(texts) >= 3
    assert "Delavnica o zadrugah" not in texts[0]  # the first page says it in its body
    for page in texts[1:]:
        assert "Delavnica o zadrugah Srečanje 2 od 3 · 27. 11. 2026" in page
    assert "Odstavek 159: Čeh, Ćosić, Đurđa, Šuštar, Žagar." in texts[-1]
    width, height = reader(result.pdf).pages[1].mediabox.upper_right
    assert (width > height) == (orientation == LANDSCAPE)


def test_plain_strings_in_a_table_use_dejavu_not_helvetica():
    from sociolab_desktop.core.documents.styles import table_style

    table = Table([["Čeh", "Ćosić"], ["", "Đurđa"]])
    table.setStyle(table_style())

    result = render_document([table], INFO, Translator("sl"))

    assert all("DejaVuSans" in name for name in font_names(result.pdf))
    assert "Čeh Ćosić Đurđa" in page_texts(result.pdf)[0]


def test_a_long_title_stays_whole(tmp_path):
    info = DocumentInfo(title="Potrdilo o uspešno zaključenem usposabljanju za socialno podjetništvo v Podravju",
                        issuer="Informacijska točka Maribor", printed_on=dt.date(2026, 11, 27))

    result = render_document(_paragraphs(1), info, Translator("sl"))

    assert info.title in page_texts(result.pdf)[0]


def test_registering_the_fonts_twice_is_harmless():
    assert fonts.register_fonts() == fonts.register_fonts() == fonts.FAMILY


def test_a_missing_font_file_is_an_error_that_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "_registered", False)

    with pytest.raises(UserError) as raised:
        fonts.register_fonts(tmp_path)

    assert str(tmp_path / "DejaVuSans.ttf") in str(raised.value)
    assert "Reinstall" in str(raised.value)


def test_a_damaged_font_file_is_an_error_that_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "_registered", False)
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        (tmp_path / name).write_bytes(b"\0" * 64)

    with pytest.raises(UserError) as raised:
        fonts.register_fonts(tmp_path)

    assert "damaged" in str(raised.value)
