"""Find a person or an organisation by typing part of a name (accent-insensitive, like the lists).

The search runs in a worker through the same services as the Clients and Organisations lists,
a moment after typing pauses (SearchField), and only the answer to the newest text is shown
(LiveSearch). SearchPicker chooses with it: one organisation (the field then shows the chosen
name; typing again starts a new search) or several persons (each chosen one is added to a short
list under the field; Delete removes the one selected there). The matches show under the field
while there are some. PersonFinder (person_finder.py) lists persons found for a dialog to act on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.list_page import SearchField
from sociolab_desktop.ui.shell_context import ShellContext

MAX_FOUND = 50  # a page of candidates; more typing narrows it
ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 5


def find_persons(store, text: str) -> list:
    """In a worker: live persons matching `text` (accent-insensitive), Slovenian order."""
    from sociolab_desktop.core.services.person_search import search_persons

    return search_persons(store, text, limit=MAX_FOUND) if text.strip() else []


def find_people(store, text: str) -> list[tuple[str, str, str]]:
    """In a worker: (id, "First Last", municipality · e-mail) of live persons matching `text`."""
    return [(row.id, f"{row.first_name} {row.last_name}",
             " · ".join(part for part in (row.municipality_name, row.email) if part))
            for row in find_persons(store, text)]


def find_organisations(store, text: str) -> list[tuple[str, str, str]]:
    """In a worker: (id, name, what tells namesakes apart) of live organisations matching `text`."""
    from sociolab_desktop.core.services.organisations import (
        OrganisationFilter,
        list_organisations,
    )

    if not text.strip():
        return []
    rows = list_organisations(store, OrganisationFilter(text=text), limit=MAX_FOUND)
    return [(row.id, row.name, row.post_town or row.registration_number or "") for row in rows]


class LiveSearch:
    """Runs `find(store, text)` in a worker for `owner`; `on_found(rows)` gets only the answer to
    the newest text (an older answer arriving late is dropped). Empty text finds nothing at once."""

    def __init__(self, ctx: ShellContext, owner: QWidget, find: Callable[[object, str], list],
                 on_found: Callable[[list], None]) -> None:
        self.ctx, self.owner, self.find, self.on_found = ctx, owner, find, on_found
        self.searching = False
        self._generation = 0

    def run(self, text: str) -> None:
        self._generation += 1
        generation, store, find = self._generation, self.ctx.workspace.store, self.find
        if not text.strip():
            self.searching = False
            self.on_found([])
            return
        self.searching = True
        self.ctx.operations.run(lambda: find(store, text), on_success=lambda rows: self._found(generation, rows),
                                owner=self.owner)

    def cancel(self) -> None:
        """Forget the search on its way (the text it answers is gone)."""
        self._generation += 1
        self.searching = False

    def _found(self, generation: int, rows: list) -> None:
        if generation == self._generation:
            self.searching = False
            self.on_found(rows)


class _PickerField(SearchField):
    """Enter chooses the highlighted match instead of pressing the dialog's default button."""

    choose_pressed = Signal()

    def __init__(self, picker: SearchPicker, **kwargs) -> None:
        super().__init__(**kwargs)
        self._picker = picker

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._picker.has_matches():
            self.choose_pressed.emit()
            return
        super().keyPressEvent(event)


class _List(QListWidget):
    """Enter chooses (matches) and Delete removes (chosen persons) without reaching the dialog."""

    enter_pressed = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.enter_pressed.emit()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem() is not None:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


def _compact(widget: QListWidget, rows: int) -> None:
    widget.setFixedHeight(widget.fontMetrics().height() * rows + 10)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)


class SearchPicker(QWidget):
    """`kind` "organisation" (one) or "person" (several, `multiple=True`)."""

    changed = Signal()  # the choice changed
    searched = Signal()  # the matches of what was typed are shown

    def __init__(self, ctx: ShellContext, kind: str, *, multiple: bool = False, object_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name or f"{kind}Picker")
        self.ctx, self.kind, self.multiple = ctx, kind, multiple
        self.search = LiveSearch(ctx, self, find_organisations if kind == "organisation" else find_people,
                                 self._on_found)
        self._chosen: list[tuple[str, str]] = []

        self.field = _PickerField(self, objectName=f"{self.objectName()}Field")
        self.field.setClearButtonEnabled(True)
        self.field.textEdited.connect(self._on_edited)
        self.field.textChanged.connect(lambda text: text or self._on_cleared())
        self.field.search_requested.connect(self.search_now)
        self.field.down_pressed.connect(self._focus_matches)
        self.field.choose_pressed.connect(self._choose_current)
        self.matches = _List(objectName=f"{self.objectName()}Matches")
        _compact(self.matches, VISIBLE_ROWS)
        self.matches.hide()
        self.matches.itemActivated.connect(lambda _item: self._choose_current())
        self.matches.enter_pressed.connect(self._choose_current)
        self.chosen_list = _List(objectName=f"{self.objectName()}Chosen")
        _compact(self.chosen_list, 3)
        self.chosen_list.hide()
        self.chosen_list.delete_pressed.connect(self._remove_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.field)
        layout.addWidget(self.matches)
        layout.addWidget(self.chosen_list)
        self.setFocusProxy(self.field)

    @property
    def searching(self) -> bool:
        return self.search.searching

    # --- the choice ------------------------------------------------------------------------

    def chosen(self) -> list[tuple[str, str]]:
        """(id, name) of what is chosen, in the order chosen."""
        return list(self._chosen)

    def chosen_ids(self) -> list[str]:
        return [key for key, _name in self._chosen]

    def chosen_id(self) -> str | None:
        return self._chosen[0][0] if self._chosen else None

    def set_chosen(self, chosen: list[tuple[str, str]]) -> None:
        """Show `chosen` (id, name) as the choice, without searching."""
        self._chosen = list(dict((key, name) for key, name in chosen).items())
        if not self.multiple:
            self._chosen = self._chosen[:1]
        self._show_chosen()
        self._set_matches([])
        self.changed.emit()

    def _show_chosen(self) -> None:
        if self.multiple:
            self.chosen_list.clear()
            for key, name in self._chosen:
                item = QListWidgetItem(name)
                item.setData(ID_ROLE, key)
                self.chosen_list.addItem(item)
            self.chosen_list.setVisible(bool(self._chosen))
            self.field.clear()
        else:
            self.field.blockSignals(True)
            self.field.setText(self._chosen[0][1] if self._chosen else "")
            self.field.blockSignals(False)

    def _choose_current(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            return
        key, name = item.data(ID_ROLE), item.data(NAME_ROLE)
        self.set_chosen([*self._chosen, (key, name)] if self.multiple else [(key, name)])
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove_current(self) -> None:
        item = self.chosen_list.currentItem()
        if item is not None:
            self.set_chosen([pair for pair in self._chosen if pair[0] != item.data(ID_ROLE)])

    def _on_cleared(self) -> None:
        self.search.cancel()
        self._set_matches([])
        if not self.multiple and self._chosen:
            self._chosen = []
            self.changed.emit()

    # --- searching -------------------------------------------------------------------------

    def _on_edited(self, _text: str) -> None:
        if not self.multiple and self._chosen:
            self._chosen = []  # typing over a chosen name starts again
            self.changed.emit()

    def search_now(self) -> None:
        self.field.pause_timer.stop()
        self.search.run(self.field.text())

    def _on_found(self, rows: list) -> None:
        taken = set(self.chosen_ids())
        self._set_matches([row for row in rows if row[0] not in taken])
        self.searched.emit()

    def _set_matches(self, rows: list) -> None:
        self.matches.clear()
        for key, name, hint in rows:
            item = QListWidgetItem(f"{name} · {hint}" if hint else name)
            item.setData(ID_ROLE, key)
            item.setData(NAME_ROLE, name)
            self.matches.addItem(item)
        if rows:
            self.matches.setCurrentRow(0)
        self.matches.setVisible(bool(rows))

    def has_matches(self) -> bool:
        return self.matches.isVisibleTo(self) and self.matches.count() > 0

    def match_names(self) -> list[str]:
        return [self.matches.item(row).data(NAME_ROLE) for row in range(self.matches.count())]

    def _focus_matches(self) -> None:
        if self.has_matches():
            self.matches.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self, tr: Translator, placeholder: str) -> None:
        """`placeholder`: translated words shown in the empty field."""
        self.field.setPlaceholderText(placeholder)
        self.chosen_list.setToolTip(tr.gettext("Delete removes the selected name."))
