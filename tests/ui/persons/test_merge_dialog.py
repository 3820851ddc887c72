"""The merge window with real clicks: choose the kept record and values, confirm, merge; refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from sociolab_desktop.core.domain.keys import (
    attendance_key,
    coached_person_key,
    registration_key,
)
from sociolab_desktop.core.services import consents, contacts, person_search, persons
from sociolab_desktop.core.services.person_operations import MERGEABLE_FIELDS, erase_person, merge_persons
from sociolab_desktop.core.services.timeline import TimelineKind, person_timeline
from sociolab_desktop.core.store.models import (
    Attendance,
    Event,
    EventSession,
    MentoringSession,
    MentoringSessionPerson,
    Registration,
)
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.persons.merge_choices import FIRST, SECOND
from sociolab_desktop.ui.persons.merge_dialog import (
    CHOOSING,
    CONFIRMING,
    REFUSED,
    SAME_PERSON,
    MergeDialog,
)
from sociolab_desktop.ui.persons.merge_text import FIELD_LABELS

TODAY = dt.date(2021, 6, 30)


def add_person(ws, first: str, last: str, **values) -> str:
    data = persons.PersonInput(first_name=first, last_name=last, **values)
    return persons.create_person(ws.store, ws.actor, data, today=TODAY, allow_duplicates=True).id


def add_links(ws, person_id: str, *, contact_topics: list[str], event_title: str) -> None:
    """A contact per topic, a consent, a registration, an attendance and a mentoring session."""
    for number, topic in enumerate(contact_topics):
        contacts.record_contact(ws.store, ws.actor, contacts.ContactInput(
            contact_date=dt.date(2020, 1, 1 + number), channel="visit", topics=[topic], person_id=person_id),
            today=TODAY)
    consents.record_consent(ws.store, ws.actor, person_id, consents.ConsentInput(
        purpose="data_processing", text_version="2019-06", given_on=dt.date(2020, 1, 1), channel="signed_paper"),
        today=TODAY)
    with ws.store.unit_of_work(ws.actor) as session:
        event = Event(event_type="workshop", title_sl=event_title, title_en=event_title)
        session.add(event)
        session.flush()
        day = EventSession(event_id=event.id, session_date=dt.date(2020, 2, 3), starts_at=dt.time(9),
                           ends_at=dt.time(12), hours=3)
        mentoring = MentoringSession(starts_at=dt.datetime(2020, 3, 1, 8), ends_at=dt.datetime(2020, 3, 1, 9),
                                     mode="online", topics=["financing"])
        session.add_all([day, mentoring])
        session.flush()
        session.add_all([
            Registration(id=registration_key(event.id, person_id), event_id=event.id, person_id=person_id,
                         status="registered", registered_on=dt.date(2020, 1, 20), code=event_title[:4]),
            Attendance(id=attendance_key(day.id, person_id), event_session_id=day.id, person_id=person_id,
                       checked_in_at=dt.datetime(2020, 2, 3, 8, 55)),
            MentoringSessionPerson(id=coached_person_key(mentoring.id, person_id),
                                   mentoring_session_id=mentoring.id, person_id=person_id),
        ])


@pytest.fixture
def pair(workspace):
    """Ana Čeh (recorded first, e-mail, two contacts) and Ana Ceh (phone, other address, a contact)."""
    first = add_person(workspace, "Ana", "Čeh", email="ana.ceh@example.com", birth_date=dt.date(1985, 6, 1),
                       gender="female", street_address="Glavni trg 1", postal_code="2000",
                       municipality_code="Maribor", labour_status="employed")
    second = add_person(workspace, "Ana", "Ceh", phone="041 123 456", birth_date=dt.date(1985, 6, 1),
                        gender="female", street_address="Slovenska ulica 5", postal_code="2250",
                        municipality_code="Ptuj", labour_status="unemployed", jobless_household="declined")
    add_links(workspace, first, contact_topics=["cooperative", "financing"], event_title="Delavnica o zadrugah")
    add_links(workspace, second, contact_topics=["legal_form"], event_title="Sejem socialne ekonomije")
    return first, second


def open_dialog(ctx, qtbot, first_id: str, second_id: str, *, loaded: bool = True) -> MergeDialog:
    dialog = MergeDialog(ctx, first_id, second_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if loaded:
        qtbot.waitUntil(lambda: dialog.step != 0)
    return dialog


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def merge(qtbot, dialog: MergeDialog) -> str:
    click(qtbot, dialog.continue_button)
    assert dialog.step == CONFIRMING
    with qtbot.waitSignal(dialog.merged, timeout=10_000) as signal:
        click(qtbot, dialog.merge_button)
    return signal.args[0]


def test_every_mergeable_field_has_a_label():
    assert list(FIELD_LABELS) == list(MERGEABLE_FIELDS)


def test_both_records_are_shown_field_by_field_in_words_people_read(ctx, qtbot, workspace, pair):
    dialog = open_dialog(ctx, qtbot, *pair)
    tr, rows = ctx.tr, dialog.choices.rows
    assert dialog.step == CHOOSING
    assert [label.text() for label in dialog.choices.name_labels] == ["Ana Čeh", "Ana Ceh"]
    # Identical values are shown once and cannot be chosen; differing ones get a button each.
    assert not rows["first_name"].differs and rows["first_name"].same.text() == "Ana"
    assert rows["birth_date"].same.text() == tr.format_date(dt.date(1985, 6, 1))
    assert rows["gender"].same.text() == tr.gettext("Female")
    assert [b.text() for b in rows["labour_status"].buttons] == [tr.gettext("Employed"), tr.gettext("Unemployed")]
    assert [b.text() for b in rows["municipality_code"].buttons] == ["Maribor", "Ptuj"]
    assert rows["jobless_household"].buttons[SECOND].text() == tr.gettext("Did not want to answer")
    assert rows["email"].label.text() == tr.gettext("E-mail")
    # Empty against filled: the filled value is chosen; otherwise the kept (first) record's.
    assert dialog.choices.chosen_side("phone") == SECOND
    assert dialog.choices.chosen_side("email") == FIRST
    assert dialog.choices.chosen_side("street_address") == FIRST
    links = dialog.findChild(type(dialog.heading), "mergeLinks_contacts_0")
    assert links.text() == "2" and dialog.findChild(type(dialog.heading), "mergeLinks_contacts_1").text() == "1"


def test_merging_with_values_picked_by_clicking_moves_every_link_to_the_survivor(ctx, qtbot, workspace, pair):
    first, second = pair
    dialog = open_dialog(ctx, qtbot, first, second)
    choices = dialog.choices
    click(qtbot, choices.keep_buttons[SECOND])  # keep the second record
    assert choices.survivor_side == SECOND
    click(qtbot, choices.rows["last_name"].buttons[FIRST])  # "Čeh" is the right spelling
    click(qtbot, choices.rows["street_address"].buttons[FIRST])
    click(qtbot, choices.rows["labour_status"].buttons[SECOND])
    click(qtbot, dialog.continue_button)
    summary = dialog.summary.text()
    assert f"{ctx.tr.gettext(FIELD_LABELS['last_name'])}: Čeh" in summary and "Ana Ceh" in summary
    assert ctx.tr.ngettext("{count} contact", "{count} contacts", 2).format(count=2) in summary
    click(qtbot, dialog.back_button)  # back keeps every choice made
    assert dialog.step == CHOOSING and choices.chosen_side("last_name") == FIRST
    survivor = merge(qtbot, dialog)

    assert survivor == second
    kinds = [item.kind for item in person_timeline(workspace.store, survivor)]
    assert kinds.count(TimelineKind.CONTACT) == 3
    assert kinds.count(TimelineKind.CONSENT_GIVEN) == 2
    assert kinds.count(TimelineKind.REGISTERED) == 2
    assert kinds.count(TimelineKind.ATTENDED) == 2
    assert kinds.count(TimelineKind.MENTORING) == 2
    assert len(contacts.contacts_of_person(workspace.store, survivor)) == 3
    assert len(consents.consents_of_person(workspace.store, survivor)) == 2
    assert contacts.contacts_of_person(workspace.store, first) == []
    kept = persons.get_person(workspace.store, survivor)
    assert (kept.last_name, kept.email, kept.phone, kept.street_address, kept.labour_status) == (
        "Čeh", "ana.ceh@example.com", "041 123 456", "Glavni trg 1", "unemployed")
    assert persons.get_person(workspace.store, first).merged_into_id == survivor
    assert [row.id for row in person_search.search_persons(workspace.store, "ceh")] == [survivor]
    assert person_search.count_persons(workspace.store, "ana") == 1


def test_switching_the_kept_record_keeps_values_staff_clicked(ctx, qtbot, pair):
    dialog = open_dialog(ctx, qtbot, *pair)
    choices = dialog.choices
    click(qtbot, choices.rows["labour_status"].buttons[SECOND])
    click(qtbot, choices.keep_buttons[SECOND])
    assert choices.chosen_side("street_address") == SECOND  # follows the kept record
    assert choices.chosen_side("email") == FIRST  # the only one filled
    assert choices.chosen_side("labour_status") == SECOND
    click(qtbot, choices.keep_buttons[FIRST])
    assert choices.chosen_side("labour_status") == SECOND
    assert choices.take_from_loser()["labour_status"] is True
    assert choices.take_from_loser()["street_address"] is False


def test_enter_confirms_and_escape_goes_back_before_anything_changes(ctx, qtbot, workspace, pair):
    dialog = open_dialog(ctx, qtbot, *pair)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.step == CONFIRMING and dialog.merge_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.step == CHOOSING and dialog.isVisible()
    assert persons.get_person(workspace.store, pair[1]).merged_into_id is None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_person_cannot_be_merged_with_themselves(ctx, qtbot, pair):
    dialog = open_dialog(ctx, qtbot, pair[0], pair[0])
    assert dialog.step == REFUSED and dialog.refusal_error.isVisible()
    assert dialog.refusal_error.text() == ctx.tr.gettext(SAME_PERSON)
    assert not dialog.continue_button.isVisible() and not dialog.merge_button.isVisible()


def test_merged_away_and_erased_persons_are_refused_with_a_message(ctx, qtbot, workspace, pair):
    third = add_person(workspace, "Ana", "Čeh Novak")
    merge_persons(workspace.store, workspace.actor, pair[0], pair[1])
    dialog = open_dialog(ctx, qtbot, pair[1], third)
    assert dialog.step == REFUSED
    assert dialog.refusal_error.text() == ctx.tr.gettext(
        "{name} was already merged into another record. Open that record and merge it instead.").format(
        name="Ana Ceh")
    erase_person(workspace.store, workspace.actor, third, today=TODAY)
    dialog = open_dialog(ctx, qtbot, pair[0], third)
    assert dialog.step == REFUSED
    assert dialog.refusal_error.text() == ctx.tr.gettext(
        "This person's data was erased; an erased record cannot be merged.")


def test_a_merge_refused_meanwhile_is_reported_in_the_dialog(ctx, qtbot, workspace, pair):
    dialog = open_dialog(ctx, qtbot, *pair)
    merge_persons(workspace.store, workspace.actor, pair[1], pair[0])  # another window was quicker
    click(qtbot, dialog.continue_button)
    click(qtbot, dialog.merge_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == ctx.tr.gettext("This person was already merged into another record.")
    assert dialog.isVisible() and dialog.merge_button.isEnabled()


def test_switching_the_language_rewords_labels_and_values(ctx, qtbot, pair):
    dialog = open_dialog(ctx, qtbot, *pair)
    ctx.set_language("en", save=False)
    english = Translator("en")
    assert dialog.windowTitle() == "Merge two records of one person"
    assert dialog.choices.rows["birth_date"].same.text() == english.format_date(dt.date(1985, 6, 1))
    assert dialog.choices.rows["labour_status"].buttons[FIRST].text() == "Employed"
    assert dialog.choices.rows["phone"].label.text() == "Phone"
