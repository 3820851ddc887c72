"""What a column of an imported list can fill, and the header spellings that name it (sl and en).

Targets are the fields of PersonInput / OrganisationInput, plus a few that lists often combine:
"Ime in priimek" (split into first and last name), "Pošta" ("2000 Maribor": postal code and
town), and an export's deleted/merged/erased markers (such rows are skipped). Every target also
answers to its own name, so the program's exports ("first_name", "municipality_code") come back in.
"""

from __future__ import annotations

from dataclasses import dataclass

from sociolab_desktop.i18n import N_

PEOPLE, ORGANISATIONS = "people", "organisations"
KINDS = (PEOPLE, ORGANISATIONS)
FULL_NAME = "full_name"
SURNAME_FIRST_NAME = "surname_first_name"
POSTAL_CODE_AND_TOWN = "postal_code_and_town"
RECORD_GONE = "record_gone"


@dataclass(frozen=True)
class ImportField:
    """A target a column can fill: `name` (a PersonInput/OrganisationInput field or one of the
    combined targets above), `label` (English, translate when shown), header spellings."""

    name: str
    label: str
    aliases: tuple[str, ...] = ()
    required: bool = False


_ADDRESS = (
    ImportField("street_address", N_("Address"), ("naslov", "ulica", "ulica in hišna številka", "naslov bivališča",
                                                   "stalno prebivališče", "address", "street", "street address")),
    ImportField("postal_code", N_("Postal code"), ("poštna številka", "poštna št", "pošt št", "poštna",
                                                   "zip", "zip code", "postcode", "postal code")),
    ImportField("post_town", N_("Town"), ("kraj", "naselje", "mesto", "town", "city", "post town")),
    ImportField(POSTAL_CODE_AND_TOWN, N_("Postal code and town"), ("pošta", "poštna številka in kraj",
                                                                  "pošta in kraj", "post", "postal code and town")),
    ImportField("municipality_code", N_("Municipality"), ("občina", "občina bivališča", "municipality")),
    ImportField("country_code", N_("Country"), ("država", "country")),
)
_CONTACT = (
    ImportField("email", N_("E-mail"), ("e-pošta", "email", "e-mail", "e-mail naslov", "elektronska pošta",
                                        "naslov e-pošte", "elektronski naslov", "mail", "e-mail address")),
    ImportField("phone", N_("Phone"), ("telefon", "tel", "telefonska številka", "tel št", "gsm", "mobitel",
                                       "mobilni telefon", "phone", "telephone", "phone number", "mobile")),
)
_COMMON_TAIL = (
    ImportField("preferred_language", N_("Preferred language"), ("jezik", "jezik dokumentov", "language")),
    ImportField("notes", N_("Notes"), ("opombe", "opomba", "komentar", "note", "comments", "comment")),
    ImportField(RECORD_GONE, N_("Deleted, merged or erased (export)"), ("deleted_at", "merged_into_id", "erased_at")),
)

PERSON_FIELDS: tuple[ImportField, ...] = (
    ImportField("first_name", N_("First name"), ("ime", "ime osebe", "given name", "forename"), required=True),
    ImportField("last_name", N_("Last name"), ("priimek", "surname", "family name"), required=True),
    ImportField(FULL_NAME, N_("First and last name"), ("ime in priimek", "ime priimek", "polno ime", "name",
                                                       "full name", "name and surname", "udeleženec")),
    ImportField(SURNAME_FIRST_NAME, N_("Last and first name"), ("priimek in ime", "priimek ime",
                                                                "surname and name", "last name first name")),
    ImportField("gender", N_("Gender"), ("spol", "sex")),
    ImportField("birth_date", N_("Date of birth"), ("datum rojstva", "rojstni datum", "datum roj", "rojen",
                                                    "rojena", "date of birth", "dob")),
    ImportField("birth_year", N_("Year of birth"), ("leto rojstva", "letnik", "year of birth")),
    ImportField("emso", N_("EMŠO"), ("emšo številka",)),
    ImportField("tax_number", N_("Tax number"), ("davčna številka", "davčna", "davčna št", "tax no", "tax id")),
    *_CONTACT,
    *_ADDRESS,
    ImportField("target_group", N_("Target group"), ("ciljna skupina",)),
    ImportField("labour_status", N_("Labour-market status"), ("status na trgu dela", "zaposlitveni status",
                                                             "status zaposlitve", "labor market status",
                                                             "employment status")),
    ImportField("isced_level", N_("Education (ISCED)"), ("isced", "izobrazba", "stopnja izobrazbe",
                                                        "raven izobrazbe", "education", "education level")),
    ImportField("jobless_household", N_("Jobless household"), ("brezposelno gospodinjstvo",
                                                               "gospodinjstvo brez zaposlenih")),
    ImportField("dependent_children", N_("Dependent children"), ("vzdrževani otroci", "vzdrževani družinski člani")),
    ImportField("single_adult_with_children", N_("Single adult with dependent children"),
                ("enostarševska družina", "samohranilec", "samohranilka")),
    ImportField("migrant_or_minority", N_("Migrant, foreign background or minority"),
                ("migrant", "manjšina", "migrant ali manjšina", "tuje poreklo")),
    ImportField("disability", N_("Disability"), ("invalidnost", "oviranost", "invalid")),
    ImportField("other_disadvantage", N_("Other disadvantage"), ("druga prikrajšanost", "prikrajšanost")),
    ImportField("homeless_or_housing_excluded", N_("Homeless or housing exclusion"),
                ("brezdomstvo", "brezdomec", "stanovanjska izključenost")),
    ImportField("rural_area", N_("Rural area"), ("podeželje", "podeželsko območje", "ruralno območje")),
    ImportField("is_incomplete", N_("Record incomplete"), ("nepopolno", "nepopoln vpis", "incomplete")),
    ImportField("first_contact_date", N_("First contact"), ("datum prvega stika", "prvi stik",
                                                           "datum prvega kontakta", "prvi kontakt", "datum vpisa",
                                                           "first contact date")),
    *_COMMON_TAIL,
)

ORGANISATION_FIELDS: tuple[ImportField, ...] = (
    ImportField("name", N_("Name"), ("naziv", "naziv organizacije", "ime organizacije", "organizacija", "ime",
                                     "ime podjetja", "organisation", "organization", "organisation name",
                                     "organization name"), required=True),
    ImportField("legal_form", N_("Legal form"), ("pravnoorganizacijska oblika", "pravno organizacijska oblika",
                                                 "pravna oblika", "oblika", "legal form")),
    ImportField("stage", N_("Stage"), ("stopnja razvoja", "razvojna faza", "faza", "development stage")),
    ImportField("registration_number", N_("Registration number"), ("matična številka", "matična", "matična št",
                                                                   "company number", "reg no")),
    ImportField("tax_number", N_("Tax number"), ("davčna številka", "davčna", "davčna št", "id za ddv",
                                                 "identifikacijska številka za ddv", "ddv", "vat number", "vat",
                                                 "tax id")),
    ImportField("sector", N_("Sector"), ("dejavnost", "sektor", "področje", "področje delovanja", "activity",
                                         "industry")),
    *_ADDRESS,
    ImportField("website", N_("Website"), ("spletna stran", "splet", "spletni naslov", "www", "web", "url",
                                           "homepage")),
    *_CONTACT,
    *_COMMON_TAIL,
)

FIELDS = {PEOPLE: PERSON_FIELDS, ORGANISATIONS: ORGANISATION_FIELDS}


def import_fields(kind: str) -> tuple[ImportField, ...]:
    """The targets a column of a `kind` ("people" or "organisations") list can be assigned to."""
    return FIELDS[kind]


def field_by_name(kind: str, name: str) -> ImportField | None:
    return next((field for field in FIELDS[kind] if field.name == name), None)
