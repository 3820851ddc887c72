"""The logos an administrator chose for printed documents: checked, copied into the data folder,
and read back from the settings as the Branding that every document is built with.

A chosen file is copied (named by its content's SHA-256) so that printing does not depend on a
USB stick or a share that is gone next week; the settings name the copy relative to the data folder,
so a data folder moved to another PC keeps its logos.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sociolab_desktop.core.documents.branding import Branding
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_
from sociolab_desktop.paths import DataPaths
from sociolab_desktop.settings import Settings

BRANDING_FOLDER = "branding"
# Emblems and programme logos are a few hundred kilobytes; a photo-sized file is a mistake.
MAX_LOGO_MB = 20
# What documents print (core/documents/logos.py), with the extension each copy gets.
FORMATS = {"PNG": ".png", "JPEG": ".jpg"}
# A copy is named "<original name>-<first 12 hex digits of its SHA-256>.<ext>": the same image gives
# the same copy, and the window can still show which file it came from.
_COPY_NAME = re.compile(r"^(?P<stem>.+)-[0-9a-f]{12}$")
_UNSAFE = re.compile(r"[^\w-]+")


@dataclass(frozen=True)
class StoredLogo:
    setting: str  # what Settings.document_logos holds for it, e.g. "branding/3f2a….png"
    path: Path  # the copy in the data folder
    width_px: int
    height_px: int


def branding_folder(paths: DataPaths) -> Path:
    return paths.root / BRANDING_FOLDER


def logo_path(paths: DataPaths, setting: str) -> Path:
    """The file a setting names: relative to the data folder, or an absolute path as written."""
    path = Path(setting)
    return path if path.is_absolute() else paths.root / path


def display_name(setting: str) -> str:
    """The name to show for a logo: the original file's name where the copy keeps it."""
    path = PurePosixPath(setting.replace("\\", "/"))
    match = _COPY_NAME.match(path.stem)
    return match.group("stem") + path.suffix if match else path.name


def branding_from_settings(paths: DataPaths, settings: Settings) -> Branding:
    """What documents print in their header: the chosen logos, in order, at the chosen height.
    A missing or damaged file is not checked here: the document leaves it out and warns."""
    return Branding(logos=tuple(logo_path(paths, logo) for logo in settings.document_logos),
                    logo_height_mm=settings.logo_height_mm)


def _read(source: Path) -> bytes:
    try:
        size = source.stat().st_size
        if size > MAX_LOGO_MB * 1024 * 1024:
            raise UserError(N_("The file {path} is {size} MB; a logo may be at most {limit} MB. Save a smaller "
                               "copy of the image and choose that."),
                            path=str(source), size=round(size / 1024 / 1024), limit=MAX_LOGO_MB)
        return source.read_bytes()
    except FileNotFoundError as exc:
        raise UserError(N_("The file {path} was not found. Choose the logo file again."), path=str(source)) from exc
    except IsADirectoryError as exc:
        raise UserError(N_("{path} is a folder. Choose a PNG or JPEG image file."), path=str(source)) from exc
    except OSError as exc:
        raise UserError(N_("The file {path} could not be read ({reason}). Copy it to this PC and choose the copy."),
                        path=str(source), reason=type(exc).__name__) from exc


def check_logo(source: Path, content: bytes) -> tuple[str, int, int]:
    """The image's format and size in pixels; a UserError unless it is a whole PNG or JPEG."""
    import io

    from PIL import Image, UnidentifiedImageError

    not_image = UserError(N_("The file {path} is not a PNG or JPEG image, or it is damaged. Choose a PNG or JPEG "
                             "file (the lead partner supplies the logos)."), path=str(source))
    try:
        with Image.open(io.BytesIO(content)) as image:
            image_format = image.format
            if image_format not in FORMATS:
                raise UserError(N_("The file {path} is a {format} image; documents print PNG and JPEG images only. "
                                   "Save it as PNG and choose that copy."),
                                path=str(source), format=image_format or "?")
            image.load()  # decodes it all: a truncated file fails here, not while printing
            width, height = image.size
    except UserError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise not_image from exc
    if not width or not height:
        raise not_image
    return image_format, width, height


def import_logo(paths: DataPaths, source: str | os.PathLike[str]) -> StoredLogo:
    """Check `source` and copy it into <data>/branding/ (once: the same image gives the same copy)."""
    source = Path(source)
    content = _read(source)
    image_format, width, height = check_logo(source, content)
    stem = _UNSAFE.sub("-", source.stem).strip("-")[:40] or "logo"
    name = f"{stem}-{hashlib.sha256(content).hexdigest()[:12]}{FORMATS[image_format]}"
    folder = branding_folder(paths)
    target = folder / name
    if not (target.is_file() and target.read_bytes() == content):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".logo-", suffix=".tmp", dir=folder)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(content)
                    stream.flush()
                    os.fsync(stream.fileno())
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise UserError(N_("The logo could not be copied into the data folder {folder} ({reason}). Check that "
                               "the folder exists and may be written to."),
                            folder=str(folder), reason=type(exc).__name__) from exc
    return StoredLogo(str(PurePosixPath(BRANDING_FOLDER, name)), target, width, height)


def remove_unused_logos(paths: DataPaths, settings: Settings) -> int:
    """Delete copies the settings no longer name (chosen, then removed); returns how many."""
    folder = branding_folder(paths)
    if not folder.is_dir():
        return 0
    kept = {logo_path(paths, logo).resolve() for logo in settings.document_logos}
    removed = 0
    for path in folder.iterdir():
        if path.is_file() and path.suffix in FORMATS.values() and path.resolve() not in kept:
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass  # still open somewhere (Windows): the next save tries again
    return removed
