"""The coloured badge that says whether a person's consent to data processing is valid, withdrawn or missing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from sociolab_desktop.core.domain.labels import CONSENT_PURPOSES, label
from sociolab_desktop.core.services.consents import ConsentRecord
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.persons.person_page_data import ConsentState, consent_state

BADGES = {  # words, text colour, background: green, red and amber, readable on the window's grey
    ConsentState.VALID: (N_("Consent valid"), "#1b5e20", "#e3f1e4"),
    ConsentState.WITHDRAWN: (N_("Consent withdrawn"), "#8a1c00", "#fbe3dc"),
    ConsentState.MISSING: (N_("No consent"), "#6d4c00", "#fdf0cc"),
}


class ConsentBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="consentBadge")
        self.state: ConsentState | None = None

    def show_consents(self, records: list[ConsentRecord], tr: Translator, today: dt.date | None = None) -> None:
        state, record = consent_state(records, today or dt.date.today())
        self.state = state
        text, colour, background = BADGES[state]
        self.setText(tr.gettext(text))
        self.setStyleSheet(f"QLabel#consentBadge {{ color: {colour}; background: {background}; "
                           f"border: 1px solid {colour}; border-radius: 9px; padding: 2px 10px; }}")
        purpose = label(tr, CONSENT_PURPOSES, "data_processing")
        if state == ConsentState.VALID:
            tip = tr.gettext("{purpose}: given on {date}").format(purpose=purpose, date=tr.format_date(record.given_on))
        elif state == ConsentState.WITHDRAWN:
            tip = tr.gettext("{purpose}: withdrawn on {date}").format(
                purpose=purpose, date=tr.format_date(record.withdrawn_on))
        else:
            tip = tr.gettext("{purpose}: not given. Print the consent form and have it signed.").format(
                purpose=purpose)
        self.setToolTip(tip)
        self.show()
