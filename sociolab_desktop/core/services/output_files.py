"""Files the program writes for people (exports, reports, printed documents): whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_


def check_target(target: Path) -> None:
    """Refuse, with a message saying what to do, a target that is a folder or in a missing folder."""
    if target.is_dir():
        raise UserError(
            N_("{path} is a folder. Give the name of the file to write, e.g. {example}."),
            path=str(target),
            example=str(target / "export.xlsx"),
        )
    folder = target.parent
    if not folder.is_dir():
        raise UserError(
            N_(
                "The folder {folder} does not exist, so {name} cannot be written there. "
                "Create the folder first or choose another place for the file."
            ),
            folder=str(folder),
            name=target.name,
        )


def write_atomically(target: Path, write: Callable[[Any], int]) -> int:
    """Write through a temporary file in the same folder, then rename: a failure (disk full, a
    file open in Excel) leaves the old file or none, never half a file. Returns what `write` did."""
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(
            N_(
                "Cannot write {path}: the folder {folder} cannot be written to ({reason}). "
                "Choose another folder, or ask IT for write access."
            ),
            path=str(target),
            folder=str(folder),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    temporary_path = Path(temporary)
    try:
        with os.fdopen(handle, "wb") as stream:
            count = write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.replace(temporary_path, target)
        except PermissionError as exc:
            raise UserError(
                N_(
                    "The file {path} cannot be replaced: it is open in another program (for "
                    "example Excel) or read-only. Close it and try again, or choose another "
                    "file name."
                ),
                path=str(target),
            ) from exc
    except OSError as exc:
        raise UserError(
            N_("Writing {path} failed ({reason}). Check the free disk space and try again."),
            path=str(target),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    finally:
        temporary_path.unlink(missing_ok=True)
    return count
