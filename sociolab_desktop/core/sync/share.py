"""The shared folder's layout, and the only code that touches it.

`<share>/sociolab-sync/sites/<site>/<epoch>/<seq:012d>.bundle`, `sites/<site>/site.json` and
`blobs/<sha256>`. Each site folder has one writer: its own site. Files are written under a
temporary name, flushed to disk, renamed, and read back; an existing bundle is never replaced.
Only names that match the exact pattern are read, so a cloud client's "conflicted copy" is
reported instead of applied.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

ROOT_NAME = "sociolab-sync"
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
BUNDLE_PATH = re.compile(rf"^sites/(?P<site>{_UUID})/(?P<epoch>[1-9][0-9]{{0,8}})/(?P<seq>[0-9]{{12}})\.bundle$")
BLOB_NAME = re.compile(r"^[0-9a-f]{64}$")


class ShareUnavailable(OSError):
    """The shared folder cannot be reached now: "not synced yet", never an alarm."""


@dataclass(frozen=True, order=True)
class BundleRef:
    site_id: str
    epoch: int
    seq: int
    path: Path

    @property
    def relative(self) -> str:
        return f"sites/{self.site_id}/{self.epoch}/{self.seq:012d}.bundle"


@dataclass(frozen=True)
class Listing:
    bundles: list[BundleRef]
    strays: list[str]  # files in bundle folders whose names do not match (conflicted copies …)


class Share:
    def __init__(self, location: str | os.PathLike[str]) -> None:
        self.location = Path(location)
        self.root = self.location / ROOT_NAME

    def check_reachable(self) -> None:
        try:
            if not self.location.is_dir():
                raise ShareUnavailable(f"{self.location} is not a reachable folder")
            self.root.mkdir(exist_ok=True)
            (self.root / "sites").mkdir(exist_ok=True)
            (self.root / "blobs").mkdir(exist_ok=True)
        except ShareUnavailable:
            raise
        except OSError as exc:
            raise ShareUnavailable(str(exc)) from exc

    def bundle_path(self, site_id: str, epoch: int, seq: int) -> Path:
        return self.root / "sites" / site_id / str(epoch) / f"{seq:012d}.bundle"

    def list_bundles(self) -> Listing:
        bundles: list[BundleRef] = []
        strays: list[str] = []
        sites = self.root / "sites"
        try:
            for dirpath, _dirnames, filenames in os.walk(sites):
                for name in filenames:
                    full = Path(dirpath) / name
                    relative = full.relative_to(self.root).as_posix()
                    if name == "site.json" and relative.count("/") == 2:
                        continue
                    if ".tmp-" in name:
                        continue  # a publish in progress (or abandoned): never read
                    match = BUNDLE_PATH.match(relative)
                    if match:
                        bundles.append(BundleRef(match["site"], int(match["epoch"]), int(match["seq"]), full))
                    else:
                        strays.append(relative)
        except OSError as exc:
            raise ShareUnavailable(str(exc)) from exc
        bundles.sort()
        return Listing(bundles=bundles, strays=sorted(strays))

    def read(self, path: Path) -> bytes:
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise ShareUnavailable(str(exc)) from exc

    def write_new(self, target: Path, data: bytes) -> None:
        """Temporary name, fsync, rename without replacing, read back and compare."""
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{target.name}.tmp-{secrets.token_hex(6)}")
        try:
            with temporary.open("xb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if target.exists():
                raise FileExistsError(str(target))
            # os.link refuses to replace an existing file on every platform, unlike os.replace;
            # where links are unsupported (FAT on a USB stick) fall back to rename after the check.
            try:
                os.link(temporary, target)
                temporary.unlink()
            except (OSError, NotImplementedError) as exc:
                if isinstance(exc, FileExistsError):
                    raise
                os.rename(temporary, target)
        finally:
            if temporary.exists():
                temporary.unlink()
        if target.read_bytes() != data:
            raise OSError(f"{target} did not read back as written")

    def write_site_info(self, site_id: str, info: dict) -> None:
        folder = self.root / "sites" / site_id
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "site.json"
        temporary = folder / f"site.json.tmp-{secrets.token_hex(6)}"
        with temporary.open("w", encoding="utf-8") as stream:
            json.dump(info, stream, ensure_ascii=False, indent=2, sort_keys=True)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)

    def read_site_infos(self) -> dict[str, dict]:
        infos: dict[str, dict] = {}
        sites = self.root / "sites"
        if not sites.is_dir():
            return infos
        for folder in sites.iterdir():
            path = folder / "site.json"
            try:
                infos[folder.name] = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
        return infos

    def blob_path(self, sha256: str) -> Path:
        return self.root / "blobs" / sha256
