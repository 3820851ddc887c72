"""The Sync area: "Sync now" runs a round without blocking the window and the state follows;
held files and an unreachable share are shown quietly; rounds also run on a timer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sync_helpers import ROUND_MS, click_sync_now, damage_next_bundle

from sociolab_desktop.commands.sync_report import held_reason
from sociolab_desktop.core.sync.apply import TRUNCATED
from sociolab_desktop.i18n import Translator
from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.sync import sync_text
from sociolab_desktop.ui.sync.share_dialog import ShareDialog


def test_sync_now_sends_what_waits_and_the_state_follows(window, qtbot, maribor, ptuj):
    tr = window.ctx.tr
    _ = tr.gettext
    page = window.area_page("sync")
    waiting = window.sync.snapshot.status.changes_waiting
    assert waiting > 0  # the info point and its first staff member
    assert page.waiting_value.text() == tr.format_number(waiting)
    assert page.last_sync_value.text() == _("Not synced yet")
    assert window.status.sync_label.text() == _("Not synced yet")
    assert page.share_value.text() == maribor.ws.settings.share_path

    result = click_sync_now(window, qtbot)
    assert result.published.entries == waiting
    assert page.waiting_value.text() == tr.format_number(0)
    status = window.sync.snapshot.status
    when = sync_text.parse_stamp(status.last_success_at)
    assert page.last_sync_value.text() == sync_text.full_time(tr, when)
    assert window.status.sync_label.text() == _("Synced {when}").format(when=sync_text.short_time(tr, when))
    assert page.message_label.isVisible()
    assert tr.ngettext("Published {count} change.", "Published {count} changes.", waiting).format(
        count=waiting) in page.message_label.text()

    # Ptuj takes Maribor's changes and adds one of its own; the next round brings it here.
    ptuj.sync()
    ptuj.add_person("Jure", "Šimenc")
    ptuj.sync()
    result = click_sync_now(window, qtbot)
    assert result.applied.entries > 0
    assert maribor.person_field(_person_id(maribor, "Šimenc"), "first_name") == "Jure"
    sites = [page.sites_model.text(row, 0) for row in range(page.sites_model.rowCount())]
    assert sites == ["Informacijska točka Ptuj"]
    assert page.sites_table.isVisible() and not page.no_sites_label.isVisible()
    assert page.sites_model.text(0, 1) != _("not known yet")  # Ptuj's last sync, from the share


def _person_id(office, last_name: str) -> str:
    from sociolab_desktop.core.store.models import Person

    with office.ws.store.reader() as session:
        return session.query(Person).filter_by(last_name=last_name).one().id


def test_a_damaged_file_on_the_share_is_held_back_with_its_reason(window, qtbot, ptuj, share):
    tr = window.ctx.tr
    page = window.area_page("sync")
    assert not page.held_table.isVisible()
    damage_next_bundle(ptuj, share)

    click_sync_now(window, qtbot)
    assert page.held_table.isVisible() and page.held_heading.isVisible()
    assert page.held_heading.text() == tr.ngettext("{count} file held back", "{count} files held back", 1).format(count=1)
    assert page.held_model.rowCount() == 1
    assert page.held_model.text(0, 0) == "Informacijska točka Ptuj"
    assert page.held_model.text(0, 2) == held_reason(TRUNCATED, tr)
    assert page.held_model.text(0, 3) not in ("", tr.gettext("never"))  # since when
    assert tr.gettext("{count} file held back") not in window.status.sync_label.text()


def test_an_unreachable_share_says_not_synced_without_any_dialog(window, qtbot, maribor, tmp_path, no_boxes):
    tr = window.ctx.tr
    _ = tr.gettext
    page = window.area_page("sync")
    click_sync_now(window, qtbot)
    last_success = window.sync.snapshot.status.last_success_at

    maribor.ws.settings.share_path = str(tmp_path / "server-is-off")
    result = click_sync_now(window, qtbot)
    assert result.share_unavailable
    qtbot.waitUntil(lambda: window.sync.snapshot.status.last_attempt_at > last_success)
    since = sync_text.parse_stamp(last_success)
    assert page.last_sync_value.text() == _("Not synced since {when}").format(when=sync_text.full_time(tr, since))
    assert window.status.sync_label.text() == _("Not synced since {when}").format(
        when=sync_text.short_time(tr, since))
    assert page.message_label.text() == _("Last round: {summary}").format(summary=sync_text.round_summary(tr, result))
    assert "Changes wait here" in sync_text.round_summary(Translator("en"), result)
    assert no_boxes == []


def test_rounds_run_on_their_own_on_a_timer(window, qtbot):
    assert window.sync.snapshot.status.last_success_at is None
    with qtbot.waitSignal(window.sync.round_finished, timeout=ROUND_MS) as finished:
        window.sync.set_interval(20)
    assert finished.args[0].published.entries > 0
    assert window.sync.is_scheduled()  # and the next one is on its way
    with qtbot.waitSignal(window.sync.round_finished, timeout=ROUND_MS):
        pass
    window.sync.stop()
    assert not window.sync.is_scheduled()


def test_without_a_shared_folder_nothing_runs_and_the_page_says_so(window, qtbot, maribor):
    _ = window.ctx.tr.gettext
    window.sync.set_share_path(None)
    page = window.area_page("sync")
    assert page.share_value.text() == _("not set")
    assert not page.sync_button.isEnabled()
    assert window.status.sync_label.text() == _("Sync: no shared folder set")
    window.sync.set_interval(10)
    assert not window.sync.is_scheduled()
    assert load_settings(maribor.ws.paths.settings).share_path is None


def test_a_unc_path_typed_in_the_dialog_is_saved_and_tried_quietly(window, qtbot, maribor, no_boxes):
    page = window.area_page("sync")
    qtbot.mouseClick(page.change_share_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(ShareDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, "sociolab")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisible()  # a relative path is refused, inline

    dialog.path_edit.clear()
    unc = "\\\\server\\share\\sociolab"
    qtbot.keyClicks(dialog.path_edit, unc)
    with qtbot.waitSignal(window.sync.round_finished, timeout=ROUND_MS) as finished:
        dialog.accept()
    assert not dialog.isVisible()
    assert load_settings(maribor.ws.paths.settings).share_path == unc
    assert page.share_value.text() == unc
    assert finished.args[0].share_unavailable  # no such server here: a state, not a box
    assert no_boxes == []


def test_the_page_follows_a_language_switch(window, qtbot, ptuj, share):
    damage_next_bundle(ptuj, share)
    click_sync_now(window, qtbot)
    page = window.area_page("sync")

    def texts():
        return {
            "title": page.title_label.text(),
            "button": page.sync_button.text(),
            "share": page.share_caption.text(),
            "sites": page.sites_heading.text(),
            "held": page.held_heading.text(),
            "held column": page.held_model.headerData(2, Qt.Orientation.Horizontal),
            "held reason": page.held_model.text(0, 2),
            "empty conflicts": page.conflicts.empty_label.text(),
            "message": page.message_label.text(),
        }

    def expected(tr):
        _ = tr.gettext
        return {
            "title": _("Sync"),
            "button": _("S&ync now"),
            "share": _("Shared folder:"),
            "sites": _("Other info points"),
            "held": tr.ngettext("{count} file held back", "{count} files held back", 1).format(count=1),
            "held column": _("Why it waits"),
            "held reason": held_reason(TRUNCATED, tr),
            "empty conflicts": _("Nothing to review: no two info points changed the same field at the same time."),
            "message": _("Last round: {summary}").format(summary=sync_text.round_summary(tr, window.sync.last_result)),
        }

    slovenian = texts()
    assert slovenian == expected(window.ctx.tr)
    assert slovenian["title"] == "Sinhronizacija"
    window.menus.language_actions["en"].trigger()
    english = texts()
    assert english == expected(Translator("en"))
    assert english["title"] == "Sync"
    window.menus.language_actions["sl"].trigger()
    assert texts() == slovenian
