"""Conflicts to review in the Sync area: both values with where and when each was written, and
the person's choice, which changes the field and travels to the other info point."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sync_helpers import ROUND_MS, click_sync_now, make_conflict

from sociolab_desktop.core.sync.conflicts import KEEP_WINNER
from sociolab_desktop.ui.sync import sync_text
from sociolab_desktop.ui.sync.conflict_panel import FIELD, KEPT, OTHER, RECORD
from sociolab_desktop.ui.sync.text_table_model import SUBTEXT_ROLE
from sociolab_desktop.workspace import list_conflicts, resolve_conflict


def _reread(window, qtbot) -> None:
    with qtbot.waitSignal(window.sync.changed, timeout=ROUND_MS):
        window.sync.refresh()


def _choose(window, qtbot, button_name: str) -> None:
    panel = window.area_page("sync").conflicts
    button = getattr(panel, button_name)
    assert button.isEnabled()
    with qtbot.waitSignal(window.sync.conflict_resolved, timeout=ROUND_MS):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not button.isEnabled()  # no second click while the choice is saved


def test_a_concurrent_edit_is_listed_with_both_values_and_their_origin(window, qtbot, maribor, ptuj):
    tr = window.ctx.tr
    _ = tr.gettext
    make_conflict(maribor, ptuj, mine="02 111 11 11", theirs="02 222 22 22")
    _reread(window, qtbot)
    page = window.area_page("sync")
    model = page.conflicts.model
    assert model.rowCount() == 1 and page.conflicts.table.isVisible()
    conflict = window.sync.snapshot.conflicts[0]
    assert {conflict.winner_value, conflict.loser_value} == {"02 111 11 11", "02 222 22 22"}
    assert model.text(0, RECORD) == _("{kind}: {label}").format(kind=_("Client"), label="Ana Čeh")
    assert model.text(0, FIELD) == _("Phone")
    assert model.text(0, KEPT) == conflict.winner_value
    assert model.text(0, OTHER) == conflict.loser_value
    names = {maribor.site_id: "Informacijska točka Maribor", ptuj.site_id: "Informacijska točka Ptuj"}
    assert model.data(model.index(0, KEPT), SUBTEXT_ROLE).startswith(names[conflict.winner_site_id] + ",")
    assert model.data(model.index(0, OTHER), SUBTEXT_ROLE).startswith(names[conflict.loser_site_id] + ",")
    one = tr.ngettext("{count} conflict to review", "{count} conflicts to review", 1).format(count=1)
    assert page.conflicts_heading.text() == one
    assert window.status.sync_label.text() == one


def test_using_the_other_value_changes_the_field_and_reaches_the_other_office(window, qtbot, maribor, ptuj):
    person_id = make_conflict(maribor, ptuj)
    _reread(window, qtbot)
    other = window.sync.snapshot.conflicts[0].loser_value
    page = window.area_page("sync")

    _choose(window, qtbot, "take_other_button")
    assert maribor.person_field(person_id, "phone") == other
    assert page.conflicts.model.rowCount() == 0
    assert page.conflicts.empty_label.isVisible() and not page.conflicts.table.isVisible()
    assert page.conflicts_heading.text() == window.ctx.tr.gettext("Conflicts to review")
    # Nothing left to review: the status bar is back to when this PC last synced.
    synced = sync_text.parse_stamp(window.sync.snapshot.status.last_success_at)
    assert window.status.sync_label.text() == window.ctx.tr.gettext("Synced {when}").format(
        when=sync_text.short_time(window.ctx.tr, synced))

    click_sync_now(window, qtbot)
    ptuj.sync()
    assert ptuj.person_field(person_id, "phone") == other
    assert list_conflicts(ptuj.ws) == []  # resolved there too: nobody reviews it twice


def test_keeping_the_value_leaves_the_field_and_closes_the_conflict_everywhere(window, qtbot, maribor, ptuj):
    person_id = make_conflict(maribor, ptuj)
    _reread(window, qtbot)
    kept = window.sync.snapshot.conflicts[0].winner_value

    _choose(window, qtbot, "keep_button")
    assert maribor.person_field(person_id, "phone") == kept
    assert list_conflicts(maribor.ws) == []
    click_sync_now(window, qtbot)
    ptuj.sync()
    assert ptuj.person_field(person_id, "phone") == kept
    assert list_conflicts(ptuj.ws) == []


def test_after_a_choice_the_next_conflict_is_selected(window, qtbot, maribor, ptuj):
    make_conflict(maribor, ptuj, field="phone")
    make_conflict(maribor, ptuj, field="email", mine="a@example.si", theirs="b@example.si")
    _reread(window, qtbot)
    panel = window.area_page("sync").conflicts
    assert panel.model.rowCount() == 2
    second = panel.model.key(1)
    panel.table.selectRow(0)
    _choose(window, qtbot, "keep_button")
    assert panel.model.rowCount() == 1
    assert panel.current_conflict_id() == second
    assert panel.keep_button.isEnabled() and panel.take_other_button.isEnabled()


def test_a_conflict_resolved_meanwhile_is_explained_on_the_page_not_in_a_box(window, qtbot, maribor, ptuj, no_boxes):
    make_conflict(maribor, ptuj)
    _reread(window, qtbot)
    page = window.area_page("sync")
    conflict_id = page.conflicts.current_conflict_id()
    resolve_conflict(maribor.ws, conflict_id, KEEP_WINNER)  # another window, or a late bundle

    with qtbot.waitSignal(window.sync.changed, timeout=ROUND_MS):
        qtbot.mouseClick(page.conflicts.take_other_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.conflicts.model.rowCount() == 0, timeout=ROUND_MS)
    assert window.ctx.tr.gettext("This conflict was already resolved, here or at another info point.") in (
        page.message_label.text())
    assert no_boxes == []


def test_the_conflict_table_model_keeps_qt_rules(window, qtbot, maribor, ptuj, qtmodeltester):
    make_conflict(maribor, ptuj)
    _reread(window, qtbot)
    qtmodeltester.check(window.area_page("sync").conflicts.model)
