"""The prompt shown before a new person is saved when they may already be recorded: who, and why,
with "Open existing" (the default: a duplicate is easier to avoid than to merge) or "Save anyway"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services.person_search import (
    DUPLICATE_REASON_LABELS,
    DuplicateCandidate,
)
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.labels import section_heading
from sociolab_desktop.ui.shell_context import ShellContext

COLUMNS = (N_("Name"), N_("Date of birth"), N_("Municipality"), N_("E-mail"), N_("Why it matched"))
NAME, BIRTH, MUNICIPALITY, EMAIL, REASONS = range(len(COLUMNS))
COLUMN_WIDTHS = {NAME: 200, BIRTH: 105, MUNICIPALITY: 160, EMAIL: 220}
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DuplicateDialog(QDialog):
    """Shown with `open()`; `choice` is "open", "save" or None (back to the form)."""

    open_existing = Signal(str)  # the chosen person's id
    save_anyway = Signal()

    def __init__(self, ctx: ShellContext, candidates: list[DuplicateCandidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateDialog")
        self.ctx = ctx
        self.candidates = list(candidates)
        self.choice: str | None = None
        self.chosen_id: str | None = None

        self.heading = section_heading("duplicateHeading")
        self.intro = QLabel(objectName="duplicateIntro", wordWrap=True)
        self.table = QTreeWidget(objectName="duplicateTable")
        self.table.setColumnCount(len(COLUMNS))
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        for candidate in self.candidates:
            item = QTreeWidgetItem()
            item.setData(NAME, PERSON_ID_ROLE, candidate.id)
            self.table.addTopLevelItem(item)
        # Enter on a row and a double-click open that record, like in the client list.
        self.table.itemActivated.connect(lambda *_args: self._on_open_clicked())
        if self.candidates:
            self.table.setCurrentItem(self.table.topLevelItem(0))

        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_anyway_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ApplyRole)
        self.back_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setObjectName("openExistingButton")
        self.save_anyway_button.setObjectName("saveAnywayButton")
        self.back_button.setObjectName("backToFormButton")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.save_anyway_button.clicked.connect(self._on_save_anyway_clicked)
        self.back_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        rows = min(max(len(self.candidates), 3), 10)
        self.resize(940, 230 + rows * (self.table.fontMetrics().height() + 8))
        self.setWindowModality(Qt.WindowModality.WindowModal)

        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self.table.setFocus()

    def current_id(self) -> str | None:
        item = self.table.currentItem()
        return item.data(NAME, PERSON_ID_ROLE) if item is not None else None

    def _on_open_clicked(self) -> None:
        person_id = self.current_id()
        # Enter on a row arrives twice: as the row's activation and at the default button.
        if person_id is None or self.choice is not None:
            return
        self.choice, self.chosen_id = "open", person_id
        self.accept()
        self.open_existing.emit(person_id)

    def _on_save_anyway_clicked(self) -> None:
        if self.choice is not None:
            return
        self.choice = "save"
        self.accept()
        self.save_anyway.emit()

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        count = len(self.candidates)
        self.setWindowTitle(_("Possible duplicate"))
        self.heading.setText(_("This person may already be recorded"))
        self.intro.setText(
            tr.ngettext(
                "{count} person already recorded looks like the one you are entering. Open the existing "
                "record if it is the same person (Enter), or save anyway if it is someone else.",
                "{count} persons already recorded look like the one you are entering. Open the existing "
                "record if it is the same person (Enter), or save anyway if it is someone else.",
                count,
            ).format(count=tr.format_number(count))
        )
        self.table.setHeaderLabels([_(title) for title in COLUMNS])
        for row, candidate in enumerate(self.candidates):
            item = self.table.topLevelItem(row)
            item.setText(NAME, f"{candidate.first_name} {candidate.last_name}")
            item.setText(BIRTH, tr.format_date(candidate.birth_date, "numeric") if candidate.birth_date else "")
            item.setText(MUNICIPALITY, candidate.municipality_name or "")
            item.setText(EMAIL, candidate.email or "")
            item.setText(REASONS, ", ".join(_(DUPLICATE_REASON_LABELS[reason]) for reason in candidate.reasons))
            item.setToolTip(REASONS, item.text(REASONS))
        self.open_button.setText(_("Open existing"))
        self.save_anyway_button.setText(_("Save anyway"))
        self.back_button.setText(_("Back to the form"))
