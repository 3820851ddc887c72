"""Helpers for window tests: a stand-in Slovenian catalogue (the real one is added later; tests
compare against `ctx.tr.gettext(...)` so they hold with either), typing non-ASCII text one key
event at a time (see PITFALLS.md), and a shell context over a workspace."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.qt_translations import QtTranslators
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.workspace import Workspace

FAKE_SLOVENIAN = {
    "OK": "V redu",
    "Cancel": "Prekliči",
    "&Yes": "&Da",
    "&No": "&Ne",
    "Close": "Zapri",
    "Save": "Shrani",
    "Clients": "Stranke",
    "Organisations": "Organizacije",
    "Mentoring": "Mentorstvo",
    "Events": "Dogodki",
    "Reports": "Poročila",
    "Sync": "Sinhronizacija",
    "&File": "&Datoteka",
    "&Go": "&Pojdi",
    "&Settings": "&Nastavitve",
    "&Help": "&Pomoč",
    "&Language": "&Jezik",
    "Info point: {name}": "Informacijska točka: {name}",
    "Signed in: {name}": "Prijavljena oseba: {name}",
    "Enter the name of the info point.": "Vpišite ime informacijske točke.",
}


class FakeSlovenianTranslator(Translator):
    """Slovenian for the words above; everything else as the real catalogue says (or English)."""

    def __init__(self) -> None:
        super().__init__("sl")

    def gettext(self, message: str) -> str:
        return FAKE_SLOVENIAN.get(message) or super().gettext(message)

    __call__ = gettext


def fake_translator_factory(language: str) -> Translator:
    return FakeSlovenianTranslator() if language == "sl" else Translator(language)


def type_text(widget, text: str) -> None:
    """Type `text` into `widget` like a keyboard does, č and ž included."""
    for character in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, character, Qt.KeyboardModifier.NoModifier
        )


def make_context(workspace: Workspace | None, qapp, paths=None, settings=None) -> ShellContext:
    ctx = ShellContext(
        paths or workspace.paths,
        settings or workspace.settings,
        translator_factory=fake_translator_factory,
        qt_translators=QtTranslators(qapp),
    )
    if workspace is not None:
        ctx.attach_workspace(workspace)
    return ctx
