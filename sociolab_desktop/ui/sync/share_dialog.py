"""Choose the lead partner's shared folder: typed (a UNC path like \\\\server\\share\\sociolab) or
picked; left empty, this PC does not sync."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

from PySide6.QtCore import QDir
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.labels import mute


def clean_share_path(text: str) -> str | None:
    """The path as typed, without the quotes Explorer's "Copy as path" adds; None when empty.
    A relative path would depend on where the program was started: refused."""
    path = (text or "").strip().strip('"').strip()
    if not path:
        return None
    if not (PureWindowsPath(path).is_absolute() or PurePosixPath(path).is_absolute() or path.startswith("\\\\")):
        raise UserError(
            N_(
                "“{path}” is not a full path. Enter the whole path of the shared folder, for "
                "example \\\\server\\share\\sociolab or Z:\\sociolab."
            ),
            path=path,
        )
    return path


class ShareDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shareDialog")
        self.ctx = ctx
        self.chosen: str | None = ctx.settings.share_path
        self.path_edit = QLineEdit(ctx.settings.share_path or "", objectName="sharePath")
        self.path_edit.setClearButtonEnabled(True)
        self.path_label = QLabel(buddy=self.path_edit)
        self.browse_button = QPushButton(objectName="browseShare")
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.note = QLabel(wordWrap=True)
        mute(self.note)
        self.error = InlineError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path_label)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        ctx.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        _ = self.ctx.tr.gettext
        self.setWindowTitle(_("Shared folder for sync"))
        self.path_label.setText(_("&Shared folder of the lead partner:"))
        self.browse_button.setText(_("&Browse…"))
        self.path_edit.setPlaceholderText(_("for example \\\\server\\share\\sociolab"))
        self.note.setText(
            _(
                "Every info point exchanges its changes through this folder; each keeps its own "
                "database. Leave it empty to stop syncing on this PC."
            )
        )

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.ctx.tr.gettext("Choose the shared folder"), self.path_edit.text()
        )
        if folder:
            self.path_edit.setText(QDir.toNativeSeparators(folder))

    def accept(self) -> None:
        try:
            self.chosen = clean_share_path(self.path_edit.text())
        except UserError as error:
            self.error.show_error(error, self.ctx.tr)
            return
        super().accept()
