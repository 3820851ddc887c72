"""What the session form reads in a worker: the mentors to choose from, the session edited or the
party it starts with, and the mentor's last session with the party to copy."""

from __future__ import annotations

from dataclasses import dataclass

from sociolab_desktop.core.services.mentoring import sessions
from sociolab_desktop.core.services.mentoring.sessions import SessionRecord
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_


@dataclass(frozen=True)
class SessionFormData:
    """What the form needs before it can be filled, read in a worker."""

    mentors: list[tuple[str, str]]
    session: SessionRecord | None
    organisation: tuple[str, str] | None
    person: tuple[str, str] | None


def load_form(store, session_id: str | None, organisation_id: str | None, person_id: str | None) -> SessionFormData:
    from sociolab_desktop.core.services import organisations, persons, staff

    mentors = [(m.id, m.display_name) for m in staff.list_staff(store) if m.is_mentor and m.is_active]
    record = sessions.get_session(store, session_id) if session_id else None
    if session_id and record is None:
        raise UserError(N_("The mentoring session was not found; the list may be out of date. Refresh it."))
    organisation = organisations.get_organisation(store, organisation_id) if organisation_id else None
    person = persons.get_person(store, person_id) if person_id else None
    return SessionFormData(mentors, record, (organisation.id, organisation.name) if organisation else None,
                           (person.id, f"{person.first_name} {person.last_name}") if person else None)


def load_copy(store, mentor_id: str, organisation_id: str | None, person_id: str | None):
    """In a worker: the mentor's last session with the party as a new session's input, with the
    names of its persons and mentors (None: there is none)."""
    from sociolab_desktop.core.services import persons, staff

    copied = sessions.copy_last_session(store, mentor_id, organisation_id=organisation_id, person_id=person_id)
    if copied is None:
        return None
    names = {}
    for key in copied.person_ids:
        person = persons.get_person(store, key)
        names[key] = f"{person.first_name} {person.last_name}" if person else ""
    mentors = [(key, member.display_name) for key in copied.mentor_ids if (member := staff.get_staff(store, key))]
    return copied, names, mentors
