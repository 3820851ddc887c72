"""Pick a municipality (Podravje's 41 first, then the rest of Slovenia, then abroad) or a country
by typing any part of its name, with or without č š ž: "bistr" offers Slovenska Bistrica.

Both lists are editable combo boxes whose completer compares folded text (core.domain.text.fold)
anywhere in the name; the arrow still opens the whole list in its fixed order.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from sociolab_desktop.core.domain.text import fold, slovenian_sort_key
from sociolab_desktop.i18n import N_, Translator

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 10  # every name of the item, folded: what typing matches
ALIASES_ROLE = Qt.ItemDataRole.UserRole + 11  # the same names one by one: what typed text may equal
ABROAD = "abroad"  # the item data of "Abroad": the address is outside Slovenia
ABROAD_LABEL = N_("Abroad (outside Slovenia)")
NO_MATCH = object()  # typed text that names no item


@dataclass(frozen=True)
class MunicipalityChoice:
    code: str
    name: str
    iso_name: str
    is_podravje: bool


def municipality_choices() -> list[MunicipalityChoice]:
    """In a worker: every municipality, Podravje's first (reading pycountry takes a moment)."""
    from sociolab_desktop.core.domain.municipalities import all_municipalities

    return [MunicipalityChoice(m.code, m.name, m.iso_name, m.is_podravje) for m in all_municipalities()]


def country_choices(babel_locale: str) -> list[tuple[str, str]]:
    """Every country but Slovenia as (ISO code, name in the UI language), in Slovenian order."""
    import pycountry
    from babel import Locale

    names = Locale.parse(babel_locale).territories
    countries = [(c.alpha_2, names.get(c.alpha_2, c.name)) for c in pycountry.countries if c.alpha_2 != "SI"]
    return sorted(countries, key=lambda item: slovenian_sort_key(item[1]))


class FoldedCompleter(QCompleter):
    """Matches folded typed text anywhere in the items' folded names; inserts the real name."""

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex) -> str:
        return index.data(Qt.ItemDataRole.DisplayRole) or ""


class FoldedComboBox(QComboBox):
    """An editable list whose typed text is resolved to an item by folded name on reading."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=object_name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typed text never becomes an item
        self.setMaxVisibleItems(20)
        completer = FoldedCompleter(self.model(), self)
        completer.setCompletionRole(FOLDED_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)

    def add_choice(self, text: str, data: object, *also_known_as: str) -> None:
        self.addItem(text, data)
        self._set_names(self.count() - 1, text, *also_known_as)

    def _set_names(self, row: int, *names: str) -> None:
        folded = [fold(name) for name in names]
        self.setItemData(row, " ".join(folded), FOLDED_ROLE)
        self.setItemData(row, folded, ALIASES_ROLE)

    def typed_text(self) -> str:
        return self.lineEdit().text().strip()

    def resolved(self) -> object:
        """The data of the item the text names (None when empty), or NO_MATCH."""
        text = self.typed_text()
        if not text:
            return None
        current = self.currentIndex()
        if current >= 0 and self.itemText(current) == text:
            return self.itemData(current)
        folded = fold(text)
        for row in range(self.count()):
            if folded in (self.itemData(row, ALIASES_ROLE) or ()):
                return self.itemData(row)
        return NO_MATCH

    def select_data(self, data: object) -> bool:
        row = self.findData(data) if data is not None else -1
        if row < 0:
            self.setCurrentIndex(-1)
            self.lineEdit().clear()
            return False
        self.setCurrentIndex(row)
        return True


class MunicipalityPicker(FoldedComboBox):
    """The municipality of the address, or "Abroad"; the country list is shown for the latter."""

    abroad_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("municipalityPicker", parent)
        self._abroad = False
        self._loaded = False
        self._pending: tuple[str | None, bool] | None = None
        self.lineEdit().textChanged.connect(self._on_text_changed)

    @property
    def loaded(self) -> bool:
        return self._loaded

    def set_choices(self, choices: list[MunicipalityChoice], tr: Translator) -> None:
        text = self.lineEdit().text()
        self.clear()
        podravje_done = False
        for choice in choices:
            if not choice.is_podravje and not podravje_done:
                podravje_done = True
                self.insertSeparator(self.count())
            self.add_choice(choice.name, choice.code, choice.iso_name, choice.code)
        self.insertSeparator(self.count())
        self.add_choice(tr.gettext(ABROAD_LABEL), ABROAD, ABROAD_LABEL)
        self._loaded = True
        if self._pending is not None:
            self.set_value(*self._pending)
        else:
            self.setCurrentIndex(-1)
            self.lineEdit().setText(text)

    def set_value(self, code: str | None, abroad: bool) -> None:
        """Show a stored municipality (or abroad); kept until the list has arrived."""
        if not self._loaded:
            self._pending = (code, abroad)
            return
        self._pending = None
        if not self.select_data(ABROAD if abroad else code) and code:
            self.lineEdit().setText(code)  # not in the list (an old code): the check will say so
        self._on_text_changed()

    def value(self) -> tuple[str | None, bool]:
        """(municipality code, or the typed text when it names none; is abroad)."""
        if not self._loaded and self._pending is not None:
            return self._pending
        data = self.resolved()
        if data == ABROAD:
            return None, True
        if data is NO_MATCH:
            return self.typed_text(), False
        return data, False

    def is_abroad(self) -> bool:
        return self._abroad

    def retranslate(self, tr: Translator) -> None:
        row = self.findData(ABROAD)
        if row >= 0:
            current = self.currentIndex() == row
            self.setItemText(row, tr.gettext(ABROAD_LABEL))
            self._set_names(row, tr.gettext(ABROAD_LABEL), ABROAD_LABEL)
            if current:
                self.lineEdit().setText(self.itemText(row))
        self.lineEdit().setPlaceholderText(tr.gettext("Type part of the name, e.g. bistrica"))

    def _on_text_changed(self, *_args) -> None:
        abroad = self.resolved() == ABROAD
        if abroad != self._abroad:
            self._abroad = abroad
            self.abroad_changed.emit(abroad)


class CountryPicker(FoldedComboBox):
    """The country of an address abroad, named in the UI language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("countryPicker", parent)
        self._pending: str | None = None

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        selected, typed = self.value(), self.lineEdit().text()
        self.clear()
        for code, name in choices:
            self.add_choice(name, code, code)
        if selected is NO_MATCH:
            self.setCurrentIndex(-1)
            self.lineEdit().setText(typed)  # kept for the check to name it
        else:
            self.select_data(selected)

    def set_value(self, code: str | None) -> None:
        self._pending = code
        if self.count():
            self.select_data(code)

    def value(self) -> str | None:
        """The ISO code chosen, None when empty, or NO_MATCH for text that names no country."""
        if not self.count():
            return self._pending
        data = self.resolved()
        return data if isinstance(data, str) or data is None else NO_MATCH
