"""How long printing takes: a consent form (the first one in a fresh process, and each after it),
an attendance sheet of many rows and a batch of certificates, each beside the same pages drawn
with bare ReportLab.

Run: /work/venv/bin/python benches/bench_documents.py [--forms 50] [--runs 3] [--rows 500]
     [--certificates 200]

The first form pays for importing ReportLab and Pillow and registering the fonts (what a person
waits for on the first print of a session); later forms show the cost of the layout itself.
The sheet and the certificates are timed in a fresh process too, first (imports included) and
again (layout only). "Bare ReportLab" is the lower bound: a plain SimpleDocTemplate table of the
same rows with repeated header (no logos, no page x of y, no wrapping paragraphs) and certificates
drawn with canvas.drawCentredString, in the same DejaVu font. Goals (issue 5): a sheet of 500
rows under 1 s, 200 certificates under 5 s.
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


BATCHES = """
import datetime as dt, json, sys, time
rows, count = int(sys.argv[1]), int(sys.argv[2])
started = time.perf_counter()
from sociolab_desktop.core.documents.attendance_sheet import AttendanceRow, AttendanceSheetData, build_attendance_sheet
from sociolab_desktop.core.documents.certificate import CertificateData, build_certificates
from sociolab_desktop.core.domain.enums import EventType, Gender
towns = ["Maribor", "Ptuj", "Ormož", "Lenart v Slovenskih goricah", "Sveti Jurij v Slovenskih goricah", "Žetale"]
people = [AttendanceRow(f"Đurđa{n}", f"Čeh-Šuštarić{n:04d}", f"Zadruga Dobrote {towns[n % 6]}, z. o. o.")
          for n in range(rows)]
sheet = AttendanceSheetData(event_title="Usposabljanje za socialne podjetnike", event_type_label="Program usposabljanja",
    session_date=dt.date(2026, 11, 27), starts_at=dt.time(9), ends_at=dt.time(12, 30), venue="Mestna hiša, Ptuj",
    info_point="Informacijska točka Ptuj", printed_on=dt.date(2026, 11, 27), rows=tuple(people), blank_rows=20,
    session_number=2, session_count=3)
certificates = [CertificateData(person_name=f"Đurđa Čeh-Šuštarić {n}", gender=(Gender.FEMALE, Gender.MALE, None)[n % 3],
    event_title="Usposabljanje za socialne podjetnike: od ideje do zagona", event_type=EventType.TRAINING_PROGRAMME,
    first_day=dt.date(2026, 3, 3), last_day=dt.date(2026, 3, 17), hours_attended=22.5, programme_hours=24,
    organiser="Informacijska točka Ptuj", place="Ptuj", issued_on=dt.date(2026, 3, 20), number=f"SL-{n:08d}",
    signatory_name="mag. Marjeta Žagar", signatory_role="vodja informacijske točke",
    language=("sl", "en", "both")[n % 3], event_title_en="Training for social entrepreneurs") for n in range(count)]
first_sheet = build_attendance_sheet(sheet)
first_sheet_seconds = time.perf_counter() - started
tick = time.perf_counter(); sheet_result = build_attendance_sheet(sheet); sheet_seconds = time.perf_counter() - tick
tick = time.perf_counter(); certificate_result = build_certificates(certificates)
certificate_seconds = time.perf_counter() - tick

import io
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from sociolab_desktop.core.documents.fonts import BOLD, FAMILY, register_fonts
register_fonts()
tick = time.perf_counter()
data = [["No.", "Name and surname", "Organisation or municipality", "Signature"]]
data += [[f"{n}.", row.full_name, row.organisation, ""] for n, row in enumerate(people, 1)]
data += [[f"{n}.", "", "", ""] for n in range(rows + 1, rows + 21)]
table = Table(data, colWidths=[12 * mm, 59 * mm, 55 * mm, 52 * mm], repeatRows=1)
table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY), ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                           ("TOPPADDING", (0, 1), (-1, -1), 8.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 8.5),
                           ("GRID", (0, 0), (-1, -1), 0.5, "grey")]))
buffer = io.BytesIO()
SimpleDocTemplate(buffer, pagesize=A4).build([table])
bare_sheet_seconds = time.perf_counter() - tick
tick = time.perf_counter()
buffer = io.BytesIO()
canvas = Canvas(buffer, pagesize=landscape(A4))
width, height = landscape(A4)
for item in certificates:
    canvas.setFont(BOLD, 34); canvas.drawCentredString(width / 2, height - 60 * mm, "POTRDILO")
    canvas.setFont(FAMILY, 12); canvas.drawCentredString(width / 2, height - 80 * mm, "Potrjujemo, da je")
    canvas.setFont(BOLD, 28); canvas.drawCentredString(width / 2, height - 95 * mm, item.person_name)
    canvas.setFont(FAMILY, 12); canvas.drawCentredString(width / 2, height - 105 * mm, "uspešno zaključila usposabljanje")
    canvas.setFont(BOLD, 16); canvas.drawCentredString(width / 2, height - 117 * mm, item.event_title)
    canvas.setFont(FAMILY, 10); canvas.drawString(20 * mm, 30 * mm, f"{item.place}, 20. marec 2026")
    canvas.drawString(200 * mm, 30 * mm, item.signatory_name); canvas.drawString(120 * mm, 20 * mm, item.number)
    canvas.showPage()
canvas.save()
bare_certificate_seconds = time.perf_counter() - tick
print(json.dumps({"first_sheet": first_sheet_seconds, "sheet": sheet_seconds, "sheet_pages": sheet_result.pages,
                  "sheet_size": len(sheet_result.pdf), "bare_sheet": bare_sheet_seconds,
                  "certificates": certificate_seconds, "certificate_pages": certificate_result.pages,
                  "certificate_size": len(certificate_result.pdf), "bare_certificates": bare_certificate_seconds}))
"""


def _batches(rows: int, certificates: int, runs: int) -> None:
    results = [json.loads(subprocess.run([sys.executable, "-c", BATCHES, str(rows), str(certificates)],
                                         capture_output=True, text=True, check=True).stdout) for _ in range(runs)]

    def median(key: str) -> float:
        return statistics.median(result[key] for result in results)

    last = results[-1]
    sheet, bare_sheet = median("sheet"), median("bare_sheet")
    print(f"attendance sheet, {rows} rows + 20 blank ({last['sheet_pages']} pages, {last['sheet_size'] / 1024:.0f} KiB): "
          f"{sheet * 1000:.0f} ms; first in a fresh process {median('first_sheet') * 1000:.0f} ms; "
          f"bare ReportLab {bare_sheet * 1000:.0f} ms; ratio {sheet / bare_sheet:.1f}x (median of {runs})")
    batch, bare_batch = median("certificates"), median("bare_certificates")
    print(f"{certificates} certificates ({last['certificate_pages']} pages, {last['certificate_size'] / 1024:.0f} KiB): "
          f"{batch * 1000:.0f} ms ({batch / certificates * 1000:.1f} ms each); bare ReportLab "
          f"{bare_batch * 1000:.0f} ms; ratio {batch / bare_batch:.1f}x (median of {runs})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=500, help="registered persons on the attendance sheet")
    parser.add_argument("--certificates", type=int, default=200)
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
    _batches(args.rows, args.certificates, args.runs)


if __name__ == "__main__":
    main()
