"""Every result indicator of the project with its target and what it counts, as data: the one
place the window, the exports, the PDF report and the README take their definitions from.

Titles and definitions are N_ strings, translated when shown. What "a person in a training
programme" means is a choice (TRAINING_RULES); the default and why are in PERSON_RULE_TEXTS.
"""

from __future__ import annotations

from dataclasses import dataclass

from sociolab_desktop.core.domain.labels import label
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator

# What "a person included in a training programme" means.
RULE_REGISTERED, RULE_ATTENDED, RULE_COMPLETED = "registered", "attended", "completed"
TRAINING_RULES = (RULE_REGISTERED, RULE_ATTENDED, RULE_COMPLETED)
# ESF counts a participant who takes part in the supported activity: someone who only signed up is
# not yet a participant, and the certificate rule measures completion (a result, not an entry).
DEFAULT_TRAINING_RULE = RULE_ATTENDED


def _registered_rule(tr: Translator) -> str:
    # "registered" is also a registration's status ("prijavljen"): the rule counts the persons registered.
    return tr.pgettext("counting rule", "registered")


TRAINING_RULE_LABELS = {
    RULE_REGISTERED: _registered_rule,
    RULE_ATTENDED: N_("attended at least once"),
    RULE_COMPLETED: N_("met the certificate rule"),
}


def training_rule_label(tr: Translator, rule: str) -> str:
    return label(tr, TRAINING_RULE_LABELS, rule)


PERSON_RULE_TEXTS = {
    RULE_ATTENDED: N_(
        "Counted rule: attended at least once, i.e. checked in at one session or more. This is what "
        "the ESF calls a participant: someone who took part, not someone who only signed up. Persons "
        "registered who never came are not counted; a certificate is not required."),
    RULE_REGISTERED: N_(
        "Counted rule: registered, i.e. registered (not on the waiting list, not cancelled) or checked "
        "in at least once."),
    RULE_COMPLETED: N_(
        "Counted rule: met the certificate rule, i.e. attended the share of the programme's hours "
        "its certificate needs (80% unless the event says otherwise)."),
}

# How a value is made from the records an indicator lists.
COUNT, ANY, SUM, NETWORK = "count", "any", "sum", "network"


@dataclass(frozen=True)
class IndicatorDefinition:
    """`target` None: no numeric target (then `target_of` may name the indicator whose value is
    the target, e.g. one diagnostic per organisation supported). `at_least`: the target reads
    "≥ 30" rather than "5". `counts` is the kind of record the indicator's list shows (the
    `kind` of its CountedRecord rows). `aggregate`: COUNT distinct records, ANY (1 if any),
    SUM of their amounts, or NETWORK (1 once the lead partner and an info point are recorded).
    `per_site`: whether a value per info point means something."""

    key: str
    title: str
    target: float | None
    unit: str
    counts: str
    definition: str
    at_least: bool = True
    aggregate: str = COUNT
    per_site: bool = True
    target_of: str | None = None


INDICATORS: tuple[IndicatorDefinition, ...] = (
    IndicatorDefinition(
        "network_lab", N_("Regional ecosystem (network lab) for the social economy established"), 1,
        N_("network"), "site", N_(
            "Counted as established (1) once the lead partner and at least one area info point are "
            "recorded in the program and not deleted. The list shows the lead partner and the info "
            "points that make up the network. Nothing else in the records measures the network lab: "
            "confirm it with the lead partner's own evidence. The program does not know when the "
            "network was set up, so the period does not change this number."),
        at_least=False, aggregate=NETWORK, per_site=False),
    IndicatorDefinition(
        "info_points", N_("Area info points set up"), 5, N_("info points"), "site", N_(
            "Info points recorded in the program (not the lead partner, not deleted). The program "
            "does not know when an info point opened, so the period does not change this number. "
            "Per info point each counts 1."),
        at_least=False),
    IndicatorDefinition(
        "diagnostics", N_("Organisations with a diagnostic assessment carried out"), None,
        N_("organisations"), "organisation", N_(
            "Organisations (not deleted) with at least one diagnostic assessment dated in the period; "
            "an organisation assessed twice counts once. The target is one per organisation given "
            "training and mentoring. An organisation counts for the info point it belongs to."),
        target_of="organisations_supported"),
    IndicatorDefinition(
        "development_plans", N_("Organisations with a development plan prepared"), None,
        N_("organisations"), "organisation", N_(
            "Organisations (not deleted) with a diagnostic assessment dated in the period that is "
            "marked as having a development plan; an organisation counts once. The target is one "
            "per organisation given training and mentoring. An organisation counts for the info "
            "point it belongs to."),
        target_of="organisations_supported"),
    IndicatorDefinition(
        "organisations_supported", N_("Organisations in the social-economy sector given training and mentoring"),
        30, N_("organisations"), "organisation", N_(
            "Organisations (not deleted) named on at least one mentoring session (not deleted) that "
            "started in the period, by Slovenian date; an organisation with several sessions counts "
            "once. Training alone does not make an organisation count, and a session that names only "
            "persons counts for no organisation. An organisation counts for each info point that "
            "held one of its sessions, and once in the total.")),
    IndicatorDefinition(
        "persons_trained", N_("Persons included in training programmes"), 200, N_("persons"), "person", N_(
            "Distinct persons in events of the type “training programme” whose first session falls "
            "in the period (workshops, info sessions and fairs do not count). A person merged into "
            "another counts once, as the record kept; deleted persons do not count; persons whose "
            "data was erased still count. A person counts for each info point that organised one of "
            "their programmes, and once in the total.")),
    IndicatorDefinition(
        "jobs", N_("Jobs created or retained in social enterprises and cooperatives, with support"), 40,
        N_("jobs"), "job", N_(
            "Jobs (not deleted) of organisations (not deleted) dated in the period, created or "
            "retained. The same person's job of one kind in one organisation counts once (two info "
            "points may have recorded it); jobs without a person count each. A job counts for the "
            "info point its organisation belongs to.")),
    IndicatorDefinition(
        "support_programme", N_("Support programme with materials developed and run (training and mentoring "
                                "for start-ups)"), 1, N_("programme"), "enrolment", N_(
            "Counted as run (1) when at least one organisation (not deleted) was enrolled in the "
            "support programme during the period: enrolled on or before its last day and not ended "
            "before its first day. The list shows those enrolments; an enrolment counts for the info "
            "point its organisation belongs to."),
        at_least=False, aggregate=ANY),
    IndicatorDefinition(
        "products", N_("Socially innovative products developed with support"), 30, N_("products"), "product", N_(
            "Products (not deleted) of organisations (not deleted) dated in the period. One "
            "organisation's products with the same name (ignoring case and accents) are one product, "
            "shown at its latest stage. A product counts for the info point its organisation "
            "belongs to.")),
    IndicatorDefinition(
        "competitions_social_innovation", N_("Award competitions for the most socially innovative venture of "
                                             "the region"), 4, N_("competitions"), "competition", N_(
            "Competitions of this kind (not deleted) concluded in the period and by today: on the "
            "first day of their award event, or, without a live event recorded, on 31 December of "
            "their year. A competition counts for the info point that organised its award event."),
        at_least=False),
    IndicatorDefinition(
        "competitions_ethical_investor", N_("Award competitions for the most ethical investor"), 2,
        N_("competitions"), "competition", N_(
            "Competitions of this kind (not deleted) concluded in the period and by today: on the "
            "first day of their award event, or, without a live event recorded, on 31 December of "
            "their year. A competition counts for the info point that organised its award event."),
        at_least=False),
    IndicatorDefinition(
        "fairs", N_("Presentation fairs with company open days (promotional campaign)"), 4, N_("fairs"), "event", N_(
            "Events of the type “fair” (not deleted) with at least one session, whose first day falls "
            "in the period and has come by today. A fair with an open day the next day is one fair. "
            "A fair counts for the info point that organised it."),
        at_least=False),
    IndicatorDefinition(
        "conference", N_("International professional conference"), 1, N_("conferences"), "event", N_(
            "Events of the type “conference” (not deleted) with at least one session, whose first day "
            "falls in the period and has come by today. A conference counts for the info point that "
            "organised it."),
        at_least=False),
    IndicatorDefinition(
        "mentoring_hours", N_("Mentoring hours"), None, N_("hours"), "mentoring_session", N_(
            "Hours of mentoring sessions (not deleted) that started in the period: clock hours, each "
            "session rounded to the nearest quarter of an hour, as printed on the signed mentoring "
            "records. A session led by two mentors counts once. There is no target; the funder asks "
            "for the hours with the signed records."),
        aggregate=SUM),
)

BY_KEY = {definition.key: definition for definition in INDICATORS}


def indicator(key: str) -> IndicatorDefinition:
    return BY_KEY[key]


def describe(definition: IndicatorDefinition, tr: Translator, training_rule: str = DEFAULT_TRAINING_RULE) -> str:
    """The definition as a person reads it; persons in training programmes add the counted rule."""
    text = tr.gettext(definition.definition)
    if definition.key == "persons_trained":
        text += " " + tr.gettext(PERSON_RULE_TEXTS[training_rule])
    return text


def check_training_rule(value: str | None) -> str:
    """None or blank: the default rule; anything else must be one of TRAINING_RULES."""
    rule = (value or "").strip().lower() or DEFAULT_TRAINING_RULE
    if rule not in TRAINING_RULES:
        raise UserError(N_("Unknown rule “{rule}” for persons in training programmes. Use one of: {choices}."),
                        rule=value, choices=", ".join(TRAINING_RULES))
    return rule
