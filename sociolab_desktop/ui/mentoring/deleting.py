"""Deleting a mentoring record (session, assessment, enrolment, job, product): the question that
names it, and the service call off the GUI thread with a refresh or the error after it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from sociolab_desktop.core.domain.labels import ENROLMENT_STATUSES, JOB_KINDS, label
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms import questions
from sociolab_desktop.ui.mentoring.labels import party_text
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

SESSION_NO_LONGER_COUNTS = N_("It will no longer count in the hours and reports.")
NO_LONGER_COUNTS = N_("It will no longer count in the reports.")


def _date(tr: Translator, value) -> str:
    return tr.format_date(value, "numeric")


def session_question(tr: Translator, session) -> str:
    """`session`: a SessionRecord (its persons named) or a SessionRow (its person names)."""
    names = getattr(session, "person_names", None)
    if names is None:
        names = [person.name for person in session.persons]
    party = party_text(session.organisation_name, names)
    day, time = _date(tr, session.session_date), tr.format_time_span(session.starts, session.ends)
    if not party:  # its persons erased since
        return tr.gettext("Delete the mentoring session on {date}, {time}?").format(date=day, time=time)
    return tr.gettext("Delete the mentoring session with {party} on {date}, {time}?").format(
        party=party, date=day, time=time)


def assessment_question(tr: Translator, assessment) -> str:
    if assessment.assessor_name:
        return tr.gettext("Delete the assessment of {date} by {assessor}?").format(
            date=_date(tr, assessment.assessed_on), assessor=assessment.assessor_name)
    return tr.gettext("Delete the assessment of {date}?").format(date=_date(tr, assessment.assessed_on))


def enrolment_question(tr: Translator, enrolment) -> str:
    return tr.gettext("Delete the programme enrolment that started on {date} ({status})?").format(
        date=_date(tr, enrolment.started_on), status=label(tr, ENROLMENT_STATUSES, enrolment.status))


def job_question(tr: Translator, job) -> str:
    kind, day = label(tr, JOB_KINDS, job.kind), _date(tr, job.occurred_on)
    if job.person_name:
        return tr.gettext("Delete the {kind} on {date} for {person}?").format(kind=kind, date=day,
                                                                              person=job.person_name)
    return tr.gettext("Delete the {kind} on {date}?").format(kind=kind, date=day)


def product_question(tr: Translator, product) -> str:
    return tr.gettext("Delete the product “{name}” of {date}?").format(name=product.name,
                                                                       date=_date(tr, product.developed_on))


QUESTIONS = {"sessions": session_question, "assessments": assessment_question, "enrolments": enrolment_question,
             "jobs": job_question, "products": product_question}


def question_for(tr: Translator, kind: str, row) -> tuple[str, str]:
    """The question naming `row`, a record of `kind` (a key of QUESTIONS), and what deleting means."""
    counts = SESSION_NO_LONGER_COUNTS if kind == "sessions" else NO_LONGER_COUNTS
    return QUESTIONS[kind](tr, row), tr.gettext(counts)


def delete_work(store, actor, kind: str, key: str) -> Callable[[], None]:
    """The service call that deletes the record `key` of `kind`, to run in a worker."""
    from sociolab_desktop.core.services.mentoring import (
        diagnostics,
        outcomes,
        programme,
        sessions,
    )

    delete = {"sessions": sessions.delete_session, "assessments": diagnostics.delete_diagnostic,
              "enrolments": programme.delete_enrolment, "jobs": outcomes.delete_job,
              "products": outcomes.delete_product}[kind]
    return lambda: delete(store, actor, key)


def delete_shortcut(table: QWidget, on_delete: Callable[[], None]) -> QShortcut:
    """The Delete key on `table` runs `on_delete`: only while the table has the focus, so Delete
    typed in a field of the same window still deletes text, not a record."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(on_delete)
    return shortcut


def delete_key_text() -> str:
    """The Delete key as the system writes it, for the tooltip of a "Delete…" button."""
    return QKeySequence(QKeySequence.StandardKey.Delete).toString(QKeySequence.SequenceFormat.NativeText)


def ask_to_delete(parent: QWidget, tr: Translator, text: str, informative: str,
                  on_yes: Callable[[], None]) -> QMessageBox:
    """"Delete" or "Do not delete"; not deleting is the default and Esc, so Enter is no reflex delete."""
    choices = [(tr.gettext("Delete"), QMessageBox.ButtonRole.DestructiveRole),
               (tr.gettext("Do not delete"), QMessageBox.ButtonRole.RejectRole)]

    def answered(index: int) -> None:
        if index == 0:
            on_yes()

    return questions.ask(parent, text, choices, answered, default=1, icon=QMessageBox.Icon.Warning,
                         informative=informative, object_name="deleteQuestion")


def delete_in_worker(ctx: ShellContext, parent: QWidget, kind: str, key: str, on_done: Callable[[], None]) -> None:
    """Delete the record `key` of `kind` in a worker. `on_done` runs whatever the outcome (after a
    refusal the list was out of date: it shows what is there now); a refusal is then told in a
    box, anything else goes to the error hook."""

    def failed(error: BaseException) -> None:
        on_done()
        if isinstance(error, UserError):
            questions.tell(parent, error.render(ctx.tr), ctx.tr, icon=QMessageBox.Icon.Warning)
        else:
            ctx.operations.report_error(error)

    def deleted(_result) -> None:
        log.info("Mentoring record deleted: %s %s", kind, key)
        on_done()

    work = delete_work(ctx.workspace.store, ctx.workspace.actor, kind, key)
    ctx.operations.run(work, on_success=deleted, on_failure=failed, owner=parent)
