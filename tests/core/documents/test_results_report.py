"""The results report prints every indicator with its target and its value per info point, what
each counts, and the ESF summary, in Slovenian and in English, on the shared document base."""

from __future__ import annotations

import datetime as dt

import pytest
from document_helpers import all_text, font_names, page_texts, reader

from sociolab_desktop.core.documents.base import CO_FINANCING_STATEMENT
from sociolab_desktop.core.documents.results_report import (
    EsfLine,
    EsfTable,
    IndicatorLine,
    ResultsReportData,
    build_results_report,
)
from sociolab_desktop.core.documents.results_report_story import DEFINITIONS_HEADING, ESF_HEADING, TITLE
from sociolab_desktop.i18n import Translator

SITES = ("Informacijska točka Ptuj", "Informacijska točka Ormož", "Đurđevo središče")


def _data(esf: bool = True) -> ResultsReportData:
    lines = (
        IndicatorLine("Osebe, vključene v programe usposabljanja", "Različne osebe v programih usposabljanja.",
                      265, 200, True, 1.325, (37, 55, 173)),
        IndicatorLine("Mednarodna strokovna konferenca", "Dogodki vrste konferenca.", 0, 1, False, 0.0, (0, 0, 0)),
        IndicatorLine("Ure mentorstva", "Ure srečanj, zaokrožene na četrt ure.", 347.5, None, True, None,
                      (45.5, 89.5, 212.5)),
        IndicatorLine("Regionalni ekosistem vzpostavljen", "Vodilni partner in točke.", 1, 1, False, 1.0, ()),
    )
    table = EsfTable("ESS 2014–2020", ("Ženske", "Moški"), (
        EsfLine("Skupaj udeležencev", 265, (141, 123), emphasis=True),
        EsfLine("Spol", None),
        EsfLine("Ženske", 141, (141, 0)),
        EsfLine("Invalidnost: ni želel odgovoriti", 19, (13, 6)),
    ), participants=265, missing=25)
    return ResultsReportData(issuer="Informacijska točka Maribor", printed_on=dt.date(2026, 11, 27),
                             period="1. 4. 2018 – 31. 12. 2021", scope="vse informacijske točke",
                             training_rule="udeležen vsaj enkrat", site_names=SITES, indicators=lines,
                             esf=table if esf else None)


def _percent(tr: Translator, whole: int) -> str:
    """A percentage as each language writes it (Slovenian with a space, English without)."""
    return f"{whole} %" if tr.language == "sl" else f"{whole}%"


@pytest.fixture(params=["sl", "en"])
def tr(request) -> Translator:
    return Translator(request.param)


def test_every_indicator_prints_with_target_total_share_and_values_per_info_point(tr):
    result = build_results_report(_data(), tr)
    text = all_text(result.pdf)
    number = tr.format_number
    for name in SITES:
        assert name in text
    assert f"Osebe, vključene v programe usposabljanja ≥ 200 265 {_percent(tr, 132)}" in text
    assert f"{number(37)} {number(55)} {number(173)}" in text
    assert f"Ure mentorstva – {number(347.5)} {number(45.5)} {number(89.5)} {number(212.5)}" in text
    assert f"Mednarodna strokovna konferenca 1 0 {_percent(tr, 0)}" in text
    assert f"Regionalni ekosistem vzpostavljen 1 1 {_percent(tr, 100)} – – –" in text


def test_the_report_has_its_own_words_in_the_language_asked_for(tr):
    result = build_results_report(_data(), tr)
    text = all_text(result.pdf)
    for words in (TITLE, DEFINITIONS_HEADING, ESF_HEADING, "Indicator", "Target", "Progress", "Period",
                  CO_FINANCING_STATEMENT):
        assert tr.gettext(words) in text
    assert "1. 4. 2018 – 31. 12. 2021" in text and "udeležen vsaj enkrat" in text
    assert tr.format_date(dt.date(2026, 11, 27)) in text
    assert reader(result.pdf).metadata.title == tr.gettext(TITLE)
    pages = page_texts(result.pdf)
    assert pages[-1].endswith(tr.gettext("Page {page} of {pages}").format(page=len(pages), pages=len(pages)))


def test_definitions_and_the_esf_summary_print_after_the_table(tr):
    text = all_text(build_results_report(_data(), tr).pdf)
    assert text.index("Različne osebe v programih usposabljanja.") > text.index(tr.gettext(DEFINITIONS_HEADING))
    esf = text[text.index(tr.gettext(ESF_HEADING)):]
    assert "ESS 2014–2020" in esf and "Skupaj udeležencev 265 141 123" in esf
    assert "Invalidnost: ni želel odgovoriti 19 13 6" in esf
    assert tr.format_number(25) in esf


def test_a_share_just_below_the_target_is_printed_rounded_down_as_the_language_writes_it(tr):
    data = _data(esf=False)
    almost = IndicatorLine("Mednarodna strokovna konferenca", "Dogodki.", 199, 200, True, 0.995, ())
    text = all_text(build_results_report(ResultsReportData(**{**data.__dict__, "indicators": (almost,)}), tr).pdf)
    assert f"≥ 200 199 {_percent(tr, 99)}" in text  # 99.5 % is not yet 100 %


def test_without_esf_data_and_without_info_points_the_report_still_prints(tr):
    data = _data(esf=False)
    data = ResultsReportData(**{**data.__dict__, "site_names": (), "indicators": tuple(
        IndicatorLine(line.title, line.definition, 0, line.target, line.at_least, 0.0 if line.target else None)
        for line in data.indicators)})
    result = build_results_report(data, tr)
    text = all_text(result.pdf)
    assert tr.gettext(ESF_HEADING) not in text and result.pages >= 1
    assert f"Osebe, vključene v programe usposabljanja ≥ 200 0 {_percent(tr, 0)}" in text


def test_only_the_shipped_font_is_embedded_so_c_caron_and_d_stroke_survive(tr):
    result = build_results_report(_data(), tr)
    assert all("DejaVuSans" in name for name in font_names(result.pdf))
    assert "Đurđevo središče" in all_text(result.pdf)


def test_a_report_for_one_info_point_heads_the_target_column_as_the_projects(tr):
    from dataclasses import replace

    one = replace(_data(esf=False), scope="Informacijska točka Ptuj", site_names=(), targets_of_the_project=True,
                  indicators=tuple(replace(line, site_values=()) for line in _data().indicators))
    text = all_text(build_results_report(one, tr).pdf)
    assert "Informacijska točka Ptuj" in text
    assert "{} {} {}".format(*(tr.gettext(word) for word in ("Indicator", "Project target", "Value"))) in text
    everyone = all_text(build_results_report(_data(esf=False), tr).pdf)
    assert tr.gettext("Project target") not in everyone
