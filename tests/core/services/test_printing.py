"""The plain data of printed documents, the same for the windows and the command line: the sheet's
title and type in the sheet's language, a certificate's wording kept when a value is unknown, the
consent form's address."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from sociolab_desktop.core.domain.enums import EventType, Gender
from sociolab_desktop.core.services import printing
from sociolab_desktop.core.services.events.sheets import SessionSheet, SheetRow
from sociolab_desktop.i18n import Translator
from sociolab_desktop.settings import Settings

DAY = dt.date(2026, 11, 27)


def _sheet(**changes) -> SessionSheet:
    values = dict(event_id="e-1", event_type="workshop", title_sl="Delavnica o zadrugah",
                  title_en="Cooperatives workshop", site_name=None, session_id="s-1", session_title=None,
                  session_number=2, session_count=3,
                  session_date=DAY, starts_at=dt.time(9), ends_at=dt.time(12), hours=3.0, venue=None,
                  rows=(SheetRow(1, "p-1", "Žan", "Čeh", "Zadruga Dobrina"),))
    values.update(changes)
    return SessionSheet(**values)


def test_the_sheet_has_the_title_and_type_in_its_own_language_and_the_session_title_after():
    data = printing.attendance_sheet_data(_sheet(session_title="Modul B"), "en", info_point="Ptuj", blank_rows=5,
                                          printed_on=DAY)
    assert data.event_title == "Cooperatives workshop – Modul B"
    assert data.event_type_label == Translator("en").gettext("Workshop")
    assert data.info_point == "Ptuj" and data.blank_rows == 5 and data.language == "en"
    assert [(row.first_name, row.surname, row.organisation) for row in data.rows] == [("Žan", "Čeh", "Zadruga Dobrina")]
    slovenian = printing.attendance_sheet_data(_sheet(title_en=None, site_name="Maribor"), "en", info_point="Ptuj",
                                               blank_rows=-1, printed_on=DAY)
    assert slovenian.event_title == "Delavnica o zadrugah"  # no English title: the Slovenian one
    assert slovenian.info_point == "Maribor" and slovenian.blank_rows == 0


def _issued(**changes):
    values = dict(number="MB-2026-0001", language="sl", issued_on=DAY, full_name="Ana Čeh", gender="female",
                  hours_attended=8.0, total_hours=9.0, event_type="training_programme", title_sl="Usposabljanje",
                  title_en="Training", first_date=DAY, last_date=DAY, site_name=None)
    values.update(changes)
    return SimpleNamespace(**values)


def test_a_certificate_keeps_a_wording_when_gender_or_type_come_from_a_newer_version():
    data = printing.certificate_data(_issued(gender="someone_new", event_type="hackathon"), info_point="Ptuj")
    assert data.gender is None and data.event_type == EventType.OTHER
    assert data.organiser == "Ptuj"
    both = printing.certificate_data(_issued(language="both"), info_point="Ptuj", place="Maribor",
                                     signatory_name="Mojca Žagar", signatory_role="vodja / head")
    assert (both.event_title, both.event_title_en, both.place, both.gender) == (
        "Usposabljanje", "Training", "Maribor", Gender.FEMALE)


def test_a_certificate_without_a_place_of_issue_prints_no_place_not_the_info_points_name():
    # The info point's name is not a town: "Informacijska točka Lenart, 23. marec 2020" misleads.
    unknown = printing.certificate_data(_issued(site_name="Informacijska točka Lenart"), info_point="Ptuj")
    typed = printing.certificate_data(_issued(), info_point="Ptuj", place="  Lenart ")

    assert unknown.place == "" and unknown.organiser == "Informacijska točka Lenart"
    assert typed.place == "Lenart"


def test_the_consent_form_has_the_address_in_two_lines_and_the_info_point_as_controller():
    person = SimpleNamespace(first_name="Ana", last_name="Čeh", postal_code="2250", post_town="Ptuj",
                             street_address="Trstenjakova 5", birth_date=dt.date(1985, 11, 27))
    data = printing.consent_form_data(person, Settings(site_name="Informacijska točka Ptuj"), DAY)
    assert data.person_name == "Ana Čeh" and data.address == "Trstenjakova 5\n2250 Ptuj"
    assert data.controller == data.info_point == "Informacijska točka Ptuj"
    assert data.controller_contact is None
    no_address = SimpleNamespace(**{**vars(person), "postal_code": None, "post_town": None, "street_address": None})
    assert printing.consent_form_data(no_address, Settings(site_name="Ptuj"), DAY).address is None


def test_the_consent_form_names_the_data_controller_set_for_the_info_point():
    person = SimpleNamespace(first_name="Ana", last_name="Čeh", postal_code=None, post_town=None,
                             street_address=None, birth_date=None)
    settings = Settings(site_name="Informacijska točka Ptuj", data_controller="  Zavod Šentprimer, Ptuj  ",
                        data_controller_contact="varstvo.podatkov@example.si")
    data = printing.consent_form_data(person, settings, DAY)
    assert (data.info_point, data.controller, data.controller_contact) == (
        "Informacijska točka Ptuj", "Zavod Šentprimer, Ptuj", "varstvo.podatkov@example.si")
    blank = Settings(site_name="Ptuj", data_controller="   ", data_controller_contact="")
    assert (printing.consent_form_data(person, blank, DAY).controller,
            printing.consent_form_data(person, blank, DAY).controller_contact) == ("Ptuj", None)
