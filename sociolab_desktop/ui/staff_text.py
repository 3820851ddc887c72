"""How a staff member's roles read in lists."""

from __future__ import annotations

from sociolab_desktop.core.services.dto import StaffMember
from sociolab_desktop.i18n import Translator


def roles_text(member: StaffMember, tr: Translator) -> str:
    _ = tr.gettext
    roles = []
    if member.is_staff:
        roles.append(_("staff"))
    if member.is_mentor:
        roles.append(_("mentor"))
    if member.is_admin:
        roles.append(_("administrator"))
    return ", ".join(roles)
