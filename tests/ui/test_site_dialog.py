"""Settings ▸ Info point…: the info point's name and the data controller its consent forms name."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pypdf import PdfReader

from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services import sites
from sociolab_desktop.core.services.printing import consent_form_data
from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.persons.consent_print import write_consent_form
from sociolab_desktop.ui.site_dialog import SiteDialog
from ui_helpers import show_active, type_text


def open_dialog(ctx, qtbot) -> SiteDialog:
    return show_active(qtbot, SiteDialog(ctx))


def click_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_data_controller_set_here_is_what_the_consent_form_names(ctx, qtbot, workspace, tmp_path):
    dialog = open_dialog(ctx, qtbot)
    assert dialog.controller_edit.text() == "" and dialog.controller_edit.placeholderText()
    type_text(dialog.controller_edit, "Zavod Šentprimer, Ptujska cesta 5, 2000 Maribor")
    type_text(dialog.contact_edit, "varstvo.podatkov@example.si")
    click_ok(qtbot, dialog)
    assert dialog.result() == SiteDialog.DialogCode.Accepted

    saved = load_settings(workspace.paths.settings)
    assert saved.data_controller == "Zavod Šentprimer, Ptujska cesta 5, 2000 Maribor"
    assert saved.data_controller_contact == "varstvo.podatkov@example.si"
    person = ps.create_person(workspace.store, workspace.actor, ps.PersonInput("Ana", "Čeh"),
                              today=dt.date(2026, 11, 27))
    path = tmp_path / "soglasje.pdf"
    write_consent_form(path, consent_form_data(ps.get_person(workspace.store, person.id), saved,
                                               dt.date(2026, 11, 27)), "sl")
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Zavod Šentprimer, Ptujska cesta 5, 2000 Maribor" in text
    assert "varstvo.podatkov@example.si" in text

    again = open_dialog(ctx, qtbot)  # shows what was saved
    assert again.controller_edit.text().startswith("Zavod Šentprimer")


def test_clearing_the_controller_names_the_info_point_again(ctx, qtbot, workspace):
    ctx.settings.data_controller, ctx.settings.data_controller_contact = "Zavod X", "x@example.si"
    dialog = open_dialog(ctx, qtbot)
    dialog.controller_edit.selectAll()
    qtbot.keyClick(dialog.controller_edit, Qt.Key.Key_Delete)
    dialog.contact_edit.setText("   ")
    click_ok(qtbot, dialog)

    saved = load_settings(workspace.paths.settings)
    assert (saved.data_controller, saved.data_controller_contact) == (None, None)
    form = consent_form_data(ps.get_person(workspace.store, ps.create_person(
        workspace.store, workspace.actor, ps.PersonInput("Bor", "Kos"), today=dt.date(2026, 11, 27)).id),
        saved, dt.date(2026, 11, 27))
    assert form.controller == "Informacijska točka Maribor"


def test_an_empty_name_is_refused_and_nothing_is_saved(ctx, qtbot, workspace):
    dialog = open_dialog(ctx, qtbot)
    dialog.name_edit.setText("   ")
    type_text(dialog.controller_edit, "Zavod Y")
    click_ok(qtbot, dialog)

    assert dialog.isVisible() and dialog.error.isVisible() and dialog.error.text()
    assert load_settings(workspace.paths.settings).data_controller is None
    assert [site.name for site in sites.list_sites(workspace.store)] == ["Informacijska točka Maribor"]


def test_a_settings_file_that_cannot_be_written_is_said_and_the_dialog_stays(ctx, qtbot, workspace, monkeypatch):
    def refuse():
        raise PermissionError("read-only folder")

    dialog = open_dialog(ctx, qtbot)
    type_text(dialog.controller_edit, "Zavod Z")
    monkeypatch.setattr(ctx, "save_settings", refuse)
    click_ok(qtbot, dialog)

    assert dialog.isVisible() and "PermissionError" in dialog.error.text()
    assert load_settings(workspace.paths.settings).data_controller is None
