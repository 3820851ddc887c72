"""Word lists for invented people, places and organisations of the demo data (no real persons).

First and last names are drawn independently, so every full name is an invented combination.
"""

from __future__ import annotations

FEMALE_FIRST_NAMES = (
    "Ana", "Maja", "Nina", "Eva", "Katja", "Mojca", "Petra", "Špela", "Tjaša", "Urška", "Nuša",
    "Živa", "Neža", "Manca", "Tina", "Barbara", "Mateja", "Andreja", "Alenka", "Darja", "Vesna",
    "Simona", "Polona", "Jožica", "Marjeta", "Irena", "Sabina", "Lucija", "Zala", "Ajda",
    "Brigita", "Danijela", "Dragana", "Đurđica", "Jasmina", "Amra", "Ivana", "Suzana", "Tanja",
    "Metka", "Helena", "Zdenka", "Štefka", "Milena", "Nataša", "Tadeja", "Klavdija", "Lea", "Sara",
    "Jerneja", "Gordana", "Snežana", "Anđela", "Lejla", "Erna", "Karmen", "Vida", "Ljudmila",
)

MALE_FIRST_NAMES = (
    "Luka", "Jan", "Žiga", "Matic", "Nejc", "Miha", "Rok", "Tilen", "Gašper", "Aleš", "Matjaž",
    "Janez", "Franc", "Jože", "Marko", "Andrej", "Boštjan", "Primož", "Gregor", "Tomaž", "Uroš",
    "Damjan", "Dejan", "Bojan", "Zoran", "Dragan", "Đorđe", "Nikola", "Emir", "Edin", "Mirza",
    "Stanko", "Vlado", "Zvonko", "Srečko", "Anže", "Blaž", "Črt", "Jaka", "Domen", "Tadej",
    "Klemen", "Peter", "Robert", "Sašo", "Dušan", "Štefan", "Branko", "Ivan", "Mitja", "Ćamil",
    "Davor", "Goran", "Igor", "Kristjan", "Martin", "Vid", "Žan",
)

LAST_NAMES = (
    "Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič", "Potočnik", "Kovač", "Mlakar", "Kos",
    "Vidmar", "Golob", "Turk", "Božič", "Kralj", "Korošec", "Zupan", "Bizjak", "Hribar", "Kotnik",
    "Rozman", "Kavčič", "Petek", "Kolar", "Žagar", "Kastelic", "Košir", "Koren", "Čeh", "Šuštar",
    "Žnidarič", "Pečnik", "Lah", "Fras", "Šket", "Šalamun", "Vaupotič", "Meško", "Kokol", "Čuš",
    "Lešnik", "Ferk", "Hojnik", "Šmigoc", "Rajh", "Brumen", "Gajšek", "Štumberger", "Kmetec",
    "Murko", "Vogrinec", "Cvetko", "Bezjak", "Zorko", "Trstenjak", "Ploj", "Polanec", "Vindiš",
    "Žunkovič", "Čuček", "Toplak", "Kolednik", "Kaučič", "Lovrenčič", "Šlamberger", "Pučko",
    "Kramberger", "Žižek", "Jurkovič", "Babič", "Mesarič", "Zelenko", "Kocbek", "Ornik",
    "Senekovič", "Bračko", "Golc", "Kurnik", "Majcen", "Petrovič", "Šeruga", "Ozmec", "Rečnik",
    "Đurđević", "Ćosić", "Kovačević", "Petrović", "Jovanović", "Marković", "Hadžić", "Begić",
    "Đokić", "Ćirić", "Mehmedović", "Babić", "Tomić", "Hodžić", "Ćurić", "Vuković", "Nikolić",
    "Delić", "Šehić", "Đukić",
)

# Clients from across the border: first names by gender, and last names, per country.
FOREIGN_NAMES = {
    "AT": (
        ("Katharina", "Sabine", "Julia", "Theresa", "Birgit", "Doris"),
        ("Andreas", "Stefan", "Lukas", "Florian", "Günther", "Jürgen"),
        ("Gruber", "Huber", "Wagner", "Pichler", "Steiner", "Moser", "Hofer", "Müller", "Weiß"),
    ),
    "HR": (
        ("Ivana", "Marija", "Petra", "Ana", "Kristina", "Željka"),
        ("Ivan", "Josip", "Tomislav", "Krešimir", "Mario", "Hrvoje"),
        ("Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novosel", "Šimić", "Vuković"),
    ),
    "HU": (
        ("Zsófia", "Eszter", "Katalin", "Anna", "Réka", "Ildikó"),
        ("Péter", "Gábor", "László", "Zoltán", "Bence", "Ádám"),
        ("Horváth", "Nagy", "Kovács", "Tóth", "Szabó", "Varga", "Molnár", "Kiss"),
    ),
}

# Towns across the border: (country, postal code or None when it has more than four digits, town).
FOREIGN_TOWNS = (
    ("AT", "8010", "Graz"),
    ("AT", "8430", "Leibnitz"),
    ("AT", "8490", "Bad Radkersburg"),
    ("AT", "9020", "Klagenfurt am Wörthersee"),
    ("HR", None, "Varaždin"),
    ("HR", None, "Čakovec"),
    ("HR", None, "Zagreb"),
    ("HU", "9970", "Szentgotthárd"),
    ("HU", "8960", "Lenti"),
)

FOREIGN_STREETS = {
    "AT": ("Hauptplatz", "Bahnhofstraße", "Grazer Straße", "Schulgasse", "Kirchengasse"),
    "HR": ("Ulica kralja Tomislava", "Zagrebačka ulica", "Ulica Matije Gupca", "Trg slobode"),
    "HU": ("Fő utca", "Kossuth Lajos utca", "Petőfi utca", "Széchenyi tér"),
}

STREETS = (
    "Partizanska cesta", "Glavni trg", "Prešernova ulica", "Cankarjeva ulica", "Gregorčičeva ulica",
    "Slovenska ulica", "Ptujska cesta", "Mariborska cesta", "Kolodvorska ulica", "Šolska ulica",
    "Vinarska ulica", "Trubarjeva ulica", "Vrtna ulica", "Sončna ulica", "Cesta talcev",
    "Tržaška cesta", "Koroška cesta", "Gosposvetska cesta", "Kettejeva ulica", "Jurčičeva ulica",
    "Levstikova ulica", "Kidričeva ulica", "Aškerčeva ulica", "Ulica heroja Šlandra",
    "Čučkova ulica", "Žolgarjeva ulica", "Lackova cesta", "Ob Dravi", "Pod vinogradi",
    "Vrbanska cesta", "Ljubljanska ulica", "Obrtna cesta", "Industrijska ulica", "Zelena ulica",
    "Ulica Pohorskega bataljona", "Štuhčeva ulica", "Ormoška cesta", "Cesta zmage",
)

# Organisation names: a distinctive word or two, then the form's customary wording.
NAME_WORDS = (
    "Sončni", "Zeleni", "Pohorski", "Haloški", "Dravski", "Prleški", "Mestni", "Skupni", "Dobri",
    "Novi", "Modri", "Srebrni", "Lipov", "Ptujski", "Mariborski", "Zlati", "Vinski", "Lesni",
)
NAME_NOUNS = (
    "krog", "vrt", "most", "mlin", "panj", "gaj", "breg", "dom", "kruh", "les", "vir", "hram",
    "čebelnjak", "sadovnjak", "kotiček", "pristan", "korak", "hrast", "lonček", "klas",
)
NAME_ACTIVITIES = (
    "za trajnostni razvoj", "za socialno vključevanje", "za ponovno uporabo", "za lokalno oskrbo",
    "za medgeneracijsko sodelovanje", "za zaposlovanje mladih", "za kulturo in turizem",
    "za zeleno podjetništvo", "za dostopno mobilnost", "za pomoč na domu",
)

SECTORS = (
    "predelava hrane", "socialna oskrba", "turizem", "ponovna uporaba in popravila", "kmetijstvo",
    "izobraževanje", "kultura", "storitve IT", "gradbeništvo in vzdrževanje", "tekstil",
    "gostinstvo", "okoljske storitve", "mobilnost", "obrt",
)

# Places for events and mentoring, by info-point town.
VENUES = (
    "{town}, sejna soba informacijske točke",
    "Kulturni dom {town}, mala dvorana",
    "Knjižnica {town}, čitalnica",
    "Podjetniški inkubator {town}, predavalnica",
)
ONLINE_VENUE = "Spletno srečanje (Zoom)"
FAIR_VENUE = "{town}, mestno središče in prostori sodelujočih podjetij"
CONFERENCE_VENUE = "Maribor, konferenčna dvorana"
