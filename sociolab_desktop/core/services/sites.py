"""The identity of this PC's info point."""

from __future__ import annotations

from sqlalchemy import select

from sociolab_desktop.core.services.dto import SiteInfo
from sociolab_desktop.core.store.models import Site
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, check_language

MAX_SITE_NAME = 200


def clean_site_name(name: str) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise UserError(N_("Enter the name of the info point."))
    if len(cleaned) > MAX_SITE_NAME:
        raise UserError(N_("The info point's name is too long (at most {limit} characters)."), limit=MAX_SITE_NAME)
    return cleaned


def create_site(store: Store, site_id: str, name: str, language: str) -> SiteInfo:
    """Create the site record for a new PC under the key its workspace settings already hold
    (the sync clock stamps every version with that key, these first writes included)."""
    cleaned = clean_site_name(name)
    language = check_language(language)
    with store.unit_of_work(Actor(site_id=site_id)) as session:
        session.add(Site(id=site_id, name=cleaned, language=language))
    return SiteInfo(id=site_id, name=cleaned, language=language)


def rename_site(store: Store, actor: Actor, site_id: str, name: str) -> SiteInfo:
    cleaned = clean_site_name(name)
    with store.unit_of_work(actor) as session:
        site = session.get(Site, site_id)
        if site is None:
            raise UserError(N_("This PC's info point is missing from the database."))
        site.name = cleaned
        return SiteInfo(id=site.id, name=site.name, language=site.language)


def list_sites(store: Store) -> list[SiteInfo]:
    with store.reader() as session:
        rows = session.scalars(select(Site).where(Site.deleted_at.is_(None)).order_by(Site.name))
        return [SiteInfo(id=row.id, name=row.name, language=row.language) for row in rows]
