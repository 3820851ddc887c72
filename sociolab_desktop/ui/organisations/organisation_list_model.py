"""The organisation list's table model: pages of organisations read off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from sociolab_desktop.core.domain.labels import LEGAL_FORMS, STAGES, label
from sociolab_desktop.i18n import N_
from sociolab_desktop.ui.paged_list_model import PagedListModel

# The tax number is searched, not shown: the registration number tells organisations apart.
(NAME, LEGAL_FORM, STAGE, MUNICIPALITY, REGISTRATION_NUMBER, INFO_POINT) = range(6)
COLUMNS = (
    N_("Name"), N_("Legal form"), N_("Stage"), N_("Municipality"), N_("Registration number"), N_("Info point"),
)


@dataclass(frozen=True)
class OrganisationQuery:
    """What the list shows: the typed text and the filters as plain values (None: any)."""

    text: str = ""
    legal_form: str | None = None
    stage: str | None = None
    municipality_code: str | None = None
    site_id: str | None = None

    @property
    def is_everything(self) -> bool:
        return not (self.text.strip() or self.legal_form or self.stage or self.municipality_code or self.site_id)


@dataclass(frozen=True)
class ListedOrganisation:
    """A row of the service with the municipality's name looked up in the worker."""

    id: str
    row: object  # organisations.OrganisationRow
    municipality_name: str


def _filter(query: OrganisationQuery):
    # Imported in the worker: the services load SQLAlchemy, which start-up defers.
    from sociolab_desktop.core.services.organisations import OrganisationFilter

    return OrganisationFilter(text=query.text, legal_form=query.legal_form, stage=query.stage,
                              municipality_code=query.municipality_code, site_id=query.site_id)


def _listed(rows) -> list[ListedOrganisation]:
    from sociolab_desktop.core.domain.municipalities import municipality_by_code

    def name(code):
        municipality = municipality_by_code(code) if code else None
        return municipality.name if municipality else ""

    return [ListedOrganisation(row.id, row, name(row.municipality_code)) for row in rows]


class OrganisationListModel(PagedListModel):
    COLUMNS = COLUMNS
    SITE_COLUMN = INFO_POINT

    def __init__(self, ctx, parent=None, **kwargs) -> None:
        super().__init__(ctx, parent, query=OrganisationQuery(), **kwargs)

    @staticmethod
    def count_and_first_page(store, query: OrganisationQuery, limit: int) -> tuple[int, list]:
        from sociolab_desktop.core.services.organisations import count_organisations, list_organisations

        criteria = _filter(query)
        total = count_organisations(store, criteria)
        return total, _listed(list_organisations(store, criteria, offset=0, limit=limit) if total else [])

    @staticmethod
    def next_page(store, query: OrganisationQuery, offset: int, limit: int) -> list:
        from sociolab_desktop.core.services.organisations import list_organisations

        return _listed(list_organisations(store, _filter(query), offset=offset, limit=limit))

    def organisation_id(self, row: int) -> str | None:
        return self.row_id(row)

    def cell(self, listed: ListedOrganisation, column: int) -> str:
        row, tr = listed.row, self._tr
        if column == NAME:
            return row.name
        if column == LEGAL_FORM:
            return label(tr, LEGAL_FORMS, row.legal_form)
        if column == STAGE:
            return label(tr, STAGES, row.stage)
        if column == REGISTRATION_NUMBER:
            return row.registration_number or ""
        if column == MUNICIPALITY:
            return listed.municipality_name
        return self.site_name(row.site_id)

