"""The door window's widgets and their arrangement: fonts that grow with the window, full screen.
The behaviour (searching, checking in, undo) lives in checkin_window.CheckInWindow."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services.events.checkin import CheckInReceipt
from sociolab_desktop.core.services.events.sessions import SessionInfo
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.events.checkin.door_banner import DoorBanner
from sociolab_desktop.ui.events.checkin.door_counters import DoorCounters
from sociolab_desktop.ui.events.checkin.door_sessions import (
    session_choice_text,
    session_heading,
)
from sociolab_desktop.ui.events.checkin.roster_list import DoorSearchField, RosterList
from sociolab_desktop.ui.labels import area_title
from sociolab_desktop.ui.shell_context import ShellContext

SEARCH_DELAY_MS = 100  # a person's typing pauses longer; a scanner's code is acted on at its Enter anyway
DEFAULT_SIZE = (1280, 720)
# Font sizes relative to the system font, at a 720-pixel-high window; they grow up to MAX_SCALE.
FACTORS = {"search": 2.0, "title": 1.6, "session": 1.15, "buttons": 1.1, "hints": 0.95, "headline": 1.9,
           "detail": 1.2, "caption": 1.25, "number": 2.8, "list": 1.35}
MAX_SCALE = 2.2


class DoorView(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self._scale = 0.0
        system = QApplication.font().pointSizeF()
        self._base_points = system if system > 0 else 10.0

        self.title_label = area_title("doorTitle")
        self.title_label.setWordWrap(True)
        self.session_combo = QComboBox(objectName="doorSessionSwitcher")
        self.session_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.session_label = QLabel(objectName="doorSessionHeading")
        self.not_today_label = QLabel(objectName="doorNotToday", wordWrap=True)
        self.not_today_label.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.not_today_label.hide()
        self.full_screen_button = QPushButton(objectName="fullScreenButton")
        self.full_screen_button.clicked.connect(self.toggle_full_screen)

        self.search_edit = DoorSearchField(objectName="doorSearch")
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.banner = DoorBanner()
        self.roster = RosterList()
        self.more_label = QLabel(objectName="doorMoreRows", wordWrap=True)
        self.more_label.setStyleSheet("color: #4b5563;")
        self.more_label.hide()

        self.counters = DoorCounters()
        self.undo_button = QPushButton(objectName="undoButton")
        self.walk_in_button = QPushButton(objectName="walkInButton")
        self.sound_check = QCheckBox(objectName="doorSound", checked=True)
        self.hint_label = QLabel(objectName="doorHints", wordWrap=True)
        self.hint_label.setStyleSheet("color: #4b5563;")
        for widget in (self.full_screen_button, self.undo_button, self.walk_in_button, self.sound_check):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # every key keeps going to the search field
        self._arrange()
        self.resize(*DEFAULT_SIZE)

    def _arrange(self) -> None:
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title_label)
        heading.addWidget(self.session_label)
        heading.addWidget(self.not_today_label)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.session_combo, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.full_screen_button, 0, Qt.AlignmentFlag.AlignTop)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.search_edit)
        left.addWidget(self.banner)
        left.addWidget(self.roster, 1)
        left.addWidget(self.more_label)
        side = QVBoxLayout()
        side.setSpacing(10)
        side.addWidget(self.counters)
        side.addWidget(self.undo_button)
        side.addWidget(self.walk_in_button)
        side.addWidget(self.sound_check)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.setSpacing(16)
        middle.addLayout(left, 3)
        middle.addLayout(side, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 10)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.hint_label)

    # --- full screen and fonts ----------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showMaximized()
        else:
            self.showFullScreen()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self.retranslate_view(self.ctx.tr)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.apply_scale()

    def apply_scale(self) -> None:
        """Fonts grow with the window, from the system's size: readable from a step away."""
        scale = max(1.0, min(MAX_SCALE, self.height() / DEFAULT_SIZE[1]))
        if abs(scale - self._scale) < 0.04:
            return
        self._scale = scale
        points = {key: self._base_points * scale * factor for key, factor in FACTORS.items()}
        for widget, key in ((self.search_edit, "search"), (self.title_label, "title"), (self.session_label, "session"),
                            (self.not_today_label, "session"), (self.undo_button, "buttons"),
                            (self.walk_in_button, "buttons"), (self.hint_label, "hints"),
                            (self.more_label, "hints"), (self.session_combo, "hints"),
                            (self.full_screen_button, "hints"), (self.sound_check, "hints")):
            font = widget.font()
            font.setPointSizeF(points[key])
            widget.setFont(font)
        self.banner.set_fonts(points["headline"], points["detail"])
        self.counters.set_fonts(points["caption"], points["number"])
        self.roster.set_point_size(points["list"], self.ctx.tr)

    # --- texts that depend on nothing but the language ---------------------------------------------

    def retranslate_view(self, tr: Translator) -> None:
        _ = tr.gettext
        self.session_combo.setPlaceholderText(_("Choose the session"))
        self.search_edit.setPlaceholderText(_("Type a name or scan a registration code"))
        self.banner.set_ready_hint(_("Ready: type a name or scan a code, then press Enter."))
        self.walk_in_button.setText(_("New walk-in…"))
        self.walk_in_button.setToolTip(_("Add a person who did not register and check them in (F2, Ctrl+N)"))
        self.sound_check.setText(_("Beep when a check-in is refused"))
        self.hint_label.setText(_("Enter: check in · ↑ ↓: choose · F2: walk-in · Ctrl+Z: undo · F5: refresh · "
                                  "Esc: clear · F11: full screen"))
        self.full_screen_button.setText(_("Leave full screen (F11)") if self.isFullScreen()
                                        else _("Full screen (F11)"))
        self.counters.retranslate(tr)
        self.roster.retranslate(tr)

    # --- texts that depend on the window's state -------------------------------------------------
        self.session_combo.setToolTip(tr.gettext(
            "The session people are checked in for. Today's session is chosen when the window opens; choose another "
            "here."))

    def show_session(self, tr: Translator, sessions: list[SessionInfo], current: SessionInfo | None) -> None:
        for index, row in enumerate(sessions):
            self.session_combo.setItemText(index, session_choice_text(tr, sessions, row))
        self.session_label.setText(session_heading(tr, current) if current else "")
        not_today = current is not None and current.session_date != dt.date.today()
        self.not_today_label.setText(tr.gettext("This session is on {date}, not today: check that it is the right "
                                                "one.").format(date=tr.format_date(current.session_date, "numeric"))
                                     if not_today else "")
        self.not_today_label.setVisible(not_today)

    def show_more(self, tr: Translator, more: bool, limit: int) -> None:
        """Says so when the list is cut at `limit` rows (the rest are found by typing)."""
        self.more_label.setText(tr.gettext("Only the first {count} are listed: type part of a name to find the "
                                           "others.").format(count=limit) if more else "")
        self.more_label.setVisible(more)

    def show_undo(self, tr: Translator, last: CheckInReceipt | None) -> None:
        self.undo_button.setEnabled(last is not None)
        self.undo_button.setText(tr.gettext("Undo: {name}").format(name=last.full_name) if last
                                 else tr.gettext("Undo the last check-in"))
        self.undo_button.setToolTip(tr.gettext("Take back the last check-in (Ctrl+Z)"))
