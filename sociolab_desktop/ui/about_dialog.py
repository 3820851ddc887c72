"""About SocioLab Desk: name, version, and where its data and logs are (text can be copied)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sociolab_desktop import APP_NAME, __version__
from sociolab_desktop.ui.shell_context import ShellContext


class AboutDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.ctx = ctx
        self.text = QLabel(objectName="aboutText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()

    def retranslate(self) -> None:
        _ = self.ctx.tr.gettext
        self.setWindowTitle(_("About SocioLab Desk"))
        paths = self.ctx.paths
        rows = (
            (_("Version"), __version__),
            (_("Data folder"), str(paths.root)),
            (_("Log folder"), str(paths.logs)),
        )
        table = "".join(
            f"<tr><td style='padding-right:12px'><b>{escape(label)}</b></td><td>{escape(value)}</td></tr>"
            for label, value in rows
        )
        summary = _(
            "Clients, mentoring, events and sync for the info points of SocioLab, "
            "co-financed by the European Union (European Social Fund) and the Republic of Slovenia."
        )
        self.text.setText(
            f"<h2>{escape(APP_NAME)}</h2><p>{escape(summary)}</p><table>{table}</table>"
        )
