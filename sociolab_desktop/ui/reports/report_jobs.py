"""What the Reports area hands to a worker: counting the indicators and ESF tables for the choices
on screen, and writing them to an XLSX workbook or a PDF report (the services write the file
whole or not at all). Plain functions of plain data: no widgets here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from sociolab_desktop.core.services.results import esf as esf_service
from sociolab_desktop.core.services.results import exports
from sociolab_desktop.core.services.results import indicators as indicator_service
from sociolab_desktop.core.services.results.periods import ReportPeriod
from sociolab_desktop.i18n import Translator


@dataclass(frozen=True)
class ReportRequest:
    """The choices on screen: the period, one info point (None: all), who counts as a person in
    a training programme, and the ESF programme period."""

    period: ReportPeriod
    site_id: str | None
    training_rule: str
    programme_period: str


def count_indicators(store, request: ReportRequest) -> indicator_service.IndicatorReport:
    return indicator_service.compute_indicators(store, request.period, site_id=request.site_id,
                                                training_rule=request.training_rule)


def count_esf(store, request: ReportRequest) -> esf_service.EsfReport:
    return esf_service.esf_report(store, request.period, programme_period=request.programme_period,
                                  site_id=request.site_id, training_rule=request.training_rule)


def list_records(store, request: ReportRequest, key: str, site_id: str | None):
    return indicator_service.indicator_records(store, key, request.period, site_id=site_id,
                                               training_rule=request.training_rule)


def write_xlsx(store, request: ReportRequest, target: Path, tr: Translator) -> Path:
    """The indicators (with their definitions) and the ESF tables in one workbook."""
    return exports.export_results_xlsx(target, tr, indicators=count_indicators(store, request),
                                       esf=count_esf(store, request))


def write_pdf(store, request: ReportRequest, target: Path, tr: Translator, *, issuer: str, branding):
    """The PDF report in `tr`'s language with the ESF summary; returns the DocumentResult."""
    return exports.export_results_pdf(target, tr, count_indicators(store, request), issuer=issuer,
                                      esf=count_esf(store, request), branding=branding)


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def choose_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """The file chosen ("" when cancelled); the dialog asks before replacing a file. A function of
    its own so tests can answer it."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(documents_folder() / suggested), file_filter)
    return path


def with_suffix(chosen: str, suffix: str) -> Path:
    """The chosen name with the format's ending, added when the person typed none or another."""
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
