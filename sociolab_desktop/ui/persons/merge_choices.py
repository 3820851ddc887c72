"""The two records side by side: which record is kept and, field by field, which value."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services.person_operations import MERGEABLE_FIELDS, MergePreview
from sociolab_desktop.core.services.timeline import local_date
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.labels import section_heading
from sociolab_desktop.ui.persons.merge_text import (
    FIELD_LABELS,
    LINK_LABELS,
    short_text,
    value_text,
)

FIRST, SECOND = 0, 1
EMPTY = "—"  # an empty value, in any language
VALUE_COLUMNS = (1, 2)
# A radio button reacts to clicks on its circle and text only: kept as wide as those, not the column.
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass
class FieldRow:
    """One field: its label, and two buttons where the values differ, else one shared text."""

    field: str
    values: tuple[object, object]
    label: QLabel
    buttons: tuple[QRadioButton, QRadioButton] | None = None
    group: QButtonGroup | None = None
    same: QLabel | None = None

    @property
    def differs(self) -> bool:
        return self.buttons is not None

    def filled(self, side: int) -> bool:
        return self.values[side] not in (None, "")


def _muted(label: QLabel) -> QLabel:
    """Secondary text: greyer than the values, darker than a disabled label."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class MergeChoices(QScrollArea):
    """Shows a MergePreview; `survivor_side`, `chosen_side(field)` and `take_from_loser()` say
    what staff chose. Defaults: the first record is kept; where one value is empty the filled
    one wins, else the kept record's; a value staff clicked stays as clicked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeChoices")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.preview: MergePreview | None = None
        self.rows: dict[str, FieldRow] = {}
        self.keep_buttons: tuple[QRadioButton, QRadioButton] | None = None
        self._clicked: set[str] = set()  # fields whose value staff chose themselves
        self._tr: Translator | None = None

    # --- building --------------------------------------------------------------------------

    def show_preview(self, preview: MergePreview, tr: Translator) -> None:
        self.preview = preview
        self._tr = tr
        body = QWidget(objectName="mergeChoicesBody")
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnMinimumWidth(0, 170)

        self.keep_group = QButtonGroup(self)
        self.name_labels, self.origin_labels = [], []
        keep = []
        for side, column in zip((FIRST, SECOND), VALUE_COLUMNS, strict=True):
            name = section_heading(f"mergeName{side}")
            name.setWordWrap(True)
            origin = _muted(QLabel(objectName=f"mergeOrigin{side}", wordWrap=True))
            button = QRadioButton(objectName=f"keepRecord{side}")
            self.keep_group.addButton(button, side)
            grid.addWidget(name, 0, column)
            grid.addWidget(button, 1, column, LEFT)
            grid.addWidget(origin, 2, column)
            self.name_labels.append(name)
            self.origin_labels.append(origin)
            keep.append(button)
        self.keep_buttons = tuple(keep)
        keep[FIRST].setChecked(True)
        self.keep_group.idClicked.connect(self._on_keep_clicked)

        self.details_heading = section_heading("mergeDetailsHeading")
        grid.addWidget(self.details_heading, 3, 0, 1, 3)
        row_number = 4
        differing = set(preview.differing_fields())
        for field in MERGEABLE_FIELDS:
            values = (getattr(preview.first.person, field), getattr(preview.second.person, field))
            row = FieldRow(field, values, QLabel(objectName=f"mergeLabel_{field}", wordWrap=True))
            row.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(row.label, row_number, 0)
            if field in differing:
                row.group = QButtonGroup(self)
                row.buttons = (QRadioButton(objectName=f"merge_{field}_0"), QRadioButton(objectName=f"merge_{field}_1"))
                for side, button in enumerate(row.buttons):
                    row.group.addButton(button, side)
                    grid.addWidget(button, row_number, VALUE_COLUMNS[side], LEFT)
                row.group.idClicked.connect(lambda side, field=field: self._on_value_clicked(field, side))
            else:
                row.same = QLabel(objectName=f"mergeSame_{field}")
                row.same.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(row.same, row_number, 1, 1, 2)
            self.rows[field] = row
            row_number += 1

        self.links_heading = section_heading("mergeLinksHeading")
        grid.addWidget(self.links_heading, row_number, 0, 1, 3)
        self.links_note = _muted(QLabel(objectName="mergeLinksNote", wordWrap=True))
        grid.addWidget(self.links_note, row_number + 1, 0, 1, 3)
        row_number += 2
        self.link_rows: list[tuple[QLabel, QLabel, QLabel]] = []
        for name, _label in LINK_LABELS:
            cells = (QLabel(objectName=f"mergeLinkLabel_{name}"), QLabel(objectName=f"mergeLinks_{name}_0"),
                     QLabel(objectName=f"mergeLinks_{name}_1"))
            for column, cell in enumerate(cells):
                grid.addWidget(cell, row_number, column)
            self.link_rows.append(cells)
            row_number += 1
        grid.setRowStretch(row_number, 1)
        self.setWidget(body)
        self._apply_defaults()
        self.retranslate(tr)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Top to bottom: the kept record, then each choosable field (arrows move within a row)."""
        chain = [self.keep_buttons[FIRST], self.keep_buttons[SECOND]]
        for row in self.rows.values():
            if row.buttons:
                chain += list(row.buttons)
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    # --- choices ---------------------------------------------------------------------------

    @property
    def survivor_side(self) -> int:
        return self.keep_group.checkedId() if self.keep_buttons else FIRST

    def survivor_id(self) -> str:
        return self.candidate(self.survivor_side).person.id

    def loser_id(self) -> str:
        return self.candidate(1 - self.survivor_side).person.id

    def candidate(self, side: int):
        return self.preview.first if side == FIRST else self.preview.second

    def chosen_side(self, field: str) -> int | None:
        """Whose value the field keeps (None: both records hold the same value)."""
        row = self.rows[field]
        return row.group.checkedId() if row.differs else None

    def take_from_loser(self) -> dict[str, bool]:
        """What merge_persons needs: for each choosable field, whether the merged record's value wins."""
        loser = 1 - self.survivor_side
        return {field: row.group.checkedId() == loser for field, row in self.rows.items() if row.differs}

    def taken_fields(self) -> list[str]:
        return [field for field, take in self.take_from_loser().items() if take]

    def _apply_defaults(self) -> None:
        for field, row in self.rows.items():
            if not row.differs or field in self._clicked:
                continue
            side = self.survivor_side
            if not row.filled(side) and row.filled(1 - side):
                side = 1 - side
            row.buttons[side].setChecked(True)

    def _on_keep_clicked(self, _side: int) -> None:
        self._apply_defaults()
        if self._tr is not None:
            self._retranslate_origins(self._tr)
        self.changed.emit()

    def _on_value_clicked(self, field: str, _side: int) -> None:
        self._clicked.add(field)
        self.changed.emit()

    # --- words -----------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        if self.preview is None:
            return
        _ = tr.gettext
        for side in (FIRST, SECOND):
            person = self.candidate(side).person
            self.name_labels[side].setText(f"{person.first_name} {person.last_name}".strip())
            self.keep_buttons[side].setText(_("Keep this record"))
        self._retranslate_origins(tr)
        self.details_heading.setText(_("Details"))
        for field, row in self.rows.items():
            row.label.setText(_(FIELD_LABELS[field]))
            texts = [value_text(tr, field, value) for value in row.values]
            if row.differs:
                for button, text in zip(row.buttons, texts, strict=True):
                    button.setText(short_text(text) if text else EMPTY)
                    button.setToolTip(text if len(text) > len(button.text()) else "")
            else:
                row.same.setText(short_text(texts[0]) if texts[0] else EMPTY)
                row.same.setToolTip(texts[0] if texts[0] != row.same.text() else "")
                row.same.setEnabled(bool(texts[0]))  # an empty value is muted
        self.links_heading.setText(_("Linked records"))
        self.links_note.setText(_("Everything linked to the merged record moves to the kept record."))
        for (name, label), cells in zip(LINK_LABELS, self.link_rows, strict=True):
            cells[0].setText(_(label))
            for side in (FIRST, SECOND):
                cells[1 + side].setText(tr.format_number(getattr(self.candidate(side).links, name)))

    def _retranslate_origins(self, tr: Translator) -> None:
        for side in (FIRST, SECOND):
            candidate = self.candidate(side)
            created = candidate.person.created_at
            parts = []
            if created is not None:
                parts.append(tr.gettext("recorded on {date}").format(date=tr.format_date(local_date(created))))
            if candidate.site_name:
                parts.append(candidate.site_name)
            total = candidate.links.total  # the kinds are listed at the bottom
            parts.append(tr.ngettext("{count} linked record", "{count} linked records", total).format(
                count=tr.format_number(total)))
            role = (tr.gettext("Kept") if side == self.survivor_side
                    else tr.gettext("Merged into the kept record"))
            self.origin_labels[side].setText(" · ".join([role, *parts]))
