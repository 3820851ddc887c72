"""ESF participant data: the participants with their ESF answers at entry, the summary table the
funder asks for (counts per category, by gender), and the records that still miss required data.

Participants are the persons in training programmes of the indicators (the same period, rule and
info point), so the ESF table and the indicator always speak of the same people. Age is taken at
entry, the first day the person attended (else registered for) a counted programme.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from sociolab_desktop.core.domain.enums import Answer
from sociolab_desktop.core.domain.labels import ESF_QUESTIONS, Label, translated
from sociolab_desktop.core.services.results.counted import Scope
from sociolab_desktop.core.services.results.counted_activities import persons_trained
from sociolab_desktop.core.services.results.definitions import check_training_rule
from sociolab_desktop.core.services.results.esf_sets import AGE, Condition, EsfGroup, EsfSet, esf_set
from sociolab_desktop.core.services.results.periods import ALL_DATES, ReportPeriod
from sociolab_desktop.core.store.models import Person
from sociolab_desktop.core.store.unit_of_work import Store
from sociolab_desktop.i18n import N_, Translator

ESF_FIELDS = ("gender", "birth_date", "birth_year", "labour_status", "isced_level", "jobless_household",
              "dependent_children", "single_adult_with_children", "migrant_or_minority", "disability",
              "other_disadvantage", "homeless_or_housing_excluded", "rural_area", "is_incomplete")
_CHUNK = 500
TOTAL_LABEL = N_("Total participants")
NOT_RECORDED_LABEL = N_("{group}: not recorded")
DECLINED_LABEL = N_("{question}: did not want to answer")


@dataclass(frozen=True)
class EsfParticipant:
    """A participant and the ESF answers at entry, as stored (codes: the window labels them).
    `site_ids`: the info points whose programmes they attended; `programme`: the first one;
    `categories`: keys of the chosen set's categories they fall in; `missing`: required fields
    still empty (AGE: neither birth date nor year)."""

    person_id: str
    name: str
    erased: bool
    site_ids: tuple[str, ...]
    entry_date: dt.date | None
    programme: str | None
    age: int | None
    gender: str | None
    birth_date: dt.date | None
    birth_year: int | None
    labour_status: str | None
    isced_level: str | None
    jobless_household: str | None
    dependent_children: str | None
    single_adult_with_children: str | None
    migrant_or_minority: str | None
    disability: str | None
    other_disadvantage: str | None
    homeless_or_housing_excluded: str | None
    rural_area: str | None
    is_incomplete: bool
    categories: frozenset[str]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class EsfSummaryRow:
    """One line of the funder's table. `kind`: total, category, not_recorded or declined.
    `counts` follow the set's genders; `total` also counts persons of no listed gender (not
    recorded, or non-binary in the 2014–2020 set, which has a gender row of their own)."""

    group: str
    key: str
    kind: str
    label: Label  # an N_ message or a label with a context (esf_sets.py); see text()
    subject: str | None  # N_ message put into the label's {group} / {question}
    total: int
    counts: tuple[int, ...]

    def text(self, tr: Translator) -> str:
        subject = tr.gettext(self.subject) if self.subject else ""
        return translated(tr, self.label).format(group=subject, question=subject)


@dataclass(frozen=True)
class EsfReport:
    esf_set: EsfSet
    period: ReportPeriod
    site_id: str | None
    training_rule: str
    participants: tuple[EsfParticipant, ...]
    rows: tuple[EsfSummaryRow, ...]

    @property
    def missing(self) -> tuple[EsfParticipant, ...]:
        """Participants whose record lacks required data and can still be completed (not erased)."""
        return tuple(person for person in self.participants if person.missing and not person.erased)


def age_at(entry: dt.date | None, birth_date: dt.date | None, birth_year: int | None) -> int | None:
    """Full years at entry; from a year of birth alone, the age the person turns that year."""
    if entry is None:
        return None
    if birth_date is not None:
        return entry.year - birth_date.year - ((entry.month, entry.day) < (birth_date.month, birth_date.day))
    return entry.year - birth_year if birth_year is not None else None


def _holds(condition: Condition, values: dict) -> bool:
    if condition.field == AGE:
        age = values[AGE]
        return age is not None and (condition.age_from is None or age >= condition.age_from) and (
            condition.age_to is None or age <= condition.age_to)
    return values.get(condition.field) in condition.values


def _empty(values: dict, field: str) -> bool:
    return values[AGE] is None if field == AGE else values.get(field) is None


def _participant(chosen: EsfSet, row, entry, site_ids, programme) -> EsfParticipant:
    values = {name: getattr(row, name) for name in ESF_FIELDS}
    values[AGE] = age_at(entry, row.birth_date, row.birth_year)
    categories = frozenset(category.key for group in chosen.groups for category in group.categories
                           if all(_holds(condition, values) for condition in category.conditions))
    missing = tuple(field for field in chosen.required_fields if _empty(values, field))
    name = f"{row.first_name or ''} {row.last_name or ''}".strip()
    return EsfParticipant(row.id, name, row.erased_at is not None, site_ids, entry, programme,
                          values[AGE], **{name: values[name] for name in ESF_FIELDS}, categories=categories,
                          missing=missing)


def _rows(chosen: EsfSet, participants: tuple[EsfParticipant, ...]) -> list[EsfSummaryRow]:
    genders = [gender for gender, _label in chosen.genders]

    def row(group: str, key: str, kind: str, label: Label, subject: str | None, members) -> EsfSummaryRow:
        members = list(members)
        counts = tuple(sum(1 for person in members if person.gender == gender) for gender in genders)
        return EsfSummaryRow(group, key, kind, label, subject, len(members), counts)

    rows = [row("total", "total", "total", TOTAL_LABEL, None, participants)]
    for group in chosen.groups:
        rows += [row(group.key, category.key, "category", category.label, None,
                     (person for person in participants if category.key in person.categories))
                 for category in group.categories]
        rows.append(row(group.key, f"{group.key}_not_recorded", "not_recorded", NOT_RECORDED_LABEL, group.title,
                        (person for person in participants if set(group.fields) & set(person.missing))))
        rows += _declined(group, participants, row)
    return rows


def _declined(group: EsfGroup, participants, row) -> list[EsfSummaryRow]:
    """Per yes/no question, those who did not want to answer: always for sensitive questions,
    for the others when someone declined."""
    result = []
    for field in group.fields:
        if field not in ESF_QUESTIONS:
            continue
        members = [person for person in participants if getattr(person, field) == Answer.DECLINED.value]
        if group.declinable or members:
            result.append(row(group.key, f"{field}_declined", "declined", DECLINED_LABEL, ESF_QUESTIONS[field],
                              members))
    return result


def esf_report(store: Store, period: ReportPeriod = ALL_DATES, *, programme_period: str | None = None,
               site_id: str | None = None, training_rule: str | None = None,
               today: dt.date | None = None) -> EsfReport:
    """Participants (persons in training programmes under `training_rule`) of the period, at one
    info point or all, with the summary of `programme_period` ("2014-2020" or "2021-2027")."""
    chosen = esf_set(programme_period)
    scope = Scope(period, today or dt.date.today(), check_training_rule(training_rule))
    with store.reader() as session:
        records = [record for record in persons_trained(session, scope)
                   if site_id is None or record.site_id == site_id]
        entries: dict[str, list] = {}
        for record in sorted(records, key=lambda r: (r.date or dt.date.max, r.detail or "")):
            entry = entries.setdefault(record.record_id, [record.date, record.detail, []])
            entry[2].append(record.site_id)
        ids = list(entries)
        # Plain rows, not Person objects: building 10 000 ORM objects costs more than the query.
        columns = [getattr(Person, name) for name in ("id", "first_name", "last_name", "erased_at", "sort_key",
                                                      *ESF_FIELDS)]
        people = []
        for start in range(0, len(ids), _CHUNK):
            people += session.execute(select(*columns).where(Person.id.in_(ids[start:start + _CHUNK])))
        people.sort(key=lambda person: (person.sort_key, person.id))
        participants = tuple(_participant(chosen, person, entries[person.id][0], tuple(entries[person.id][2]),
                                          entries[person.id][1]) for person in people)
    return EsfReport(chosen, period, site_id, scope.training_rule, participants, tuple(_rows(chosen, participants)))
