"""Lookups shared by the intake services: a live person or organisation, and folded word search."""

from __future__ import annotations

from sqlalchemy import and_, or_
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.store.models import Organisation, Person
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

# A search word matches where a stored word starts: after a space or an opening mark.
_WORD_STARTS = (" ", "(", "-", "/", '"', "'", "„", "“", "»", ",", ".")


def word_prefix_filter(column, text: str):
    """Every typed word, folded, must start some word of the folded `column` ("ceh" finds "Čeh")."""
    conditions = []
    for word in fold(text).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        starts = [column.like(f"{escaped}%", escape="\\")]
        starts += [column.like(f"%{mark}{escaped}%", escape="\\") for mark in _WORD_STARTS]
        conditions.append(or_(*starts))
    return and_(*conditions) if conditions else None


def live_organisation(session: Session, organisation_id: str) -> Organisation:
    row = session.get(Organisation, organisation_id) if organisation_id else None
    if row is None or row.deleted_at is not None:
        raise UserError(N_("The organisation was not found; the list may be out of date. Refresh it and try again."))
    return row


def live_person(session: Session, person_id: str) -> Person:
    """The person, or the one a merge made it part of; refused when deleted or erased."""
    person = session.get(Person, person_id) if person_id else None
    for _ in range(10):  # merges point straight at the survivor; a short chain at most mid-sync
        if person is None or not person.merged_into_id:
            break
        person = session.get(Person, person.merged_into_id)
    if person is None or person.deleted_at is not None:
        raise UserError(N_("The person was not found; the list may be out of date. Refresh it and try again."))
    if person.erased_at is not None:
        raise UserError(N_("This person's data was erased; nothing more can be recorded for them."))
    return person
