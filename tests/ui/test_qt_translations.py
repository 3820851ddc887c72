"""Qt's standard buttons speak the program's language, from our own catalogue."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from ui_helpers import FakeSlovenianTranslator

from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.qt_translations import QT_STANDARD_TEXTS, QtTranslators


def _message_box_buttons(qtbot) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, "t", "?")
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes
    )
    qtbot.addWidget(box)
    return box


def test_message_box_standard_buttons_read_our_translation(qtbot, qapp):
    translators = QtTranslators(qapp)
    tr = FakeSlovenianTranslator()
    translators.install(tr)
    try:
        box = _message_box_buttons(qtbot)
        assert box.button(QMessageBox.StandardButton.Cancel).text() == tr.gettext("Cancel") == "Prekliči"
        assert box.button(QMessageBox.StandardButton.Ok).text() == "V redu"
        assert box.button(QMessageBox.StandardButton.Yes).text() == "&Da"
    finally:
        translators.remove()


def test_dialog_button_box_standard_buttons_read_our_translation(qtbot, qapp):
    translators = QtTranslators(qapp)
    translators.install(FakeSlovenianTranslator())
    try:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "V redu"
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Prekliči"
    finally:
        translators.remove()


def test_switching_to_english_gives_qt_its_english_back(qtbot, qapp):
    translators = QtTranslators(qapp)
    translators.install(FakeSlovenianTranslator())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Prekliči"
    translators.install(Translator("en"))
    try:
        # Open dialogs follow at once: swapping translators sends LanguageChange.
        qtbot.waitUntil(
            lambda: buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
        )
    finally:
        translators.remove()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_untranslated_standard_text_falls_through_to_qts_own_slovenian(qapp):
    translators = QtTranslators(qapp)
    translators.install(FakeSlovenianTranslator())
    try:
        # Not in our (fake) catalogue, but in Qt's legacy qt_sl.qm.
        assert QCoreApplication.translate("QMessageBox", "Show Details...") == "Prikaži podrobnosti ..."
        # Context menus of text fields come from qt_sl.qm as well.
        assert QCoreApplication.translate("QLineEdit", "Select All") == "Izberi vse"
    finally:
        translators.remove()


def test_every_standard_text_is_a_plain_catalogue_message():
    for texts in QT_STANDARD_TEXTS.values():
        for text in texts:
            assert text == text.strip() and "{" not in text
