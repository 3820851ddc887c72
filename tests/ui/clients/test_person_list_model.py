"""The lazy client list model: pages fetched off the GUI thread, stale answers dropped."""

from __future__ import annotations

import datetime as dt

from clients_helpers import DEMO_PEOPLE
from PySide6.QtCore import Qt

from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services.person_search import search_persons
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.clients.person_list_model import (
    FIRST_CONTACT,
    PAGE_SIZE,
    SURNAME,
    ListQuery,
    PersonListModel,
)


def _loaded(model: PersonListModel, total: int):
    return lambda: model.total == total and model.idle


def test_model_passes_the_qt_model_tester_while_it_fetches(demo_workspace, ctx, qtbot, qtmodeltester):
    model = PersonListModel(ctx)
    model.set_query(ListQuery())
    qtbot.waitUntil(_loaded(model, DEMO_PEOPLE))
    qtmodeltester.check(model)
    # The tester asked for more: the second page arrives and is checked by the same tester.
    qtbot.waitUntil(lambda: model.rowCount() == DEMO_PEOPLE and not model.loading)


def test_first_query_holds_one_page_and_fetch_more_appends_the_rest(demo_workspace, ctx, qtbot):
    model = PersonListModel(ctx)
    model.set_query(ListQuery())
    qtbot.waitUntil(_loaded(model, DEMO_PEOPLE))
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore()
    assert model.rowCount() == DEMO_PEOPLE
    assert not model.canFetchMore()
    ids = [model.person_id(row) for row in range(model.rowCount())]
    assert len(set(ids)) == DEMO_PEOPLE  # pages never overlap


def test_an_answer_for_an_older_query_is_dropped(demo_workspace, ctx, qtbot):
    model = PersonListModel(ctx)
    for text in ("ceh", "lah", "ceh", ""):  # typed quickly: each starts before the last answered
        model.set_query(ListQuery(text=text))
    qtbot.waitUntil(_loaded(model, DEMO_PEOPLE))
    qtbot.waitUntil(lambda: model.idle)  # every late answer for "ceh" or "lah" has arrived
    expected = search_persons(demo_workspace.store, "", offset=0, limit=PAGE_SIZE)
    assert [model.person_id(row) for row in range(model.rowCount())] == [row.id for row in expected]
    assert model.total == DEMO_PEOPLE


def test_dates_follow_the_language(demo_workspace, ctx, qtbot):
    model = PersonListModel(ctx)
    model.set_query(ListQuery())
    qtbot.waitUntil(_loaded(model, DEMO_PEOPLE))
    shown = model.index(0, FIRST_CONTACT).data()
    day = dt.date(*map(int, reversed(shown.replace(" ", "").rstrip(".").split("."))))
    assert shown == f"{day.day}. {day.month}. {day.year}"
    with qtbot.waitSignal(model.dataChanged):
        model.retranslate(Translator("en"))
    assert model.index(0, FIRST_CONTACT).data() == day.strftime("%d/%m/%Y")
    assert model.headerData(SURNAME, Qt.Orientation.Horizontal) == "Surname"


def test_typed_words_are_folded(demo_workspace, ctx, qtbot):
    model = PersonListModel(ctx)
    model.set_query(ListQuery(text="STUMB"))
    qtbot.waitUntil(lambda: model.total is not None and not model.loading)
    surnames = {fold(model.index(row, SURNAME).data()) for row in range(model.rowCount())}
    assert model.total > 0 and surnames == {"stumberger"}
