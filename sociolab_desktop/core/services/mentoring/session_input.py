"""The session form's input and its checks that need no database: what is refused outright."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sociolab_desktop.core.domain.enums import MentoringMode, MentoringTopic
from sociolab_desktop.core.domain.slovenian_time import to_utc
from sociolab_desktop.core.services.fields import clean_choice, clean_text
from sociolab_desktop.core.services.mentoring.checks import (
    FieldError,
    SessionValidationError,
    long_text,
    raise_errors,
)
from sociolab_desktop.core.services.mentoring.session_parts import ActionInput
from sociolab_desktop.i18n import N_

MAX_PLACE = 200
MAX_OWNER = 200


@dataclass(frozen=True)
class SessionInput:
    """What the session form gives. Date and times are Slovenian wall-clock; the session lies
    within one day. `site_id` None: this PC's info point on create, unchanged on update."""

    session_date: dt.date | None
    starts: dt.time | None
    ends: dt.time | None
    mode: str | None
    mentor_ids: Sequence[str]
    organisation_id: str | None = None
    person_ids: Sequence[str] = ()
    place: str | None = None
    topics: Sequence[str] = ()
    summary: str | None = None
    actions: Sequence[ActionInput] = field(default_factory=tuple)
    next_session_on: dt.date | None = None
    site_id: str | None = None


def _ids(values: Sequence[str] | str | None) -> list[str]:
    if isinstance(values, str):
        values = [values]  # one id passed bare, not its letters
    return list(dict.fromkeys(value.strip() for value in values or () if value and value.strip()))


def _attempt(errors: list[FieldError], check):
    try:
        return check()
    except FieldError as error:
        errors.append(error)
        return None


def _clean_date(value: dt.date | None, today: dt.date) -> dt.date:
    if value is None:
        raise FieldError("session_date", N_("Enter the date of the session."))
    if value > today:
        raise FieldError("session_date", N_("The date {value} is in the future; record a session once it has "
                                            "taken place (and plan the next one with the next session date)."),
                         value=value)
    return value


def _clean_times(data: SessionInput) -> tuple[dt.time, dt.time]:
    if data.starts is None:
        raise FieldError("starts", N_("Enter the time the session started."))
    if data.ends is None:
        raise FieldError("ends", N_("Enter the time the session ended."))
    if data.ends < data.starts:
        raise FieldError("ends", N_("The session ends ({ends}) before it starts ({starts}): check the times."),
                         ends=data.ends.strftime("%H:%M"), starts=data.starts.strftime("%H:%M"))
    return data.starts, data.ends


def _clean_topics(topics: Sequence[str] | str | None) -> list[str]:
    chosen = set(_ids(topics))
    if not chosen:
        raise FieldError("topics", N_("Choose at least one topic."))
    unknown = sorted(chosen - {topic.value for topic in MentoringTopic})
    if unknown:
        raise FieldError("topics", N_("“{value}” is not one of the choices in the list."), value=unknown[0])
    return [topic.value for topic in MentoringTopic if topic.value in chosen]  # one order everywhere


def _clean_actions(actions: Sequence[ActionInput], day: dt.date | None, errors: list[FieldError]) -> list[dict]:
    cleaned = []
    for number, action in enumerate(actions or ()):
        prefix = f"actions.{number}."
        description = _attempt(errors, lambda a=action, p=prefix: long_text(a.description, p + "description"))
        owner = _attempt(errors, lambda a=action, p=prefix: clean_text(a.owner, p + "owner", MAX_OWNER))
        if description is None and owner is None and action.due_on is None and not action.id:
            continue  # an empty row of the form
        if description is None and not any(e.field == prefix + "description" for e in errors):
            errors.append(FieldError(prefix + "description", N_("Describe the agreed action, or remove the row.")))
        if action.due_on is not None and day is not None and action.due_on < day:
            errors.append(FieldError(prefix + "due_on", N_("The action is due on {value}, before the session "
                                                           "({date})."),
                                     value=action.due_on, date=day))
        cleaned.append({"id": action.id, "description": description, "owner": owner, "due_on": action.due_on,
                        "is_done": bool(action.is_done)})
    return cleaned


def clean_session(data: SessionInput, today: dt.date) -> dict:
    """Clean values (`row` columns, `mentor_ids`, `person_ids`, `actions`); raises every error at once."""
    errors: list[FieldError] = []
    day = _attempt(errors, lambda: _clean_date(data.session_date, today))
    times = _attempt(errors, lambda: _clean_times(data))
    values = {
        "mode": _attempt(errors, lambda: clean_choice(data.mode, "mode", MentoringMode, required=True)),
        "topics": _attempt(errors, lambda: _clean_topics(data.topics)),
        "place": _attempt(errors, lambda: clean_text(data.place, "place", MAX_PLACE)),
        "summary": _attempt(errors, lambda: long_text(data.summary, "summary")),
        "next_session_on": data.next_session_on,
        "organisation_id": (data.organisation_id or "").strip() or None,
    }
    mentor_ids, person_ids = _ids(data.mentor_ids), _ids(data.person_ids)
    if not mentor_ids:
        errors.append(FieldError("mentor_ids", N_("Choose at least one mentor.")))
    if not (values["organisation_id"] or person_ids):
        errors.append(FieldError("organisation_id", N_("Choose the organisation or the persons coached (or both).")))
    if day and data.next_session_on is not None and data.next_session_on <= day:
        errors.append(FieldError("next_session_on", N_("The next session ({value}) must come after this one "
                                                       "({date})."),
                                 value=data.next_session_on, date=day))
    actions = _clean_actions(data.actions, day, errors)
    raise_errors(errors, SessionValidationError)
    values.update(starts_at=to_utc(day, times[0]), ends_at=to_utc(day, times[1]))
    return {"row": values, "mentor_ids": mentor_ids, "person_ids": person_ids, "actions": actions}
