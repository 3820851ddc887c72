"""One running copy per data folder: two programs writing one database would confuse staff and
the sync sequence, so the second is refused with a clear message."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_


class InstanceLock:
    def __init__(self, lock_file: Path) -> None:
        # Not thread-local: the GUI opens the workspace in a worker thread and closes it on the
        # GUI thread; the lock belongs to the process, which is what "one copy" means.
        self._lock = FileLock(str(lock_file), timeout=0, thread_local=False)
        self.lock_file = lock_file

    def acquire(self) -> "InstanceLock":
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise UserError(
                N_(
                    "SocioLab Desk is already running with the data folder {path}. "
                    "Switch to the open window, or close it before starting another copy."
                ),
                path=str(self.lock_file.parent),
            ) from exc
        return self

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> "InstanceLock":
        return self.acquire()

    def __exit__(self, *_exc) -> None:
        self.release()
