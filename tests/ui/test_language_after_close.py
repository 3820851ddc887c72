"""A language switch after windows were closed reaches none of them: each window follows the
language through a bound method, which Qt disconnects when the window is deleted (a lambda stays
connected and calls into the deleted window: "Internal C++ object already deleted")."""

from __future__ import annotations

import datetime as dt
import sys

import shiboken6

from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.services.persons import PersonInput, create_person
from sociolab_desktop.ui.organisations.organisation_form import OrganisationForm
from sociolab_desktop.ui.organisations.organisation_window import OrganisationWindow
from sociolab_desktop.ui.persons.contact_dialog import ContactDialog
from sociolab_desktop.ui.persons.person_form import PersonFormDialog
from sociolab_desktop.ui.persons.person_window import PersonWindow


def test_switching_language_after_closing_windows_reaches_no_deleted_window(ctx, qtbot, workspace, monkeypatch):
    reported = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: reported.append(args))
    organisation = org.create_organisation(workspace.store, workspace.actor,
                                           org.OrganisationInput(name="Zadruga Đurđevka", legal_form="cooperative"))
    person = create_person(workspace.store, workspace.actor, PersonInput(first_name="Špela", last_name="Đurić"),
                           today=dt.date.today())
    organisation_window = OrganisationWindow(ctx, organisation.id)
    person_window = PersonWindow(ctx, person.id)
    for window in (organisation_window, person_window):
        window.show()
    qtbot.waitUntil(lambda: organisation_window.view is not None and not organisation_window.loading)
    windows = [organisation_window, person_window, organisation_window.link_person(),
               OrganisationForm(ctx, organisation.id), PersonFormDialog(ctx, person.id), ContactDialog(ctx, person.id)]
    qtbot.wait(200)  # what they read in workers has arrived

    organisation_window.close()  # deletes itself, and the role dialog it shows with it
    for window in windows[1:]:
        if shiboken6.isValid(window):
            window.deleteLater()
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(window) for window in windows))
    ctx.set_language("en", save=False)
    ctx.set_language("sl", save=False)

    assert reported == []
