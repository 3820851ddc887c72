"""The session form's composite fields: mentors to tick, the times with the live duration and
counted hours, the topics, and the agreed actions table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.enums import MentoringTopic
from sociolab_desktop.core.domain.labels import MENTORING_TOPICS, label
from sociolab_desktop.core.services.mentoring.session_parts import ActionInput
from sociolab_desktop.core.services.mentoring.time_rules import (
    duration_minutes,
    funder_hours,
)
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.dates import parse_typed_date

ID_ROLE = Qt.ItemDataRole.UserRole
ACTION_COLUMNS = (N_("Agreed action"), N_("Who"), N_("Due by"), N_("Done"))
DESCRIPTION, OWNER, DUE, DONE = range(4)


class MentorList(QListWidget):
    """Mentors to tick (Space ticks the current one); a session has one or more.

    Nothing is ever selected: a highlighted row would read as a chosen mentor although only the
    ticks choose. The current row (where Space ticks) shows as the focus frame while the list has
    the focus, and starts on the first mentor ticked."""

    VISIBLE_ROWS = 5

    def __init__(self) -> None:
        super().__init__(objectName="sessionMentors")
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setUniformItemSizes(True)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Whole rows, VISIBLE_ROWS of them: none cut in half at the bottom."""
        row = self.sizeHintForRow(0) if self.count() else -1
        if row <= 0:  # no mentor yet: a row as tall as a tick box or a line, the taller
            indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, self)
            row = max(self.fontMetrics().height(), indicator) + 2
        self.setFixedHeight(row * self.VISIBLE_ROWS + 2 * self.frameWidth())

    def _current_to_first_ticked(self) -> None:
        ticked = next((row for row in range(self.count())
                       if self.item(row).checkState() == Qt.CheckState.Checked), 0)
        if self.count():
            self.setCurrentRow(ticked)
            self.scrollToItem(self.item(ticked), QAbstractItemView.ScrollHint.EnsureVisible)

    def set_mentors(self, mentors: Sequence[tuple[str, str]]) -> None:
        ticked = set(self.ticked_ids())
        self.clear()
        for staff_id, name in mentors:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, staff_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if staff_id in ticked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self._fit_rows()
        self._current_to_first_ticked()

    def add_missing(self, mentors: Sequence[tuple[str, str]]) -> None:
        """Mentors a session names who are no longer in the list (left, or without the role)."""
        known = {self.item(row).data(ID_ROLE) for row in range(self.count())}
        self.set_mentors([*self.mentors(), *(pair for pair in mentors if pair[0] not in known)])

    def mentors(self) -> list[tuple[str, str]]:
        return [(self.item(row).data(ID_ROLE), self.item(row).text()) for row in range(self.count())]

    def ticked_ids(self) -> list[str]:
        return [self.item(row).data(ID_ROLE) for row in range(self.count())
                if self.item(row).checkState() == Qt.CheckState.Checked]

    def tick(self, staff_ids: Sequence[str]) -> None:
        wanted = set(staff_ids)
        for row in range(self.count()):
            item = self.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in wanted else Qt.CheckState.Unchecked)
        self._current_to_first_ticked()


class TimeFields(QWidget):
    """Start and end (24-hour clock) with the duration and the hours the funder counts."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.starts_edit = QTimeEdit(objectName="sessionStarts")
        self.ends_edit = QTimeEdit(objectName="sessionEnds")
        for edit in (self.starts_edit, self.ends_edit):
            edit.setDisplayFormat("HH:mm")
            edit.timeChanged.connect(lambda _time: self.changed.emit())
        self.to_label = QLabel("–")
        self.duration_label = QLabel(objectName="sessionDuration")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.starts_edit)
        layout.addWidget(self.to_label)
        layout.addWidget(self.ends_edit)
        layout.addSpacing(12)
        layout.addWidget(self.duration_label, 1)
        self.setFocusProxy(self.starts_edit)
        self._day = dt.date.today()

    def starts(self) -> dt.time:
        return self.starts_edit.time().toPython()

    def ends(self) -> dt.time:
        return self.ends_edit.time().toPython()

    def set_times(self, starts: dt.time, ends: dt.time) -> None:
        self.starts_edit.setTime(QTime(starts.hour, starts.minute))
        self.ends_edit.setTime(QTime(ends.hour, ends.minute))

    def set_day(self, day: QDate | dt.date) -> None:
        """The day matters on the two days a year the clocks change."""
        self._day = day.toPython() if isinstance(day, QDate) else day
        self.changed.emit()

    def minutes(self) -> int:
        return duration_minutes(self._day, self.starts(), self.ends())

    def show_duration(self, tr: Translator) -> None:
        minutes = self.minutes()
        if minutes < 0:
            text = tr.gettext("ends before it starts")
        else:
            text = tr.gettext("{duration}, counted {hours} h").format(
                duration=tr.format_duration(minutes), hours=tr.format_number(funder_hours(minutes)))
        self.duration_label.setText(text)

    def counted_text(self, tr: Translator) -> str:
        """The counted hours as shown ("1,5")."""
        return tr.format_number(funder_hours(max(0, self.minutes())))


class TopicChecks(QWidget):
    """One tick box per topic, two columns, in the order of MentoringTopic."""

    def __init__(self) -> None:
        super().__init__(objectName="sessionTopics")
        self.checks = {topic.value: QCheckBox(objectName=f"topic_{topic.value}") for topic in MentoringTopic}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        half = (len(self.checks) + 1) // 2
        for number, check in enumerate(self.checks.values()):
            grid.addWidget(check, number % half, number // half)
        self.setFocusProxy(next(iter(self.checks.values())))

    def chosen(self) -> list[str]:
        return [value for value, check in self.checks.items() if check.isChecked()]

    def set_chosen(self, values: Sequence[str]) -> None:
        for value, check in self.checks.items():
            check.setChecked(value in values)

    def retranslate(self, tr: Translator) -> None:
        for value, check in self.checks.items():
            check.setText(label(tr, MENTORING_TOPICS, value))


class ActionsTable(QWidget):
    """Agreed actions: what, who, by when (typed like any date: "30. 4. 2021"), done. Typing on a
    cell edits it; Tab leaves the table when not editing; Ctrl+Shift+A adds a row."""

    def __init__(self) -> None:
        super().__init__()
        self.table = QTableWidget(0, len(ACTION_COLUMNS), objectName="sessionActions")
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                                   & ~QAbstractItemView.EditTrigger.CurrentChanged)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((OWNER, 130), (DUE, 100), (DONE, 84)):
            header.resizeSection(column, width)
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button = QPushButton(objectName="addActionButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(objectName="removeActionButton")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        self._tr: Translator | None = None

    def add_row(self, action: ActionInput | None = None) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        description = QTableWidgetItem(action.description or "" if action else "")
        description.setData(ID_ROLE, action.id if action else None)
        self.table.setItem(row, DESCRIPTION, description)
        self.table.setItem(row, OWNER, QTableWidgetItem(action.owner or "" if action else ""))
        due = action.due_on if action else None
        self.table.setItem(row, DUE, QTableWidgetItem(self._date_text(due) if due else ""))
        done = QTableWidgetItem()
        done.setFlags((done.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
        done.setCheckState(Qt.CheckState.Checked if action and action.is_done else Qt.CheckState.Unchecked)
        self.table.setItem(row, DONE, done)
        self.table.blockSignals(False)
        if action is None:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.setCurrentCell(row, DESCRIPTION)
            self.table.editItem(description)
        return row

    def commit_editing(self) -> None:
        """What is typed in a cell counts even when Save comes before Enter."""
        editor = QApplication.focusWidget()
        if editor is not None and self.table.viewport().isAncestorOf(editor):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def set_actions(self, actions: Sequence) -> None:
        self.table.setRowCount(0)
        for action in actions:
            self.add_row(ActionInput(action.description, action.owner, action.due_on, action.is_done, action.id))

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def actions(self) -> tuple[list[ActionInput], list[int]]:
        """The rows as the service takes them, and the rows (from 0) whose due date is unreadable."""
        result, unreadable = [], []
        for row in range(self.table.rowCount()):
            typed = parse_typed_date(self._text(row, DUE))
            if not typed.readable:
                unreadable.append(row)
            done = self.table.item(row, DONE)
            result.append(ActionInput(self._text(row, DESCRIPTION) or None, self._text(row, OWNER) or None,
                                      typed.date, done is not None and done.checkState() == Qt.CheckState.Checked,
                                      self.table.item(row, DESCRIPTION).data(ID_ROLE)))
        return result, unreadable

    def _date_text(self, value: dt.date) -> str:
        return self._tr.format_date(value, "numeric") if self._tr else value.isoformat()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        """A readable due date is rewritten the way the window writes dates."""
        if item.column() != DUE:
            return
        typed = parse_typed_date(item.text())
        if typed.date is not None:
            self.table.blockSignals(True)
            item.setText(self._date_text(typed.date))
            self.table.blockSignals(False)

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.table.setHorizontalHeaderLabels([tr.gettext(text) for text in ACTION_COLUMNS])
        self.add_button.setText(tr.gettext("Add action"))
        self.add_button.setToolTip("Ctrl+Shift+A")
        self.remove_button.setText(tr.gettext("Remove action"))
