"""The Events page with real widgets and keys: the list with titles in the UI language, folded
search, filters, the empty state, Ctrl+N, Enter opening an event, and Ctrl+4 in the main window."""

from __future__ import annotations

from events_helpers import show
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import list_settled as settle
from ui_helpers import show_main_window, type_text

from sociolab_desktop.ui.events.event_form import EventForm
from sociolab_desktop.ui.events.event_list_model import EVENT_TYPE, REGISTERED, TITLE
from sociolab_desktop.ui.events.event_window import EventWindow
from sociolab_desktop.ui.events.events_page import EventsPage
from sociolab_desktop.ui.list_page import NO_MATCH, NONE_YET, TABLE


def _titles(page) -> list[str]:
    return [page.model.index(row, TITLE).data() for row in range(page.model.rowCount())]


def _page(qtbot, ctx, total: int) -> EventsPage:
    page = show(qtbot, EventsPage(ctx), size=(1166, 680))
    qtbot.waitUntil(settle(page, total))
    return page


def _three_events(event_kit) -> dict[str, str]:
    made = {}
    made["cebelarji"], _ = event_kit.event("Čebelarska zadruga v praksi", capacity=2,
                                           title_en="Beekeeping cooperative in practice")
    made["sejem"], _ = event_kit.event("Sejem socialne ekonomije", sessions=1, event_type="fair")
    made["delavnica"], _ = event_kit.event("Delavnica: družbeni učinek", sessions=1, event_type="workshop")
    a, b, c = (event_kit.person(*name) for name in (("Ana", "Čeh"), ("Boris", "Zupan"), ("Cene", "Šuštar")))
    for person in (a, b, c):
        event_kit.register(made["cebelarji"], person)
    return made


def test_events_show_type_dates_and_registered_of_places(qtbot, ctx, event_kit):
    _three_events(event_kit)
    page = _page(qtbot, ctx, 3)
    assert page.list_stack.currentIndex() == TABLE
    assert set(_titles(page)) == {"Čebelarska zadruga v praksi", "Sejem socialne ekonomije",
                                  "Delavnica: družbeni učinek"}
    row = _titles(page).index("Čebelarska zadruga v praksi")
    assert page.model.index(row, EVENT_TYPE).data() == ctx.tr.gettext("Training programme")
    # Two places, three registered: the third waits.
    registered = page.model.index(row, REGISTERED).data()
    assert registered.startswith("2 / 2") and "1" in registered.split("/")[1][2:]
    assert page.count_label.text() == ctx.tr.ngettext("{count} event", "{count} events", 3).format(count="3")


def test_titles_follow_the_ui_language(qtbot, ctx, event_kit):
    _three_events(event_kit)
    page = _page(qtbot, ctx, 3)
    ctx.set_language("en", save=False)
    page.retranslate(ctx.tr)
    assert "Beekeeping cooperative in practice" in _titles(page)
    assert "Sejem socialne ekonomije" in _titles(page)  # no English title: the Slovenian one


def test_typing_without_accents_finds_the_title_with_them(qtbot, ctx, event_kit):
    _three_events(event_kit)
    page = _page(qtbot, ctx, 3)
    type_text(page.search_edit, "cebelar")
    qtbot.waitUntil(settle(page, 1))
    assert _titles(page) == ["Čebelarska zadruga v praksi"]
    type_text(page.search_edit, "xyz")
    qtbot.waitUntil(settle(page, 0))
    assert page.list_stack.currentIndex() == NO_MATCH
    QTest.keyClick(page.search_edit, Qt.Key.Key_Escape)  # clears the search
    qtbot.waitUntil(settle(page, 3))


def test_the_type_filter_narrows_the_list(qtbot, ctx, event_kit):
    _three_events(event_kit)
    page = _page(qtbot, ctx, 3)
    page.type_combo.setCurrentIndex(page.type_combo.findData("fair"))
    page.type_combo.activated.emit(page.type_combo.currentIndex())
    qtbot.waitUntil(settle(page, 1))
    assert _titles(page) == ["Sejem socialne ekonomije"]
    assert page.type_combo.currentText() == ctx.tr.gettext("Fair / open day")
    qtbot.waitUntil(lambda: page.site_combo.count() == 2)
    page.type_combo.setCurrentIndex(0)
    page.site_combo.setCurrentIndex(1)
    page.site_combo.activated.emit(1)
    qtbot.waitUntil(settle(page, 3))


def test_no_events_yet_shows_the_way_to_the_first(qtbot, ctx):
    page = _page(qtbot, ctx, 0)
    assert page.list_stack.currentIndex() == NONE_YET
    assert page.type_combo.isHidden()
    page.none_yet_button.click()
    assert isinstance(page.form, EventForm) and page.form.isVisible()


def test_ctrl_n_opens_the_new_event_form(qtbot, ctx):
    page = _page(qtbot, ctx, 0)
    QTest.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.form is not None and page.form.ready)
    assert page.form.windowTitle() == ctx.tr.gettext("New event")


def test_enter_on_a_row_opens_the_event(qtbot, ctx, event_kit):
    made = _three_events(event_kit)
    page = _page(qtbot, ctx, 3)
    type_text(page.search_edit, "sejem")
    qtbot.waitUntil(settle(page, 1))
    QTest.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    with qtbot.waitSignal(page.event_activated) as opened:
        QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [made["sejem"]]
    window = next(w for w in page.window().findChildren(EventWindow) if w.event_id == made["sejem"])
    qtbot.waitUntil(lambda: window.view is not None)
    assert window.title_label.text() == "Sejem socialne ekonomije"


def test_ctrl_4_shows_the_events_page_in_the_main_window(qtbot, ctx, event_kit):
    _three_events(event_kit)
    window = show_main_window(qtbot, ctx)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "events"
    page = window.pages.currentWidget()
    assert isinstance(page, EventsPage) and page.isVisible()
    qtbot.waitUntil(settle(page, 3))
    window.menus.language_actions["en"].trigger()
    assert page.title_label.text() == "Events"
    assert page.new_button.text() == "New event…"


def test_the_event_window_follows_the_language(qtbot, ctx, event_kit):
    made = _three_events(event_kit)
    window = show(qtbot, EventWindow(ctx, made["cebelarji"]))
    qtbot.waitUntil(lambda: window.view is not None)
    assert window.title_label.text() == "Čebelarska zadruga v praksi"
    ctx.set_language("en", save=False)
    assert window.title_label.text() == "Beekeeping cooperative in practice"
    assert window.buttons["register"].text() == "Register…"
    assert window.facts["other_title"].text() == "Čebelarska zadruga v praksi"  # the other language's title


def test_the_list_model_is_a_well_behaved_qt_model(qtbot, ctx, event_kit, qtmodeltester):
    _three_events(event_kit)
    page = _page(qtbot, ctx, 3)
    qtmodeltester.check(page.model)


def _whole_rows(table) -> float:
    """How many rows of the table's height are in view: a fraction means a row cut at the bottom."""
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def test_six_sessions_show_whole_without_a_row_cut_at_the_bottom(qtbot, ctx, event_kit):
    event_id, _ = event_kit.event(sessions=6)
    window = show(qtbot, EventWindow(ctx, event_id), size=(1120, 690))
    qtbot.waitUntil(lambda: window.sessions_table.rowCount() == 6)

    table = window.sessions_table
    assert _whole_rows(table) == 6
    assert table.rowViewportPosition(5) + table.rowHeight(5) <= table.viewport().height()
    assert _whole_rows(window.registrations_table) >= 5  # the registrations keep the rest


def test_more_sessions_than_six_scroll_in_whole_rows_and_fewer_leave_the_room_below(qtbot, ctx, event_kit):
    many, _ = event_kit.event("Dolgo usposabljanje", sessions=9)
    few, _ = event_kit.event("Kratka delavnica", sessions=2)
    window = show(qtbot, EventWindow(ctx, many), size=(1120, 690))
    qtbot.waitUntil(lambda: window.sessions_table.rowCount() == 9)
    assert _whole_rows(window.sessions_table) == 6
    registrations_height = window.registrations_table.height()

    short = show(qtbot, EventWindow(ctx, few), size=(1120, 690))
    qtbot.waitUntil(lambda: short.sessions_table.rowCount() == 2)
    assert _whole_rows(short.sessions_table) == 2
    assert short.registrations_table.height() > registrations_height
    short.resize(1120, 760)  # taller: the room goes to the registrations, the sessions stay whole
    qtbot.waitUntil(lambda: short.registrations_table.height() > registrations_height + 60)
    assert _whole_rows(short.sessions_table) == 2
