"""Saving a printed document: a file name safe on every PC, the file and folder choosers (functions
of their own, which tests replace), the PDF written whole in a worker (a temporary file, then a
rename), and the notice that offers to open what was saved. PrintDialog puts them together."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.forms.buttons import save_buttons
from sociolab_desktop.ui.forms.questions import ask
from sociolab_desktop.ui.messages import InlineError

_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')  # what Windows refuses in a file name


def file_name_part(text: str, limit: int = 60, fallback: str = "") -> str:
    """Words of `text` joined by hyphens, without what a file name may not hold."""
    return "-".join(_NOT_IN_FILE_NAMES.sub("", text).split())[:limit].strip("-") or fallback


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def choose_save_path(parent: QWidget, tr: Translator, title: str, suggested: str) -> str:
    """The PDF file chosen ("" when cancelled); the dialog asks before replacing a file."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(documents_folder() / suggested),
                                                tr.gettext("PDF files (*.pdf)"))
    return path


def choose_folder(parent: QWidget, tr: Translator, title: str) -> str:
    """The folder chosen ("" when cancelled), for one file per person."""
    return QFileDialog.getExistingDirectory(parent, title, str(documents_folder()))


def pdf_path(chosen: str) -> Path:
    """The chosen name, with ".pdf" added when the person typed none or another ending."""
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def write_pdf(path: Path, pdf: bytes) -> None:
    """In a worker: a missing folder is refused with a message; the file is written under a
    temporary name and renamed, so a half-written file never looks like a document."""
    from sociolab_desktop.core.services.output_files import (
        check_target,
        write_atomically,
    )

    check_target(path)
    write_atomically(path, lambda stream: stream.write(pdf))


def open_file(path) -> None:
    """In the system's PDF viewer (a folder in the file manager)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def saved_text(tr: Translator, text: str, warnings: Sequence) -> str:
    """"Saved as …", then what the document had to leave out (a logo that could not be read)."""
    if warnings:
        text += "\n\n" + "\n".join(warning.render(tr) for warning in warnings)
    return text


def offer_to_open(parent: QWidget, tr: Translator, text: str, path) -> QMessageBox:
    """The notice after saving: "Open it" (the default) in the system's viewer, or "Close"."""
    def answered(index: int) -> None:
        if index == 0:
            open_file(path)

    return ask(parent, text, [(tr.gettext("Open it"), QMessageBox.ButtonRole.AcceptRole),
                              (tr.gettext("Close"), QMessageBox.ButtonRole.RejectRole)], answered,
               icon=QMessageBox.Icon.Information)


class PrintDialog(QDialog):
    """A print dialog's common part: an error line, Save and Cancel, the PDF written in a worker
    while Save waits, then the dialog closes and its parent window offers to open the file."""

    printed = Signal(str)  # the path written (the first, when one file per person)

    def _init_printing(self, ctx) -> None:
        self.ctx = ctx
        self.busy = False
        self.question_box: QMessageBox | None = None
        self.notice: QMessageBox | None = None  # "saved as …, open it?", on the parent window
        self.error = InlineError()
        self.buttons, self.save_button, self.cancel_button = save_buttons(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ctx.language_changed.connect(self._on_language_changed)

    def _on_language_changed(self) -> None:
        """A bound method, not a lambda: Qt drops the connection when the dialog is deleted."""
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        raise NotImplementedError

    def write_off_thread(self, work: Callable[[], object], on_written: Callable[[object], None]) -> None:
        """Run `work` (it builds and writes the document) in a worker; `on_written(result)` then
        calls `finish`."""
        self.busy = True
        self.save_button.setEnabled(False)
        self.error.clear_error()
        self.ctx.operations.run(work, on_success=on_written, on_failure=self._on_failed, owner=self)

    def finish(self, paths: Sequence[Path], text: str, warnings: Sequence = ()) -> QMessageBox:
        """Close, and offer to open the file (the folder, for several) written."""
        self.busy = False
        self.save_button.setEnabled(True)
        self.printed.emit(str(paths[0]))
        parent = self.parentWidget() or self
        super().accept()
        target = paths[0] if len(paths) == 1 else paths[0].parent
        self.notice = offer_to_open(parent, self.ctx.tr, saved_text(self.ctx.tr, text, warnings), target)
        return self.notice

    def can_save(self) -> bool:
        """Whether Save may be pressed again after a refusal (a dialog still loading says no)."""
        return True

    def _on_failed(self, error: BaseException) -> None:
        self.busy = False
        self.save_button.setEnabled(self.can_save())
        if isinstance(error, UserError):
            self.error.show_error(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)
