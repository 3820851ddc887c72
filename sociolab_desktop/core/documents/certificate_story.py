"""The wording and layout of certificates (ReportLab: imported only when one is built).

Slovenian puts a person's gender into the past tense ("je zaključila" / "je zaključil"). When the
person's record says female or male, the certificate says "Potrjujemo, da je Ana Novak uspešno
zaključila usposabljanje", as a Slovenian office would print it. When the gender is non-binary or
unknown, it does not guess and does not print the form-letter "zaključil/-a" on a certificate
that is framed and kept: it uses the equally usual award wording that names no gender, "Potrdilo
prejme Ana Novak za uspešno zaključeno usposabljanje" ("This certificate is awarded to ... for
...").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, KeepInFrame, PageBreak, Paragraph, Spacer, Table

from sociolab_desktop.core.documents.base import (
    LANDSCAPE,
    DocumentInfo,
    NextPageLanguages,
    frame_width,
    render_document,
    text,
)
from sociolab_desktop.core.documents.branding import Branding
from sociolab_desktop.core.documents.certificate import BOTH, COMPLETION_EVENTS, CertificateData
from sociolab_desktop.core.documents.fonts import BOLD
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.documents.styles import INK, MUTED, RULE, document_styles, table_style
from sociolab_desktop.core.domain.enums import Gender
from sociolab_desktop.i18n import N_, Translator

TITLE = N_("Certificate")
SUBTITLE = {
    True: N_("of successful completion of training"),
    False: N_("of attendance"),
}
LEAD_IN = N_("This is to certify that")
NEUTRAL_LEAD_IN = N_("This certificate is awarded to")
# (gender, completion event) -> the words after the name. The same English sentence is told apart
# by context, because Slovenian spells it per gender ("zaključila" / "zaključil").
GENDERED_FOLLOW_UP = {
    (Gender.FEMALE, True): lambda tr: tr.pgettext("female", "has successfully completed the training"),
    (Gender.MALE, True): lambda tr: tr.pgettext("male", "has successfully completed the training"),
    (Gender.FEMALE, False): lambda tr: tr.pgettext("female", "took part in the event"),
    (Gender.MALE, False): lambda tr: tr.pgettext("male", "took part in the event"),
}
NEUTRAL_COMPLETED = N_("for successfully completing the training")
NEUTRAL_ATTENDED = N_("for taking part in the event")
HOURS_OF_TOTAL = N_("{attended} of {total}")
CERTIFICATE_NUMBER = N_("Certificate No.")
PLACE_AND_DATE = N_("Place and date of issue")
DATE_OF_ISSUE = N_("Date of issue")  # when no place of issue is known
SIGNATURE_AND_STAMP = N_("Signature and stamp")  # under the signature line when no signatory is set

_QR_SIZE = 20 * mm
_NAME_SIZES = (28, 17)  # the name shrinks from the first size to fit one line, and wraps below it


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    title_second: ParagraphStyle
    subtitle: ParagraphStyle
    subtitle_second: ParagraphStyle
    lead: ParagraphStyle
    lead_second: ParagraphStyle
    name: ParagraphStyle
    event: ParagraphStyle
    event_second: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    signatory: ParagraphStyle
    small: ParagraphStyle


@lru_cache(maxsize=1)
def _styles() -> _Styles:
    body = ParagraphStyle("certificate", parent=document_styles().body, alignment=TA_CENTER, spaceAfter=0)
    second = {"textColor": MUTED}
    return _Styles(
        title=ParagraphStyle("c_title", parent=body, fontName=BOLD, fontSize=34, leading=40),
        title_second=ParagraphStyle("c_title2", parent=body, fontName=BOLD, fontSize=15, leading=19, **second),
        subtitle=ParagraphStyle("c_subtitle", parent=body, fontSize=13, leading=17),
        subtitle_second=ParagraphStyle("c_subtitle2", parent=body, fontSize=10, leading=13, **second),
        lead=ParagraphStyle("c_lead", parent=body, fontSize=12, leading=16),
        lead_second=ParagraphStyle("c_lead2", parent=body, fontSize=9.5, leading=12, **second),
        name=ParagraphStyle("c_name", parent=body, fontName=BOLD, fontSize=_NAME_SIZES[0],
                            leading=_NAME_SIZES[0] * 1.25, textColor=INK),
        event=ParagraphStyle("c_event", parent=body, fontName=BOLD, fontSize=16, leading=20.5),
        event_second=ParagraphStyle("c_event2", parent=body, fontName=BOLD, fontSize=11.5, leading=15, **second),
        label=ParagraphStyle("c_label", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        value=ParagraphStyle("c_value", parent=body, fontSize=11, leading=14),
        signatory=ParagraphStyle("c_signatory", parent=body, fontName=BOLD, fontSize=10.5, leading=13.5),
        small=ParagraphStyle("c_small", parent=body, fontSize=8, leading=10, textColor=MUTED),
    )


def certificates_document(items: list[CertificateData], branding: Branding) -> DocumentResult:
    translators = {language: Translator(language) for language in ("sl", "en")}

    def voices(item: CertificateData) -> tuple[Translator, ...]:
        return (translators["sl"], translators["en"]) if item.language == BOTH else (translators[item.language],)

    story: list[Flowable] = []
    language_sets: list[tuple[Translator, ...]] = []
    for index, item in enumerate(items):
        trs = voices(item)
        if trs not in language_sets:
            language_sets.append(trs)
        if index:
            if trs != voices(items[index - 1]):
                story.append(NextPageLanguages(trs))  # before the break: a footer is drawn as its page begins
            story.append(PageBreak())
        story.append(_CertificatePage(_main(item, trs), _bottom(item, trs)))
    first = language_sets[0][0]
    info = DocumentInfo(title=first.gettext(TITLE), issuer=items[0].organiser, printed_on=None,
                        orientation=LANDSCAPE, page_numbers=False, header_title=False)
    return render_document(story, info, first, branding, frame_languages=language_sets)


class _CertificatePage(Flowable):
    """Fills the page's frame: the signature row at the bottom, the text centred (a little above
    the middle) in the space above it, shrunk if a very long name or title would not fit, so a
    certificate never runs onto a second page."""

    _GAP = 6 * mm

    def __init__(self, main: list[Flowable], bottom: Flowable) -> None:
        super().__init__()
        self.main, self.bottom = main, bottom

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height - 0.5  # never a hair too tall
        _, self._bottom_height = self.bottom.wrapOn(self.canv, available_width, available_height)
        space = self.height - self._bottom_height - self._GAP
        self._main = KeepInFrame(available_width, space, self.main, mode="shrink", hAlign="CENTER")
        self._main_width, self._main_height = self._main.wrapOn(self.canv, available_width, space)
        return self.width, self.height

    def draw(self) -> None:
        self.bottom.drawOn(self.canv, 0, 0)
        space = self.height - self._bottom_height - self._GAP
        y = self._bottom_height + self._GAP + max(0.0, space - self._main_height) * 0.45
        self._main.drawOn(self.canv, (self.width - self._main_width) / 2, y)


def _lines(trs: tuple[Translator, ...], say: Callable[[Translator], str], style: ParagraphStyle,
           second: ParagraphStyle) -> list[Paragraph]:
    """The same words in each language: the first as `style`, the others smaller beneath."""
    return [Paragraph(text(say(tr)), style if index == 0 else second) for index, tr in enumerate(trs)]


def _both(trs: tuple[Translator, ...], message: str) -> str:
    return " / ".join(tr.gettext(message) for tr in trs)


def _main(data: CertificateData, trs: tuple[Translator, ...]) -> list[Flowable]:
    styles = _styles()
    completion = data.event_type in COMPLETION_EVENTS
    gendered = GENDERED_FOLLOW_UP.get((data.gender, completion))

    def lead_in(tr: Translator) -> str:
        return tr.gettext(LEAD_IN if gendered else NEUTRAL_LEAD_IN)

    def follow_up(tr: Translator) -> str:
        if gendered:
            return gendered(tr)
        return tr.gettext(NEUTRAL_COMPLETED if completion else NEUTRAL_ATTENDED)

    # One language leaves half the lines free: give the page more air instead of a hole.
    air = 1.0 if len(trs) > 1 else 1.6

    def gap(millimetres: float) -> Spacer:
        return Spacer(0, millimetres * air * mm)

    story: list[Flowable] = [
        *_lines(trs, lambda tr: tr.gettext(TITLE).upper(), styles.title, styles.title_second),
        gap(1),
        *_lines(trs, lambda tr: tr.gettext(SUBTITLE[completion]), styles.subtitle, styles.subtitle_second),
        gap(4),
        HRFlowable(width=45 * mm, thickness=0.8, color=RULE, hAlign="CENTER", spaceAfter=7 * air * mm),
        *_lines(trs, lead_in, styles.lead, styles.lead_second),
        gap(2.5),
        _name(data.person_name, styles),
        gap(2.5),
        *_lines(trs, follow_up, styles.lead, styles.lead_second),
        gap(3),
        Paragraph(text(data.event_title), styles.event),
    ]
    if len(trs) > 1 and data.event_title_en and data.event_title_en.strip() != data.event_title.strip():
        story.append(Paragraph(text(data.event_title_en), styles.event_second))
    story += [gap(6), _details(data, trs)]
    return story


def _name(name: str, styles: _Styles) -> Paragraph:
    """The person's name as large as fits on one line, down to a size at which it wraps."""
    style = styles.name
    width = frame_width(LANDSCAPE) * 0.9
    size = _NAME_SIZES[0]
    while size > _NAME_SIZES[1] and stringWidth(name, style.fontName, size) > width:
        size -= 1
    return Paragraph(text(name), ParagraphStyle("c_name_fitted", parent=style, fontSize=size, leading=size * 1.25))


def _details(data: CertificateData, trs: tuple[Translator, ...]) -> Table:
    """When, how many hours, and who organised it: labels above values, side by side."""
    styles, tr = _styles(), trs[0]
    if data.first_day == data.last_day:
        when_label, when = N_("Date"), _unbroken(tr.format_date(data.first_day))
    else:
        when_label = N_("Period")
        when = "{first} – {last}".format(first=_unbroken(tr.format_date(data.first_day)),
                                         last=_unbroken(tr.format_date(data.last_day)))
    hours = tr.gettext(HOURS_OF_TOTAL).format(attended=tr.format_number(round(data.hours_attended, 2)),
                                              total=tr.format_number(round(data.programme_hours, 2)))
    columns = [(when_label, when), (N_("Hours attended"), hours), (N_("Organised by"), data.organiser)]
    width = frame_width(LANDSCAPE) * 0.8
    table = Table(
        [[Paragraph(text(_both(trs, label)), styles.label) for label, _ in columns],
         [Paragraph(text(value), styles.value) for _, value in columns]],
        colWidths=[width * 0.35, width * 0.27, width * 0.38], hAlign="CENTER",
    )
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 1.5),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
    ))
    return table


def _unbroken(date: str) -> str:
    """A date whose words never part across lines ("23. / marec 2020" reads as two dates)."""
    return date.replace(" ", "\u00a0")


def _issued(data: CertificateData, tr: Translator, width: float) -> str:
    """"Place, date" on one line if it fits, else the place and then the date on a line of its own;
    only the date when no place of issue is known (a certificate does not guess a town)."""
    date = text(_unbroken(tr.format_date(data.issued_on)))
    place = data.place.strip()
    if not place:
        return date
    one_line = "{place}, {date}".format(place=place, date=tr.format_date(data.issued_on))
    style = _styles().value
    separator = " " if stringWidth(one_line, style.fontName, style.fontSize) <= width else "<br/>"
    return f"{text(place)},{separator}{date}"


def _bottom(data: CertificateData, trs: tuple[Translator, ...]) -> Table:
    """Place and date of issue on the left, the number and its QR code in the middle, the
    signature on the right: the signatory's name and role under the line, or a caption saying
    what goes there when no signatory is set."""
    styles, tr = _styles(), trs[0]
    width = frame_width(LANDSCAPE)
    padding = 6 * mm
    number = "{label} {number}".format(label=_both(trs, CERTIFICATE_NUMBER), number=data.number)
    side, middle = width * 0.36, width * 0.28
    issued_label = PLACE_AND_DATE if data.place.strip() else DATE_OF_ISSUE
    name, role = data.signatory_name.strip(), data.signatory_role.strip()
    if name:
        signatory, caption = Paragraph(text(name), styles.signatory), Paragraph(text(role), styles.label)
    else:  # the role (or what the line is for) where the name would stand, level with the left caption
        signatory, caption = Paragraph(text(role or _both(trs, SIGNATURE_AND_STAMP)), styles.label), ""
    rows = [
        [Paragraph(_issued(data, tr, side - 2 * padding), styles.value), _QrCode(data.number), ""],
        [Paragraph(text(_both(trs, issued_label)), styles.label), "", signatory],
        ["", Paragraph(text(number), styles.small), caption],
    ]
    table = Table(rows, colWidths=[side, middle, side], rowHeights=[_QR_SIZE, None, None])
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("ALIGN", (1, 0), (1, 0), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 1.5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 0.5),
        ("TOPPADDING", (0, 1), (-1, 1), 2),
        ("SPAN", (1, 0), (1, 1)),
        ("LINEBELOW", (0, 0), (0, 0), 0.6, INK),
        ("LINEBELOW", (2, 0), (2, 0), 0.6, INK),
    ))
    return table


class _QrCode(Flowable):
    """A QR code of the certificate number, with the quiet zone readers need around it.

    ReportLab's QrCodeWidget encodes the text twice and draws each run of modules as a graphics
    shape (~30 ms a certificate); this encodes once and fills one path."""

    _QUIET_ZONE = 4  # modules, as the QR standard asks

    def __init__(self, value: str, size: float = _QR_SIZE) -> None:
        super().__init__()
        code = QRCode(None, QRErrorCorrectLevel.M)
        code.addData(value)
        code.make()
        self.modules = code.modules
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        count = len(self.modules)
        box = self.width / (count + 2 * self._QUIET_ZONE)
        path = canvas.beginPath()
        for row_index, row in enumerate(self.modules):
            top = self.height - (row_index + self._QUIET_ZONE) * box
            column = 0
            for dark, run in groupby(row):
                length = len(list(run))
                if dark:
                    path.rect((column + self._QUIET_ZONE) * box, top - box, length * box, box)
                column += length
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()
