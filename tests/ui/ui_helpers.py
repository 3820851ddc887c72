"""Helpers for window tests: a stand-in Slovenian catalogue (the real one is added later; tests
compare against `ctx.tr.gettext(...)` so they hold with either), typing non-ASCII text one key
event at a time (see PITFALLS.md), a shell context over a workspace, and showing windows and
waiting for lists."""

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


def answer_question(qtbot, owner, button_text: str) -> None:
    """Click `button_text` in the question `owner` shows (ui/forms/questions.py keeps it on
    `owner.question_box` while it is open)."""
    qtbot.waitUntil(lambda: getattr(owner, "question_box", None) is not None and owner.question_box.isVisible())
    box = owner.question_box
    next(button for button in box.buttons() if button.text() == button_text).click()


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


def show_active(qtbot, widget, size: tuple[int, int] | None = None):
    """`widget` shown and active (shortcuts and focus need an active window), resized to `size`."""
    qtbot.addWidget(widget)
    if size:
        widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def show_main_window(qtbot, ctx: ShellContext):
    """The main window over `ctx`, shown and active (its Ctrl+number keys need that)."""
    from sociolab_desktop.ui.main_window import MainWindow

    return show_active(qtbot, MainWindow(ctx))


def list_settled(page, total: int):
    """A condition for qtbot.waitUntil: the page's list counts `total` matches and waits for nothing."""
    return lambda: page.model.total == total and page.model.idle
