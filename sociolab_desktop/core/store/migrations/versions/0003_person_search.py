"""full-text index of persons for prefix search (FTS5), kept current by triggers

Revision ID: 0003_person_search
Revises: 0002_sync
Create Date: 2026-11-27

`fts_person` holds one document per live person (not deleted, not merged away, not erased),
under the person's rowid. Column `words`: the folded search text the program derives
(core/store/derived.py), the municipality's folded name, the phone number without separators
(and its national form for +386), and the search text of the organisations the person has a
role in; a search word then needs one FTS5 prefix lookup, also for one letter (prefix indexes
of 1 to 3 characters). Column `flags`: tokens for the list's filters (info point, municipality,
target group, first-contact date, consent to data processing): a filtered count needs the
index alone.

Triggers on person, person_organisation_role, organisation and consent keep it current on every
write path: the ORM, bulk inserts, sync applying bundles, merges and erasures. The text is
already folded (đ → d, which FTS5's unicode61 does not do), so the tokenizer only splits words.

Nothing here syncs: no `fts_*` table has an origin site, and every PC derives the same index from
the same rows. Tables named `fts_*` are left alone by Alembic's autogenerate (migrations/env.py).
The municipality names are written once, here; a later change of them must refill
`fts_municipality` and run REFILL again.
"""
from alembic import op

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

revision = '0003_person_search'
down_revision = '0002_sync'
branch_labels = None
depends_on = None


def _live(alias: str) -> str:
    return f"{alias}.deleted_at IS NULL AND {alias}.merged_into_id IS NULL AND {alias}.erased_at IS NULL"


def _phone_digits(alias: str) -> str:
    expression = f"coalesce({alias}.phone, '')"
    for mark in (" ", "+", "-", "/", "(", ")", "."):
        expression = f"replace({expression}, '{mark}', '')"
    return expression


def _document(alias: str) -> str:
    """The indexed text of the person row `alias` (a table alias, or NEW inside a trigger)."""
    digits = _phone_digits(alias)
    return (
        f"{alias}.search_text"
        f" || ' ' || coalesce((SELECT m.words FROM fts_municipality m WHERE m.code = {alias}.municipality_code), '')"
        f" || ' ' || {digits}"
        f" || ' ' || CASE WHEN {digits} LIKE '386%' THEN '0' || substr({digits}, 4) ELSE '' END"
        " || ' ' || coalesce((SELECT group_concat(o.search_text, ' ') FROM person_organisation_role r"
        " JOIN organisation o ON o.id = r.organisation_id"
        f" WHERE r.person_id = {alias}.id AND r.deleted_at IS NULL AND o.deleted_at IS NULL), '')"
    )


# Filter tokens start with U+E000, a private-use character: FTS5 keeps it inside a token, and
# nothing typed can produce it (search words are letters and digits), so a typed "m" or "no"
# never runs into the filter tokens of every person ("msi070", "noconsent").
FLAG = "char(57344)"


def _contact_day_flags(alias: str) -> str:
    """The first-contact day YYYYMMDD as tokens of its century, decade, year, month, ten days and
    day ("d42019" is the year 2019): a date range is then a few exact tokens, not prefix scans."""
    day = f"replace({alias}.first_contact_date, '-', '')"
    parts = " || ' ' || ".join(
        f"{FLAG} || 'd{length}' || substr({day}, 1, {length})" for length in (2, 3, 4, 6, 7, 8)
    )
    return f"CASE WHEN {alias}.first_contact_date IS NULL THEN {FLAG} || 'dnone' ELSE {parts} END"


def _flags(alias: str) -> str:
    """Filter tokens of the person row `alias`: info point, municipality, target group, first
    contact and consent to data processing, so that filtered counts need the index alone. A consent counts when given and neither withdrawn nor
    deleted (its dates cannot lie in the future)."""
    return (
        f"{FLAG} || 's' || replace(coalesce({alias}.site_id, 'none'), '-', '')"
        f" || ' ' || {FLAG} || 'm' || replace(lower(coalesce({alias}.municipality_code, 'none')), '-', '')"
        f" || ' ' || {FLAG} || 't' || replace(coalesce({alias}.target_group, 'none'), '_', '')"
        f" || ' ' || {_contact_day_flags(alias)}"
        f" || ' ' || {FLAG} || CASE WHEN EXISTS (SELECT 1 FROM consent c WHERE c.person_id = {alias}.id"
        " AND c.purpose = 'data_processing' AND c.deleted_at IS NULL AND c.withdrawn_on IS NULL)"
        " THEN 'consent' ELSE 'noconsent' END"
    )


def _touch_persons(where: str) -> str:
    """Re-index persons through fts_person_au. The values do not change, so sync's capture
    triggers (which compare old and new values) record nothing. FTS5 finds rows by rowid only
    for `rowid = x`, so a DELETE of many rows by `rowid IN (...)` would scan the whole index."""
    return f"UPDATE person SET search_text = search_text WHERE {where};"


_OF_NEW, _OF_OLD = "id = NEW.person_id", "id = OLD.person_id"
_LINKED_NEW, _LINKED_OLD = (
    f"id IN (SELECT person_id FROM person_organisation_role WHERE organisation_id = {key})"
    for key in ("NEW.id", "OLD.id")
)

_INDEX_NEW_PERSON = (
    f"INSERT INTO fts_person (rowid, words, flags) SELECT NEW.rowid, {_document('NEW')}, {_flags('NEW')} "
    f"WHERE {_live('NEW')};"
)

TRIGGERS = {
    "fts_person_ai": f"AFTER INSERT ON person BEGIN\n  {_INDEX_NEW_PERSON}\nEND",
    "fts_person_au": (
        "AFTER UPDATE OF search_text, municipality_code, phone, site_id, target_group, first_contact_date, "
        f"deleted_at, merged_into_id, erased_at ON person BEGIN\n  DELETE FROM fts_person WHERE rowid = OLD.rowid;\n  {_INDEX_NEW_PERSON}\nEND"
    ),
    "fts_person_ad": "AFTER DELETE ON person BEGIN\n  DELETE FROM fts_person WHERE rowid = OLD.rowid;\nEND",
    "fts_person_role_ai": f"AFTER INSERT ON person_organisation_role BEGIN\n  {_touch_persons(_OF_NEW)}\nEND",
    "fts_person_role_au": (
        "AFTER UPDATE OF person_id, organisation_id, deleted_at ON person_organisation_role BEGIN\n"
        f"  {_touch_persons('id IN (OLD.person_id, NEW.person_id)')}\nEND"
    ),
    "fts_person_role_ad": f"AFTER DELETE ON person_organisation_role BEGIN\n  {_touch_persons(_OF_OLD)}\nEND",
    # A role may arrive through sync before its organisation: indexing follows when it comes.
    "fts_person_organisation_ai": f"AFTER INSERT ON organisation BEGIN\n  {_touch_persons(_LINKED_NEW)}\nEND",
    "fts_person_organisation_au": (
        f"AFTER UPDATE OF search_text, deleted_at ON organisation BEGIN\n  {_touch_persons(_LINKED_NEW)}\nEND"
    ),
    "fts_person_organisation_ad": f"AFTER DELETE ON organisation BEGIN\n  {_touch_persons(_LINKED_OLD)}\nEND",
    "fts_person_consent_ai": f"AFTER INSERT ON consent BEGIN\n  {_touch_persons(_OF_NEW)}\nEND",
    "fts_person_consent_au": (
        "AFTER UPDATE OF person_id, purpose, withdrawn_on, deleted_at ON consent BEGIN\n"
        f"  {_touch_persons('id IN (OLD.person_id, NEW.person_id)')}\nEND"
    ),
    "fts_person_consent_ad": f"AFTER DELETE ON consent BEGIN\n  {_touch_persons(_OF_OLD)}\nEND",
}

# Rebuild the whole index (the persons' rowids are its keys: run this after anything that may
# renumber them, such as VACUUM).
REFILL = (
    "DELETE FROM fts_person",
    (f"INSERT INTO fts_person (rowid, words, flags) SELECT p.rowid, {_document('p')}, {_flags('p')} "
     f"FROM person p WHERE {_live('p')}"),
)


def _municipality_words() -> list[dict]:
    from sociolab_desktop.core.domain.municipalities import all_municipalities
    from sociolab_desktop.core.domain.text import fold

    return [{"code": m.code, "words": fold(m.name)} for m in all_municipalities()]


def upgrade() -> None:
    try:
        op.execute(
            "CREATE VIRTUAL TABLE fts_person USING fts5(words, flags, "
            "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')"
        )
    except Exception as exc:
        if "fts5" not in str(exc):
            raise
        raise UserError(N_(
            "This copy of SocioLab Desk was built with an SQLite library without full-text search "
            "(FTS5), which the client search needs. Install an official build of SocioLab Desk."
        )) from exc
    op.execute("CREATE TABLE fts_municipality (code VARCHAR(10) NOT NULL PRIMARY KEY, words TEXT NOT NULL)")
    connection = op.get_bind()
    connection.exec_driver_sql(
        "INSERT INTO fts_municipality (code, words) VALUES (?, ?)",
        [(row["code"], row["words"]) for row in _municipality_words()],
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    for statement in REFILL:
        op.execute(statement)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS fts_person")
    op.execute("DROP TABLE IF EXISTS fts_municipality")

