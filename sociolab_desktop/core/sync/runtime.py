"""The sync machinery of one open database: its clock and its change capture."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from sociolab_desktop.core.sync.capture import ChangeCapture, install_triggers
from sociolab_desktop.core.sync.hlc import HybridLogicalClock


@dataclass
class SyncRuntime:
    clock: HybridLogicalClock
    capture: ChangeCapture

    @classmethod
    def for_site(cls, site_id: str | None) -> "SyncRuntime":
        clock = HybridLogicalClock(site_id)
        return cls(clock=clock, capture=ChangeCapture(clock))

    def prepare_engine(self, engine: Engine) -> None:
        self.capture.register(engine)

    def start(self, engine: Engine) -> None:
        """After migrations: triggers match the schema, and the clock never goes back."""
        install_triggers(engine)
        with engine.connect() as connection:
            local = connection.execute(text("SELECT max(last_local_hlc) FROM sync_row")).scalar() or ""
            seen = connection.execute(text("SELECT max(clock_high_water) FROM sync_state")).scalar() or ""
        self.clock.restore(max(local, seen))
