"""Alembic environment: runs on the connection SocioLab Desk hands it (see store/migrate.py)."""

from alembic import context

from sociolab_desktop.core.store.models import Base

# Tables that are not ours to diff: FTS5 virtual tables and their shadow tables (added by later
# migrations) must never be dropped by autogenerate.
_UNMANAGED_PREFIXES = ("fts_", "sqlite_")


def include_name(name, type_, parent_names):
    if type_ == "table" and name and name.startswith(_UNMANAGED_PREFIXES):
        return False
    return True


def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
