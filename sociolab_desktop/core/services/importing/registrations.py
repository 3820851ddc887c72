"""Registrations imported for an event from a CSV/XLSX list: each row a person, found or recorded, then registered.

    validated = validate_rows("people", table, mapping, today=…)   # the person import's own checks
    plan = check_registrations(store, event_id, validated)         # what each row would do; nothing written
    result = commit_registrations(store, actor, plan, only_valid=…, allow_duplicates=…, today=…)
    registration_text.registration_tally(plan) / preview_lines / summary_lines   # counted and said

Rules (issue #5, item 2; the person import's rules wherever they apply):
- Columns and checks are the person import's: the same fields, messages and row numbers. A row
  with a wrong value is an error; one error means nothing is written unless `only_valid`.
- A row is a recorded person when exactly one live person has the same EMŠO, the same e-mail
  address (any case) or the same folded name and date of birth (the rules of person_duplicates).
  That person is registered as recorded: the row's other values do not change their record. An
  e-mail address recorded for someone of another name (a family's or an office's shared address)
  is not enough: such a row is held as a possible duplicate, like a very similar name in the same
  municipality. Similar matches are reported, never used.
- A row that matches several recorded persons by those rules is an error: merge them, or register
  the right one in the event window.
- Possible duplicates (status DUPLICATE) are not registered unless `allow_duplicates`, which records
  them as new persons, as the person import does.
- Any other row is a new person: recorded at this PC's info point, first contact today unless the
  list gives it (registering is a first contact, unlike an old list of participants), flagged
  incomplete for ESF when an answer the ESF 2014–2020 set requires is missing or the list says so
  (as quick-add at the door does), then registered.
- A recorded person already registered or waiting is reported with their code and skipped
  (status SKIPPED); a cancelled registration is renewed. A row that is the same person as an
  earlier row (the same keys, or the same recorded person) is skipped: the earlier row registers them.
- Capacity, as for any registration: persons already waiting move up into free places first, then
  the rows take the free places in the order of the file, and the rest go on the waiting list in
  that order. Possible duplicates imported anyway come after every ready row, so the places the
  preview shows for the ready rows hold.
- One transaction for the file; the plan is checked again inside it, so the result says what was done.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from sqlalchemy.orm import Session

from sociolab_desktop.core.services.events.events import status_counts
from sociolab_desktop.core.services.events.lookup import find_registration, live_event
from sociolab_desktop.core.services.events.registrations import (
    CANCELLED,
    REGISTERED,
    WAITING,
    place_registrations,
    registration_rows,
)
from sociolab_desktop.core.services.events.rows import RegistrationRow
from sociolab_desktop.core.services.importing import people
from sociolab_desktop.core.services.importing.fields import PEOPLE
from sociolab_desktop.core.services.importing.messages import Message
from sociolab_desktop.core.services.importing.plan import (
    WRITE_BATCH,
    ImportPlan,
    ImportResult,
    reason_label,
    validate_rows,
)
from sociolab_desktop.core.services.importing.rows import DuplicateMatch, PlannedRow, RowIssue, RowStatus
from sociolab_desktop.core.services.person_duplicates import SIMILAR_NAME_RATIO, duplicate_candidates_many
from sociolab_desktop.core.services.person_search import (
    DuplicateCandidate,
    DuplicateProbe,
    DuplicateReason,
    search_words,
)
from sociolab_desktop.core.services.results.esf_sets import AGE, esf_set
from sociolab_desktop.core.store.models import Person
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import Text
from sociolab_desktop.i18n import N_

log = logging.getLogger(__name__)
REGISTRATIONS = "registrations"  # the command line's name of this import (`import registrations`)

Progress = Callable[[int, int], None]  # (rows done, rows in all)
# The rules under which a row is the recorded person (a very similar name never is).
SAME_PERSON = (DuplicateReason.SAME_EMSO, DuplicateReason.SAME_EMAIL, DuplicateReason.SAME_NAME_AND_BIRTH_DATE)


class Action(StrEnum):
    REGISTER_RECORDED = "register_recorded"  # a recorded person, found by the duplicate rules
    REGISTER_NEW = "register_new"  # recorded first (for a possible duplicate: only if imported anyway)
    ALREADY_REGISTERED = "already_registered"  # registered or waiting already: nothing written
    REPEATS_ROW = "repeats_row"  # the same person as an earlier row, which registers them


@dataclass(frozen=True)
class RowOutcome:
    """What a checked row does for the event. `person_id`/`person_name`: the recorded person;
    `reasons`: DuplicateReason values saying why it is them (or the earlier row's person);
    `waiting_position`: the place on the waiting list after the import (None: a place at the event);
    `status`/`code`: an existing registration's."""

    action: Action
    person_id: str | None = None
    person_name: str = ""
    reasons: tuple[str, ...] = ()
    earlier_row: int | None = None
    waiting_position: int | None = None
    incomplete: bool = False  # a new person flagged incomplete for ESF
    reinstated: bool = False  # a cancelled registration comes back
    status: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class EventTarget:
    """The event, as it stood when the rows were checked (`registered`/`waiting`: before the import)."""

    id: str
    title_sl: str
    title_en: str | None
    capacity: int | None
    registered: int
    waiting: int

    def title(self, language: str) -> str:
        return self.title_en if language == "en" and self.title_en else self.title_sl


@dataclass(frozen=True)
class RegistrationPlan(ImportPlan):
    """An ImportPlan of persons (`kind` stays "people": the columns are a person's) with what
    each row does for the event: `outcomes` by row number (rows with errors have none)."""

    event: EventTarget | None = None
    outcomes: Mapping[int, RowOutcome] = field(default_factory=dict, compare=False, repr=False)
    validated: ImportPlan | None = field(default=None, compare=False, repr=False)  # before the database


@dataclass(frozen=True)
class RegistrationImportResult(ImportResult):
    """`imported`: registrations made (places and waiting list); `created_ids`: persons recorded;
    `registrations`: the registrations made, in the order of the file."""

    registrations: tuple[RegistrationRow, ...] = ()


# --- checking the rows against the records and the event ---------------------------------------


def _probe(values: Mapping) -> DuplicateProbe:
    return DuplicateProbe(first_name=values["first_name"], last_name=values["last_name"],
                          birth_date=values.get("birth_date"), emso=values.get("emso"), email=values.get("email"),
                          municipality_code=values.get("municipality_code"))


def _alike(values: Mapping, candidate: DuplicateCandidate) -> bool:
    """The same or a very similar folded name, in either order."""
    row = " ".join([*search_words(values["first_name"]), *search_words(values["last_name"])])
    first, last = " ".join(search_words(candidate.first_name)), " ".join(search_words(candidate.last_name))
    return any(difflib.SequenceMatcher(None, row, name, autojunk=False).ratio() >= SIMILAR_NAME_RATIO
               for name in (f"{first} {last}", f"{last} {first}"))


def _is_them(values: Mapping, candidate: DuplicateCandidate) -> bool:
    strong = [reason for reason in candidate.reasons if reason in SAME_PERSON]
    return bool(strong) and (strong != [DuplicateReason.SAME_EMAIL] or _alike(values, candidate))


def _missing_esf(values: Mapping) -> bool:
    """An answer the ESF set requires is missing (AGE: neither a date nor a year of birth)."""
    born = values.get("birth_date") is not None or values.get("birth_year") is not None
    return any(not born if name == AGE else values.get(name) is None for name in esf_set(None).required_fields)


def _reason(reasons: tuple[str, ...]) -> Text:
    return Text(reason_label(PEOPLE, reasons[0]))


def _outcome_note(outcome: RowOutcome, held: bool) -> list[Message]:
    """What the row does, for the preview and the command line's report."""
    action, notes = outcome.action, []
    if action == Action.REPEATS_ROW:
        notes.append(Message.of(N_("The same person as row {row} ({reason}): registered once, by that row."),
                                row=outcome.earlier_row, reason=_reason(outcome.reasons)))
    elif action == Action.ALREADY_REGISTERED and outcome.status == WAITING:
        notes.append(Message.of(N_("{name} is already on the waiting list for this event (code {code}, place "
                                   "{place}): not registered again."), name=outcome.person_name,
                                code=outcome.code, place=outcome.waiting_position))
    elif action == Action.ALREADY_REGISTERED:
        notes.append(Message.of(N_("{name} is already registered for this event (code {code}): not registered "
                                   "again."), name=outcome.person_name, code=outcome.code))
    elif action == Action.REGISTER_RECORDED:
        notes.append(Message.of(N_("Registers {name}, who is already recorded ({reason}); the record is not "
                                   "changed."), name=outcome.person_name, reason=_reason(outcome.reasons)))
        if outcome.reinstated:
            notes.append(Message.of(N_("The earlier registration, which was cancelled, is renewed.")))
    elif held:
        notes.append(Message.of(N_("Not registered, as it may be a recorded person: register them in the event "
                                   "window, or import possible duplicates anyway to record a new person.")))
    elif outcome.incomplete:
        notes.append(Message.of(N_("A new person: recorded, flagged incomplete for ESF (the list lacks ESF data), "
                                   "and registered.")))
    else:
        notes.append(Message.of(N_("A new person: recorded and registered.")))
    if action in (Action.REGISTER_RECORDED, Action.REGISTER_NEW) and outcome.waiting_position is not None:
        if held:
            notes.append(Message.of(N_("If imported anyway: the event is full, the person goes on the waiting list "
                                       "(place {place})."), place=outcome.waiting_position))
        else:  # first: what the preview's table shows of a long reason
            notes.insert(0, Message.of(N_("The event is full: goes on the waiting list (place {place})."),
                                       place=outcome.waiting_position))
    return notes


def _assess(session: Session, event_id: str, row: PlannedRow, candidates: list[DuplicateCandidate], earlier: dict,
            persons: dict[str, int]) -> tuple[PlannedRow, RowOutcome | None]:
    """The row's status and outcome (before places are given). `candidates`: the recorded persons
    it may be; `earlier`: the file keys of the rows before it; `persons`: recorded person id → the
    row that registers them."""
    values = row.values
    strong, weak = None, []
    for key, reason, _blocking in people.file_keys(values):
        if key not in earlier:
            earlier[key] = (row.number, values)
            continue
        number, first = earlier[key]
        if reason == DuplicateReason.SIMILAR_NAME_SAME_MUNICIPALITY:
            weak.append(DuplicateMatch(name=people.display_name(first), reasons=(reason,), earlier_row=number))
        elif strong is None:
            strong = (number, (reason,))
    row = replace(row, status=RowStatus.READY, duplicates=())
    if strong is not None:
        return (replace(row, status=RowStatus.SKIPPED),
                RowOutcome(Action.REPEATS_ROW, earlier_row=strong[0], reasons=strong[1]))
    them = [candidate for candidate in candidates if _is_them(values, candidate)]
    if len(them) > 1:
        names = ", ".join(f"{c.first_name} {c.last_name}" for c in them)
        issue = RowIssue(None, None, Message.of(N_(
            "The row fits several recorded persons ({names}). Merge them, or register the right one in the event "
            "window."), names=names))
        return replace(row, status=RowStatus.INVALID, issues=(issue,)), None
    if them:
        person = them[0]
        reasons = tuple(reason.value for reason in person.reasons if reason in SAME_PERSON)
        name = f"{person.first_name} {person.last_name}"
        if person.id in persons:
            return (replace(row, status=RowStatus.SKIPPED),
                    RowOutcome(Action.REPEATS_ROW, person.id, name, reasons, earlier_row=persons[person.id]))
        persons[person.id] = row.number
        found = find_registration(session, event_id, person.id)
        live = found if found is not None and found.deleted_at is None else None
        if live is not None and live.status in (REGISTERED, WAITING):
            shown = registration_rows(session, [live])[0]
            return (replace(row, status=RowStatus.SKIPPED),
                    RowOutcome(Action.ALREADY_REGISTERED, person.id, shown.full_name, reasons, status=live.status,
                               code=live.code, waiting_position=shown.waiting_position))
        return row, RowOutcome(Action.REGISTER_RECORDED, person.id, name, reasons,
                               reinstated=live is not None and live.status == CANCELLED)
    incomplete = bool(values.get("is_incomplete")) or _missing_esf(values)
    outcome = RowOutcome(Action.REGISTER_NEW, incomplete=incomplete)
    held = weak + [DuplicateMatch(name=f"{c.first_name} {c.last_name}", reasons=tuple(r.value for r in c.reasons),
                                  existing_id=c.id) for c in candidates]
    if held:
        return replace(row, status=RowStatus.DUPLICATE, duplicates=tuple(held)), outcome
    return row, outcome


def _give_places(event: EventTarget, rows: list[PlannedRow], outcomes: dict[int, RowOutcome]) -> None:
    """Places in file order, as place_registration gives them: those waiting move up first."""
    registered, waiting = event.registered, event.waiting
    moving_up = waiting if event.capacity is None else min(waiting, max(0, event.capacity - registered))
    registered, waiting = registered + moving_up, waiting - moving_up
    order = [row for row in rows if row.status == RowStatus.READY] + \
            [row for row in rows if row.status == RowStatus.DUPLICATE and row.importable_anyway]
    for row in order:
        outcome = outcomes[row.number]
        if event.capacity is None or registered < event.capacity:
            registered += 1
        else:
            waiting += 1
            outcomes[row.number] = replace(outcome, waiting_position=waiting)


def _plan(session: Session, event_id: str, validated: ImportPlan, progress: Progress | None) -> RegistrationPlan:
    event = live_event(session, event_id)
    counts = status_counts(session, [event.id]).get(event.id, {})
    target = EventTarget(event.id, event.title_sl, event.title_en, event.capacity, counts.get(REGISTERED, 0),
                         counts.get(WAITING, 0))
    valued = [row for row in validated.rows if row.values is not None]
    # One search for all the rows of the file (row by row, a long list took minutes).
    found = duplicate_candidates_many(session, [_probe(row.values) for row in valued], progress=progress) \
        if valued else []
    candidates_of = {row.number: candidates for row, candidates in zip(valued, found, strict=True)}
    rows, outcomes, earlier, persons = [], {}, {}, {}
    for row in validated.rows:
        if row.values is not None:
            row, outcome = _assess(session, event.id, row, candidates_of[row.number], earlier, persons)
            if outcome is not None:
                outcomes[row.number] = outcome
        rows.append(row)
    _give_places(target, rows, outcomes)
    rows = [replace(row, notes=(*row.notes, *_outcome_note(outcomes[row.number], row.status == RowStatus.DUPLICATE)))
            if row.number in outcomes else row for row in rows]
    return RegistrationPlan(validated.kind, validated.table, validated.mapping, tuple(rows), validated.notices,
                            database_checked=True, event=target, outcomes=outcomes, validated=validated)


def check_registrations(store: Store, event_id: str, validated: ImportPlan, *,
                        progress: Progress | None = None) -> RegistrationPlan:
    """What importing the checked rows (validate_rows, kind "people") into the event would do; nothing written."""
    with store.reader() as session:
        return _plan(session, event_id, validated, progress)


def preview_registrations(store: Store, event_id: str, table, mapping, *, today: dt.date,
                          progress: Progress | None = None) -> RegistrationPlan:
    """`--dry-run` and the window's preview: rows read, checked and compared, nothing written."""
    return check_registrations(store, event_id, validate_rows(PEOPLE, table, mapping, today=today),
                               progress=progress)


# --- writing ------------------------------------------------------------------------------------


def registering_rows(plan: RegistrationPlan, allow_duplicates: bool) -> list[PlannedRow]:
    """The rows that register someone, in the order places are given (see _give_places)."""
    ready = [row for row in plan.rows if row.status == RowStatus.READY]
    anyway = [row for row in plan.rows if allow_duplicates and row.importable_anyway]
    return ready + anyway


def _new_person(values: Mapping, outcome: RowOutcome, actor: Actor, today: dt.date) -> Person:
    record = people.new_record({**values, "is_incomplete": outcome.incomplete}, actor)
    record.first_contact_date = record.first_contact_date or today
    return record


def commit_registrations(store: Store, actor: Actor, plan: RegistrationPlan, *, only_valid: bool = False,
                         allow_duplicates: bool = False, today: dt.date | None = None,
                         progress: Progress | None = None) -> RegistrationImportResult:
    """Record the new persons and register every row that registers someone, in one transaction
    (the rows checked again inside it). Nothing is written when a row has errors and `only_valid`
    is False; possible duplicates are recorded as new persons only with `allow_duplicates`."""
    today = today or dt.date.today()
    with store.unit_of_work(actor) as session:
        checked = _plan(session, plan.event.id, plan.validated, None)
        invalid = checked.count(RowStatus.INVALID)
        if invalid and not only_valid:
            log.info("Registration import for event %s refused: %d invalid rows", checked.event.id, invalid)
            return RegistrationImportResult(checked, 0, (), refused=True)
        event = live_event(session, checked.event.id)
        chosen, persons, created = registering_rows(checked, allow_duplicates), [], []
        for done, row in enumerate(chosen, start=1):
            outcome = checked.outcomes[row.number]
            if outcome.action == Action.REGISTER_RECORDED:
                persons.append(session.get(Person, outcome.person_id))
            else:
                persons.append(_new_person(row.values, outcome, actor, today))
                session.add(persons[-1])
                created.append(persons[-1])
            if done % WRITE_BATCH == 0:
                session.flush()
                if progress:
                    progress(done, len(chosen))
        session.flush()
        made = [registration for registration, _before in place_registrations(session, event, persons, today)]
        if progress:
            progress(len(made), len(made))
        shown = tuple(registration_rows(session, made))
    log.info("Imported %d registrations for event %s (%d persons recorded, %d waiting, %d invalid rows)",
             len(shown), checked.event.id, len(created), sum(row.status == WAITING for row in shown), invalid)
    return RegistrationImportResult(checked, len(shown), tuple(person.id for person in created), registrations=shown)
