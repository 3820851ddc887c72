"""The project's results report: indicators against their targets (in total and per info point),
what each counts, and the ESF participant summary. Its data and entry point.

Pure: plain data and a Translator in, PDF bytes out. Texts taken from data (titles, definitions,
category labels) come already in the report's language; the Translator gives the report's own
words, numbers and dates. ReportLab is imported only when a report is built (results_report_story.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sociolab_desktop.core.documents.branding import NO_BRANDING, Branding
from sociolab_desktop.core.documents.result import DocumentResult

if TYPE_CHECKING:
    from sociolab_desktop.i18n import Translator


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator. `site_values` follow ResultsReportData.site_names (empty when a value per
    info point means nothing); `share` is value / target (None without a target)."""

    title: str
    definition: str
    value: float
    target: float | None
    at_least: bool
    share: float | None
    site_values: tuple[float, ...] = ()


@dataclass(frozen=True)
class EsfLine:
    """A line of the ESF summary; `total` None makes it a group heading."""

    label: str
    total: int | None
    counts: tuple[int, ...] = ()
    emphasis: bool = False


@dataclass(frozen=True)
class EsfTable:
    title: str  # the programme period's set of indicators
    gender_labels: tuple[str, ...]
    lines: tuple[EsfLine, ...]
    participants: int
    missing: int  # participants whose records still miss required ESF data


@dataclass(frozen=True)
class ResultsReportData:
    issuer: str  # who prints it (this PC's info point or the lead partner): the footer
    printed_on: dt.date
    period: str  # already written out, e.g. "1. 4. 2018 – 31. 12. 2021"
    scope: str  # "all info points" or the one info point the report is limited to
    training_rule: str  # what counts as a person in a training programme, in words
    site_names: tuple[str, ...]
    indicators: tuple[IndicatorLine, ...]
    esf: EsfTable | None = None
    # Limited to one info point: its values count toward the project's targets, which the
    # target column then says.
    targets_of_the_project: bool = False


def build_results_report(data: ResultsReportData, tr: Translator,
                         branding: Branding = NO_BRANDING) -> DocumentResult:
    """The report in the Translator's language; unreadable logos are left out and listed in
    `warnings`."""
    from sociolab_desktop.core.documents.results_report_story import results_document

    return results_document(data, tr, branding)
