"""Save and Cancel under a form, in our own words: Qt's Slovenian leaves its standard buttons English."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget


def save_buttons(parent: QWidget) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The box, its Save (the default: Enter in a one-line field saves) and its Cancel; the caller
    gives them their texts when it retranslates."""
    box = QDialogButtonBox(parent)
    save = QPushButton(objectName="saveButton")
    cancel = QPushButton(objectName="cancelButton")
    save.setDefault(True)
    cancel.setAutoDefault(False)
    box.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    return box, save, cancel
