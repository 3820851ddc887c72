"""Typed settings of one PC, kept in one versioned JSON file in the data folder.

A settings file that cannot be read is reported with its path and never rewritten: the user's file
may hold the only record of which info point this PC is.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import DEFAULT_LANGUAGE, N_, check_language

SETTINGS_VERSION = 1
DEFAULT_BACKUPS_KEPT = 14
# How high the logos print in a document's header; the range keeps them legible and the header small.
DEFAULT_LOGO_HEIGHT_MM = 14.0
LOGO_HEIGHT_RANGE_MM = (8.0, 30.0)
TRAINING_RULES = ("registered", "attended", "completed")
ESF_PROGRAMME_PERIODS = ("2014-2020", "2021-2027")


@dataclass
class Settings:
    site_id: str | None = None
    site_name: str | None = None
    language: str = DEFAULT_LANGUAGE
    share_path: str | None = None
    # Tells this data folder apart from a copy of it on another PC that claims the same site.
    installation_id: str | None = None
    current_staff_id: str | None = None
    backups_kept: int = DEFAULT_BACKUPS_KEPT
    window_geometry: str | None = None
    # Logo images printed left to right in every document's header (see branding_settings.py):
    # copies in the data folder, named relative to it.
    document_logos: list[str] = field(default_factory=list)
    logo_height_mm: float = DEFAULT_LOGO_HEIGHT_MM
    # What certificates print as the place of issue and on the signature line: remembered from
    # the last certificates printed on this PC (ui/events/certificate_dialog.py).
    certificate_place: str | None = None
    certificate_signatory: str | None = None
    certificate_signatory_role: str | None = None
    # Who the consent form names as the controller of personal data, and whom to ask about it
    # (Settings ▸ Info point…); without a controller the form names the info point.
    data_controller: str | None = None
    data_controller_contact: str | None = None
    # The Reports area's choices, remembered (ui/reports): who counts as a person in a training
    # programme, and the ESF indicator set. The same values as core/services/results
    # (definitions.TRAINING_RULES, esf_sets.ESF_SETS), written out so start-up need not import them.
    training_rule: str = "attended"
    esf_programme_period: str = "2014-2020"
    extra: dict = field(default_factory=dict)

    @property
    def is_initialised(self) -> bool:
        return bool(self.site_id and self.site_name)


def load_settings(path: Path) -> Settings:
    """Missing file: defaults (first run). Unreadable file: a UserError naming it."""
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(
            N_(
                "The settings file {path} cannot be read ({reason}). "
                "Restore it from a backup or move it away to set this PC up again; "
                "the database is not affected."
            ),
            path=str(path),
            reason=type(exc).__name__,
        ) from exc
    if not isinstance(raw, dict):
        raise UserError(
            N_(
                "The settings file {path} does not hold SocioLab Desk settings. "
                "Restore it from a backup or move it away to set this PC up again."
            ),
            path=str(path),
        )
    version = raw.get("version", SETTINGS_VERSION)
    if not isinstance(version, int) or version > SETTINGS_VERSION:
        raise UserError(
            N_(
                "The settings file {path} was written by a newer version of SocioLab Desk. "
                "Install the newer version on this PC."
            ),
            path=str(path),
        )
    known = {f.name for f in fields(Settings)}
    values = {key: value for key, value in raw.items() if key in known}
    settings = Settings(**values)
    try:
        settings.language = check_language(settings.language)
    except UserError:
        settings.language = DEFAULT_LANGUAGE
    if not isinstance(settings.backups_kept, int) or settings.backups_kept < 1:
        settings.backups_kept = DEFAULT_BACKUPS_KEPT
    _check_branding(settings)
    if settings.training_rule not in TRAINING_RULES:
        settings.training_rule = "attended"
    if settings.esf_programme_period not in ESF_PROGRAMME_PERIODS:
        settings.esf_programme_period = "2014-2020"
    for name in ("certificate_place", "certificate_signatory", "certificate_signatory_role", "data_controller",
                 "data_controller_contact"):
        if not isinstance(getattr(settings, name), str | None):
            setattr(settings, name, None)  # hand-edited: printed empty rather than as a stray value
    return settings


def _check_branding(settings: Settings) -> None:
    """A hand-edited or damaged logo setting falls back to no logos / the default height."""
    logos = settings.document_logos
    if not isinstance(logos, list) or not all(isinstance(logo, str) and logo for logo in logos):
        settings.document_logos = []
    height = settings.logo_height_mm
    low, high = LOGO_HEIGHT_RANGE_MM
    if isinstance(height, bool) or not isinstance(height, int | float) or not low <= height <= high:
        settings.logo_height_mm = DEFAULT_LOGO_HEIGHT_MM
    else:
        settings.logo_height_mm = float(height)


def save_settings(path: Path, settings: Settings) -> None:
    """Write to a temporary file and rename, so a crash never leaves half a settings file."""
    payload = {"version": SETTINGS_VERSION, **asdict(settings)}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(payload, stream, ensure_ascii=False, indent=2)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
