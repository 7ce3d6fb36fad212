"""Promises that are true: the default purpose text says only what the form
does, and the audit finds purpose texts that promise more."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import FormFieldFactory, FormPageFactory, InclusiveFieldFactory
from wagtail_inclusive_forms.core.audit import UNKEPT_PROMISE, audit_forms
from wagtail_inclusive_forms.core.audit.promises import promised_days, unkept_promises
from wagtail_inclusive_forms.core.purpose_texts import (
    LEGACY_DEFAULT_TEXTS,
    FormPromises,
    compose_purpose,
    is_default_purpose,
)
from wagtail_inclusive_forms.models import FormPurposeRecord, InclusiveFormsSettings
from wagtail_inclusive_forms.services.sources import describe_forms

LINK_BODY = "{aanhef},\n\nWijzigen of intrekken: {wijzigen}"


def purpose_shown(client, page) -> str:
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    return " ".join(html.select_one(".wif-question__purpose").get_text().split())


@pytest.fixture
def default_text_page(root_page):
    """A form whose inclusive question uses the site's default purpose text."""
    page = FormPageFactory(parent=root_page, slug="melding", title="Melding")
    FormFieldFactory(page=page, label="E-mailadres", field_type="email", sort_order=0)
    InclusiveFieldFactory(page=page, label="Geslacht", inclusive_purpose="", sort_order=1)
    page.save_revision().publish()
    return page


def set_site_retention(root_page, days):
    row = InclusiveFormsSettings.for_site(root_page.get_site())
    row.retention_days = days
    row.save()


def test_the_default_text_promises_nothing_the_form_does_not_do(client, default_text_page):
    shown = purpose_shown(client, default_text_page)
    assert "paspoort" in shown
    assert "bewaren" not in shown and "intrekken" not in shown


def test_the_default_text_names_the_real_retention_and_the_change_link(client, default_text_page, root_page):
    set_site_retention(root_page, 30)
    default_text_page.confirmation_email_enabled = True
    default_text_page.confirmation_email_body = LINK_BODY
    default_text_page.save_revision().publish()
    shown = purpose_shown(client, default_text_page)
    assert "We bewaren uw antwoord 30 dagen." in shown
    assert "U kunt uw antwoord wijzigen of intrekken via de link in de bevestigingsmail." in shown
    # A purpose record's own period wins, as it does for the retention run.
    FormPurposeRecord.objects.create(page=default_text_page, retention_days=7)
    assert "We bewaren uw antwoord 7 dagen." in purpose_shown(client, default_text_page)


def test_the_old_default_text_a_site_still_stores_is_composed_too(client, default_text_page, root_page):
    row = InclusiveFormsSettings.for_site(root_page.get_site())
    with translation.override("nl"):
        row.question_purpose = translation.gettext(LEGACY_DEFAULT_TEXTS[0])
    row.save()
    shown = purpose_shown(client, default_text_page)
    assert "altijd wijzigen of intrekken" not in shown and "paspoort" in shown


def test_an_editors_own_text_is_shown_as_written(client, default_text_page):
    field = default_text_page.form_fields.get(label="Geslacht")
    field.inclusive_purpose = "Wij vragen dit voor de statistiek en bewaren het 30 dagen."
    field.save()
    assert purpose_shown(client, default_text_page) == field.inclusive_purpose


def unkept_rows(page_id):
    return [
        row
        for row in audit_forms(describe_forms()).rows
        if row.finding.code == UNKEPT_PROMISE and row.form.page_id == page_id
    ]


def test_the_audit_finds_promises_the_form_does_not_keep(default_text_page, root_page):
    field = default_text_page.form_fields.get(label="Geslacht")
    field.inclusive_purpose = "We bewaren uw antwoord 30 dagen. U kunt het altijd intrekken."
    field.save()
    default_text_page.save_revision().publish()
    messages = sorted(row.finding.message for row in unkept_rows(default_text_page.pk))
    assert messages == [
        "De doeltekst belooft dat mensen hun antwoord kunnen intrekken "
        "(het formulier stuurt geen wijzigingslink).",
        "De doeltekst belooft een bewaartermijn van 30 dagen "
        "(het formulier bewaart antwoorden zonder einde).",
    ]
    set_site_retention(root_page, 60)
    assert len(unkept_rows(default_text_page.pk)) == 2  # 60 days is longer than promised
    set_site_retention(root_page, 30)
    default_text_page.confirmation_email_enabled = True
    default_text_page.confirmation_email_body = LINK_BODY
    default_text_page.save_revision().publish()
    assert unkept_rows(default_text_page.pk) == []


def test_the_default_text_never_gets_the_finding(default_text_page, root_page):
    with translation.override("nl"):
        legacy = translation.gettext(LEGACY_DEFAULT_TEXTS[0])
    row = InclusiveFormsSettings.for_site(root_page.get_site())
    row.question_purpose = legacy  # promises "withdraw at any time", but is composed per form
    row.save()
    assert unkept_rows(default_text_page.pk) == []


@given(days=st.one_of(st.none(), st.integers(min_value=0, max_value=36500)), link=st.booleans())
def test_a_composed_text_keeps_its_own_promises(days, link):
    promises = FormPromises(retention_days=days, change_link=link)
    for language in ("nl", "en"):
        with translation.override(language):
            text = compose_purpose(promises)
            assert unkept_promises(text, promises) == []
            assert is_default_purpose(text) is False or text == compose_purpose(FormPromises())


@pytest.mark.parametrize(
    "text, days",
    [
        ("We bewaren uw antwoord 30 dagen.", 30),
        ("Het antwoord wordt na 2 jaar verwijderd en zolang bewaard.", 732),
        ("We keep it for 3 months.", 93),
        ("Bewaard tot 6 weken na de afspraak.", 42),
        ("U krijgt binnen 5 dagen antwoord.", None),  # a period, but not of keeping
        ("We bewaren het niet langer dan nodig.", None),
    ],
)
def test_the_promised_period_is_read_from_the_text(text, days):
    assert promised_days(text) == days


def test_a_vague_promise_needs_some_retention_period():
    vague = "We bewaren het niet langer dan nodig."
    assert len(unkept_promises(vague, FormPromises())) == 1
    assert unkept_promises(vague, FormPromises(retention_days=365)) == []
