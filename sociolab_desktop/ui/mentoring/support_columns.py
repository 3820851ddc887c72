"""The columns of the organisation's support overview: enrolments, jobs, products, open actions,
and the line that sums the support up."""

from __future__ import annotations

from sociolab_desktop.core.domain.enums import EnrolmentStatus
from sociolab_desktop.core.domain.labels import (
    CONTRACT_TYPES,
    ENROLMENT_STATUSES,
    JOB_KINDS,
    PRODUCT_STAGES,
    label,
)
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.mentoring.labels import totals_text
from sociolab_desktop.ui.mentoring.session_models import SESSION_COLUMNS, WITH


def _date(tr: Translator, value) -> str:
    return tr.format_date(value, "numeric") if value else ""


# The organisation's own sessions: "with" would repeat its name on every row, so the persons coached.
ORGANISATION_SESSION_COLUMNS = tuple(
    (N_("Persons coached"), lambda row, tr: ", ".join(row.person_names)) if column == WITH else described
    for column, described in enumerate(SESSION_COLUMNS))
ENROLMENT_COLUMNS = (
    (N_("Joined"), lambda row, tr: _date(tr, row.started_on)),
    (N_("Status"), lambda row, tr: label(tr, ENROLMENT_STATUSES, row.status)),
    (N_("Ended"), lambda row, tr: _date(tr, row.ended_on)),
    (N_("Outcome"), lambda row, tr: " ".join((row.outcome or "").split())),
)
JOB_COLUMNS = (
    (N_("Date"), lambda row, tr: _date(tr, row.occurred_on)),
    (N_("Job"), lambda row, tr: label(tr, JOB_KINDS, row.kind)),
    (N_("Person"), lambda row, tr: row.person_name or ""),
    (N_("Contract"), lambda row, tr: label(tr, CONTRACT_TYPES, row.contract_type)),
    (N_("Vulnerable group"), lambda row, tr: tr.gettext("Yes") if row.is_vulnerable_group else ""),
    (N_("Evidence"), lambda row, tr: " ".join((row.evidence or "").split())),
)
PRODUCT_COLUMNS = (
    (N_("Date"), lambda row, tr: _date(tr, row.developed_on)),
    (N_("Product"), lambda row, tr: row.name),
    (N_("Stage"), lambda row, tr: label(tr, PRODUCT_STAGES, row.stage)),
    (N_("Description"), lambda row, tr: " ".join((row.description or "").split())),
)
OPEN_ACTION_COLUMNS = (
    (N_("Due by"), lambda row, tr: _date(tr, row.action.due_on)),
    (N_("Agreed action"), lambda row, tr: row.action.description),
    (N_("Who"), lambda row, tr: row.action.owner or ""),
)


# One sentence per status, so that each language can make the status agree with "programme"
# (Slovenian "podporni program: aktiven"); active counts from the start, the others name their end.
ENROLMENT_SENTENCES = {
    EnrolmentStatus.ACTIVE: N_("support programme: active since {date}"),
    EnrolmentStatus.COMPLETED: N_("support programme: completed on {date}"),
    EnrolmentStatus.WITHDRAWN: N_("support programme: withdrawn on {date}"),
}


def enrolment_text(tr: Translator, enrolment) -> str:
    """ "support programme: active since 30. 12. 2019" """
    sentence = ENROLMENT_SENTENCES.get(enrolment.status)
    if sentence is None:  # a status this version does not know (a newer PC synced it)
        return tr.gettext("programme: {status} since {date}").format(
            status=label(tr, ENROLMENT_STATUSES, enrolment.status), date=_date(tr, enrolment.started_on))
    day = enrolment.started_on if enrolment.status == EnrolmentStatus.ACTIVE else enrolment.ended_on
    return tr.gettext(sentence).format(date=_date(tr, day or enrolment.started_on))


def summary_text(tr: Translator, overview) -> str:
    """One line: sessions and hours, the enrolment, the outcomes."""
    parts = [totals_text(tr, overview.totals.sessions, overview.totals.hours)]
    current = overview.enrolments[0] if overview.enrolments else None
    if current is None:
        parts.append(tr.gettext("not enrolled in the support programme"))
    else:
        parts.append(enrolment_text(tr, current))
    jobs, products = len(overview.jobs), len(overview.products)
    parts.append(tr.ngettext("{count} job", "{count} jobs", jobs).format(count=tr.format_number(jobs)))
    parts.append(tr.ngettext("{count} product", "{count} products", products).format(
        count=tr.format_number(products)))
    return " · ".join(parts)
