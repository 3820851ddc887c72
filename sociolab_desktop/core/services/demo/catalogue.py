"""Invented texts of the demo data: event titles (sl/en), session themes, notes, products.

These are records' contents, not program text: they are written in the language the records
would be kept in (Slovenian, with English titles where an event has them) and are not translated.
"""

from __future__ import annotations

# (Slovenian title, English title) per event type.
TRAINING_TITLES = (
    ("Osnove socialnega podjetništva", "Basics of social entrepreneurship"),
    ("Zadružništvo v praksi", "Cooperatives in practice"),
    ("Od ideje do socialnega podjetja", "From an idea to a social enterprise"),
    ("Poslovno načrtovanje za socialna podjetja", "Business planning for social enterprises"),
    ("Vodenje in upravljanje zadrug", "Leading and governing cooperatives"),
    ("Zaposlovanje ranljivih skupin", "Employing people from vulnerable groups"),
)
TRAINING_MODULES = (
    "Uvod v socialno ekonomijo", "Poslovni model in vrednostna ponudba",
    "Pravne oblike: zavod, zadruga, d. o. o.", "Financiranje in javni razpisi",
    "Trženje in digitalna prisotnost", "Merjenje družbenega učinka",
    "Zaposlovanje in delovna razmerja", "Računovodstvo in davki",
    "Predstavitev poslovnih idej",
)
WORKSHOP_TITLES = (
    ("Delavnica: pisanje prijave na javni razpis", "Workshop: writing a grant application"),
    ("Delavnica: družbena omrežja za nevladnike", "Workshop: social media for NGOs"),
    ("Delavnica: cenovna politika", "Workshop: pricing"),
    ("Delavnica: skupnostno financiranje", "Workshop: crowdfunding"),
    ("Delavnica: zadružna pravila", "Workshop: cooperative rules"),
    ("Delavnica: oblikovanje blagovne znamke", "Workshop: building a brand"),
    ("Delavnica: pogovor s kupcem", "Workshop: talking to customers"),
)
INFO_SESSION_TITLES = (
    ("Informativni dan: kaj je socialno podjetje", "Info day: what is a social enterprise"),
    ("Informativni dan: status socialnega podjetja", "Info day: social enterprise status"),
    ("Informativni dan: podpora SocioLab", "Info day: SocioLab support"),
    ("Informativni dan: ustanovitev zadruge", "Info day: founding a cooperative"),
)
FAIR_TITLE = ("Sejem socialne ekonomije Podravja {year} z dnevom odprtih vrat",
              "Podravje Social Economy Fair {year} with open days")
CONFERENCE_TITLE = (
    "Mednarodna strokovna konferenca SocioLab: socialna ekonomija za vključujočo družbo",
    "SocioLab International Conference: the social economy for an inclusive society",
)
COMPETITION_EVENT_TITLE = ("Podelitev nagrad: {title}", "Award ceremony: {title_en}")
OTHER_TITLES = (
    ("Mreženje socialnih podjetij Podravja", "Networking of Podravje social enterprises"),
    ("Srečanje mentorjev in svetovalcev", "Meeting of mentors and advisers"),
    ("Ogled dobrih praks v regiji", "Study visit to good practices in the region"),
)

# (Slovenian title, English title) of award competitions; {year} filled in.
COMPETITION_TITLES = {
    "social_innovation": (
        "Najbolj družbeno inovativno podjetje Podravja {year}",
        "Most socially innovative venture of Podravje {year}",
    ),
    "ethical_investor": ("Najbolj etični vlagatelj {year}", "Most ethical investor {year}"),
}

CONTACT_DESCRIPTIONS = (
    "Stranka se je zanimala za ustanovitev socialnega podjetja.",
    "Vprašanja o pridobitvi statusa socialnega podjetja.",
    "Pogovor o ideji za zadrugo lokalnih pridelovalcev.",
    "Zanimanje za usposabljanje SocioLab.",
    "Vprašanja o javnem razpisu za spodbujanje zaposlovanja.",
    "Svetovanje o izbiri pravnoorganizacijske oblike.",
    "Pomoč pri pripravi poslovnega načrta.",
    "Vprašanja o zaposlovanju oseb iz ranljivih skupin.",
    "Prijava na informativni dan.",
)
CONTACT_OUTCOMES = (
    "Posredovane informacije in gradivo.",
    "Dogovorjen termin za mentorstvo.",
    "Vabljen(a) na naslednje usposabljanje.",
    "Napotitev k pristojni instituciji.",
    "Stranka bo sporočila odločitev.",
    "Poslan vzorec akta o ustanovitvi.",
)
REFERRALS = (
    "Zavod RS za zaposlovanje", "Center za socialno delo", "Javni sklad za podjetništvo",
    "Lokalna razvojna agencija", "Obrtno-podjetniška zbornica",
)

MENTORING_SUMMARIES = (
    "Pregled poslovnega modela in ciljnih skupin kupcev.",
    "Priprava finančnega načrta za prvi dve leti.",
    "Pregled zadružnih pravil in pravic članov.",
    "Načrt trženja in nastopa na družbenih omrežjih.",
    "Priprava prijave na javni razpis.",
    "Kazalniki družbenega učinka in poročanje.",
    "Organizacija dela in zaposlitev osebe iz ranljive skupine.",
    "Izbira pravnoorganizacijske oblike in postopek ustanovitve.",
)
AGREED_ACTIONS = (
    "Dopolniti poslovni načrt s finančnimi projekcijami.",
    "Pripraviti osnutek akta o ustanovitvi.",
    "Zbrati ponudbe za opremo.",
    "Posodobiti spletno stran in profil na družbenih omrežjih.",
    "Oddati vlogo za status socialnega podjetja.",
    "Pripraviti seznam potencialnih kupcev.",
    "Preveriti pogoje razpisa in roke.",
    "Dogovoriti sestanek z občino.",
)
ACTION_OWNERS = ("mentor", "stranka", "skupaj")

DIAGNOSTIC_GOALS = (
    "Stabilen prihodek iz prodaje in manjša odvisnost od razpisov.",
    "Zaposlitev dveh oseb iz ranljivih skupin v dveh letih.",
    "Razširitev ponudbe na sosednje občine.",
    "Pridobitev statusa socialnega podjetja.",
)
DIAGNOSTIC_PLANS = (
    "Mentorstvo pri trženju, usposabljanje za vodenje, prijava na razpis.",
    "Priprava poslovnega načrta, povezovanje z lokalnimi kupci.",
    "Ureditev računovodstva, načrt zaposlovanja, merjenje učinka.",
)
ENROLMENT_OUTCOMES = (
    "Program zaključen, pripravljen poslovni načrt.",
    "Ustanovljeno podjetje, prva zaposlitev.",
    "Izstop zaradi spremenjenih osebnih okoliščin.",
)
JOB_EVIDENCE = (
    "Pogodba o zaposlitvi in prijava v zavarovanje (M-1).",
    "Aneks k pogodbi o zaposlitvi.",
    "Izjava delodajalca o ohranitvi delovnega mesta.",
)

PRODUCTS = (
    ("Zeliščni čaji s Pohorja", "Čaji iz ekološko pridelanih zelišč, pakirani v delavnici."),
    ("Dostava kosil starejšim", "Topli obroki na dom za starejše na podeželju."),
    ("Popravljalnica koles", "Popravila in prodaja obnovljenih koles."),
    ("Torbe iz odsluženih transparentov", "Unikatne torbe, ki jih šivajo osebe iz ranljivih skupin."),
    ("Medgeneracijsko varstvo", "Varstvo otrok, pri katerem sodelujejo upokojenci."),
    ("Lokalna spletna tržnica", "Skupna spletna prodaja kmetij iz okolice."),
    ("Prevozi za starejše", "Prostovoljni prevozi do zdravnika in trgovine."),
    ("Igrače iz lesa", "Lesene igrače iz lokalnega lesa."),
    ("Skupnostni vrt", "Najem gredic in delavnice vrtnarjenja."),
    ("Izposojevalnica orodja", "Souporaba orodja za prebivalce soseske."),
    ("Turistični paket Haloze", "Doživetja pri lokalnih ponudnikih v Halozah."),
    ("Kozmetika iz lokalnih sestavin", "Mila in mazila iz domačih surovin."),
)

ORGANISATION_NOTES = (
    "Zainteresirani za skupni nastop na sejmu.",
    "Iščejo prostore v središču mesta.",
    "Pripravljajo vlogo za status socialnega podjetja.",
)
PERSON_NOTES = (
    "Želi obvestila o usposabljanjih.",
    "Dosegljiv(a) predvsem popoldne.",
    "Potrebuje dostop brez stopnic.",
)
