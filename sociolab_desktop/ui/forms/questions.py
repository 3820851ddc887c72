"""The questions and notices of the forms and windows: window-modal boxes opened with `open()`,
never `exec()`, so the window stays responsive. While one is shown it is kept on the asking
window's `question_box`, where tests find it and click its buttons."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from sociolab_desktop import APP_NAME
from sociolab_desktop.i18n import N_, Translator

Choice = tuple[str, QMessageBox.ButtonRole]
SAVE, DISCARD = "save", "discard"  # the answers to "unsaved changes?" that do something
FORM_CHANGED = N_("You have changed this form. Close it without saving?")  # for a form that offers no Save


def ask(parent: QWidget, text: str, choices: Sequence[Choice], on_answer: Callable[[int], None], *,
        default: int = 0, escape: int | None = None, icon=QMessageBox.Icon.Question, informative: str = "",
        object_name: str = "") -> QMessageBox:
    """A box with `choices` (text, role); `on_answer(index)` runs with the button clicked (the
    `escape` one, the last by default, for Esc)."""
    box = QMessageBox(icon, APP_NAME, text, parent=parent)
    if object_name:
        box.setObjectName(object_name)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names are quoted, never read as markup
    if informative:
        box.setInformativeText(informative)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    buttons = [box.addButton(label, role) for label, role in choices]
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[len(buttons) - 1 if escape is None else escape])

    owner = weakref.ref(parent)

    def forget() -> None:
        if getattr(owner(), "question_box", None) is box:
            owner().question_box = None

    def answered(button) -> None:
        forget()  # before on_answer, which may ask the next question
        if button in buttons:
            on_answer(buttons.index(button))

    def finished(_result: int) -> None:
        forget()
        # Let go of the Python callables now: released later, while Qt deletes the box, they
        # could drop the last reference to the window and have it (and the box) deleted twice.
        box.buttonClicked.disconnect()
        box.finished.disconnect()

    box.buttonClicked.connect(answered)
    box.finished.connect(finished)
    parent.question_box = box
    box.open()
    return box


def tell(parent: QWidget, text: str, tr: Translator, *, icon=QMessageBox.Icon.Information) -> QMessageBox:
    """A notice with one Close button."""
    return ask(parent, text, [(tr.gettext("Close"), QMessageBox.ButtonRole.AcceptRole)], lambda _i: None, icon=icon)


def ask_unsaved_changes(parent: QWidget, tr: Translator, text: str, on_answer: Callable[[str], None], *,
                        informative: str = "", can_save: bool = True) -> QMessageBox:
    """Closing a form with changes: "Save" (the default; not offered when `can_save` is False),
    "Close without saving" or "Keep editing" (Esc). `on_answer` gets SAVE or DISCARD; keeping
    on editing needs nothing done."""
    answers = [SAVE, DISCARD, None] if can_save else [DISCARD, None]
    choices = [(tr.gettext("Close without saving"), QMessageBox.ButtonRole.DestructiveRole),
               (tr.gettext("Keep editing"), QMessageBox.ButtonRole.RejectRole)]
    if can_save:
        choices.insert(0, (tr.gettext("Save"), QMessageBox.ButtonRole.AcceptRole))

    def answered(index: int) -> None:
        if answers[index] is not None:
            on_answer(answers[index])

    return ask(parent, text, choices, answered, default=0 if can_save else 1, informative=informative,
               object_name="unsavedChangesQuestion")


def ask_save_anyway(parent: QWidget, tr: Translator, text: str, on_save: Callable[[], None], *,
                    instead: tuple[str, Callable[[], None]] | None = None) -> QMessageBox:
    """A save the service would refuse unconfirmed (a name already taken, unusual hours): "Save
    anyway", `instead` (its words and what it does, e.g. open the existing record; the default
    when given) or "Go back and check" (the default otherwise: Enter is no reflex "yes")."""
    choices = [(tr.gettext("Save anyway"), QMessageBox.ButtonRole.AcceptRole)]
    actions = [on_save]
    if instead is not None:
        choices.append((instead[0], QMessageBox.ButtonRole.ActionRole))
        actions.append(instead[1])
    choices.append((tr.gettext("Go back and check"), QMessageBox.ButtonRole.RejectRole))

    def answered(index: int) -> None:
        if index < len(actions):
            actions[index]()

    return ask(parent, text, choices, answered, default=len(choices) - 1 if instead is None else 1,
               icon=QMessageBox.Icon.Warning, object_name="saveAnywayQuestion")
