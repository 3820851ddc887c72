"""Helpers for the import tests (imported by name: the tests' folder is on sys.path): lists written
as Excel writes them, and what was stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import func, select

from sociolab_desktop.core.services import importing
from sociolab_desktop.core.store.models import Organisation, Person

TODAY = dt.date(2026, 11, 27)
SAMPLES = Path(__file__).resolve().parents[3] / "fixtures" / "import"
EMSO_F_1985 = "0106985505007"  # born 1 June 1985, female
EMSO_M_1990 = "1503990500121"  # born 15 March 1990, male
EMSO_F_2001 = "0302001507776"  # born 3 February 2001, female


def write_csv(folder: Path, text: str, *, encoding: str = "utf-8", name: str = "seznam.csv") -> Path:
    path = folder / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def write_xlsx(folder: Path, rows: list[list], *, name: str = "seznam.xlsx", title: str = "List1") -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = title
    for row in rows:
        workbook.active.append(row)
    path = folder / name
    workbook.save(path)
    return path


def plan_for(store, path: Path, kind: str = "people", *, maps: tuple[str, ...] = (), sheet=None):
    """The preview of importing `path`: read, mapped by headers (and `maps`), checked."""
    table = importing.read_table(path, sheet=sheet)
    mapping = importing.apply_map_option(kind, table.headers, importing.propose_mapping(kind, table.headers), maps)
    return importing.preview_import(store, kind, table, mapping, today=TODAY)


def count(store, model=Person) -> int:
    with store.reader() as session:
        return session.scalar(select(func.count()).select_from(model))


def _plain(rows) -> list[SimpleNamespace]:
    """Column values as plain attributes: they outlive the session that read them."""
    return [SimpleNamespace(**{column.key: getattr(row, column.key) for column in row.__table__.columns})
            for row in rows]


def stored_persons(store) -> list[SimpleNamespace]:
    with store.reader() as session:
        return _plain(session.scalars(select(Person).order_by(Person.last_name, Person.first_name)))


def stored_organisations(store) -> list[SimpleNamespace]:
    with store.reader() as session:
        return _plain(session.scalars(select(Organisation).order_by(Organisation.name)))
