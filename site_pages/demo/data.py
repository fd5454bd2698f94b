"""Eisenach demo content: the seed's action fields and measures plus plausible, clearly-marked demo data.

Dates that only make sense relative to "now" (application windows, review dates, the end of
running measures and offers, the "as of" of current figures) are `LoadDay`s: the loader
resolves them against the day the demo is loaded, so the demo means the same on any date.
The seed's history stays absolute: the reference date 31.12.2019, when measures started,
when finished measures ended.
"""

import calendar
from dataclasses import dataclass
from datetime import date, time, timedelta

from site_pages.dates import add_months


@dataclass(frozen=True)
class LoadDay:
    """A date counted from the day the demo is loaded: months on, a day of that month, days on.

    ``LoadDay()`` is the load day, ``LoadDay(days=15)`` two weeks and a day later,
    ``LoadDay(months=-5, day=30)`` the 30th five months earlier (loaded on 30 November 2026:
    30 June 2026). `day` is clamped to the month's end, so ``day=31`` is always its last day.
    """

    months: int = 0
    day: int | None = None
    days: int = 0

    def on(self, load_day: date) -> date:
        """The date this stands for when the demo is loaded on `load_day`."""
        shifted = add_months(load_day, self.months)
        if self.day is not None:
            last = calendar.monthrange(shifted.year, shifted.month)[1]
            shifted = shifted.replace(day=min(self.day, last))
        return shifted + timedelta(days=self.days)


def on_load_day(value: date | LoadDay | None, load_day: date) -> date | None:
    """A date of the data as of `load_day`: `LoadDay`s resolved, absolute dates unchanged."""
    return value.on(load_day) if isinstance(value, LoadDay) else value


# Hinweis, der an jedem Demo-Datensatz angezeigt wird (höchstens 255 Zeichen).
DEMO_NOTE = (
    "Demo-Daten: Personen, Termine, Adressen und Kontaktdaten sowie einzelne Vereine, Angebote "
    "und Förderprogramme sind für die Demonstration erfunden und stammen nicht aus dem "
    "Integrationskonzept der Stadt Eisenach 2020."
)

# Zulässige Werte, die der Loader erwartet (nur für check_references()).
_ORGANISATION_KINDS = {"authority", "provider", "funder", "partner", "advisory_council"}
# Zulässige Umsetzungsstände einer Maßnahme.
_STATUSES = {"planned", "in_progress", "implemented", "ongoing", "delayed", "discontinued"}
# Zulässige Prioritäten einer Maßnahme.
_PRIORITIES = {"high", "medium", "low"}
# Zulässige Rollen der Demo-Nutzerinnen und -Nutzer.
_ROLES = {"admin", "editor", "owner", "reviewer", "translator"}
# Zulässige Ebenen der Fördermittelgeber.
_FUNDER_LEVELS = {"eu", "federal", "state", "municipal", "foundation"}
# Zulässige Förderarten.
_FUNDING_TYPES = {"grant", "loan", "prize", "in_kind"}
# Zulässige Fördergebiete.
_REGIONS = {"local", "district", "state", "national", "eu"}
# Zulässige Gruppen von Antragsberechtigten.
_APPLICANTS = {
    "associations",
    "initiatives",
    "migrant_organisations",
    "municipalities",
    "schools",
    "companies",
    "individuals",
    "religious_communities",
}
# Sprachcodes (ISO 639-1), die das Angebotsmodell kennt.
# fmt: off
_LANGUAGES = {
    "de", "en", "ar", "fa", "ps", "ku", "tr", "uk", "ru", "pl", "ro", "bg", "hr", "sr", "sq",
    "el", "hu", "cs", "it", "es", "pt", "fr", "vi", "zh", "hi", "ur", "ti", "so", "am",
}
# fmt: on

# Organisationen des Eisenacher Integrationsnetzwerks (Träger, Behörden, Fördermittelgeber).
ORGANISATIONS = [
    {
        "key": "stadt",
        "name": "Stadtverwaltung Eisenach – Stabsstelle Integration",
        "kind": "authority",
        "website": "https://www.eisenach.de/",
        "description": (
            "Die Stabsstelle Integration koordiniert das Integrationskonzept der Stadt Eisenach, "
            "begleitet die Netzwerke der Integrationsarbeit und ist Ansprechpartnerin für Vereine, "
            "Initiativen und Migrantenorganisationen."
        ),
    },
    {
        "key": "auslaenderbeirat",
        "name": "Ausländerbeirat der Stadt Eisenach",
        "kind": "advisory_council",
        "website": "https://auslaenderbeirat-eisenach.example.org/",
        "description": (
            "Der Ausländerbeirat vertritt die Interessen der Einwohnerinnen und Einwohner ohne "
            "deutsche Staatsangehörigkeit gegenüber Stadtrat und Verwaltung und berät sie in "
            "allen Fragen, die Migrantinnen und Migranten betreffen."
        ),
    },
    {
        "key": "vhs",
        "name": "Volkshochschule Eisenach",
        "kind": "provider",
        "website": "https://vhs-eisenach.example.org/",
        "description": (
            "Die Volkshochschule ist zugelassene Trägerin von Integrationskursen und bietet "
            "Deutschkurse auf allen Niveaustufen, Alphabetisierungskurse und Prüfungen an."
        ),
    },
    {
        "key": "jobcenter",
        "name": "Jobcenter Wartburgkreis – Standort Eisenach",
        "kind": "authority",
        "website": "https://jobcenter-wartburgkreis.example.org/",
        "description": (
            "Das Jobcenter unterstützt erwerbsfähige Leistungsberechtigte bei der Arbeitssuche, "
            "fördert Sprachkurse und Qualifizierungen und berät Arbeitgeber zu Fördermöglichkeiten."
        ),
    },
    {
        "key": "arbeitsagentur",
        "name": "Agentur für Arbeit – Geschäftsstelle Eisenach",
        "kind": "authority",
        "website": "https://www.arbeitsagentur.de/",
        "description": (
            "Die Agentur für Arbeit berät zu Berufswahl, Ausbildung und Arbeitsvermittlung, "
            "unterstützt bei der Anerkennung ausländischer Abschlüsse und betreut Arbeitgeber über "
            "den Arbeitgeber-Service."
        ),
    },
    {
        "key": "caritas",
        "name": "Caritas – Beratungszentrum Eisenach",
        "kind": "provider",
        "website": "https://caritas-eisenach.example.org/",
        "description": (
            "Die Caritas bietet in Eisenach allgemeine Sozialberatung, Beratung für "
            "EU-Bürgerinnen und -Bürger sowie Gruppenangebote für Frauen an."
        ),
    },
    {
        "key": "diakonie",
        "name": "Diakonie Eisenach",
        "kind": "provider",
        "website": "https://diakonie-eisenach.example.org/",
        "description": (
            "Die Diakonie ist Trägerin von Kindertageseinrichtungen, der Sozialbetreuung in der "
            "Gemeinschaftsunterkunft sowie von Lern- und Familienangeboten in mehreren Stadtteilen."
        ),
    },
    {
        "key": "mbe",
        "name": "Migrationsberatung für erwachsene Zuwanderer (MBE) Eisenach",
        "kind": "provider",
        "website": "https://mbe-eisenach.example.org/",
        "description": (
            "Die vom Bund geförderte Migrationsberatung begleitet erwachsene Zugewanderte in den "
            "ersten Jahren nach ihrer Ankunft – zu Aufenthalt, Sprache, Arbeit, Wohnen und Familie."
        ),
    },
    {
        "key": "jmd",
        "name": "Jugendmigrationsdienst Eisenach",
        "kind": "provider",
        "website": "https://jmd-eisenach.example.org/",
        "description": (
            "Der Jugendmigrationsdienst berät junge Menschen mit Migrationsgeschichte zwischen 12 "
            "und 27 Jahren beim Übergang von der Schule in Ausbildung, Studium und Beruf."
        ),
    },
    {
        "key": "ehrenamtsstiftung",
        "name": "Thüringer Ehrenamtsstiftung",
        "kind": "funder",
        "website": "https://www.thueringer-ehrenamtsstiftung.de/",
        "description": (
            "Die Landesstiftung fördert ehrenamtliches Engagement in Thüringen, unter anderem mit "
            "dem Engagementfonds „nebenan angekommen“ für Projekte der Willkommenskultur."
        ),
    },
    {
        "key": "thueringen",
        "name": "Freistaat Thüringen – für Migration zuständiges Landesministerium",
        "kind": "funder",
        "website": "https://thueringen-migration.example.org/",
        "description": (
            "Der Freistaat Thüringen fördert über die Thüringer Initiative für lokales "
            "Integrationsmanagement in den Kommunen (ThILIK) das Integrationsmanagement der Stadt; "
            "2020 lag die Zuständigkeit beim Ministerium für Migration, Justiz und "
            "Verbraucherschutz."
        ),
    },
    {
        "key": "bamf",
        "name": "Bundesamt für Migration und Flüchtlinge (BAMF)",
        "kind": "funder",
        "website": "https://www.bamf.de/",
        "description": (
            "Das Bundesamt steuert die Integrationskurse, fördert Migrationsberatung und "
            "Jugendmigrationsdienste und unterstützt gemeinwesenorientierte Integrationsprojekte."
        ),
    },
    {
        "key": "eu_esf",
        "name": "Europäische Union – Europäischer Sozialfonds Plus (ESF Plus)",
        "kind": "funder",
        "website": "https://esf-plus-thueringen.example.org/",
        "description": (
            "Der Europäische Sozialfonds Plus finanziert gemeinsam mit dem Freistaat Thüringen "
            "Projekte für Beschäftigung, Bildung und soziale Teilhabe."
        ),
    },
    {
        "key": "aktion_mensch",
        "name": "Aktion Mensch e. V.",
        "kind": "funder",
        "website": "https://www.aktion-mensch.de/",
        "description": (
            "Die Förderorganisation unterstützt gemeinnützige Projekte für Inklusion, unter "
            "anderem für Kinder und Jugendliche, auch mit Flucht- oder Migrationsgeschichte."
        ),
    },
    {
        "key": "ihk",
        "name": "IHK Erfurt – Regionale Ausbildungsberatung Eisenach",
        "kind": "partner",
        "website": "https://ihk-erfurt-eisenach.example.org/",
        "description": (
            "Die Industrie- und Handelskammer berät Betriebe zur Ausbildung und Beschäftigung von "
            "Zugewanderten und arbeitet dabei eng mit der Handwerkskammer zusammen."
        ),
    },
    {
        "key": "landratsamt",
        "name": "Landratsamt Wartburgkreis",
        "kind": "authority",
        "website": "https://wartburgkreis.example.org/",
        "description": (
            "Seit der Einkreisung Eisenachs am 1. Juli 2021 ist der Wartburgkreis unter anderem "
            "für die Ausländerbehörde und die Unterbringung von Asylsuchenden zuständig."
        ),
    },
    {
        "key": "gesundheitsamt",
        "name": "Gesundheitsamt des Wartburgkreises",
        "kind": "authority",
        "website": "https://gesundheitsamt-wartburgkreis.example.org/",
        "description": (
            "Das Gesundheitsamt führt die Schuleingangsuntersuchungen durch, berät zu Impfungen "
            "und Infektionsschutz und koordiniert Angebote der kultursensiblen "
            "Gesundheitsförderung."
        ),
    },
    {
        "key": "polizei",
        "name": "Polizeiinspektion Eisenach",
        "kind": "partner",
        "website": "https://polizei-eisenach.example.org/",
        "description": (
            "Die Polizei beteiligt sich mit ihren Kontaktbereichsbeamtinnen und -beamten an "
            "Präventionsangeboten und am Austausch zu Sicherheitsfragen in den Stadtteilen."
        ),
    },
    {
        "key": "begegnungsverein",
        "name": "Begegnung und Vielfalt Eisenach e. V.",
        "kind": "provider",
        "website": "https://begegnung-eisenach.example.org/",
        "description": (
            "Der gemeinnützige Verein trägt das interkulturelle Begegnungszentrum in der "
            "Nordstadt, das Sprachcafé und den interkulturellen Garten; viele Mitglieder haben "
            "selbst eine Migrationsgeschichte."
        ),
    },
    {
        "key": "sportverein",
        "name": "Sportgemeinschaft Nordstadt Eisenach e. V.",
        "kind": "partner",
        "website": "https://sg-nordstadt-eisenach.example.org/",
        "description": (
            "Der Breitensportverein öffnet seine Fußball- und Freizeitgruppen ausdrücklich für "
            "Kinder, Jugendliche und Erwachsene, die neu in Eisenach sind."
        ),
    },
]

# Sozialräume und Stadtteile, nach denen Angebote und Maßnahmen verortet werden.
DISTRICTS = [
    {
        "key": "innenstadt",
        "name": "Innenstadt",
        "description": (
            "Historische Altstadt rund um Markt und Karlsplatz mit Rathaus, Beratungsstellen und "
            "den meisten Behördengängen."
        ),
    },
    {
        "key": "nordstadt",
        "name": "Nordstadt",
        "description": (
            "Dicht bebautes Wohngebiet mit vielen Mehrfamilienhäusern und dem höchsten Anteil "
            "neu zugezogener Familien."
        ),
    },
    {
        "key": "oststadt",
        "name": "Oststadt",
        "description": (
            "Gemischtes Wohn- und Gewerbegebiet mit Kindertageseinrichtungen, Schulen und guter "
            "Anbindung an die Innenstadt."
        ),
    },
    {
        "key": "suedstadt",
        "name": "Südstadt",
        "description": (
            "Villenviertel am Fuß der Wartburg mit Verwaltungs- und Bildungseinrichtungen."
        ),
    },
    {
        "key": "weststadt",
        "name": "Weststadt",
        "description": (
            "Wohngebiet im Westen der Kernstadt mit Gemeinschaftsunterkunft, Kleingärten und "
            "Nahversorgung."
        ),
    },
    {
        "key": "stregda",
        "name": "Stregda",
        "description": "Ortsteil im Norden Eisenachs mit Sportplatz und Vereinsleben.",
    },
    {
        "key": "hoetzelsroda",
        "name": "Hötzelsroda",
        "description": (
            "Dörflich geprägter Ortsteil im Osten der Stadt mit aktiver Dorfgemeinschaft."
        ),
    },
    {
        "key": "stockhausen",
        "name": "Stockhausen",
        "description": "Ortsteil am nördlichen Stadtrand mit Gärten und Freiflächen.",
    },
]

# Zielgruppen, an die sich Angebote und Maßnahmen richten.
TARGET_GROUPS = [
    {
        "key": "frauen",
        "name": "Frauen",
        "description": "Frauen mit Migrations- oder Fluchtgeschichte, auch mit kleinen Kindern.",
    },
    {
        "key": "eltern",
        "name": "Eltern",
        "description": (
            "Mütter und Väter, die ihre Kinder in Kita, Schule und Ausbildung begleiten."
        ),
    },
    {
        "key": "kinder_jugendliche",
        "name": "Kinder und Jugendliche",
        "description": "Kinder und junge Menschen bis 27 Jahre mit Migrationsgeschichte.",
    },
    {
        "key": "eu_buerger",
        "name": "EU-Bürgerinnen und -Bürger",
        "description": (
            "Zugewanderte aus anderen Staaten der Europäischen Union, etwa aus Polen, Rumänien "
            "und Bulgarien."
        ),
    },
    {
        "key": "asylsuchende",
        "name": "Asylsuchende",
        "description": (
            "Menschen im Asylverfahren und mit unsicherer Bleibeperspektive, auch in der "
            "Gemeinschaftsunterkunft."
        ),
    },
    {
        "key": "gefluechtete_anerkannt",
        "name": "Geflüchtete mit Anerkennung",
        "description": (
            "Menschen mit anerkanntem Flüchtlingsstatus, Asylberechtigung oder subsidiärem Schutz."
        ),
    },
    {
        "key": "arbeitgeber",
        "name": "Arbeitgeber",
        "description": (
            "Betriebe, Verwaltungen und Einrichtungen, die Zugewanderte ausbilden oder "
            "beschäftigen."
        ),
    },
    {
        "key": "ehrenamtliche",
        "name": "Ehrenamtliche",
        "description": (
            "Engagierte Menschen, Initiativen und Vereine, die Zugewanderte begleiten und "
            "Begegnung ermöglichen."
        ),
    },
    {
        "key": "neuzugewanderte",
        "name": "Neuzugewanderte",
        "description": "Menschen, die in den letzten Jahren nach Eisenach gezogen sind.",
    },
]

# Angebotsarten des digitalen Angebotskatalogs.
OFFER_TYPES = [
    {"key": "beratung", "name": "Beratung"},
    {"key": "sprachkurs", "name": "Sprachkurs"},
    {"key": "begegnungsort", "name": "Begegnungsort"},
    {"key": "ratgeber", "name": "Ratgeber/Wegweiser"},
    {"key": "bildung", "name": "Bildung"},
    {"key": "gesundheit", "name": "Gesundheit"},
    {"key": "freizeit_sport", "name": "Freizeit/Sport"},
]

# Förderbereiche der Fördermittelübersicht.
FUNDING_AREAS = [
    {"key": "integration", "name": "Integration"},
    {"key": "ehrenamt", "name": "Ehrenamt"},
    {"key": "sprache", "name": "Sprache"},
    {"key": "bildung", "name": "Bildung"},
    {"key": "arbeit", "name": "Arbeit"},
    {"key": "kultur", "name": "Kultur"},
    {"key": "sport", "name": "Sport"},
]

# Erfundene Demo-Konten: Administration, Redaktion, zwei Maßnahmenverantwortliche, Prüferin.
USERS = [
    {
        "key": "admin",
        "username": "admin",
        "first_name": "Sabine",
        "last_name": "Hartung",
        "email": "sabine.hartung@eisenach.example",
        "role": "admin",
        "preferred_language": "de",
    },
    {
        "key": "redaktion",
        "username": "redaktion",
        "first_name": "Jonas",
        "last_name": "Keller",
        "email": "jonas.keller@eisenach.example",
        "role": "editor",
        "preferred_language": "de",
    },
    {
        "key": "owner1",
        "username": "l.schubert",
        "first_name": "Lena",
        "last_name": "Schubert",
        "email": "lena.schubert@eisenach.example",
        "role": "owner",
        "preferred_language": "de",
    },
    {
        "key": "owner2",
        "username": "k.haddad",
        "first_name": "Karim",
        "last_name": "Haddad",
        "email": "karim.haddad@eisenach.example",
        "role": "owner",
        "preferred_language": "en",
    },
    {
        "key": "reviewer",
        "username": "e.nowak",
        "first_name": "Ewa",
        "last_name": "Nowak",
        "email": "ewa.nowak@eisenach.example",
        "role": "reviewer",
        "preferred_language": "de",
    },
    {
        "key": "translator",
        "username": "uebersetzung",
        "first_name": "Amira",
        "last_name": "Saleh",
        "email": "amira.saleh@eisenach.example",
        "role": "translator",
        "translates_into": ["ar", "en"],
        "preferred_language": "ar",
    },
]

# Die neun Handlungsfelder des Integrationskonzepts; Titel wörtlich aus dem Konzept.
ACTION_FIELDS = [
    {
        "number": 1,
        "title": (
            "Organisatorische und fachliche Rahmenbedingungen für kommunale Integrationsarbeit"
        ),
        "summary": (
            "Integration braucht verlässliche Strukturen: eine dauerhaft besetzte Koordination, "
            "abgestimmte Netzwerke und aktuelle Daten, auf die sich Politik und Verwaltung stützen "
            "können."
        ),
        "goals": [
            "Das Integrationsmanagement ist dauerhaft in der Stadtverwaltung verankert.",
            "Ein jährliches Integrationsmonitoring zeigt Entwicklungen in den Sozialräumen.",
            "Das Integrationskonzept wird regelmäßig überprüft und fortgeschrieben.",
        ],
        "coordinator": "admin",
    },
    {
        "number": 2,
        "title": "Aufgaben der Kommune",
        "summary": (
            "Die Stadtverwaltung öffnet sich interkulturell, stärkt die politische Mitwirkung von "
            "Migrantinnen und Migranten und nimmt Sicherheitsfragen im Zusammenleben ernst."
        ),
        "goals": [
            "Mitarbeitende der Verwaltung sind interkulturell geschult.",
            "Wichtige Informationen der Stadt liegen mehrsprachig und in einfacher Sprache vor.",
            "Der Ausländerbeirat wird frühzeitig an Entscheidungen des Stadtrates beteiligt.",
        ],
        "coordinator": "owner2",
    },
    {
        "number": 3,
        "title": "Spracherwerb und Bildung",
        "summary": (
            "Deutschkenntnisse und Bildung sind Schlüssel zur Teilhabe. Sprachkurse sollen ohne "
            "lange Wartezeiten erreichbar sein, Eltern werden als Bildungspartner gestärkt."
        ),
        "goals": [
            "Sprachkursträger stimmen ihre Angebote ab und verkürzen Wartezeiten.",
            "Eltern mit Migrationsgeschichte kennen das Bildungssystem und nutzen Beratung.",
            "Kinder erhalten frühzeitig Unterstützung beim Lernen.",
        ],
        "coordinator": "owner1",
    },
    {
        "number": 4,
        "title": "Ökonomische Situation und Arbeitsmarkt",
        "summary": (
            "Ausbildung und Beschäftigung sichern Einkommen und Unabhängigkeit. Zugewanderte und "
            "Betriebe sollen passende Wege in Ausbildung und Arbeit finden."
        ),
        "goals": [
            "Mehr junge Zugewanderte beginnen und beenden eine Berufsausbildung.",
            "Arbeitgeber kennen die Förderinstrumente für die Beschäftigung Zugewanderter.",
            "Ausländische Abschlüsse werden schneller anerkannt.",
        ],
        "coordinator": "owner1",
    },
    {
        "number": 5,
        "title": "Beratung und Unterstützung",
        "summary": (
            "Gut erreichbare, mehrsprachige Beratung hilft in den ersten Jahren nach der Ankunft – "
            "bei Behörden, Arbeit, Wohnen und Familie."
        ),
        "goals": [
            "Für alle großen Herkunftsgruppen gibt es Beratung in ihrer Sprache.",
            "EU-Bürgerinnen und -Bürger kennen ihre Rechte als Beschäftigte und Mieter.",
            "Beratungsstellen verweisen verbindlich aneinander.",
        ],
        "coordinator": "owner2",
    },
    {
        "number": 6,
        "title": "Soziale Integration und Teilhabe",
        "summary": (
            "Begegnung im Alltag, leicht zugängliche Informationen und Orte für alle machen "
            "Teilhabe möglich – in der Nachbarschaft, im Verein und im Stadtteil."
        ),
        "goals": [
            "Ein interkulturelles Begegnungszentrum steht allen Menschen in Eisenach offen.",
            "Alle Integrationsangebote sind in einem digitalen Angebotskatalog auffindbar.",
            "Frauen finden Informationen und Unterstützung in ihrer Sprache.",
        ],
        "coordinator": "owner1",
    },
    {
        "number": 7,
        "title": "Asylbewerber und Menschen mit unsicherer Bleibeperspektive",
        "summary": (
            "Auch Menschen im Asylverfahren oder mit Duldung sollen vom ersten Tag an "
            "Orientierung, Schutz und Zugang zu Sprache und Beratung erhalten."
        ),
        "goals": [
            "Bewohnerinnen und Bewohner der Gemeinschaftsunterkunft erhalten Beratung vor Ort.",
            "Kinder und Frauen in der Unterkunft sind besonders geschützt.",
            "Die Unterkunft ist mit den Angeboten im Stadtteil verbunden.",
        ],
        "coordinator": "owner2",
    },
    {
        "number": 8,
        "title": "Gesundheit und Prävention",
        "summary": (
            "Gesundheitliche Chancengleichheit beginnt mit Verständigung. Daten der "
            "Schuleingangsuntersuchungen und kultursensible Angebote helfen, Bedarfe früh zu "
            "erkennen."
        ),
        "goals": [
            "Schuleingangsdaten werden nach Sozialraum und Sprachstand ausgewertet.",
            "Bei Arztbesuchen steht bei Bedarf qualifizierte Sprachmittlung zur Verfügung.",
        ],
        "coordinator": "admin",
    },
    {
        "number": 9,
        "title": "Stärkung des zivilgesellschaftlichen Engagements",
        "summary": (
            "Vereine, Initiativen und Migrantenorganisationen tragen die Integrationsarbeit vor "
            "Ort. Die Stadt unterstützt sie mit Beratung, Vernetzung und Zugang zu Fördermitteln."
        ),
        "goals": [
            "Ehrenamtliche Projekte erhalten unkompliziert Fördermittel.",
            "Eine aktuelle Fördermittelübersicht zeigt Programme, Fristen und Beträge.",
            "Migrantenorganisationen stellen häufiger eigene Anträge.",
        ],
        "coordinator": "owner1",
    },
]

# Die 18 im Konzept beispielhaft genannten Maßnahmen, SMART beschrieben (Demo-Ausgestaltung).
MEASURES = [
    {
        "code": "1.1",
        "action_field": 1,
        "title": "Integrationsmonitoring",
        "summary": (
            "Die Stabsstelle Integration schreibt die Daten- und Faktensammlung des Konzepts "
            "jährlich fort und macht Entwicklungen in den Sozialräumen sichtbar."
        ),
        "description": [
            "Das Integrationskonzept ist datengestützt erstellt worden. Damit es aktuell bleibt, "
            "werden die wichtigsten Kennzahlen jährlich fortgeschrieben: Zahl und Herkunft der "
            "Migrantinnen und Migranten, Aufenthaltsstatus, Altersstruktur, Bildungs- und "
            "Arbeitsmarktdaten sowie Ergebnisse der Schuleingangsuntersuchungen.",
            "Die Daten werden, wo möglich, nach Sozialräumen ausgewertet und in einem kurzen "
            "Integrationsbericht zusammengefasst, der den Fachausschüssen und dem Stadtrat "
            "vorgelegt wird.",
        ],
        "specific_goal": (
            "Bis zum 30. Juni jedes Jahres liegt ein fortgeschriebener Integrationsbericht mit "
            "Kennzahlen zu Bevölkerung, Bildung, Arbeit und Gesundheit vor."
        ),
        "indicators": [
            {
                "name": "Jährlich fortgeschriebene Kennzahlen",
                "unit": "Kennzahlen",
                "baseline": 12,
                "target": 25,
                "current_value": 21,
                "as_of": LoadDay(months=-5, day=30),
            },
            {
                "name": "Veröffentlichte Integrationsberichte seit 2021",
                "unit": "Berichte",
                "baseline": 0,
                "target": 6,
                "current_value": 5,
                "as_of": LoadDay(months=-5, day=30),
            },
        ],
        "rationale": (
            "Verlässliche Daten sind die Grundlage, um Maßnahmen zu begründen und ihre Wirkung zu "
            "überprüfen; das Konzept versteht sich ausdrücklich als nicht statisch."
        ),
        "responsible_organisation": "stadt",
        "partners": ["jobcenter", "arbeitsagentur", "gesundheitsamt", "landratsamt"],
        "planned_start": date(2021, 1, 1),
        "planned_end": None,
        "status": "ongoing",
        "priority": "high",
        "districts": [
            "innenstadt",
            "nordstadt",
            "oststadt",
            "suedstadt",
            "weststadt",
            "stregda",
            "hoetzelsroda",
            "stockhausen",
        ],
        "target_groups": [
            "neuzugewanderte",
            "eu_buerger",
            "gefluechtete_anerkannt",
            "asylsuchende",
        ],
        "offers": [],
        "funding": [],
        "review_interval_months": 12,
        "review_due": LoadDay(days=7),
        "owner": "owner1",
        "deputy": "owner2",
    },
    {
        "code": "1.2",
        "action_field": 1,
        "title": "Verstetigung Integrationsmanagement",
        "summary": (
            "Die zunächst über ThILIK geförderte Stelle des Integrationsmanagements wird dauerhaft "
            "in der Stadtverwaltung verankert."
        ),
        "description": [
            "Das Integrationsmanagement wurde im Rahmen der Thüringer Initiative für lokales "
            "Integrationsmanagement in den Kommunen (ThILIK) aufgebaut. Damit die Koordination "
            "nicht mit dem Ende der Förderung wegfällt, wird die Stelle schrittweise in den "
            "Stellenplan der Stadt übernommen.",
            "Zur Verstetigung gehören auch feste Arbeitsformen: ein Netzwerk Integration, das "
            "mehrmals im Jahr tagt, eine abgestimmte Geschäftsordnung und klare Zuständigkeiten "
            "für jede Maßnahme des Konzepts.",
        ],
        "specific_goal": (
            "Die Koordinationsstelle Integration ist unbefristet im Stellenplan der Stadt "
            "verankert, und das Netzwerk Integration tagt mindestens viermal im Jahr."
        ),
        "indicators": [
            {
                "name": "Unbefristete Stellen im Integrationsmanagement",
                "unit": "Vollzeitstellen",
                "baseline": 0,
                "target": 1,
                "current_value": 1,
                "as_of": LoadDay(months=-10, day=1),
            },
            {
                "name": "Sitzungen des Netzwerks Integration pro Jahr",
                "unit": "Sitzungen",
                "baseline": 2,
                "target": 4,
                "current_value": 4,
                "as_of": LoadDay(months=-11, day=31),
            },
        ],
        "rationale": (
            "Ohne dauerhafte Koordination lassen sich die 30 Maßnahmen des Konzepts weder steuern "
            "noch überprüfen; befristete Projektstellen gehen mit Wissensverlust einher."
        ),
        "responsible_organisation": "stadt",
        "partners": ["thueringen", "auslaenderbeirat"],
        "planned_start": date(2021, 1, 1),
        "planned_end": None,
        "status": "ongoing",
        "priority": "high",
        "districts": ["innenstadt"],
        "target_groups": ["ehrenamtliche", "neuzugewanderte"],
        "offers": [],
        "funding": [],
        "review_interval_months": 12,
        "review_due": LoadDay(days=60),
        "owner": "owner1",
        "deputy": "owner2",
    },
    {
        "code": "2.1",
        "action_field": 2,
        "title": "Interkulturelle Öffnung der Verwaltung",
        "summary": (
            "Die Stadtverwaltung schult ihre Mitarbeitenden interkulturell und stellt wichtige "
            "Formulare und Merkblätter mehrsprachig und in einfacher Sprache bereit."
        ),
        "description": [
            "Viele Neuzugewanderte haben ihren ersten Kontakt zur Stadt im Bürgerbüro, im "
            "Standesamt oder in der Kita-Verwaltung. Dort entscheidet sich, ob sie sich "
            "verstanden fühlen und Anliegen ohne Umwege erledigen können.",
            "Die Maßnahme umfasst Fortbildungen zu interkultureller Kompetenz, mehrsprachige "
            "Merkblätter, ein Verzeichnis der Sprachkenntnisse im Haus sowie die Zusammenarbeit "
            "mit Sprachmittlerinnen und Sprachmittlern für schwierige Gespräche.",
        ],
        "specific_goal": (
            "Bis Ende 2027 haben 120 Mitarbeitende mit Publikumsverkehr an einer Fortbildung zu "
            "interkultureller Kompetenz teilgenommen."
        ),
        "indicators": [
            {
                "name": "Mitarbeitende mit Fortbildung zu interkultureller Kompetenz",
                "unit": "Personen",
                "baseline": 0,
                "target": 120,
                "current_value": 74,
                "as_of": LoadDay(months=-2, day=30),
            },
            {
                "name": "Mehrsprachig verfügbare Formulare und Merkblätter",
                "unit": "Dokumente",
                "baseline": 3,
                "target": 25,
                "current_value": 14,
                "as_of": LoadDay(months=-2, day=30),
            },
        ],
        "rationale": (
            "Eine Verwaltung, die verständlich kommuniziert, spart Rückfragen und Folgetermine und "
            "erleichtert Zugewanderten den Zugang zu ihren Rechten und Pflichten."
        ),
        "responsible_organisation": "stadt",
        "partners": ["auslaenderbeirat", "vhs"],
        "planned_start": date(2021, 3, 1),
        "planned_end": LoadDay(months=13, day=31),
        "status": "in_progress",
        "priority": "high",
        "districts": ["innenstadt"],
        "target_groups": ["neuzugewanderte", "eu_buerger", "gefluechtete_anerkannt"],
        "offers": ["wegweiser-ankommen"],
        "funding": [],
        "review_interval_months": 6,
        "review_due": LoadDay(days=-40),
        "owner": "owner2",
        "deputy": "owner1",
    },
    {
        "code": "2.2",
        "action_field": 2,
        "title": "Stärkung des Ausländerbeirates",
        "summary": (
            "Der Ausländerbeirat wird bekannter gemacht, in seiner Arbeit unterstützt und "
            "frühzeitig an Vorlagen des Stadtrates beteiligt."
        ),
        "description": [
            "Der Ausländerbeirat ist die gewählte Interessenvertretung der Eisenacherinnen und "
            "Eisenacher ohne deutsche Staatsangehörigkeit. Seine Wirkung hängt davon ab, dass er "
            "in der Stadtgesellschaft bekannt ist und rechtzeitig Stellung nehmen kann.",
            "Die Stabsstelle Integration unterstützt den Beirat bei Sitzungsvorbereitung und "
            "Öffentlichkeitsarbeit, organisiert Informationsabende vor der Beiratswahl und "
            "sorgt dafür, dass Vorlagen mit Bezug zu Migration dem Beirat vorab zugehen.",
        ],
        "specific_goal": (
            "Der Ausländerbeirat gibt jährlich mindestens acht Stellungnahmen zu Vorlagen des "
            "Stadtrates und seiner Ausschüsse ab."
        ),
        "indicators": [
            {
                "name": "Stellungnahmen des Beirates zu Stadtratsvorlagen pro Jahr",
                "unit": "Stellungnahmen",
                "baseline": 2,
                "target": 8,
                "current_value": 5,
                "as_of": LoadDay(months=-11, day=31),
            },
            {
                "name": "Wahlbeteiligung bei der Wahl des Ausländerbeirates",
                "unit": "Prozent",
                "baseline": 6.5,
                "target": 12,
                "current_value": 8.9,
                "as_of": LoadDay(months=-12, day=16),
            },
        ],
        "rationale": (
            "Politische Mitwirkung ist ein zentraler Teil von Teilhabe; ein gestärkter Beirat "
            "bringt die Perspektive der Betroffenen früh in kommunale Entscheidungen ein."
        ),
        "responsible_organisation": "stadt",
        "partners": ["auslaenderbeirat"],
        "planned_start": date(2021, 1, 1),
        "planned_end": LoadDay(months=13, day=31),
        "status": "in_progress",
        "priority": "medium",
        "districts": ["innenstadt", "nordstadt", "oststadt", "weststadt"],
        "target_groups": ["neuzugewanderte", "eu_buerger", "gefluechtete_anerkannt"],
        "offers": [],
        "funding": ["verfuegungsfonds-integration"],
        "review_interval_months": 12,
        "review_due": LoadDay(days=14),
        "owner": "owner2",
        "deputy": "owner1",
    },
    {
        "code": "2.3",
        "action_field": 2,
        "title": "Treff Sicherheit",
        "summary": (
            "Ein regelmäßiger Gesprächskreis von Polizei, Ordnungsamt, Trägern und Bewohnerschaft "
            "zu Sicherheitsfragen im Wohnumfeld; das Format wurde 2023 eingestellt."
        ),
        "description": [
            "Der Treff Sicherheit sollte Sorgen und Konflikte im Zusammenleben – etwa Lärm, "
            "Vandalismus oder Unsicherheit im öffentlichen Raum – früh aufgreifen und gemeinsam "
            "mit Polizei und Ordnungsamt Lösungen finden.",
            "Nach wenigen gut besuchten Treffen ging die Beteiligung deutlich zurück. Die Themen "
            "werden seit Mitte 2023 in den bestehenden Stadtteilrunden und in der "
            "Präventionsarbeit der Polizei aufgegriffen; die Maßnahme wird daher nicht "
            "fortgeführt.",
        ],
        "specific_goal": (
            "Viermal im Jahr findet ein offener Treff Sicherheit mit Polizei, Ordnungsamt und "
            "Bewohnerschaft der Nordstadt statt."
        ),
        "indicators": [
            {
                "name": "Durchgeführte Treffen pro Jahr",
                "unit": "Treffen",
                "baseline": 0,
                "target": 4,
                "current_value": 1,
                "as_of": date(2023, 6, 30),
            },
        ],
        "rationale": (
            "Subjektive Sicherheit beeinflusst das Zusammenleben im Stadtteil; ein direkter "
            "Austausch kann Vorurteilen und Konflikten vorbeugen."
        ),
        "responsible_organisation": "stadt",
        "partners": ["polizei", "auslaenderbeirat", "begegnungsverein"],
        "planned_start": date(2020, 10, 1),
        "planned_end": date(2023, 6, 30),
        "status": "discontinued",
        "priority": "low",
        "districts": ["nordstadt"],
        "target_groups": ["neuzugewanderte", "ehrenamtliche"],
        "offers": [],
        "funding": [],
        "review_interval_months": 12,
        "review_due": LoadDay(days=300),
        "owner": "owner2",
        "deputy": None,
    },
    {
        "code": "3.1",
        "action_field": 3,
        "title": "Vernetzung Sprachkursträger",
        "summary": (
            "Die Träger von Sprachkursen stimmen sich an einem Runden Tisch ab, um Wartezeiten "
            "zu verkürzen und passende Kurse für alle Zielgruppen anzubieten."
        ),
        "description": [
            "In Eisenach bieten mehrere Träger Integrations-, Berufssprach- und ehrenamtliche "
            "Deutschkurse an. Ohne Abstimmung entstehen gleichzeitig lange Wartelisten und "
            "Kurse, die mangels Teilnehmender nicht zustande kommen.",
            "Der Runde Tisch Sprache bringt Volkshochschule, Jobcenter, Migrationsberatung und "
            "weitere Träger zusammen. Er plant Kursstarts gemeinsam, führt eine Übersicht über "
            "freie Plätze und achtet auf Angebote mit Kinderbetreuung für Mütter.",
        ],
        "specific_goal": (
            "Bis Ende 2027 sinkt die durchschnittliche Wartezeit zwischen Anmeldung und Beginn "
            "eines Integrationskurses auf höchstens sechs Wochen."
        ),
        "indicators": [
            {
                "name": "Durchschnittliche Wartezeit bis zum Kursbeginn",
                "unit": "Wochen",
                "baseline": 14,
                "target": 6,
                "current_value": 9,
                "as_of": LoadDay(months=-2, day=30),
            },
            {
                "name": "Sitzungen des Runden Tisches Sprache pro Jahr",
                "unit": "Sitzungen",
                "baseline": 0,
                "target": 4,
                "current_value": 3,
                "as_of": LoadDay(months=-11, day=31),
            },
        ],
        "rationale": (
            "Frühzeitiger Spracherwerb ist die wichtigste Voraussetzung für Ausbildung, Arbeit "
            "und Teilhabe; lange Wartezeiten verzögern alle weiteren Schritte."
        ),
        "responsible_organisation": "stadt",
        "partners": ["vhs", "bamf", "jobcenter", "mbe", "caritas"],
        "planned_start": date(2021, 2, 1),
        "planned_end": LoadDay(months=13, day=31),
        "status": "in_progress",
        "priority": "high",
        "districts": ["innenstadt", "nordstadt"],
        "target_groups": ["neuzugewanderte", "gefluechtete_anerkannt", "eu_buerger", "frauen"],
        "offers": ["integrationskurs-vhs", "sprachcafe"],
        "funding": ["thueringen-sprache-integration"],
        "review_interval_months": 6,
        "review_due": LoadDay(days=-9),
        "owner": "owner1",
        "deputy": "owner2",
    },
    {
        "code": "3.2",
        "action_field": 3,
        "title": "Elternarbeit",
        "summary": (
            "Elterncafés in Kindertageseinrichtungen und Informationsabende mit Sprachmittlung "
            "stärken Eltern als Partner in der Bildung ihrer Kinder."
        ),
        "description": [
            "Eltern mit Migrationsgeschichte kennen das deutsche Bildungssystem oft nur "
            "bruchstückhaft. Fragen zu Kita-Platz, Einschulung, Schulwechsel oder "
            "Ausbildung bleiben unbeantwortet, wenn Informationen nur schriftlich und nur auf "
            "Deutsch vorliegen.",
            "Die Maßnahme baut Elterncafés in Kindertageseinrichtungen aus, bietet "
            "Informationsabende zum Schulsystem mit Sprachmittlung an und verbindet Eltern "
            "mit Hausaufgabenhilfe und Beratung im Stadtteil.",
        ],
        "specific_goal": (
            "Bis Ende 2027 gibt es in fünf Kindertageseinrichtungen ein regelmäßiges Elterncafé "
            "mit Sprachmittlung."
        ),
        "indicators": [
            {
                "name": "Kindertageseinrichtungen mit regelmäßigem Elterncafé",
                "unit": "Einrichtungen",
                "baseline": 1,
                "target": 5,
                "current_value": 3,
                "as_of": LoadDay(months=-2, day=1),
            },
            {
                "name": "Teilnehmende Eltern pro Jahr",
                "unit": "Personen",
                "baseline": 40,
                "target": 150,
                "current_value": 112,
                "as_of": LoadDay(months=-11, day=31),
            },
        ],
        "rationale": (
            "Bildungserfolg hängt in Deutschland stark vom Elternhaus ab; gut informierte Eltern "
            "können ihre Kinder gezielter unterstützen."
        ),
        "responsible_organisation": "diakonie",
        "partners": ["stadt", "caritas", "begegnungsverein"],
        "planned_start": date(2020, 9, 1),
        "planned_end": None,
        "status": "ongoing",
        "priority": "medium",
        "districts": ["oststadt", "nordstadt", "weststadt"],
        "target_groups": ["eltern", "kinder_jugendliche", "frauen"],
        "offers": ["elterncafe-kita", "hausaufgabenhilfe"],
        "funding": ["aktion-mensch-mikrofoerderung", "bamf-integrationsprojekte"],
        "review_interval_months": 12,
        "review_due": LoadDay(days=90),
        "owner": "owner2",
        "deputy": "owner1",
    },
    {
        "code": "4.1",
        "action_field": 4,
        "title": "Netzwerk Ausbildung",
        "summary": (
            "Schulen, Kammern, Arbeitsagentur, Jobcenter und Jugendmigrationsdienst begleiten "
            "junge Zugewanderte gemeinsam in eine Ausbildung und durch sie hindurch."
        ),
        "description": [
            "Viele junge Zugewanderte sind motiviert, scheitern aber an Sprache in der "
            "Berufsschule, an fehlender Orientierung oder an Unsicherheiten beim Aufenthalt. "
            "Ausbildungsabbrüche sind entsprechend häufig.",
            "Das Netzwerk Ausbildung verabredet feste Ansprechpersonen, vermittelt "
            "Praktika und ausbildungsbegleitende Hilfen und bringt Betriebe mit Auszubildenden "
            "in Kontakt, bevor es zu einem Abbruch kommt.",
        ],
        "specific_goal": (
            "Bis 2027 beginnen jährlich mindestens 40 junge Zugewanderte in Eisenach eine "
            "Berufsausbildung."
        ),
        "indicators": [
            {
                "name": "Junge Zugewanderte mit begonnener Berufsausbildung",
                "unit": "Personen pro Jahr",
                "baseline": 18,
                "target": 40,
                "current_value": 31,
                "as_of": LoadDay(months=-13, day=31),
            },
            {
                "name": "Vorzeitig gelöste Ausbildungsverträge",
                "unit": "Prozent",
                "baseline": 38,
                "target": 20,
                "current_value": 27,
                "as_of": LoadDay(months=-11, day=31),
            },
        ],
        "rationale": (
            "Eine abgeschlossene Ausbildung ist der sicherste Weg in eine existenzsichernde "
            "Beschäftigung; zugleich suchen Eisenacher Betriebe dringend Nachwuchs."
        ),
        "responsible_organisation": "arbeitsagentur",
        "partners": ["jobcenter", "ihk", "jmd", "stadt"],
        "planned_start": date(2021, 9, 1),
        "planned_end": LoadDay(months=9, day=31),
        "status": "in_progress",
        "priority": "high",
        "districts": ["innenstadt", "nordstadt", "oststadt"],
        "target_groups": ["kinder_jugendliche", "gefluechtete_anerkannt", "arbeitgeber"],
        "offers": ["jugendmigrationsdienst", "bewerbungstraining"],
        "funding": ["esf-plus-arbeitsmarktintegration"],
        "review_interval_months": 6,
        "review_due": LoadDay(days=3),
        "owner": "owner1",
        "deputy": "owner2",
    },
    {
        "code": "4.2",
        "action_field": 4,
        "title": "Förderketten für Arbeitgeber",
        "summary": (
            "Ein Leitfaden zeigt Betrieben, welche Förderinstrumente von der "
            "Einstiegsqualifizierung bis zur Anerkennung ausländischer Abschlüsse nacheinander "
            "greifen."
        ),
        "description": [
            "Arbeitgeber, die Zugewanderte ausbilden oder einstellen möchten, stehen vor einer "
            "Vielzahl von Programmen: Einstiegsqualifizierung, berufsbezogene Sprachförderung, "
            "Eingliederungszuschüsse, Anerkennungsberatung. Welche Hilfe wann passt, ist oft "
            "unklar.",
            "Jobcenter, Arbeitsagentur und Kammern erarbeiten gemeinsam „Förderketten“ – "
            "typische Abläufe mit den jeweils passenden Instrumenten und Ansprechpersonen. Ein "
            "Entwurf liegt vor; die Veröffentlichung ist nach Abstimmung mit den Kammern geplant.",
        ],
        "specific_goal": (
            "Ein abgestimmter Leitfaden mit mindestens vier Förderketten ist veröffentlicht und "
            "wird von 60 Eisenacher Betrieben genutzt."
        ),
        "indicators": [
            {
                "name": "Betriebe, die den Leitfaden Förderketten nutzen",
                "unit": "Betriebe",
                "baseline": 0,
                "target": 60,
                "current_value": None,
                "as_of": None,
            },
        ],
        "rationale": (
            "Betriebe nutzen Förderungen häufiger, wenn sie den Ablauf kennen; das erleichtert "
            "Einstellungen und stabilisiert Beschäftigungsverhältnisse."
        ),
        "responsible_organisation": "jobcenter",
        "partners": ["arbeitsagentur", "ihk", "stadt"],
        "planned_start": date(2022, 9, 1),
        "planned_end": LoadDay(months=13, day=31),
        "status": "planned",
        "priority": "medium",
        "districts": ["innenstadt", "oststadt"],
        "target_groups": ["arbeitgeber", "gefluechtete_anerkannt", "eu_buerger"],
        "offers": ["arbeitgeberberatung-zuwanderung"],
        "funding": ["esf-plus-arbeitsmarktintegration"],
        "review_interval_months": 12,
        "review_due": LoadDay(days=120),
        "owner": "owner2",
        "deputy": None,
    },
    {
        "code": "5.1",
        "action_field": 5,
        "title": "Beratungsangebote für EU-Bürger",
        "summary": (
            "Zugewanderte aus anderen EU-Staaten erhalten Beratung in ihrer Sprache zu "
            "Arbeitsrecht, Krankenversicherung, Familienleistungen und Wohnen."
        ),
        "description": [
            "Mit 1.260 Personen stammt ein Drittel der Migrantinnen und Migranten in Eisenach aus "
            "EU-Staaten, vor allem aus Polen und Rumänien. Sie haben keinen Anspruch auf einen "
            "Integrationskurs und fallen häufig durch das Raster der Beratungsangebote.",
            "Die Beratung informiert über Rechte als Beschäftigte, hilft bei Problemen mit "
            "Arbeitgebern, Vermietern oder der Krankenversicherung und vermittelt in "
            "Sprachkurse. Besonderes Augenmerk gilt dem Schutz vor ausbeuterischer Beschäftigung.",
        ],
        "specific_goal": (
            "Bis Ende 2027 bietet die Beratungsstelle feste Sprechzeiten auf Polnisch, Rumänisch "
            "und Bulgarisch an und erreicht jährlich 400 Ratsuchende."
        ),
        "indicators": [
            {
                "name": "Beratungskontakte mit EU-Bürgerinnen und -Bürgern pro Jahr",
                "unit": "Kontakte",
                "baseline": 180,
                "target": 400,
                "current_value": 356,
                "as_of": LoadDay(months=-11, day=31),
            },
            {
                "name": "Sprachen mit festen Sprechzeiten",
                "unit": "Sprachen",
                "baseline": 1,
                "target": 3,
                "current_value": 2,
                "as_of": LoadDay(months=-5, day=30),
            },
        ],
        "rationale": (
            "EU-Bürgerinnen und -Bürger bilden eine der größten Gruppen der Zugewanderten, "
            "haben aber den geringsten Zugang zu regulären Integrationsangeboten."
        ),
        "responsible_organisation": "caritas",
        "partners": ["mbe", "stadt", "jobcenter"],
        "planned_start": date(2021, 1, 1),
        "planned_end": None,
        "status": "ongoing",
        "priority": "high",
        "districts": ["innenstadt", "oststadt"],
        "target_groups": ["eu_buerger", "neuzugewanderte"],
        "offers": ["beratung-eu-buerger", "mbe-migrationsberatung"],
        "funding": [],
        "review_interval_months": 6,
        "review_due": LoadDay(days=-2),
        "owner": None,
        "deputy": None,
    },
    {
        "code": "6.1",
        "action_field": 6,
        "title": "Interkulturelles Begegnungszentrum",
        "summary": (
            "In der Nordstadt entsteht ein dauerhafter Ort der Begegnung für alle "
            "Eisenacherinnen und Eisenacher; der Umbau der vorgesehenen Räume verzögert sich."
        ),
        "description": [
            "Das Begegnungszentrum soll Sprachcafé, Frauentreff, Hausaufgabenhilfe, Feste und "
            "Beratungssprechstunden unter einem Dach vereinen und Vereinen und "
            "Migrantenorganisationen Räume bieten.",
            "Bis zum Abschluss des Umbaus nutzt der Trägerverein eine Übergangslösung mit "
            "eingeschränkten Öffnungszeiten. Der Umbau verzögert sich wegen gestiegener Baukosten "
            "und einer noch offenen Kofinanzierung.",
        ],
        "specific_goal": (
            "Bis Mitte 2027 ist das Begegnungszentrum an mindestens 30 Stunden pro Woche geöffnet "
            "und beherbergt 15 regelmäßige Gruppen und Angebote."
        ),
        "indicators": [
            {
                "name": "Öffnungsstunden pro Woche",
                "unit": "Stunden",
                "baseline": 0,
                "target": 30,
                "current_value": 12,
                "as_of": LoadDay(months=-1, day=31),
            },
            {
                "name": "Regelmäßige Gruppen und Angebote im Zentrum",
                "unit": "Angebote",
                "baseline": 0,
                "target": 15,
                "current_value": 7,
                "as_of": LoadDay(months=-1, day=31),
            },
        ],
        "rationale": (
            "Begegnung baut Vorurteile ab und stärkt Nachbarschaften; in der Nordstadt leben "
            "besonders viele neu zugezogene Familien, aber es fehlen offene Räume."
        ),
        "responsible_organisation": "begegnungsverein",
        "partners": ["stadt", "diakonie", "auslaenderbeirat", "ehrenamtsstiftung"],
        "planned_start": date(2021, 6, 1),
        "planned_end": LoadDay(months=7, day=30),
        "actual_start": date(2021, 9, 1),
        "status": "delayed",
        # Fortschrittsprotokoll (ältester Eintrag zuerst), Daten relativ zum Ladetag.
        "progress": [
            {
                "date": LoadDay(months=-7, day=31),
                "kind": "indicator",
                "indicator": "Öffnungsstunden pro Woche",
                "value": 8,
                "as_of": LoadDay(months=-7, day=31),
                "source": "Zählung des Trägervereins",
                "author": "owner1",
            },
            {
                "date": LoadDay(months=-6, day=12),
                "kind": "status",
                "old_status": "in_progress",
                "new_status": "delayed",
                "text": (
                    "Der Umbau der Räume in der Nordstadt verzögert sich: Die Baukosten sind "
                    "gestiegen, und die Kofinanzierung ist noch nicht gesichert."
                ),
                "author": "owner1",
            },
            {
                "date": LoadDay(months=-3, day=5),
                "kind": "note",
                "text": (
                    "Übergangsräume im Stadtteilbüro Nordstadt bezogen; Sprachcafé und "
                    "Frauentreff finden bis zum Ende des Umbaus dort statt."
                ),
                "author": "owner2",
            },
            {
                "date": LoadDay(months=-1, day=31),
                "kind": "indicator",
                "indicator": "Öffnungsstunden pro Woche",
                "value": 12,
                "as_of": LoadDay(months=-1, day=31),
                "source": "Zählung des Trägervereins",
                "author": "owner1",
            },
        ],
        "priority": "high",
        "districts": ["nordstadt"],
        "target_groups": ["neuzugewanderte", "ehrenamtliche", "frauen", "kinder_jugendliche"],
        "offers": ["begegnungszentrum", "sprachcafe", "interkultureller-garten", "frauentreff"],
        "funding": ["bamf-integrationsprojekte", "fonds-nebenan-angekommen", "raumpool-stadt"],
        "review_interval_months": 6,
        "review_due": LoadDay(days=-1),
        "owner": "owner1",
        "deputy": "owner2",
    },
    {
        "code": "6.2",
        "action_field": 6,
        "title": "Frauenratgeber",
        "summary": (
            "Ein mehrsprachiger Ratgeber bündelt für Frauen Informationen zu Beratung, Gesundheit, "
            "Schutz vor Gewalt, Kinderbetreuung und Arbeit in Eisenach."
        ),
        "description": [
            "Frauen mit Migrationsgeschichte sind für Beratungsangebote oft schwerer erreichbar, "
            "etwa wegen Kinderbetreuung oder fehlender Sprachkenntnisse. Der Frauenratgeber "
            "fasst die wichtigsten Anlaufstellen kurz und verständlich zusammen.",
            "Der Ratgeber wurde mit Beratungsstellen und dem Ausländerbeirat erarbeitet, am "
            "Internationalen Frauentag 2022 vorgestellt und liegt gedruckt und als PDF in "
            "sieben Sprachen vor. Eine Aktualisierung wird im Rahmen des digitalen "
            "Angebotskatalogs fortgeführt.",
        ],
        "specific_goal": (
            "Ein Frauenratgeber in mindestens sechs Sprachen ist veröffentlicht und wird in "
            "Beratungsstellen, Kitas und Arztpraxen verteilt."
        ),
        "indicators": [
            {
                "name": "Verteilte gedruckte Exemplare",
                "unit": "Exemplare",
                "baseline": 0,
                "target": 2000,
                "current_value": 2350,
                "as_of": LoadDay(months=-11, day=31),
            },
            {
                "name": "Sprachfassungen",
                "unit": "Sprachen",
                "baseline": 0,
                "target": 6,
                "current_value": 7,
                "as_of": date(2022, 3, 8),
            },
        ],
        "rationale": (
            "Frauen sind der Schlüssel zur Integration ganzer Familien; niedrigschwellige "
            "Information in der eigenen Sprache öffnet den Weg zu Beratung und Schutz."
        ),
        "responsible_organisation": "stadt",
        "partners": ["caritas", "diakonie", "auslaenderbeirat", "gesundheitsamt"],
        "planned_start": date(2021, 3, 1),
        "planned_end": date(2022, 3, 8),
        "actual_start": date(2021, 4, 1),
        "actual_end": date(2022, 3, 8),
        "status": "implemented",
        "progress": [
            {
                "date": date(2022, 3, 8),
                "kind": "status",
                "old_status": "in_progress",
                "new_status": "implemented",
                "text": (
                    "Der Frauenratgeber wurde am Internationalen Frauentag 2022 vorgestellt und "
                    "liegt gedruckt und als PDF in sieben Sprachen vor."
                ),
                "author": "owner2",
            },
            {
                "date": LoadDay(months=-11, day=31),
                "kind": "indicator",
                "indicator": "Verteilte gedruckte Exemplare",
                "value": 2350,
                "as_of": LoadDay(months=-11, day=31),
                "source": "Ausgabeliste der Stabsstelle Integration",
                "author": "owner2",
            },
        ],
        "priority": "medium",
        "districts": ["innenstadt", "nordstadt", "weststadt"],
        "target_groups": ["frauen", "neuzugewanderte", "asylsuchende"],
        "offers": ["frauenratgeber", "frauentreff"],
        "funding": [],
        "review_interval_months": 12,
        "review_due": LoadDay(days=200),
        "owner": "owner2",
        "deputy": "owner1",
    },
    {
        "code": "6.3",
        "action_field": 6,
        "title": "digitaler Angebotskatalog",
        "summary": (
            "Alle Integrationsangebote in Eisenach werden in einem durchsuchbaren, mehrsprachigen "
            "Online-Katalog gebündelt – diese Website ist die Umsetzung der Maßnahme."
        ),
        "description": [
            "Beratung, Sprachkurse, Begegnungsorte und Ratgeber sind auf viele Träger verteilt. "
            "Neuzugewanderte, Ehrenamtliche und Fachkräfte sollen sie an einer Stelle finden – "
            "filterbar nach Stadtteil, Zielgruppe, Sprache und Angebotsart.",
            "Die Träger pflegen ihre Einträge gemeinsam mit der Redaktion der Stabsstelle "
            "Integration. Jeder Eintrag zeigt Adresse, Öffnungszeiten, Kosten, Barrierefreiheit "
            "und Kontakt und wird regelmäßig auf Aktualität geprüft.",
        ],
        "specific_goal": (
            "Bis Ende März 2027 sind mindestens 80 Angebote im Katalog veröffentlicht und in "
            "sechs Sprachen durchsuchbar."
        ),
        "indicators": [
            {
                "name": "Im Katalog veröffentlichte Angebote",
                "unit": "Angebote",
                "baseline": 0,
                "target": 80,
                "current_value": 18,
                "as_of": LoadDay(day=1),
            },
            {
                "name": "Sprachen, in denen der Katalog verfügbar ist",
                "unit": "Sprachen",
                "baseline": 1,
                "target": 6,
                "current_value": 3,
                "as_of": LoadDay(day=1),
            },
        ],
        "rationale": (
            "Angebote wirken nur, wenn sie gefunden werden; ein gemeinsamer Katalog verringert "
            "Doppelstrukturen und zeigt Lücken im Angebot."
        ),
        "responsible_organisation": "stadt",
        "partners": ["auslaenderbeirat", "caritas", "diakonie", "vhs", "mbe", "jmd"],
        "planned_start": date(2022, 1, 1),
        "planned_end": LoadDay(months=4, day=31),
        "status": "in_progress",
        "priority": "high",
        "districts": [
            "innenstadt",
            "nordstadt",
            "oststadt",
            "suedstadt",
            "weststadt",
            "stregda",
            "hoetzelsroda",
            "stockhausen",
        ],
        "target_groups": ["neuzugewanderte", "ehrenamtliche", "eu_buerger"],
        "offers": ["wegweiser-ankommen", "frauenratgeber"],
        "funding": [],
        "review_interval_months": 6,
        "review_due": LoadDay(days=0),
        "owner": "owner1",
        "deputy": "owner2",
    },
    {
        "code": "7.1",
        "action_field": 7,
        "title": "Leben in der Gemeinschaftsunterkunft",
        "summary": (
            "Sozialberatung vor Ort, mehrsprachige Hausinformationen, Lernräume und ein "
            "Gewaltschutzkonzept verbessern das Leben in der Gemeinschaftsunterkunft."
        ),
        "description": [
            "Asylsuchende leben oft monatelang in der Gemeinschaftsunterkunft, bevor sie eine "
            "eigene Wohnung beziehen dürfen. Enge Räume, Unsicherheit über das Verfahren und "
            "fehlende Rückzugsorte belasten besonders Familien mit Kindern.",
            "Die Maßnahme sichert regelmäßige Sozialberatung in der Unterkunft, einen Lern- und "
            "Hausaufgabenraum, eine Kinderbetreuung während der Beratungszeiten und die "
            "Anbindung an Sprachcafé und Vereine im Stadtteil. Ein Gewaltschutzkonzept legt "
            "Ansprechpersonen und Abläufe fest.",
        ],
        "specific_goal": (
            "In der Gemeinschaftsunterkunft gibt es wöchentlich mindestens zwölf Stunden "
            "Sozialberatung vor Ort, und 80 Prozent der Bewohnerinnen und Bewohner nutzen ein "
            "Sprachangebot."
        ),
        "indicators": [
            {
                "name": "Wöchentliche Beratungsstunden vor Ort",
                "unit": "Stunden",
                "baseline": 4,
                "target": 12,
                "current_value": 10,
                "as_of": LoadDay(months=-2, day=30),
            },
            {
                "name": "Bewohnerinnen und Bewohner mit Zugang zu einem Sprachangebot",
                "unit": "Prozent",
                "baseline": 35,
                "target": 80,
                "current_value": 64,
                "as_of": LoadDay(months=-2, day=30),
            },
        ],
        "rationale": (
            "Die ersten Monate prägen den weiteren Weg; Orientierung und Schutz in der Unterkunft "
            "verhindern, dass Zeit für Spracherwerb und Ankommen verloren geht."
        ),
        "responsible_organisation": "landratsamt",
        "partners": ["diakonie", "stadt", "gesundheitsamt", "begegnungsverein"],
        "planned_start": date(2020, 11, 1),
        "planned_end": None,
        "status": "ongoing",
        "priority": "high",
        "districts": ["weststadt"],
        "target_groups": ["asylsuchende", "kinder_jugendliche", "frauen"],
        "offers": ["sozialberatung-gu", "sprachcafe", "hausaufgabenhilfe"],
        "funding": ["fonds-nebenan-angekommen"],
        "review_interval_months": 6,
        "review_due": LoadDay(days=10),
        "owner": "owner2",
        "deputy": "owner1",
    },
    {
        "code": "8.1",
        "action_field": 8,
        "title": "Schuleingangsdaten",
        "summary": (
            "Die Ergebnisse der Schuleingangsuntersuchungen werden nach Sozialraum und Sprachstand "
            "ausgewertet, um Förderbedarfe früh zu erkennen."
        ),
        "description": [
            "Jedes Kind wird vor der Einschulung ärztlich untersucht. Die anonymisierten "
            "Ergebnisse zu Sprachentwicklung, Motorik, Impfstatus und Vorsorge geben wichtige "
            "Hinweise darauf, wo Kinder zusätzliche Unterstützung brauchen.",
            "Das Gesundheitsamt stellt die Daten jährlich nach Sozialräumen aufbereitet zur "
            "Verfügung. Die Stabsstelle Integration nutzt sie für das Integrationsmonitoring und "
            "stimmt mit Kitas und Trägern gezielte Sprach- und Elternangebote ab.",
        ],
        "specific_goal": (
            "Jährlich bis zum 31. Oktober liegt eine nach Sozialräumen ausgewertete Übersicht der "
            "Schuleingangsdaten vor."
        ),
        "indicators": [
            {
                "name": "Kinder mit Förderbedarf in der deutschen Sprache bei der Einschulung",
                "unit": "Prozent",
                "baseline": 24,
                "target": 15,
                "current_value": 19,
                "as_of": LoadDay(months=-3, day=31),
            },
            {
                "name": "Ausgewertete Einschulungsjahrgänge",
                "unit": "Jahrgänge",
                "baseline": 0,
                "target": 6,
                "current_value": 5,
                "as_of": LoadDay(months=-1, day=31),
            },
        ],
        "rationale": (
            "14,5 Prozent der Kinder und Jugendlichen in Eisenach haben einen "
            "Migrationshintergrund; frühe Förderung verbessert ihre Bildungschancen nachweislich."
        ),
        "responsible_organisation": "gesundheitsamt",
        "partners": ["stadt", "diakonie"],
        "planned_start": date(2021, 8, 1),
        "planned_end": None,
        "status": "ongoing",
        "priority": "medium",
        "districts": ["innenstadt", "nordstadt", "oststadt", "suedstadt", "weststadt"],
        "target_groups": ["kinder_jugendliche", "eltern"],
        "offers": ["elterncafe-kita"],
        "funding": [],
        "review_interval_months": 12,
        "review_due": LoadDay(days=150),
        "owner": "owner1",
        "deputy": None,
    },
    {
        "code": "8.2",
        "action_field": 8,
        "title": "kultursensible Gesundheitsversorgung",
        "summary": (
            "Ein Dolmetscherpool für Arztbesuche, mehrsprachige Gesundheitsinformationen und "
            "Schulungen für Praxisteams erleichtern den Zugang zur Gesundheitsversorgung."
        ),
        "description": [
            "Sprachbarrieren führen dazu, dass Beschwerden nicht richtig verstanden, "
            "Vorsorgeuntersuchungen nicht wahrgenommen und Behandlungen abgebrochen werden. "
            "Häufig übersetzen Kinder für ihre Eltern – auch bei sensiblen Themen.",
            "Der Dolmetscherpool vermittelt geschulte Sprach- und Kulturmittlerinnen und "
            "-mittler zu Arztterminen. Die Finanzierung ist bisher nur jährlich gesichert, und "
            "die geplanten Schulungen für Praxisteams mussten verschoben werden.",
        ],
        "specific_goal": (
            "Bis Ende 2027 vermittelt der Dolmetscherpool jährlich 300 Einsätze bei Arztbesuchen "
            "mit 25 geschulten Sprach- und Kulturmittelnden."
        ),
        "indicators": [
            {
                "name": "Vermittelte Dolmetscheinsätze bei Arztbesuchen",
                "unit": "Einsätze pro Jahr",
                "baseline": 0,
                "target": 300,
                "current_value": 145,
                "as_of": LoadDay(months=-5, day=30),
            },
            {
                "name": "Geschulte Sprach- und Kulturmittelnde",
                "unit": "Personen",
                "baseline": 0,
                "target": 25,
                "current_value": 11,
                "as_of": LoadDay(months=-5, day=30),
            },
        ],
        "rationale": (
            "Verständigung ist Voraussetzung für eine sichere Behandlung; kultursensible "
            "Versorgung senkt Folgekosten und schützt Kinder vor der Rolle als Übersetzer."
        ),
        "responsible_organisation": "gesundheitsamt",
        "partners": ["stadt", "caritas", "diakonie", "begegnungsverein"],
        "planned_start": date(2022, 1, 1),
        "planned_end": LoadDay(months=13, day=31),
        "status": "delayed",
        "priority": "medium",
        "districts": ["innenstadt", "nordstadt", "suedstadt", "weststadt"],
        "target_groups": ["asylsuchende", "gefluechtete_anerkannt", "frauen", "eltern"],
        "offers": ["dolmetscherpool-gesundheit"],
        "funding": ["thueringen-sprache-integration"],
        "review_interval_months": 6,
        "review_due": LoadDay(days=1),
        "owner": None,
        "deputy": None,
    },
    {
        "code": "9.1",
        "action_field": 9,
        "title": "Projektpartner für den Fonds „nebenan angekommen“",
        "summary": (
            "Die Stadt Eisenach ist lokale Partnerin der Thüringer Ehrenamtsstiftung für den "
            "Engagementfonds „nebenan angekommen“ und berät Antragstellende vor Ort."
        ),
        "description": [
            "Mit dem Fonds „nebenan angekommen“ fördert die Thüringer Ehrenamtsstiftung kleine, "
            "ehrenamtlich getragene Projekte, die das Zusammenleben in der Nachbarschaft "
            "stärken – etwa Sprachpatenschaften, Begegnungsfeste oder Kulturprojekte.",
            "Als lokale Projektpartnerin informiert die Stabsstelle Integration über den Fonds, "
            "berät Vereine, Initiativen und Migrantenorganisationen bei der Antragstellung und "
            "begleitet die Vergabe. Besonders Gruppen, die noch nie einen Antrag gestellt haben, "
            "werden gezielt angesprochen.",
        ],
        "specific_goal": (
            "Jährlich werden in Eisenach mindestens zwölf Projekte aus dem Fonds „nebenan "
            "angekommen“ gefördert, davon mindestens drei von Migrantenorganisationen."
        ),
        "indicators": [
            {
                "name": "Geförderte Projekte pro Jahr",
                "unit": "Projekte",
                "baseline": 4,
                "target": 12,
                "current_value": 9,
                "as_of": LoadDay(months=-11, day=31),
            },
            {
                "name": "Erstmals antragstellende Initiativen und Migrantenorganisationen",
                "unit": "Organisationen",
                "baseline": 1,
                "target": 5,
                "current_value": 3,
                "as_of": LoadDay(months=-11, day=31),
            },
        ],
        "rationale": (
            "Kleine Beträge ermöglichen viel Engagement; eine Beratung vor Ort senkt die Hürde "
            "für Gruppen ohne Erfahrung mit Förderanträgen."
        ),
        "responsible_organisation": "stadt",
        "partners": ["ehrenamtsstiftung", "auslaenderbeirat", "begegnungsverein"],
        "planned_start": date(2021, 1, 1),
        "planned_end": None,
        "status": "ongoing",
        "priority": "medium",
        "districts": [
            "innenstadt",
            "nordstadt",
            "oststadt",
            "suedstadt",
            "weststadt",
            "stregda",
            "hoetzelsroda",
            "stockhausen",
        ],
        "target_groups": ["ehrenamtliche", "neuzugewanderte"],
        "offers": ["ehrenamtstreff-hoetzelsroda", "interkultureller-garten"],
        "funding": ["fonds-nebenan-angekommen"],
        "review_interval_months": 12,
        "review_due": LoadDay(days=30),
        "owner": "owner1",
        "deputy": "owner2",
    },
    {
        "code": "9.2",
        "action_field": 9,
        "title": "Fördermittelübersicht",
        "summary": (
            "Eine laufend gepflegte Übersicht zeigt Vereinen und Initiativen Förderprogramme mit "
            "Fristen, Beträgen und Prüfdatum – umgesetzt als Fördermittelübersicht dieser Website."
        ),
        "description": [
            "Fördermittel für Integrationsarbeit kommen von der EU, vom Bund, vom Land, von der "
            "Stadt und von Stiftungen. Für ehrenamtlich getragene Vereine ist es kaum möglich, "
            "den Überblick über Programme, Fristen und Bedingungen zu behalten.",
            "Die Fördermittelübersicht fasst die wichtigsten Programme zusammen und lässt sich "
            "nach Förderbereich, Fördergeber, Antragsberechtigten und Frist filtern. Jeder Eintrag "
            "zeigt, wann die Angaben zuletzt geprüft wurden; die Stabsstelle bietet ergänzend "
            "eine Fördermittelberatung an.",
        ],
        "specific_goal": (
            "Bis Mitte 2027 enthält die Fördermittelübersicht 30 Programme, deren Angaben "
            "höchstens sechs Monate alt sind."
        ),
        "indicators": [
            {
                "name": "Erfasste Förderprogramme mit geprüften Angaben",
                "unit": "Programme",
                "baseline": 0,
                "target": 30,
                "current_value": 9,
                "as_of": LoadDay(day=1),
            },
            {
                "name": "Beratungsgespräche zu Fördermitteln pro Jahr",
                "unit": "Gespräche",
                "baseline": 10,
                "target": 40,
                "current_value": 26,
                "as_of": LoadDay(months=-11, day=31),
            },
        ],
        "rationale": (
            "Viele Förderungen bleiben ungenutzt, weil sie nicht bekannt sind; eine aktuelle "
            "Übersicht stärkt die Handlungsfähigkeit der Zivilgesellschaft."
        ),
        "responsible_organisation": "stadt",
        "partners": ["ehrenamtsstiftung", "auslaenderbeirat"],
        "planned_start": date(2022, 1, 1),
        "planned_end": LoadDay(months=7, day=30),
        "status": "in_progress",
        "priority": "medium",
        "districts": ["innenstadt"],
        "target_groups": ["ehrenamtliche"],
        "offers": [],
        "funding": [
            "fonds-nebenan-angekommen",
            "verfuegungsfonds-integration",
            "esf-plus-arbeitsmarktintegration",
            "bamf-integrationsprojekte",
            "aktion-mensch-mikrofoerderung",
            "thueringen-sprache-integration",
            "integrationspreis-eisenach",
            "raumpool-stadt",
            "integration-durch-sport",
        ],
        "review_interval_months": 6,
        "review_due": LoadDay(days=45),
        "owner": "owner2",
        "deputy": "owner1",
    },
]

# Einträge des digitalen Angebotskatalogs (Demo-Angebote mit erfundenen Adressen und Kontakten).
OFFERS = [
    {
        "slug": "mbe-migrationsberatung",
        "title": "Migrationsberatung für erwachsene Zugewanderte",
        "provider": "mbe",
        "offer_type": "beratung",
        "summary": (
            "Kostenlose Beratung für Erwachsene ab 27 Jahren in den ersten Jahren nach der "
            "Ankunft – zu Aufenthalt, Sprachkurs, Arbeit, Wohnen und Familie."
        ),
        "description": [
            "Die Migrationsberatung hilft beim Ausfüllen von Anträgen, erklärt Schreiben von "
            "Behörden und erstellt mit Ihnen einen persönlichen Plan für die nächsten Schritte: "
            "Integrationskurs, Anerkennung des Berufsabschlusses, Arbeitssuche.",
            "Die Beratung ist vertraulich. Bringen Sie bitte Ihren Ausweis oder Ihre "
            "Aufenthaltserlaubnis und die Unterlagen zu Ihrer Frage mit.",
        ],
        "target_groups": ["neuzugewanderte", "gefluechtete_anerkannt", "eu_buerger"],
        "languages": ["de", "ar", "ru", "en", "fa"],
        "districts": ["innenstadt"],
        "street": "Karlstraße 18",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (0, time(9, 0), time(12, 0)),
            (1, time(13, 0), time(17, 0)),
            (3, time(9, 0), time(12, 0)),
        ],
        "opening_hours_note": "Offene Sprechstunde; weitere Termine nach Vereinbarung",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": True,
        "phone": "03691 0990-110",
        "email": "beratung@mbe-eisenach.example",
        "website": "https://mbe-eisenach.example.org/",
        "valid_from": date(2021, 1, 1),
        "valid_until": None,
        "action_fields": [5],
    },
    {
        "slug": "jugendmigrationsdienst",
        "title": "Jugendmigrationsdienst – Beratung für junge Menschen",
        "provider": "jmd",
        "offer_type": "beratung",
        "summary": (
            "Beratung und Begleitung für junge Menschen von 12 bis 27 Jahren zu Schule, "
            "Ausbildung, Studium und Beruf."
        ),
        "description": [
            "Der Jugendmigrationsdienst unterstützt bei der Suche nach dem passenden "
            "Schulabschluss, bei Bewerbungen um Praktikum und Ausbildung und bei der Anerkennung "
            "von Zeugnissen.",
            "Auch Eltern sind willkommen. Es gibt Gruppenangebote in den Ferien und eine "
            "Begleitung während der ersten Ausbildungsmonate.",
        ],
        "target_groups": ["kinder_jugendliche", "neuzugewanderte"],
        "languages": ["de", "ar", "en", "uk", "ti"],
        "districts": ["oststadt", "innenstadt"],
        "street": "Gothaer Straße 40",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (1, time(10, 0), time(16, 0)),
            (3, time(13, 0), time(18, 0)),
        ],
        "opening_hours_note": "Termine auch außerhalb der Sprechzeiten nach Vereinbarung",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": True,
        "phone": "03691 0990-120",
        "email": "kontakt@jmd-eisenach.example",
        "website": "https://jmd-eisenach.example.org/",
        "valid_from": date(2021, 1, 1),
        "valid_until": None,
        "action_fields": [3, 4, 5],
    },
    {
        "slug": "integrationskurs-vhs",
        "title": "Integrationskurs an der Volkshochschule",
        "provider": "vhs",
        "offer_type": "sprachkurs",
        "summary": (
            "Deutschkurs bis Niveau B1 mit Orientierungskurs zu Geschichte, Politik und "
            "Zusammenleben in Deutschland; auch als Eltern- und Frauenkurs mit Kinderbetreuung."
        ),
        "description": [
            "Der Integrationskurs besteht aus einem Sprachkurs und einem Orientierungskurs und "
            "endet mit dem „Deutsch-Test für Zuwanderer“ und dem Test „Leben in Deutschland“. "
            "Es gibt Vormittags- und Abendkurse sowie Alphabetisierungskurse.",
            "Vor dem Kurs machen Sie einen kostenlosen Einstufungstest. Die Beratung zur "
            "Anmeldung ist auch auf Arabisch und Ukrainisch möglich.",
        ],
        "target_groups": ["neuzugewanderte", "gefluechtete_anerkannt", "eu_buerger", "frauen"],
        "languages": ["de", "ar", "uk"],
        "districts": ["innenstadt"],
        "street": "Alexanderstraße 12",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (0, time(8, 30), time(12, 45)),
            (1, time(8, 30), time(12, 45)),
            (2, time(8, 30), time(12, 45)),
            (3, time(8, 30), time(12, 45)),
            (4, time(8, 30), time(12, 45)),
        ],
        "opening_hours_note": "Kurszeiten; Anmeldung und Einstufungstest nach Terminvereinbarung",
        "cost": "fee",
        "cost_note": (
            "Eigenbeitrag je Unterrichtseinheit nach dem aktuellen Satz des BAMF; Befreiung, "
            "z. B. bei Bezug von Sozialleistungen, möglich"
        ),
        "registration_required": True,
        "barrier_free": True,
        "phone": "03691 0990-130",
        "email": "integrationskurse@vhs-eisenach.example",
        "website": "https://vhs-eisenach.example.org/integrationskurse",
        "valid_from": date(2021, 1, 1),
        "valid_until": None,
        "action_fields": [3],
    },
    {
        "slug": "sprachcafe",
        "title": "Sprachcafé am Johannisplatz",
        "provider": "begegnungsverein",
        "offer_type": "begegnungsort",
        "summary": (
            "Deutsch sprechen üben bei Kaffee und Tee – ohne Anmeldung, ohne Vorkenntnisse, "
            "gemeinsam mit Ehrenamtlichen."
        ),
        "description": [
            "Im Sprachcafé treffen sich jede Woche Menschen aus vielen Ländern mit Eisenacherinnen "
            "und Eisenachern, um miteinander ins Gespräch zu kommen. Ehrenamtliche helfen bei "
            "Fragen zu Grammatik, Briefen oder Prüfungsvorbereitung.",
            "Wer selbst mithelfen möchte, ist herzlich willkommen.",
        ],
        "target_groups": ["neuzugewanderte", "ehrenamtliche", "eu_buerger", "asylsuchende"],
        "languages": ["de", "ar", "fa", "uk", "en", "ru"],
        "districts": ["innenstadt"],
        "street": "Johannisplatz 7",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [(2, time(16, 0), time(18, 0))],
        "opening_hours_note": "Nicht in den Sommerferien",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": False,
        "phone": "03691 0990-140",
        "email": "sprachcafe@begegnung-eisenach.example",
        "website": "https://begegnung-eisenach.example.org/sprachcafe",
        "valid_from": date(2021, 4, 1),
        "valid_until": None,
        "action_fields": [3, 6],
    },
    {
        "slug": "frauentreff",
        "title": "Frauenfrühstück und Frauentreff",
        "provider": "caritas",
        "offer_type": "begegnungsort",
        "summary": (
            "Ein geschützter Treffpunkt nur für Frauen: gemeinsames Frühstück, Austausch und "
            "Informationen zu Gesundheit, Familie und Beruf – mit Kinderbetreuung."
        ),
        "description": [
            "Beim Frauenfrühstück lernen sich Frauen aus der Nachbarschaft kennen. Regelmäßig "
            "kommen Gäste, etwa eine Hebamme, eine Beraterin der Arbeitsagentur oder eine "
            "Polizistin, und beantworten Fragen.",
            "Kleine Kinder werden während des Treffens im Nebenraum betreut.",
        ],
        "target_groups": ["frauen", "asylsuchende", "gefluechtete_anerkannt"],
        "languages": ["de", "ar", "fa", "ku", "ti", "so"],
        "districts": ["weststadt"],
        "street": "Katharinenstraße 52",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [(1, time(9, 30), time(12, 0))],
        "opening_hours_note": "",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": True,
        "phone": "03691 0990-150",
        "email": "frauentreff@caritas-eisenach.example",
        "website": "https://caritas-eisenach.example.org/frauentreff",
        "valid_from": date(2021, 9, 1),
        "valid_until": None,
        "action_fields": [6],
    },
    {
        "slug": "elterncafe-kita",
        "title": "Elterncafé in der Kita Regenbogen",
        "provider": "diakonie",
        "offer_type": "bildung",
        "summary": (
            "Offenes Elterncafé mit Sprachmittlung: Informationen zu Kita, Einschulung und "
            "Schule, Austausch mit anderen Eltern und Fachkräften."
        ),
        "description": [
            "Einmal pro Woche lädt die Kita Eltern zum Elterncafé ein. Themen sind zum Beispiel "
            "Sprachförderung zu Hause, die Schuleingangsuntersuchung, gesunde Ernährung oder "
            "die Anmeldung an der Grundschule.",
            "Sprachmittlerinnen und Sprachmittler übersetzen bei Bedarf. Das Elterncafé ist auch "
            "für Eltern offen, deren Kinder eine andere Kita besuchen.",
        ],
        "target_groups": ["eltern", "kinder_jugendliche", "frauen"],
        "languages": ["de", "ar", "ru", "pl", "tr"],
        "districts": ["oststadt"],
        "street": "Langensalzaer Straße 20",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [(3, time(14, 30), time(16, 30))],
        "opening_hours_note": "Nicht in den Schließzeiten der Kita",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": True,
        "phone": "03691 0990-160",
        "email": "elterncafe@diakonie-eisenach.example",
        "website": "https://diakonie-eisenach.example.org/elterncafe",
        "valid_from": date(2020, 9, 1),
        "valid_until": None,
        "action_fields": [3, 8],
    },
    {
        "slug": "interkultureller-garten",
        "title": "Interkultureller Garten Stockhausen",
        "provider": "begegnungsverein",
        "offer_type": "freizeit_sport",
        "summary": (
            "Gemeinsam gärtnern, ernten und kochen: Beete für Familien und Einzelpersonen in "
            "einem Gemeinschaftsgarten am Ortsrand."
        ),
        "description": [
            "Im interkulturellen Garten bewirtschaften Familien aus vielen Ländern eigene Beete "
            "und eine gemeinsame Kräuterecke. Werkzeug und Saatgut sind vorhanden.",
            "Zum Erntefest im September sind alle Nachbarinnen und Nachbarn eingeladen.",
        ],
        "target_groups": ["neuzugewanderte", "ehrenamtliche", "eltern", "asylsuchende"],
        "languages": ["de", "ar", "fa", "ps", "ru", "uk"],
        "districts": ["stockhausen"],
        "street": "Am Anger 4",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (2, time(16, 0), time(19, 0)),
            (5, time(10, 0), time(13, 0)),
        ],
        "opening_hours_note": "Gartensaison von April bis Oktober",
        "cost": "free",
        "cost_note": "",
        "registration_required": True,
        "barrier_free": False,
        "phone": "03691 0990-170",
        "email": "garten@begegnung-eisenach.example",
        "website": "https://begegnung-eisenach.example.org/garten",
        "valid_from": date(2022, 4, 1),
        "valid_until": None,
        "action_fields": [6, 9],
    },
    {
        "slug": "begegnungszentrum",
        "title": "Interkulturelles Begegnungszentrum Nordstadt",
        "provider": "begegnungsverein",
        "offer_type": "begegnungsort",
        "summary": (
            "Offener Treffpunkt für alle mit Café, Gruppenräumen, Beratungssprechstunden und "
            "Veranstaltungen; derzeit in Übergangsräumen."
        ),
        "description": [
            "Im Begegnungszentrum finden Sprachcafé, Hausaufgabenhilfe, Kochabende und "
            "Feste statt. Vereine und Migrantenorganisationen können die Räume für eigene "
            "Treffen nutzen.",
            "Bis zum Abschluss des Umbaus sind die Öffnungszeiten eingeschränkt. Aktuelle "
            "Veranstaltungen finden Sie auf der Website des Vereins.",
        ],
        "target_groups": [
            "neuzugewanderte",
            "ehrenamtliche",
            "frauen",
            "kinder_jugendliche",
            "eltern",
        ],
        "languages": ["de", "ar", "fa", "uk", "ru", "tr", "ku", "en"],
        "districts": ["nordstadt"],
        "street": "Mühlhäuser Straße 110",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (0, time(14, 0), time(18, 0)),
            (2, time(14, 0), time(18, 0)),
            (4, time(14, 0), time(18, 0)),
        ],
        "opening_hours_note": "Eingeschränkte Öffnungszeiten während des Umbaus",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": True,
        "phone": "03691 0990-180",
        "email": "zentrum@begegnung-eisenach.example",
        "website": "https://begegnung-eisenach.example.org/",
        "valid_from": date(2022, 5, 1),
        "valid_until": None,
        "action_fields": [6],
    },
    {
        "slug": "beratung-eu-buerger",
        "title": "Beratung für EU-Bürgerinnen und -Bürger",
        "provider": "caritas",
        "offer_type": "beratung",
        "summary": (
            "Beratung auf Polnisch, Rumänisch und Bulgarisch zu Arbeitsvertrag, Lohn, "
            "Krankenversicherung, Kindergeld und Wohnen."
        ),
        "description": [
            "Die Beratung hilft, wenn Lohn nicht gezahlt wird, der Arbeitsvertrag unklar ist oder "
            "die Krankenversicherung fehlt. Sie unterstützt bei Anträgen auf Kindergeld und "
            "Wohngeld und vermittelt in Sprachkurse.",
            "Alle Gespräche sind vertraulich und kostenlos.",
        ],
        "target_groups": ["eu_buerger", "neuzugewanderte"],
        "languages": ["de", "pl", "ro", "bg", "hu"],
        "districts": ["innenstadt"],
        "street": "Georgenstraße 31",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (1, time(10, 0), time(16, 0)),
            (3, time(13, 0), time(18, 0)),
        ],
        "opening_hours_note": "Rumänisch und Bulgarisch donnerstags; sonst nach Vereinbarung",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": True,
        "phone": "03691 0990-190",
        "email": "eu-beratung@caritas-eisenach.example",
        "website": "https://caritas-eisenach.example.org/eu-beratung",
        "valid_from": date(2021, 1, 1),
        "valid_until": None,
        "action_fields": [5],
    },
    {
        "slug": "sozialberatung-gu",
        "title": "Sozialberatung in der Gemeinschaftsunterkunft",
        "provider": "diakonie",
        "offer_type": "beratung",
        "summary": (
            "Beratung vor Ort für Bewohnerinnen und Bewohner der Gemeinschaftsunterkunft zu "
            "Asylverfahren, Gesundheit, Schule und Alltag."
        ),
        "description": [
            "Die Sozialarbeiterinnen und Sozialarbeiter erklären Post von Behörden, vereinbaren "
            "Arzttermine, helfen bei der Schulanmeldung der Kinder und vermitteln an "
            "Fachberatungsstellen.",
            "Während der Sprechzeiten werden Kinder im Spielzimmer betreut. Frauen können eine "
            "Beraterin verlangen.",
        ],
        "target_groups": ["asylsuchende", "frauen", "kinder_jugendliche"],
        "languages": ["de", "ar", "fa", "ru", "tr", "ti", "ku", "so"],
        "districts": ["weststadt"],
        "street": "Stedtfelder Straße 80",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (0, time(9, 0), time(15, 0)),
            (2, time(9, 0), time(15, 0)),
        ],
        "opening_hours_note": "Nur für Bewohnerinnen und Bewohner der Unterkunft",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": False,
        "phone": "03691 0990-200",
        "email": "gu-beratung@diakonie-eisenach.example",
        "website": "https://diakonie-eisenach.example.org/gemeinschaftsunterkunft",
        "valid_from": date(2020, 11, 1),
        "valid_until": None,
        "action_fields": [7],
    },
    {
        "slug": "dolmetscherpool-gesundheit",
        "title": "Dolmetscherpool für Arztbesuche",
        "provider": "gesundheitsamt",
        "offer_type": "gesundheit",
        "summary": (
            "Geschulte Sprach- und Kulturmittlerinnen und -mittler begleiten zu Arztterminen, "
            "Vorsorgeuntersuchungen und Beratungsgesprächen."
        ),
        "description": [
            "Patientinnen und Patienten, Arztpraxen und Beratungsstellen können eine "
            "Sprachmittlung anfragen. Die Sprachmittelnden sind zur Verschwiegenheit "
            "verpflichtet und für Gespräche im Gesundheitswesen geschult.",
            "Bitte melden Sie den Bedarf mindestens drei Werktage vor dem Termin an.",
        ],
        "target_groups": ["asylsuchende", "gefluechtete_anerkannt", "frauen", "eltern"],
        "languages": ["de", "ar", "fa", "ps", "ru", "uk", "tr", "ti", "ku", "ro", "pl"],
        "districts": ["suedstadt"],
        "street": "Wartburgallee 44",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (0, time(8, 0), time(12, 0)),
            (1, time(8, 0), time(12, 0)),
            (2, time(8, 0), time(12, 0)),
            (3, time(8, 0), time(12, 0)),
        ],
        "opening_hours_note": "Telefonische Vermittlung; Anfrage mindestens drei Werktage vorher",
        "cost": "free",
        "cost_note": "",
        "registration_required": True,
        "barrier_free": True,
        "phone": "03691 0990-210",
        "email": "sprachmittlung@gesundheitsamt-wartburgkreis.example",
        "website": "https://gesundheitsamt-wartburgkreis.example.org/sprachmittlung",
        "valid_from": date(2022, 4, 1),
        "valid_until": LoadDay(months=13, day=31),
        "action_fields": [8],
    },
    {
        "slug": "hausaufgabenhilfe",
        "title": "Hausaufgabenhilfe im Begegnungszentrum",
        "provider": "diakonie",
        "offer_type": "bildung",
        "summary": (
            "Ehrenamtliche Lernpatinnen und Lernpaten helfen Schulkindern bei Hausaufgaben, "
            "Lesen und der Vorbereitung auf Klassenarbeiten."
        ),
        "description": [
            "Kinder der Klassen 1 bis 8 kommen nach der Schule vorbei und erhalten Unterstützung "
            "in kleinen Gruppen. Es gibt einen ruhigen Lernraum, Bücher und Computer.",
            "Eltern können jederzeit mit den Lernpatinnen und Lernpaten sprechen.",
        ],
        "target_groups": ["kinder_jugendliche", "eltern", "ehrenamtliche"],
        "languages": ["de", "ar", "uk", "en"],
        "districts": ["nordstadt"],
        "street": "Mühlhäuser Straße 110",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (0, time(14, 0), time(16, 0)),
            (1, time(14, 0), time(16, 0)),
            (2, time(14, 0), time(16, 0)),
            (3, time(14, 0), time(16, 0)),
        ],
        "opening_hours_note": "Nicht in den Schulferien",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": True,
        "phone": "03691 0990-220",
        "email": "lernhilfe@diakonie-eisenach.example",
        "website": "https://diakonie-eisenach.example.org/lernhilfe",
        "valid_from": date(2021, 9, 1),
        "valid_until": None,
        "action_fields": [3, 7],
    },
    {
        "slug": "fussball-fuer-alle",
        "title": "Fußball für alle",
        "provider": "sportverein",
        "offer_type": "freizeit_sport",
        "summary": (
            "Offenes Fußballtraining für Kinder, Jugendliche und Erwachsene – egal woher, egal "
            "wie gut; Schuhe und Trikots können ausgeliehen werden."
        ),
        "description": [
            "Zweimal pro Woche trainieren Kinder und Jugendliche sowie eine gemischte "
            "Erwachsenengruppe auf dem Sportplatz Stregda. Ein Vereinsbeitritt ist für das "
            "Probetraining nicht nötig.",
            "Wer Mitglied werden möchte, kann sich beim Beitrag unterstützen lassen, zum Beispiel "
            "über das Bildungs- und Teilhabepaket.",
        ],
        "target_groups": ["kinder_jugendliche", "neuzugewanderte", "asylsuchende"],
        "languages": ["de", "ar", "fa", "en", "ti", "so", "fr"],
        "districts": ["stregda"],
        "street": "Am Sportplatz 2",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (1, time(17, 0), time(19, 0)),
            (4, time(17, 0), time(19, 0)),
        ],
        "opening_hours_note": "Im Winter in der Sporthalle; Ort bitte vorher erfragen",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": False,
        "phone": "03691 0990-230",
        "email": "fussball@sg-nordstadt-eisenach.example",
        "website": "https://sg-nordstadt-eisenach.example.org/fussball-fuer-alle",
        "valid_from": date(2022, 3, 1),
        "valid_until": None,
        "action_fields": [6],
    },
    {
        "slug": "frauenratgeber",
        "title": "Frauenratgeber Eisenach",
        "provider": "stadt",
        "offer_type": "ratgeber",
        "summary": (
            "Gedruckter Ratgeber in sieben Sprachen mit Anlaufstellen für Frauen zu Beratung, "
            "Gesundheit, Schutz vor Gewalt, Kinderbetreuung und Arbeit."
        ),
        "description": [
            "Der Frauenratgeber ist kostenlos im Bürgerbüro, in Beratungsstellen und in vielen "
            "Arztpraxen erhältlich und steht auch als PDF zum Herunterladen bereit.",
            "Im Notfall: Das bundesweite Hilfetelefon „Gewalt gegen Frauen“ ist rund um die Uhr "
            "kostenlos und in vielen Sprachen erreichbar.",
        ],
        "target_groups": ["frauen", "neuzugewanderte"],
        "languages": ["de", "ar", "fa", "ru", "uk", "en", "ti"],
        "districts": ["innenstadt"],
        "street": "Markt 22",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (0, time(9, 0), time(12, 0)),
            (1, time(9, 0), time(12, 0)),
            (3, time(9, 0), time(12, 0)),
            (3, time(14, 0), time(18, 0)),
        ],
        "opening_hours_note": "Ausgabe während der Öffnungszeiten des Bürgerbüros",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": True,
        "phone": "03691 0990-100",
        "email": "integration@eisenach.example",
        "website": "https://stadt-eisenach.example.org/frauenratgeber",
        "valid_from": date(2022, 3, 8),
        "valid_until": None,
        "action_fields": [6],
    },
    {
        "slug": "wegweiser-ankommen",
        "title": "Wegweiser „Ankommen in Eisenach“",
        "provider": "stadt",
        "offer_type": "ratgeber",
        "summary": (
            "Mehrsprachige Broschüre für Neuzugewanderte: erste Schritte bei Behörden, "
            "Anmeldung, Kita und Schule, Gesundheit, Arbeit und Freizeit."
        ),
        "description": [
            "Der Wegweiser erklärt, was in den ersten Wochen in Eisenach zu erledigen ist, und "
            "nennt für jede Frage die zuständige Stelle mit Adresse.",
            "Er eignet sich auch für Ehrenamtliche, die Neuzugewanderte begleiten.",
        ],
        "target_groups": ["neuzugewanderte", "eu_buerger", "ehrenamtliche"],
        "languages": ["de", "en", "ar", "uk", "ru", "pl", "ro", "tr"],
        "districts": ["innenstadt"],
        "street": "Markt 22",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (0, time(9, 0), time(12, 0)),
            (1, time(9, 0), time(12, 0)),
            (3, time(9, 0), time(12, 0)),
            (3, time(14, 0), time(18, 0)),
        ],
        "opening_hours_note": "Ausgabe im Bürgerbüro; als PDF jederzeit abrufbar",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": True,
        "phone": "03691 0990-100",
        "email": "integration@eisenach.example",
        "website": "https://stadt-eisenach.example.org/wegweiser",
        "valid_from": date(2023, 1, 15),
        "valid_until": None,
        "action_fields": [2, 5, 6],
    },
    {
        "slug": "bewerbungstraining",
        "title": "Bewerbungstraining für Zugewanderte",
        "provider": "jobcenter",
        "offer_type": "bildung",
        "summary": (
            "Vierwöchiges Gruppentraining: Lebenslauf, Anschreiben, Vorstellungsgespräch und "
            "Bewerbung über Onlineportale."
        ),
        "description": [
            "Im Training erstellen die Teilnehmenden vollständige Bewerbungsunterlagen und üben "
            "Vorstellungsgespräche. Betriebe aus der Region stellen sich und ihre offenen Stellen "
            "vor.",
            "Die Teilnahme ist für Kundinnen und Kunden des Jobcenters kostenlos; bitte sprechen "
            "Sie Ihre Ansprechperson an.",
        ],
        "target_groups": ["gefluechtete_anerkannt", "eu_buerger", "frauen"],
        "languages": ["de", "ar", "en", "uk", "ru"],
        "districts": ["innenstadt"],
        "street": "Bahnhofstraße 24",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [
            (1, time(9, 0), time(13, 0)),
            (3, time(9, 0), time(13, 0)),
        ],
        "opening_hours_note": "Kurse beginnen alle zwei Monate",
        "cost": "free",
        "cost_note": "",
        "registration_required": True,
        "barrier_free": True,
        "phone": "03691 0990-240",
        "email": "bewerbung@jobcenter-wartburgkreis.example",
        "website": "https://jobcenter-wartburgkreis.example.org/bewerbungstraining",
        "valid_from": date(2023, 2, 1),
        "valid_until": LoadDay(months=7, day=30),
        "action_fields": [4],
    },
    {
        "slug": "arbeitgeberberatung-zuwanderung",
        "title": "Beratung für Betriebe: Ausbildung und Beschäftigung von Zugewanderten",
        "provider": "ihk",
        "offer_type": "beratung",
        "summary": (
            "Betriebe erhalten Beratung zu Aufenthaltsrecht, Fördermöglichkeiten, Anerkennung "
            "ausländischer Abschlüsse und Begleitung während der Ausbildung."
        ),
        "description": [
            "Die Beratung richtet sich an kleine und mittlere Unternehmen, die Geflüchtete oder "
            "andere Zugewanderte ausbilden oder einstellen möchten. Sie klärt rechtliche Fragen "
            "und vermittelt Kontakte zu Jobcenter, Arbeitsagentur und Handwerkskammer.",
        ],
        "target_groups": ["arbeitgeber"],
        "languages": ["de", "en"],
        "districts": ["suedstadt"],
        "street": "Wartburgallee 12",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [],
        "opening_hours_note": "Termine nach Vereinbarung, auch im Betrieb",
        "cost": "free",
        "cost_note": "",
        "registration_required": True,
        "barrier_free": True,
        "phone": "03691 0990-250",
        "email": "fachkraefte@ihk-eisenach.example",
        "website": "https://ihk-erfurt-eisenach.example.org/zuwanderung",
        "valid_from": date(2022, 9, 1),
        "valid_until": None,
        "action_fields": [4],
    },
    {
        "slug": "ehrenamtstreff-hoetzelsroda",
        "title": "Stammtisch für Ehrenamtliche in der Integrationsarbeit",
        "provider": "stadt",
        "offer_type": "begegnungsort",
        "summary": (
            "Monatlicher Austausch für Ehrenamtliche: Erfahrungen teilen, Fragen klären, "
            "Fortbildungen und Fördermöglichkeiten kennenlernen."
        ),
        "description": [
            "Der Stammtisch bringt Sprachpatinnen, Lernpaten, Vereinsaktive und alle, die "
            "Zugewanderte begleiten, zusammen. Die Stabsstelle Integration informiert über "
            "Fortbildungen und den Fonds „nebenan angekommen“.",
            "Der Treffpunkt wechselt zwischen den Stadtteilen; derzeit findet er im "
            "Dorfgemeinschaftshaus Hötzelsroda statt.",
        ],
        "target_groups": ["ehrenamtliche"],
        "languages": ["de"],
        "districts": ["hoetzelsroda"],
        "street": "Am Dorfplatz 1",
        "postal_code": "99817",
        "city": "Eisenach",
        "opening_hours": [(2, time(18, 0), time(20, 0))],
        "opening_hours_note": "Jeden ersten Mittwoch im Monat",
        "cost": "free",
        "cost_note": "",
        "registration_required": False,
        "barrier_free": True,
        "phone": "03691 0990-100",
        "email": "ehrenamt@eisenach.example",
        "website": "https://stadt-eisenach.example.org/ehrenamt",
        "valid_from": date(2023, 3, 1),
        "valid_until": None,
        "action_fields": [9],
    },
]

# Einträge der Fördermittelübersicht (Beträge, Fristen und Kontakte sind Demo-Angaben).
FUNDING = [
    {
        "slug": "fonds-nebenan-angekommen",
        "title": "Engagementfonds „nebenan angekommen“",
        "funder": "ehrenamtsstiftung",
        "funder_level": "state",
        "funding_type": "grant",
        "areas": ["integration", "ehrenamt", "sprache", "kultur"],
        "eligible_applicants": [
            "associations",
            "initiatives",
            "migrant_organisations",
            "religious_communities",
            "municipalities",
        ],
        "region": "state",
        "amount_min": None,
        "amount_max": 1500,
        "own_contribution_percent": None,
        "rolling": False,
        "deadlines": [
            {
                "opens": LoadDay(months=-7, day=1),
                "closes": LoadDay(),
                "recurs_yearly": True,
                "note": "Jährliche Antragszeit; Anträge über die Stabsstelle Integration als "
                "lokale Partnerin der Stiftung",
            },
        ],
        "programme_url": "https://www.thueringer-ehrenamtsstiftung.de/",
        "phone": "03691 0990-100",
        "email": "integration@eisenach.example",
        "summary": (
            "Kleine Zuschüsse für ehrenamtlich getragene Projekte, die das Zusammenleben von "
            "Alteingesessenen und Zugewanderten in der Nachbarschaft stärken."
        ),
        "description": [
            "Gefördert werden zum Beispiel Sprach- und Lernpatenschaften, Begegnungsfeste, "
            "interkulturelle Koch- und Kulturabende, Sport- und Freizeitangebote oder die "
            "Begleitung im Alltag. Zuschussfähig sind Sachkosten, Öffentlichkeitsarbeit, "
            "Honorare und Fahrtkosten.",
            "Antragsberechtigt sind in Thüringen wirkende Vereine, Initiativgruppen, Kirchen und "
            "Religionsgemeinschaften sowie Kommunen; Einzelpersonen können nicht gefördert "
            "werden. In Eisenach berät die Stabsstelle Integration als lokale Partnerin der "
            "Stiftung und nimmt die Anträge entgegen.",
        ],
        "last_checked": LoadDay(days=-12),
    },
    {
        "slug": "verfuegungsfonds-integration",
        "title": "Verfügungsfonds Integration der Stadt Eisenach",
        "funder": "stadt",
        "funder_level": "municipal",
        "funding_type": "grant",
        "areas": ["integration", "ehrenamt", "kultur"],
        "eligible_applicants": ["associations", "initiatives", "migrant_organisations", "schools"],
        "region": "local",
        "amount_min": 100,
        "amount_max": 2000,
        "own_contribution_percent": None,
        "rolling": False,
        "deadlines": [
            {
                "opens": None,
                "closes": LoadDay(days=15),
                "recurs_yearly": True,
                "note": "Vergaberunde für Vorhaben im ersten Halbjahr; Entscheidung im Januar",
            },
            {
                "opens": None,
                "closes": LoadDay(months=7, day=15),
                "recurs_yearly": True,
                "note": "Vergaberunde für Vorhaben im zweiten Halbjahr; Entscheidung im Juli",
            },
        ],
        "programme_url": "https://stadt-eisenach.example.org/foerderung/verfuegungsfonds",
        "phone": "03691 0990-100",
        "email": "integration@eisenach.example",
        "summary": (
            "Zuschüsse der Stadt für kleine Projekte von Vereinen, Initiativen und Schulen, die "
            "Begegnung und Teilhabe in Eisenach fördern."
        ),
        "description": [
            "Aus dem Verfügungsfonds werden kurzfristige, überschaubare Vorhaben unterstützt: "
            "Stadtteilfeste, Ausflüge, Workshops, Materialien für Sprachgruppen oder die "
            "Übersetzung von Informationen. Über die Vergabe entscheidet ein Gremium, in dem auch "
            "der Ausländerbeirat vertreten ist.",
            "Ein Antrag umfasst eine kurze Projektbeschreibung und einen einfachen Kostenplan. "
            "Die Stabsstelle Integration berät gern vor der Antragstellung.",
        ],
        "last_checked": LoadDay(days=-3),
    },
    {
        "slug": "esf-plus-arbeitsmarktintegration",
        "title": "ESF Plus Thüringen – Projekte zur Arbeitsmarktintegration von Zugewanderten",
        "funder": "eu_esf",
        "funder_level": "eu",
        "funding_type": "grant",
        "areas": ["arbeit", "bildung", "sprache"],
        "eligible_applicants": ["associations", "municipalities", "companies"],
        "region": "state",
        "amount_min": 50000,
        "amount_max": 400000,
        "own_contribution_percent": 10,
        "rolling": False,
        "deadlines": [
            {
                "opens": LoadDay(months=2, day=15),
                "closes": LoadDay(months=4, day=31),
                "recurs_yearly": False,
                "note": "Förderaufruf für Projekte mit Beginn ab 1. Juli 2027",
            },
        ],
        "programme_url": "https://esf-plus-thueringen.example.org/arbeitsmarktintegration",
        "phone": "0361 0990-300",
        "email": "esf-plus@thueringen.example",
        "summary": (
            "Mehrjährige Projekte, die Zugewanderte durch Beratung, Qualifizierung und Begleitung "
            "in Ausbildung und Beschäftigung bringen."
        ),
        "description": [
            "Gefördert werden Träger, die Coaching, berufsbezogene Sprachförderung, Praktika und "
            "eine Begleitung nach der Arbeitsaufnahme verbinden. Die Projekte sollen eng mit "
            "Jobcenter, Arbeitsagentur und Betrieben zusammenarbeiten.",
            "Die Mittel stammen aus dem Europäischen Sozialfonds Plus und werden durch den "
            "Freistaat Thüringen kofinanziert. Ein Eigenanteil des Trägers ist erforderlich.",
        ],
        "last_checked": LoadDay(days=-45),
    },
    {
        "slug": "bamf-integrationsprojekte",
        "title": "Gemeinwesenorientierte Integrationsprojekte des BAMF",
        "funder": "bamf",
        "funder_level": "federal",
        "funding_type": "grant",
        "areas": ["integration", "ehrenamt", "bildung"],
        "eligible_applicants": [
            "associations",
            "migrant_organisations",
            "municipalities",
            "religious_communities",
        ],
        "region": "national",
        "amount_min": None,
        "amount_max": 70000,
        "own_contribution_percent": 10,
        "rolling": False,
        "deadlines": [
            {
                "opens": LoadDay(months=6, day=1),
                "closes": LoadDay(months=7, day=30),
                "recurs_yearly": True,
                "note": "Interessenbekundung für Projekte mit Beginn im Folgejahr; Frist laut "
                "jährlicher Ausschreibung",
            },
        ],
        "programme_url": "https://www.bamf.de/",
        "phone": "0911 0990-400",
        "email": "integrationsprojekte@bamf.example",
        "summary": (
            "Bundesförderung für Projekte, die das Zusammenleben vor Ort stärken, "
            "Zugewanderte beteiligen und die gegenseitige Akzeptanz verbessern."
        ),
        "description": [
            "Gefördert werden neue Projekte mit einer Laufzeit von bis zu drei Jahren, etwa zur "
            "Stärkung des Engagements von Zugewanderten, zur Elternbildung oder zur "
            "interkulturellen Öffnung von Vereinen. Der Höchstbetrag gilt pro Jahr.",
            "Das Verfahren ist zweistufig: Zunächst wird eine Interessenbekundung eingereicht; "
            "nach positiver Rückmeldung folgt der eigentliche Antrag.",
        ],
        "last_checked": LoadDay(days=-90),
    },
    {
        "slug": "aktion-mensch-mikrofoerderung",
        "title": "Aktion Mensch – Mikroförderung",
        "funder": "aktion_mensch",
        "funder_level": "foundation",
        "funding_type": "grant",
        "areas": ["integration", "bildung", "kultur", "sport"],
        "eligible_applicants": ["associations", "migrant_organisations", "religious_communities"],
        "region": "national",
        "amount_min": None,
        "amount_max": 5000,
        "own_contribution_percent": 0,
        "rolling": True,
        "deadlines": [],
        "programme_url": "https://www.aktion-mensch.de/",
        "phone": "0228 0990-500",
        "email": "foerderung@aktion-mensch.example",
        "summary": (
            "Zuschuss für kleine, zeitlich begrenzte Vorhaben gemeinnütziger Organisationen, "
            "zum Beispiel für Kinder und Jugendliche mit Fluchtgeschichte."
        ),
        "description": [
            "Die Mikroförderung unterstützt lokale Projekte wie Ferienangebote, Workshops oder "
            "inklusive Freizeitaktivitäten. Eigenmittel sind nicht erforderlich.",
            "Anträge sind jederzeit möglich, müssen aber vor Projektbeginn gestellt werden. "
            "Antragsberechtigt sind freie gemeinnützige Organisationen.",
        ],
        "last_checked": LoadDay(days=-30),
    },
    {
        "slug": "thueringen-sprache-integration",
        "title": "Landesförderung Sprach- und Integrationsprojekte in Thüringen",
        "funder": "thueringen",
        "funder_level": "state",
        "funding_type": "grant",
        "areas": ["sprache", "integration", "bildung"],
        "eligible_applicants": ["associations", "migrant_organisations", "municipalities"],
        "region": "state",
        "amount_min": 2000,
        "amount_max": 25000,
        "own_contribution_percent": 10,
        "rolling": False,
        "deadlines": [
            {
                "opens": LoadDay(days=-14),
                "closes": LoadDay(months=2, day=31),
                "recurs_yearly": False,
                "note": "Antragsfrist für Projekte im Haushaltsjahr 2027",
            },
        ],
        "programme_url": "https://thueringen-migration.example.org/foerderung",
        "phone": "0361 0990-600",
        "email": "foerderung@thueringen-migration.example",
        "summary": (
            "Landeszuschüsse für ergänzende Sprachangebote, Sprachmittlung und Projekte der "
            "sozialen Integration, die Regelangebote des Bundes ergänzen."
        ),
        "description": [
            "Gefördert werden insbesondere Sprachkurse für Menschen ohne Zugang zum "
            "Integrationskurs, Kinderbetreuung während Sprachkursen, Sprach- und "
            "Kulturmittlung sowie Projekte, die Zugewanderte an Beratung und Vereine anbinden.",
            "Kommunen können Mittel auch für die Vernetzung der Sprachkursträger beantragen.",
        ],
        "last_checked": LoadDay(days=-20),
    },
    {
        "slug": "integrationspreis-eisenach",
        "title": "Eisenacher Integrationspreis",
        "funder": "stadt",
        "funder_level": "municipal",
        "funding_type": "prize",
        "areas": ["integration", "ehrenamt", "kultur", "sport"],
        "eligible_applicants": [
            "associations",
            "initiatives",
            "migrant_organisations",
            "schools",
            "companies",
            "individuals",
        ],
        "region": "local",
        "amount_min": 500,
        "amount_max": 1500,
        "own_contribution_percent": None,
        "rolling": False,
        "deadlines": [
            {
                "opens": LoadDay(months=5, day=1),
                "closes": LoadDay(months=8, day=15),
                "recurs_yearly": True,
                "note": "Verleihung während der Interkulturellen Woche im September",
            },
        ],
        "programme_url": "https://stadt-eisenach.example.org/integrationspreis",
        "phone": "03691 0990-100",
        "email": "integration@eisenach.example",
        "summary": (
            "Die Stadt Eisenach und der Ausländerbeirat würdigen jedes Jahr Menschen, Vereine "
            "und Betriebe, die sich in besonderer Weise für das Zusammenleben einsetzen."
        ),
        "description": [
            "Vorschläge können von allen eingereicht werden – auch Selbstbewerbungen sind "
            "möglich. Eine Jury aus Stadtrat, Ausländerbeirat und Zivilgesellschaft wählt bis zu "
            "drei Preisträgerinnen und Preisträger aus.",
            "Das Preisgeld ist für die weitere Integrationsarbeit bestimmt.",
        ],
        "last_checked": LoadDay(days=-60),
    },
    {
        "slug": "raumpool-stadt",
        "title": "Raumpool der Stadt Eisenach für Vereine und Initiativen",
        "funder": "stadt",
        "funder_level": "municipal",
        "funding_type": "in_kind",
        "areas": ["ehrenamt", "integration", "kultur"],
        "eligible_applicants": ["associations", "initiatives", "migrant_organisations"],
        "region": "local",
        "amount_min": None,
        "amount_max": None,
        "own_contribution_percent": None,
        "rolling": True,
        "deadlines": [],
        "programme_url": "https://stadt-eisenach.example.org/raumpool",
        "phone": "03691 0990-100",
        "email": "raumpool@eisenach.example",
        "summary": (
            "Kostenfreie Nutzung städtischer Räume für Treffen, Kurse und Veranstaltungen "
            "gemeinnütziger Gruppen."
        ),
        "description": [
            "Vereine, Initiativen und Migrantenorganisationen ohne eigene Räume können "
            "Gruppenräume in städtischen Gebäuden kostenfrei nutzen, etwa für Sprachgruppen, "
            "Vorstandssitzungen oder kleine Feiern.",
            "Anfragen sind jederzeit möglich; bitte mindestens zwei Wochen vor dem gewünschten "
            "Termin anfragen.",
        ],
        "last_checked": LoadDay(days=-200),
    },
    {
        "slug": "integration-durch-sport",
        "title": "Integration durch Sport – Förderung für Sportvereine",
        "funder": "bamf",
        "funder_level": "federal",
        "funding_type": "grant",
        "areas": ["sport", "integration", "ehrenamt"],
        "eligible_applicants": ["associations"],
        "region": "state",
        "amount_min": None,
        "amount_max": 2500,
        "own_contribution_percent": None,
        "rolling": False,
        "deadlines": [
            {
                "opens": LoadDay(months=-3, day=1),
                "closes": LoadDay(months=-1, day=31),
                "recurs_yearly": True,
                "note": "Anträge für das Folgejahr über den Landessportbund Thüringen",
            },
        ],
        "programme_url": "https://integration-durch-sport.example.org/",
        "phone": "0361 0990-700",
        "email": "ids@landessportbund-thueringen.example",
        "summary": (
            "Zuschüsse für Sportvereine, die ihre Angebote für Zugewanderte öffnen und "
            "Übungsleiterinnen und Übungsleiter mit Migrationsgeschichte gewinnen."
        ),
        "description": [
            "Gefördert werden offene Sportangebote, Übungsleiterhonorare, Sportmaterial und "
            "Qualifizierungen im Bereich interkulturelle Kompetenz.",
            "Das Bundesprogramm wird in Thüringen vom Landessportbund umgesetzt; Vereine stellen "
            "ihren Antrag dort.",
        ],
        "last_checked": LoadDay(days=-120),
    },
]

# Freshness reviews (internal): who is asked whether an offer or funding source is still
# current, and when it was last checked. Entries without a responsible user are asked at
# the organisation's public address; several are stale on the load day.
FRESHNESS = {
    "mbe-migrationsberatung": {"responsible": "redaktion", "last_checked": LoadDay(months=-7)},
    "jugendmigrationsdienst": {
        "responsible": "reviewer",
        "last_checked": LoadDay(months=-6, days=5),
    },
    "integrationskurs-vhs": {"responsible": "redaktion", "last_checked": LoadDay(months=-2)},
    "sprachcafe": {"responsible": "reviewer", "last_checked": LoadDay(months=-9)},
    "frauentreff": {"responsible": None, "last_checked": LoadDay(months=-8)},
    "elterncafe-kita": {"responsible": "reviewer", "last_checked": LoadDay(months=-1)},
    "begegnungszentrum": {"responsible": "reviewer", "last_checked": LoadDay(months=-3)},
    "bewerbungstraining": {"responsible": None, "last_checked": LoadDay(months=-4)},
    "fonds-nebenan-angekommen": {"responsible": "redaktion"},
    "verfuegungsfonds-integration": {"responsible": "reviewer"},
    "esf-plus-arbeitsmarktintegration": {"responsible": "reviewer"},
    "bamf-integrationsprojekte": {"responsible": "redaktion"},
    "integrationspreis-eisenach": {"responsible": "reviewer"},
}

# Ausgewählte Daten aus dem Integrationskonzept (Stand 31.12.2019).
FACTS = [
    {
        "label": "Migrant*innen in Eisenach",
        "value": 3818,
        "unit": "Personen",
        "reference_date": date(2019, 12, 31),
        "source": "Integrationskonzept der Stadt Eisenach 2020",
    },
    {
        "label": "Nationen, aus denen Menschen in Eisenach leben",
        "value": 95,
        "unit": "Nationen",
        "reference_date": date(2019, 12, 31),
        "source": "Integrationskonzept der Stadt Eisenach 2020",
    },
    {
        "label": "Personen aus EU-Staaten",
        "value": 1260,
        "unit": "Personen",
        "reference_date": date(2019, 12, 31),
        "source": "Integrationskonzept der Stadt Eisenach 2020",
    },
    {
        "label": "Personen mit anerkanntem Flüchtlingsstatus",
        "value": 631,
        "unit": "Personen",
        "reference_date": date(2019, 12, 31),
        "source": "Integrationskonzept der Stadt Eisenach 2020",
    },
    {
        "label": "Personen mit subsidiärem Schutz",
        "value": 286,
        "unit": "Personen",
        "reference_date": date(2019, 12, 31),
        "source": "Integrationskonzept der Stadt Eisenach 2020",
    },
    {
        "label": "Ausländeranteil an der Gesamtbevölkerung",
        "value": 8.8,
        "unit": "Prozent",
        "reference_date": date(2019, 12, 31),
        "source": "Landesamt für Statistik",
    },
    {
        "label": "Größte Gruppe: Menschen aus Syrien",
        "value": 867,
        "unit": "Personen",
        "reference_date": date(2019, 12, 31),
        "source": "Integrationskonzept der Stadt Eisenach 2020",
    },
    {
        "label": "Kinder und Jugendliche mit Migrationshintergrund",
        "value": 14.5,
        "unit": "Prozent",
        "reference_date": date(2019, 12, 31),
        "source": "Integrationskonzept der Stadt Eisenach 2020",
    },
    {
        "label": "Seit einem bis vier Jahren in Deutschland",
        "value": 1349,
        "unit": "Personen",
        "reference_date": date(2019, 12, 31),
        "source": "Integrationskonzept der Stadt Eisenach 2020",
    },
]

# Diagramme der Daten- und Faktenseite, nur aus den Zahlen des Konzepts (Abschnitt 3). Das
# Konzept nennt eine Zahl nur für Syrien; die Rangfolge zeigt die übrigen ohne Zahl, und der
# einzige errechnete Wert (alle anderen Herkunftsstaaten = 3.818 − 867) ist als solcher benannt.
FACTS_SOURCE = "Integrationskonzept der Stadt Eisenach 2020"
FACTS_CHARTS = [
    {
        "type": "chart",
        "title": "Migrant*innen in Eisenach: ausgewählte Gruppen",
        "kind": "parts",
        "total": 3818,
        "total_label": "Migrant*innen insgesamt",
        "unit": "Personen",
        "items": [
            ("aus EU-Staaten", 1260),
            ("mit anerkanntem Flüchtlingsstatus", 631),
            ("mit subsidiärem Schutz", 286),
            ("seit einem bis vier Jahren in Deutschland", 1349),
        ],
        "note": (
            "Die Gruppen können sich überschneiden und ergeben zusammen nicht die Gesamtzahl; "
            "das Konzept nennt keine weitere Aufteilung."
        ),
        "source": FACTS_SOURCE,
        "reference_date": date(2019, 12, 31),
    },
    {
        "type": "chart",
        "title": "Größte Gruppe: Menschen aus Syrien",
        "kind": "parts",
        "total": 3818,
        "total_label": "Migrant*innen insgesamt",
        "unit": "Personen",
        "items": [("Syrien", 867), ("alle anderen Herkunftsstaaten", 2951)],
        "note": "Der Wert für alle anderen Herkunftsstaaten ist errechnet: 3.818 minus 867.",
        "source": FACTS_SOURCE,
        "reference_date": date(2019, 12, 31),
    },
    {
        "type": "chart",
        "title": "Anteile in Prozent",
        "kind": "percent",
        "total": None,
        "total_label": "",
        "unit": "",
        "items": [
            ("Ausländeranteil an der Gesamtbevölkerung", 8.8),
            ("Kinder und Jugendliche mit Migrationshintergrund", 14.5),
        ],
        "note": (
            "Der Ausländeranteil stammt vom Landesamt für Statistik, der Anteil der Kinder und "
            "Jugendlichen mit Migrationshintergrund aus dem Integrationskonzept."
        ),
        "source": "Landesamt für Statistik; Integrationskonzept der Stadt Eisenach 2020",
        "reference_date": date(2019, 12, 31),
    },
    {
        "type": "ranking",
        "title": "Hauptherkunftsstaaten 2019",
        "unit": "Personen",
        "items": [
            ("Syrien", 867),
            ("Polen", None),
            ("Irak", None),
            ("Rumänien", None),
            ("Afghanistan", None),
        ],
        "note": "Das Integrationskonzept nennt die Rangfolge, eine Zahl aber nur für Syrien.",
        "source": FACTS_SOURCE,
        "reference_date": date(2019, 12, 31),
    },
]

# Einleitung zur Daten- und Faktensammlung.
FACTS_INTRO = (
    "Die folgenden Zahlen stammen aus der Daten- und Faktensammlung des Integrationskonzepts der "
    "Stadt Eisenach 2020 und geben den Stand vom 31. Dezember 2019 wieder. Dass die meisten "
    "Migrantinnen und Migranten erst seit einem bis vier Jahren in Deutschland leben, erklärt "
    "das Konzept mit dem Fluchtgeschehen der Jahre 2015 und 2016."
)

# Einführung in das Integrationskonzept (Zusammenfassung der Abschnitte 1 bis 3).
INTRODUCTION = {
    "title": "Das Integrationskonzept",
    "paragraphs": [
        "Die Stadt Eisenach hat ihr Integrationskonzept im Jahr 2020 im Rahmen der Thüringer "
        "Initiative für lokales Integrationsmanagement in den Kommunen (ThILIK) erarbeitet, die "
        "vom Freistaat Thüringen gefördert wird. Ein Integrationskonzept war Projektziel von "
        "ThILIK: Es musste bis zum 31. Dezember 2020 vom Stadtrat verabschiedet werden, und der "
        "Beschluss war dem Fördermittelgeber vorzulegen.",
        "Das Konzept steht unter dem Leitgedanken „Teilhabe durch Integration – Integration "
        "durch Teilhabe“. Integration wird als dynamischer Prozess des Zusammenlebens "
        "verstanden. Ziel ist, dass Integration Teilhabe in allen gesellschaftlichen Bereichen "
        "ermöglicht; dazu werden bestehende Angebote inklusiv ausgerichtet und erweitert.",
        "Migration wird im Konzept als Lebenslage verstanden, um ihre Mehrdimensionalität besser "
        "darstellen zu können. Maßnahmen des übertragenen Wirkungskreises, also staatliche "
        "Aufgaben, die die Stadt im Auftrag von Bund und Land erfüllt, beschreibt das Konzept "
        "nicht. Es ist nicht statisch, sondern wird regelmäßig überprüft und angepasst.",
        "Das Konzept ist datengestützt, orientiert sich an den Sozialräumen der Stadt und "
        "beschreibt die Netzwerkstrukturen. Es besteht aus einer Daten- und Faktensammlung und "
        "einer Handlungsstrategie mit neun Handlungsfeldern und insgesamt 30 Maßnahmen. Die "
        "Handlungsfelder orientieren sich an der Armutspräventionsstrategie; bereits bestehende "
        "Angebote und Maßnahmen wurden aufgenommen und damit verbindlich festgeschrieben.",
        "Alle Maßnahmen und Angebote sind nach dem SMART-Prinzip formuliert – spezifisch, "
        "messbar, erreichbar, relevant und terminiert. Das ist die grundlegende Arbeitsweise "
        "aller Projekte der Stabsstelle. Auf dieser Website sind die Maßnahmen dargestellt, die "
        "das Konzept als Beispiele für die einzelnen Handlungsfelder nennt.",
    ],
}

# Titel und Einleitungstext der Startseite.
HOME = {
    "title": "Integration in Eisenach",
    # Der Leitgedanke des Konzepts (Abschnitt 1).
    "motto": "Teilhabe durch Integration – Integration durch Teilhabe",
    "intro": (
        "Hier finden Sie das Integrationskonzept der Stadt Eisenach mit seinen neun "
        "Handlungsfeldern und Maßnahmen, einen Katalog der Beratungs-, Sprach- und "
        "Begegnungsangebote in der Stadt sowie eine Übersicht über Fördermittel für Vereine und "
        "Initiativen."
    ),
}


_PROGRESS_KINDS = {"status", "indicator", "note", "review"}


def _progress_problems(m: dict, load_day: date) -> list[str]:
    """What is wrong with a measure's actual dates and progress log when loaded on `load_day`."""
    where = f"Maßnahme {m['code']}"
    problems = []
    start = on_load_day(m.get("actual_start"), load_day)
    end = on_load_day(m.get("actual_end"), load_day)
    if any(day is not None and day > load_day for day in (start, end)):
        problems.append(f"{where}: tatsächlicher Beginn oder Ende nach dem Ladetag")
    if start is not None and end is not None and end < start:
        problems.append(f"{where}: tatsächliches Ende vor Beginn")
    indicators = {indicator["name"] for indicator in m["indicators"]}
    statuses = []
    for entry in m.get("progress", []):
        if entry["kind"] not in _PROGRESS_KINDS:
            problems.append(f"{where}: unbekannte Protokollart {entry['kind']!r}")
        if on_load_day(entry["date"], load_day) > load_day:
            problems.append(f"{where}: Protokolleintrag nach dem Ladetag")
        if entry["kind"] == "status":
            statuses.append(entry["new_status"])
            if {entry["old_status"], entry["new_status"]} - _STATUSES:
                problems.append(f"{where}: unbekannter Stand im Protokoll")
        if entry["kind"] == "indicator" and entry["indicator"] not in indicators:
            problems.append(f"{where}: Protokoll nennt unbekannten Indikator")
    if statuses and statuses[-1] != m["status"]:
        problems.append(f"{where}: letzter Statuswechsel im Protokoll ist nicht der Stand")
    return problems


def check_references(load_day: date) -> list[str]:
    """Every broken cross-reference or invalid value when loaded on `load_day` (empty if none)."""
    problems: list[str] = []

    def on(value):
        return on_load_day(value, load_day)

    def keys(items: list[dict], field: str, name: str) -> set:
        values = [item[field] for item in items]
        for value in {v for v in values if values.count(v) > 1}:
            problems.append(f"{name}: doppelter Schlüssel {value!r}")
        return set(values)

    orgs = keys(ORGANISATIONS, "key", "ORGANISATIONS")
    districts = keys(DISTRICTS, "key", "DISTRICTS")
    groups = keys(TARGET_GROUPS, "key", "TARGET_GROUPS")
    offer_types = keys(OFFER_TYPES, "key", "OFFER_TYPES")
    areas = keys(FUNDING_AREAS, "key", "FUNDING_AREAS")
    users = keys(USERS, "key", "USERS")
    fields = keys(ACTION_FIELDS, "number", "ACTION_FIELDS")
    offers = keys(OFFERS, "slug", "OFFERS")
    funding = keys(FUNDING, "slug", "FUNDING")
    keys(MEASURES, "code", "MEASURES")
    keys(USERS, "username", "USERS")

    def refs(where: str, values, allowed: set, what: str) -> None:
        for value in values if isinstance(values, list | tuple) else [values]:
            if value not in allowed:
                problems.append(f"{where}: unbekannte(r) {what} {value!r}")

    for org in ORGANISATIONS:
        refs(f"Organisation {org['key']}", org["kind"], _ORGANISATION_KINDS, "kind")
    for user in USERS:
        refs(f"User {user['key']}", user["role"], _ROLES, "role")
        if not user["email"].endswith("@eisenach.example"):
            problems.append(f"User {user['key']}: E-Mail nicht unter @eisenach.example")
    for field in ACTION_FIELDS:
        refs(f"Handlungsfeld {field['number']}", field["coordinator"], users, "coordinator")
    for m in MEASURES:
        where = f"Maßnahme {m['code']}"
        refs(where, m["action_field"], fields, "action_field")
        if not m["code"].startswith(f"{m['action_field']}."):
            problems.append(f"{where}: Code passt nicht zum Handlungsfeld {m['action_field']}")
        refs(where, m["responsible_organisation"], orgs, "Organisation")
        refs(where, m["partners"], orgs, "Partner")
        refs(where, m["districts"], districts, "Stadtteil")
        refs(where, m["target_groups"], groups, "Zielgruppe")
        refs(where, m["offers"], offers, "Angebot")
        refs(where, m["funding"], funding, "Förderprogramm")
        refs(where, m["status"], _STATUSES, "status")
        refs(where, m["priority"], _PRIORITIES, "priority")
        refs(where, m["review_interval_months"], {6, 12}, "review_interval_months")
        for person in ("owner", "deputy"):
            if m[person] is not None:
                refs(where, m[person], users, person)
        if m["planned_end"] is not None and on(m["planned_end"]) < m["planned_start"]:
            problems.append(f"{where}: Ende vor Beginn")
        running = m["status"] not in {"implemented", "discontinued"}
        if running and m["planned_end"] is not None and on(m["planned_end"]) < load_day:
            problems.append(f"{where}: läuft noch, aber das Ende liegt vor dem Ladetag")
        for indicator in m["indicators"]:
            if indicator["as_of"] is not None and on(indicator["as_of"]) > load_day:
                problems.append(f"{where}: Stand {indicator['name']!r} nach dem Ladetag")
        problems.extend(_progress_problems(m, load_day))
    for o in OFFERS:
        where = f"Angebot {o['slug']}"
        refs(where, o["provider"], orgs, "Träger")
        refs(where, o["offer_type"], offer_types, "Angebotsart")
        refs(where, o["target_groups"], groups, "Zielgruppe")
        refs(where, o["districts"], districts, "Stadtteil")
        refs(where, o["languages"], _LANGUAGES, "Sprache")
        refs(where, o["action_fields"], fields, "Handlungsfeld")
        refs(where, o["cost"], {"free", "fee"}, "cost")
        if o["cost"] == "fee" and not o["cost_note"]:
            problems.append(f"{where}: kostenpflichtig ohne cost_note")
        valid_from, valid_until = on(o.get("valid_from")), on(o.get("valid_until"))
        if valid_from is not None and valid_until is not None and valid_until < valid_from:
            problems.append(f"{where}: gültig bis vor gültig ab")
        if valid_until is not None and valid_until < load_day:
            problems.append(f"{where}: am Ladetag schon abgelaufen")
        for weekday, opens, closes in o["opening_hours"]:
            if weekday not in range(7) or closes <= opens:
                problems.append(f"{where}: ungültige Öffnungszeit {weekday} {opens}–{closes}")
    for f in FUNDING:
        where = f"Förderung {f['slug']}"
        refs(where, f["funder"], orgs, "Fördermittelgeber")
        refs(where, f["funder_level"], _FUNDER_LEVELS, "funder_level")
        refs(where, f["funding_type"], _FUNDING_TYPES, "funding_type")
        refs(where, f["areas"], areas, "Förderbereich")
        refs(where, f["eligible_applicants"], _APPLICANTS, "Antragsberechtigte")
        refs(where, f["region"], _REGIONS, "region")
        low, high = f["amount_min"], f["amount_max"]
        if low is not None and high is not None and low > high:
            problems.append(f"{where}: Mindestbetrag über Höchstbetrag")
        for d in f["deadlines"]:
            opens, closes = on(d["opens"]), on(d["closes"])
            if opens is not None and closes < opens:
                problems.append(f"{where}: Frist endet vor Beginn")
            if d.get("recurs_yearly") and opens is not None and (closes - opens).days >= 365:
                problems.append(f"{where}: jährliche Frist dauert ein Jahr oder länger")
    return problems


# The legal and trust pages the footer links (issue 11, point 6). Each is a list of
# (heading, paragraphs) sections; a heading of "" opens the page without one. Imprint and
# privacy texts are the demo's: a city replaces them with its own before going live.
# Synonym sets for public search, per language (search.models.SynonymSet); editors extend
# them from the report of searches without results.
SYNONYM_SETS = [
    {
        "key": "kita",
        "de": "Kita, Kindergarten, Kindertagesstätte",
        "en": "Kita, kindergarten, nursery, daycare",
        "ar": "روضة, روضة أطفال, حضانة",
    },
    {
        "key": "language-course",
        "de": "Deutschkurs, Sprachkurs, Integrationskurs",
        "en": "German course, language course, integration course",
        "ar": "دورة لغة, دورة اللغة الألمانية, دورة الاندماج",
    },
    {
        "key": "doctor",
        "de": "Arzt, Ärztin, Arztbesuch",
        "en": "doctor, physician, GP",
        "ar": "طبيب, دكتور",
    },
    {
        "key": "work",
        "de": "Arbeit, Job, Beschäftigung",
        "en": "job, work, employment",
        "ar": "عمل, وظيفة",
    },
    {
        "key": "counselling",
        "de": "Beratung, Sprechstunde",
        "en": "counselling, counseling, advice",
        "ar": "استشارة, استشارات",
    },
]

DEMO_CONTACT_EMAIL = "integration@eisenach.example"
LEGAL_PAGES = [
    {
        "key": "impressum",
        "setting": "imprint_page",
        "title": "Impressum",
        "sections": [
            (
                "Herausgeberin",
                [
                    "Stadt Eisenach, Stabsstelle Integration, Markt 1, 99817 Eisenach",
                    "E-Mail: integration@eisenach.example",
                ],
            ),
            (
                "Verantwortlich für den Inhalt",
                [
                    "Die Stabsstelle Integration der Stadt Eisenach (Anschrift wie oben). Die "
                    "Angebote pflegen die Träger, die sie anbieten; jede Angebotsseite nennt, "
                    "wann sie zuletzt geprüft wurde.",
                ],
            ),
            (
                "Hinweis zu dieser Demonstration",
                [
                    "Diese Website zeigt teilhabe mit den Inhalten des Integrationskonzepts der "
                    "Stadt Eisenach von 2020. Personen, Kontaktdaten und einige Angebote der "
                    "Demonstration sind erfunden. Vor dem Betrieb ersetzt die Stadt diese Seite "
                    "durch ihr eigenes Impressum.",
                ],
            ),
        ],
    },
    {
        "key": "datenschutz",
        "setting": "privacy_page",
        "title": "Datenschutzerklärung",
        "sections": [
            (
                "",
                [
                    "Diese Website kommt ohne Werbung, ohne Analysewerkzeuge und ohne Inhalte "
                    "anderer Anbieter aus. Schriften, Bilder und Programme werden von diesem "
                    "Server geladen.",
                ],
            ),
            (
                "Was beim Besuch verarbeitet wird",
                [
                    "Der Server verarbeitet die Adresse Ihres Geräts, um Ihnen die Seiten zu "
                    "senden. Öffentliche Seiten setzen keine Cookies; nur das Formular zur "
                    "Barrierefreiheit setzt ein technisch notwendiges Cookie, das gefälschte "
                    "Anfragen abwehrt.",
                    "Suchbegriffe werden ohne Bezug zu Ihrer Person gezählt, damit die "
                    "Redaktion die Suche verbessern kann.",
                ],
            ),
            (
                "Rückmeldungen zur Barrierefreiheit",
                [
                    "Wenn Sie das Formular nutzen, speichern wir Ihre Nachricht und, falls Sie "
                    "sie angeben, Ihren Namen und Ihre E-Mail-Adresse, und senden sie per E-Mail "
                    "an die Stabsstelle Integration. Wir verwenden die Angaben nur, um Ihre "
                    "Rückmeldung zu bearbeiten, und löschen sie, wenn sie erledigt ist.",
                ],
            ),
            (
                "Ihre Rechte",
                [
                    "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung "
                    "der Verarbeitung. Sie können sich beim Thüringer Landesbeauftragten für den "
                    "Datenschutz und die Informationsfreiheit beschweren.",
                    "Verantwortlich ist die Stadt Eisenach; die Anschrift steht im Impressum.",
                ],
            ),
        ],
    },
    {
        "key": "barrierefreiheit",
        "setting": "accessibility_page",
        "title": "Erklärung zur Barrierefreiheit",
        "sections": [
            (
                "",
                [
                    "Die Stadt Eisenach will diese Website für alle Menschen zugänglich machen. "
                    "Maßstab ist die Thüringer Verordnung über barrierefreie Informationstechnik "
                    "(ThürBITVO), die die Anforderungen der BITV 2.0 und damit der WCAG 2.1 in "
                    "der Stufe AA übernimmt.",
                ],
            ),
            (
                "Stand der Vereinbarkeit",
                [
                    "Die Website ist nach den Anforderungen der WCAG 2.1 in der Stufe AA "
                    "gestaltet. Eine vollständige Prüfung steht noch aus; bis dahin gilt die "
                    "Website als teilweise vereinbar.",
                    "Bekannte Einschränkungen: Inhalte in Leichter Sprache und in "
                    "Gebärdensprache gibt es noch nicht. Nicht alle Seiten sind in alle neun "
                    "Sprachen übersetzt; fehlt eine Übersetzung, erscheint die deutsche Seite.",
                ],
            ),
            (
                "Erstellung dieser Erklärung",
                ["Diese Erklärung wurde am 3. Dezember 2026 erstellt."],
            ),
            (
                "Schlichtungsverfahren",
                [
                    "Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, "
                    "können Sie sich an die Durchsetzungsstelle für barrierefreie "
                    "Informationstechnik des Freistaats Thüringen wenden.",
                ],
            ),
        ],
    },
    {
        "key": "kontakt",
        "setting": "contact_page",
        "title": "Kontakt",
        "sections": [
            (
                "",
                [
                    "Fragen zum Integrationskonzept und zu dieser Website beantwortet die "
                    "Stabsstelle Integration der Stadt Eisenach.",
                    "Stadt Eisenach, Stabsstelle Integration, Markt 1, 99817 Eisenach",
                    "E-Mail: integration@eisenach.example",
                    "Fragen zu einem Angebot richten Sie bitte an den Träger, der auf der "
                    "Angebotsseite genannt ist.",
                ],
            ),
        ],
    },
]
