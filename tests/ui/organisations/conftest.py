"""Fixtures for the Organisations area: a few organisations (Slovenian names), a person to link,
and windows shown and active (shortcuts and focus need an active window)."""

from __future__ import annotations

import datetime as dt

import pytest
from organisations_helpers import REGISTRATION, TAX, settle, show

from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.services.persons import PersonInput, create_person
from sociolab_desktop.ui.organisations.organisations_page import OrganisationsPage
from sociolab_desktop.workspace import Workspace


@pytest.fixture
def organisations(workspace: Workspace) -> dict[str, org.OrganisationDetail]:
    made = {}
    for key, name, legal_form, extra in (
        ("zadruga", "Zadruga Đurđevka, z.o.o.", "cooperative",
         dict(registration_number=REGISTRATION, tax_number=TAX, municipality_code="SI-096", stage="start_up")),
        ("cebelica", "Društvo Čebelica", "association", dict(municipality_code="SI-070", stage="idea")),
        ("sonce", "Zavod Sonce", "institute", dict(municipality_code="SI-070", stage="established")),
        ("cvet", "Cvetličarna Šmarnica, so.p.", "social_enterprise", dict(stage="start_up")),
    ):
        made[key] = org.create_organisation(workspace.store, workspace.actor,
                                            org.OrganisationInput(name=name, legal_form=legal_form, **extra))
    return made


@pytest.fixture
def person_id(workspace: Workspace) -> str:
    person = create_person(workspace.store, workspace.actor,
                           PersonInput(first_name="Špela", last_name="Đurić", email="spela.duric@example.si"),
                           today=dt.date.today())
    return person.id


@pytest.fixture
def page(organisations, ctx, qtbot) -> OrganisationsPage:
    widget = show(qtbot, OrganisationsPage(ctx))
    qtbot.waitUntil(settle(widget, len(organisations)))
    qtbot.waitUntil(lambda: widget.site_combo.count() > 1)
    return widget
