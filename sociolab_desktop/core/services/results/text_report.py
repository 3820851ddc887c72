"""The indicators and ESF tables as plain text for a terminal or a log of a scheduled task."""

from __future__ import annotations

from sociolab_desktop.core.services.results.definitions import training_rule_label
from sociolab_desktop.core.services.results.esf import EsfReport
from sociolab_desktop.core.services.results.indicators import IndicatorReport, IndicatorValue
from sociolab_desktop.core.services.results.labels import FIELD_LABELS, site_name
from sociolab_desktop.i18n import N_, Translator

_INDENT = "    "


def _target(value: IndicatorValue, tr: Translator) -> str:
    prefix = "≥ " if value.definition.at_least else ""
    return prefix + tr.format_number(value.target)


def _line(value: IndicatorValue, tr: Translator) -> str:
    title, number = tr.gettext(value.definition.title), tr.format_number(value.value)
    if value.target is None:
        return tr.gettext(N_("{title}: {value} (no target)")).format(title=title, value=number)
    # Whole percent rounded down, so 99.6 % never reads as a target reached.
    percent = tr.format_percent(value.share) if value.share is not None else "–"
    return tr.gettext(N_("{title}: {value} (target {target}, {percent})")).format(
        title=title, value=number, target=_target(value, tr), percent=percent)


def indicators_text(report: IndicatorReport, tr: Translator) -> str:
    _ = tr.gettext
    names = {column.site_id: site_name(tr, column.site_id, column.name) for column in report.sites}
    lines = [
        _("Project indicators"),
        _("Period: {period}").format(period=report.period.label(tr)),
        _("Persons in training programmes counted as: {rule}").format(
            rule=training_rule_label(tr, report.training_rule)),
        "",
    ]
    for value in report.values:
        lines.append(_line(value, tr))
        lines += [f"{_INDENT}{names[site_id]}: {tr.format_number(number)}" for site_id, number in value.by_site.items()]
    return "\n".join(lines) + "\n"


def esf_text(report: EsfReport, tr: Translator) -> str:
    _ = tr.gettext
    genders = report.esf_set.gender_labels(tr)
    lines = [_(report.esf_set.title), _("Period: {period}").format(period=report.period.label(tr)), ""]
    for row in report.rows:
        split = ", ".join(f"{gender} {tr.format_number(count)}" for gender, count in zip(genders, row.counts))
        lines.append(f"{row.text(tr)}: {tr.format_number(row.total)} ({split})")
    missing = report.missing
    lines += ["", tr.ngettext("{count} participant misses required ESF data:",
                              "{count} participants miss required ESF data:", len(missing))
              .format(count=tr.format_number(len(missing)))]
    for person in missing:
        fields = ", ".join(_(FIELD_LABELS.get(name, name)) for name in person.missing)
        entered = tr.format_date(person.entry_date, "numeric") if person.entry_date else ""
        lines.append(f"{_INDENT}{person.name} ({entered}): {fields}")
    return "\n".join(lines) + "\n"
