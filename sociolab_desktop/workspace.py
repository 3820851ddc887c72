"""An opened data folder: its settings, its database and the lock that keeps it ours.

The command line and the GUI both open a workspace; only the GUI adds Qt on top (app.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sociolab_desktop.core.store.database import open_store
from sociolab_desktop.core.store.instance_lock import InstanceLock
from sociolab_desktop.core.domain.keys import new_key
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.core.sync.runtime import SyncRuntime
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.paths import DataPaths, resolve_data_paths
from sociolab_desktop.settings import Settings, load_settings, save_settings


@dataclass
class Workspace:
    paths: DataPaths
    settings: Settings
    store: Store
    lock: InstanceLock
    sync: SyncRuntime

    @property
    def actor(self) -> Actor:
        return Actor(site_id=self.settings.site_id, staff_id=self.settings.current_staff_id)

    def translator(self) -> Translator:
        return Translator(self.settings.language)

    def save_settings(self) -> None:
        save_settings(self.paths.settings, self.settings)

    def close(self) -> None:
        self.store.dispose()
        self.lock.release()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def open_workspace(data_dir: str | Path | None = None) -> Workspace:
    """Lock the folder, read settings, open (backing up and migrating) the database."""
    paths = resolve_data_paths(data_dir)
    from sociolab_desktop.core.store.engine import check_data_folder

    check_data_folder(paths.root)
    settings = load_settings(paths.settings)
    # The site's key exists before the site does: the sync clock stamps every write with it,
    # the very first ones (the site record, the first administrator) included.
    settings.site_id = settings.site_id or new_key()
    settings.installation_id = settings.installation_id or new_key()
    lock = InstanceLock(paths.lock_file).acquire()
    try:
        sync = SyncRuntime.for_site(settings.site_id)
        store = open_store(paths.database, paths.backups, settings.backups_kept, sync.prepare_engine)
        sync.start(store.engine)
    except BaseException:
        lock.release()
        raise
    return Workspace(paths=paths, settings=settings, store=store, lock=lock, sync=sync)


def require_initialised(workspace: Workspace) -> None:
    if not workspace.settings.is_initialised:
        raise UserError(
            N_(
                "The data folder {path} is not set up yet. Run “sociolab-desktop init "
                "--site-name NAME” or start the program once to set it up."
            ),
            path=str(workspace.paths.root),
        )


def sync_round(workspace: Workspace, share: str | None = None):
    """One sync round through `share` (or the settings' share path); see core/sync/round.py."""
    from sociolab_desktop.core.sync.round import Identity, run_round

    location = share or workspace.settings.share_path
    if not location:
        raise UserError(
            N_(
                "No shared folder is set for sync. Set one in Settings ▸ Sync, or give it with "
                "--share PATH (for example \\\\server\\share\\sociolab)."
            )
        )
    require_initialised(workspace)
    identity = Identity(
        site_id=workspace.settings.site_id,
        site_name=workspace.settings.site_name or "",
        installation_id=workspace.settings.installation_id or "",
    )
    return run_round(workspace.store.engine, workspace.sync, location, identity, workspace.paths.attachments)


# --- sync state for the window (the UI passes the workspace, never the engine) ---------------


def sync_status(workspace: Workspace):
    """Last sync, changes waiting, held files, conflicts and other sites (core/sync/status.py)."""
    from sociolab_desktop.core.sync.status import read_status

    return read_status(workspace.store.engine, workspace.settings.site_id)


def list_conflicts(workspace: Workspace):
    """Open conflicts, oldest first (core/sync/conflicts.py)."""
    from sociolab_desktop.core.sync.conflicts import open_conflicts

    return open_conflicts(workspace.store.engine)


def resolve_conflict(workspace: Workspace, conflict_id: str, choice: str) -> None:
    """Keep the value that won (`KEEP_WINNER`) or take the other (`TAKE_OTHER`), as the person
    signed in; the choice is an edit that syncs to the other info points."""
    from sociolab_desktop.core.sync.conflicts import resolve_conflict as resolve

    resolve(workspace.store.engine, conflict_id, choice, workspace.settings.current_staff_id)


def shared_site_infos(workspace: Workspace, share: str | None = None) -> dict[str, dict]:
    """What each info point last wrote about itself on the share (site.json: name, last publish);
    empty when the share is not set or not reachable."""
    from sociolab_desktop.core.sync.share import Share

    location = share or workspace.settings.share_path
    if not location:
        return {}
    try:
        return Share(location).read_site_infos()
    except OSError:
        return {}
