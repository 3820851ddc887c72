"""Consent from the person's window: record it by keyboard, withdraw it, refusals, and the printed form."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from history_helpers import (
    TODAY,
    add_consent,
    add_person,
    days,
    open_person,
    rows_of_kind,
    wait_saved_and_reloaded,
)
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import type_text

from sociolab_desktop.core.documents.consent_story import TITLE
from sociolab_desktop.core.services import consents
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui import document_output
from sociolab_desktop.ui.forms.dates import to_qdate
from sociolab_desktop.ui.persons.consent_dialog import ConsentDialog
from sociolab_desktop.ui.persons.person_page_data import ConsentState


def _record_dialog(window) -> ConsentDialog:
    window.activateWindow()
    QTest.mouseClick(window.consent_button, Qt.MouseButton.LeftButton)
    return window.dialogs[0]


def test_consent_recorded_by_keyboard_shows_in_the_history_and_the_badge_turns_valid(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    window = open_person(ctx, qtbot, person_id)
    assert window.consent_state() == ConsentState.MISSING
    dialog = _record_dialog(window)
    assert dialog.purpose_combo.currentData() == "data_processing"

    dialog.version_edit.setFocus()
    dialog.version_edit.selectAll()
    type_text(dialog.version_edit, "2019-06b")
    QTest.keyClick(dialog.channel_combo, Qt.Key.Key_Down)  # signed paper → verbal
    assert dialog.channel_combo.currentData() == "verbal"
    wait_saved_and_reloaded(qtbot, dialog, window, lambda: QTest.keyClick(dialog.version_edit, Qt.Key.Key_Return))

    assert window.consent_state() == ConsentState.VALID
    given = rows_of_kind(window, ctx.tr.gettext("Consent given"))
    assert given[0][0] == ctx.tr.format_date(TODAY)
    assert "2019-06b" in given[0][2] and ctx.tr.gettext("Verbally").lower() in given[0][2]
    assert window.withdraw_button.isEnabled()
    [stored] = consents.consents_of_person(workspace.store, person_id)
    assert (stored.purpose, stored.text_version, stored.channel) == ("data_processing", "2019-06b", "verbal")


def test_withdrawing_the_consent_turns_the_badge_withdrawn(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    add_consent(workspace, person_id, on=days(-30))
    window = open_person(ctx, qtbot, person_id)
    assert window.consent_state() == ConsentState.VALID

    qtbot.mouseClick(window.withdraw_button, Qt.MouseButton.LeftButton)
    dialog = window.dialogs[0]
    assert dialog.consent_combo.count() == 1
    wait_saved_and_reloaded(qtbot, dialog, window,
                            lambda: qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton))

    assert window.consent_state() == ConsentState.WITHDRAWN
    assert rows_of_kind(window, ctx.tr.gettext("Consent withdrawn"))[0][0] == ctx.tr.format_date(TODAY)
    assert not window.withdraw_button.isEnabled()


def test_the_withdrawal_is_confirmed_and_closed_with_buttons_that_cannot_be_mistaken(ctx, qtbot, workspace):
    """"Withdraw consent" beside "Cancel" both began "Prekliči" in Slovenian."""
    person_id = add_person(workspace)
    add_consent(workspace, person_id, on=days(-30))
    window = open_person(ctx, qtbot, person_id)
    dialog = window.withdraw_consent()

    confirm, close = dialog.save_button.text(), dialog.cancel_button.text()
    assert confirm == ctx.tr.gettext("Record the withdrawal")
    assert close == ctx.tr.gettext("Close without withdrawing")
    assert confirm.split()[0] != close.split()[0]
    ctx.set_language("en", save=False)
    assert (dialog.save_button.text(), dialog.cancel_button.text()) == (
        "Record the withdrawal", "Close without withdrawing")

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert [record.withdrawn_on for record in consents.consents_of_person(workspace.store, person_id)] == [None]


def _refused(qtbot, dialog, field: str) -> str:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.marks.message(field) != "", timeout=10_000)
    assert dialog.isVisible()
    assert dialog.marks.marked() == [field]  # only the wrong field
    return dialog.marks.message(field)


def test_a_consent_dated_in_the_future_is_refused_at_the_date(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    dialog = _record_dialog(open_person(ctx, qtbot, person_id))
    dialog.date_edit.setDate(to_qdate(days(1)))

    assert ctx.tr.format_date(days(1), "numeric") in _refused(qtbot, dialog, "given_on")
    assert consents.consents_of_person(workspace.store, person_id) == []


def test_an_empty_text_version_is_refused_at_its_field(ctx, qtbot, workspace):
    dialog = _record_dialog(open_person(ctx, qtbot, add_person(workspace)))
    dialog.version_edit.clear()

    message = _refused(qtbot, dialog, "text_version")

    assert message == ctx.tr.gettext("Enter the version of the consent text the person agreed to.")
    assert dialog.marks.message("given_on") == ""


def test_the_same_consent_twice_is_refused_with_a_reason(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    add_consent(workspace, person_id, version="2019-06")
    dialog = _record_dialog(open_person(ctx, qtbot, person_id))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.general_error.isVisibleTo(dialog), timeout=10_000)

    assert "2019-06" in dialog.general_error.text()
    assert len(consents.consents_of_person(workspace.store, person_id)) == 1


def test_a_withdrawal_before_the_consent_was_given_is_refused_at_the_date(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    add_consent(workspace, person_id, on=days(-3))
    window = open_person(ctx, qtbot, person_id)
    qtbot.mouseClick(window.withdraw_button, Qt.MouseButton.LeftButton)
    dialog = window.dialogs[0]
    dialog.date_edit.setDate(to_qdate(days(-10)))

    assert ctx.tr.format_date(days(-10), "numeric") in _refused(qtbot, dialog, "withdrawn_on")
    assert consents.consents_of_person(workspace.store, person_id)[0].withdrawn_on is None


# --- the printed form ---------------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def chosen_file(tmp_path, monkeypatch):
    """The file dialog answers with a file in tmp_path; the offer to open it is recorded."""
    answers = {"path": str(tmp_path / "soglasje"), "suggested": None, "offered": []}

    def choose(_parent, _tr, _title, suggested):
        answers["suggested"] = suggested
        return answers["path"]

    monkeypatch.setattr(document_output, "choose_save_path", choose)
    monkeypatch.setattr(document_output, "offer_to_open",
                        lambda _parent, _tr, _text, path: answers["offered"].append(path))
    return answers


@pytest.mark.parametrize("language", ["sl", "en"])
def test_the_consent_form_prints_the_persons_name_in_the_chosen_language(ctx, qtbot, workspace, chosen_file,
                                                                         language):
    person_id = add_person(workspace, birth_date=dt.date(1985, 3, 4), street_address="Ulica heroja Šaranovića 12",
                           postal_code="2250", post_town="Ptuj")
    window = open_person(ctx, qtbot, person_id)
    qtbot.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    dialog = window.dialogs[0]
    assert dialog.language() == "sl"  # the person's preferred language
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language))

    with qtbot.waitSignal(dialog.printed, timeout=20_000) as printed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    path = Path(printed.args[0])
    assert path.name == "soglasje.pdf" and path.exists()
    assert chosen_file["offered"] == [path]
    assert chosen_file["suggested"].endswith("Đurđa-Čeh-Šuštarić.pdf")
    text = _pdf_text(path)
    assert "Đurđa Čeh-Šuštarić" in text
    assert "Ulica heroja Šaranovića 12 2250 Ptuj" in text
    assert Translator(language).gettext(TITLE) in text
    assert ("Operacija je sofinancirana" in text) == (language == "sl")
    assert ("The operation is co-financed" in text) == (language == "en")


def test_the_form_is_offered_in_the_persons_preferred_language(ctx, qtbot, workspace):
    window = open_person(ctx, qtbot, add_person(workspace, "John", "Smith", preferred_language="en"))
    qtbot.mouseClick(window.print_button, Qt.MouseButton.LeftButton)

    assert window.dialogs[0].language() == "en"


def test_a_form_that_cannot_be_written_says_so_and_leaves_nothing(ctx, qtbot, workspace, chosen_file, tmp_path):
    chosen_file["path"] = str(tmp_path / "missing-folder" / "soglasje.pdf")
    window = open_person(ctx, qtbot, add_person(workspace))
    qtbot.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    dialog = window.dialogs[0]

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=20_000)

    assert "missing-folder" in dialog.error.text()
    assert not (tmp_path / "missing-folder").exists()
    assert chosen_file["offered"] == []
