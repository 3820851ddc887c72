"""The Clients page with real widgets and real keys: search as you type, filters, scrolling,
Esc, Ctrl+F, opening a person, and the language switch."""

from __future__ import annotations

from clients_helpers import DEMO_PEOPLE
from PySide6.QtCore import Qt
from ui_helpers import list_settled, type_text

from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services.person_search import (
    ConsentState,
    PersonFilter,
    count_persons,
)
from sociolab_desktop.core.services.sites import list_sites
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.clients.person_list_model import (
    FIRST_CONTACT,
    INFO_POINT,
    PAGE_SIZE,
    SURNAME,
)
from sociolab_desktop.ui.main_window import MainWindow


def _count_text(tr: Translator, n: int) -> str:
    return tr.ngettext("{count} client", "{count} clients", n).format(count=tr.format_number(n))


def _surnames(page) -> list[str]:
    return [page.model.index(row, SURNAME).data() for row in range(page.model.rowCount())]


def test_list_fills_with_the_demo_clients_and_counts_them(page, ctx):
    assert page.model.rowCount() == PAGE_SIZE  # one page; the rest waits for scrolling
    assert page.count_label.text() == _count_text(ctx.tr, DEMO_PEOPLE)
    assert page.table.model().index(0, INFO_POINT).data()  # site names are shown, not keys
    surnames = _surnames(page)
    assert surnames[0].startswith("B")  # "Babič" before "Babić": Slovenian order from the service
    assert [s for s in surnames if s.startswith(("C", "Č"))] == sorted(
        [s for s in surnames if s.startswith(("C", "Č"))], key=lambda s: s.startswith("Č"))


def test_typing_without_accents_finds_accented_surnames_and_narrows_the_count(page, qtbot, ctx, demo_workspace):
    expected = count_persons(demo_workspace.store, "stumberger")
    assert 0 < expected < DEMO_PEOPLE
    page.search_edit.setFocus()
    type_text(page.search_edit, "stumberger")
    qtbot.waitUntil(list_settled(page, expected))
    assert {fold(s) for s in _surnames(page)} == {"stumberger"}
    assert "Štumberger" in _surnames(page)
    assert page.count_label.text() == _count_text(ctx.tr, expected)


def test_typing_slovenian_letters_key_by_key_searches_the_same(page, qtbot, demo_workspace):
    type_text(page.search_edit, "Čeh")
    expected = count_persons(demo_workspace.store, "ceh")
    qtbot.waitUntil(list_settled(page, expected))
    assert page.search_edit.text() == "Čeh"
    assert page.model.query.text == "Čeh"


def test_search_waits_for_a_pause_in_typing(page, qtbot):
    type_text(page.search_edit, "la")
    assert page.model.query.text == ""  # not one query per key
    assert page.search_timer.isActive()
    qtbot.waitUntil(lambda: page.model.query.text == "la")


def test_consent_filter_narrows_the_list(page, qtbot, demo_workspace):
    without = count_persons(demo_workspace.store, "", PersonFilter(consent=ConsentState.LACKING))
    assert 0 < without < DEMO_PEOPLE
    page.consent_combo.setFocus()
    qtbot.keyClick(page.consent_combo, Qt.Key.Key_Down)
    qtbot.keyClick(page.consent_combo, Qt.Key.Key_Down)
    assert page.consent_combo.currentData() == "lacking"
    qtbot.waitUntil(list_settled(page, without))


def test_info_point_filter_shows_only_that_info_points_clients(page, qtbot, demo_workspace):
    ptuj = next(site for site in list_sites(demo_workspace.store) if "Ptuj" in site.name)
    expected = count_persons(demo_workspace.store, "", PersonFilter(site_id=ptuj.id))
    page.site_combo.setCurrentIndex(page.site_combo.findData(ptuj.id))
    page.site_combo.activated.emit(page.site_combo.currentIndex())
    qtbot.waitUntil(list_settled(page, expected))
    shown = {page.model.index(row, INFO_POINT).data() for row in range(page.model.rowCount())}
    assert shown == {"Ptuj (demo)"}  # the words every info point begins with left out, as in the other lists


def test_municipalities_of_podravje_come_first(page):
    names = [page.municipality_combo.itemText(i) for i in range(1, 42)]
    assert names[0] == "Benedikt" and names[-1] == "Žetale" and "Maribor" in names
    assert page.municipality_combo.itemText(43) == "Ajdovščina"  # after a separator


def test_scrolling_to_the_bottom_fetches_the_next_page(page, qtbot):
    assert page.model.rowCount() == PAGE_SIZE
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == DEMO_PEOPLE)
    assert not page.model.canFetchMore()


def test_escape_clears_the_search_and_shows_everyone_again(page, qtbot):
    type_text(page.search_edit, "ceh")
    qtbot.waitUntil(lambda: page.model.query.text == "ceh" and page.model.idle)
    assert page.model.total < DEMO_PEOPLE
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""
    qtbot.waitUntil(list_settled(page, DEMO_PEOPLE))


def test_ctrl_f_puts_the_cursor_in_the_search_field(page, qtbot):
    page.table.setFocus()
    qtbot.waitUntil(lambda: page.table.hasFocus())
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.search_edit.hasFocus())


def test_enter_on_a_row_opens_that_person(page, qtbot):
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)  # from the search field into the list
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.person_activated) as signal:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert signal.args == [page.model.person_id(1)]


def test_double_click_on_a_row_opens_that_person(page, qtbot):
    rect = page.table.visualRect(page.model.index(2, SURNAME))
    # QTest's double click lacks the press before it that the view needs to know the row.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.person_activated) as signal:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [page.model.person_id(2)]


def test_language_switch_retranslates_the_page(demo_workspace, ctx, qtbot):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.pages.currentWidget()
    assert window.current_area() == "clients" and page.objectName() == "clientsPage"
    qtbot.waitUntil(list_settled(page, DEMO_PEOPLE))
    slovenian_date = page.model.index(0, FIRST_CONTACT).data()

    window.menus.language_actions["en"].trigger()
    english = Translator("en")
    assert page.title_label.text() == "Clients"
    assert page.count_label.text() == "300 clients"
    assert page.model.headerData(SURNAME, Qt.Orientation.Horizontal) == "Surname"
    assert page.search_edit.placeholderText() == english.gettext(
        "Search by name, e-mail, phone, EMŠO or municipality (Ctrl+F)")
    assert page.consent_combo.itemText(1) == "With valid consent"
    assert page.model.index(0, FIRST_CONTACT).data() != slovenian_date  # "27/11/2026" vs "27. 11. 2026"

    window.menus.language_actions["sl"].trigger()
    assert page.title_label.text() == "Stranke"
    assert page.count_label.text() == _count_text(ctx.tr, DEMO_PEOPLE)
    assert page.model.index(0, FIRST_CONTACT).data() == slovenian_date
