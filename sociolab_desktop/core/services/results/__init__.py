"""The project's results: indicators against their targets, ESF participant data, and their
exports (definitions.py says what each number counts)."""
