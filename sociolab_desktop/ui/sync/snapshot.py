"""What the Sync area shows, read in one go in a worker thread as plain data (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SyncSnapshot:
    status: object  # core.sync.status.SyncStatus
    conflicts: list = field(default_factory=list)  # core.sync.conflicts.Conflict
    site_names: dict[str, str] = field(default_factory=dict)


def take_snapshot(workspace) -> SyncSnapshot:
    """Read from the database alone: quick, and right even when the share is out of reach."""
    from sociolab_desktop.core.services.sites import list_sites
    from sociolab_desktop.workspace import list_conflicts, sync_status

    names = {site.id: site.name for site in list_sites(workspace.store)}
    return SyncSnapshot(status=sync_status(workspace), conflicts=list_conflicts(workspace), site_names=names)
