"""Slovenia's municipalities (ISO 3166-2 codes from pycountry), the Podravje region, post offices.

Records store the ISO code ("SI-070") and show the name. ISO writes double names with a bare
hyphen ("Hoče-Slivnica") where Slovenian usage puts spaces around it ("Hoče - Slivnica"); names
are shown the local way and matched either way, case- and accent-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sociolab_desktop.core.domain.text import fold, slovenian_sort_key

COUNTRY_CODE = "SI"

# The 41 municipalities of the Podravje statistical region, spelt as locally used.
PODRAVJE_NAMES: tuple[str, ...] = (
    "Benedikt", "Cerkvenjak", "Cirkulane", "Destrnik", "Dornava", "Duplek", "Gorišnica", "Hajdina",
    "Hoče - Slivnica", "Juršinci", "Kidričevo", "Kungota", "Lenart", "Lovrenc na Pohorju",
    "Majšperk", "Makole", "Maribor", "Markovci", "Miklavž na Dravskem polju", "Oplotnica", "Ormož",
    "Pesnica", "Podlehnik", "Poljčane", "Ptuj", "Rače - Fram", "Ruše", "Selnica ob Dravi",
    "Slovenska Bistrica", "Središče ob Dravi", "Starše", "Sveta Ana",
    "Sveta Trojica v Slovenskih goricah", "Sveti Andraž v Slovenskih goricah",
    "Sveti Jurij v Slovenskih goricah", "Sveti Tomaž", "Šentilj", "Trnovska vas", "Videm",
    "Zavrč", "Žetale",
)

# Where pycountry's capitalisation differs from Slovenian spelling.
_LOCAL_SPELLING = {"Trnovska Vas": "Trnovska vas", "Novo Mesto": "Novo mesto"}

_DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")


@dataclass(frozen=True)
class Municipality:
    code: str  # ISO 3166-2, e.g. "SI-160": what records store
    name: str  # as shown: "Hoče - Slivnica"
    iso_name: str  # as pycountry writes it: "Hoče-Slivnica"
    is_urban: bool
    is_podravje: bool


@dataclass(frozen=True)
class PostOffice:
    postal_code: str
    town: str
    municipality_code: str


# Post offices of the seats of Podravje's municipalities (the first one listed per municipality),
# a few more in Podravje, and the main towns elsewhere in Slovenia.
POST_OFFICES: tuple[PostOffice, ...] = tuple(
    PostOffice(code, town, municipality)
    for code, town, municipality in (
        ("2000", "Maribor", "SI-070"),
        ("2250", "Ptuj", "SI-096"),
        ("2310", "Slovenska Bistrica", "SI-113"),
        ("2270", "Ormož", "SI-087"),
        ("2230", "Lenart v Slovenskih goricah", "SI-058"),
        ("2234", "Benedikt", "SI-148"),
        ("2236", "Cerkvenjak", "SI-153"),
        ("2282", "Cirkulane", "SI-196"),
        ("2253", "Destrnik", "SI-018"),
        ("2252", "Dornava", "SI-024"),
        ("2241", "Spodnji Duplek", "SI-026"),
        ("2272", "Gorišnica", "SI-028"),
        ("2288", "Hajdina", "SI-159"),
        ("2311", "Hoče", "SI-160"),
        ("2256", "Juršinci", "SI-042"),
        ("2325", "Kidričevo", "SI-045"),
        ("2201", "Zgornja Kungota", "SI-055"),
        ("2344", "Lovrenc na Pohorju", "SI-167"),
        ("2322", "Majšperk", "SI-069"),
        ("2321", "Makole", "SI-198"),
        ("2281", "Markovci", "SI-168"),
        ("2204", "Miklavž na Dravskem polju", "SI-169"),
        ("2317", "Oplotnica", "SI-171"),
        ("2211", "Pesnica pri Mariboru", "SI-089"),
        ("2286", "Podlehnik", "SI-172"),
        ("2319", "Poljčane", "SI-200"),
        ("2327", "Rače", "SI-098"),
        ("2342", "Ruše", "SI-108"),
        ("2352", "Selnica ob Dravi", "SI-178"),
        ("2277", "Središče ob Dravi", "SI-202"),
        ("2205", "Starše", "SI-115"),
        ("2233", "Sv. Ana v Slovenskih goricah", "SI-181"),
        ("2235", "Sv. Trojica v Slovenskih goricah", "SI-204"),
        ("2255", "Vitomarci", "SI-182"),
        ("2223", "Jurovski Dol", "SI-210"),
        ("2258", "Sveti Tomaž", "SI-205"),
        ("2212", "Šentilj v Slovenskih goricah", "SI-118"),
        ("2254", "Trnovska vas", "SI-185"),
        ("2284", "Videm pri Ptuju", "SI-135"),
        ("2283", "Zavrč", "SI-143"),
        ("2287", "Žetale", "SI-191"),
        ("2313", "Fram", "SI-098"),
        ("2312", "Orehova vas", "SI-160"),
        ("2341", "Limbuš", "SI-070"),
        ("2351", "Kamnica", "SI-070"),
        ("2314", "Zgornja Polskava", "SI-113"),
        ("2331", "Pragersko", "SI-113"),
        ("2323", "Ptujska Gora", "SI-069"),
        ("2326", "Cirkovce", "SI-045"),
        ("2274", "Velika Nedelja", "SI-087"),
        ("2232", "Voličina", "SI-058"),
        ("1000", "Ljubljana", "SI-061"),
        ("3000", "Celje", "SI-011"),
        ("9000", "Murska Sobota", "SI-080"),
        ("2380", "Slovenj Gradec", "SI-112"),
        ("3210", "Slovenske Konjice", "SI-114"),
        ("3320", "Velenje", "SI-133"),
        ("4000", "Kranj", "SI-052"),
        ("8000", "Novo mesto", "SI-085"),
        ("9250", "Gornja Radgona", "SI-029"),
        ("9240", "Ljutomer", "SI-063"),
        ("3250", "Rogaška Slatina", "SI-106"),
        ("2360", "Radlje ob Dravi", "SI-101"),
        ("2390", "Ravne na Koroškem", "SI-103"),
        ("2370", "Dravograd", "SI-025"),
        ("3214", "Zreče", "SI-144"),
    )
)


def local_name(iso_name: str) -> str:
    """pycountry's name written the Slovenian way: spaces around the hyphen of double names."""
    name = _LOCAL_SPELLING.get(iso_name, iso_name)
    return _DASHES.sub(" - ", name)


def match_key(name: str | None) -> str:
    """The form in which "Hoče - Slivnica", "Hoce-Slivnica" and "HOČE – SLIVNICA" are equal."""
    return _DASHES.sub("-", fold(name))


@dataclass(frozen=True)
class _Catalogue:
    ordered: tuple[Municipality, ...]
    by_code: dict[str, Municipality]
    by_key: dict[str, Municipality]


@lru_cache(maxsize=1)
def _catalogue() -> _Catalogue:
    # Loaded on first use: reading pycountry's tables costs start-up time nobody needs otherwise.
    import pycountry

    podravje_keys = {match_key(name) for name in PODRAVJE_NAMES}
    municipalities = []
    for subdivision in pycountry.subdivisions.get(country_code=COUNTRY_CODE):
        municipalities.append(
            Municipality(
                code=subdivision.code,
                name=local_name(subdivision.name),
                iso_name=subdivision.name,
                is_urban=subdivision.type.lower().startswith("urban"),
                is_podravje=match_key(subdivision.name) in podravje_keys,
            )
        )
    ordered = tuple(
        sorted(municipalities, key=lambda m: (not m.is_podravje, slovenian_sort_key(m.name)))
    )
    by_key: dict[str, Municipality] = {}
    for municipality in ordered:
        by_key[match_key(municipality.name)] = municipality
        by_key[match_key(municipality.iso_name)] = municipality
    return _Catalogue(ordered, {m.code: m for m in ordered}, by_key)


def all_municipalities() -> tuple[Municipality, ...]:
    """Every municipality of Slovenia: Podravje's first, each group in Slovenian order."""
    return _catalogue().ordered


def podravje_municipalities() -> tuple[Municipality, ...]:
    return tuple(m for m in _catalogue().ordered if m.is_podravje)


def municipality_by_code(code: str | None) -> Municipality | None:
    return _catalogue().by_code.get((code or "").strip().upper())


def find_municipality(name: str | None) -> Municipality | None:
    """By name in either spelling (any case, with or without č š ž), or by ISO code."""
    if not name:
        return None
    return _catalogue().by_key.get(match_key(name)) or municipality_by_code(name)


def post_office(postal_code: str | None) -> PostOffice | None:
    code = (postal_code or "").strip()
    return next((office for office in POST_OFFICES if office.postal_code == code), None)


def seat_post_office(municipality_code: str) -> PostOffice | None:
    """The post office of the municipality's seat, if the table knows it."""
    return next((o for o in POST_OFFICES if o.municipality_code == municipality_code), None)


def post_offices_of(municipality_code: str) -> tuple[PostOffice, ...]:
    return tuple(o for o in POST_OFFICES if o.municipality_code == municipality_code)
