"""The labels of stored choices: every value of an enum has one, unknown values show as stored, and
the words that mean two things are translated with their own gettext context."""

from __future__ import annotations

import pytest

from sociolab_desktop.core.domain import enums, labels
from sociolab_desktop.core.services.results import labels as result_labels
from sociolab_desktop.core.services.results.definitions import TRAINING_RULES, training_rule_label
from sociolab_desktop.core.services.results.esf_sets import ESF_2014_2020, ESF_2021_2027
from sociolab_desktop.i18n import Translator

TABLES = [
    (enums.Gender, labels.GENDERS), (enums.Answer, labels.ANSWERS), (enums.LabourStatus, labels.LABOUR_STATUSES),
    (enums.IscedLevel, labels.ISCED_LEVELS), (enums.TargetGroup, labels.TARGET_GROUPS),
    (enums.ConsentPurpose, labels.CONSENT_PURPOSES), (enums.ConsentChannel, labels.CONSENT_CHANNELS),
    (enums.ContactChannel, labels.CONTACT_CHANNELS), (enums.ContactTopic, labels.CONTACT_TOPICS),
    (enums.MentoringMode, labels.MENTORING_MODES), (enums.MentoringTopic, labels.MENTORING_TOPICS),
    (enums.DiagnosticArea, labels.DIAGNOSTIC_AREAS), (enums.LegalForm, labels.LEGAL_FORMS),
    (enums.LegalForm, labels.LEGAL_FORMS_IN_SENTENCE), (enums.Stage, labels.STAGES),
    (enums.OrganisationRole, labels.ORGANISATION_ROLES),
    (enums.OrganisationRole, labels.ORGANISATION_ROLES_IN_SENTENCE),
    (enums.EnrolmentStatus, labels.ENROLMENT_STATUSES), (enums.JobKind, labels.JOB_KINDS),
    (enums.JobKind, labels.JOB_KINDS_SHORT), (enums.ContractType, labels.CONTRACT_TYPES),
    (enums.ProductStage, labels.PRODUCT_STAGES), (enums.CompetitionKind, labels.COMPETITION_KINDS),
    (enums.EventType, labels.EVENT_TYPES), (enums.EventType, labels.EVENT_TYPES_IN_SENTENCE),
    (enums.RegistrationStatus, labels.REGISTRATION_STATUSES),
    (enums.RegistrationStatus, labels.REGISTRATION_STATUSES_IN_SENTENCE),
]


class ContextShown(Translator):
    """English, with the context of every pgettext call written in front of the message."""

    def __init__(self) -> None:
        super().__init__("en")

    def pgettext(self, context: str, message: str) -> str:
        return f"{context}|{message}"


@pytest.mark.parametrize("enum, table", TABLES, ids=lambda value: getattr(value, "__name__", ""))
def test_every_value_of_an_enum_has_a_label(enum, table):
    assert set(table) == set(enum)


@pytest.mark.parametrize("language", ["sl", "en"])
def test_a_label_is_translated_and_an_unknown_value_shows_as_stored(language):
    tr = Translator(language)
    assert labels.label(tr, labels.EVENT_TYPES, "fair") == tr.gettext("Fair / open day")
    assert labels.label(tr, labels.EVENT_TYPES_IN_SENTENCE, "fair") == tr.gettext("fair")
    assert labels.label(tr, labels.EVENT_TYPES, "hackathon") == "hackathon"  # from a newer version
    assert labels.label(tr, labels.EVENT_TYPES, None) == labels.label(tr, labels.EVENT_TYPES, "") == ""
    assert labels.labels(tr, labels.MENTORING_TOPICS, ["financing", "marketing"]) == ", ".join(
        (tr.gettext("financing"), tr.gettext("marketing")))


def test_the_title_in_english_falls_back_to_the_slovenian_one():
    assert labels.title_in("en", "Delavnica", "Workshop") == "Workshop"
    assert labels.title_in("en", "Delavnica", None) == "Delavnica"
    assert labels.title_in("sl", "Delavnica", "Workshop") == "Delavnica"


def test_the_esf_table_names_groups_with_their_own_context():
    tr = ContextShown()
    assert ESF_2021_2027.gender_labels(tr) == ["Women", "Men", "ESF group|Non-binary"]
    rows = {category.key: labels.translated(tr, category.label)
            for group in ESF_2014_2020.groups for category in group.categories}
    assert rows["long_term_unemployed"] == "ESF group|Long-term unemployed"
    assert rows["inactive_not_in_education"] == "ESF group|Inactive, not in education or training"
    # One person's answer keeps the plain message.
    assert labels.label(tr, labels.GENDERS, "non_binary") == "Non-binary"


def test_the_counting_rule_registered_has_its_own_context():
    tr = ContextShown()
    assert training_rule_label(tr, "registered") == "counting rule|registered"
    assert [training_rule_label(Translator("en"), rule) for rule in TRAINING_RULES] == [
        "registered", "attended at least once", "met the certificate rule"]
    assert labels.label(tr, labels.REGISTRATION_STATUSES_IN_SENTENCE, "registered") == "registered"


def test_results_label_codes_of_different_kinds_that_never_share_a_value():
    tables = [labels.GENDERS, labels.ANSWERS, labels.LABOUR_STATUSES, labels.JOB_KINDS_SHORT, labels.PRODUCT_STAGES,
              labels.ENROLMENT_STATUSES, labels.COMPETITION_KINDS, labels.SITE_ROLES]
    codes = [str(code) for table in tables for code in table]
    assert len(codes) == len(set(codes))
    tr = Translator("en")
    assert result_labels.value_label(tr, "isced_3") == "ISCED 3"
    assert result_labels.value_label(tr, "created") == "created"
    assert result_labels.value_label(tr, "conference") == "conference"
    assert result_labels.value_label(tr, "something_new") == "something_new"
    assert result_labels.value_label(tr, None) == ""
