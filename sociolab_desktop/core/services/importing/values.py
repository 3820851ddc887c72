"""Values of choice columns as lists write them, in Slovenian or English, mapped to stored values.

"Ž", "ženski", "F" and "female" all mean Gender.FEMALE; the stored value itself ("female",
"social_enterprise", what the export writes) is always accepted. Matching ignores case, accents,
spaces and punctuation, so "d.o.o." equals "DOO". These spellings are data, not interface
text, so they are not translated.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache, lru_cache

from sociolab_desktop.core.domain.enums import (
    Answer,
    Gender,
    IscedLevel,
    LabourStatus,
    LegalForm,
    Stage,
    TargetGroup,
)
from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.i18n import N_

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def key(text: str | None) -> str:
    """"Ženski spol", "zenski-spol" and "ŽENSKI SPOL" give the same key."""
    return _NOT_ALNUM.sub("", fold(text))


_SPELLINGS: dict[type[StrEnum], dict[str, tuple[str, ...]]] = {
    Gender: {
        Gender.FEMALE: ("ž", "z", "ženski", "ženska", "žen", "female", "f", "woman", "w"),
        Gender.MALE: ("m", "moški", "moska", "moš", "male", "man"),
        Gender.NON_BINARY: ("nebinarno", "nebinarna", "nebinaren", "non-binary", "nb"),
    },
    Answer: {
        Answer.YES: ("da", "d", "yes", "y", "true", "1", "x", "drži"),
        Answer.NO: ("ne", "n", "no", "false", "0", "ne drži"),
        Answer.DECLINED: ("ni želel odgovoriti", "ni želela odgovoriti", "ne želi odgovoriti", "brez odgovora",
                          "did not want to answer", "prefer not to say", "declined to answer"),
    },
    LabourStatus: {
        LabourStatus.EMPLOYED: ("zaposlen", "zaposlena", "zaposlen/a"),
        LabourStatus.SELF_EMPLOYED: ("samozaposlen", "samozaposlena", "samozaposlen/a", "s.p."),
        LabourStatus.UNEMPLOYED: ("brezposeln", "brezposelna", "brezposeln/a", "brezposelni"),
        LabourStatus.LONG_TERM_UNEMPLOYED: ("dolgotrajno brezposeln", "dolgotrajno brezposelna",
                                            "dolgotrajno brezposeln/a", "dolgotrajno brezposelni", "long-term unemployed"),
        LabourStatus.INACTIVE_IN_EDUCATION: ("v izobraževanju", "neaktiven v izobraževanju", "neaktivna v izobraževanju",
                                             "dijak", "dijakinja", "študent", "študentka", "inactive in education"),
        LabourStatus.INACTIVE_NOT_IN_EDUCATION: ("neaktiven", "neaktivna", "neaktiven, ni v izobraževanju",
                                                 "neaktiven ni v izobraževanju", "inactive not in education",
                                                 "inactive"),
    },
    IscedLevel: {level: (level.value.split("_")[1], f"isced {level.value.split('_')[1]}") for level in IscedLevel},
    TargetGroup: {
        TargetGroup.POTENTIAL_ENTREPRENEUR: ("potencialni podjetnik", "potencialna podjetnica", "bodoči podjetnik"),
        TargetGroup.SOCIAL_ENTREPRENEUR: ("socialni podjetnik", "socialna podjetnica"),
        TargetGroup.COOPERATIVE_MEMBER: ("član zadruge", "članica zadruge", "zadružnik", "zadružnica"),
        TargetGroup.INITIATIVE_MEMBER: ("član pobude", "članica pobude", "član iniciative"),
        TargetGroup.SUPPORT_STAFF: ("podporno okolje", "strokovni delavec", "support environment"),
        TargetGroup.LOCAL_STAKEHOLDER: ("lokalni deležnik", "lokalna skupnost"),
        TargetGroup.UNEMPLOYED: ("brezposelni", "brezposeln", "brezposelna", "iskalec zaposlitve"),
        TargetGroup.STUDENT: ("študent", "študentka", "dijak", "dijakinja"),
        TargetGroup.YOUNG_PERSON: ("mladi", "mlad", "mladostnik", "young", "youth"),
        TargetGroup.OLDER_PERSON: ("starejši", "starejša", "older", "elderly"),
        TargetGroup.VULNERABLE_GROUP: ("ranljiva skupina", "ranljive skupine", "vulnerable"),
        TargetGroup.PUBLIC: ("javnost", "splošna javnost", "general public"),
    },
    LegalForm: {
        LegalForm.SOCIAL_ENTERPRISE: ("socialno podjetje", "so.p."),
        LegalForm.COOPERATIVE: ("zadruga", "z.o.o.", "socialna zadruga", "co-op", "coop"),
        LegalForm.INSTITUTE: ("zavod", "institut", "ustanova"),
        LegalForm.ASSOCIATION: ("društvo", "zveza društev", "zveza"),
        LegalForm.COMPANY: ("podjetje", "gospodarska družba", "družba", "d.o.o.", "d.d.", "s.p.", "k.d.", "d.n.o."),
        LegalForm.INITIATIVE: ("pobuda", "iniciativa", "neformalna skupina", "brez pravne oblike",
                               "initiative without legal form", "informal group"),
    },
    Stage: {
        Stage.IDEA: ("ideja",),
        Stage.INITIATIVE: ("pobuda", "iniciativa"),
        Stage.START_UP: ("zagon", "zagonska faza", "zagonsko podjetje", "v ustanavljanju", "startup", "start up"),
        Stage.ESTABLISHED: ("delujoče", "uveljavljeno", "uveljavljena", "razvito"),
    },
}

# What a message shows as examples of accepted values (data spellings, the same in both languages).
EXAMPLES: dict[type[StrEnum], str] = {
    Gender: "Ž, M, nebinarno / female, male, non-binary",
    Answer: "da, ne, ni želel odgovoriti / yes, no, declined",
    LabourStatus: "zaposlen, samozaposlen, brezposeln, dolgotrajno brezposeln, v izobraževanju, neaktiven",
    IscedLevel: "ISCED 0 … ISCED 8",
    TargetGroup: ", ".join(group.value for group in TargetGroup),
    LegalForm: "socialno podjetje, zadruga, zavod, društvo, podjetje, pobuda",
    Stage: "ideja, pobuda, zagon, delujoče / idea, initiative, start-up, established",
}


@cache
def _lookup(choices: type[StrEnum]) -> dict[str, str]:
    table: dict[str, str] = {}
    for choice in choices:
        for spelling in (choice.value, choice.value.replace("_", " "), *_SPELLINGS.get(choices, {}).get(choice, ())):
            table.setdefault(key(spelling), choice.value)
    return table


def to_choice(value: str | None, field: str, choices: type[StrEnum]) -> str | None:
    """The stored value for what a cell says, None when empty; FieldError when not understood."""
    text = " ".join((value or "").split())
    if not text:
        return None
    found = _lookup(choices).get(key(text))
    if found is None:
        raise FieldError(field, N_("“{value}” is not a value this column knows. Use one of: {choices}."),
                         value=text, choices=EXAMPLES.get(choices, ", ".join(choices)))
    return found


def to_flag(value: str | None, field: str) -> bool:
    """A yes/no column (e.g. "record incomplete"): empty means no."""
    return to_choice(value, field, Answer) == Answer.YES


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    from babel import Locale

    table: dict[str, str] = {}
    for language in ("sl", "en"):
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                table.setdefault(key(name), code)
    return table


def to_country_code(value: str | None) -> str | None:
    """"SI", "Slovenija", "Slovenia", "Avstrija" → ISO code; anything else is passed on for the
    service's own check to report. Empty → None (the service's default, Slovenia)."""
    text = (value or "").strip()
    if not text:
        return None
    if len(text) == 2:
        return text.upper()
    return _countries().get(key(text), text)


_LANGUAGES = {key(spelling): code for code, spellings in {
    "sl": ("sl", "slo", "slv", "slovenščina", "slovensko", "slovenski", "slovenian", "slovene"),
    "en": ("en", "eng", "angleščina", "angleško", "angleski", "english"),
}.items() for spelling in spellings}


def to_language(value: str | None) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    return _LANGUAGES.get(key(text), text)
