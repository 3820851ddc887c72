"""Document logos in the settings: checked, copied into the data folder, printed from the copy."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from sociolab_desktop.branding_settings import (
    branding_from_settings,
    display_name,
    import_logo,
    remove_unused_logos,
)
from sociolab_desktop.core.documents.consent_form import ConsentFormData, build_consent_form
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.paths import DataPaths
from sociolab_desktop.settings import DEFAULT_LOGO_HEIGHT_MM, Settings, load_settings, save_settings


def make_image(path: Path, size=(300, 100), colour=(0, 51, 153), image_format=None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, format=image_format)
    return path


def header_images(pdf: bytes) -> list[tuple[int, int]]:
    """The pixel sizes of the images on the first page."""
    return sorted(image.image.size for image in PdfReader(io.BytesIO(pdf)).pages[0].images)


def consent_pdf(branding):
    data = ConsentFormData(person_name="Ana Čeh", info_point="Informacijska točka Maribor",
                           controller="Zavod Socialni inkubator", printed_on=dt.date(2021, 6, 30))
    return build_consent_form(data, Translator("sl"), branding)


@pytest.fixture
def paths(tmp_path) -> DataPaths:
    return DataPaths(tmp_path / "data")


def test_a_logo_is_copied_into_the_data_folder_and_printed_from_the_copy(paths, tmp_path):
    emblem = make_image(tmp_path / "usb" / "EU emblem.png")
    programme = make_image(tmp_path / "usb" / "sociolab.jpg", size=(200, 200), image_format="JPEG")
    stored = [import_logo(paths, emblem), import_logo(paths, programme)]
    assert stored[0].setting.startswith("branding/EU-emblem-") and stored[0].setting.endswith(".png")
    assert stored[1].setting.endswith(".jpg") and (stored[1].width_px, stored[1].height_px) == (200, 200)
    assert display_name(stored[0].setting) == "EU-emblem.png"
    emblem.unlink()  # the stick is gone: printing uses the copy
    programme.unlink()
    settings = Settings(document_logos=[logo.setting for logo in stored], logo_height_mm=20.0)
    branding = branding_from_settings(paths, settings)
    assert branding.logos == tuple(logo.path for logo in stored) and branding.logo_height_mm == 20.0
    result = consent_pdf(branding)
    assert result.warnings == [] and header_images(result.pdf) == [(200, 200), (300, 100)]


def test_the_same_image_chosen_twice_is_copied_once(paths, tmp_path):
    first = import_logo(paths, make_image(tmp_path / "logo.png"))
    second = import_logo(paths, tmp_path / "logo.png")
    assert first.setting == second.setting and len(list((paths.root / "branding").iterdir())) == 1


@pytest.mark.parametrize("content, expected", [
    (b"not an image at all", "is not a PNG or JPEG image"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "is not a PNG or JPEG image"),
])
def test_a_file_that_is_not_a_whole_image_is_refused(paths, tmp_path, content, expected):
    broken = tmp_path / "logo.png"
    broken.write_bytes(content)
    with pytest.raises(UserError, match=expected) as raised:
        import_logo(paths, broken)
    assert raised.value.values["path"] == str(broken)
    assert not (paths.root / "branding").exists()


def test_a_truncated_png_is_refused(paths, tmp_path):
    whole = make_image(tmp_path / "whole.png", size=(400, 300)).read_bytes()
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(UserError, match="damaged"):
        import_logo(paths, cut)


def test_other_image_formats_and_missing_files_are_refused_with_what_to_do(paths, tmp_path):
    gif = make_image(tmp_path / "logo.gif", image_format="GIF")
    with pytest.raises(UserError, match="GIF image; documents print PNG and JPEG") as raised:
        import_logo(paths, gif)
    assert raised.value.values["format"] == "GIF"
    with pytest.raises(UserError, match="was not found"):
        import_logo(paths, tmp_path / "gone.png")
    with pytest.raises(UserError, match="is a folder"):
        import_logo(paths, tmp_path)


def test_copies_no_longer_chosen_are_removed(paths, tmp_path):
    kept = import_logo(paths, make_image(tmp_path / "a.png"))
    dropped = import_logo(paths, make_image(tmp_path / "b.png", colour=(200, 0, 0)))
    assert remove_unused_logos(paths, Settings(document_logos=[kept.setting])) == 1
    assert kept.path.exists() and not dropped.path.exists()


def test_a_missing_copy_prints_the_document_without_it_and_warns(paths, tmp_path):
    stored = import_logo(paths, make_image(tmp_path / "a.png"))
    stored.path.unlink()
    result = consent_pdf(branding_from_settings(paths, Settings(document_logos=[stored.setting])))
    assert header_images(result.pdf) == [] and [w.values["path"] for w in result.warnings] == [str(stored.path)]


def test_logo_settings_survive_a_save_and_damaged_values_fall_back(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(path, Settings(document_logos=["branding/a-0123456789ab.png"], logo_height_mm=18.0))
    loaded = load_settings(path)
    assert loaded.document_logos == ["branding/a-0123456789ab.png"] and loaded.logo_height_mm == 18.0
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw.update(document_logos="branding/a.png", logo_height_mm=500)
    path.write_text(json.dumps(raw), encoding="utf-8")
    damaged = load_settings(path)
    assert damaged.document_logos == [] and damaged.logo_height_mm == DEFAULT_LOGO_HEIGHT_MM
