"""What every mentoring form does on Save: run the service off the GUI thread, mark refused fields
(rows of a table included), and on warnings ask "save anyway?" listing them, then save confirmed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services.fields import FieldErrors
from sociolab_desktop.core.services.mentoring.checks import ConfirmationNeeded
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms import questions
from sociolab_desktop.ui.forms.buttons import save_buttons
from sociolab_desktop.ui.forms.field_marks import FieldMarks
from sociolab_desktop.ui.messages import InlineError

ROW_PREFIX = N_("Row {row}: {message}")


class ShownError(FieldError):
    """A field error as the window shows it: moved to the field that shows it, with a table row's
    number in front (its dates are written the window's way by UserError itself)."""

    def __init__(self, field: str, original: FieldError, row: int | None = None) -> None:
        super().__init__(field, original.message, **original.values)
        self.row = row

    def render(self, tr: Translator) -> str:
        text = super().render(tr)
        return tr.gettext(ROW_PREFIX).format(row=self.row, message=text) if self.row else text


class RoutedMarks(FieldMarks):
    """FieldMarks that also place "table.N.column" under the table (as row N+1) and any
    "group.part[.more]" the form names as "group.part" or "group"."""

    def __init__(self, general, tables: tuple[str, ...] = ()) -> None:
        super().__init__(general)
        self._tables = tables

    def route(self, error: FieldError) -> ShownError:
        parts = error.field.split(".")
        if parts[0] in self._tables and len(parts) >= 2 and parts[1].isdigit():
            return ShownError(parts[0], error, int(parts[1]) + 1)
        for length in range(len(parts) - 1, 0, -1):
            name = ".".join(parts[:length])
            if name in self._fields:
                return ShownError(name, error)
        return ShownError(error.field, error)

    def show(self, error: UserError, tr: Translator) -> None:
        if isinstance(error, FieldErrors):
            routed = type(error)([self.route(item) for item in error.errors])
            routed.message = error.message
            error = routed
        super().show(error, tr)


def ask_save_anyway(parent: QWidget, tr: Translator, warnings: list[FieldError],
                    on_yes: Callable[[], None]) -> QMessageBox:
    """"Save anyway?" listing what is unusual, each at the field that shows it."""
    lines = "\n".join("• " + ShownError(warning.field, warning).render(tr) for warning in warnings)
    text = tr.gettext("Check before saving:\n{warnings}\n\nSave anyway?").format(warnings=lines)
    return questions.ask_save_anyway(parent, tr, text, on_yes)


class SavingDialog(QDialog):
    """A dialog whose Save calls `work(confirmed)` in a worker; subclasses lay out `marks`'
    fields, `general_error` and `buttons`, and give `is_changed()` and `_saved(result)`."""

    marks: FieldMarks

    def _init_saving(self, ctx, tables: tuple[str, ...] = ()) -> None:
        """The parts every mentoring form has: the marks at the fields (`tables`: the tables whose
        rows are marked) with the line under the form, Save and Cancel, and Ctrl+Return to save."""
        self.ctx = ctx
        self.saving = False
        self.question_box: QMessageBox | None = None
        self.general_error = InlineError()
        self.marks = RoutedMarks(self.general_error, tables=tables)
        self.buttons, self.save_button, self.cancel_button = save_buttons(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)

    def _on_language_changed(self) -> None:
        """A bound method, not a lambda: Qt drops the connection when the window is deleted."""
        self.retranslate(self.ctx.tr)

    def run_save(self, work: Callable[[bool], object], confirmed: bool = False) -> None:
        if self.saving:
            return
        self.saving = True
        self.save_button.setEnabled(False)
        if not confirmed:
            self.marks.clear()
        self.ctx.operations.run(lambda: work(confirmed), on_success=self._on_save_done,
                                on_failure=lambda error: self._on_save_failed(work, error), owner=self)

    def _on_save_done(self, result) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self._saved(result)

    def _on_save_failed(self, work, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ConfirmationNeeded):
            ask_save_anyway(self, self.ctx.tr, error.warnings, lambda: self.run_save(work, confirmed=True))
        elif isinstance(error, UserError):
            self.marks.show(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)

    def _saved(self, result) -> None:
        raise NotImplementedError

    def is_changed(self) -> bool:
        raise NotImplementedError

    def reject(self) -> None:
        if self.saving:
            return
        if self.is_changed():
            tr = self.ctx.tr
            questions.ask_unsaved_changes(self, tr, tr.gettext(questions.FORM_CHANGED),
                                          lambda _discard: QDialog.reject(self), can_save=False)
            return
        super().reject()
