"""A combo box offering the labels of a table of stored choices (core/domain/labels.py)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox

from sociolab_desktop.core.domain.labels import Label, translated
from sociolab_desktop.i18n import Translator


def fill_combo(combo: QComboBox, table: Mapping[str, Label], tr: Translator, *, first: str | None = None) -> None:
    """(Re)write a combo's items as `table`'s labels, keeping its choice; `first` is an extra
    first item (e.g. "Any legal form") whose data is None."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(tr.gettext(first), None)
    for value, text in table.items():
        combo.addItem(translated(tr, text), value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
