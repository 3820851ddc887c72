"""Storage: SQLAlchemy models, the engine, migrations, backups."""
