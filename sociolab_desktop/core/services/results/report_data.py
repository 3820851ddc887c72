"""The printed results report's data: the indicator and ESF reports written out in the language
of the report (documents/results_report.py lays it out and knows nothing of the store)."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.documents.results_report import EsfLine, EsfTable, IndicatorLine, ResultsReportData
from sociolab_desktop.core.services.results.definitions import describe, training_rule_label
from sociolab_desktop.core.services.results.esf import EsfReport
from sociolab_desktop.core.services.results.indicators import IndicatorReport
from sociolab_desktop.core.services.results.labels import scope_label, site_name
from sociolab_desktop.i18n import Translator


def _esf_table(report: EsfReport, tr: Translator) -> EsfTable:
    titles = {group.key: group.title for group in report.esf_set.groups}
    lines, group = [], None
    for row in report.rows:
        if row.group != group and row.group in titles:
            group = row.group
            lines.append(EsfLine(tr.gettext(titles[group]), None))
        lines.append(EsfLine(row.text(tr), row.total, row.counts, emphasis=row.kind == "total"))
    return EsfTable(tr.gettext(report.esf_set.title), tuple(report.esf_set.gender_labels(tr)),
                    tuple(lines), len(report.participants), len(report.missing))


def results_report_data(report: IndicatorReport, tr: Translator, *, issuer: str, esf: EsfReport | None = None,
                        printed_on: dt.date | None = None) -> ResultsReportData:
    names = {column.site_id: site_name(tr, column.site_id, column.name) for column in report.sites}
    scope = scope_label(tr, report.site_id, names)
    # A column per info point only when the report covers them all (as the window shows it).
    columns = report.sites if report.site_id is None else ()
    lines = tuple(IndicatorLine(
        title=tr.gettext(value.definition.title), definition=describe(value.definition, tr, report.training_rule),
        value=value.value, target=value.target, at_least=value.definition.at_least, share=value.share,
        site_values=tuple(value.by_site[column.site_id] for column in columns) if value.by_site else ())
        for value in report.values)
    return ResultsReportData(
        issuer=issuer, printed_on=printed_on or report.today, period=report.period.label(tr), scope=scope,
        targets_of_the_project=report.site_id is not None,
        training_rule=training_rule_label(tr, report.training_rule),
        site_names=tuple(names[column.site_id] for column in columns), indicators=lines,
        esf=_esf_table(esf, tr) if esf is not None else None)
