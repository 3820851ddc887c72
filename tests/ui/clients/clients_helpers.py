"""Shared numbers of the Clients tests (the demo data generated in conftest.py)."""

DEMO_PEOPLE = 300
DEMO_SEED = 3
