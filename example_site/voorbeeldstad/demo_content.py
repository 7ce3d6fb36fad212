"""Demo forms of "Gemeente Voorbeeldstad": how municipal forms look before and after a clean-up.

Each form is (slug, title, intro, fields, submissions). A field is
(label, field_type, required, choices) or, for the inclusive question,
(label, "inclusive_gender", required, {settings}). Old-style forms ask sex
with man/vrouw dropdowns, "Dhr./Mevr." salutations and "anders" answers; some
already use the inclusive question. Some hold hard cases for an audit:
"Geslachtsnaam" is a surname, "M" among clothing sizes is medium, the sex of a
dog is not a person's.
"""

EMANCIPATION_PURPOSE = (
    "We vragen dit om te zien of vrouwen, mannen en mensen die zich anders identificeren even "
    "tevreden zijn over hun werk (emancipatiebeleid). We rapporteren alleen groepscijfers van "
    "minstens tien mensen. Uw antwoord hoeft niet overeen te komen met uw paspoort. Na afloop van "
    "het onderzoek, uiterlijk 31 december 2027, verwijderen we de antwoorden. U kunt uw antwoord "
    "altijd laten wijzigen of verwijderen."
)
HEALTH_PURPOSE = (
    "Voor dit onderzoek is het nuttig te weten hoe u zich identificeert. Het antwoord hoeft niet "
    "overeen te komen met uw paspoort, wordt alleen voor dit onderzoek gebruikt en na twee jaar "
    "verwijderd. Wilt u dat we het eerder verwijderen? Mail dan naar onderzoek@voorbeeldstad.example."
)
# Answers only people with need-to-know may read (besides every inclusive question): the
# evidence of the compensation form tells a person's transition history.
SENSITIVE_FIELDS = {
    "Bewijsstukken die u meestuurt",
    "Naam en adres van de arts (alleen bij toestemming)",
}
# Retention (Instellingen > Inclusieve formulieren > Bewaartermijn): a year, then the sensitive
# answers are removed; the demo's submissions are of different ages, so a dry run of
# "manage.py apply_retention" shows some due.
RETENTION_DAYS = 365
SUBMISSION_AGES_IN_DAYS = (400, 120, 3)
# The confirmation e-mail of every demo form with an e-mail field: {wijzigen} is the personal
# link to change or withdraw the sensitive answers (printed to the console with the mail).
CONFIRMATION_BODY = (
    "{aanhef},\n\nBedankt voor het invullen van “{formulier}”. Dit hebben we van u ontvangen:\n\n"
    "{antwoorden}\n\nWilt u uw antwoorden op de gevoelige vragen wijzigen of intrekken? Dat kan via "
    "deze persoonlijke link: {wijzigen}\n\nMet vriendelijke groet,\nGemeente Voorbeeldstad"
)
# The site's salutation scheme (Instellingen > Inclusieve formulieren).
SALUTATION_SCHEME = "den_haag"

ADDRESS_PURPOSE = (
    "We vragen dit alleen om u in onze bevestiging aan te spreken zoals u dat wilt. We bewaren het "
    "antwoord tot uw afspraak is afgehandeld."
)

FORMS = [
    (
        "grofvuil-ophalen",
        "Grofvuil laten ophalen",
        "<p>Meld uw grofvuil aan. We halen het binnen twee weken op.</p>",
        [
            ("Aanhef", "radio", True, "Dhr.\nMevr."),
            ("Naam", "singleline", True, ""),
            ("Adres", "singleline", True, ""),
            ("E-mailadres", "email", True, ""),
            ("Wat wilt u laten ophalen?", "multiline", True, ""),
            ("Gewenste datum", "date", False, ""),
        ],
        [
            {
                "aanhef": "Dhr.",
                "naam": "Piet de Boer",
                "adres": "Kerkstraat 1",
                "e_mailadres": "piet@example.org",
                "wat_wilt_u_laten_ophalen": "Een bank",
                "gewenste_datum": "2026-12-01",
            }
        ],
    ),
    (
        "parkeervergunning",
        "Parkeervergunning aanvragen",
        "<p>Vraag een parkeervergunning aan voor uw wijk.</p>",
        [
            ("Naam", "singleline", True, ""),
            ("Geslacht", "dropdown", True, "Man\nVrouw"),
            ("Kenteken", "singleline", True, ""),
            ("Adres", "singleline", True, ""),
        ],
        [{"naam": "Fatima El Amrani", "geslacht": "Vrouw", "kenteken": "12-ABC-3", "adres": "Dorpsweg 4"}],
    ),
    (
        "klacht-indienen",
        "Klacht indienen",
        "<p>Bent u ontevreden over hoe de gemeente u heeft behandeld? Laat het ons weten.</p>",
        [
            ("Naam", "singleline", True, ""),
            ("Geslacht", "radio", True, "Man\nVrouw\nAnders"),
            ("E-mailadres", "email", True, ""),
            ("Uw klacht", "multiline", True, ""),
        ],
        [],
    ),
    (
        "afspraak-maken",
        "Afspraak maken bij de balie",
        "<p>Maak een afspraak voor een paspoort, rijbewijs of uittreksel.</p>",
        [
            ("Voornaam", "singleline", False, ""),
            ("Achternaam", "singleline", True, ""),
            (
                "Hoe wilt u aangesproken worden?",
                "inclusive_gender",
                False,
                {"inclusive_mode": "form_of_address", "inclusive_purpose": ADDRESS_PURPOSE},
            ),
            ("E-mailadres", "email", True, ""),
            ("Product", "dropdown", True, "Paspoort\nRijbewijs\nUittreksel BRP"),
            ("Datum", "date", True, ""),
        ],
        [
            {
                "voornaam": "Anna",
                "achternaam": "van der Berg",
                "e_mailadres": "anna@example.org",
                "product": "Paspoort",
                "datum": "2026-12-03",
                "hoe_wilt_u_aangesproken_worden": {"answer": "address_ms", "description": ""},
            },
            {
                "voornaam": "Robin",
                "achternaam": "Jansen",
                "e_mailadres": "robin@example.org",
                "product": "Rijbewijs",
                "datum": "2026-12-04",
                "hoe_wilt_u_aangesproken_worden": {"answer": "address_name_only", "description": ""},
            },
        ],
    ),
    (
        "nieuwsbrief",
        "Aanmelden voor de nieuwsbrief",
        "<p>Ontvang elke maand het nieuws uit Voorbeeldstad.</p>",
        [
            ("Aanhef", "dropdown", False, "De heer\nMevrouw"),
            ("Naam", "singleline", False, ""),
            ("E-mailadres", "email", True, ""),
        ],
        [],
    ),
    (
        "solliciteren",
        "Solliciteren bij de gemeente",
        "<p>Solliciteer op een van onze vacatures.</p>",
        [
            ("Naam", "singleline", True, ""),
            ("Geslacht", "radio", True, "Man\nVrouw"),
            ("E-mailadres", "email", True, ""),
            ("Motivatie", "multiline", True, ""),
        ],
        [],
    ),
    (
        "medewerkersonderzoek",
        "Medewerkersonderzoek 2026",
        "<p>Vertel ons hoe u uw werk bij de gemeente ervaart. Het onderzoek is anoniem.</p>",
        [
            ("Afdeling", "dropdown", True, "Publiekszaken\nSociaal domein\nRuimte\nBedrijfsvoering"),
            ("Geslacht", "inclusive_gender", False, {"inclusive_purpose": EMANCIPATION_PURPOSE}),
            (
                "Hoe tevreden bent u over uw werk?",
                "radio",
                True,
                "Zeer tevreden\nTevreden\nNeutraal\nOntevreden",
            ),
        ],
        [
            {
                "afdeling": "Ruimte",
                "geslacht": {"answer": "self_described", "description": "non-binair"},
                "hoe_tevreden_bent_u_over_uw_werk": "Tevreden",
            },
            {
                "afdeling": "Publiekszaken",
                "geslacht": {"answer": "undisclosed", "description": ""},
                "hoe_tevreden_bent_u_over_uw_werk": "Neutraal",
            },
            {
                "afdeling": "Sociaal domein",
                "geslacht": {"answer": "", "description": ""},
                "hoe_tevreden_bent_u_over_uw_werk": "Zeer tevreden",
            },
        ],
    ),
    (
        "gezondheidsmonitor",
        "Gezondheidsmonitor volwassenen",
        "<p>Doe mee aan het onderzoek naar de gezondheid van inwoners.</p>",
        [
            ("Leeftijd", "number", True, ""),
            ("Heeft u een baarmoeder?", "radio", False, "Ja\nNee\nDat zeg ik liever niet"),
            (
                "Geslacht",
                "inclusive_gender",
                False,
                {"inclusive_purpose": HEALTH_PURPOSE, "inclusive_undisclosed_label": "not_relevant"},
            ),
            ("Hoe beoordeelt u uw gezondheid?", "radio", True, "Goed\nRedelijk\nSlecht"),
        ],
        [],
    ),
    (
        "hondenbelasting",
        "Hond aanmelden voor de hondenbelasting",
        "<p>Heeft u een hond? Meld hem aan voor de hondenbelasting.</p>",
        [
            ("Aanhef", "radio", True, "Dhr.\nMevr."),
            ("Naam eigenaar", "singleline", True, ""),
            ("Naam van de hond", "singleline", True, ""),
            ("Geslacht van de hond", "dropdown", False, "Reu\nTeef"),
            ("Ras", "singleline", False, ""),
        ],
        [],
    ),
    (
        "vacature-beleidsmedewerker",
        "Vacature: beleidsmedewerker sociaal domein (m/v)",
        "<p>Wij zoeken een enthousiaste beleidsmedewerker (m/v) voor 36 uur per week. Reageer met het "
        "formulier hieronder.</p>",
        [
            ("Naam", "singleline", True, ""),
            ("E-mailadres", "email", True, ""),
            ("Motivatie", "multiline", True, ""),
        ],
        [],
    ),
    (
        "tegemoetkoming-geslachtsregistratie",
        "Aanvraag eenmalige tegemoetkoming wijziging geslachtsregistratie",
        "<p>Is uw geregistreerde geslacht vóór 1 juli 2014 gewijzigd onder de toen geldende wet? Dan kunt u "
        "een eenmalige tegemoetkoming van € 5.000 aanvragen. Grondslag: artikel 4:81 van de Algemene wet "
        "bestuursrecht en artikel 4 van de beleidsregel. Wij vragen niet naar uw huidige geslacht: dat is "
        "voor deze aanvraag niet nodig. We beslissen binnen acht weken.</p>",
        [
            ("Voornamen", "singleline", True, ""),
            ("Geslachtsnaam", "singleline", True, ""),
            ("Geboortedatum", "date", True, ""),
            ("Adres", "singleline", True, ""),
            ("E-mailadres", "email", True, ""),
            (
                "Bewijsstukken die u meestuurt",
                "checkboxes",
                True,
                "Gewaarmerkt afschrift van de geboorteakte (niet ouder dan drie maanden)\n"
                "Uitspraak van de rechter\n"
                "Verklaring van een arts op het formulier van de minister, met toestemming tot verificatie\n"
                "Toestemming om een door mij genoemde arts om informatie te vragen",
            ),
            ("Naam en adres van de arts (alleen bij toestemming)", "multiline", False, ""),
        ],
        [],
    ),
    (
        "melding-openbare-ruimte",
        "Melding openbare ruimte",
        "<p>Ziet u een losse stoeptegel of kapotte lantaarnpaal? Meld het hier.</p>",
        [
            ("Aanhef", "radio", True, "Dhr.\nMevr."),
            ("Omschrijving", "multiline", True, ""),
            ("Locatie", "singleline", True, ""),
            ("E-mailadres", "email", False, ""),
        ],
        [],
    ),
    (
        "kwijtschelding",
        "Kwijtschelding gemeentelijke belastingen",
        "<p>Kunt u de gemeentelijke belastingen niet betalen? Vraag kwijtschelding aan.</p>",
        [
            ("Naam", "singleline", True, ""),
            ("Geslacht", "dropdown", True, "M\nV"),
            ("Naam echtgenoot/echtgenote", "singleline", False, ""),
            ("Maandinkomen", "number", True, ""),
        ],
        [],
    ),
    (
        "schoolzwemmen",
        "Inschrijven schoolzwemmen",
        "<p>Schrijf uw kind in voor het schoolzwemmen.</p>",
        [
            ("Naam kind", "singleline", True, ""),
            ("Geslacht kind", "radio", True, "Jongen\nMeisje"),
            ("Naam vader/moeder", "singleline", True, ""),
            ("Telefoonnummer", "singleline", True, ""),
        ],
        [],
    ),
    (
        "kledingpakket",
        "Aanvraag kledingpakket",
        "<p>Inwoners met een laag inkomen kunnen een kledingpakket aanvragen.</p>",
        [
            ("Naam", "singleline", True, ""),
            ("Maat", "dropdown", True, "S\nM\nL\nXL"),
            ("Geslacht", "inclusive_gender", False, {}),
            ("E-mailadres", "email", False, ""),
        ],
        [],
    ),
    (
        "contact",
        "Contactformulier",
        "<p>Heeft u een vraag? Stel hem hier.</p>",
        [
            ("Naam", "singleline", False, ""),
            ("E-mailadres", "email", True, ""),
            ("Uw vraag", "multiline", True, ""),
        ],
        [],
    ),
]

# A form built from StreamField blocks: event registration for a neighbourhood evening.
STREAM_FORM = {
    "slug": "buurtavond",
    "title": "Aanmelden voor de buurtavond",
    "intro": "<p>Kom op 12 december naar de buurtavond in het wijkcentrum.</p>",
    "fields": [
        ("text_field", "Naam"),
        ("email_field", "E-mailadres"),
        (
            "inclusive_question",
            {
                "label": "Geslacht",
                "help_text": "",
                "required": False,
                "mode": "gender",
                # The answers switched off, as the form builder stores them: offered
                # are man, vrouw, "Ik identificeer me als" and "Dat zeg ik liever niet".
                "offered_answers": "address_mr,address_ms,address_name_only,address_custom",
                "undisclosed_label": "not_relevant",
                "purpose": "We vragen dit om de avond voor iedereen prettig te maken. "
                "Na de avond verwijderen we uw antwoord.",
            },
        ),
    ],
}

# The site as it was, for the dashboard's trend: the old question each form had
# until the municipality changed it, and how many days ago that was. load_demo
# publishes these old versions first, audits each state (real runs, dated back)
# and then publishes the forms as they are now.
HISTORY = [
    ("contact", ("Geslacht", "dropdown", True, "Man\nVrouw"), 60),
    ("afspraak-maken", ("Aanhef", "radio", True, "Dhr.\nMevr."), 30),
]
