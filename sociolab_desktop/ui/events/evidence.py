"""Signed attendance sheets back in: choose the scan (PDF or image), attach it to its session off
the GUI thread, and open an attached scan again."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sociolab_desktop.errors import UserError
from sociolab_desktop.ui import document_output
from sociolab_desktop.ui.forms import questions
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)


def choose_evidence_file(parent: QWidget, tr) -> str:
    """The scan chosen ("" when cancelled). A function of its own, so tests can answer it."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _filter = QFileDialog.getOpenFileName(
        parent, tr.gettext("Attach the signed attendance sheet"), folder,
        tr.gettext("Scans: PDF or image (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.webp);;All files (*)"))
    return path


def attach_scan(ctx: ShellContext, parent: QWidget, session, on_attached: Callable[[object], None]) -> bool:
    """Ask for the scan of `session` (a SessionInfo) and attach it; False when none was chosen.
    A file that is not a PDF or image is refused with the service's message."""
    tr = ctx.tr
    chosen = choose_evidence_file(parent, tr)
    if not chosen:
        return False
    from sociolab_desktop.core.services.events.evidence import attach_signed_sheet

    store, actor, folder = ctx.workspace.store, ctx.workspace.actor, ctx.workspace.paths.attachments
    source, session_id = Path(chosen), session.id

    def attached(evidence) -> None:
        log.info("Signed sheet attached to session %s", session_id)
        on_attached(evidence)
        questions.tell(parent, ctx.tr.gettext(
            "The signed sheet {file} is attached to the session of {date}; its evidence is complete.").format(
            file=evidence.file_name, date=ctx.tr.format_date(session.session_date, "numeric")), ctx.tr)

    def failed(error: BaseException) -> None:
        if isinstance(error, UserError):
            questions.tell(parent, error.render(ctx.tr), ctx.tr, icon=QMessageBox.Icon.Warning)
        else:
            ctx.operations.report_error(error)

    ctx.operations.run(lambda: attach_signed_sheet(store, actor, folder, session_id, source),
                       on_success=attached, on_failure=failed, owner=parent)
    return True


def open_scans(ctx: ShellContext, parent: QWidget, session) -> None:
    """Open the session's scans in the system's viewer; say so when sync has not brought them yet."""
    from sociolab_desktop.core.services.events.evidence import (
        evidence_path,
        list_evidence,
    )

    store, folder = ctx.workspace.store, ctx.workspace.paths.attachments

    def work():
        # A copy under the scan's own name: the stored file is named by its hash, without an
        # extension, and the viewer needs one to know a PDF from an image.
        import shutil
        import tempfile

        files = []
        for item in list_evidence(store, session.id):
            stored = evidence_path(folder, item)
            if stored is None:
                files.append((item.file_name, None))
                continue
            copy = Path(tempfile.mkdtemp(prefix="sociolab-scan-")) / Path(item.file_name).name
            shutil.copyfile(stored, copy)
            files.append((item.file_name, copy))
        return files

    def found(files) -> None:
        missing = [name for name, path in files if path is None]
        for _name, path in files:
            if path is not None:
                document_output.open_file(path)
        if missing:
            questions.tell(parent, ctx.tr.gettext(
                "Not on this PC yet: {files}. The next sync brings the scans from the shared folder.").format(
                files=", ".join(missing)), ctx.tr)

    ctx.operations.run(work, on_success=found, owner=parent)
