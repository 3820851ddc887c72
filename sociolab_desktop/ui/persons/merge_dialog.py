"""Merging two records of one person: choose what survives, confirm, merge off the GUI thread."""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services.person_operations import (
    MergePreview,
    merge_persons,
    merge_preview,
)
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.labels import section_heading
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.persons.merge_choices import MergeChoices
from sociolab_desktop.ui.persons.merge_text import FIELD_LABELS, link_counts_text, value_text
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

LOADING, CHOOSING, CONFIRMING, REFUSED = range(4)
SAME_PERSON = N_("A person cannot be merged with themselves: choose two different records.")


class MergeDialog(QDialog):
    merged = Signal(str)  # the survivor's id, once the merge is saved

    def __init__(self, ctx: ShellContext, first_id: str, second_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.ctx = ctx
        self.first_id, self.second_id = first_id, second_id
        self.preview: MergePreview | None = None
        self.refusal: UserError | None = None
        self.busy = False

        self.heading = section_heading("mergeHeading")
        self.intro = QLabel(objectName="mergeIntro", wordWrap=True)
        self.choices = MergeChoices()
        self.loading_label = QLabel(objectName="mergeLoading", alignment=Qt.AlignmentFlag.AlignCenter)
        self.refusal_error = InlineError()

        self.summary = QLabel(objectName="mergeSummary", wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.warning_icon = QLabel(objectName="mergeWarningIcon")
        self.warning_icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32))
        self.warning = QLabel(objectName="mergeWarning", wordWrap=True)
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)
        self.progress_label = QLabel(objectName="mergeProgress")
        self.progress_label.hide()
        self.error = InlineError()

        self.pages = QStackedWidget(objectName="mergePages")
        self.pages.addWidget(self.loading_label)
        self.pages.addWidget(self.choices)
        self.pages.addWidget(self._confirm_page())
        refused = QWidget(objectName="mergeRefusedPage")
        refused_layout = QVBoxLayout(refused)
        refused_layout.setContentsMargins(0, 8, 0, 0)
        refused_layout.addWidget(self.refusal_error)
        refused_layout.addStretch(1)
        self.pages.addWidget(refused)

        # Back, the step's action, Cancel: in this order on every platform, as wizards do.
        self.back_button = QPushButton(objectName="mergeBackButton")
        self.continue_button = QPushButton(objectName="mergeContinueButton")
        self.merge_button = QPushButton(objectName="mergeButton")
        self.cancel_button = QPushButton(objectName="mergeCancelButton")
        self.back_button.clicked.connect(self.go_back)
        self.continue_button.clicked.connect(self.go_to_confirm)
        self.merge_button.clicked.connect(self.start_merge)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.continue_button, self.merge_button, self.cancel_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.setMinimumSize(720, 480)
        self.resize(940, 640)  # fits 1366×768 with the task bar

        ctx.language_changed.connect(self._on_language_changed)
        self._show_step(LOADING)
        self.retranslate(ctx.tr)
        self._load()

    def _confirm_page(self) -> QWidget:
        page = QWidget(objectName="mergeConfirmPage")
        warning = QHBoxLayout()
        warning.addWidget(self.warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        warning.addWidget(self.warning, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addLayout(warning)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.error)
        layout.addStretch(1)
        return page

    # --- steps -----------------------------------------------------------------------------

    @property
    def step(self) -> int:
        return self.pages.currentIndex()

    def _show_step(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        self.back_button.setVisible(step == CONFIRMING)
        self.continue_button.setVisible(step == CHOOSING)
        self.merge_button.setVisible(step == CONFIRMING)
        self.intro.setVisible(step in (LOADING, CHOOSING))
        default = {CHOOSING: self.continue_button, CONFIRMING: self.merge_button}.get(step, self.cancel_button)
        for button in (self.back_button, self.continue_button, self.merge_button, self.cancel_button):
            button.setDefault(button is default)
            button.setAutoDefault(button is default)
        if step == CHOOSING:
            self.choices.setFocus(Qt.FocusReason.OtherFocusReason)
            self.choices.keep_buttons[self.choices.survivor_side].setFocus()
        elif step == CONFIRMING:
            self.merge_button.setFocus()
        else:
            self.cancel_button.setFocus()
        self.retranslate(self.ctx.tr)

    def _load(self) -> None:
        if not self.first_id or self.first_id == self.second_id:
            self._refuse(UserError(SAME_PERSON))
            return
        store = self.ctx.workspace.store
        first, second = self.first_id, self.second_id
        self.ctx.operations.run(lambda: merge_preview(store, first, second), on_success=self._on_preview,
                                on_failure=self._on_preview_failed, owner=self)

    def _on_preview(self, preview: MergePreview) -> None:
        self.preview = preview
        self.choices.show_preview(preview, self.ctx.tr)
        self._show_step(CHOOSING)

    def _on_preview_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self._refuse(error)
        else:
            self.ctx.operations.report_error(error)
            self.reject()

    def _refuse(self, error: UserError) -> None:
        self.refusal = error
        self._show_step(REFUSED)
        # Nothing to compare: a short message box rather than an empty window.
        self.setMinimumSize(0, 0)
        self.resize(560, 180)

    def go_to_confirm(self) -> None:
        if self.step == CHOOSING:
            self.error.clear_error()
            self._show_step(CONFIRMING)

    def go_back(self) -> None:
        if self.step == CONFIRMING and not self.busy:
            self._show_step(CHOOSING)

    # --- merging ---------------------------------------------------------------------------

    def start_merge(self) -> None:
        if self.step != CONFIRMING or self.busy:
            return
        workspace = self.ctx.workspace
        store, actor = workspace.store, workspace.actor
        survivor, loser = self.choices.survivor_id(), self.choices.loser_id()
        take = self.choices.take_from_loser()
        self._set_busy(True)
        self.ctx.operations.run(lambda: merge_persons(store, actor, survivor, loser, take),
                                on_success=lambda moved: self._on_merged(survivor, loser, moved),
                                on_failure=self._on_merge_failed, owner=self)

    def _on_merged(self, survivor: str, loser: str, moved: int) -> None:
        log.info("Person %s merged into %s (%d references moved)", loser, survivor, moved)
        self._set_busy(False)
        self.merged.emit(survivor)
        self.accept()

    def _on_merge_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, UserError):
            self.error.show_error(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress_label.setVisible(busy)
        for button in (self.back_button, self.merge_button, self.cancel_button):
            button.setEnabled(not busy)

    def reject(self) -> None:
        if not self.busy:  # the merge is on its way: it finishes, then the dialog closes
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        # Esc on the confirmation goes back a step rather than dropping every choice made.
        if event.key() == Qt.Key.Key_Escape and self.step == CONFIRMING and not self.busy:
            self.go_back()
            return
        super().keyPressEvent(event)

    # --- words -----------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Merge two records of one person"))
        self.heading.setText(_("Merge two records of one person"))
        self.intro.setText(_(
            "Choose which record to keep and, where the two differ, which value it keeps. Everything "
            "linked to the other record (contacts, consents, registrations, attendance, mentoring) "
            "moves to the kept record."
        ))
        self.loading_label.setText(_("Reading both records…"))
        self.back_button.setText(_("Back"))
        self.continue_button.setText(_("Continue…"))
        self.merge_button.setText(_("Merge"))
        self.cancel_button.setText(_("Close") if self.step == REFUSED else _("Cancel"))
        self.progress_label.setText(_("Merging…"))
        self.warning.setText(_(
            "Merging cannot be undone here. After sync, the merged record points to the kept record "
            "at every info point."
        ))
        if self.refusal is not None:
            self.refusal_error.show_error(self.refusal, tr)
        self.choices.retranslate(tr)
        if self.preview is not None:
            self._retranslate_summary(tr)

    def _retranslate_summary(self, tr: Translator) -> None:
        _ = tr.gettext
        choices = self.choices
        kept = choices.candidate(choices.survivor_side)
        gone = choices.candidate(1 - choices.survivor_side)
        parts = ["<p>" + escape(_("{kept} is kept. The record of {merged} is merged into it.").format(
            kept=_full_name(kept.person), merged=_full_name(gone.person))) + "</p>"]
        taken = choices.taken_fields()
        if taken:
            values = [f"{_(FIELD_LABELS[field])}: {value_text(tr, field, getattr(gone.person, field))}"
                      for field in taken]
            parts.append(_bullets(_("Values taken from the merged record:"), values))
        else:
            parts.append("<p>" + escape(_("Where the records differ, the kept record's values stay.")) + "</p>")
        moving = link_counts_text(tr, gone.links)
        if moving:
            parts.append(_bullets(_("Records that move to the kept record:"), moving))
        else:
            parts.append("<p>" + escape(_("No records are linked to the merged record.")) + "</p>")
        self.summary.setText("".join(parts))


def _full_name(person) -> str:
    return f"{person.first_name} {person.last_name}".strip()


def _bullets(title: str, items: list[str]) -> str:
    return (f"<p>{escape(title)}</p><ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>")
