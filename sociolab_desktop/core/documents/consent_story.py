"""The wording and layout of the consent form (ReportLab: imported only when a form is built)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from sociolab_desktop.core.documents.base import DocumentInfo, frame_width, render_document, text
from sociolab_desktop.core.documents.branding import Branding
from sociolab_desktop.core.documents.consent_form import ConsentFormData
from sociolab_desktop.core.documents.flowables import TickBox, write_in_lines
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.documents.styles import RULE, Styles, document_styles, table_style
from sociolab_desktop.core.domain.enums import ConsentPurpose
from sociolab_desktop.i18n import N_, Translator

TITLE = N_("Consent to processing of personal data")

PURPOSE_TEXTS = {
    ConsentPurpose.DATA_PROCESSING: N_(
        "Taking part in the SocioLab programme and reporting to the European Social Fund: records of "
        "my contacts, trainings and mentoring, and the participant data that the European Social Fund "
        "requires."
    ),
    ConsentPurpose.NEWSLETTER: N_("Sending me news and invitations to events by e-mail (newsletter)."),
    ConsentPurpose.PHOTOGRAPHS: N_(
        "Taking photographs and video recordings at events on which I may be recognisable, and "
        "publishing them to present the programme."
    ),
}

INFORMATION_HEADING = N_("Information on the processing of your personal data")
INFORMATION = (
    N_("Your data are used only for the purposes ticked above and are passed on only to the bodies "
       "that manage, fund and audit the programme."),
    N_("Your data are kept until the reporting and audit obligations of the European Social Fund "
       "operation have ended, and are erased after that."),
    N_("You may at any time ask to see your data, have them corrected or erased, and withdraw this "
       "consent, in person at the info point or in writing to the data controller. Withdrawing "
       "consent does not affect processing carried out before it. You may also lodge a complaint "
       "with the Information Commissioner of the Republic of Slovenia."),
    N_("Giving consent is voluntary. Without consent to the first purpose, the info point cannot "
       "include you in the programme's trainings and mentoring."),
)


def consent_document(data: ConsentFormData, tr: Translator, branding: Branding) -> DocumentResult:
    styles = document_styles()
    info = DocumentInfo(title=tr.gettext(TITLE), issuer=data.info_point, printed_on=data.printed_on)
    story = [
        _person(data, tr, styles),
        *_purposes(data, tr, styles),
        *_information(data, tr, styles),
        *_signature(data, tr, styles),
    ]
    return render_document(story, info, tr, branding)


def _person(data: ConsentFormData, tr: Translator, styles: Styles) -> Table:
    rows = [(N_("Name and surname"), Paragraph(text(data.person_name), styles.body_bold))]
    if data.date_of_birth:
        rows.append((N_("Date of birth"), Paragraph(text(tr.format_date(data.date_of_birth)), styles.body)))
    if data.address and data.address.strip():
        rows.append((N_("Address"), Paragraph(text(data.address.strip()), styles.body)))
    rows.append((N_("Info point"), Paragraph(text(data.info_point), styles.body)))
    label_width = 42 * mm
    table = Table(
        [[Paragraph(text(tr.gettext(label)), styles.label), value] for label, value in rows],
        colWidths=[label_width, frame_width() - label_width],
    )
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (0, -1), 6.5),  # the smaller label shares the value's baseline
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (1, 0), (1, -1), 0.5, RULE),
    ))
    return table


def _purposes(data: ConsentFormData, tr: Translator, styles: Styles) -> list:
    intro = tr.gettext(N_("I agree that {controller} processes my personal data for the purposes I have "
                          "ticked below:")).format(controller=data.controller)
    box_width = 9 * mm
    rows = [
        [TickBox(purpose in data.ticked), Paragraph(text(tr.gettext(PURPOSE_TEXTS[purpose])), styles.body)]
        for purpose in data.purposes
    ]
    table = Table(rows, colWidths=[box_width, frame_width() - box_width])
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (0, -1), 2.5),  # the box sits level with the first line of text
        ("TOPPADDING", (1, 0), (1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ))
    return [Spacer(0, 8 * mm), Paragraph(text(intro), styles.body_bold), Spacer(0, 1 * mm), table]


def _information(data: ConsentFormData, tr: Translator, styles: Styles) -> list:
    def lead(label: str, value: str) -> Paragraph:
        return Paragraph(f"<b>{text(tr.gettext(label))}</b> {text(value)}", styles.body)

    story = [Spacer(0, 4 * mm), Paragraph(text(tr.gettext(INFORMATION_HEADING)), styles.heading),
             lead(N_("Data controller:"), data.controller)]
    if data.controller_contact:
        story.append(lead(N_("Contact for questions about your data:"), data.controller_contact))
    story.extend(Paragraph(text(tr.gettext(message)), styles.body) for message in INFORMATION)
    return story


def _signature(data: ConsentFormData, tr: Translator, styles: Styles) -> list:
    declaration = N_("With my signature I confirm that I have read this information and give my consent "
                     "for the purposes ticked above.")
    signed_on = tr.format_date(data.signed_on, "numeric") if data.signed_on else ""
    lines = write_in_lines(
        [
            (text(data.place or ""), text(tr.gettext(N_("Place")))),
            (text(signed_on), text(tr.gettext(N_("Date")))),
            ("", text(tr.gettext(N_("Signature")))),
        ],
        frame_width(), styles, shares=[0.3, 0.22, 0.48],
    )
    version = tr.gettext(N_("Consent text version {version}")).format(version=data.text_version)
    # The declaration, the lines and the version never part across a page break.
    return [KeepTogether([
        Spacer(0, 4 * mm), Paragraph(text(tr.gettext(declaration)), styles.body_bold), lines,
        Spacer(0, 6 * mm), Paragraph(text(version), styles.small),
    ])]
