"""Who lacks consent: the count, the list page by page, and a consent recorded from it takes them off."""

from __future__ import annotations

from history_helpers import add_consent, add_person, days
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from sociolab_desktop.core.services import consents
from sociolab_desktop.ui.persons.lacking_consent_dialog import LackingConsentDialog
from sociolab_desktop.ui.persons.person_window import PersonWindow


def open_list(ctx, qtbot, parent=None, page_size=None) -> LackingConsentDialog:
    dialog = LackingConsentDialog(ctx, parent)
    qtbot.addWidget(dialog)
    if page_size:
        dialog.model.page_size = page_size
        dialog.reload()
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.total is not None and dialog.model.idle, timeout=10_000)
    return dialog


def names(dialog) -> list[str]:
    model = dialog.model
    return [f"{model.index(row, 0).data()} {model.index(row, 1).data()}" for row in range(model.rowCount())]


def test_persons_without_valid_consent_are_counted_and_listed(ctx, qtbot, workspace):
    add_person(workspace, "Ana", "Čeh")
    withdrew = add_person(workspace, "Boris", "Cvetko")
    consent = add_consent(workspace, withdrew, on=days(-30))
    consents.withdraw_consent(workspace.store, workspace.actor, consent.id, days(-2))
    add_consent(workspace, add_person(workspace, "Cilka", "Dolenc"), on=days(-30))
    add_consent(workspace, add_person(workspace, "Darko", "Šuster"), purpose="newsletter")

    dialog = open_list(ctx, qtbot)

    assert dialog.model.total == 3
    assert names(dialog) == ["Cvetko Boris", "Čeh Ana", "Šuster Darko"]  # č after c, š after s
    assert dialog.model.index(0, 3).data() == ctx.tr.format_date(days(-2), "numeric")
    assert dialog.count_label.text() == ctx.tr.ngettext(
        "{count} person without valid consent", "{count} persons without valid consent", 3).format(count="3")


def test_a_long_list_is_read_page_by_page_without_gaps(ctx, qtbot, workspace):
    for number in range(11):
        add_person(workspace, f"Oseba{number:02d}", f"Priimek{number:02d}")

    dialog = open_list(ctx, qtbot, page_size=4)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 11, timeout=10_000)  # the view asks as it fills

    assert names(dialog) == [f"Priimek{number:02d} Oseba{number:02d}" for number in range(11)]
    assert not dialog.model.canFetchMore()


def test_a_consent_recorded_in_the_opened_person_takes_them_off_the_list(ctx, qtbot, workspace):
    parent = QWidget()
    qtbot.addWidget(parent)
    add_person(workspace, "Ana", "Čeh")
    dialog = open_list(ctx, qtbot, parent)
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    [window] = parent.findChildren(PersonWindow)
    qtbot.waitSignal(window.loaded, timeout=10_000).wait()
    qtbot.mouseClick(window.consent_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.dialogs[0].saved, timeout=10_000):
        qtbot.mouseClick(window.dialogs[0].save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: dialog.model.total == 0, timeout=10_000)
    assert dialog.model.rowCount() == 0


def test_the_list_model_keeps_qts_rules(ctx, qtbot, workspace, qtmodeltester):
    for number in range(5):
        add_person(workspace, f"Oseba{number}", "Čeh")
    dialog = open_list(ctx, qtbot, page_size=2)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 5, timeout=10_000)

    qtmodeltester.check(dialog.model)
