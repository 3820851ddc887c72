"""How long printing a consent form takes: the first one in a fresh process, and each after it.

Run: /work/venv/bin/python benches/bench_documents.py [--forms 50] [--runs 3]

The first form pays for importing ReportLab and Pillow and registering the fonts (what a person
waits for on the first print of a session); later forms show the cost of the layout itself.
Prints medians, the PDF size and the ratio of first to later forms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = """
import datetime as dt, json, sys, time
started = time.perf_counter()
from sociolab_desktop.core.documents.consent_form import ConsentFormData, build_consent_form
from sociolab_desktop.i18n import Translator
tr = Translator("sl")
def form(number):
    return ConsentFormData(person_name=f"Đurđa Čeh-Šuštarić {number}", info_point="Informacijska točka Maribor",
                           controller="Zavod Socialni inkubator", printed_on=dt.date(2026, 11, 27),
                           date_of_birth=dt.date(1985, 3, 4), address="Ulica heroja Šaranovića 12, 2000 Maribor")
first = build_consent_form(form(0), tr)
first_seconds = time.perf_counter() - started
later = []
for number in range(1, int(sys.argv[1]) + 1):
    tick = time.perf_counter()
    build_consent_form(form(number), tr)
    later.append(time.perf_counter() - tick)
print(json.dumps({"first": first_seconds, "later": later, "size": len(first.pdf)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    firsts, laters, size = [], [], 0
    for _ in range(args.runs):
        output = subprocess.run([sys.executable, "-c", CHILD, str(args.forms)], capture_output=True, text=True,
                                check=True).stdout
        run = json.loads(output)
        firsts.append(run["first"])
        laters.extend(run["later"])
        size = run["size"]
    first, later = statistics.median(firsts), statistics.median(laters)
    print(f"first form in a fresh process (imports + fonts + layout): {first * 1000:.0f} ms (median of {args.runs})")
    print(f"each later form: {later * 1000:.1f} ms (median of {len(laters)})")
    print(f"PDF size: {size / 1024:.0f} KiB; first / later: {first / later:.1f}x")


if __name__ == "__main__":
    main()
