"""What every part of the demo generator shares: random streams, keys, dates, places and rows.

Nothing here reads the clock or the global random generator: the same seed and site give the
same rows, key for key and second for second.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from stdnum.si import ddv, emso, maticna

from sociolab_desktop.core.domain.keys import derived_key
from sociolab_desktop.core.domain.municipalities import (
    Municipality,
    PostOffice,
    find_municipality,
    post_offices_of,
)
from sociolab_desktop.core.domain.slovenian_time import to_utc
from sociolab_desktop.core.services.demo import names

PROJECT_START = dt.date(2018, 4, 1)
PROJECT_END = dt.date(2021, 12, 31)

# Roughly when Slovenia restricted public gatherings (COVID-19): events and mentoring went online.
_LOCKDOWNS = ((dt.date(2020, 3, 13), dt.date(2020, 5, 31)),
              (dt.date(2020, 10, 19), dt.date(2021, 4, 11)))

# Which info point's area each Podravje municipality belongs to (by the town of the info point).
INFO_POINT_AREAS = {
    "Maribor": ("Maribor", "Hoče - Slivnica", "Miklavž na Dravskem polju", "Starše", "Duplek",
                "Kungota", "Pesnica", "Šentilj", "Ruše", "Selnica ob Dravi",
                "Lovrenc na Pohorju", "Rače - Fram"),
    "Ptuj": ("Ptuj", "Hajdina", "Kidričevo", "Markovci", "Gorišnica", "Dornava", "Destrnik",
             "Juršinci", "Trnovska vas", "Sveti Andraž v Slovenskih goricah", "Videm",
             "Podlehnik", "Cirkulane", "Zavrč", "Žetale", "Majšperk"),
    "Slovenska Bistrica": ("Slovenska Bistrica", "Oplotnica", "Poljčane", "Makole"),
    "Ormož": ("Ormož", "Središče ob Dravi", "Sveti Tomaž"),
    "Lenart": ("Lenart", "Benedikt", "Cerkvenjak", "Sveta Ana",
               "Sveta Trojica v Slovenskih goricah", "Sveti Jurij v Slovenskih goricah"),
}

# Rough relative sizes (thousands of inhabitants), so that most clients come from the towns.
_PODRAVJE_WEIGHTS = {
    "Maribor": 60, "Ptuj": 23, "Slovenska Bistrica": 25, "Ormož": 12, "Lenart": 8, "Ruše": 7,
    "Hoče - Slivnica": 11, "Rače - Fram": 7, "Miklavž na Dravskem polju": 6, "Kidričevo": 6,
    "Pesnica": 7, "Šentilj": 8, "Duplek": 7, "Starše": 4, "Kungota": 5, "Selnica ob Dravi": 4,
    "Videm": 5, "Poljčane": 4, "Oplotnica": 4, "Gorišnica": 4, "Markovci": 4, "Hajdina": 4,
    "Majšperk": 4,
}
_OTHER_MUNICIPALITIES = (
    "Ljubljana", "Celje", "Murska Sobota", "Slovenj Gradec", "Slovenske Konjice", "Velenje",
    "Kranj", "Novo mesto", "Gornja Radgona", "Ljutomer", "Rogaška Slatina", "Radlje ob Dravi",
    "Ravne na Koroškem", "Dravograd", "Zreče",
)
# Post towns whose addresses have street names; elsewhere many houses have only a village number.
_TOWNS_WITH_STREETS = frozenset((
    "Maribor", "Ptuj", "Slovenska Bistrica", "Ormož", "Lenart v Slovenskih goricah", "Ruše",
    "Hoče", "Rače", "Miklavž na Dravskem polju", "Kidričevo", "Poljčane", "Limbuš", "Kamnica",
    *_OTHER_MUNICIPALITIES,
))
_PODRAVJE = tuple(name for area in INFO_POINT_AREAS.values() for name in area)
_PODRAVJE_SHARES = tuple(_PODRAVJE_WEIGHTS.get(name, 2) for name in _PODRAVJE)


@lru_cache(maxsize=None)
def _offices(name: str) -> tuple[Municipality, tuple[PostOffice, ...]]:
    municipality = find_municipality(name)
    if municipality is None:
        raise LookupError(name)
    return municipality, post_offices_of(municipality.code)


@dataclass(frozen=True)
class DemoSite:
    id: str
    name: str
    town: str
    is_lead_partner: bool = False


@dataclass(frozen=True)
class Place:
    municipality: Municipality
    office: PostOffice


def ljubljana_to_utc(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """Local time in Slovenia as naive UTC (EU summer time: last Sunday of March to October).

    Worked out here rather than with zoneinfo: Windows has no time-zone database of its own.
    """
    return to_utc(day, dt.time(hour, minute))


def is_lockdown(day: dt.date) -> bool:
    return any(start <= day <= end for start, end in _LOCKDOWNS)


def workday(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A Monday-to-Friday day between start and end (inclusive), start if there is none."""
    if end < start:
        return start
    span = (end - start).days
    for _attempt in range(10):
        day = start + dt.timedelta(days=rng.randint(0, span))
        if day.weekday() < 5:
            return day
    return start


def next_workday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


@dataclass
class DemoContext:
    site_id: str
    seed: int
    people: int
    recorder_id: str | None = None
    rows: dict[type, list[dict]] = field(default_factory=dict)
    sites: list[DemoSite] = field(default_factory=list)
    staff_by_site: dict[str, list[str]] = field(default_factory=dict)
    mentors_by_site: dict[str, list[str]] = field(default_factory=dict)
    admin_id: str | None = None
    attachments_dir: Path | None = None
    # Facts the later parts need about earlier rows, by the row's index in its table.
    first_seen: list[dt.date] = field(default_factory=list)
    person_organisations: dict[int, list[str]] = field(default_factory=dict)
    organisation_people: dict[int, list[int]] = field(default_factory=dict)
    organisation_since: list[dt.date] = field(default_factory=list)
    signed_consents: list[dict] = field(default_factory=list)
    competition_events: dict[tuple[str, int], str] = field(default_factory=dict)
    _used_numbers: set[str] = field(default_factory=set)

    # --- keys, randomness, rows ---------------------------------------------------------------

    def key(self, table: str, *parts: object) -> str:
        """A record key unique per site and seed: two PCs' demo data never collide."""
        return derived_key("demo", self.site_id, str(self.seed), table, *(str(p) for p in parts))

    def random(self, section: str) -> random.Random:
        # A string seed is hashed with SHA-512, so this is stable across runs and platforms.
        return random.Random(f"sociolab-demo/{self.seed}/{section}")

    def add(self, model: type, row: dict, at: dt.datetime, *, by: str | None = None,
            updated_at: dt.datetime | None = None) -> dict:
        """Append a row with the audit columns the unit of work stamps on ORM writes."""
        self.stamp(row, at, by=by, updated_at=updated_at)
        self.rows.setdefault(model, []).append(row)
        return row

    def stamp(self, row: dict, at: dt.datetime, *, by: str | None = None,
              updated_at: dt.datetime | None = None) -> None:
        author = by or self.recorder_id
        row.update(
            created_at=at,
            updated_at=max(updated_at or at, at),
            origin_site_id=self.site_id,
            created_by_id=author,
            updated_by_id=author,
            deleted_at=None,
        )

    def table(self, model: type) -> list[dict]:
        return self.rows.setdefault(model, [])

    def seen(self, person_index: int, day: dt.date) -> None:
        """A person took part in something on `day`: their first visit was that day at the latest."""
        if day < self.first_seen[person_index]:
            self.first_seen[person_index] = day

    # --- people of the project ----------------------------------------------------------------

    @property
    def info_points(self) -> list[DemoSite]:
        return [site for site in self.sites if not site.is_lead_partner]

    def site_of_town(self, town: str) -> DemoSite:
        return next((s for s in self.info_points if s.town == town), self.sites[0])

    def staff_member(self, rng: random.Random, site_id: str | None) -> str:
        members = self.staff_by_site.get(site_id or "") or self.staff_by_site[self.site_id]
        return rng.choice(members)

    def mentor(self, rng: random.Random, site_id: str | None) -> str:
        if rng.random() < 0.8 and self.mentors_by_site.get(site_id or ""):
            return rng.choice(self.mentors_by_site[site_id or ""])
        return rng.choice([m for members in self.mentors_by_site.values() for m in members])

    # --- places -------------------------------------------------------------------------------

    def podravje_place(self, rng: random.Random) -> Place:
        return self._place(rng, rng.choices(_PODRAVJE, _PODRAVJE_SHARES)[0])

    def other_place(self, rng: random.Random) -> Place:
        return self._place(rng, rng.choice(_OTHER_MUNICIPALITIES))

    def _place(self, rng: random.Random, name: str) -> Place:
        municipality, offices = _offices(name)
        # Most people live by the seat's post office; some by the municipality's other ones.
        office = offices[0] if len(offices) == 1 or rng.random() < 0.7 else rng.choice(offices[1:])
        return Place(municipality, office)

    def town_area(self, municipality_name: str) -> str | None:
        return next((town for town, area in INFO_POINT_AREAS.items() if municipality_name in area), None)

    def street_address(self, rng: random.Random, place: Place) -> str:
        number = rng.randint(1, 120)
        suffix = rng.choice(("", "", "", "", "a", "b"))
        # Villages have house numbers without street names; towns have streets.
        if place.office.town not in _TOWNS_WITH_STREETS and rng.random() < 0.6:
            return f"{place.office.town} {number}{suffix}"
        return f"{rng.choice(names.STREETS)} {number}{suffix}"

    # --- identifiers (check digits from python-stdnum, never by hand) --------------------------

    def _unique(self, make) -> str:
        for _attempt in range(1000):
            number = make()
            if number and number not in self._used_numbers:
                self._used_numbers.add(number)
                return number
        raise RuntimeError("could not find an unused identifier")

    def tax_number(self, rng: random.Random) -> str:
        def make() -> str | None:
            body = str(rng.randint(1_000_000, 9_999_999))
            number = body + ddv.calc_check_digit(body)
            return number if ddv.is_valid(number) else None

        return self._unique(make)

    def registration_number(self, rng: random.Random) -> str:
        def make() -> str | None:
            body = str(rng.randint(100_000, 999_999))
            # Ten digits as the business register prints it: the unit "000" is the main seat.
            number = body + maticna.calc_check_digit(body) + "000"
            return number if maticna.is_valid(number) else None

        return self._unique(make)

    def emso(self, rng: random.Random, birth_date: dt.date, gender: str) -> str:
        """EMŠO of a person born in Slovenia (register region 50) with this birth date and sex."""

        def make() -> str | None:
            serial = rng.randint(0, 499) + (500 if gender == "female" else 0)
            body = f"{birth_date:%d%m}{birth_date.year % 1000:03d}50{serial:03d}"
            number = body + emso.calc_check_digit(body)
            return number if emso.is_valid(number) else None

        return self._unique(make)
