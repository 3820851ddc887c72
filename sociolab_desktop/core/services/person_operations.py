"""Merging duplicate persons and GDPR erasure: replicated operations that sync carries to every
info point (see core/store/replicated.py for what each PC does with them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sociolab_desktop.core.store import replicated
from sociolab_desktop.core.store.models import Person, PersonErasure, PersonMerge
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

# Fields staff may choose field by field when merging (what identifies and describes a person).
MERGEABLE_FIELDS = (
    "first_name", "last_name", "gender", "birth_date", "birth_year", "emso", "tax_number", "email",
    "phone", "street_address", "postal_code", "post_town", "municipality_code", "country_code",
    "preferred_language", "target_group", "first_contact_date", "labour_status", "isced_level",
    "jobless_household", "dependent_children", "single_adult_with_children", "migrant_or_minority",
    "disability", "other_disadvantage", "homeless_or_housing_excluded", "rural_area", "notes",
)


def _live_person(session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise UserError(N_("The person was not found; the list may be out of date. Refresh it and try again."))
    if person.merged_into_id:
        raise UserError(N_("This person was already merged into another record."))
    if person.erased_at is not None:
        raise UserError(N_("This person's data was erased; the record cannot be merged."))
    return person


def merge_persons(
    store: Store,
    actor: Actor,
    survivor_id: str,
    loser_id: str,
    take_from_loser: Mapping[str, bool] | None = None,
) -> int:
    """Merge `loser` into `survivor`; fields named in `take_from_loser` take the loser's value.

    Every contact, consent, registration, attendance and mentoring link of the loser moves to
    the survivor. Returns how many references moved.
    """
    if survivor_id == loser_id:
        raise UserError(N_("Choose two different persons to merge."))
    with store.unit_of_work(actor) as session:
        survivor = _live_person(session, survivor_id)
        loser = _live_person(session, loser_id)
        for field, take in (take_from_loser or {}).items():
            if field not in MERGEABLE_FIELDS:
                raise UserError(N_("“{field}” cannot be chosen when merging."), field=field)
            if take:
                setattr(survivor, field, getattr(loser, field))
        session.add(PersonMerge(loser_id=loser_id, survivor_id=survivor_id))
        loser.merged_into_id = survivor_id
        session.flush()
        connection = session.connection().connection.dbapi_connection
        return replicated.apply_person_merges(connection)


def erase_person(store: Store, actor: Actor, person_id: str, today: dt.date | None = None) -> None:
    """Blank the person's personal data here and, through sync, everywhere; cannot be undone."""
    with store.unit_of_work(actor) as session:
        person = session.get(Person, person_id)
        if person is None:
            raise UserError(N_("The person was not found; the list may be out of date. Refresh it and try again."))
        if person.erased_at is not None:
            raise UserError(N_("This person's data was already erased."))
        session.add(PersonErasure(person_id=person_id, requested_on=today or dt.date.today()))
        session.flush()
        connection = session.connection().connection.dbapi_connection
        replicated.apply_person_erasures(connection)
        session.expire_all()
