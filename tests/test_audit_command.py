"""The audit reads every form page of a site (live and draft) and reports through a command."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.factories import FormFieldFactory, FormPageFactory, StreamFormPageFactory
from wagtail_inclusive_forms.core.audit import audit_forms
from wagtail_inclusive_forms.models.page_model import get_page_model
from wagtail_inclusive_forms.services.sources import describe_forms

Page = get_page_model()  # wagtailcore.Page, or the site's own (WAGTAIL_PAGE_MODEL)

pytestmark = pytest.mark.django_db


def old_style_form(parent, slug, **field):
    page = FormPageFactory(parent=parent, slug=slug, title=f"Formulier {slug}")
    FormFieldFactory(page=page, label="Naam", sort_order=0)
    FormFieldFactory(
        page=page,
        **{"label": "Geslacht", "field_type": "dropdown", "choices": "Man\nVrouw", "required": True, **field},
        sort_order=1,
    )
    page.save_revision().publish()
    return page


def run(*args):
    out = io.StringIO()
    call_command("audit_forms", *args, stdout=out)
    return out.getvalue()


def test_builder_pages_of_any_app_are_read(root_page):
    page = old_style_form(root_page, "parkeren")
    report = audit_forms(describe_forms())
    assert report.asking_page_ids == {page.pk}
    assert {(row.form.version, row.where, row.finding.code) for row in report.rows} == {
        ("live", "Geslacht", "binary-options"),
        ("live", "Geslacht", "required"),
        ("live", "Geslacht", "no-purpose"),
    }


def test_a_draft_is_audited_next_to_the_live_version(root_page):
    page = old_style_form(root_page, "parkeren")
    draft = Page.objects.get(pk=page.pk).specific
    draft.form_fields.add(draft.form_fields.model(label="Naam vader", field_type="singleline"))
    draft.save_revision()
    versions = {(form.version, len(form.fields)) for form in describe_forms()}
    assert versions == {("live", 2), ("draft", 3)}
    rows = audit_forms(describe_forms()).rows
    assert [row.form.version for row in rows if row.finding.code == "gendered-language"] == ["draft"]


def test_a_form_is_counted_by_its_live_version_and_drafts_that_ask_are_told_apart(
    client, admin_user, root_page
):
    from django.urls import reverse

    from wagtail_inclusive_forms.services.audit_runs import run_and_store_audit

    page = FormPageFactory(parent=root_page, slug="afval", title="Afval")
    FormFieldFactory(page=page, label="Naam", field_type="singleline")
    page.save_revision().publish()
    draft = Page.objects.get(pk=page.pk).specific
    draft.form_fields.add(
        draft.form_fields.model(label="Geslacht", field_type="dropdown", choices="Man\nVrouw")
    )
    draft.save_revision()
    never_published = FormPageFactory(parent=root_page, slug="nieuw", title="Nieuw", live=False)
    FormFieldFactory(page=never_published, label="Geslacht", field_type="dropdown", choices="Man\nVrouw")
    never_published.save_revision()

    report = audit_forms(describe_forms())
    assert report.asking_page_ids == {never_published.pk}  # what visitors would see
    assert report.draft_asking_page_ids == {page.pk}
    run = run_and_store_audit()
    assert (run.forms_asking, run.draft_asking_page_ids) == (1, [page.pk])
    client.force_login(admin_user)
    html = client.get(reverse("wagtail_inclusive_forms:audit_dashboard")).content.decode()
    assert "1 van 2 formulieren vraagt naar sekse of gender." in html
    assert "Niet meegeteld: het ongepubliceerde concept van nog één formulier vraagt naar sekse" in html


def test_inclusive_questions_and_page_text_are_judged(form_page):
    form_page.intro = "<p>Beste <b>dames en heren</b>,</p>"
    form_page.save_revision().publish()
    rows = audit_forms(describe_forms()).rows
    assert [(row.where, row.finding.code) for row in rows] == [("intro", "gendered-language")]


def test_stream_form_pages_are_read(root_page):
    page = StreamFormPageFactory(
        parent=root_page,
        slug="stream",
        body=[("gender", {"label": "Geslacht", "mode": "gender", "purpose": "", "required": True})],
    )
    page.save_revision().publish()
    report = audit_forms(describe_forms())
    assert report.asking_page_ids == {page.pk}
    # No own purpose text: the standard question's purpose is shown, so only "required" remains.
    assert {row.finding.code for row in report.rows} == {"required"}


def test_query_count_does_not_grow_with_the_number_of_pages(root_page):
    def count():
        with CaptureQueriesContext(connection) as queries:
            forms = list(describe_forms())
        return len(forms), len(queries)

    for index in range(2):
        old_style_form(root_page, f"a{index}")
    few_forms, few_queries = count()
    for index in range(10):
        old_style_form(root_page, f"b{index}")
    many_forms, many_queries = count()
    assert (few_forms, many_forms) == (2, 12)
    assert many_queries == few_queries


def _draft(page, label):
    draft = Page.objects.get(pk=page.pk).specific
    draft.form_fields.add(draft.form_fields.model(label=label, field_type="singleline"))
    draft.intro = f"<p>{label}</p>"
    draft.save_revision()


def test_drafts_and_stream_forms_add_no_queries_per_page(root_page):
    """A page with a draft is read from its revision, not rebuilt with a query per field."""

    def count():
        with CaptureQueriesContext(connection) as queries:
            forms = [(form.version, len(form.fields)) for form in describe_forms()]
        return forms, len(queries)

    _draft(old_style_form(root_page, "a"), "Naam vader")
    StreamFormPageFactory(parent=root_page, slug="s0", body=[("name", "Naam")]).save_revision().publish()
    few_forms, few_queries = count()
    for index in range(6):
        _draft(old_style_form(root_page, f"b{index}"), f"Naam moeder {index}")
        stream = StreamFormPageFactory(parent=root_page, slug=f"s{index + 1}", body=[("name", "Naam")])
        stream.save_revision().publish()
        stream.body = [("name", "Naam"), ("name", "Woonplaats")]
        stream.save_revision()
    many_forms, many_queries = count()
    assert sorted(few_forms) == [("draft", 3), ("live", 1), ("live", 2)]
    assert many_forms.count(("draft", 3)) == 7 and many_forms.count(("draft", 2)) == 6
    assert many_queries == few_queries


def test_equal_questions_of_different_pages_are_described_once(root_page):
    """Sites built from templates repeat their questions: equal ones are read
    into one description (less to build and keep); any difference keeps its own."""
    for slug in ("a", "b"):
        old_style_form(root_page, slug)
    old_style_form(root_page, "c", required=False)
    old_style_form(root_page, "d", choices="Man\nVrouw\nAnders")
    for slug in ("s1", "s2"):
        StreamFormPageFactory(parent=root_page, slug=slug, body=[("name", "Naam")]).save_revision().publish()
    forms = {form.url_path.rstrip("/").rsplit("/", 1)[-1]: form.fields for form in describe_forms()}
    assert forms["a"][0] is forms["b"][0] is forms["c"][0]  # "Naam" on three pages
    assert forms["a"][1] is forms["b"][1]
    assert forms["c"][1].required is False and forms["d"][1].choices == ("Man", "Vrouw", "Anders")
    assert forms["s1"][0] is forms["s2"][0] and forms["s1"][0].label == "Naam"
    assert forms["s1"][0] is not forms["a"][0]  # a block and a builder field are read each their own way


def test_each_form_page_is_let_go_as_soon_as_the_next_is_read(root_page):
    """A large audit keeps one page and its fields in memory at a time, without
    waiting for Python's garbage collector (prefetched fields and their page
    point at each other, so only the collector could free them)."""
    import gc
    import weakref

    from tests.testapp.models import FormPage
    from wagtail_inclusive_forms.services.sources import form_field_relations, one_at_a_time

    for slug in ("a", "b", "c"):
        old_style_form(root_page, slug)
    pages = FormPage.objects.prefetch_related(*form_field_relations(FormPage)).order_by("path")
    read = []
    gc.disable()
    try:
        for page in one_at_a_time(pages):
            assert [field.label for field in page.form_fields.all()] == ["Naam", "Geslacht"]
            read.append(weakref.ref(page))
            del page
            assert [alive() is not None for alive in read[:-1]] == [False] * (len(read) - 1)
    finally:
        gc.enable()
    assert len(read) == 3


def test_one_site_only(root_page):
    old_style_form(root_page, "hier")
    other_home = Page.get_first_root_node().add_child(instance=Page(title="Ander", slug="ander"))
    other = Site.objects.create(hostname="ander.example", port=80, root_page=other_home)
    old_style_form(other_home, "daar")
    data = json.loads(run("--format", "json", "--site", "ander.example"))
    assert {row["title"] for row in data["findings"]} == {"Formulier daar"}
    assert data["summary"]["forms_scanned"] == 1
    assert json.loads(run("--format", "json", "--site", str(other.pk)))["summary"]["forms_scanned"] == 1


def test_table_output_in_dutch_with_the_summary(root_page):
    old_style_form(root_page, "parkeren")
    FormPageFactory(parent=root_page, slug="leeg").save_revision().publish()
    output = run()
    assert "Alleen man en vrouw zijn te kiezen." in output
    assert "1 van 2 formulieren vraagt naar sekse of gender." in output


def test_csv_output_cannot_run_formulas(root_page):
    old_style_form(root_page, "parkeren", label="=HYPERLINK(geslacht)")
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv"))))
    assert rows and all(row["where"] == "'=HYPERLINK(geslacht)" for row in rows)
    assert set(rows[0]) == {"page_id", "title", "version", "where", "code", "severity", "message"}


@pytest.mark.parametrize(
    ("fail_on", "fails"),
    [
        ("high", True),
        ("required", True),
        ("low", True),
        ("stigmatising-label", False),
        ("gendered-language", False),
    ],
)
def test_fail_on_gives_exit_status_one(root_page, fail_on, fails):
    old_style_form(root_page, "parkeren")
    if fails:
        with pytest.raises(CommandError) as raised:
            run("--fail-on", fail_on)
        assert raised.value.returncode == 1
    else:
        run("--fail-on", fail_on)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "xml"), "Unknown format 'xml'"),
        (("--fail-on", "everything"), "Unknown --fail-on value 'everything'"),
        (("--site", "nergens.example"), "Unknown site 'nergens.example'"),
    ],
)
def test_misuse_gives_exit_status_two_with_a_clear_message(root_page, args, message):
    with pytest.raises(CommandError) as raised:
        run(*args)
    assert raised.value.returncode == 2 and message in str(raised.value)


HAND_WRITTEN_FORM = """
<form>
  <label for="g">Geslacht</label>
  <select id="g" name="geslacht" required><option>Man</option><option>Vrouw</option></select>
  <fieldset><legend>Aanhef</legend>
    <label><input type="radio" name="aanhef" value="dhr"> Dhr.</label>
    <label><input type="radio" name="aanhef" value="mevr"> Mevr.</label>
  </fieldset>
  <label>Maat <input type="radio" name="maat"> S</label><label><input type="radio" name="maat"> M</label>
  <input type="radio" name="maat" aria-label="L">
</form>
"""


def test_hand_written_html_forms_in_rich_text_and_raw_html_are_found(root_page):
    from tests.testapp.models import ContentPage

    page = root_page.add_child(
        instance=ContentPage(
            title="Oude inschrijving",
            slug="oud",
            intro="<p>Gewoon tekst, geen formulier.</p>",
            body=[("html", HAND_WRITTEN_FORM), ("text", "<p>Meer tekst</p>")],
        )
    )
    plain = root_page.add_child(
        instance=ContentPage(title="Over ons", slug="over", intro="<p>Dames en heren</p>")
    )
    report = audit_forms(describe_forms())
    assert report.asking_page_ids == {page.pk}
    assert plain.pk not in report.page_ids  # no form: not counted, its text not judged
    assert {(row.where, row.finding.code) for row in report.rows} == {
        ("Geslacht", "binary-options"),
        ("Geslacht", "required"),
        ("Geslacht", "no-purpose"),
        ("Aanhef", "salutation-from-sex"),
        ("Aanhef", "no-purpose"),
    }


def test_html_forms_are_read_with_a_fixed_number_of_queries(root_page):
    from tests.testapp.models import ContentPage

    def count():
        with CaptureQueriesContext(connection) as queries:
            list(describe_forms())
        return len(queries)

    root_page.add_child(instance=ContentPage(title="a", slug="a", body=[("html", HAND_WRITTEN_FORM)]))
    few = count()
    for index in range(6):
        root_page.add_child(
            instance=ContentPage(title=f"b{index}", slug=f"b{index}", body=[("html", HAND_WRITTEN_FORM)])
        )
    assert count() == few
