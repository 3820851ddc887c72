"""Demo info points, the lead partner, and their staff and mentors."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services.demo import names
from sociolab_desktop.core.services.demo.context import (
    PROJECT_START,
    DemoContext,
    DemoSite,
    ljubljana_to_utc,
)
from sociolab_desktop.core.store.models import Site, StaffUser

INFO_POINT_TOWNS = ("Maribor", "Ptuj", "Slovenska Bistrica", "Ormož", "Lenart")
_TOWN_CODES = {"Maribor": "MB", "Ptuj": "PT", "Slovenska Bistrica": "SB", "Ormož": "OR", "Lenart": "LE"}
LEAD_PARTNER_NAME = "SocioLab – vodilni partner (demo)"
STAFF_DOMAIN = "sociolab.example"

# (staff, mentor, admin) roles of the demo staff at this PC's info point, the others, the lead.
_OWN_TEAM = ((True, True, True), (True, False, False), (True, False, False),
             (False, True, False), (True, True, False))
_OTHER_TEAM = ((True, False, False), (False, True, False))
_LEAD_TEAM = ((True, False, True), (False, True, False), (False, True, False))


def add_sites(ctx: DemoContext, own_site_name: str) -> None:
    """This PC's info point (already in the database) plus the four others and the lead partner.

    This PC keeps the town its name mentions; the other four towns become the other info points.
    """
    own_town = next((t for t in INFO_POINT_TOWNS if fold(t) in fold(own_site_name)), INFO_POINT_TOWNS[0])
    ctx.sites.append(DemoSite(ctx.site_id, own_site_name, own_town))
    created = ljubljana_to_utc(PROJECT_START, 9)
    for town in INFO_POINT_TOWNS:
        if town == own_town:
            continue
        site = DemoSite(ctx.key("site", town), f"Informacijska točka {town} (demo)", town)
        ctx.sites.append(site)
        ctx.add(Site, {"id": site.id, "name": site.name, "code": _TOWN_CODES[town],
                       "language": "sl", "is_lead_partner": False}, created)
    lead = DemoSite(ctx.key("site", "lead"), LEAD_PARTNER_NAME, "Maribor", is_lead_partner=True)
    ctx.sites.append(lead)
    ctx.add(Site, {"id": lead.id, "name": lead.name, "code": "VP", "language": "sl",
                   "is_lead_partner": True}, created)


def add_staff(ctx: DemoContext) -> None:
    rng = ctx.random("staff")
    used: set[tuple[str, str]] = set()
    for site in ctx.sites:
        if site.id == ctx.site_id:
            team = _OWN_TEAM
        else:
            team = _LEAD_TEAM if site.is_lead_partner else _OTHER_TEAM
        for number, (is_staff, is_mentor, is_admin) in enumerate(team):
            first, last = _unused_name(rng, used)
            staff_id = ctx.key("staff_user", site.id, number)
            email = f"{_mail_part(first)}.{_mail_part(last)}@{STAFF_DOMAIN}"
            joined = PROJECT_START + dt.timedelta(days=rng.randint(0, 20))
            ctx.add(StaffUser, {
                "id": staff_id, "display_name": f"{first} {last}", "email": email,
                "is_staff": is_staff, "is_mentor": is_mentor, "is_admin": is_admin,
                "is_active": True, "home_site_id": site.id,
            }, ljubljana_to_utc(joined, 9, rng.randint(0, 59)), by=ctx.recorder_id)
            if is_staff or is_admin:
                ctx.staff_by_site.setdefault(site.id, []).append(staff_id)
            if is_mentor:
                ctx.mentors_by_site.setdefault(site.id, []).append(staff_id)
            if site.id == ctx.site_id and is_admin and ctx.admin_id is None:
                ctx.admin_id = staff_id
    # Records the demo "types in" are by the person signed in, else by this info point's admin.
    ctx.recorder_id = ctx.recorder_id or ctx.admin_id
    for row in ctx.table(StaffUser) + ctx.table(Site):
        row["created_by_id"] = row["updated_by_id"] = ctx.recorder_id


def _unused_name(rng, used: set[tuple[str, str]]) -> tuple[str, str]:
    while True:
        first_names = names.FEMALE_FIRST_NAMES if rng.random() < 0.6 else names.MALE_FIRST_NAMES
        first, last = rng.choice(first_names), rng.choice(names.LAST_NAMES)
        if (first, last) not in used:
            used.add((first, last))
            return first, last


def _mail_part(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())
