"""The client list's table model: pages of persons fetched off the GUI thread as the view scrolls
(the paging itself is ui/paged_list_model.py's)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.paged_list_model import PAGE_SIZE, PagedListModel

(SURNAME, FIRST_NAME, EMAIL, PHONE, MUNICIPALITY, FIRST_CONTACT, INFO_POINT) = range(7)
COLUMNS = (
    N_("Surname"), N_("First name"), N_("E-mail"), N_("Phone"), N_("Municipality"),
    N_("First contact"), N_("Info point"),
)


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: the typed text and the filters as plain values (None: any).
    `consent` is a person_search.ConsentState value ("given" / "lacking")."""

    text: str = ""
    site_id: str | None = None
    municipality_code: str | None = None
    consent: str | None = None


def _filters(query: ListQuery):
    # Imported in the worker: the services load SQLAlchemy, which start-up defers.
    from sociolab_desktop.core.services.person_search import ConsentState, PersonFilter

    consent = ConsentState(query.consent) if query.consent else None
    return PersonFilter(site_id=query.site_id, municipality_code=query.municipality_code, consent=consent)


def count_and_first_page(store, query: ListQuery, limit: int) -> tuple[int, list]:
    """In a worker: how many persons match, and the first page of them."""
    from sociolab_desktop.core.services.person_search import (
        count_persons,
        search_persons,
    )

    filters = _filters(query)
    total = count_persons(store, query.text, filters)
    rows = search_persons(store, query.text, filters, offset=0, limit=limit) if total else []
    return total, rows


def next_page(store, query: ListQuery, offset: int, limit: int) -> list:
    from sociolab_desktop.core.services.person_search import search_persons

    return search_persons(store, query.text, _filters(query), offset=offset, limit=limit)


class PersonListModel(PagedListModel):
    """Persons in the service's (Slovenian) order; rows are person_search.PersonRow."""

    COLUMNS = COLUMNS
    SITE_COLUMN = INFO_POINT
    count_and_first_page = staticmethod(count_and_first_page)
    next_page = staticmethod(next_page)

    def __init__(self, ctx, parent=None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(ctx, parent, query=ListQuery(), page_size=page_size)

    def retranslate(self, tr: Translator) -> None:
        self._dates: dict[dt.date, str] = {}
        super().retranslate(tr)

    def person_id(self, row: int) -> str | None:
        return self.row_id(row)

    def _date_text(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        text = self._dates.get(value)
        if text is None:  # Babel takes tens of µs a call: each day is formatted once per language
            text = self._dates[value] = self._tr.format_date(value, "numeric")
        return text

    def cell(self, person, column: int) -> str:
        if column == SURNAME:
            return person.last_name
        if column == FIRST_NAME:
            return person.first_name
        if column == EMAIL:
            return person.email or ""
        if column == PHONE:
            return person.phone or ""
        if column == MUNICIPALITY:
            return person.municipality_name or ""
        if column == FIRST_CONTACT:
            return self._date_text(person.first_contact_date)
        return self.site_name(person.site_id)
