"""The audit's detector: realistic Dutch and English fields, true cases and hard false ones."""

import pytest
from django.utils import translation

from wagtail_inclusive_forms.core.audit import (
    FieldDescription,
    FormDescription,
    audit_forms,
    inspect_field,
    inspect_text,
)
from wagtail_inclusive_forms.core.question import FORM_OF_ADDRESS_MODE, QuestionConfig

PURPOSE = "We vragen dit omdat de wet het verplicht."


@pytest.mark.parametrize(
    ("label", "field_type", "choices", "help_text", "required", "codes"),
    [
        ("Geslacht", "dropdown", "Man\nVrouw", "", True, {"binary-options", "required", "no-purpose"}),
        ("Geslacht", "radio", "M\nV", PURPOSE, False, {"binary-options"}),
        ("Geslacht", "radio", "Man\nVrouw\nZeg ik liever niet", PURPOSE, False, {"binary-options"}),
        ("Sekse", "radio", "mannelijk\nvrouwelijk", PURPOSE, False, {"binary-options"}),
        ("Jongen of meisje?", "radio", "Jongen\nMeisje", PURPOSE, False, {"binary-options"}),
        (
            "Geslacht",
            "radio",
            "Man\nVrouw\nAnders",
            "",
            True,
            {"stigmatising-label", "required", "no-purpose"},
        ),
        ("Geslacht", "radio", "Man\nVrouw\nAnders, namelijk", PURPOSE, False, {"stigmatising-label"}),
        ("Geslacht", "singleline", "", "", False, {"no-purpose"}),  # an open question still asks
        ("Geslachtsaanduiding", "singleline", "", PURPOSE, True, {"required"}),
        ("Bent u man of vrouw?", "radio", "Ja\nNee", PURPOSE, False, set()),
        ("Kies", "dropdown", "Man\nVrouw", PURPOSE, False, {"binary-options"}),  # the answers tell
        ("Gender", "radio", "Male\nFemale", "", False, {"binary-options", "no-purpose"}),
        (
            "Sex",
            "radio",
            "Male\nFemale\nPrefer not to say",
            "We use this because the law requires it.",
            True,
            {"binary-options", "required"},
        ),
        ("Aanhef", "radio", "Dhr.\nMevr.", "", True, {"salutation-from-sex", "required", "no-purpose"}),
        ("Aanhef", "dropdown", "De heer\nMevrouw", PURPOSE, False, {"salutation-from-sex"}),
        ("Title", "dropdown", "Mr\nMrs\nMs", PURPOSE, False, {"salutation-from-sex"}),
        # Title lists: without a label, with professional titles, with genders in brackets.
        ("", "dropdown", "Mr\nMrs\nMiss\nMs\nDr", PURPOSE, False, {"salutation-from-sex"}),
        ("Title", "dropdown", "Dr\nProf\nMr\nMs", PURPOSE, False, {"salutation-from-sex"}),
        ("Titel", "radio", "Dr. (m)\nDr. (v)\nIr. (m)\nIr. (v)", PURPOSE, False, {"salutation-from-sex"}),
        ("Aanhef", "radio", "De heer (dr.)\nMevrouw (dr.)", PURPOSE, False, {"salutation-from-sex"}),
        ("", "radio", "Heer\nMevrouw\nAnders", PURPOSE, False, {"salutation-from-sex"}),
        ("Geslacht", "radio", "Dhr.\nMevr.\nMx.", PURPOSE, False, set()),  # the label asks sex
        ("Geslacht", "radio", "Man (male)\nVrouw (female)\nMx", PURPOSE, False, set()),
    ],
)
def test_sex_and_gender_questions_are_found(label, field_type, choices, help_text, required, codes):
    result = inspect_field(label, field_type, choices, help_text, "", required)
    assert result.asks_sex_or_gender
    assert result.codes == codes


@pytest.mark.parametrize(
    ("label", "field_type", "choices", "help_text", "kind"),
    [
        ("Geslachtsnaam", "singleline", "", "", "surname"),
        ("Geslachtsnaam (achternaam)", "singleline", "", "Zoals in uw paspoort.", "surname"),
        ("Maat T-shirt", "dropdown", "S\nM\nL\nXL", "", "other"),
        ("Geslacht van de hond", "dropdown", "Reu\nTeef", "", "animal"),
        ("Geslacht", "radio", "Reu\nTeef", "", "animal"),
        ("Geslacht huisdier", "radio", "Mannelijk\nVrouwelijk", "", "animal"),
        ("Heeft u een baarmoeder?", "radio", "Ja\nNee\nDat zeg ik liever niet", "", "body"),
        ("Do you have a cervix?", "radio", "Yes\nNo", "For cervical cancer screening.", "body"),
        ("Manager", "singleline", "", "", "other"),
        ("Mandaat", "singleline", "", "", "other"),
        ("Mannen- of damesfiets?", "singleline", "", "", "other"),
        ("Aanhef", "radio", "Dhr.\nMevr.\nAlleen mijn naam", "", "neutral_address"),
        ("Title", "dropdown", "Mr\nMrs\nMs\nMx", "", "neutral_address"),
        ("", "dropdown", "Dhr.\nMevr.\nMx.", "", "neutral_address"),  # no label, a neutral option
        ("Title", "dropdown", "Mr (Dr)\nMrs (Dr)\nMx (Dr)", "", "neutral_address"),
        ("Maat", "radio", "S\nM (medium)\nL", "", "other"),
        ("Sexual health clinic you visited", "singleline", "", "", "other"),
        ("Afdeling", "dropdown", "Publiekszaken\nRuimte", "", "other"),
    ],
)
def test_hard_cases_are_not_sex_questions(label, field_type, choices, help_text, kind):
    result = inspect_field(label, field_type, choices, help_text)
    assert not result.asks_sex_or_gender
    assert result.kind == kind
    assert result.codes <= {"gendered-language"}


def test_the_field_name_counts_too():
    assert inspect_field("Uw antwoord", "dropdown", "X\nY", name="geslacht").asks_sex_or_gender


@pytest.mark.parametrize(
    ("config", "asks", "codes"),
    [
        (QuestionConfig(purpose=PURPOSE), True, set()),
        (QuestionConfig(purpose="", required=True), True, {"required", "no-purpose"}),
        (QuestionConfig(purpose=PURPOSE, hidden_codes=("self_described",)), True, {"binary-options"}),
        (QuestionConfig(mode=FORM_OF_ADDRESS_MODE, purpose=PURPOSE), False, set()),
        (
            QuestionConfig(
                mode=FORM_OF_ADDRESS_MODE,
                purpose=PURPOSE,
                hidden_codes=("address_name_only", "address_custom"),
            ),
            True,
            {"salutation-from-sex"},
        ),
    ],
)
def test_inclusive_questions_are_judged_on_their_configuration(config, asks, codes):
    result = inspect_field("Geslacht", "inclusive_gender", question=config, required=config.required)
    assert (result.asks_sex_or_gender, result.codes) == (asks, codes)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Geachte dames en heren", ["dames en heren"]),
        ("Naam vader", ["vader"]),
        ("Handtekening vader of moeder", ["vader of moeder"]),
        ("Gegevens van vaders en moeders", ["vaders en moeders"]),
        ("Naam echtgenoot/echtgenote", ["echtgenoot/echtgenote"]),
        ("Beleidsmedewerker (m/v)", ["(m/v)"]),
        ("Hij of zij tekent het formulier", ["hij of zij"]),
        ("Ladies and gentlemen", ["ladies and gentlemen"]),
        ("Name of mother", ["mother"]),
        ("Moedertaal", []),
        ("Manager vaderlandse geschiedenis", []),
        ("Ouders en verzorgers", []),
    ],
)
def test_gendered_wording_with_suggestions(text, terms):
    result = inspect_text(text)
    assert [finding.term.lower() for finding in result.findings] == terms
    assert all(finding.suggestion for finding in result.findings)


def test_findings_explain_themselves_in_dutch_and_english():
    (finding,) = inspect_text("Naam vader").findings
    with translation.override("nl"):
        assert finding.message == "Genderspecifieke formulering: “vader”."
        assert "ouder" in finding.advice
    with translation.override("en"):
        assert finding.message == "Gendered wording: “vader”."
    required = inspect_field("Geslacht", "radio", "Man\nVrouw", required=True).findings
    assert {finding.severity for finding in required} == {"high", "medium"}


def test_report_counts_forms_and_findings():
    forms = [
        FormDescription(
            1, "Parkeren", fields=(FieldDescription("geslacht", "Geslacht", "radio", ("Man", "Vrouw")),)
        ),
        FormDescription(
            2,
            "Melding",
            fields=(FieldDescription("naam", "Naam"),),
            texts=(("inleiding", "Dames en heren,"),),
        ),
    ]
    report = audit_forms(forms)
    assert report.page_ids == {1, 2} and report.asking_page_ids == {1}
    assert report.counts_by_code() == {"binary-options": 1, "no-purpose": 1, "gendered-language": 1}
    assert [row.form.page_id for row in report.rows_at_or_above("high")] == [1]


def test_each_distinct_field_and_text_is_judged_once_per_run_and_again_next_run(monkeypatch):
    from wagtail_inclusive_forms.core.audit import report as report_module

    calls = {"fields": 0, "texts": 0}
    real_field, real_text = report_module.inspect_field, report_module.inspect_text

    def counting_field(*args, **kwargs):
        calls["fields"] += 1
        return real_field(*args, **kwargs)

    def counting_text(*args, **kwargs):
        calls["texts"] += 1
        return real_text(*args, **kwargs)

    monkeypatch.setattr(report_module, "inspect_field", counting_field)
    monkeypatch.setattr(report_module, "inspect_text", counting_text)
    same = FieldDescription("geslacht", "Geslacht", "radio", ("Man", "Vrouw"))
    # Another field with the same answers: its answers' wording is not inspected again.
    other = FieldDescription("sekse", "Sekse", "radio", ("Man", "Vrouw"))
    forms = [
        FormDescription(
            page_id,
            f"Formulier {page_id}",
            fields=(same, other),
            texts=(("intro", "Geachte heer/mevrouw"),),
        )
        for page_id in range(50)
    ]
    report = audit_forms(forms)
    # The page text, the two labels, the (empty) help text and the two answers: each once.
    assert calls == {"fields": 2, "texts": 6}
    assert len(report.asking_page_ids) == 50  # every form still gets its findings
    assert sum(row.finding.code == "gendered-language" for row in report.rows) == 50
    audit_forms(forms)
    assert calls == {"fields": 4, "texts": 12}  # nothing kept from the previous run


def test_equal_fields_of_different_forms_are_kept_once_in_the_report():
    """A site audit holds every form in memory: equal fields share one object."""

    def form(page_id):
        fields = (FieldDescription("geslacht", "Geslacht", "radio", ("Man", "Vrouw")),)
        return FormDescription(page_id, f"Formulier {page_id}", fields=fields)

    first, second = audit_forms([form(1), form(2)]).forms
    assert first.fields[0] is second.fields[0]
    assert (first, second) == (form(1), form(2))  # the forms themselves stay as described
    # Forms that already share their fields (as sources hand them over) are kept as given.
    shared = [form(3), form(4)]
    shared[1] = FormDescription(4, "Formulier 4", fields=shared[0].fields)
    kept = audit_forms(shared + [form(5)]).forms
    assert kept[0] is shared[0] and kept[1] is shared[1]
    assert kept[2] == form(5) and kept[2].fields[0] is shared[0].fields[0]


@pytest.mark.parametrize(
    "html, seen",
    [
        ("<p>Beste <b>heer</b> of mevrouw</p><p>Tot ziens</p>", "Beste heer of mevrouw Tot ziens"),
        ("<p>Zus &amp; broer&nbsp;samen &lt;3</p>", "Zus & broer samen <3"),
        ("<a href=\"/a?b>c\" title='x>y'>moeder</a>", "moeder"),
        ("<p>vader<!-- <b>niet</b> --></p><script>var man = 1;</script><style>p{}</style>", "vader"),
        ("geen HTML, wel  twee spaties", "geen HTML, wel  twee spaties"),
    ],
)
def test_page_text_is_read_as_a_reader_sees_it(html, seen):
    """Rich text is read without a parser; it gives the words BeautifulSoup gives."""
    from bs4 import BeautifulSoup

    from wagtail_inclusive_forms.core.audit.html import plain_text

    assert plain_text(html) == seen
    if "<" in html:
        soup = BeautifulSoup(html, "html.parser")
        for hidden in soup(["script", "style"]):
            hidden.decompose()
        assert plain_text(html).split() == soup.get_text(" ").split()
