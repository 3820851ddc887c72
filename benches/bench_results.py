"""How long the project's results take over a demo database: every indicator (per info point and in
total), the list behind the biggest number, the ESF tables, and the XLSX and PDF exports.

Run: /work/venv/bin/python benches/bench_results.py [--people 10000] [--repeat 5] [--folder DIR]
     [--rebuild]

The data folder is made once with `sociolab-desktop demo --people N` (the same command staff
run) and kept for the next run (--rebuild makes it again). Each figure is the median of --repeat
runs after one unmeasured warm-up; the first computation in the process is printed apart (it
imports the services). Periods: the whole project (April 2018 – December 2021) and one year.
Beside the full computation, the counting services' own totals (what the report calls for the
network-wide numbers), to show what the per-info-point lists add.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_DONE_MARK = ".bench-complete"


def prepare(folder: Path, people: int, rebuild: bool) -> Path:
    data = folder / "data"
    if rebuild or not (folder / _DONE_MARK).exists():
        shutil.rmtree(folder, ignore_errors=True)
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sociolab_desktop", "demo", "--people", str(people), "--data-dir",
                        str(data)], check=True, stdout=subprocess.DEVNULL)
        (folder / _DONE_MARK).write_text("ok", encoding="utf-8")
        print(f"demo data for {people} people made in {time.perf_counter() - began:.1f} s: {data}")
    return data


def timed(function, repeat: int) -> tuple[float, object]:
    function()  # warm-up: caches, SQLite pages
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.gettempdir()) / f"sociolab-bench-results-{args.people}"
    data = prepare(folder, args.people, args.rebuild)

    began = time.perf_counter()
    from sociolab_desktop.core.services.results import esf, exports, indicators
    from sociolab_desktop.core.services.results.periods import project_period, year_period
    from sociolab_desktop.i18n import Translator
    from sociolab_desktop.workspace import open_workspace

    with open_workspace(data) as workspace:
        store, tr, today = workspace.store, Translator("sl"), dt.date(2026, 11, 27)
        first = indicators.compute_indicators(store, project_period(), today=today)
        print(f"first computation in a fresh process (imports included): {time.perf_counter() - began:.3f} s")
        persons = first.value("persons_trained")
        print(f"{args.people} people: {persons.value:g} persons in training programmes, "
              f"{first.value('organisations_supported').value:g} organisations mentored, "
              f"{first.value('mentoring_hours').value:g} mentoring hours, {len(first.sites)} info point columns")
        rows = []
        for label, period in (("project 2018-2021", project_period()), ("one year (2020)", year_period(2020))):
            for rule in ("attended", "registered", "completed"):
                seconds, _report = timed(lambda p=period, r=rule: indicators.compute_indicators(
                    store, p, training_rule=r, today=today), args.repeat)
                rows.append((f"all indicators, {label}, rule {rule}", seconds))
        seconds, _ = timed(lambda: indicators._service_totals(store, indicators._scope(project_period(), None, today)),
                           args.repeat)
        rows.append(("  of which the counting services' totals alone", seconds))
        site = first.sites[0].site_id
        rows.append(("all indicators of one info point", timed(lambda: indicators.compute_indicators(
            store, project_period(), site_id=site, today=today), args.repeat)[0]))
        seconds, listed = timed(lambda: indicators.indicator_records(store, "persons_trained", project_period(),
                                                                     today=today), args.repeat)
        rows.append((f"list behind persons in training ({len(listed)} records)", seconds))
        for key in ("2014-2020", "2021-2027"):
            seconds, report = timed(lambda k=key: esf.esf_report(store, project_period(), programme_period=k),
                                    args.repeat)
            rows.append((f"ESF tables {key} ({len(report.participants)} participants)", seconds))
        esf_report = esf.esf_report(store, project_period())
        out = Path(tempfile.mkdtemp())
        rows.append(("XLSX: indicators + ESF tables", timed(lambda: exports.export_results_xlsx(
            out / "r.xlsx", tr, indicators=first, esf=esf_report), args.repeat)[0]))
        rows.append(("PDF report with ESF summary", timed(lambda: exports.export_results_pdf(
            out / "r.pdf", tr, first, issuer="Maribor", esf=esf_report), args.repeat)[0]))
        shutil.rmtree(out, ignore_errors=True)
    width = max(len(label) for label, _seconds in rows)
    print(f"median of {args.repeat} runs after a warm-up:")
    for label, seconds in rows:
        print(f"  {label:<{width}}  {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
