"""Signed sheets back in, attendance sheets and certificates from the event window: the scan
(a PDF made here) completes the session's evidence and a .txt is refused; the printed sheet and
certificates are read back with pypdf."""

from __future__ import annotations

from events_helpers import click, pdf_pages, pdf_text, question, show
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sociolab_desktop.core.services.events import certificates as ce
from sociolab_desktop.core.services.events import evidence as evs
from sociolab_desktop.ui import document_output
from sociolab_desktop.ui.events import evidence, print_dialogs
from sociolab_desktop.ui.events.certificate_dialog import CertificatesDialog
from sociolab_desktop.ui.events.event_tables import S_EVIDENCE
from sociolab_desktop.ui.events.event_window import EventWindow
from sociolab_desktop.ui.events.print_dialogs import AttendanceSheetDialog


def _window(qtbot, ctx, event_id) -> EventWindow:
    window = show(qtbot, EventWindow(ctx, event_id))
    qtbot.waitUntil(lambda: window.view is not None)
    return window


def _scan(path):
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    drawing.drawString(72, 720, "Lista prisotnosti - podpisana")
    drawing.save()
    return path


def test_an_attached_scan_completes_the_sessions_evidence(qtbot, ctx, event_kit, workspace, tmp_path, monkeypatch):
    event_id, sessions = event_kit.event()
    scan = _scan(tmp_path / "podpisana lista.pdf")
    monkeypatch.setattr(evidence, "choose_evidence_file", lambda _parent, _tr: str(scan))
    window = _window(qtbot, ctx, event_id)
    missing = window.sessions_table.evidence_text(0)
    assert missing == ctx.tr.gettext("✘ missing")
    assert not window.buttons["scans"].isEnabled()
    window.sessions_table.setCurrentCell(0, 0)
    window.buttons["attach"].click()
    notice = question(qtbot, window)
    assert "podpisana lista.pdf" in notice.text()
    click(notice, ctx.tr.gettext("Close"))
    qtbot.waitUntil(lambda: window.sessions_table.evidence_text(0) != missing)
    assert window.sessions_table.evidence_text(0).startswith("✔")
    assert window.sessions_table.evidence_text(1) == missing  # the other session still needs its sheet
    [stored] = evs.list_evidence(workspace.store, sessions[0])
    assert stored.file_name == "podpisana lista.pdf" and stored.media_type == "application/pdf"
    opened = []
    monkeypatch.setattr(document_output, "open_file", opened.append)
    window.sessions_table.setCurrentCell(0, 0)
    window.buttons["scans"].click()
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0].name == "podpisana lista.pdf" and opened[0].read_bytes() == scan.read_bytes()


def test_a_text_file_is_refused_as_a_signed_sheet(qtbot, ctx, event_kit, workspace, tmp_path, monkeypatch):
    event_id, sessions = event_kit.event()
    note = tmp_path / "seznam.txt"
    note.write_text("Ana Čeh, Boris Zupan\n", encoding="utf-8")
    monkeypatch.setattr(evidence, "choose_evidence_file", lambda _parent, _tr: str(note))
    window = _window(qtbot, ctx, event_id)
    window.sessions_table.setCurrentCell(1, 0)
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    box = question(qtbot, window)
    assert "seznam.txt" in box.text() and "PDF" in box.text()
    click(box, ctx.tr.gettext("Close"))
    assert evs.list_evidence(workspace.store, sessions[1]) == []
    assert window.sessions_table.item(1, S_EVIDENCE).text() == ctx.tr.gettext("✘ missing")


def _with_people(event_kit, event_id) -> dict[str, str]:
    people = {}
    for first, last in (("Žan", "Zupan"), ("Ana", "Čeh"), ("Cene", "Cvetko"), ("Špela", "Šuštar")):
        people[last] = event_kit.person(first, last)
        event_kit.register(event_id, people[last])
    return people


def test_the_printed_sheet_lists_the_registered_in_slovenian_order_then_blank_rows(
        qtbot, ctx, event_kit, tmp_path, monkeypatch):
    event_id, _ = event_kit.event("Usposabljanje za socialne podjetnike")
    _with_people(event_kit, event_id)
    target = tmp_path / "lista"
    monkeypatch.setattr(document_output, "choose_save_path", lambda *_args: str(target))
    opened = []
    monkeypatch.setattr(document_output, "open_file", opened.append)
    window = _window(qtbot, ctx, event_id)
    window.sessions_table.setCurrentCell(1, 0)
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(window.dialogs))
    dialog = window.dialogs[-1]
    assert isinstance(dialog, AttendanceSheetDialog)
    assert dialog.session_combo.currentIndex() == 1  # the session chosen in the window
    dialog.blank_spin.setValue(3)
    dialog.save_button.click()
    offer = question(qtbot, window)
    written = tmp_path / "lista.pdf"  # ".pdf" added
    assert str(written) in offer.text()
    click(offer, ctx.tr.gettext("Open it"))
    assert opened == [written]
    text = pdf_text(written)
    order = [text.index(name) for name in ("Cene Cvetko", "Ana Čeh", "Špela Šuštar", "Žan Zupan")]
    assert order == sorted(order)  # č after c, š after s, before z
    assert "Usposabljanje za socialne podjetnike" in text
    lines = [line.strip() for line in text.splitlines()]
    assert [line for line in lines if line in {f"{n}." for n in range(1, 10)}] == [
        "1.", "2.", "3.", "4.", "5.", "6.", "7."]  # three blank numbered rows after the four names


def test_the_sheet_dialog_names_a_session_by_its_number_not_a_number_before_the_date(qtbot, ctx, event_kit):
    import datetime as dt

    from sociolab_desktop.core.services.events import sessions as se

    event_id, _ = event_kit.event("Usposabljanje za socialne podjetnike", sessions=1)
    se.add_session(event_kit.store, event_kit.actor, event_id, se.SessionInput(
        dt.date(2026, 12, 4), dt.time(9), dt.time(12), title="Pravne oblike"))
    window = _window(qtbot, ctx, event_id)
    dialog = window.print_attendance_sheet()

    # "2. 4. 12. 2026" read like a broken date: the number is the translator's words now.
    second = dialog.session_combo.itemText(1)
    assert second == ctx.tr.gettext("Session {number} · {date}, {time}").format(
        number="2", date="4. 12. 2026", time="09:00–12:00") + " · Pravne oblike"
    assert not second.startswith("2. ")
    ctx.set_language("en", save=False)
    assert dialog.session_combo.itemText(0) == "Session 1 · 27/11/2026, 09:00–12:00"
    assert dialog.session_combo.itemText(1) == "Session 2 · 04/12/2026, 09:00–12:00 · Pravne oblike"


def test_an_empty_sheet_for_a_fair_has_no_names(qtbot, ctx, event_kit, tmp_path, monkeypatch):
    event_id, _ = event_kit.event("Sejem socialne ekonomije", sessions=1, event_type="fair")
    _with_people(event_kit, event_id)
    monkeypatch.setattr(document_output, "choose_save_path", lambda *_args: str(tmp_path / "sejem.pdf"))
    window = _window(qtbot, ctx, event_id)
    dialog = window.print_attendance_sheet()
    dialog.empty_check.setChecked(True)
    assert dialog.blank_spin.value() == print_dialogs.FAIR_ROWS
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.save_button.click()
    click(question(qtbot, window), ctx.tr.gettext("Close"))
    text = pdf_text(tmp_path / "sejem.pdf")
    assert "Čeh" not in text and "Zupan" not in text
    assert "Attendance list" in text and f"{print_dialogs.FAIR_ROWS}." in text


def test_certificates_are_offered_to_the_eligible_only_one_page_each(
        qtbot, ctx, event_kit, workspace, tmp_path, monkeypatch):
    event_id, sessions = event_kit.event("Usposabljanje za socialne podjetnike", title_en="Social entrepreneurs")
    people = _with_people(event_kit, event_id)
    for last in ("Čeh", "Zupan"):  # both sessions: 6 of 6 hours
        for session_id in sessions:
            event_kit.check_in(session_id, people[last])
    event_kit.check_in(sessions[0], people["Cvetko"])  # 3 of 6 hours: below 80 %
    monkeypatch.setattr(document_output, "choose_save_path", lambda *_args: str(tmp_path / "potrdila.pdf"))
    window = _window(qtbot, ctx, event_id)
    window.buttons["certificates"].click()
    dialog = window.dialogs[-1]
    assert isinstance(dialog, CertificatesDialog)
    qtbot.waitUntil(lambda: dialog.eligibility is not None)
    assert dialog.offered() == [people["Čeh"], people["Zupan"]]
    assert dialog.table.item(0, 0).text() == "Čeh Ana"
    assert "2" in dialog.below_label.text()  # Cvetko and Šuštar are below the rule
    dialog.place_edit.setText("")
    dialog.save_button.click()
    assert dialog.place_box.error  # the place of issue is needed
    dialog.place_edit.setText("Maribor")
    dialog.signatory_edit.setText("Mojca Žagar")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("both"))
    dialog.save_button.click()
    click(question(qtbot, window), ctx.tr.gettext("Close"))
    written = tmp_path / "potrdila.pdf"
    assert pdf_pages(written) == 2
    text = pdf_text(written)
    assert "Ana Čeh" in text and "Žan Zupan" in text and "Cvetko" not in text
    numbers = {row.person_id: row.certificate_number for row in ce.certificate_eligibility(
        workspace.store, event_id).rows}
    assert numbers[people["Čeh"]] and numbers[people["Čeh"]] in text
    assert numbers[people["Cvetko"]] is None
    assert ctx.settings.certificate_place == "Maribor"  # remembered for next time
    assert ctx.settings.certificate_signatory == "Mojca Žagar"


def test_printing_a_sheet_of_an_event_without_sessions_says_what_to_do(qtbot, ctx, event_kit):
    event_id, _ = event_kit.event("Sejem socialne ekonomije", sessions=0, event_type="fair")
    window = _window(qtbot, ctx, event_id)
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    box = question(qtbot, window)
    assert "Sejem socialne ekonomije" in box.text()
    assert not window.dialogs  # no print dialog for nothing
    click(box, ctx.tr.gettext("Close"))


def test_certificates_one_pdf_per_person_keep_their_numbers_when_printed_again(
        qtbot, ctx, event_kit, workspace, tmp_path, monkeypatch):
    event_id, sessions = event_kit.event("Usposabljanje za socialne podjetnike")
    people = _with_people(event_kit, event_id)
    for session_id in sessions:
        event_kit.check_in(session_id, people["Šuštar"])
    folder = tmp_path / "potrdila"
    folder.mkdir()
    monkeypatch.setattr(document_output, "choose_folder", lambda *_args: str(folder))
    window = _window(qtbot, ctx, event_id)
    numbers = []
    for _round in range(2):
        dialog = window.print_certificates()
        qtbot.waitUntil(lambda dialog=dialog: dialog.eligibility is not None)
        assert dialog.offered() == [people["Šuštar"]]
        dialog.place_edit.setText("Ptuj")
        dialog.output_combo.setCurrentIndex(1)
        dialog.save_button.click()
        click(question(qtbot, window), ctx.tr.gettext("Close"))
        [written] = sorted(folder.glob("*.pdf"))
        assert pdf_pages(written) == 1 and "Špela Šuštar" in pdf_text(written)
        numbers.append(written.name)
    assert numbers[0] == numbers[1]  # the same number (and file) the second time
