"""Opening the Clients list over 100 000 persons, and typing a search into it, beside raw sqlite3.

Run: /work/venv/bin/python benches/bench_clients_list.py [--people 100000] [--seed 1] [--repeat 5]
     [--folder DIR] [--rebuild]

The data folder is filled once (bench_search's bulk fill: persons, organisations, roles, consents)
and kept in the temporary folder for the next run (--rebuild makes it again). Qt runs offscreen,
in this process, over the real ShellContext and operation runner, as the main window does.

Measured, each the median of --repeat runs after one unmeasured warm-up (the first page built in
a process also imports the list's modules; it is printed separately):
- open: from constructing ClientsPage until the table has painted its first page of rows and the
  count is shown (the count and page are read in a worker, as in the program);
- typing "ceh" (three quick keys) until the table has painted the matches: with the 200 ms pause
  the field waits for typing to stop, and with Enter, which searches at once;
Beside them, raw sqlite3 on its own connection: a naive count + first 200 rows by sort key, and the
service's own statements (count + page of 200), to show the cost of the window around the query.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import _fill  # noqa: E402  (the same invented persons as the search bench)

from sociolab_desktop.core.services import person_search, staff  # noqa: E402
from sociolab_desktop.workspace import open_workspace  # noqa: E402

QUERY = "ceh"
PAGE = 200  # the list's page size (ui/clients/person_list_model.PAGE_SIZE)
_LIVE = "deleted_at IS NULL AND merged_into_id IS NULL AND erased_at IS NULL"
_DONE_MARK = ".bench-complete"


def prepare(folder: Path, people: int, seed: int, rebuild: bool) -> Path:
    """The data folder with `people` persons, made once and reused while its mark is there."""
    data = folder / "data"
    if rebuild or not (folder / _DONE_MARK).exists():
        shutil.rmtree(folder, ignore_errors=True)
        began = time.perf_counter()
        with open_workspace(data) as workspace:
            counts = _fill(workspace, people, seed)
            settings = workspace.settings
            settings.site_name = "Informacijska točka Maribor"
            admin = staff.add_staff(workspace.store, workspace.actor, "Mojca Žagar", is_admin=True)
            settings.current_staff_id = admin.id
            workspace.save_settings()
        (folder / _DONE_MARK).write_text("ok", encoding="utf-8")
        print(f"filled {data} in {time.perf_counter() - began:.1f} s: "
              + ", ".join(f"{count} {table}" for table, count in counts.items()))
    else:
        print(f"reusing {data}")
    return data


def _median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def _raw_timings(database: Path, repeat: int) -> dict[str, float]:
    connection = sqlite3.connect(database)
    naive = (f"SELECT count(*) FROM person WHERE {_LIVE}",
             "SELECT id, first_name, last_name, email, phone, municipality_code, site_id, first_contact_date "
             f"FROM person WHERE {_LIVE} ORDER BY sort_key LIMIT {PAGE}")

    def service_sql(text: str):
        words, filters = person_search.search_words(text), person_search.NO_FILTER
        connection.execute(*person_search.count_query(words, filters)).fetchone()
        matches = person_search.index_matches_query(words, filters)
        counted = connection.execute(*matches).fetchone()[0] if matches else None
        connection.execute(*person_search.page_query(words, filters, offset=0, limit=PAGE,
                                                     index_matches=counted)).fetchall()

    def naive_open():
        connection.execute(naive[0]).fetchone()
        connection.execute(naive[1]).fetchall()

    results = {}
    for name, action in (("naive open", naive_open), ("service SQL, open", lambda: service_sql("")),
                         (f"service SQL, {QUERY!r}", lambda: service_sql(QUERY))):
        action()  # warm the cache
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        results[name] = _median_ms(times)
    connection.close()
    return results


def _service_timings(workspace, repeat: int) -> dict[str, float]:
    from sociolab_desktop.ui.clients.person_list_model import ListQuery, count_and_first_page

    results = {}
    for text in ("", QUERY):
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            count_and_first_page(workspace.store, ListQuery(text=text), PAGE)
            times.append(time.perf_counter() - start)
        results[f"services, {'open' if not text else repr(text)}"] = _median_ms(times)
    return results


class PaintClock:
    """Remembers when the table's viewport last painted with rows in it."""

    def __init__(self, page) -> None:
        from PySide6.QtCore import QEvent, QObject

        clock = self

        class Filter(QObject):
            def eventFilter(self, _watched, event):  # noqa: N802 (Qt API)
                if event.type() == QEvent.Type.Paint and page.model.rowCount() > 0:
                    clock.painted = (time.perf_counter(), page.model.query.text)
                return False

        self.painted: tuple[float, str] | None = None
        self.filter = Filter()
        page.table.viewport().installEventFilter(self.filter)


def _wait(app, condition, timeout: float = 60.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit("timed out waiting for the list")
        # Sleeps until something arrives (a worker's result, a timer, a paint): no busy loop
        # competing with the worker for the two cores.
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def _shown(page, clock: PaintClock, text: str, since: float) -> bool:
    model = page.model
    return (model.query.text == text and model.total is not None and model.rowCount() > 0
            and clock.painted is not None and clock.painted[1] == text and clock.painted[0] >= since
            and any(ch.isdigit() for ch in page.count_label.text()))


def _measure_page(app, ctx) -> dict[str, float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from sociolab_desktop.ui.clients.clients_page import ClientsPage

    figures: dict[str, float] = {}
    start = time.perf_counter()
    page = ClientsPage(ctx)
    figures["built"] = time.perf_counter() - start
    clock = PaintClock(page)
    arrived: list[float] = []
    page.model.count_changed.connect(
        lambda: arrived.append(time.perf_counter()) if page.model.total is not None else None)
    page.resize(1100, 640)
    page.show()
    _wait(app, lambda: _shown(page, clock, "", start))
    figures["open"] = clock.painted[0] - start
    figures["rows arrived"] = arrived[0] - start
    figures["count"] = page.model.total

    page.activateWindow()
    page.search_edit.setFocus()
    QTest.keyClicks(page.search_edit, QUERY)
    typed = time.perf_counter()
    _wait(app, lambda: _shown(page, clock, QUERY, typed))
    figures["typed, pause"] = clock.painted[0] - typed
    figures["matches"] = page.model.total

    QTest.keyClick(page.search_edit, Qt.Key.Key_Escape)  # clears the field and the search
    _wait(app, lambda: page.model.query.text == "" and page.model.idle and page.model.total is not None)
    QTest.keyClicks(page.search_edit, QUERY)
    entered = time.perf_counter()
    QTest.keyClick(page.search_edit, Qt.Key.Key_Return)
    _wait(app, lambda: _shown(page, clock, QUERY, entered))
    figures["typed, Enter"] = clock.painted[0] - entered
    figures["typed, Enter: rows arrived"] = arrived[-1] - entered

    _wait(app, lambda: page.model.idle)
    page.close()
    page.deleteLater()
    app.processEvents()
    return figures


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform says "does not support propagateSizeHints()" for every window."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--folder", type=Path, help="where the data folder is built and kept")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.gettempdir()) / f"sociolab-bench-clients-{args.people}-s{args.seed}"
    data = prepare(folder, args.people, args.seed, args.rebuild)

    from PySide6.QtWidgets import QApplication

    from sociolab_desktop.ui.shell_context import ShellContext

    app = QApplication.instance() or QApplication([])
    _quiet_offscreen_warnings()
    workspace = open_workspace(data)
    ctx = ShellContext(workspace.paths, workspace.settings)
    ctx.attach_workspace(workspace)
    try:
        first = _measure_page(app, ctx)
        runs = [_measure_page(app, ctx) for _ in range(args.repeat)]
        service = _service_timings(workspace, args.repeat)
    finally:
        ctx.dispose()
        workspace.close()
    raw = _raw_timings(workspace.paths.database, args.repeat)

    print(f"\n{first['count']:.0f} persons listed, {first['matches']:.0f} match {QUERY!r}; Qt offscreen; "
          f"ms, median of {args.repeat} (first page of the process in brackets)")
    for key, label in (("built", "open the list: ClientsPage() returned"),
                       ("rows arrived", "open the list: count and first page arrived from the worker"),
                       ("open", "open the list: first page painted, count shown"),
                       ("typed, pause", f"type {QUERY!r}, rows painted (incl. the 200 ms typing pause)"),
                       ("typed, Enter: rows arrived", f"type {QUERY!r} + Enter, count and rows arrived"),
                       ("typed, Enter", f"type {QUERY!r} + Enter, rows painted")):
        print(f"  {label:56} {_median_ms([run[key] for run in runs]):7.1f}   ({first[key] * 1000:.1f})")
    print("the services the worker calls, on this thread (count_persons + search_persons, 200 rows):")
    for name, value in service.items():
        print(f"  {name:56} {value:7.1f}")
    print("raw sqlite3 on its own connection:")
    for name, value in raw.items():
        print(f"  {name:56} {value:7.1f}")
    opened = _median_ms([run["open"] for run in runs])
    entered = _median_ms([run["typed, Enter"] for run in runs])
    print(f"ratio open / naive sqlite3 open:            {opened / raw['naive open']:6.1f}")
    print(f"ratio open / service SQL on sqlite3:        {opened / raw['service SQL, open']:6.1f}")
    print(f"ratio {QUERY!r}+Enter / service SQL on sqlite3: {entered / raw[f'service SQL, {QUERY!r}']:6.1f}")


if __name__ == "__main__":
    main()
