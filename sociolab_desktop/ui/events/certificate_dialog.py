"""Certificates for an event: only the persons who meet its rule are offered (with their hours),
in each person's language, a chosen one or both; one PDF for all or one per person."""

from __future__ import annotations

import logging
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import DOCUMENT_LANGUAGES, title_in
from sociolab_desktop.core.domain.labels import label as choice_label
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui import document_output
from sociolab_desktop.ui.document_output import PrintDialog, file_name_part, pdf_path
from sociolab_desktop.ui.events.print_jobs import (
    CertificateSigning,
    Printed,
    print_certificates,
)
from sociolab_desktop.ui.forms.field_marks import FieldBox
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.labels import mute

log = logging.getLogger(__name__)
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (N_("Surname and name"), N_("Hours attended"), N_("Sessions"), N_("Language"), N_("Certificate No."))
LANGUAGE_CHOICES = (None, "sl", "en", "both")  # None: each person's preferred language
ONE_FILE, PER_PERSON = range(2)


class CertificatesDialog(PrintDialog):
    issued = Signal()  # certificates were issued (their numbers are now on record)

    def __init__(self, ctx: ShellContext, detail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificatesDialog")
        self._init_printing(ctx)
        self.detail = detail  # events.EventDetail
        self.eligibility = None
        self.last_printed: Printed | None = None
        self.rule_label = QLabel(objectName="certificateRule", wordWrap=True)
        self.table = QTableWidget(0, len(COLUMNS), objectName="certificatePersons")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.below_label = QLabel(objectName="certificateBelow", wordWrap=True)
        mute(self.below_label)
        self.all_button = QPushButton(objectName="certificateAll", autoDefault=False)
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button = QPushButton(objectName="certificateNone", autoDefault=False)
        self.none_button.clicked.connect(lambda: self._check_all(False))
        self.language_combo = QComboBox(objectName="certificateLanguage")
        for code in LANGUAGE_CHOICES:
            self.language_combo.addItem("", code)
        self.output_combo = QComboBox(objectName="certificateOutput")
        self.output_combo.addItems(["", ""])
        settings = ctx.settings
        self.place_edit = QLineEdit(settings.certificate_place or "", objectName="certificatePlace", maxLength=100)
        self.signatory_edit = QLineEdit(settings.certificate_signatory or "", objectName="certificateSignatory",
                                        maxLength=100)
        self.role_edit = QLineEdit(settings.certificate_signatory_role or "", objectName="certificateRole",
                                   maxLength=100)
        self.place_box = FieldBox(self.place_edit)
        editors = (self.language_combo, self.output_combo, self.place_box, self.signatory_edit, self.role_edit)
        self.labels = [QLabel(buddy=editor) for editor in editors]
        self.save_button.setEnabled(False)
        self._build_layout(editors)
        self.retranslate(ctx.tr)
        store, event_id = ctx.workspace.store, detail.id
        from sociolab_desktop.core.services.events.certificates import (
            certificate_eligibility,
        )

        ctx.operations.run(lambda: certificate_eligibility(store, event_id), on_success=self._on_loaded, owner=self)

    def _build_layout(self, editors) -> None:
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.below_label, 1)
        choose_row.addWidget(self.all_button)
        choose_row.addWidget(self.none_button)
        form = QFormLayout()
        for label, editor in zip(self.labels, editors, strict=True):
            form.addRow(label, editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(choose_row)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        chain = [self.table, self.all_button, self.none_button, self.language_combo, self.output_combo,
                 self.place_edit, self.signatory_edit, self.role_edit, self.save_button, self.cancel_button]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)
        self.resize(720, 600)

    # --- who ------------------------------------------------------------------------------

    def _on_loaded(self, eligibility) -> None:
        self.eligibility = eligibility
        tr = self.ctx.tr
        eligible = eligibility.eligible
        self.table.setRowCount(len(eligible))
        for row, person in enumerate(eligible):
            name = QTableWidgetItem(f"{person.last_name} {person.first_name}".strip())
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked)
            name.setData(PERSON_ROLE, person.person_id)
            self.table.setItem(row, 0, name)
            cells = (tr.gettext("{attended} of {total}").format(attended=tr.format_hours(person.hours_attended),
                                                                 total=tr.format_hours(eligibility.total_hours)),
                     tr.format_number(person.sessions_attended),
                     choice_label(tr, DOCUMENT_LANGUAGES, person.preferred_language),
                     person.certificate_number or tr.gettext("not issued yet"))
            for column, text in enumerate(cells, start=1):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if eligible:
            self.table.setCurrentCell(0, 0)
        self.save_button.setEnabled(bool(eligible))
        self._show_rule(tr)
        self.table.setFocus()

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            self.table.item(row, 0).setCheckState(state)

    def offered(self) -> list[str]:
        """The person ids listed (those who meet the rule), in the list's order."""
        return [self.table.item(row, 0).data(PERSON_ROLE) for row in range(self.table.rowCount())]

    def chosen(self) -> list[str]:
        return [self.table.item(row, 0).data(PERSON_ROLE) for row in range(self.table.rowCount())
                if self.table.item(row, 0).checkState() == Qt.CheckState.Checked]

    # --- printing --------------------------------------------------------------------------

    def accept(self) -> None:
        if self.busy or self.eligibility is None:
            return
        tr = self.ctx.tr
        self.error.clear_error()
        self.place_box.clear_error()
        chosen = self.chosen()
        if not chosen:
            self.error.show_text(tr.gettext("Tick at least one person to print a certificate for."))
            self.table.setFocus()
            return
        place = self.place_edit.text().strip()
        if not place:
            self.place_box.show_error(tr.gettext("Type the place of issue, e.g. Maribor."))
            self.place_edit.setFocus()
            return
        per_person = self.output_combo.currentIndex() == PER_PERSON
        title = title_in(tr.language, self.detail.title_sl, self.detail.title_en)
        if per_person:
            target = document_output.choose_folder(self, tr, tr.gettext("Choose the folder for the certificates"))
        else:
            suggested = "{name}-{title}.pdf".format(name=tr.gettext("certificates"), title=file_name_part(title, 40))
            target = document_output.choose_save_path(self, tr, tr.gettext("Save the certificates"), suggested)
        if not target:
            return
        from pathlib import Path

        from sociolab_desktop.branding_settings import branding_from_settings

        signing = CertificateSigning(place, self.signatory_edit.text().strip(), self.role_edit.text().strip())
        settings = self.ctx.settings
        settings.certificate_place, settings.certificate_signatory = place, signing.signatory_name or None
        settings.certificate_signatory_role = signing.signatory_role or None
        self.ctx.save_settings()
        store, actor, event_id = self.ctx.workspace.store, self.ctx.workspace.actor, self.detail.id
        language, info_point = self.language_combo.currentData(), settings.site_name or ""
        branding = branding_from_settings(self.ctx.paths, settings)
        path = Path(target) if per_person else pdf_path(target)
        log.info("Printing %d certificate(s) of event %s", len(chosen), event_id)
        self.write_off_thread(
            lambda: print_certificates(store, actor, event_id, chosen, language=language, signing=signing,
                                       info_point=info_point, branding=branding, target=path, per_person=per_person),
            self._on_printed)

    def _on_printed(self, printed: Printed) -> None:
        self.last_printed = printed
        tr = self.ctx.tr
        self.issued.emit()
        count = len(self.chosen())
        if len(printed.paths) == 1:
            text = tr.ngettext("{count} certificate was saved as {path}.", "{count} certificates were saved as {path}.",
                               count).format(count=count, path=str(printed.paths[0]))
        else:
            text = tr.ngettext("{count} certificate was saved in {path}.", "{count} certificates were saved in {path}.",
                               count).format(count=count, path=str(printed.paths[0].parent))
        self.finish(printed.paths, text, printed.warnings)

    # --- words -----------------------------------------------------------------------------

    def _show_rule(self, tr: Translator) -> None:
        report = self.eligibility
        if report is None:
            self.rule_label.setText(tr.gettext("Reading who meets the rule…"))
            return
        self.rule_label.setText(tr.gettext(
            "A certificate needs at least {required} of the event's {total} ({percent}). These persons meet the "
            "rule; untick those who should not get one now.").format(
            required=tr.format_hours(report.required_hours), total=tr.format_hours(report.total_hours),
            percent=tr.format_percent(report.min_percent / 100, whole=False)))
        below = len(report.rows) - len(report.eligible)
        below_text = tr.ngettext(
            "{count} registered person is below the rule and gets no certificate.",
            "{count} registered persons are below the rule and get no certificate.", below).format(
            count=tr.format_number(below))
        self.below_label.setText(below_text if below else "")
        self.below_label.setToolTip("\n".join(
            f"{row.full_name}: {tr.format_hours(row.hours_attended)}" for row in report.rows if not row.eligible))
        if not report.eligible:
            self.error.show_text(tr.gettext("Nobody meets the certificate rule yet: check people in at the door "
                                            "first, or lower the rule in Edit event."))

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Certificates: {title}").format(
            title=title_in(tr.language, self.detail.title_sl, self.detail.title_en)))
        self.table.setHorizontalHeaderLabels([_(text) for text in COLUMNS])
        self.all_button.setText(_("Tick all"))
        self.none_button.setText(_("Untick all"))
        for row, code in enumerate(LANGUAGE_CHOICES):
            self.language_combo.setItemText(row, _("Each person's preferred language") if code is None
                                            else choice_label(tr, DOCUMENT_LANGUAGES, code))
        self.output_combo.setItemText(ONE_FILE, _("One PDF for everyone (to print at once)"))
        self.output_combo.setItemText(PER_PERSON, _("One PDF per person (e.g. to send by e-mail)"))
        for label, text in zip(self.labels, (_("Language:"), _("Save as:"), _("Place of issue:"), _("Signed by:"),
                                             _("Signatory's role:")), strict=True):
            label.setText(text)
        self.role_edit.setPlaceholderText(_("e.g. head of the info point"))
        self.language_combo.setToolTip(_("The language the certificates are printed in: each person's own from "
                                         "their record, one for everyone, or Slovenian and English together."))
        self.save_button.setText(_("Issue and save PDF…"))
        self.save_button.setToolTip(_("Gives each ticked person a certificate number (anyone who had one keeps it) "
                                      "and saves the certificates as one PDF or one PDF per person."))
        self.cancel_button.setText(_("Cancel"))
        self._show_rule(tr)
