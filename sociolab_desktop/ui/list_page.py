"""The scaffold of the area pages that list records (clients, organisations, events): title and
description, a search field that waits for a pause in typing, a row of filters with the count, the
lazy table, the screens shown instead of an empty table, and the keys (Ctrl+F, Ctrl+N, Down, Enter)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.areas import AREAS
from sociolab_desktop.ui.labels import area_title, mute, section_heading
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

# Long enough to let a word be typed, short enough to feel immediate.
SEARCH_DELAY_MS = 200
# What the list area shows: the table, or instead of an empty one the way to the first record
# (nothing recorded yet) or a word that nothing matches the search and filters.
TABLE, NONE_YET, NO_MATCH = range(3)


class SearchField(QLineEdit):
    """Esc clears what was typed (and the search with it); Down moves into the list.
    `search_requested` comes once typing pauses for SEARCH_DELAY_MS, at once on Enter, and when
    the field is emptied; a window that searches otherwise may ignore it."""

    down_pressed = Signal()
    search_requested = Signal()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pause_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.pause_timer.timeout.connect(self._request_search)
        self.textEdited.connect(lambda _text: self.pause_timer.start())  # restarted by every key
        self.returnPressed.connect(self._request_search)
        # The clear button changes the text without textEdited: follow textChanged to empty too.
        self.textChanged.connect(lambda text: text or self._request_search())

    def _request_search(self) -> None:
        self.pause_timer.stop()
        self.search_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class ListPage(QWidget):
    """An area's list page, named `name` (its AREAS key, and the prefix of its object names).

    A subclass builds, between `super().__init__()` and `set_up()`: `self.model` (a PagedListModel),
    `self.table` (ui/list_table.list_table over it), its filters and buttons. It gives
    `current_query()`, `count_text()`, `new_record()`, `activate()`, its texts as N_ class
    attributes (the empty screens only where NONE_YET_HEADING is set), and optionally
    `load_choices(store)` (run in a worker once the data opens) with `show_choices(choices)`."""

    SEARCH_HINT = ""
    NEW_TEXT = ""
    NONE_YET_HEADING = ""
    NONE_YET_TEXT = ""
    NONE_YET_BUTTON = ""
    NO_MATCH_TEXT = ""
    load_choices: Callable | None = None

    def __init__(self, ctx: ShellContext, name: str, *, new_button_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Page")
        self.ctx = ctx
        self.name = name
        self.area = next(area for area in AREAS if area.key == name)
        self.form = None  # the one "new …" form of `show_form`, while it is open
        self._choices_loaded = False

        self.title_label = area_title(f"{name}Title")
        self.body_label = QLabel(objectName=f"{name}Description", wordWrap=True)
        mute(self.body_label)  # muted: the list is what matters here
        self.search_edit = SearchField(objectName=f"{name}Search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.search_requested.connect(self._search_now)
        self.search_edit.down_pressed.connect(self._focus_list)
        self.search_timer = self.search_edit.pause_timer
        self.new_button = QPushButton(objectName=new_button_name)
        self.new_button.clicked.connect(lambda: self.new_record())
        # Window-wide while the page is shown (a hidden page's shortcuts are inactive).
        self.find_shortcut = self._shortcut(QKeySequence.StandardKey.Find, self.focus_search)
        self.new_shortcut = self._shortcut(QKeySequence.StandardKey.New, lambda: self.new_record())
        self.count_label = QLabel(objectName=f"{name}Count")
        self.filter_combos: tuple[QComboBox, ...] = ()

    def _shortcut(self, keys: QKeySequence.StandardKey, slot) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def set_up(self, filters: Sequence[QComboBox], buttons: Sequence[QWidget] = ()) -> None:
        """Lay the page out and start it: the end of the subclass's __init__. `buttons` stand
        after "New" beside the search field; `filters` are read by `current_query()`."""
        self.filter_combos = tuple(filters)
        for combo in self.filter_combos:
            combo.activated.connect(self._search_now)
        self.model.count_changed.connect(self._on_count_changed)
        # Enter on a row and a double-click both arrive as `activated` (per the platform's style).
        self.table.activated.connect(self._on_row_activated)
        self.list_stack = QStackedWidget(objectName=f"{self.name}ListStack")
        self.list_stack.addWidget(self.table)
        if self.NONE_YET_HEADING:
            self.list_stack.addWidget(self._build_none_yet())
            self.no_match_label = QLabel(objectName=f"{self.name}NoMatch", wordWrap=True)
            self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            mute(self.no_match_label)
            self.list_stack.addWidget(self.no_match_label)
        self._build_layout(buttons)
        for first, second in pairwise((self.search_edit, self.new_button, *buttons, *filters, self.table)):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.search_edit)
        self.ctx.workspace_opened.connect(self._on_workspace_opened)
        self.retranslate(self.ctx.tr)
        if self.ctx.is_open:
            self._on_workspace_opened()

    def _build_none_yet(self) -> QWidget:
        self.none_yet = QWidget(objectName=f"{self.name}NoneYet")
        self.none_yet_heading = section_heading(f"{self.name}NoneYetHeading")
        self.none_yet_text = QLabel(objectName=f"{self.name}NoneYetText", wordWrap=True)
        self.none_yet_button = QPushButton(objectName=f"{self.name}NoneYetButton")
        self.none_yet_button.clicked.connect(lambda: self.new_record())
        column = QVBoxLayout()
        column.addWidget(self.none_yet_heading)
        column.addWidget(self.none_yet_text)
        column.addSpacing(8)
        column.addWidget(self.none_yet_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(column, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self.none_yet)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return self.none_yet

    def _build_layout(self, buttons: Sequence[QWidget]) -> None:
        search_row = QHBoxLayout()
        search_row.setSpacing(8)
        search_row.addWidget(self.search_edit, 1)
        for button in (self.new_button, *buttons):
            search_row.addWidget(button)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        for combo in self.filter_combos:
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body_label)
        layout.addSpacing(4)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.list_stack, 1)

    # --- what subclasses give --------------------------------------------------------------

    def current_query(self):
        """The model's query for what is typed and chosen now."""
        raise NotImplementedError

    def count_text(self, tr: Translator, total: int) -> str:
        """The count ("{count} …") in the plural form for `total`: a literal ngettext call, so that
        the catalogue's extraction finds both forms."""
        raise NotImplementedError

    def new_record(self):
        """Ctrl+N, the "New …" button and the empty screen's button."""
        raise NotImplementedError

    def activate(self, record_id: str) -> None:
        """Enter or a double-click on the record's row."""
        raise NotImplementedError

    def show_choices(self, choices) -> None:
        """On the GUI thread, what `load_choices` read: fill the filters."""

    # --- searching -------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _search_now(self, *_args) -> None:
        self.search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)

    def refresh(self, *_args) -> None:
        """Read the list again (after a record was added, changed or deleted)."""
        self.model.refresh()

    def _on_workspace_opened(self) -> None:
        self.model.set_query(self.current_query())
        if self._choices_loaded or self.load_choices is None:
            return
        self._choices_loaded = True
        store, load = self.ctx.workspace.store, self.load_choices
        self.ctx.operations.run(lambda: load(store), on_success=self.show_choices, owner=self)

    def _focus_list(self) -> None:
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))

    # --- opening ---------------------------------------------------------------------------

    def _on_row_activated(self, index: QModelIndex) -> None:
        record_id = self.model.row_id(index.row())
        if record_id:
            log.info("%s: %s opened from the list", self.name, record_id)
            self.activate(record_id)

    def show_form(self, make_form: Callable[[], QWidget], open_saved: Callable[[str], object]):
        """The page's one form for a new record (the open one, if it is open), in front. Once it
        has saved, the list reads again and `open_saved` opens the new record: its next steps
        (an organisation's people, an event's participants) are there."""
        if not self.ctx.is_open:
            return None
        if self.form is None:
            self.form = make_form()

            def saved(record_id: str) -> None:
                self.refresh()
                open_saved(record_id)

            self.form.saved.connect(saved)
            self.form.finished.connect(self._on_form_finished)
        self.form.show()
        self.form.raise_()
        self.form.activateWindow()
        return self.form

    def _on_form_finished(self, _result: int) -> None:
        self.form.deleteLater()
        self.form = None

    # --- words -----------------------------------------------------------------------------

    def _on_count_changed(self) -> None:
        self._show_count()
        if self.list_stack.count() == 1:
            return  # no empty screens: the table shows whatever there is
        total = self.model.total
        none_yet = total == 0 and self.model.query.is_everything
        if total == 0:
            self.list_stack.setCurrentIndex(NONE_YET if none_yet else NO_MATCH)
        else:
            self.list_stack.setCurrentIndex(TABLE)
        for widget in (*self.filter_combos, self.count_label):
            widget.setHidden(none_yet)  # nothing to filter or count yet

    def _show_count(self) -> None:
        tr, total = self.ctx.tr, self.model.total
        self.count_label.setText(tr.gettext("Searching…") if total is None else self.count_text(tr, total))

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.title_label.setText(_(self.area.title))
        self.body_label.setText(_(self.area.description))
        self.search_edit.setPlaceholderText(_(self.SEARCH_HINT))
        self.new_button.setText(_(self.NEW_TEXT))
        self.new_button.setToolTip(self.new_shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
        if self.NONE_YET_HEADING:
            self.none_yet_heading.setText(_(self.NONE_YET_HEADING))
            self.none_yet_text.setText(_(self.NONE_YET_TEXT))
            self.none_yet_button.setText(_(self.NONE_YET_BUTTON))
            self.no_match_label.setText(_(self.NO_MATCH_TEXT))
        self.model.retranslate(tr)
        self._show_count()
