"""Timeline items (core/services/timeline.py) in words: what happened, and the details.

Plain functions of an item and a Translator (no Qt), for an organisation's timeline and, with
`about_person=True`, a person's.
"""

from __future__ import annotations

from sociolab_desktop.core.domain.labels import (
    CONSENT_PURPOSES,
    CONTACT_CHANNELS,
    CONTACT_TOPICS,
    CONTRACT_TYPES,
    ENROLMENT_STATUSES,
    MENTORING_MODES,
    MENTORING_TOPICS,
    ORGANISATION_ROLES,
    PRODUCT_STAGES,
    label,
    labels,
)
from sociolab_desktop.core.services.timeline import TimelineItem, TimelineKind
from sociolab_desktop.i18n import Translator

SEPARATOR = " · "


def _join(*parts: str | None) -> str:
    return SEPARATOR.join(part.strip() for part in parts if part and part.strip())


def _contact(item: TimelineItem, tr: Translator, about_person: bool) -> tuple[str, str]:
    _, d = tr.gettext, item.detail
    what = _("Contact: {channel}").format(channel=label(tr, CONTACT_CHANNELS, d.get("channel")))
    follow_up = ""
    if d.get("follow_up_on"):
        text = _("follow-up done") if d.get("follow_up_done") else _("follow-up on {date}")
        follow_up = text.format(date=tr.format_date(d["follow_up_on"], "numeric"))
    referral = _("referred to {referral}").format(referral=d["referral"]) if d.get("referral") else ""
    who = item.title if about_person else d.get("person_name")
    topics = labels(tr, CONTACT_TOPICS, d.get("topics") or ())
    return what, _join(topics, who, d.get("description"), d.get("outcome"), referral, follow_up)


def _mentoring(item: TimelineItem, tr: Translator) -> tuple[str, str]:
    _, d = tr.gettext, item.detail
    what = _("Mentoring session: {mode}").format(mode=label(tr, MENTORING_MODES, d.get("mode")))
    hours = tr.hours_in_words(d.get("hours") or 0)
    return what, _join(hours, labels(tr, MENTORING_TOPICS, d.get("topics") or ()), d.get("summary"))


def _role(item: TimelineItem, tr: Translator) -> tuple[str, str]:
    _, d = tr.gettext, item.detail
    role = label(tr, ORGANISATION_ROLES, d.get("role"))
    if item.kind == TimelineKind.ROLE_ENDED:
        what = _("Role ended: {role}")
    elif d.get("date_known", True):
        what = _("Role started: {role}")
    else:
        what = _("Role recorded (start not known): {role}")
    return what.format(role=role), item.title or ""


def _event(item: TimelineItem, tr: Translator) -> tuple[str, str]:
    _, d = tr.gettext, item.detail
    title = item.title if tr.language == "sl" or not d.get("title_en") else d["title_en"]
    if item.kind == TimelineKind.REGISTERED:
        return _("Registered for an event"), title or ""
    if item.kind == TimelineKind.REGISTRATION_CANCELLED:
        return _("Registration cancelled"), title or ""
    if item.kind == TimelineKind.ATTENDED:
        hours = d.get("hours")
        spent = "" if hours is None else tr.hours_in_words(hours)
        return _("Attended an event"), _join(title, d.get("session_title"), spent)
    return _("Certificate issued"), _join(title, d.get("number"))


def _organisation_record(item: TimelineItem, tr: Translator) -> tuple[str, str]:
    _, d = tr.gettext, item.detail
    if item.kind == TimelineKind.DIAGNOSTIC:
        plan = _("with a development plan") if d.get("has_development_plan") else ""
        return _("Diagnostic assessment"), _join(plan, d.get("goals"))
    if item.kind == TimelineKind.PROGRAMME_STARTED:
        return _("Support programme started"), d.get("outcome") or ""
    if item.kind == TimelineKind.PROGRAMME_ENDED:
        return (_("Support programme ended: {status}").format(status=label(tr, ENROLMENT_STATUSES, d.get("status"))),
                d.get("outcome") or "")
    if item.kind == TimelineKind.JOB:
        what = _("Job created") if d.get("kind") == "created" else _("Job retained")
        vulnerable = _("person from a vulnerable group") if d.get("is_vulnerable_group") else ""
        return what, _join(label(tr, CONTRACT_TYPES, d.get("contract_type")), vulnerable)
    return (_("Socially innovative product: {name}").format(name=item.title or ""),
            _join(label(tr, PRODUCT_STAGES, d.get("stage")), d.get("description")))


def describe(item: TimelineItem, tr: Translator, *, about_person: bool = False) -> tuple[str, str]:
    """(what happened, details) in the translator's language."""
    kind = item.kind
    if kind == TimelineKind.CONTACT:
        return _contact(item, tr, about_person)
    if kind == TimelineKind.MENTORING:
        return _mentoring(item, tr)
    if kind in (TimelineKind.ROLE_STARTED, TimelineKind.ROLE_ENDED):
        return _role(item, tr)
    if kind in (TimelineKind.CONSENT_GIVEN, TimelineKind.CONSENT_WITHDRAWN):
        what = tr.gettext("Consent given") if kind == TimelineKind.CONSENT_GIVEN else tr.gettext("Consent withdrawn")
        return what, label(tr, CONSENT_PURPOSES, item.title)
    if kind in (TimelineKind.REGISTERED, TimelineKind.REGISTRATION_CANCELLED, TimelineKind.ATTENDED,
                TimelineKind.CERTIFICATE):
        return _event(item, tr)
    return _organisation_record(item, tr)
