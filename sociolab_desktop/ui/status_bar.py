"""The status bar: which info point this PC is, who is signed in, and the sync state."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from sociolab_desktop.i18n import Translator


class ShellStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shellStatusBar")
        self.site_label = QLabel(objectName="siteStatus")
        self.staff_label = QLabel(objectName="staffStatus")
        # The sync state in a few words ("Synced 10:42", "3 conflicts to review"); the Sync
        # area's controller words it, the tooltip says more.
        self.sync_label = QLabel(objectName="syncStatus")
        for label in (self.site_label, self.staff_label, self.sync_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        self.sync_label.hide()
        self._site_name: str | None = None
        self._staff_name: str | None = None
        self._opening = True

    def show_state(
        self, tr: Translator, site_name: str | None, staff_name: str | None, *, opening: bool
    ) -> None:
        self._site_name, self._staff_name, self._opening = site_name, staff_name, opening
        self.retranslate(tr)

    def show_sync(self, text: str, tooltip: str = "") -> None:
        self.sync_label.setText(text)
        self.sync_label.setToolTip(tooltip)
        self.sync_label.setVisible(bool(text))

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        site = self._site_name or _("not set up")
        self.site_label.setText(_("Info point: {name}").format(name=site))
        if self._opening:
            staff = _("opening the data folder…")
        else:
            staff = self._staff_name or _("nobody")
        self.staff_label.setText(_("Signed in: {name}").format(name=staff))
