"""The document logos window: add, refuse, reorder, remove, height, save; printing uses the result."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pypdf import PdfReader

from sociolab_desktop.branding_settings import branding_from_settings, display_name
from sociolab_desktop.core.documents.consent_form import ConsentFormData, build_consent_form
from sociolab_desktop.core.services import staff
from sociolab_desktop.i18n import Translator
from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.document_settings_dialog import ALREADY_LISTED, DocumentSettingsDialog
from sociolab_desktop.ui.main_window import MainWindow


def make_image(path: Path, size=(300, 100), colour=(0, 51, 153), image_format=None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, format=image_format)
    return path


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    broken = tmp_path / "stick" / "broken.png"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    return {
        "emblem": make_image(tmp_path / "stick" / "emblem.png", size=(300, 200)),
        "programme": make_image(tmp_path / "stick" / "programme.jpg", size=(400, 100), image_format="JPEG"),
        "broken": broken,
        "gif": make_image(tmp_path / "stick" / "old.gif", image_format="GIF"),
    }


def open_dialog(ctx, qtbot) -> DocumentSettingsDialog:
    dialog = DocumentSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


def add(qtbot, dialog, monkeypatch, *paths: Path) -> None:
    """Click Add… and pick `paths` in the (stubbed) file dialog."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_args, **_kw: ([str(p) for p in paths], ""))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.importing)


def names(dialog) -> list[str]:
    return [display_name(entry.setting) for entry in dialog.entries]


def test_administrator_adds_orders_and_saves_logos_that_print_after_the_originals_are_gone(
        ctx, qtbot, workspace, files, monkeypatch):
    dialog = open_dialog(ctx, qtbot)
    add(qtbot, dialog, monkeypatch, files["programme"], files["broken"], files["emblem"])
    assert names(dialog) == ["programme.jpg", "emblem.png"]
    assert str(files["broken"]) in dialog.error.text() and dialog.error.isVisible()
    assert dialog.logo_list.count() == 2 and not dialog.logo_list.item(0).icon().isNull()
    assert "400 × 100" in dialog.logo_list.item(0).text()
    assert len(dialog.preview.images) == 2

    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)  # the emblem first
    assert names(dialog) == ["emblem.png", "programme.jpg"] and dialog.logo_list.currentRow() == 0
    dialog.height_spin.setValue(20)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = load_settings(workspace.paths.settings)
    assert [display_name(logo) for logo in saved.document_logos] == ["emblem.png", "programme.jpg"]
    assert saved.logo_height_mm == 20.0
    for original in files.values():
        original.unlink()
    branding = branding_from_settings(workspace.paths, saved)
    assert all(path.is_relative_to(workspace.paths.root / "branding") for path in branding.logos)
    data = ConsentFormData(person_name="Ana Čeh", info_point="Informacijska točka Maribor",
                           controller="Zavod Socialni inkubator", printed_on=dt.date(2021, 6, 30))
    result = build_consent_form(data, Translator("sl"), branding)
    assert result.warnings == []
    assert len(PdfReader(io.BytesIO(result.pdf)).pages[0].images) == 2


def test_a_gif_and_a_logo_already_listed_are_refused_with_a_message(ctx, qtbot, files, monkeypatch):
    dialog = open_dialog(ctx, qtbot)
    add(qtbot, dialog, monkeypatch, files["emblem"])
    add(qtbot, dialog, monkeypatch, files["emblem"], files["gif"])
    assert names(dialog) == ["emblem.png"]
    message = dialog.error.text()
    assert ctx.tr.gettext(ALREADY_LISTED).format(name="emblem.png") in message
    assert str(files["gif"]) in message and "GIF" in message


def test_delete_removes_and_ctrl_arrows_reorder_from_the_keyboard(ctx, qtbot, workspace, files, monkeypatch):
    dialog = open_dialog(ctx, qtbot)
    add(qtbot, dialog, monkeypatch, files["emblem"], files["programme"])
    dialog.logo_list.setFocus()
    dialog.logo_list.setCurrentRow(1)
    qtbot.keyClick(dialog.logo_list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert names(dialog) == ["programme.jpg", "emblem.png"]
    qtbot.keyClick(dialog.logo_list, Qt.Key.Key_Delete)
    assert names(dialog) == ["emblem.png"]
    assert not dialog.up_button.isEnabled() and not dialog.down_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # The removed logo's copy is deleted with the save; the kept one stays.
    assert [path.name for path in (workspace.paths.root / "branding").iterdir()] == [
        Path(ctx.settings.document_logos[0]).name]


def test_cancel_leaves_the_settings_as_they_were(ctx, qtbot, files, monkeypatch):
    dialog = open_dialog(ctx, qtbot)
    add(qtbot, dialog, monkeypatch, files["emblem"])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and ctx.settings.document_logos == []


def test_a_logo_whose_copy_disappeared_is_shown_as_missing(ctx, qtbot, workspace, files, monkeypatch):
    dialog = open_dialog(ctx, qtbot)
    add(qtbot, dialog, monkeypatch, files["emblem"])
    dialog.accept()
    (workspace.paths.root / ctx.settings.document_logos[0]).unlink()
    again = open_dialog(ctx, qtbot)
    assert len(again.entries) == 1 and not again.entries[0].readable
    assert "emblem.png" in again.logo_list.item(0).text() and again.preview.images == []


def test_only_administrators_reach_and_change_the_logos(ctx, qtbot, workspace):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.menus.document_logos.isEnabled()
    dialog = window.open_document_settings()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.add_button.isEnabled()
    dialog.reject()
    clerk = staff.add_staff(workspace.store, workspace.actor, "Janez Novak")
    ctx.sign_in(clerk.id)
    assert not window.menus.document_logos.isEnabled()
    read_only = open_dialog(ctx, qtbot)
    assert not read_only.add_button.isEnabled() and not read_only.save_button.isEnabled()
