"""Record keys. Random UUIDs for ordinary records; UUID5 keys for records that are unique by
nature, so that two offline PCs creating "the same" record end up with one after sync."""

from __future__ import annotations

import uuid

# Fixed forever: changing it would make every derived key on every PC disagree.
SOCIOLAB_NAMESPACE = uuid.UUID("6f1c2f3e-5b0a-4c8e-9a51-50c10c1ab000")


def new_key() -> str:
    return str(uuid.uuid4())


def derived_key(kind: str, *parts: str) -> str:
    return str(uuid.uuid5(SOCIOLAB_NAMESPACE, "/".join((kind, *parts))))


def registration_key(event_id: str, person_id: str) -> str:
    return derived_key("registration", event_id, person_id)


def attendance_key(event_session_id: str, person_id: str) -> str:
    return derived_key("attendance", event_session_id, person_id)


def certificate_key(event_id: str, person_id: str) -> str:
    return derived_key("certificate", event_id, person_id)


def mentor_link_key(mentoring_session_id: str, staff_id: str) -> str:
    return derived_key("mentoring-mentor", mentoring_session_id, staff_id)


def coached_person_key(mentoring_session_id: str, person_id: str) -> str:
    return derived_key("mentoring-person", mentoring_session_id, person_id)


def organisation_role_key(person_id: str, organisation_id: str, role: str) -> str:
    return derived_key("organisation-role", person_id, organisation_id, role)
