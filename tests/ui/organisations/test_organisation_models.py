"""The Organisations area's table models and words, without windows: paging off the GUI thread,
Qt's model checks, short info point names, and every kind of timeline entry worded."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.services import organisation_roles as roles
from sociolab_desktop.core.services.timeline import TimelineItem, TimelineKind, organisation_timeline
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.list_choices import short_site_names
from sociolab_desktop.ui.organisations.organisation_list_model import (
    NAME,
    OrganisationListModel,
    OrganisationQuery,
)
from sociolab_desktop.ui.organisations.organisation_models import LinkedPersonsModel, TimelineModel
from sociolab_desktop.ui.organisations.timeline_text import describe


def test_the_list_reads_page_by_page_as_the_view_asks(organisations, ctx, qtbot, qtmodeltester):
    model = OrganisationListModel(ctx, page_size=3)
    model.set_query(OrganisationQuery())
    qtbot.waitUntil(lambda: model.total == 4 and model.idle)
    assert model.rowCount() == 3 and model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 4 and model.idle)
    assert not model.canFetchMore()
    assert model.index(3, NAME).data() == "Zavod Sonce"
    qtmodeltester.check(model)


def test_an_answer_for_an_older_query_is_dropped(organisations, ctx, qtbot):
    model = OrganisationListModel(ctx)
    model.set_query(OrganisationQuery(text="zavod"))
    model.set_query(OrganisationQuery(text="drustvo"))  # typed on before the first answer came
    qtbot.waitUntil(lambda: model.idle)
    assert model.total == 1 and model.index(0, NAME).data() == "Društvo Čebelica"


def test_info_point_names_lose_the_words_most_of_them_share():
    names = {"a": "Maribor (demo)", "b": "Informacijska točka Ptuj", "c": "Informacijska točka Ormož"}
    assert short_site_names(names) == {"a": "Maribor (demo)", "b": "Ptuj", "c": "Ormož"}
    assert short_site_names({"a": "Informacijska točka Maribor"}) == {"a": "Informacijska točka Maribor"}
    # A name is never shortened to nothing, and a prefix only one name has is no shared one.
    assert short_site_names({"a": "Točka", "b": "Točka Ptuj"}) == {"a": "Točka", "b": "Točka Ptuj"}


def test_linked_persons_and_timeline_models_pass_qts_checks(workspace, organisations, person_id, qtmodeltester):
    zadruga = organisations["zadruga"]
    roles.link_person(workspace.store, workspace.actor, zadruga.id, person_id, "member",
                      since=dt.date(2020, 1, 1), until=dt.date(2021, 1, 1))
    tr = Translator("sl")
    people = LinkedPersonsModel(tr, today=lambda: dt.date(2025, 1, 1))
    people.set_rows(roles.linked_persons(workspace.store, zadruga.id))
    qtmodeltester.check(people)
    assert people.data(people.index(0, 0), 9) is not None  # ForegroundRole: an ended role is muted
    timeline = TimelineModel(tr)
    timeline.set_rows(organisation_timeline(workspace.store, zadruga.id))
    assert timeline.rowCount() == 2  # started and ended
    qtmodeltester.check(timeline)


SAMPLE_DETAILS = {
    TimelineKind.CONTACT: {"channel": "phone", "topics": ("financing",), "person_name": "Ana Čeh",
                           "follow_up_on": dt.date(2025, 2, 3), "referral": "Zavod RS za zaposlovanje"},
    TimelineKind.CONSENT_GIVEN: {"purpose": "newsletter", "channel": "verbal", "text_version": "1"},
    TimelineKind.CONSENT_WITHDRAWN: {"purpose": "newsletter", "channel": "verbal", "text_version": "1"},
    TimelineKind.REGISTERED: {"title_en": "Workshop", "status": "registered"},
    TimelineKind.REGISTRATION_CANCELLED: {"title_en": "Workshop", "status": "cancelled"},
    TimelineKind.ATTENDED: {"title_en": "Workshop", "hours": 1.5, "session_title": "Prvi dan"},
    TimelineKind.CERTIFICATE: {"title_en": "Workshop", "number": "SL-2025-001"},
    TimelineKind.MENTORING: {"mode": "online", "hours": 2, "topics": ("marketing",), "summary": "Načrt trženja."},
    TimelineKind.ROLE_STARTED: {"role": "founder", "date_known": False},
    TimelineKind.ROLE_ENDED: {"role": "member"},
    TimelineKind.DIAGNOSTIC: {"has_development_plan": True, "goals": "Rast."},
    TimelineKind.PROGRAMME_STARTED: {"status": "active"},
    TimelineKind.PROGRAMME_ENDED: {"status": "completed", "outcome": "Ustanovljeno podjetje."},
    TimelineKind.JOB: {"kind": "created", "contract_type": "fixed_term", "is_vulnerable_group": True},
    TimelineKind.PRODUCT: {"stage": "pilot", "description": "Kompostnik."},
}


@pytest.mark.parametrize("language", ["sl", "en"])
@pytest.mark.parametrize("kind", list(TimelineKind))
def test_every_kind_of_timeline_entry_is_worded(kind, language):
    item = TimelineItem(dt.date(2025, 1, 2), kind, "id", "Naslov", SAMPLE_DETAILS[kind])
    what, details = describe(item, Translator(language))
    assert what and "{" not in what and "{" not in details


def test_a_contact_is_worded_with_its_particulars():
    item = TimelineItem(dt.date(2025, 1, 2), TimelineKind.CONTACT, "id", "Zadruga",
                        SAMPLE_DETAILS[TimelineKind.CONTACT])
    what, details = describe(item, Translator("en"))
    assert what == "Contact: Phone call"
    assert details == "Financing · Ana Čeh · referred to Zavod RS za zaposlovanje · follow-up on 03/02/2025"
