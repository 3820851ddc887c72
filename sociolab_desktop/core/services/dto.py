"""Plain data that services hand to windows and the command line (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteInfo:
    id: str
    name: str
    language: str


@dataclass(frozen=True)
class StaffMember:
    id: str
    display_name: str
    email: str | None
    is_staff: bool
    is_mentor: bool
    is_admin: bool
    is_active: bool
