"""A dialog's pane for finding a person by typing: the field, the persons found (the highlighted one
is the choice) and a line that counts them or says what to do when none or too many match."""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.list_page import SearchField
from sociolab_desktop.ui.search_picker import MAX_FOUND, LiveSearch, find_persons
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.labels import mute

PERSON_ROLE = Qt.ItemDataRole.UserRole
PLACEHOLDER = N_("Type part of the name, e-mail, phone or EMŠO")


def person_text(row) -> str:
    """"Surname Name · municipality · e-mail" of a person_search row."""
    parts = [f"{row.last_name} {row.first_name}", row.municipality_name, row.email]
    return " · ".join(part for part in parts if part)


class _FinderField(SearchField):
    """Enter acts on the highlighted person when the list answers what was typed; otherwise it
    searches at once."""

    def __init__(self, finder: PersonFinder, **kwargs) -> None:
        super().__init__(**kwargs)
        self._finder = finder

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._finder.answers_text():
            self._finder.chosen.emit()
            return
        super().keyPressEvent(event)


class PersonFinder(QWidget):
    """`object_name` prefixes the parts' names ("…Search", "…Results", "…Found"); `none_found`
    (an N_ message) says what to do when nobody matches; `describe(tr, row)` words a row."""

    chosen = Signal()  # a person found was double-clicked, or Enter pressed on them

    def __init__(self, ctx: ShellContext, object_name: str, none_found: str, *,
                 describe: Callable[[Translator, object], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.ctx, self.none_found = ctx, none_found
        # Weakly: the dialog's own method would otherwise tie the dialog and its finder in a cycle.
        self._describe = weakref.WeakMethod(describe) if hasattr(describe, "__self__") else describe
        self.search = LiveSearch(ctx, self, find_persons, self._on_found)
        self.field = _FinderField(self, objectName=f"{object_name}Search")
        self.field.setClearButtonEnabled(True)
        self.field.search_requested.connect(self.search_now)
        self.field.down_pressed.connect(self._focus_results)
        self.results = QListWidget(objectName=f"{object_name}Results")
        self.results.itemActivated.connect(lambda _item: self.chosen.emit())
        self.found_label = QLabel(objectName=f"{object_name}Found", wordWrap=True)
        mute(self.found_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.field, self.results, self.found_label):
            layout.addWidget(widget)
        self.setFocusProxy(self.field)
        QWidget.setTabOrder(self.field, self.results)

    def search_now(self) -> None:
        self.field.pause_timer.stop()
        self.search.run(self.field.text())

    def answers_text(self) -> bool:
        """The list shows the persons found for the text as it is now (no search on its way)."""
        return not (self.field.pause_timer.isActive() or self.search.searching) and self.results.count() > 0

    def _on_found(self, rows: list) -> None:
        tr = self.ctx.tr
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(self._text(tr, row))
            item.setData(PERSON_ROLE, row.id)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)
        self.show_found(tr)

    def _text(self, tr: Translator, row) -> str:
        describe = self._describe() if isinstance(self._describe, weakref.WeakMethod) else self._describe
        return describe(tr, row) if describe is not None else person_text(row)

    def chosen_person_id(self) -> str | None:
        item = self.results.currentItem()
        return item.data(PERSON_ROLE) if item is not None else None

    def clear(self) -> None:
        """Ready for the next person: the field, the list and the count emptied."""
        self.search.cancel()
        self.field.clear()
        self.results.clear()
        self.show_found(self.ctx.tr)

    def _focus_results(self) -> None:
        if self.results.count():
            self.results.setFocus()

    def show_found(self, tr: Translator) -> None:
        count = self.results.count()
        if not self.field.text().strip():
            text = ""  # the field's placeholder says what to type
        elif count == 0:
            text = tr.gettext(self.none_found)
        elif count >= MAX_FOUND:
            text = tr.gettext("Showing the first {count}; type more to narrow the list.").format(
                count=tr.format_number(count))
        else:
            text = tr.ngettext("{count} person found", "{count} persons found", count).format(
                count=tr.format_number(count))
        self.found_label.setText(text)

    def retranslate(self, tr: Translator) -> None:
        self.field.setPlaceholderText(tr.gettext(PLACEHOLDER))
        self.show_found(tr)
