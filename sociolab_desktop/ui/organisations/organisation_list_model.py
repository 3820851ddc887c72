"""The organisation list's table model: pages of organisations read off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from sociolab_desktop.i18n import N_
from sociolab_desktop.ui.organisations.choices import LEGAL_FORMS, STAGES, label
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

    def __init__(self, ctx, parent=None, **kwargs) -> None:
        super().__init__(ctx, parent, query=OrganisationQuery(), **kwargs)
        self._site_names: dict[str, str] = {}
        self.retranslate(ctx.tr)

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

    def set_site_names(self, names: dict[str, str]) -> None:
        """Info point id → the name to show (see `short_site_names`)."""
        self._site_names = dict(names)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, INFO_POINT), self.index(self.rowCount() - 1, INFO_POINT))

    def organisation_id(self, row: int) -> str | None:
        return self.row_id(row)

    def cell(self, listed: ListedOrganisation, column: int) -> str:
        row, tr = listed.row, self._tr
        if column == NAME:
            return row.name
        if column == LEGAL_FORM:
            return label(LEGAL_FORMS, row.legal_form, tr)
        if column == STAGE:
            return label(STAGES, row.stage, tr)
        if column == REGISTRATION_NUMBER:
            return row.registration_number or ""
        if column == MUNICIPALITY:
            return listed.municipality_name
        return self._site_names.get(row.site_id or "", "")


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
