"""The page every document is printed on: A4 portrait or landscape, logos and title on top (and,
on later pages, a line saying what the pages belong to), the ESF co-financing statement, the
issuing info point, the print date and "page x of y" below.

Import this module only when printing: it loads ReportLab (~0.1 s).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ActionFlowable, BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from sociolab_desktop.core.documents.branding import NO_BRANDING, Branding
from sociolab_desktop.core.documents.fonts import register_fonts
from sociolab_desktop.core.documents.logos import Logo, load_logos
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.documents.styles import RULE, Styles, document_styles
from sociolab_desktop.i18n import N_, Translator

PORTRAIT, LANDSCAPE = "portrait", "landscape"

CO_FINANCING_STATEMENT = N_(
    "The operation is co-financed by the EU, the European Social Fund, and the Republic of Slovenia, "
    "Ministry of Labour, Family, Social Affairs and Equal Opportunities."
)
PAGE_X_OF_Y = N_("Page {page} of {pages}")
PRINTED_ON = N_("Printed on {date}")

_MARGIN_X = 16 * mm
_MARGIN_TOP = 12 * mm
_MARGIN_BOTTOM = 10 * mm
_BAND_GAP = 5 * mm  # between the header rule / footer rule and the text of the page
_LOGO_GAP = 4 * mm
_LOGOS_MAX_SHARE = 0.6  # of the frame width; the title keeps the rest
_FIRST = "-first"  # suffix of the first page's template when later pages carry a running head


@dataclass(frozen=True)
class DocumentInfo:
    """What the frame of every page says. `title` is already translated; it is also the PDF's
    title, so it must not name a person (metadata stays free of personal data)."""

    title: str
    issuer: str  # the issuing info point: printed in the footer, and the PDF's author
    printed_on: dt.date | None  # None: no print date (a certificate carries its date of issue)
    orientation: str = PORTRAIT
    page_numbers: bool = True  # False for documents whose pages stand alone (certificates)
    header_title: bool = True  # False: the header shows only the logos, centred
    # Printed under the header of every page after the first, where the body that says it is no
    # longer in sight: a loose page must still say what it belongs to (e.g. the event and session
    # of an attendance list, which the funder's auditor matches signed pages to). Plain text; its
    # first line is bold.
    running_head: str = ""


def frame_width(orientation: str = PORTRAIT) -> float:
    """The width flowables have on a page of this orientation (for tables' column widths)."""
    page_width = landscape(A4)[0] if orientation == LANDSCAPE else A4[0]
    return page_width - 2 * _MARGIN_X


def text(value: object) -> str:
    """Data or a translation made safe for a Paragraph (which reads `&` and `<` as markup)."""
    return escape(str(value)).replace("\n", "<br/>")


@dataclass
class _Band:
    """The header or footer of one page size, laid out once and drawn on every page."""

    height: float
    draw: object  # callable(canvas) -> None
    page_number_width: float = 0.0
    page_number_top: float = 0.0


class NumberedCanvas(Canvas):
    """Keeps every page until the end, so each can say how many pages there are in all."""

    def __init__(self, *args, page_numberer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._page_numberer = page_numberer
        self._saved_pages: list[dict] = []

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._page_numberer(self, self._pageNumber, total)
            super().showPage()
        super().save()


class NextPageLanguages(ActionFlowable):
    """The pages after this one print their footer in these languages (several: one statement
    each). For a batch whose documents differ in language, e.g. certificates: put it before the
    PageBreak, like ReportLab's NextPageTemplate, since a page's footer is drawn as it begins."""

    def __init__(self, translators: Sequence[Translator]) -> None:
        super().__init__(("frameLanguages", tuple(translators)))


class SocioLabDocTemplate(BaseDocTemplate):
    """Page templates "portrait" and "landscape" (switch with NextPageTemplate) sharing one
    header and footer; flowables go into the frame between them."""

    def __init__(self, target, info: DocumentInfo, tr: Translator, logos: list[Logo],
                 logo_height: float, frame_languages: Sequence[tuple[Translator, ...]] = ()) -> None:
        self.info, self.tr, self.logos, self.logo_height = info, tr, logos, logo_height
        self.styles: Styles = document_styles()
        self.page_count = 0
        # Every set of footer languages the pages will use: the body frame leaves room for the
        # tallest footer among them. The first set is the first page's.
        self._language_sets = list(frame_languages) or [(tr,)]
        self.frame_translators = self._language_sets[0]
        self._page_translators: list[tuple[Translator, ...]] = []
        family = register_fonts()
        super().__init__(
            target, pagesize=A4, leftMargin=_MARGIN_X, rightMargin=_MARGIN_X, topMargin=_MARGIN_TOP,
            bottomMargin=_MARGIN_BOTTOM, title=info.title, author=info.issuer, subject="",
            creator="SocioLab Desk", keywords=[], lang=tr.language, displayDocTitle=True,
            # The canvas' start-up font would otherwise put Helvetica into every page's resources.
            initialFontName=family, initialFontSize=10,
        )
        self._bands: dict[tuple, tuple[_Band, _Band]] = {}
        self._running_heads: dict[float, _Band] = {}  # by page width
        templates = [self._page_template(PORTRAIT, A4), self._page_template(LANDSCAPE, landscape(A4))]
        if info.orientation == LANDSCAPE:
            templates.reverse()  # the first template is the one the document starts with
        if info.running_head:
            # The first page shows its details in the body: it has no running head, and its own
            # template hands over to the usual one after it.
            first = templates[0]
            templates.insert(0, self._page_template(first.id, tuple(first.pagesize), first_page=True))
        self.addPageTemplates(templates)

    # Layout -------------------------------------------------------------------------------------

    def _page_template(self, name: str, pagesize: tuple[float, float], first_page: bool = False) -> PageTemplate:
        header = self._bands_for(pagesize)[0]
        footer = max((self._bands_for(pagesize, languages)[1] for languages in self._language_sets),
                     key=lambda band: band.height)
        running = None if first_page else self._running_head(pagesize[0])
        width, height = pagesize
        bottom = _MARGIN_BOTTOM + footer.height + _BAND_GAP
        top = height - _MARGIN_TOP - header.height - _BAND_GAP - (running.height + _BAND_GAP if running else 0)
        frame = Frame(_MARGIN_X, bottom, width - 2 * _MARGIN_X, top - bottom, id=f"{name}-body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        if first_page:
            return PageTemplate(id=name + _FIRST, frames=[frame], pagesize=pagesize, onPage=self._draw_bands,
                                autoNextPageTemplate=name)
        return PageTemplate(id=name, frames=[frame], pagesize=pagesize,
                            onPage=partial(self._draw_bands, running=running))

    def _running_head(self, page_width: float) -> _Band | None:
        """The running head's line(s) across the frame, just below the header's rule."""
        if not self.info.running_head:
            return None
        if page_width not in self._running_heads:
            usable = page_width - 2 * _MARGIN_X
            first, _, rest = self.info.running_head.partition("\n")
            markup = f"<b>{text(first)}</b>" + (f"<br/>{text(rest)}" if rest else "")
            paragraph = Paragraph(markup, self.styles.running_head)
            _, height = paragraph.wrap(usable, 40 * mm)

            def draw(canvas: Canvas, top: float) -> None:
                paragraph.drawOn(canvas, _MARGIN_X, top - height)

            self._running_heads[page_width] = _Band(height, draw)
        return self._running_heads[page_width]

    def _bands_for(self, pagesize: tuple[float, float],
                   languages: tuple[Translator, ...] | None = None) -> tuple[_Band, _Band]:
        languages = languages or self.frame_translators
        key = (pagesize, tuple(tr.language for tr in languages))
        if key not in self._bands:
            width, height = pagesize
            self._bands[key] = (self._header(width, height), self._footer(width, languages))
        return self._bands[key]

    def _header(self, page_width: float, page_height: float) -> _Band:
        usable = page_width - 2 * _MARGIN_X
        logo_height = self.logo_height if self.logos else 0
        natural = sum(logo.aspect * logo_height for logo in self.logos) + _LOGO_GAP * max(0, len(self.logos) - 1)
        # Too many or too wide logos shrink together rather than push the title off the page.
        scale = min(1.0, usable * _LOGOS_MAX_SHARE / natural) if natural else 1.0
        logo_height *= scale
        logos_width = natural * scale
        top = page_height - _MARGIN_TOP
        if not self.info.header_title:
            return self._logos_only_header(page_width, top, logo_height, logos_width, scale)
        title_width = usable - logos_width - (6 * mm if logos_width else 0)
        title = Paragraph(text(self.info.title), self._title_style(title_width, bool(self.logos)))
        _, title_height = title.wrap(title_width, page_height)
        band_height = max(logo_height, title_height)

        def draw(canvas: Canvas) -> None:
            x = _MARGIN_X
            for logo in self.logos:
                width = logo.aspect * logo_height
                canvas.drawImage(logo.image, x, top - logo_height - (band_height - logo_height) / 2,
                                 width=width, height=logo_height, mask="auto")
                x += width + _LOGO_GAP * scale
            title.drawOn(canvas, page_width - _MARGIN_X - title_width, top - (band_height + title_height) / 2)
            self._rule(canvas, top - band_height - 2 * mm, page_width)

        return _Band(band_height + 2 * mm, draw)

    def _logos_only_header(self, page_width: float, top: float, logo_height: float, logos_width: float,
                           scale: float) -> _Band:
        """Centred logos without a title or rule (a certificate names itself in its body)."""

        def draw(canvas: Canvas) -> None:
            x = (page_width - logos_width) / 2
            for logo in self.logos:
                width = logo.aspect * logo_height
                canvas.drawImage(logo.image, x, top - logo_height, width=width, height=logo_height, mask="auto")
                x += width + _LOGO_GAP * scale

        return _Band(logo_height, draw)

    def _title_style(self, width: float, beside_logos: bool) -> ParagraphStyle:
        """The largest size from 14 pt down to 11 pt at which the title fits on one line (a title
        broken before its last word looks careless); below that it wraps at 11 pt."""
        style = self.styles.title
        size = style.fontSize
        while size > 11 and stringWidth(self.info.title, style.fontName, size) > width:
            size -= 0.5
        return ParagraphStyle(
            "fitted_title", parent=style, fontSize=size, leading=size * 1.25,
            alignment=TA_RIGHT if beside_logos else TA_LEFT,
        )

    def _footer(self, page_width: float, languages: tuple[Translator, ...]) -> _Band:
        tr, styles = languages[0], self.styles
        usable = page_width - 2 * _MARGIN_X
        statements = "<br/>".join(text(language.gettext(CO_FINANCING_STATEMENT)) for language in languages)
        statement = Paragraph(statements, styles.footer_centre)
        _, statement_height = statement.wrap(usable, 100 * mm)
        issuer = Paragraph(text(self.info.issuer), styles.footer)
        printed_on = self.info.printed_on
        printed = Paragraph(
            text(tr.gettext(PRINTED_ON).format(date=tr.format_date(printed_on))) if printed_on else "",
            styles.footer_centre,
        )
        # Left, centre and right thirds; the right one is left free for "page x of y".
        _, issuer_height = issuer.wrap(usable * 0.3, 30 * mm)
        _, printed_height = printed.wrap(usable * 0.36, 30 * mm)
        line_height = max(issuer_height, printed_height)
        gap = 1.5 * mm
        band_height = line_height + gap + statement_height + gap

        def draw(canvas: Canvas) -> None:
            issuer.drawOn(canvas, _MARGIN_X, _MARGIN_BOTTOM + line_height - issuer_height)
            printed.drawOn(canvas, _MARGIN_X + usable * 0.32, _MARGIN_BOTTOM + line_height - printed_height)
            statement.drawOn(canvas, _MARGIN_X, _MARGIN_BOTTOM + line_height + gap)
            self._rule(canvas, _MARGIN_BOTTOM + band_height, page_width)

        return _Band(band_height, draw, usable * 0.28, _MARGIN_BOTTOM + line_height)

    @staticmethod
    def _rule(canvas: Canvas, y: float, page_width: float) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(_MARGIN_X, y, page_width - _MARGIN_X, y)
        canvas.restoreState()

    # Drawing ------------------------------------------------------------------------------------

    def handle_frameLanguages(self, translators: tuple[Translator, ...]) -> None:
        """Carries out NextPageLanguages."""
        self.frame_translators = translators

    def _draw_bands(self, canvas: Canvas, doc: BaseDocTemplate, running: _Band | None = None) -> None:
        self._page_translators.append(self.frame_translators)
        pagesize = tuple(doc.pageTemplate.pagesize)
        header, footer = self._bands_for(pagesize)
        canvas.saveState()
        header.draw(canvas)
        footer.draw(canvas)
        if running:
            running.draw(canvas, pagesize[1] - _MARGIN_TOP - header.height - _BAND_GAP)
        canvas.restoreState()

    def draw_page_number(self, canvas: Canvas, page: int, pages: int) -> None:
        """Called for every page once the total is known (see NumberedCanvas)."""
        self.page_count = pages
        if not self.info.page_numbers:
            return
        languages = self._page_translators[page - 1]
        tr = languages[0]
        label = tr.gettext(PAGE_X_OF_Y).format(page=tr.format_number(page), pages=tr.format_number(pages))
        footer = self._bands_for(tuple(canvas._pagesize), languages)[1]
        paragraph = Paragraph(text(label), self.styles.footer_right)
        width, height = paragraph.wrap(footer.page_number_width, 30 * mm)
        canvas.saveState()
        # Top-aligned with the info point's name on the left, like the rest of the bottom line.
        paragraph.drawOn(canvas, canvas._pagesize[0] - _MARGIN_X - width, footer.page_number_top - height)
        canvas.restoreState()


def render_document(story: list[Flowable], info: DocumentInfo, tr: Translator,
                    branding: Branding = NO_BRANDING,
                    frame_languages: Sequence[tuple[Translator, ...]] = ()) -> DocumentResult:
    """Lay out `story` on SocioLab pages; logos that cannot be read become warnings.

    The footer speaks `tr`'s language, unless `frame_languages` lists the sets of languages the
    pages use (the first page's first; NextPageLanguages in the story switches between them)."""
    logos, warnings = load_logos(branding)
    buffer = io.BytesIO()
    doc = SocioLabDocTemplate(buffer, info, tr, logos, branding.logo_height_mm * mm, frame_languages)
    doc.build(story, canvasmaker=partial(NumberedCanvas, page_numberer=doc.draw_page_number))
    return DocumentResult(buffer.getvalue(), warnings, doc.page_count)
