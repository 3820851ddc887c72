"""Importing organisations: the organisation form's checks, the legal form read from a name when the
list lacks it, and registration or tax numbers that are never doubled."""

from __future__ import annotations

import pytest
from import_helpers import count, plan_for, stored_organisations, write_csv

from sociolab_desktop.core.services import organisations as orgs
from sociolab_desktop.core.services.importing import RowStatus, commit_import
from sociolab_desktop.core.store.models import Organisation
from sociolab_desktop.i18n import Translator

EN = Translator("en")
HEADER = "Naziv;Pravnoorganizacijska oblika;Matična številka;Davčna številka;Občina;Spletna stran\n"


def _issues(plan):
    return {row.number: [(issue.column, issue.render(EN)) for issue in row.issues] for row in plan.rows if row.issues}


def test_organisations_are_imported_with_legal_forms_read_or_inferred(workspace, tmp_path):
    path = write_csv(tmp_path, HEADER
                     + "Zadruga Sončnica, z.o.o.;zadruga;5000009;12345679;Ptuj;www.soncnica.example\n"
                     + "Društvo Most;;;;Maribor;\n"
                     + "Zavod Čebelica, so.p.;;6400019;50000012;Ormož;\n", encoding="cp1250")
    plan = plan_for(workspace.store, path, "organisations")
    assert _issues(plan) == {}
    assert [note.render(EN) for note in plan.rows[1].notes] == ["Legal form taken from the name: association."]
    assert commit_import(workspace.store, workspace.actor, plan).imported == 3
    stored = {row.name: row for row in stored_organisations(workspace.store)}
    soncnica = stored["Zadruga Sončnica, z.o.o."]
    assert (soncnica.legal_form, soncnica.registration_number, soncnica.tax_number) == ("cooperative",
                                                                                          "5000009000", "12345679")
    assert (soncnica.website, soncnica.municipality_code) == ("https://www.soncnica.example", "SI-096")
    assert stored["Društvo Most"].legal_form == "association"
    assert stored["Zavod Čebelica, so.p."].legal_form == "social_enterprise"


def test_bad_organisation_rows_are_reported(workspace, tmp_path):
    path = write_csv(tmp_path, HEADER
                     + "Sončnica;zadruga;5000008;;;\n"
                     + "Kmetija Breg;;;;;\n"
                     + "Zeleni val;sekta;;1234;;\n"
                     + ";društvo;;;;splet@\n")
    issues = _issues(plan_for(workspace.store, path, "organisations"))
    assert issues[2] == [("Matična številka",
                          "Registration number 5000008 has a wrong check digit. Check it against the document.")]
    assert issues[3][0][0] == "Pravnoorganizacijska oblika" and "name does not tell it" in issues[3][0][1]
    assert [column for column, _ in issues[4]] == ["Pravnoorganizacijska oblika", "Davčna številka"]
    assert "“sekta” is not a value this column knows" in issues[4][0][1]
    assert [column for column, _ in issues[5]] == ["Naziv", "Spletna stran"]


def test_registration_and_tax_numbers_are_never_doubled(workspace, tmp_path):
    orgs.create_organisation(workspace.store, workspace.actor,
                             orgs.OrganisationInput("Sončnica", "cooperative", registration_number="5000009"))
    path = write_csv(tmp_path, HEADER
                     + "Zadruga Sončnica z.o.o.;zadruga;5000009000;;;\n"
                     + "Društvo Most;društvo;;12345679;;\n"
                     + "Most, društvo;društvo;;12345679;;\n"
                     + "Društvo MOST;društvo;;;;\n")
    plan = plan_for(workspace.store, path, "organisations")
    rows = {row.number: row for row in plan.rows}
    assert rows[2].status == RowStatus.DUPLICATE and not rows[2].importable_anyway
    assert rows[2].duplicates[0].reasons == ("registration_number",)
    assert rows[3].status == RowStatus.READY
    assert (rows[4].duplicates[0].earlier_row, rows[4].importable_anyway) == (3, False)
    assert rows[5].duplicates[0].reasons == ("name",) and rows[5].importable_anyway
    result = commit_import(workspace.store, workspace.actor, plan, allow_duplicates=True)
    # Same name is allowed when staff say so; the same registration or tax number never.
    assert result.imported == 2
    assert sorted(row.name for row in stored_organisations(workspace.store)) == [
        "Društvo MOST", "Društvo Most", "Sončnica"]


def test_an_organisation_list_without_names_is_refused(workspace, tmp_path):
    from sociolab_desktop.core.services.importing import MissingColumns

    with pytest.raises(MissingColumns):
        plan_for(workspace.store, write_csv(tmp_path, "Oblika;Občina\nzadruga;Ptuj\n"), "organisations")
    assert count(workspace.store, Organisation) == 0


def test_validate_organisation_and_duplicates_in_session(workspace):
    values = orgs.validate_organisation(orgs.OrganisationInput(" Društvo Most ", "association",
                                                               registration_number="5000009"))
    assert (values["name"], values["registration_number"]) == ("Društvo Most", "5000009000")
    with pytest.raises(orgs.OrganisationValidationError) as error:
        orgs.validate_organisation(orgs.OrganisationInput("Most", "sekta"))
    assert error.value.fields == ["legal_form"]
    orgs.create_organisation(workspace.store, workspace.actor, orgs.OrganisationInput("DRUŠTVO MOST", "association"))
    with workspace.store.reader() as session:
        found = orgs.duplicates_in_session(session, values)
    assert [(d.name, d.reason) for d in found] == [("DRUŠTVO MOST", "name")]
