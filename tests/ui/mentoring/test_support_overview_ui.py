"""An organisation's support window: enrolment, a job and a product recorded and shown together
with its sessions, hours and open actions; a job without an organisation refused."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from mentoring_ui_helpers import (
    RECENT,
    activate,
    add_organisation,
    add_session,
    tab_into,
    type_date,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from ui_helpers import type_text

from sociolab_desktop.core.services.mentoring import outcomes, programme
from sociolab_desktop.core.services.mentoring.session_parts import ActionInput
from sociolab_desktop.core.services.persons import PersonInput, create_person
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.mentoring.organisation_support_window import (
    OUTCOMES,
    PROGRAMME,
    SupportOverviewWindow,
    open_support_overview,
)
from sociolab_desktop.ui.mentoring.outcome_dialogs import JobDialog
from sociolab_desktop.ui.mentoring.support_columns import summary_text

STARTED = RECENT - dt.timedelta(days=40)


@pytest.fixture
def organisation_id(workspace) -> str:
    return add_organisation(workspace, "Zadruga Đurđevka")


@pytest.fixture
def window(ctx, qtbot, workspace, organisation_id) -> SupportOverviewWindow:
    add_session(workspace, STARTED, (9, 0), (10, 30), mentors=[workspace.actor.staff_id],
                organisation_id=organisation_id,
                actions=[ActionInput("Poslati poslovni načrt", "Ana", RECENT), ActionInput("Pregledati pogodbo")])
    add_session(workspace, STARTED + dt.timedelta(days=7), (9, 0), (11, 0), mentors=[workspace.actor.staff_id],
                organisation_id=organisation_id)
    made = open_support_overview(ctx, organisation_id)
    qtbot.addWidget(made)
    qtbot.waitUntil(lambda: made.overview is not None, timeout=10_000)
    return activate(qtbot, made)


def dialog_of(qtbot, window, button: str):
    qtbot.mouseClick(window.button[button], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible())
    return activate(qtbot, window.dialog)


def save(qtbot, window, dialog, key_widget) -> None:
    with qtbot.waitSignal(window.loaded, timeout=10_000), qtbot.waitSignal(dialog.saved, timeout=10_000):
        QTest.keyClick(key_widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_the_overview_sums_up_sessions_hours_and_open_actions(ctx, window):
    overview = window.overview
    assert (overview.totals.sessions, overview.totals.hours) == (2, 3.5)
    assert window.summary.text() == summary_text(ctx.tr, overview)
    assert "3,5" in window.summary.text()
    assert [row[1] for row in window.models["actions"].rows()] == ["Poslati poslovni načrt", "Pregledati pogodbo"]
    assert window.models["months"].rowCount() >= 1


def test_enrolling_shows_the_enrolment_and_ending_it_before_it_began_is_refused(ctx, qtbot, workspace, window):
    window.tabs.setCurrentIndex(PROGRAMME)
    dialog = dialog_of(qtbot, window, "enrol")
    type_date(dialog.start_edit, STARTED)
    tab_into(dialog.outcome_edit)
    type_text(dialog.outcome_edit, "Vključeni v program za zagon.")
    save(qtbot, window, dialog, dialog.outcome_edit)
    [enrolment] = programme.enrolments_of(workspace.store, window.organisation_id)
    assert (enrolment.started_on, enrolment.status, enrolment.ended_on) == (STARTED, "active", None)
    assert window.models["enrolments"].rows()[0][0] == ctx.tr.format_date(STARTED, "numeric")
    assert not window.button["enrol"].isEnabled()  # one active enrolment at a time

    activate(qtbot, window)
    dialog = dialog_of(qtbot, window, "edit_enrolment")
    dialog.status_combo.setFocus()
    QTest.keyClick(dialog.status_combo, Qt.Key.Key_Down)  # active → completed
    assert dialog.end_edit.check.isChecked()  # an enrolment that ended gets its end date
    dialog.end_edit.set_value(STARTED - dt.timedelta(days=1))
    QTest.keyClick(dialog.outcome_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(dialog.marks.marked()), timeout=10_000)
    assert dialog.marks.marked() == ["ended_on"]
    assert programme.enrolments_of(workspace.store, window.organisation_id)[0].status == "active"


def test_a_job_and_a_product_are_saved_and_shown_in_the_overview(ctx, qtbot, workspace, window):
    create_person(workspace.store, workspace.actor, PersonInput(first_name="Špela", last_name="Čeh"),
                  today=dt.date.today())
    window.tabs.setCurrentIndex(OUTCOMES)
    job = dialog_of(qtbot, window, "new_job")
    assert job.organisation.chosen_id() == window.organisation_id
    qtbot.waitUntil(lambda: job.sessions_loaded, timeout=10_000)
    job.person.field.setFocus()
    type_text(job.person.field, "spela ceh")
    qtbot.waitUntil(job.person.has_matches, timeout=10_000)
    QTest.keyClick(job.person.field, Qt.Key.Key_Return)
    type_date(job.date_edit, RECENT)
    for combo in (job.kind_combo, job.contract_combo):
        combo.setFocus()
        QTest.keyClick(combo, Qt.Key.Key_Down)  # created; permanent contract
    tab_into(job.vulnerable_check)
    QTest.keyClick(job.vulnerable_check, Qt.Key.Key_Space)
    tab_into(job.evidence_edit)
    type_text(job.evidence_edit, "Pogodba o zaposlitvi, M1 obrazec")
    job.session_combo.setFocus()
    QTest.keyClick(job.session_combo, Qt.Key.Key_Down)  # the latest session
    save(qtbot, window, job, job.evidence_edit)
    [stored] = outcomes.jobs_of(workspace.store, window.organisation_id)
    assert (stored.kind, stored.contract_type, stored.is_vulnerable_group, stored.person_name) == (
        "created", "permanent", True, "Špela Čeh")
    assert stored.mentoring_session_id == window.overview.sessions[0].id
    assert window.models["jobs"].rows()[0][2] == "Špela Čeh"

    activate(qtbot, window)
    product = dialog_of(qtbot, window, "new_product")
    tab_into(product.name_edit)
    type_text(product.name_edit, "Zeliščni čaji s Pohorja")
    type_date(product.date_edit, RECENT)
    product.stage_combo.setFocus()
    QTest.keyClick(product.stage_combo, Qt.Key.Key_Down)  # idea
    save(qtbot, window, product, product.name_edit)
    assert [row[1] for row in window.models["products"].rows()] == ["Zeliščni čaji s Pohorja"]
    assert window.summary.text() == summary_text(ctx.tr, window.overview)
    assert (len(window.overview.jobs), len(window.overview.products)) == (1, 1)


def test_a_job_dated_before_the_support_asks_first(ctx, qtbot, workspace, window):
    window.tabs.setCurrentIndex(OUTCOMES)
    job = dialog_of(qtbot, window, "new_job")
    type_date(job.date_edit, STARTED - dt.timedelta(days=10))
    for combo in (job.kind_combo, job.contract_combo):
        combo.setCurrentIndex(1)
    QTest.keyClick(job.evidence_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: job.question_box is not None, timeout=10_000)
    assert ctx.tr.format_date(STARTED, "numeric") in job.question_box.text()
    assert outcomes.jobs_of(workspace.store, window.organisation_id) == []


def test_a_job_without_an_organisation_is_refused_at_that_field(ctx, qtbot, workspace, organisation_id):
    dialog = JobDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    assert dialog.organisation.field.hasFocus()
    type_date(dialog.date_edit, RECENT)
    for combo in (dialog.kind_combo, dialog.contract_combo):
        combo.setCurrentIndex(1)
    QTest.keyClick(dialog.evidence_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(dialog.marks.marked()), timeout=10_000)
    assert dialog.marks.marked() == ["organisation_id"]
    assert dialog.organisation.field.hasFocus()


def test_an_open_action_marked_done_leaves_the_list(ctx, qtbot, window):
    window.tabs.setCurrentIndex(4)
    window.tables["actions"].selectRow(1)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(window.button["action_done"], Qt.MouseButton.LeftButton)
    assert [row[1] for row in window.models["actions"].rows()] == ["Poslati poslovni načrt"]


def test_the_same_organisation_opens_one_window(ctx, qtbot, organisation_id):
    parent = QWidget()
    qtbot.addWidget(parent)
    first = open_support_overview(ctx, organisation_id, parent)
    qtbot.waitUntil(lambda: first.overview is not None, timeout=10_000)
    assert open_support_overview(ctx, organisation_id, parent) is first
    assert first.windowTitle() == ctx.tr.gettext("Support of “{name}”").format(name="Zadruga Đurđevka")


class RecordingTranslator(Translator):
    """Slovenian, remembering every message asked for."""

    def __init__(self) -> None:
        super().__init__("sl")
        self.asked: list[str] = []

    def gettext(self, message: str) -> str:
        self.asked.append(message)
        return super().gettext(message)


def _overview(status: str, started: dt.date, ended: dt.date | None = None) -> SimpleNamespace:
    enrolment = SimpleNamespace(status=status, started_on=started, ended_on=ended)
    return SimpleNamespace(totals=SimpleNamespace(sessions=8, hours=13.5), enrolments=[enrolment], jobs=[],
                           products=[])


@pytest.mark.parametrize(("status", "message", "day"), [
    ("active", "support programme: active since {date}", dt.date(2019, 12, 30)),
    ("completed", "support programme: completed on {date}", dt.date(2021, 6, 30)),
    ("withdrawn", "support programme: withdrawn on {date}", dt.date(2021, 6, 30)),
])
def test_the_summary_says_the_enrolment_in_one_sentence_per_status(status, message, day):
    # One message each, so Slovenian can make the status agree with "program" (not "aktivna").
    tr = RecordingTranslator()
    text = summary_text(tr, _overview(status, dt.date(2019, 12, 30), None if status == "active" else day))
    assert tr.gettext(message).format(date=tr.format_date(day, "numeric")) in text
    assert status not in tr.asked  # the status word alone is never put into a sentence
    assert "programme: {status} since {date}" not in tr.asked
