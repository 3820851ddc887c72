"""The sessions part of the event form: one row per session (date, start, end, hours, title, venue),
each with its own error line; rows are added and removed here and saved with the event."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services.events.sessions import (
    MAX_TITLE,
    SessionInfo,
    SessionInput,
)
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.dates import date_edit, from_qdate, set_date_format
from sociolab_desktop.ui.forms.field_marks import ErrorLine
from sociolab_desktop.ui.labels import mute

HEADERS = (N_("Date"), N_("Start"), N_("End"), N_("Hours"), N_("Title (optional)"), N_("Venue, if not the event's"))
WIDTHS = (125, 72, 72, 60, None, 190)  # None: the title takes what is left
DEFAULT_TIMES = (dt.time(9, 0), dt.time(12, 0))


def _time_edit(value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")  # the same in both languages; typing 0930 fills it
    return edit


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


class SessionRow(QWidget):
    """One session's editors. `session` is the stored session (None for a new one); a removed
    stored row is only hidden until the event is saved, so a refused delete can come back."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, session: SessionInfo | None, day: dt.date, times: tuple[dt.time, dt.time]) -> None:
        super().__init__()
        self.setObjectName("sessionRow")
        self.session = session
        self.removed = False
        # Hours typed elsewhere (45-minute teaching hours) are kept while the times stay the same.
        self._kept_hours = None
        if session is not None:
            day, times = session.session_date, (session.starts_at, session.ends_at)
            span = round((_minutes(session.ends_at) - _minutes(session.starts_at)) / 60, 2)
            self._kept_hours = session.hours if session.hours != span else None
        self._kept_times = times
        self.date_edit = date_edit("sessionDate", day)
        self.start_edit = _time_edit(times[0])
        self.start_edit.setObjectName("sessionStart")
        self.end_edit = _time_edit(times[1])
        self.end_edit.setObjectName("sessionEnd")
        self.hours_label = QLabel(objectName="sessionHours")
        self.title_edit = QLineEdit((session.title or "") if session else "", objectName="sessionTitle")
        self.title_edit.setMaxLength(MAX_TITLE)
        self.venue_edit = QLineEdit((session.venue or "") if session else "", objectName="sessionVenue")
        self.venue_edit.setMaxLength(MAX_TITLE)
        self.remove_button = QToolButton(objectName="removeSessionButton", text="✕")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.error_label = ErrorLine(object_name="sessionError")
        editors = (self.date_edit, self.start_edit, self.end_edit, self.hours_label, self.title_edit,
                   self.venue_edit)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for editor, width in zip(editors, WIDTHS, strict=True):
            if width:
                editor.setFixedWidth(width)
            row.addWidget(editor, 0 if width else 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        for signal in (self.date_edit.dateChanged, self.start_edit.timeChanged, self.end_edit.timeChanged,
                       self.title_edit.textChanged, self.venue_edit.textChanged):
            signal.connect(self._on_edited)
        self.setFocusProxy(self.date_edit)

    def widgets_in_order(self) -> list[QWidget]:
        return [self.date_edit, self.start_edit, self.end_edit, self.title_edit, self.venue_edit, self.remove_button]

    def times(self) -> tuple[dt.time, dt.time]:
        start, end = self.start_edit.time(), self.end_edit.time()
        return dt.time(start.hour(), start.minute()), dt.time(end.hour(), end.minute())

    def day(self) -> dt.date:
        return from_qdate(self.date_edit.date())

    def hours(self) -> float | None:
        """What the session counts: the kept hours, else the time between start and end (None if none)."""
        start, end = self.times()
        if self._kept_hours is not None and (start, end) == self._kept_times:
            return self._kept_hours
        span = _minutes(end) - _minutes(start)
        return round(span / 60, 2) if span > 0 else None

    def read(self) -> SessionInput:
        start, end = self.times()
        kept = self._kept_hours if self._kept_hours is not None and (start, end) == self._kept_times else None
        return SessionInput(self.day(), start, end, kept, self.title_edit.text().strip() or None,
                            self.venue_edit.text().strip() or None)

    def time_error(self, tr: Translator) -> str:
        """The end before the start, in words (the service refuses it too, in the same words)."""
        start, end = self.times()
        if end > start:
            return ""
        return tr.gettext("The session ends at {end}, which is not after its start at {start}. Correct the "
                          "times.").format(end=end.strftime("%H:%M"), start=start.strftime("%H:%M"))

    @property
    def error(self) -> str:
        return self.error_label.error

    def show_error(self, text: str) -> None:
        self.error_label.show_text(text)

    def retranslate(self, tr: Translator) -> None:
        set_date_format(self.date_edit, tr)
        hours = self.hours()
        self.hours_label.setText(tr.format_hours(hours) if hours is not None else "–")
        self.remove_button.setToolTip(tr.gettext("Remove this session"))
        self.title_edit.setPlaceholderText(tr.gettext("e.g. Module 1: business model"))
        if self.error and self.time_error(tr):
            self.show_error(self.time_error(tr))
        self._tr = tr

    def _on_edited(self, *_args) -> None:
        tr = getattr(self, "_tr", None)
        if tr is not None:
            hours = self.hours()
            self.hours_label.setText(tr.format_hours(hours) if hours is not None else "–")
            # The row's own mistake shows as soon as it is made, and goes once corrected.
            self.show_error(self.time_error(tr))
        self.changed.emit()


class SessionRowsEditor(QWidget):
    """The header, the rows in a scroll area, and the total hours."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionRowsEditor")
        self.rows: list[SessionRow] = []
        self._tr: Translator | None = None
        self.header_labels = [QLabel() for _header in HEADERS]
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(6)
        for label, width in zip(self.header_labels, WIDTHS, strict=True):
            mute(label)
            if width:
                label.setFixedWidth(width)
            header.addWidget(label, 0 if width else 1)
        header.addSpacing(QToolButton().sizeHint().width() + 6)
        self.rows_box = QWidget(objectName="sessionRows")
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(4)
        self.none_label = QLabel(objectName="noSessionsLabel", wordWrap=True)
        mute(self.none_label)
        self.rows_layout.addWidget(self.none_label)
        self.rows_layout.addStretch(1)
        self.scroll = QScrollArea(objectName="sessionRowsScroll")
        self.scroll.setWidget(self.rows_box)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.total_label = QLabel(objectName="sessionsTotal")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.total_label)

    def live_rows(self) -> list[SessionRow]:
        return [row for row in self.rows if not row.removed]

    def removed_rows(self) -> list[SessionRow]:
        return [row for row in self.rows if row.removed and row.session is not None]

    def set_sessions(self, sessions) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for session in sessions:
            self._add(SessionRow(session, session.session_date, DEFAULT_TIMES))
        self._update()

    def add_session(self) -> SessionRow:
        """A new row a week after the last one, at the same times (most programmes are weekly)."""
        live = self.live_rows()
        if live:
            day, times = live[-1].day() + dt.timedelta(weeks=1), live[-1].times()
        else:
            day, times = dt.date.today(), DEFAULT_TIMES
        row = self._add(SessionRow(None, day, times))
        self._update()
        self.changed.emit()
        row.date_edit.setFocus()
        self.scroll.ensureWidgetVisible(row)
        return row

    def _add(self, row: SessionRow) -> SessionRow:
        row.changed.connect(self._on_row_changed)
        row.remove_requested.connect(self.remove_row)
        self.rows.append(row)
        self.rows_layout.insertWidget(self.rows_layout.count() - 1, row)
        if self._tr is not None:
            row.retranslate(self._tr)
        return row

    def remove_row(self, row: SessionRow) -> None:
        position = self.live_rows().index(row)
        if row.session is None:
            self.rows.remove(row)
            row.deleteLater()
        else:
            row.removed = True
            row.hide()
        self._update()
        self.changed.emit()
        live = self.live_rows()
        if live:
            live[min(position, len(live) - 1)].remove_button.setFocus()

    def restore_row(self, row: SessionRow) -> None:
        """A removal the service refused: the row is back, with the reason."""
        row.removed = False
        row.show()
        self._update()

    def _on_row_changed(self) -> None:
        self._update()
        self.changed.emit()

    def _update(self) -> None:
        live = self.live_rows()
        self.none_label.setVisible(not live)
        if self._tr is not None:
            total = sum(row.hours() or 0 for row in live)
            self.total_label.setText(self._tr.ngettext(
                "{count} session, {hours} in all", "{count} sessions, {hours} in all", len(live)).format(
                count=self._tr.format_number(len(live)), hours=self._tr.format_hours(total)))

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        for label, header in zip(self.header_labels, HEADERS, strict=True):
            label.setText(tr.gettext(header))
        self.none_label.setText(tr.gettext("No sessions yet. Add one for each day the event takes place "
                                           "(Ctrl+Shift+A)."))
        for row in self.rows:
            row.retranslate(tr)
        self._update()

