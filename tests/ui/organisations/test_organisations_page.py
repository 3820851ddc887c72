"""The Organisations page with real widgets and keys: the list, folded search, filters, the count,
the empty state, Ctrl+N, opening an organisation, and the area in the main window (Ctrl+2)."""

from __future__ import annotations

import pytest
from organisations_helpers import count_text, settle, show
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox
from ui_helpers import show_main_window, type_text

from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.list_page import NO_MATCH, NONE_YET, TABLE
from sociolab_desktop.ui.organisations.organisation_form import OrganisationForm
from sociolab_desktop.ui.organisations.organisation_list_model import LEGAL_FORM, NAME
from sociolab_desktop.ui.organisations.organisation_window import OrganisationWindow
from sociolab_desktop.ui.organisations.organisations_page import (
    FILTER_WIDTH_CHARACTERS,
    OrganisationsPage,
)


def _names(page) -> list[str]:
    return [page.model.index(row, NAME).data() for row in range(page.model.rowCount())]


def test_list_shows_every_organisation_in_slovenian_order_with_the_count(page, ctx):
    # "Cvetličarna" before "Društvo Čebelica"; Č sorts after C, not with it.
    assert _names(page) == ["Cvetličarna Šmarnica, so.p.", "Društvo Čebelica", "Zadruga Đurđevka, z.o.o.",
                            "Zavod Sonce"]
    assert page.count_label.text() == count_text(ctx.tr, 4)
    assert page.model.index(1, LEGAL_FORM).data() == ctx.tr.gettext("Association")
    assert page.list_stack.currentIndex() == TABLE


def test_typing_a_folded_query_finds_the_organisation_with_accents(page, qtbot, ctx):
    page.search_edit.setFocus()
    type_text(page.search_edit, "zadruga durdevka")
    assert page.model.query.text == ""  # waits for a pause in typing, not one query per key
    qtbot.waitUntil(lambda: page.model.query.text == "zadruga durdevka" and page.model.idle)
    assert _names(page) == ["Zadruga Đurđevka, z.o.o."]
    assert page.count_label.text() == count_text(ctx.tr, 1)


def test_typing_slovenian_letters_finds_the_same(page, qtbot):
    type_text(page.search_edit, "Čeb")
    qtbot.waitUntil(settle(page, 1))
    assert _names(page) == ["Društvo Čebelica"]


def test_search_by_registration_number(page, qtbot):
    type_text(page.search_edit, "5933102")
    qtbot.waitUntil(settle(page, 1))
    assert _names(page) == ["Zadruga Đurđevka, z.o.o."]


def test_legal_form_and_stage_filters_narrow_the_list(page, qtbot):
    page.legal_form_combo.setCurrentIndex(page.legal_form_combo.findData("association"))
    page.legal_form_combo.activated.emit(page.legal_form_combo.currentIndex())
    qtbot.waitUntil(settle(page, 1))
    assert _names(page) == ["Društvo Čebelica"]
    page.legal_form_combo.setCurrentIndex(0)
    page.stage_combo.setFocus()
    page.stage_combo.setCurrentIndex(page.stage_combo.findData("start_up"))
    page.stage_combo.activated.emit(page.stage_combo.currentIndex())
    qtbot.waitUntil(settle(page, 2))
    assert _names(page) == ["Cvetličarna Šmarnica, so.p.", "Zadruga Đurđevka, z.o.o."]


def test_municipality_filter_lists_podravje_first_and_narrows(page, qtbot):
    assert page.municipality_combo.itemText(1) == "Benedikt"
    page.municipality_combo.setCurrentIndex(page.municipality_combo.findData("SI-070"))  # Maribor
    page.municipality_combo.activated.emit(page.municipality_combo.currentIndex())
    qtbot.waitUntil(settle(page, 2))
    assert _names(page) == ["Društvo Čebelica", "Zavod Sonce"]


def test_nothing_found_says_so_instead_of_an_empty_table(page, qtbot):
    type_text(page.search_edit, "neobstojeca")
    qtbot.waitUntil(settle(page, 0))
    assert page.list_stack.currentIndex() == NO_MATCH
    assert page.count_label.text() == count_text(page.ctx.tr, 0)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(settle(page, 4))
    assert page.list_stack.currentIndex() == TABLE


def test_without_organisations_the_page_invites_to_add_the_first(ctx, qtbot):
    page = show(qtbot, OrganisationsPage(ctx))
    qtbot.waitUntil(settle(page, 0))
    assert page.list_stack.currentIndex() == NONE_YET
    assert page.none_yet_button.isVisible()
    assert not page.legal_form_combo.isVisible() and not page.count_label.isVisible()
    page.none_yet_button.click()
    assert isinstance(page.form, OrganisationForm)
    page.form.done(0)


def test_ctrl_f_puts_the_cursor_in_the_search_field(page, qtbot):
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search_edit.hasFocus)


def test_ctrl_n_opens_the_form_for_a_new_organisation(page, qtbot):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.form, OrganisationForm)
    assert page.form.organisation_id is None
    qtbot.waitUntil(lambda: page.form.ready)
    form = page.form
    form.reject()  # nothing typed: closes without asking
    qtbot.waitUntil(lambda: page.form is None)
    assert not form.isVisible()


def test_enter_on_a_row_opens_that_organisation(page, qtbot, organisations):
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)  # from the search field into the list
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.organisation_activated) as signal:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert signal.args == [organisations["cebelica"].id]
    window = page.windows[organisations["cebelica"].id]
    assert isinstance(window, OrganisationWindow) and window.isVisible()
    qtbot.waitUntil(lambda: window.view is not None)
    assert window.details.name_label.text() == "Društvo Čebelica"
    assert page.open_organisation(organisations["cebelica"].id) is window  # one window per organisation
    window.close()


def test_double_click_opens_the_organisation(page, qtbot, organisations):
    rect = page.table.visualRect(page.model.index(2, NAME))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.organisation_activated) as signal:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [organisations["zadruga"].id]
    page.windows[organisations["zadruga"].id].close()


def test_ctrl_2_shows_the_organisations_area_in_the_main_window(organisations, ctx, qtbot):
    window = show_main_window(qtbot, ctx)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "organisations"
    page = window.pages.currentWidget()
    assert isinstance(page, OrganisationsPage) and page.isVisible()
    qtbot.waitUntil(settle(page, 4))
    assert page.count_label.text() == count_text(ctx.tr, 4)

    window.menus.language_actions["en"].trigger()
    assert page.title_label.text() == "Organisations"
    assert page.count_label.text() == "4 organisations"
    assert page.model.headerData(NAME, Qt.Orientation.Horizontal) == "Name"
    assert page.legal_form_combo.itemText(0) == "Any legal form"
    assert page.model.index(1, LEGAL_FORM).data() == "Association"
    window.menus.language_actions["sl"].trigger()
    assert page.count_label.text() == count_text(ctx.tr, 4)
    assert page.legal_form_combo.itemText(0) == Translator("sl").gettext("Any legal form")


def _longest(combo) -> int:
    metrics = combo.fontMetrics()
    return max(metrics.horizontalAdvance(combo.itemText(row)) for row in range(combo.count()))


def _text_width(combo) -> int:
    """The width the style leaves for the closed combo's text."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width()


@pytest.mark.parametrize("language", ["sl", "en"])
def test_the_filters_show_their_longest_item_whole_at_1366_pixels(organisations, ctx, qtbot, language):
    ctx.set_language(language, save=False)
    window = show_main_window(qtbot, ctx)
    window.resize(1366, 728)
    window.show_area("organisations")
    page = window.area_page("organisations")
    qtbot.waitUntil(lambda: page.site_combo.count() > 1 and page.municipality_combo.count() > 1)
    # "Vse pravnoorganizacijske oblike", "Pobuda brez pravnoorganizacijske oblike": not cut to "… ob".
    qtbot.waitUntil(lambda: all(_text_width(combo) >= _longest(combo) for combo in page.filter_combos))
    assert page.count_label.isVisible() and page.count_label.geometry().right() <= page.width()


def test_a_narrow_window_narrows_the_filters_as_before(page):
    plain = QComboBox()  # the narrowest the line of filters asked for before: no wider minimum now
    plain.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    plain.setMinimumContentsLength(FILTER_WIDTH_CHARACTERS)
    combo = page.legal_form_combo
    assert combo.minimumSizeHint().width() == plain.minimumSizeHint().width()
    combo.resize(combo.minimumSizeHint())
    assert _text_width(combo) < _longest(combo)  # then the text is elided ("…"), see FilterCombo.paintEvent
