"""The indicators and ESF tables as an XLSX workbook (formatted for people, in the chosen
language) and as JSON (for scripts: codes, not labels).

Text cells go through tabular.neutralise_formula, so a name like "=1+1" stays text in Excel, and
the file is written to a temporary file and renamed (output_files.write_atomically): a folder that
cannot be written or a file open in Excel gives a clear message and leaves no half file.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from sociolab_desktop.core.services.output_files import check_target, write_atomically
from sociolab_desktop.core.services.results.definitions import (
    describe,
    training_rule_label,
)
from sociolab_desktop.core.services.results.esf import EsfReport
from sociolab_desktop.core.services.results.indicators import IndicatorReport
from sociolab_desktop.core.services.results.labels import (
    FIELD_LABELS,
    record_name,
    scope_label,
    site_name,
    value_label,
)
from sociolab_desktop.core.services.tabular import neutralise_formula
from sociolab_desktop.i18n import Translator

_PARTICIPANT_FIELDS = ("gender", "labour_status", "isced_level", "jobless_household", "dependent_children",
                       "single_adult_with_children", "migrant_or_minority", "disability", "other_disadvantage",
                       "homeless_or_housing_excluded", "rural_area")


def _text(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return neutralise_formula(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


class _Sheet:
    """Appends rows to one worksheet with the few formats the tables need."""

    def __init__(self, workbook, title: str) -> None:
        from openpyxl.styles import Alignment, Font

        self.sheet = workbook.create_sheet(title=_text(title)[:31].replace("/", "-"))
        self.bold, self.big = Font(bold=True), Font(bold=True, size=14)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.row = 0

    def line(self, *values: Any, font=None, formats: dict[int, str] | None = None, wrap: bool = False) -> None:
        self.row += 1
        for column, value in enumerate(values, start=1):
            cell = self.sheet.cell(self.row, column, _text(value))
            if font is not None:
                cell.font = font
            if formats and column in formats:
                cell.number_format = formats[column]
            if wrap:
                cell.alignment = self.wrap

    def header(self, *titles: str, freeze: bool = True) -> None:
        self.line(*titles, font=self.bold, wrap=True)
        if freeze:
            self.sheet.freeze_panes = self.sheet.cell(self.row + 1, 1)

    def widths(self, *widths: float) -> None:
        from openpyxl.utils import get_column_letter

        for column, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(column)].width = width


def _heading(sheet: _Sheet, tr: Translator, title: str, period_label: str, scope: str, rule: str,
             today: dt.date) -> None:
    _ = tr.gettext
    sheet.line(title, font=sheet.big)
    sheet.line(_("Period"), period_label)
    sheet.line(_("Info points"), scope)
    sheet.line(_("Persons in training programmes counted as"), training_rule_label(tr, rule))
    sheet.line(_("Printed on"), today, formats={2: "d. m. yyyy"})
    sheet.row += 1


def _indicator_sheets(workbook, report: IndicatorReport, tr: Translator, scope: str) -> None:
    _ = tr.gettext
    sheet = _Sheet(workbook, _("Indicators"))
    _heading(sheet, tr, _("Project indicators"), report.period.label(tr), scope, report.training_rule, report.today)
    names = [site_name(tr, column.site_id, column.name) for column in report.sites] if report.site_id is None else []
    # One info point's values count toward the whole project's targets.
    target, total = (_("Project target"), _("Value")) if report.site_id else (_("Target"), _("Total"))
    sheet.header(_("Indicator"), target, total, _("Share of target"), *names)
    for value in report.values:
        target = value.target
        target_text = None if target is None else (target if not value.definition.at_least else f"≥ {target:g}")
        sheet.line(_(value.definition.title), target_text, value.value, value.share,
                   *(value.by_site.get(column.site_id) for column in report.sites if names),
                   formats={3: "0.##", 4: "0%", **{5 + i: "0.##" for i in range(len(names))}})
    sheet.widths(60, 10, 10, 12, *(18 for _name in names))
    definitions = _Sheet(workbook, _("Definitions"))
    definitions.header(_("Indicator"), _("Target"), _("What it counts"))
    for value in report.values:
        definition = value.definition
        definitions.line(_(definition.title), definition.target, describe(definition, tr, report.training_rule),
                         wrap=True)
    definitions.widths(45, 10, 110)


def _esf_sheets(workbook, report: EsfReport, tr: Translator, today: dt.date, scope: str) -> None:
    _ = tr.gettext
    genders = report.esf_set.gender_labels(tr)
    summary = _Sheet(workbook, _("ESF summary"))
    _heading(summary, tr, _(report.esf_set.title), report.period.label(tr), scope, report.training_rule, today)
    summary.header(_("Category"), _("Total"), *genders)
    for row in report.rows:
        summary.line(row.text(tr), row.total, *row.counts, font=summary.bold if row.kind == "total" else None)
    summary.widths(80, 10, *(12 for _gender in genders))
    fields = [_(FIELD_LABELS[name]) if name in FIELD_LABELS else name for name in _PARTICIPANT_FIELDS]
    people = _Sheet(workbook, _("ESF participants"))
    people.header(_("Name"), _("Entry date"), _("Programme"), _("Age at entry"), *fields, _("Missing data"))
    for person in report.participants:
        people.line(record_name(tr, person.name, person.erased), person.entry_date, person.programme, person.age,
                    *(value_label(tr, getattr(person, name)) for name in _PARTICIPANT_FIELDS),
                    _missing(tr, person.missing), formats={2: "d. m. yyyy"})
    people.widths(28, 12, 40, 8, *(16 for _field in fields), 40)
    missing = _Sheet(workbook, _("Missing ESF data"))
    missing.header(_("Name"), _("Entry date"), _("Programme"), _("Missing data"))
    for person in report.missing:
        missing.line(person.name, person.entry_date, person.programme, _missing(tr, person.missing),
                     formats={2: "d. m. yyyy"})
    missing.widths(28, 12, 40, 60)


def _missing(tr: Translator, fields: tuple[str, ...]) -> str:
    return ", ".join(tr.gettext(FIELD_LABELS.get(name, name)) for name in fields)


def export_results_xlsx(target: str | os.PathLike[str], tr: Translator, *, indicators: IndicatorReport | None = None,
                        esf: EsfReport | None = None, site_names: dict[str, str] | None = None) -> Path:
    """One workbook with the indicators (and their definitions) and/or the ESF tables. `site_names`
    names the info point a report is limited to (the indicators' own list serves otherwise)."""
    from openpyxl import Workbook

    target = Path(target)
    check_target(target)
    workbook = Workbook()
    workbook.remove(workbook.active)
    names = dict(site_names or {})
    if indicators is not None:
        names = {column.site_id: site_name(tr, column.site_id, column.name) for column in indicators.sites} | names
        _indicator_sheets(workbook, indicators, tr, scope_label(tr, indicators.site_id, names))
    if esf is not None:
        _esf_sheets(workbook, esf, tr, indicators.today if indicators else dt.date.today(),
                    scope_label(tr, esf.site_id, names))
    if not workbook.worksheets:
        raise ValueError("nothing to export")
    write_atomically(target, lambda stream: workbook.save(stream) or 0)
    return target


def indicators_as_json(report: IndicatorReport, tr: Translator) -> dict:
    """For scripts: keys and codes as stored, titles in `tr`'s language, ISO dates."""
    return {
        "period": {"first": _iso(report.period.first), "last": _iso(report.period.last)},
        "site_id": report.site_id,
        "training_rule": report.training_rule,
        "today": report.today.isoformat(),
        "sites": [{"id": column.site_id, "name": column.name, "is_lead_partner": column.is_lead_partner}
                  for column in report.sites],
        "indicators": [{
            "key": value.key, "title": tr.gettext(value.definition.title), "target": value.target,
            "target_is_minimum": value.definition.at_least, "value": value.value, "share": value.share,
            "reached": value.reached, "by_site": value.by_site,
        } for value in report.values],
    }


def esf_as_json(report: EsfReport, tr: Translator) -> dict:
    return {
        "programme_period": report.esf_set.key,
        "period": {"first": _iso(report.period.first), "last": _iso(report.period.last)},
        "site_id": report.site_id,
        "training_rule": report.training_rule,
        "genders": [gender for gender, _label in report.esf_set.genders],
        "summary": [{"group": row.group, "key": row.key, "kind": row.kind, "label": row.text(tr),
                     "total": row.total, "by_gender": list(row.counts)} for row in report.rows],
        "missing": [{"person_id": person.person_id, "fields": list(person.missing)} for person in report.missing],
    }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None




def write_file(target: str | os.PathLike[str], content: bytes) -> Path:
    """A finished document (the PDF report) written whole or not at all."""
    target = Path(target)
    check_target(target)
    write_atomically(target, lambda stream: stream.write(content))
    return target


def export_results_pdf(target: str | os.PathLike[str], tr: Translator, indicators: IndicatorReport, *,
                       issuer: str, esf: EsfReport | None = None, branding=None):
    """The PDF report in `tr`'s language, written whole or not at all; returns the DocumentResult
    (its `warnings` name logos that could not be printed)."""
    from sociolab_desktop.core.documents.branding import NO_BRANDING
    from sociolab_desktop.core.documents.results_report import build_results_report
    from sociolab_desktop.core.services.results.report_data import results_report_data

    target = Path(target)
    check_target(target)
    result = build_results_report(results_report_data(indicators, tr, issuer=issuer, esf=esf), tr,
                                  branding or NO_BRANDING)
    write_file(target, result.pdf)
    return result
