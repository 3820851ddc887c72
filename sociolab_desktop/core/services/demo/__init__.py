"""Invented, deterministic Slovenian demo data for trying the program and for benchmarks."""

from sociolab_desktop.core.services.demo.generator import (
    MAX_PEOPLE,
    DemoSummary,
    database_holds_people,
    generate_demo_data,
)

__all__ = ["MAX_PEOPLE", "DemoSummary", "database_holds_people", "generate_demo_data"]
