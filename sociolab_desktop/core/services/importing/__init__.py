"""Import of persons and organisations from CSV and XLSX lists: read → map columns → preview → commit.

    table = read_table(path, sheet=None)                       # reading.py: UserError on bad files
    mapping = propose_mapping(kind, table.headers)             # headers.py; change per column with
                                                               # mapping.with_column(i, field)
    plan = preview_import(store, kind, table, mapping, today=…)  # plan.py: rows checked, nothing written
    result = commit_import(store, actor, plan, only_valid=…, allow_duplicates=…)

`kind` is "people" or "organisations" (fields.py lists what a column can fill). Each planned
row has a status (ready, invalid, duplicate, skipped), the problems with the column they are in,
and its possible duplicates; messages are rendered with a Translator when shown.

Registrations for an event (a form's export: each row a person) are a list of persons checked the
same way, then `check_registrations` / `commit_registrations` (registrations.py; its rules there).
"""

from sociolab_desktop.core.services.importing.fields import (
    KINDS,
    ORGANISATIONS,
    PEOPLE,
    ImportField,
    import_fields,
)
from sociolab_desktop.core.services.importing.headers import (
    ColumnMapping,
    MissingColumns,
    apply_map_option,
    check_mapping,
    propose_mapping,
)
from sociolab_desktop.core.services.importing.messages import Message
from sociolab_desktop.core.services.importing.plan import (
    ImportPlan,
    ImportResult,
    check_database,
    check_kind,
    commit_import,
    preview_import,
    reason_label,
    validate_rows,
)
from sociolab_desktop.core.services.importing.reading import (
    SourceRow,
    SourceTable,
    read_table,
    sheet_names,
)
from sociolab_desktop.core.services.importing.registration_text import RegistrationTally, registration_tally
from sociolab_desktop.core.services.importing.registrations import (
    REGISTRATIONS,
    RegistrationImportResult,
    RegistrationPlan,
    check_registrations,
    commit_registrations,
    preview_registrations,
)
from sociolab_desktop.core.services.importing.rows import (
    DuplicateMatch,
    PlannedRow,
    RowIssue,
    RowStatus,
)

__all__ = [
    "KINDS", "ORGANISATIONS", "PEOPLE", "REGISTRATIONS", "ColumnMapping", "DuplicateMatch", "ImportField",
    "ImportPlan", "ImportResult", "Message", "MissingColumns", "PlannedRow", "RowIssue", "RowStatus", "SourceRow",
    "SourceTable", "apply_map_option", "check_database", "check_kind", "check_mapping", "commit_import",
    "import_fields", "preview_import", "propose_mapping", "read_table", "reason_label", "sheet_names",
    "validate_rows", "RegistrationImportResult", "RegistrationPlan", "RegistrationTally", "check_registrations",
    "commit_registrations", "preview_registrations", "registration_tally",
]
