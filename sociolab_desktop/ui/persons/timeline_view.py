"""A person's history as a table, newest first: date, what happened, and its particulars in words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from sociolab_desktop.core.domain.labels import (
    CONSENT_CHANNELS,
    CONSENT_PURPOSES,
    CONTACT_CHANNELS,
    CONTACT_TOPICS,
    EVENT_TYPES_IN_SENTENCE,
    MENTORING_MODES,
    MENTORING_TOPICS,
    ORGANISATION_ROLES_IN_SENTENCE,
    REGISTRATION_STATUSES_IN_SENTENCE,
    label,
    labels,
    title_in,
)
from sociolab_desktop.core.services.timeline import TimelineItem, TimelineKind
from sociolab_desktop.i18n import N_, Translator

COLUMNS = (N_("Date"), N_("What"), N_("Details"))
TIMELINE_KINDS = {
    TimelineKind.CONTACT: N_("Contact"),
    TimelineKind.CONSENT_GIVEN: N_("Consent given"),
    TimelineKind.CONSENT_WITHDRAWN: N_("Consent withdrawn"),
    TimelineKind.REGISTERED: N_("Registration"),
    TimelineKind.REGISTRATION_CANCELLED: N_("Registration cancelled"),
    TimelineKind.ATTENDED: N_("Attendance"),
    TimelineKind.CERTIFICATE: N_("Certificate"),
    TimelineKind.MENTORING: N_("Mentoring"),
    TimelineKind.ROLE_STARTED: N_("Joined an organisation"),
    TimelineKind.ROLE_ENDED: N_("Left an organisation"),
    TimelineKind.DIAGNOSTIC: N_("Diagnostic assessment"),
    TimelineKind.PROGRAMME_STARTED: N_("Support programme started"),
    TimelineKind.PROGRAMME_ENDED: N_("Support programme ended"),
    TimelineKind.JOB: N_("Job"),
    TimelineKind.PRODUCT: N_("Socially innovative product"),
}
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_ROW_LIMIT = 160  # characters of a line shown in the row; the tooltip holds more
_TOOLTIP_LIMIT = 600  # a tooltip stays on the screen (a description may run to 10 000 characters)


def _shorten(text: str | None, limit: int = _ROW_LIMIT) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def _event_title(item: TimelineItem, tr: Translator) -> str:
    """Events have a Slovenian and an English title: the window's language picks."""
    return title_in(tr.language, item.title, item.detail.get("title_en")) or ""


def _hours(tr: Translator, hours) -> str:
    return tr.format_hours(hours) if hours else ""


def _contact(item: TimelineItem, tr: Translator, staff: Mapping[str, str]) -> list[str]:
    _ = tr.gettext
    d = item.detail
    parts = [label(tr, CONTACT_CHANNELS, d["channel"]), labels(tr, CONTACT_TOPICS, d["topics"])]
    if item.title:
        parts.append(_("with {organisation}").format(organisation=item.title))
    if staff.get(d.get("staff_id")):
        parts.append(_("staff: {name}").format(name=staff[d["staff_id"]]))
    lines = ["; ".join(part for part in parts if part)]
    lines += [text for text in (d.get("description"), d.get("outcome")) if text]
    if d.get("referral"):
        lines.append(_("Referred to: {referral}").format(referral=d["referral"]))
    if d.get("follow_up_on"):
        when = tr.format_date(d["follow_up_on"])
        lines.append(_("Follow-up on {date} (done)").format(date=when) if d.get("follow_up_done")
                     else _("Follow-up on {date}").format(date=when))
    return lines


def _consent(item: TimelineItem, tr: Translator) -> list[str]:
    d = item.detail
    return [tr.gettext("{purpose}; text version {version}; {channel}").format(
        purpose=label(tr, CONSENT_PURPOSES, d["purpose"]), version=d["text_version"],
        channel=label(tr, CONSENT_CHANNELS, d["channel"]).lower())]


def describe(item: TimelineItem, tr: Translator, staff: Mapping[str, str] | None = None) -> list[str]:
    """The particulars of one entry as lines of text: the first for the table, all for the tooltip."""
    _ = tr.gettext
    d, kind = item.detail, item.kind
    if kind == TimelineKind.CONTACT:
        return _contact(item, tr, staff or {})
    if kind in (TimelineKind.CONSENT_GIVEN, TimelineKind.CONSENT_WITHDRAWN):
        return _consent(item, tr)
    if kind in (TimelineKind.REGISTERED, TimelineKind.REGISTRATION_CANCELLED):
        status = label(tr, REGISTRATION_STATUSES_IN_SENTENCE, d.get("status"))
        kind_text = label(tr, EVENT_TYPES_IN_SENTENCE, d.get("event_type"))
        return ["; ".join(part for part in (_event_title(item, tr), kind_text, status) if part)]
    if kind == TimelineKind.ATTENDED:
        parts = [_event_title(item, tr), d.get("session_title"), _hours(tr, d.get("hours"))]
        if d.get("is_walk_in"):
            parts.append(_("came without registering"))
        return ["; ".join(part for part in parts if part)]
    if kind == TimelineKind.CERTIFICATE:
        return [_("{event}; certificate no. {number}").format(event=_event_title(item, tr), number=d.get("number"))]
    if kind == TimelineKind.MENTORING:
        parts = [item.title, _hours(tr, d.get("hours")), label(tr, MENTORING_MODES, d.get("mode")),
                 labels(tr, MENTORING_TOPICS, d.get("topics", ()))]
        lines = ["; ".join(part for part in parts if part)]
        return lines + ([d["summary"]] if d.get("summary") else [])
    if kind in (TimelineKind.ROLE_STARTED, TimelineKind.ROLE_ENDED):
        return [_("{role} in {organisation}").format(role=label(tr, ORGANISATION_ROLES_IN_SENTENCE, d.get("role")),
                                                     organisation=item.title or "")]
    return [item.title or ""]


class TimelineView(QTableWidget):
    """Read-only; `item_activated` hands over the entry that Enter or a double-click chose."""

    item_activated = Signal(object)  # TimelineItem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("personTimeline")
        self.items: list[TimelineItem] = []
        self._staff: Mapping[str, str] = {}
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.activated.connect(self._on_activated)

    def show_items(self, items: Sequence[TimelineItem], tr: Translator, staff: Mapping[str, str]) -> None:
        self.items, self._staff = list(items), staff
        self.setRowCount(len(self.items))
        for row in range(len(self.items)):
            for column in range(len(COLUMNS)):
                if self.item(row, column) is None:
                    self.setItem(row, column, QTableWidgetItem())
        self.retranslate(tr)

    def retranslate(self, tr: Translator) -> None:
        self.setHorizontalHeaderLabels([tr.gettext(title) for title in COLUMNS])
        for row, entry in enumerate(self.items):
            lines = describe(entry, tr, self._staff)
            cells = (tr.format_date(entry.date), label(tr, TIMELINE_KINDS, entry.kind),
                     " — ".join(_shorten(line) for line in lines[:2] if line))
            for column, text in enumerate(cells):
                cell = self.item(row, column)
                cell.setText(text)
                cell.setToolTip("\n".join(_shorten(line, _TOOLTIP_LIMIT) for line in lines))
                cell.setData(ITEM_ROLE, entry.record_id)

    def rows(self) -> list[tuple[str, str, str]]:
        """What each row says (date, what, details), top to bottom."""
        return [tuple(self.item(row, column).text() for column in range(len(COLUMNS)))
                for row in range(self.rowCount())]

    def current_entry(self) -> TimelineItem | None:
        row = self.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _on_activated(self, index) -> None:
        if 0 <= index.row() < len(self.items):
            self.item_activated.emit(self.items[index.row()])
