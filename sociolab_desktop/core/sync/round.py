"""One sync round: reconcile this PC's own stream, publish, apply the others, exchange files.

Everything that can go wrong on a share is expected (unreachable, half-written files, copies made
by a cloud client): it is reported in the round's result, never raised at the person.
"""

from __future__ import annotations

import logging
import platform
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from sociolab_desktop import __version__
from sociolab_desktop.core.store.migrate import HEAD_REVISION
from sociolab_desktop.core.sync.apply import Applied, Applier, Held
from sociolab_desktop.core.sync.blobs import exchange_blobs
from sociolab_desktop.core.sync.db import immediate, raw_connection
from sociolab_desktop.core.sync.publish import Published, publish
from sociolab_desktop.core.sync.runtime import SyncRuntime
from sociolab_desktop.core.sync.share import Listing, Share, ShareUnavailable
from sociolab_desktop.core.sync.state import load_state, now_text, save_state

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Identity:
    site_id: str
    site_name: str
    installation_id: str


@dataclass
class RoundResult:
    share_unavailable: str | None = None
    published: Published | None = None
    applied: Applied = field(default_factory=Applied)
    strays: list[str] = field(default_factory=list)
    new_epoch: int | None = None
    duplicate_identity: str | None = None
    blobs_sent: int = 0
    blobs_fetched: int = 0
    blob_problems: list[str] = field(default_factory=list)

    @property
    def held(self) -> list[Held]:
        return self.applied.held

    @property
    def needs_attention(self) -> bool:
        return bool(
            self.share_unavailable or self.held or self.strays or self.applied.conflicts
            or self.duplicate_identity or self.applied.clock_ahead or self.blob_problems
        )


def run_round(engine: Engine, runtime: SyncRuntime, share_location: str, identity: Identity,
              attachments: Path) -> RoundResult:
    result = RoundResult()
    share = Share(share_location)
    with raw_connection(engine) as connection:
        with immediate(connection):
            state = load_state(connection, identity.site_id)
            state.last_attempt_at = now_text()
            save_state(connection, state)
        try:
            share.check_reachable()
            listing = share.list_bundles()
            result.strays = listing.strays
            applier = Applier(connection, share, runtime.capture, runtime.clock, identity.site_id)
            if not _reconcile_own_stream(connection, share, listing, identity, applier, result):
                return result
            try:
                result.published = publish(connection, share, identity.site_id)
            except FileExistsError:
                # Someone else wrote this site's next bundle since we looked: a second PC with
                # this identity. Next round's reconciliation tells which case it is.
                result.duplicate_identity = "unknown"
                return result
            others = [ref for ref in listing.bundles if ref.site_id != identity.site_id]
            applier.apply_streams(others)
            result.applied = applier.result
            result.blobs_sent, result.blobs_fetched, result.blob_problems = exchange_blobs(connection, share, attachments)
            _write_site_info(connection, share, identity)
            with immediate(connection):
                state = load_state(connection, identity.site_id)
                state.last_success_at = now_text()
                save_state(connection, state)
        except ShareUnavailable as exc:
            log.info("Share not reachable: %s", exc)
            result.share_unavailable = str(exc)
    return result


def _reconcile_own_stream(connection, share: Share, listing: Listing, identity: Identity,
                          applier: Applier, result: RoundResult) -> bool:
    """Bundles of this site on the share that this database has not written mean either a
    restore from an older backup (take them back, continue in a new epoch) or a second PC
    using this site's identity (stop publishing and say so). False: do not publish."""
    with immediate(connection):
        state = load_state(connection, identity.site_id)
    own = [ref for ref in listing.bundles if ref.site_id == identity.site_id]
    ahead = [ref for ref in own if ref.epoch > state.epoch or (ref.epoch == state.epoch and ref.seq > state.last_seq)]
    if not ahead:
        return True
    installation = share.read_site_infos().get(identity.site_id, {}).get("installation_id")
    if installation and installation != identity.installation_id:
        result.duplicate_identity = installation
        log.warning("Another installation publishes as this site; publishing stopped")
        return False
    applier.apply_streams(own)
    result.applied = applier.result
    with immediate(connection):
        state = load_state(connection, identity.site_id)
        state.epoch = max(ref.epoch for ref in own) + 1
        state.last_seq = 0
        state.last_bundle_sha256 = None
        save_state(connection, state)
    result.new_epoch = state.epoch
    log.info("Own newer bundles found on the share (restored database?); continuing in epoch %s", state.epoch)
    return True


def _write_site_info(connection, share: Share, identity: Identity) -> None:
    state = load_state(connection, identity.site_id)
    share.write_site_info(
        identity.site_id,
        {
            "site_id": identity.site_id,
            "name": identity.site_name,
            "installation_id": identity.installation_id,
            "host": platform.node(),
            "app_version": __version__,
            "schema": HEAD_REVISION,
            "epoch": state.epoch,
            "last_seq": state.last_seq,
            "last_publish_at": now_text(),
        },
    )
