"""What the Clients page opens: a person's page, the two work lists, and the merge of two rows."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from sociolab_desktop.ui.clients.person_list_model import SURNAME
from sociolab_desktop.ui.persons.follow_ups_dialog import FollowUpsDialog
from sociolab_desktop.ui.persons.lacking_consent_dialog import LackingConsentDialog
from sociolab_desktop.ui.persons.merge_dialog import MergeDialog
from sociolab_desktop.ui.persons.person_window import PersonWindow


def _close(widget) -> None:
    widget.close()


def test_enter_on_a_row_opens_the_persons_page(page, qtbot):
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(1, SURNAME))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    windows = [w for w in page.window().findChildren(PersonWindow) if w.isVisible()]
    assert [w.requested_id for w in windows] == [page.model.person_id(1)]
    for window in windows:
        _close(window)


def test_merge_needs_exactly_two_selected_rows(page, qtbot):
    selection = page.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    page.table.selectRow(0)
    assert not page.merge_button.isEnabled()
    selection.select(page.model.index(3, 0), flags)
    assert page.merge_button.isEnabled()
    selection.select(page.model.index(5, 0), flags)
    assert not page.merge_button.isEnabled()
    selection.select(page.model.index(5, 0), QItemSelectionModel.SelectionFlag.Deselect | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, MergeDialog) and page.dialog.isVisible()
    _close(page.dialog)


def test_work_lists_open_beside_the_page(page, qtbot):
    qtbot.mouseClick(page.follow_ups_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, FollowUpsDialog) and page.dialog.isVisible()
    _close(page.dialog)
    qtbot.mouseClick(page.lacking_consent_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, LackingConsentDialog) and page.dialog.isVisible()
    _close(page.dialog)


def test_opening_the_same_person_twice_refreshes_the_list_once_per_change(page, qtbot, monkeypatch):
    person_id = page.model.person_id(0)
    first = page.open_person(person_id)
    assert page.open_person(person_id) is first  # brought to the front, not opened again
    calls = []
    monkeypatch.setattr(page.model, "refresh", lambda: calls.append(1))
    first.changed.emit(person_id)
    assert calls == [1]
    _close(first)
