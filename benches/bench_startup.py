"""How fast the main window appears, against a bare PySide6 window started the same way.

Run: /work/venv/bin/python benches/bench_startup.py [--runs 5] [--people 10000] [--data-dir DIR]

Each run is a fresh process (`python -m sociolab_desktop` with SOCIOLAB_EXIT_AFTER_SHOW=1, Qt
offscreen). The clock starts just before the process is spawned; the program prints a marker
when the main window has painted ("shown") and another once the data folder is open and somebody
is signed in ("ready"), then quits. The bare process creates a QApplication and a QMainWindow,
shows it and prints the same marker at its first paint. One unmeasured warm-up run each comes
first (disk cache, the day's first backup). Prints medians and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHOWN, READY = "SOCIOLAB_SHOWN", "SOCIOLAB_READY"

BARE_WINDOW = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print("{SHOWN}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watcher = FirstPaint()
window.installEventFilter(watcher)
window.resize(1200, 680)
window.show()
app.exec()
"""


def _prepare(folder: Path, people: int) -> str:
    from sociolab_desktop.core.services import sites, staff
    from sociolab_desktop.workspace import open_workspace

    with open_workspace(folder) as workspace:
        settings = workspace.settings
        site = sites.create_site(workspace.store, settings.site_id, "Informacijska točka Ptuj", "sl")
        settings.site_name = site.name
        admin = staff.add_staff(workspace.store, workspace.actor, "Mojca Žagar", is_admin=True)
        settings.current_staff_id = admin.id
        workspace.save_settings()
        try:
            from sociolab_desktop.core.services.demo import generate_demo_data
        except ImportError:
            return "an initialised folder without demo data (the demo generator is missing)"
        generate_demo_data(workspace.store, workspace.actor, people=people, seed=1)
    return f"{people} demo people"


def _timed_run(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawning the process to each marker line and to its exit."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    marks: dict[str, float] = {}
    for line in process.stdout:
        marks.setdefault(line.strip(), time.perf_counter() - start)
    process.wait()
    marks["exit"] = time.perf_counter() - start
    if process.returncode != 0 or SHOWN not in marks:
        raise SystemExit(f"{command[:3]} failed with exit code {process.returncode}")
    return marks


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--data-dir", help="an existing, set-up data folder to start on")
    args = parser.parse_args()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SOCIOLAB_EXIT_AFTER_SHOW": "1"}
    env.pop("SOCIOLAB_DATA_DIR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="sociolab-bench-") as temporary:
        env["PYTHONPYCACHEPREFIX"] = str(Path(temporary) / "bytecode")
        if args.data_dir:
            folder, content = Path(args.data_dir), "the given data folder"
        else:
            folder = Path(temporary) / "data"
            began = time.perf_counter()
            content = _prepare(folder, args.people)
            print(f"prepared {content} in {time.perf_counter() - began:.1f} s")
        ours = [sys.executable, "-m", "sociolab_desktop", "--data-dir", str(folder)]
        bare = [sys.executable, "-c", BARE_WINDOW]
        _timed_run(ours, env), _timed_run(bare, env)  # warm-up
        our_runs, bare_runs = [], []
        for _ in range(args.runs):
            # Interleaved, so a busy moment of the machine hits both alike.
            bare_runs.append(_timed_run(bare, env))
            our_runs.append(_timed_run(ours, env))

    bare_shown = _median(bare_runs, SHOWN)
    our_shown, our_ready = _median(our_runs, SHOWN), _median(our_runs, READY)
    print(f"data folder: {content}; {args.runs} runs each, medians, Qt offscreen")
    print(f"bare PySide6 window shown:        {bare_shown * 1000:7.0f} ms")
    ratio = our_shown / bare_shown
    print(f"SocioLab Desk main window shown:  {our_shown * 1000:7.0f} ms   ratio {ratio:.2f}")
    print(f"SocioLab Desk ready (folder open, signed in): {our_ready * 1000:7.0f} ms   "
          f"ratio {our_ready / bare_shown:.2f}")
    fastest_ours, fastest_bare = min(r[SHOWN] for r in our_runs), min(r[SHOWN] for r in bare_runs)
    print(f"fastest runs, shown: ours {fastest_ours * 1000:.0f} ms, bare {fastest_bare * 1000:.0f} ms, "
          f"ratio {fastest_ours / fastest_bare:.2f}")
    print("all runs, shown (ms): ours " + ", ".join(f"{r[SHOWN] * 1000:.0f}" for r in our_runs)
          + "; bare " + ", ".join(f"{r[SHOWN] * 1000:.0f}" for r in bare_runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
