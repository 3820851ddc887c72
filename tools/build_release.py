"""Build the one-folder application with PyInstaller, then prove the built program starts.

Run: python tools/build_release.py [--dist DIR] [--no-smoke]
(needs the build extra: pip install -e ".[build]").

The folder holds two programs: SocioLabDesk (the window, no console on Windows) and
sociolab-desktop (the same program with a console, for the command line). The smoke test runs them,
not Python: `init` on a fresh data folder, then the window must paint; `demo` on another folder,
then the window must paint, open the folder and sign in by itself (the demo remembers an
administrator). Qt runs offscreen. Prints the build's size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "SocioLabDesk"
COMMAND_NAME = "sociolab-desktop"
SUFFIX = ".exe" if os.name == "nt" else ""
SHOWN, READY = "SOCIOLAB_SHOWN", "SOCIOLAB_READY"
START_TIMEOUT_S = 60


def build(dist: Path, work: Path) -> tuple[Path, Path]:
    """The window's program and the command line's, in one folder."""
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(dist), "--workpath", str(work),
         str(ROOT / "build.spec")],
        check=True, cwd=ROOT,
    )
    programs = tuple(dist / APP_NAME / (name + SUFFIX) for name in (APP_NAME, COMMAND_NAME))
    for program in programs:
        if not program.is_file():
            raise SystemExit(f"the build produced no {program}")
    return programs


def folder_size(folder: Path) -> int:
    # PyInstaller links Qt libraries from two places; count each file once.
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def _environment() -> dict[str, str]:
    env = dict(os.environ, SOCIOLAB_EXIT_AFTER_SHOW="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("SOCIOLAB_DATA_DIR", None)
    return env


def _run_command(executable: Path, *arguments: str) -> None:
    subprocess.run([str(executable), *arguments], check=True, env=_environment(), timeout=300)


def _start_until(executable: Path, data_dir: Path, markers: tuple[str, ...]) -> float:
    """Start the GUI; return the seconds until every marker was printed (then stop it)."""
    started = time.perf_counter()
    process = subprocess.Popen([str(executable), "--data-dir", str(data_dir)], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, env=_environment())
    seen: list[str] = []
    try:
        deadline = started + START_TIMEOUT_S
        while time.perf_counter() < deadline and not all(marker in seen for marker in markers):
            line = process.stdout.readline()
            if not line:
                break
            seen.append(line.strip())
    finally:
        process.kill()
        process.wait()
    missing = [marker for marker in markers if marker not in seen]
    if missing:
        raise SystemExit(f"the built program did not print {missing}; its output was:\n" + "\n".join(seen))
    return time.perf_counter() - started


def smoke(window: Path, command_line: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="sociolab-release-") as temporary:
        fresh, demo = Path(temporary, "fresh"), Path(temporary, "demo")
        _run_command(command_line, "init", "--site-name", "Informacijska točka Ptuj", "--data-dir", str(fresh))
        # Nobody works there yet, so the program stops at "who is at the keyboard": painted is enough.
        seconds = _start_until(command_line, fresh, (SHOWN,))
        print(f"fresh data folder: main window shown after {seconds:.2f} s")
        _run_command(command_line, "demo", "--data-dir", str(demo))
        seconds = _start_until(command_line, demo, (SHOWN, READY))
        print(f"demo data: main window shown and ready after {seconds:.2f} s")
        if os.name != "nt":  # a windowed Windows program has no output to read the markers from
            seconds = _start_until(window, demo, (SHOWN, READY))
            print(f"{window.name}: main window shown and ready after {seconds:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the application folder goes")
    parser.add_argument("--no-smoke", action="store_true", help="build only, do not start the result")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sociolab-pyinstaller-") as work:
        window, command_line = build(args.dist.resolve(), Path(work))
    print(f"built {window.parent} ({folder_size(window.parent) / 2**20:.0f} MiB)")
    if not args.no_smoke:
        smoke(window, command_line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
