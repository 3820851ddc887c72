"""Tooltips on the controls whose use is not obvious (issue #7): each says what the control does,
goes through the window's translator (the Slovenian text is the catalogue's translation of the
English one), keeps its keyboard shortcut in view, and is set again when the language changes."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard
from ui_helpers import show_active, show_main_window

from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import sessions as se
from sociolab_desktop.ui.events.event_tables import R_CODE
from sociolab_desktop.ui.events.event_window import EventWindow
from sociolab_desktop.ui.importing import ImportWizard
from sociolab_desktop.ui.organisations.organisation_window import OrganisationWindow
from sociolab_desktop.ui.persons.person_form import PersonFormDialog


def _switch_to_english(ctx, controls: dict) -> tuple[dict, dict]:
    """Each control's tooltip before the switch; then each one's tooltip is wiped and the language
    switched, so what the controls show afterwards was set again by the switch."""
    before = {name: tip() for name, (tip, _clear) in controls.items()}
    for _tip, clear in controls.values():
        clear()
    ctx.set_language("en", save=False)
    after = {name: tip() for name, (tip, _clear) in controls.items()}
    return before, after


def _widgets(widgets: dict[str, QWidget]) -> dict:
    return {name: (widget.toolTip, lambda widget=widget: widget.setToolTip("")) for name, widget in widgets.items()}


def _assert_translated(slovenian, before: dict, after: dict) -> None:
    """Slovenian first, from the same English message id; English after the switch."""
    for name, english in after.items():
        assert english, f"{name} has no tooltip after the language switch"
        assert before[name] == slovenian.gettext(english), name


def test_the_event_window_says_what_its_buttons_and_the_code_column_do(qtbot, ctx, workspace):
    event_id = ev.create_event(workspace.store, workspace.actor, ev.EventInput(
        "training_programme", "Usposabljanje za socialne podjetnike")).id
    se.add_session(workspace.store, workspace.actor, event_id,
                   se.SessionInput(dt.date(2026, 11, 27), dt.time(9), dt.time(12)))
    window = show_active(qtbot, EventWindow(ctx, event_id), (1120, 690))
    qtbot.waitUntil(lambda: window.view is not None)
    header = window.registrations_table.horizontalHeaderItem
    buttons = window.buttons
    controls = _widgets({name: buttons[name] for name in ("checkin", "attach", "scans", "certificates")})
    controls["code"] = (lambda: header(R_CODE).toolTip(), lambda: header(R_CODE).setToolTip(""))
    slovenian = ctx.tr
    before, after = _switch_to_english(ctx, controls)
    assert before["checkin"] == slovenian.gettext(
        "Open the door check-in for the chosen session ({shortcut})").format(shortcut="Ctrl+D")
    assert before["attach"].endswith("(Ctrl+Shift+S)")
    assert after["checkin"] == "Open the door check-in for the chosen session (Ctrl+D)"
    assert after["attach"] == ("Attach the scan (PDF or picture) of the chosen session's signed attendance sheet "
                               "(Ctrl+Shift+S)")
    assert "scan" in after["code"] and "door check-in" in after["code"]
    assert "signed attendance sheet" in after["scans"]
    assert "certificate rule" in after["certificates"]
    plain = ("scans", "certificates", "code")
    _assert_translated(slovenian, {key: before[key] for key in plain}, {key: after[key] for key in plain})
    assert buttons["edit"].toolTip() == "Ctrl+E"  # buttons without a description keep showing their key

    dialog = window.print_certificates()
    qtbot.waitUntil(lambda: dialog.eligibility is not None)
    ctx.set_language("sl", save=False)
    slovenian = ctx.tr
    before, after = _switch_to_english(ctx, _widgets({"language": dialog.language_combo,
                                                      "save": dialog.save_button}))
    assert "language the certificates are printed in" in after["language"]
    assert "certificate number" in after["save"] and "one PDF per person" in after["save"]
    _assert_translated(slovenian, before, after)


def test_the_person_form_explains_the_fields_that_fill_others_and_the_intake_choices(qtbot, ctx):
    form = PersonFormDialog(ctx, None)
    qtbot.addWidget(form, before_close_func=lambda widget: widget.hide())  # no unsaved-changes question
    form.show()
    qtbot.waitUntil(lambda: form.is_ready)
    fields = form.fields.widgets
    slovenian = ctx.tr
    before, after = _switch_to_english(ctx, _widgets({name: fields[name] for name in (
        "emso", "postal_code", "preferred_language", "site_id")}))
    assert "date of birth" in after["emso"] and "gender" in after["emso"]
    assert "post office" in after["postal_code"] and "municipality" in after["postal_code"]
    assert "consent form" in after["preferred_language"] and "certificates" in after["preferred_language"]
    assert "info point" in after["site_id"]
    _assert_translated(slovenian, before, after)


def test_the_organisation_window_explains_changing_dates_and_removing_a_role(qtbot, ctx, workspace):
    organisation = org.create_organisation(workspace.store, workspace.actor,
                                           org.OrganisationInput(name="Zadruga Đurđevka", legal_form="cooperative"))
    window = show_active(qtbot, OrganisationWindow(ctx, organisation.id), (1060, 640))
    qtbot.waitUntil(lambda: window.view is not None and not window.loading)
    dialog = window.link_person()  # its since / until dates: a tick box for "no date"
    slovenian = ctx.tr
    before, after = _switch_to_english(ctx, _widgets({
        "dates": window.dates_button, "unlink": window.unlink_button,
        "since": dialog.since_edit.check, "until": dialog.until_edit.check}))
    assert "began or ended" in after["dates"]
    assert "end date instead" in after["unlink"]
    assert "unticked, no date" in after["since"] and after["until"] == after["since"]
    _assert_translated(slovenian, before, after)


def test_the_import_wizard_explains_the_sheet_and_the_column_choices(qtbot, ctx, tmp_path):
    workbook = Workbook()
    workbook.active.title = "Udeleženci"
    workbook.active.append(["Ime", "Priimek", "Opomba"])
    workbook.active.append(["Janja", "Čeh", "vegetarijanka"])
    last_year = workbook.create_sheet("Lani")
    last_year.append(["Ime in priimek"])
    last_year.append(["Rok Šuštar"])
    path = tmp_path / "udelezenci.xlsx"
    workbook.save(path)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.source_page.set_path(path)
    qtbot.waitUntil(lambda: not wizard.source_page.reading)
    sheet_combo = wizard.source_page.sheet_combo
    assert sheet_combo.isVisible() and sheet_combo.count() == 2  # a workbook of two sheets: a choice
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    combos = wizard.mapping_page.combos
    assert len(combos) == 3
    slovenian = ctx.tr
    before, after = _switch_to_english(ctx, _widgets({"sheet": sheet_combo, **{
        f"column {index}": combo for index, combo in enumerate(combos)}}))
    assert "sheet of the Excel workbook" in after["sheet"]
    assert all(after[f"column {index}"] == after["column 0"] for index in range(3))
    assert "“Do not import” leaves the column out" in after["column 0"]
    assert before["sheet"] == slovenian.gettext(after["sheet"])
    assert before["column 0"] == slovenian.gettext(
        "The field this column's values go into; “{skip}” leaves the column out.").format(
        skip=slovenian.gettext("Do not import"))


def test_the_main_window_pages_explain_esf_records_the_shared_folder_and_the_support_overview(qtbot, ctx):
    window = show_main_window(qtbot, ctx)
    esf = window.area_page("reports").esf_page
    sync = window.area_page("sync")
    mentoring = window.area_page("mentoring")
    slovenian = ctx.tr
    before, after = _switch_to_english(ctx, _widgets({
        "complete": esf.complete_button, "open": esf.open_button, "share": sync.change_share_button,
        "overview": mentoring.overview_button, "from": mentoring.all.from_edit.check}))
    assert "missing ESF data" in after["complete"]
    assert "participant's window" in after["open"]
    assert "shared folder" in after["share"] and "stay as they are" in after["share"]
    assert "support overview" in after["overview"] and "sessions and hours" in after["overview"]
    assert after["from"] == "Tick to show only sessions from this date on"
    _assert_translated(slovenian, before, after)
