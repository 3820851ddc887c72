"""The info points and municipalities the lists filter by: read in a worker, shortened for narrow
columns, and put into the filters' combo boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox


def load_sites(store) -> dict[str, str]:
    """In a worker: the info points, id → name, by name."""
    from sociolab_desktop.core.services.sites import list_sites

    return {site.id: site.name for site in list_sites(store)}


def load_sites_and_municipalities(store) -> tuple[dict[str, str], list[tuple[str, str, bool]]]:
    """In a worker: the info points (id → name) and every municipality (code, name, in Podravje),
    Podravje's first (reading pycountry's tables takes a moment)."""
    from sociolab_desktop.core.domain.municipalities import all_municipalities

    municipalities = [(m.code, m.name, m.is_podravje) for m in all_municipalities()]
    return load_sites(store), municipalities


def short_site_names(names: dict[str, str]) -> dict[str, str]:
    """The info points' names without the words most of them begin with ("Informacijska točka
    Maribor", "… Ptuj" → "Maribor", "Ptuj"): the ends tell them apart in a narrow column."""
    counts: dict[tuple[str, ...], int] = {}
    for name in names.values():
        words = tuple(name.split())
        for length in range(1, len(words)):  # never the whole name
            counts[words[:length]] = counts.get(words[:length], 0) + 1
    shared = [(count, len(prefix), prefix) for prefix, count in counts.items() if count >= 2]
    if not shared:
        return dict(names)
    prefix = max(shared)[2]
    short = {}
    for site_id, name in names.items():
        words = tuple(name.split())
        short[site_id] = " ".join(words[len(prefix):]) if words[:len(prefix)] == prefix else name
    return short


def add_sites(combo: QComboBox, sites: dict[str, str], *, short: bool = False) -> dict[str, str]:
    """Add the info points to `combo` in the service's order (by name); `short`: by their short
    names, the whole name as the tooltip. Returns the names as shown, for the list's column."""
    shown = short_site_names(sites) if short else dict(sites)
    for site_id, name in sites.items():
        combo.addItem(shown[site_id], site_id)
        if short:
            combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
    return shown


def add_municipalities(combo: QComboBox, municipalities: list[tuple[str, str, bool]]) -> None:
    """Add the municipalities to `combo`: Podravje's first, then a separator and the others."""
    podravje_done = False
    for code, name, is_podravje in municipalities:
        if not is_podravje and not podravje_done:
            podravje_done = True
            combo.insertSeparator(combo.count())
        combo.addItem(name, code)
