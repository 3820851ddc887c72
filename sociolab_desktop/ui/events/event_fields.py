"""The event form's own fields (type, titles, description, venue, info point, capacity, certificate
rule), each with its error line, read into an EventInput and filled from an EventDetail."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sociolab_desktop.core.domain.labels import EVENT_TYPES
from sociolab_desktop.core.domain.labels import label as choice_label
from sociolab_desktop.core.services.events.events import (
    DEFAULT_CERTIFICATE_PERCENT,
    EventDetail,
    EventInput,
)
from sociolab_desktop.core.services.events.sessions import MAX_TITLE
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.forms.field_marks import FieldMarks
from sociolab_desktop.ui.labels import mute

NUMBER_WIDTH = 80


def _number(text: str) -> float | None:
    try:
        return float(text.strip().replace(",", ".").rstrip("%").strip())
    except ValueError:
        return None


class EventFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type_combo = QComboBox(objectName="eventType")
        for value in EVENT_TYPES:
            self.type_combo.addItem("", value.value)
        self.title_sl_edit = QLineEdit(objectName="eventTitleSl", maxLength=MAX_TITLE)
        self.title_en_edit = QLineEdit(objectName="eventTitleEn", maxLength=MAX_TITLE)
        self.venue_edit = QLineEdit(objectName="eventVenue", maxLength=MAX_TITLE)
        self.description_edit = QPlainTextEdit(objectName="eventDescription")
        self.description_edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.description_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.site_combo = QComboBox(objectName="eventSite")
        self.capacity_edit = QLineEdit(objectName="eventCapacity")
        self.capacity_edit.setFixedWidth(NUMBER_WIDTH)
        self.capacity_note = QLabel(wordWrap=True)
        mute(self.capacity_note)
        self.percent_edit = QLineEdit(str(DEFAULT_CERTIFICATE_PERCENT), objectName="eventCertificatePercent")
        self.percent_edit.setFixedWidth(NUMBER_WIDTH)
        self.percent_note = QLabel(wordWrap=True)
        mute(self.percent_note)
        self.marks = FieldMarks()  # what no field shows goes back to the form (mark)
        field = self.marks.field
        self.boxes = {
            "event_type": field("event_type", self.type_combo),
            "title_sl": field("title_sl", self.title_sl_edit),
            "title_en": field("title_en", self.title_en_edit),
            "venue": field("venue", self.venue_edit),
            "description": field("description", self.description_edit),
            "site_id": field("site_id", self.site_combo),
            "capacity": field("capacity", self.capacity_edit, self.capacity_note, stretch=(0, 1)),
            "certificate_min_percent": field("certificate_min_percent", self.percent_edit, self.percent_note,
                                             stretch=(0, 1)),
        }
        self.labels = {name: QLabel(buddy=box) for name, box in self.boxes.items()}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        left = ("event_type", "title_sl", "title_en", "venue")
        right = ("site_id", "capacity", "certificate_min_percent")
        top = Qt.AlignmentFlag.AlignTop
        for name, label in self.labels.items():
            # Level with the editor, not with the editor and its message together.
            label.setFixedHeight(self.title_sl_edit.sizeHint().height() if name != "event_type"
                                 else self.type_combo.sizeHint().height())
        for row, name in enumerate(left):
            grid.addWidget(self.labels[name], row, 0, top)
            grid.addWidget(self.boxes[name], row, 1, top)
        for row, name in enumerate(right):
            grid.addWidget(self.labels[name], row, 2, top)
            grid.addWidget(self.boxes[name], row, 3, top)
        grid.addWidget(self.labels["description"], len(left), 0, top)
        grid.addWidget(self.boxes["description"], len(left), 1, 1, 3)
        for edit in (self.title_sl_edit, self.title_en_edit, self.venue_edit, self.capacity_edit, self.percent_edit):
            edit.textChanged.connect(self.changed)
        self.description_edit.textChanged.connect(self.changed)
        for combo in (self.type_combo, self.site_combo):
            combo.currentIndexChanged.connect(self.changed)

    def widgets_in_order(self) -> list[QWidget]:
        return [self.type_combo, self.title_sl_edit, self.title_en_edit, self.venue_edit, self.description_edit,
                self.site_combo, self.capacity_edit, self.percent_edit]

    def set_sites(self, sites: dict[str, str], chosen: str | None) -> None:
        self.site_combo.clear()
        for site_id, name in sites.items():
            self.site_combo.addItem(name, site_id)
        if chosen and self.site_combo.findData(chosen) < 0:
            self.site_combo.addItem(chosen, chosen)  # deleted since: shown as its id, the service says so
        self.site_combo.setCurrentIndex(max(0, self.site_combo.findData(chosen)))

    def fill(self, detail: EventDetail) -> None:
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(detail.event_type)))
        self.title_sl_edit.setText(detail.title_sl)
        self.title_en_edit.setText(detail.title_en or "")
        self.venue_edit.setText(detail.venue or "")
        self.description_edit.setPlainText(detail.description or "")
        self.capacity_edit.setText("" if detail.capacity is None else str(detail.capacity))
        percent = detail.certificate_min_percent
        self.percent_edit.setText(f"{percent:g}")

    def read(self, tr: Translator) -> tuple[EventInput | None, dict[str, str]]:
        """The input, or None and what is wrong with the numbers (the service checks the rest)."""
        errors = {}
        capacity_text = self.capacity_edit.text().strip()
        capacity = None
        if capacity_text:
            number = _number(capacity_text)
            if number is None or number != int(number):
                errors["capacity"] = tr.gettext("Type the number of places as a whole number, or leave it empty "
                                                "for no limit; “{value}” is not.").format(value=capacity_text)
            else:
                capacity = int(number)
        percent = _number(self.percent_edit.text())
        if percent is not None and percent.is_integer():
            percent = int(percent)  # "120", not "120.0", in the message that refuses it
        if percent is None:
            errors["certificate_min_percent"] = tr.gettext(
                "Type the share of hours needed for a certificate as a number between 1 and 100; “{value}” is "
                "not.").format(value=self.percent_edit.text().strip())
        if errors:
            return None, errors
        return EventInput(
            event_type=self.type_combo.currentData(), title_sl=self.title_sl_edit.text(),
            title_en=self.title_en_edit.text() or None, description=self.description_edit.toPlainText() or None,
            venue=self.venue_edit.text() or None, site_id=self.site_combo.currentData(), capacity=capacity,
            certificate_min_percent=percent), {}

    def snapshot(self) -> tuple:
        """What was typed, for telling whether anything changed."""
        return (self.type_combo.currentData(), self.title_sl_edit.text(), self.title_en_edit.text(),
                self.venue_edit.text(), self.description_edit.toPlainText(), self.site_combo.currentData(),
                self.capacity_edit.text(), self.percent_edit.text())

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        for row in range(self.type_combo.count()):
            self.type_combo.setItemText(row, choice_label(tr, EVENT_TYPES, self.type_combo.itemData(row)))
        for name, text in (("event_type", _("Type:")), ("title_sl", _("Title in Slovenian:")),
                           ("title_en", _("Title in English:")), ("venue", _("Venue:")),
                           ("description", _("Description:")), ("site_id", _("Organised by:")),
                           ("capacity", _("Places:")), ("certificate_min_percent", _("Certificate from:"))):
            self.labels[name].setText(text)
        self.title_en_edit.setPlaceholderText(_("For English certificates and sheets (optional)"))
        self.capacity_edit.setPlaceholderText(_("no limit"))
        self.capacity_note.setText(_("empty: no limit"))
        self.capacity_edit.setToolTip(_("When all places are taken, new registrations go on the waiting list."))
        self.percent_note.setText(_("% of the event's hours attended"))
        self.percent_edit.setToolTip(tr.gettext(
            "Share of the event's hours a person must attend to get a certificate, counted from the check-ins (80 "
            "means at least {example} of all sessions' hours).").format(example=tr.format_percent(0.8)))
