"""A rotating log file in the data folder.

Log lines name record keys and counts, never names, e-mails or other personal data: the log is
sent to IT staff when something goes wrong.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5


def setup_logging(log_file: Path, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_sociolab", False):
            root.removeHandler(handler)
            handler.close()
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        # A read-only data folder is reported by the store with a clear message; do not fail here.
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler._sociolab = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
