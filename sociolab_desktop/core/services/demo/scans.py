"""Stand-ins for scanned signed papers: a one-page PDF per attachment, stored by content hash.

Attachments are written only when the generator is given a folder for them; without one the demo
has no attachment rows, so no record ever points at a file that is not there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services.demo.context import DemoContext, ljubljana_to_utc
from sociolab_desktop.core.store.models import Attachment

MEDIA_TYPE = "application/pdf"


def attach(ctx: DemoContext, owner_table: str, owner_id: str, file_name: str,
           lines: Sequence[str], day: dt.date) -> str | None:
    """Write the stand-in scan and add its attachment row; returns its key (None: no folder)."""
    if ctx.attachments_dir is None:
        return None
    content = placeholder_pdf(("DEMO - skenirani podpisani dokument", *lines))
    sha256 = hashlib.sha256(content).hexdigest()
    ctx.attachments_dir.mkdir(parents=True, exist_ok=True)
    path = ctx.attachments_dir / sha256
    if not path.exists():
        path.write_bytes(content)
    key = ctx.key("attachment", owner_table, owner_id)
    ctx.add(Attachment, {
        "id": key, "sha256": sha256, "file_name": file_name, "media_type": MEDIA_TYPE,
        "size_bytes": len(content), "owner_table": owner_table, "owner_id": owner_id,
        "description": "Demo: nadomestek skena podpisanega dokumenta",
    }, ljubljana_to_utc(day, 18))
    return key


def placeholder_pdf(lines: Sequence[str]) -> bytes:
    """A valid one-page PDF showing `lines` (folded to ASCII: the built-in font has no č)."""
    text_ops = ["BT", "/F1 14 Tf", "72 770 Td", "18 TL"]
    for line in lines:
        safe = fold(line).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text_ops.append(f"({safe}) Tj T*")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("ascii", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
