"""Cancelling a registration from the event window: asked first, done off the GUI thread, and
followed by who moved up from the waiting list into the freed place."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from sociolab_desktop.errors import UserError
from sociolab_desktop.ui.forms import questions
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)


def ask_to_cancel(ctx: ShellContext, parent: QWidget, registration, on_done: Callable[[], None]) -> QMessageBox:
    """Ask about `registration` (a RegistrationRow); `on_done` runs after it was cancelled or refused."""
    tr = ctx.tr
    text = tr.gettext("Cancel the registration of {name} (code {code})? If someone is on the waiting list, the "
                      "first of them gets the place.").format(name=registration.full_name, code=registration.code)
    choices = [(tr.gettext("Cancel the registration"), QMessageBox.ButtonRole.DestructiveRole),
               (tr.gettext("Keep it"), QMessageBox.ButtonRole.RejectRole)]

    def answered(index: int) -> None:
        if index == 0:
            _cancel(ctx, parent, registration, on_done)

    return questions.ask(parent, text, choices, answered, default=1)


def _cancel(ctx: ShellContext, parent: QWidget, registration, on_done: Callable[[], None]) -> None:
    from sociolab_desktop.core.services.events.registrations import cancel_registration

    store, actor = ctx.workspace.store, ctx.workspace.actor
    log.info("Cancelling registration %s", registration.id)

    def cancelled(outcome) -> None:
        tr = ctx.tr
        text = tr.gettext("The registration of {name} is cancelled.").format(name=outcome.registration.full_name)
        if outcome.promoted:
            names = ", ".join(row.full_name for row in outcome.promoted)
            text += "\n" + tr.ngettext("Moved up from the waiting list: {names}.",
                                       "Moved up from the waiting list ({count}): {names}.",
                                       len(outcome.promoted)).format(
                names=names, count=tr.format_number(len(outcome.promoted)))
        on_done()
        questions.tell(parent, text, tr)

    def failed(error: BaseException) -> None:
        if isinstance(error, UserError):
            on_done()  # the list was out of date: show what is there now
            questions.tell(parent, error.render(ctx.tr), ctx.tr, icon=QMessageBox.Icon.Warning)
        else:
            ctx.operations.report_error(error)

    ctx.operations.run(lambda: cancel_registration(store, actor, registration.id), on_success=cancelled,
                       on_failure=failed, owner=parent)
