"""Alembic environment: runs on the connection SocioLab Desk hands it (see store/migrate.py)."""

from alembic import context

from sociolab_desktop.core.store.migrate import include_name
from sociolab_desktop.core.store.models import Base


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
