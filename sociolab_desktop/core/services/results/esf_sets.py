"""The ESF common indicators for participants at entry, per programme period, as data: the
2014–2020 set (Regulation (EU) No 1304/2013, Annex I) and the 2021–2027 ESF+ set (Regulation
(EU) 2021/1057, Annex I). A category is a list of conditions on the person's record at entry,
all of which must hold; labels are N_ strings translated when shown.

The table's rows and columns name groups of participants, where a person's record names one
person's answer in the same English words ("Non-binary", "Long-term unemployed"). Those labels
carry the gettext context "ESF group", so that each gets its own translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from sociolab_desktop.core.domain.enums import Answer, Gender, LabourStatus
from sociolab_desktop.core.domain.labels import Label, translated
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator

AGE = "age"  # the pseudo-field of a participant's age at entry (from birth date, else birth year)

_EMPLOYED = (LabourStatus.EMPLOYED.value, LabourStatus.SELF_EMPLOYED.value)
_UNEMPLOYED = (LabourStatus.UNEMPLOYED.value, LabourStatus.LONG_TERM_UNEMPLOYED.value)
_INACTIVE = (LabourStatus.INACTIVE_IN_EDUCATION.value, LabourStatus.INACTIVE_NOT_IN_EDUCATION.value)
_YES = (Answer.YES.value,)


def _non_binary(tr: Translator) -> str:
    return tr.pgettext("ESF group", "Non-binary")


def _long_term_unemployed(tr: Translator) -> str:
    return tr.pgettext("ESF group", "Long-term unemployed")


def _inactive_not_in_education(tr: Translator) -> str:
    return tr.pgettext("ESF group", "Inactive, not in education or training")


def _isced(*levels: int) -> tuple[str, ...]:
    return tuple(f"isced_{level}" for level in levels)


@dataclass(frozen=True)
class Condition:
    """`field` is a person column (or AGE); it holds when the value is in `values`, or for AGE
    when the age lies in [age_from, age_to] (None: open)."""

    field: str
    values: tuple[str, ...] = ()
    age_from: int | None = None
    age_to: int | None = None


@dataclass(frozen=True)
class EsfCategory:
    key: str
    label: Label
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class EsfGroup:
    """Categories asked by one question (or a few related ones). `fields` are the answers the
    group needs: a participant with one of them empty is "not recorded" in this group.
    `declinable`: the answers may be "did not want to answer" (sensitive data)."""

    key: str
    title: str
    fields: tuple[str, ...]
    categories: tuple[EsfCategory, ...]
    declinable: bool = False


@dataclass(frozen=True)
class EsfSet:
    key: str
    title: str
    genders: tuple[tuple[str, Label], ...]  # (Gender value, column label) of the summary's columns
    groups: tuple[EsfGroup, ...]

    def gender_labels(self, tr: Translator) -> list[str]:
        """The headings of the summary's columns per gender, in `tr`'s language."""
        return [translated(tr, label) for _gender, label in self.genders]

    @property
    def required_fields(self) -> tuple[str, ...]:
        """What a participant's record must hold for this set (AGE: birth date or year)."""
        return tuple(dict.fromkeys(f for group in self.groups for f in group.fields))


def _field(key: str, label: Label, field: str, values: tuple[str, ...]) -> EsfCategory:
    return EsfCategory(key, label, (Condition(field, values),))


def _age(key: str, label: str, age_from: int | None, age_to: int | None, *more: Condition) -> EsfCategory:
    return EsfCategory(key, label, (Condition(AGE, age_from=age_from, age_to=age_to), *more))


def _gender(*genders: Gender) -> EsfGroup:
    labels = {Gender.FEMALE: N_("Women"), Gender.MALE: N_("Men"), Gender.NON_BINARY: _non_binary}
    return EsfGroup("gender", N_("Gender"), ("gender",), tuple(
        _field(gender.value, labels[gender], "gender", (gender.value,)) for gender in genders))


_LABOUR_COMMON = (
    _field("unemployed", N_("Unemployed, including long-term unemployed"), "labour_status", _UNEMPLOYED),
    _field("long_term_unemployed", _long_term_unemployed, "labour_status",
           (LabourStatus.LONG_TERM_UNEMPLOYED.value,)),
    _field("inactive", N_("Inactive"), "labour_status", _INACTIVE),
)
_EMPLOYED_CATEGORY = _field("employed", N_("Employed, including self-employed"), "labour_status", _EMPLOYED)

_QUESTIONS = {
    "jobless_household": N_("Living in a jobless household"),
    "dependent_children": N_("Living in a jobless household with dependent children"),
    "single_adult_with_children": N_("Living in a single adult household with dependent children"),
    "migrant_or_minority": N_("Migrants, participants with a foreign background, minorities (including "
                              "marginalised communities such as the Roma)"),
    "disability": N_("Participants with disabilities"),
    "other_disadvantage": N_("Other disadvantaged"),
    "homeless_or_housing_excluded": N_("Homeless or affected by housing exclusion"),
    "rural_area": N_("From rural areas"),
}


def _yes(*fields: str) -> tuple[EsfCategory, ...]:
    return tuple(_field(field, _QUESTIONS[field], field, _YES) for field in fields)


def _household() -> EsfGroup:
    # A jobless household with dependent children needs both answers yes.
    jobless, children, single = _yes("jobless_household", "dependent_children", "single_adult_with_children")
    children = EsfCategory(children.key, children.label,
                           (Condition("jobless_household", _YES), Condition("dependent_children", _YES)))
    return EsfGroup("household", N_("Household"), ("jobless_household", "dependent_children",
                                                   "single_adult_with_children"), (jobless, children, single))


def _disadvantage(*fields: str) -> EsfGroup:
    return EsfGroup("disadvantage", N_("Disadvantage (sensitive data)"), fields, _yes(*fields), declinable=True)


# The 2014–2020 set breaks participants down into women and men only. A non-binary person's gender
# is recorded (so not "not recorded", which asks staff to complete the record): a row of their own
# makes the gender section add up to the total, as a reporting officer checks it. They are in the
# total column of every other row and in neither gender column.
_NON_BINARY_2014_2020 = _field("non_binary", N_("Non-binary: in the total only (this set has columns for women "
                                                "and men)"), "gender", (Gender.NON_BINARY.value,))

ESF_2014_2020 = EsfSet("2014-2020", N_("ESF 2014–2020 (Regulation (EU) No 1304/2013)"),
                       ((Gender.FEMALE.value, N_("Women")), (Gender.MALE.value, N_("Men"))), (
    EsfGroup("gender", N_("Gender"), ("gender",), (*_gender(Gender.FEMALE, Gender.MALE).categories,
                                                   _NON_BINARY_2014_2020)),
    EsfGroup("labour", N_("Labour-market status"), ("labour_status",), (
        *_LABOUR_COMMON,
        _field("inactive_not_in_education", _inactive_not_in_education, "labour_status",
               (LabourStatus.INACTIVE_NOT_IN_EDUCATION.value,)),
        _EMPLOYED_CATEGORY)),
    EsfGroup("age", N_("Age at entry"), (AGE,), (
        _age("below_25", N_("Below 25 years of age"), None, 24),
        _age("above_54", N_("Above 54 years of age"), 55, None),
        _age("above_54_unemployed_or_inactive", N_("Above 54 years of age who are unemployed, including long-term "
                                                   "unemployed, or inactive not in education or training"),
             55, None, Condition("labour_status", (*_UNEMPLOYED, LabourStatus.INACTIVE_NOT_IN_EDUCATION.value))))),
    EsfGroup("education", N_("Education (ISCED)"), ("isced_level",), (
        # ISCED 0 belongs to no 2014–2020 indicator; shown apart so the column still adds up.
        _field("isced_0", N_("Less than primary education (ISCED 0): in no common indicator"), "isced_level",
               _isced(0)),
        _field("isced_1_2", N_("With primary (ISCED 1) or lower secondary education (ISCED 2)"), "isced_level",
               _isced(1, 2)),
        _field("isced_3_4", N_("With upper secondary (ISCED 3) or post-secondary education (ISCED 4)"),
               "isced_level", _isced(3, 4)),
        _field("isced_5_8", N_("With tertiary education (ISCED 5 to 8)"), "isced_level", _isced(5, 6, 7, 8)))),
    _household(),
    _disadvantage("migrant_or_minority", "disability", "other_disadvantage", "homeless_or_housing_excluded",
                  "rural_area"),
))

ESF_2021_2027 = EsfSet("2021-2027", N_("ESF+ 2021–2027 (Regulation (EU) 2021/1057)"), (
    (Gender.FEMALE.value, N_("Women")), (Gender.MALE.value, N_("Men")), (Gender.NON_BINARY.value, _non_binary)), (
    _gender(Gender.FEMALE, Gender.MALE, Gender.NON_BINARY),
    EsfGroup("labour", N_("Labour-market status"), ("labour_status",), (*_LABOUR_COMMON, _EMPLOYED_CATEGORY)),
    EsfGroup("age", N_("Age at entry"), (AGE,), (
        _age("below_18", N_("Below 18 years of age"), None, 17),
        _age("age_18_29", N_("18 to 29 years of age"), 18, 29),
        _age("age_55_plus", N_("55 years of age and above"), 55, None))),
    EsfGroup("education", N_("Education (ISCED)"), ("isced_level",), (
        _field("isced_0_2", N_("With lower secondary education or less (ISCED 0 to 2)"), "isced_level",
               _isced(0, 1, 2)),
        _field("isced_3_4", N_("With upper secondary (ISCED 3) or post-secondary education (ISCED 4)"),
               "isced_level", _isced(3, 4)),
        _field("isced_5_8", N_("With tertiary education (ISCED 5 to 8)"), "isced_level", _isced(5, 6, 7, 8)))),
    _disadvantage("migrant_or_minority", "disability", "homeless_or_housing_excluded", "rural_area"),
))

ESF_SETS = {esf_set.key: esf_set for esf_set in (ESF_2014_2020, ESF_2021_2027)}
DEFAULT_ESF_SET = ESF_2014_2020.key  # the programme period SocioLab (2018–2021) reports under


def esf_set(key: str | None) -> EsfSet:
    chosen = (key or DEFAULT_ESF_SET).strip()
    if chosen not in ESF_SETS:
        raise UserError(N_("Unknown ESF programme period “{key}”. Choose one of: {choices}."), key=key,
                        choices=", ".join(ESF_SETS))
    return ESF_SETS[chosen]
