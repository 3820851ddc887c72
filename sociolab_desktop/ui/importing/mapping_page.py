"""The import wizard's second page: for each column of the file, the field it fills (or none).

The service proposes a field for each column from its header; staff change it with the column's
list. Next stays disabled while a required field has no column, with the reason shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from sociolab_desktop.core.services import importing
from sociolab_desktop.core.services.importing.fields import FULL_NAME, field_by_name
from sociolab_desktop.core.services.importing.messages import column_letter
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.importing.import_state import ImportState
from sociolab_desktop.ui.importing.import_text import samples
from sociolab_desktop.ui.labels import bold_label, mute
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.shell_context import ShellContext

HEADINGS = (N_("Column"), N_("Heading in the file"), N_("First values"), N_("Import as"))
DO_NOT_IMPORT = N_("Do not import")
SAMPLE_SEPARATOR = "  ·  "


class FieldCombo(QComboBox):
    """A wheel turned over the page scrolls the page, not the choice of a column it passes over."""

    def __init__(self, column: int) -> None:
        super().__init__(objectName=f"importField_{column}")
        self.column = column
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMaxVisibleItems(20)
        # Wide enough for the usual labels; the list itself opens as wide as its longest entry.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class ElidedLabel(QLabel):
    """One line that ends in "…" when the column is narrower than its text."""

    def __init__(self, object_name: str) -> None:
        super().__init__(objectName=object_name)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width()))


class MappingPage(QWizardPage):
    def __init__(self, ctx: ShellContext, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importMappingPage")
        self.ctx = ctx
        self.state = state
        self.combos: list[FieldCombo] = []
        self.samples_labels: list[ElidedLabel] = []
        self._built_for: tuple | None = None  # the file and kind the rows were made for
        self.missing: list[str] = []  # ImportField names of the required fields without a column
        self.notices: list[importing.Message] = []

        self.grid_widget = QWidget(objectName="importMappingGrid")
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setHorizontalSpacing(16)
        self.grid.setColumnStretch(2, 1)
        self.heading_labels = [bold_label(f"importMappingHeading{i}", 1.0) for i in range(len(HEADINGS))]
        self.scroll = QScrollArea(objectName="importMappingScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab goes from list to list; the area scrolls to show the one with focus.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setWidget(self.grid_widget)
        self.error = InlineError()
        self.notice_label = QLabel(wordWrap=True, objectName="importMappingNotices")
        mute(self.notice_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.notice_label)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        table, kind = self.state.table, self.state.kind
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None and item.widget() not in self.heading_labels:
                item.widget().deleteLater()
        for column, label in enumerate(self.heading_labels):
            self.grid.addWidget(label, 0, column)
        self.combos, self.samples_labels = [], []
        fields = importing.import_fields(kind)
        for index, header in enumerate(table.headers):
            row = index + 1
            self.grid.addWidget(QLabel(column_letter(index)), row, 0)
            header_label = QLabel(header, objectName=f"importHeader_{index}")
            self.grid.addWidget(header_label, row, 1)
            # Long values give way to the lists (the whole values are in the tooltip).
            sample_label = ElidedLabel(f"importSamples_{index}")
            self.samples_labels.append(sample_label)
            self.grid.addWidget(sample_label, row, 2)
            combo = FieldCombo(index)
            combo.addItem("", None)
            for field in fields:
                combo.addItem("", field.name)
            combo.activated.connect(lambda _i, combo=combo: self._on_field_chosen(combo))
            header_label.setBuddy(combo)
            self.grid.addWidget(combo, row, 3)
            self.combos.append(combo)
        self.grid.setRowStretch(len(table.headers) + 1, 1)
        self.state.mapping = importing.propose_mapping(kind, table.headers)
        self._built_for = self._source_key()
        self.retranslate(self.ctx.tr)
        self._show_mapping()

    def _show_mapping(self) -> None:
        for combo, field in zip(self.combos, self.state.mapping.fields, strict=True):
            combo.setCurrentIndex(max(combo.findData(field), 0))
        self._check()

    def _on_field_chosen(self, combo: FieldCombo) -> None:
        # Another column that filled the same field lets go of it (the service's rule).
        self.state.mapping = self.state.mapping.with_column(combo.column, combo.currentData())
        self._show_mapping()

    def choose(self, column: int, field: str | None) -> None:
        """Assign column `column` to `field` (None: not imported), as choosing in its list does."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field))
        self._on_field_chosen(combo)

    def _check(self) -> None:
        state = self.state
        try:
            self.notices = importing.check_mapping(state.kind, state.table.headers, state.mapping)
            self.missing = []
        except importing.MissingColumns as missing:
            self.notices, self.missing = [], list(missing.missing)
        self._show_messages(self.ctx.tr)
        self.completeChanged.emit()

    # --- words -----------------------------------------------------------------------------

    def missing_text(self, tr: Translator) -> str:
        if not self.missing:
            return ""
        kind = self.state.kind
        # The quotes are the language's own ("„…“" in Slovenian): they are part of the message.
        labels = ", ".join(tr.gettext("“{field}”").format(field=tr.gettext(field_by_name(kind, name).label))
                           for name in self.missing)
        text = tr.ngettext("Choose the column that holds {fields}: the import cannot go on without it.",
                           "Choose the columns that hold {fields}: the import cannot go on without them.",
                           len(self.missing)).format(fields=labels)
        if kind == importing.PEOPLE:
            both = field_by_name(kind, FULL_NAME).label
            text += " " + tr.gettext("One column with “{both}” together will do as well.").format(
                both=tr.gettext(both))
        return text

    def _show_messages(self, tr: Translator) -> None:
        self.error.show_text(self.missing_text(tr))
        self.notice_label.setText("\n".join(notice.render(tr) for notice in self.notices))
        self.notice_label.setVisible(bool(self.notices))

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setTitle(_("Which column holds what"))
        self.setSubTitle(_("Columns were matched by their headings. Check them and change any that are wrong; "
                           "columns set to “Do not import” are left out."))
        for label, heading in zip(self.heading_labels, HEADINGS, strict=True):
            label.setText(_(heading))
        if self.state.table is None or not self.combos:
            return
        fields = {field.name: field for field in importing.import_fields(self.state.kind)}
        tip = _("The field this column's values go into; “{skip}” leaves the column out.").format(
            skip=_(DO_NOT_IMPORT))
        for combo in self.combos:
            combo.setToolTip(tip)
            combo.setItemText(0, _(DO_NOT_IMPORT))
            for row in range(1, combo.count()):
                combo.setItemText(row, _(fields[combo.itemData(row)].label))
        for index, label in enumerate(self.samples_labels):
            values = samples(self.state.table, index, tr)
            label.set_full_text(SAMPLE_SEPARATOR.join(values) if values else _("(empty)"))
            label.setToolTip("\n".join(values))
        self._show_messages(tr)

    # --- QWizardPage -----------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        # Coming back from the preview keeps what was chosen; a new file or kind starts afresh.
        if self._built_for != self._source_key():
            self._build()
        else:
            self.retranslate(self.ctx.tr)  # the same columns read again: new samples
        if self.combos:
            self.combos[0].setFocus()

    def _source_key(self) -> tuple:
        table = self.state.table
        return (table.path, table.sheet, table.headers, self.state.kind)

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return bool(self.combos) and not self.missing
