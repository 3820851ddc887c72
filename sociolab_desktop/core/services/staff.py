"""Staff members and mentors, and who is at the keyboard."""

from __future__ import annotations

from sqlalchemy import select

from sociolab_desktop.core.domain.text import slovenian_sort_key
from sociolab_desktop.core.services.dto import StaffMember
from sociolab_desktop.core.store.models import StaffUser
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

MAX_NAME = 200


def _to_member(row: StaffUser) -> StaffMember:
    return StaffMember(
        id=row.id,
        display_name=row.display_name,
        email=row.email,
        is_staff=row.is_staff,
        is_mentor=row.is_mentor,
        is_admin=row.is_admin,
        is_active=row.is_active,
    )


def _clean(display_name: str, is_staff: bool, is_mentor: bool, is_admin: bool) -> str:
    cleaned = " ".join((display_name or "").split())
    if not cleaned:
        raise UserError(N_("Enter the staff member's name."))
    if len(cleaned) > MAX_NAME:
        raise UserError(N_("The name is too long (at most {limit} characters)."), limit=MAX_NAME)
    if not (is_staff or is_mentor or is_admin):
        raise UserError(N_("Choose at least one role: staff, mentor or administrator."))
    return cleaned


def list_staff(store: Store, *, include_inactive: bool = False) -> list[StaffMember]:
    with store.reader() as session:
        query = select(StaffUser).where(StaffUser.deleted_at.is_(None))
        if not include_inactive:
            query = query.where(StaffUser.is_active.is_(True))
        rows = session.scalars(query).all()
        members = [_to_member(row) for row in rows]
    return sorted(members, key=lambda member: slovenian_sort_key(member.display_name))


def get_staff(store: Store, staff_id: str) -> StaffMember | None:
    with store.reader() as session:
        row = session.get(StaffUser, staff_id)
        return _to_member(row) if row is not None and row.deleted_at is None else None


def add_staff(
    store: Store,
    actor: Actor,
    display_name: str,
    *,
    email: str | None = None,
    is_staff: bool = True,
    is_mentor: bool = False,
    is_admin: bool = False,
) -> StaffMember:
    cleaned = _clean(display_name, is_staff, is_mentor, is_admin)
    with store.unit_of_work(actor) as session:
        row = StaffUser(
            display_name=cleaned,
            email=(email or "").strip() or None,
            is_staff=is_staff,
            is_mentor=is_mentor,
            is_admin=is_admin,
            home_site_id=actor.site_id,
        )
        session.add(row)
        session.flush()
        return _to_member(row)


def update_staff(
    store: Store,
    actor: Actor,
    staff_id: str,
    display_name: str,
    *,
    email: str | None,
    is_staff: bool,
    is_mentor: bool,
    is_admin: bool,
    is_active: bool = True,
) -> StaffMember:
    cleaned = _clean(display_name, is_staff, is_mentor, is_admin)
    with store.unit_of_work(actor) as session:
        row = session.get(StaffUser, staff_id)
        if row is None or row.deleted_at is not None:
            raise UserError(N_("This staff member no longer exists; refresh the list."))
        if row.is_admin and not (is_admin and is_active):
            remaining = session.scalars(
                select(StaffUser.id).where(
                    StaffUser.is_admin.is_(True),
                    StaffUser.is_active.is_(True),
                    StaffUser.deleted_at.is_(None),
                    StaffUser.id != staff_id,
                )
            ).first()
            if remaining is None:
                raise UserError(N_("At least one active administrator must remain."))
        row.display_name = cleaned
        row.email = (email or "").strip() or None
        row.is_staff, row.is_mentor, row.is_admin, row.is_active = is_staff, is_mentor, is_admin, is_active
        return _to_member(row)
