"""What people read for the stored mentoring modes and topics, in any language (documents and windows).

The message ids are the ones the person's history uses (ui/persons/history_labels.py), lower case
because they are listed inside a line ("financing, marketing"), so one translation serves both.
"""

from __future__ import annotations

from collections.abc import Iterable

from sociolab_desktop.core.domain.enums import MentoringMode, MentoringTopic
from sociolab_desktop.i18n import N_, Translator

MODE_LABELS = {
    MentoringMode.IN_PERSON: N_("in person"),
    MentoringMode.ONLINE: N_("online"),
    MentoringMode.PHONE: N_("by phone"),
}
TOPIC_LABELS = {
    MentoringTopic.BUSINESS_MODEL: N_("business model"),
    MentoringTopic.LEGAL_FORM: N_("legal form"),
    MentoringTopic.FINANCING: N_("financing"),
    MentoringTopic.MARKETING: N_("marketing"),
    MentoringTopic.COOPERATIVE_RULES: N_("cooperative rules"),
    MentoringTopic.VULNERABLE_EMPLOYMENT: N_("employment of vulnerable groups"),
    MentoringTopic.SOCIAL_IMPACT: N_("social impact"),
    MentoringTopic.OTHER: N_("other"),
}


def mode_label(tr: Translator, mode: str | None) -> str:
    """The mode in `tr`'s language; a value this version does not know (from a newer PC) as stored."""
    label = MODE_LABELS.get(mode) if mode else None
    return tr.gettext(label) if label else (mode or "")


def topic_labels(tr: Translator, topics: Iterable[str]) -> list[str]:
    """The topics in `tr`'s language, in the order given; unknown values as stored."""
    return [tr.gettext(TOPIC_LABELS[topic]) if topic in TOPIC_LABELS else topic for topic in topics]
