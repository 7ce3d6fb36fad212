"""What a visitor's request costs next to the same form in stock Wagtail: the
site is read once per request, and nothing but the submission is written."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import FormFieldFactory, FormPageFactory, InclusiveFieldFactory
from tests.testapp.models import StockFormField, StockFormPage
from wagtail_inclusive_forms.models import InclusiveFormsSettings

pytestmark = pytest.mark.django_db

FIELDS = [("Voornaam", "singleline"), ("Achternaam", "singleline"), ("E-mailadres", "email")]
DATA = {"voornaam": "Anna", "achternaam": "Berg", "e_mailadres": "anna@example.org"}


@pytest.fixture
def stock_page(root_page):
    page = root_page.add_child(
        instance=StockFormPage(title="Stock", slug="stock", to_address="team@example.org")
    )
    for order, (label, field_type) in enumerate([*FIELDS, ("Geslacht", "radio")]):
        StockFormField.objects.create(
            page=page, label=label, field_type=field_type, sort_order=order, choices="Man\nVrouw"
        )
    return page


def our_page(root_page, slug, *, inclusive=True, **options):
    page = FormPageFactory(parent=root_page, slug=slug, to_address="team@example.org", **options)
    for order, (label, field_type) in enumerate(FIELDS):
        FormFieldFactory(page=page, label=label, field_type=field_type, sort_order=order)
    if inclusive:
        InclusiveFieldFactory(page=page, label="Geslacht", sort_order=9)
    page.save_revision().publish()
    return page


def queries(client, method, url, data=None):
    client.get(url)  # Wagtail's site root paths are cached after the first request
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_a_form_without_an_inclusive_question_costs_what_stock_costs(client, root_page, stock_page):
    plain = our_page(root_page, "plain", inclusive=False)
    assert len(queries(client, "get", plain.url)) == len(queries(client, "get", stock_page.url))


def test_a_form_with_the_question_reads_the_sites_settings_once(client, root_page, stock_page):
    page = our_page(root_page, "with-question")
    ours, stock = queries(client, "get", page.url), queries(client, "get", stock_page.url)
    assert len(ours) == len(stock) + 1
    assert sum("inclusiveformssettings" in sql for sql in ours) == 1


def test_a_form_with_the_default_purpose_text_also_reads_its_retention(client, root_page, stock_page):
    page = our_page(root_page, "default-text")
    page.form_fields.filter(label="Geslacht").update(inclusive_purpose="")
    assert len(queries(client, "get", page.url)) == len(queries(client, "get", stock_page.url)) + 2


def test_a_submission_with_salutation_and_confirmation_writes_only_the_submission(
    client, root_page, stock_page
):
    page = our_page(root_page, "post", confirmation_email_enabled=True)
    ours = queries(client, "post", page.url, {**DATA, "geslacht": "female"})
    stock = queries(client, "post", stock_page.url, {**DATA, "geslacht": "Vrouw"})
    # The site's settings, and whether the staff e-mail's recipients may read sensitive answers.
    assert len(ours) <= len(stock) + 2
    writes = [sql for sql in ours if sql.split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert len(writes) == 1 and "formsubmission" in writes[0]
    assert not InclusiveFormsSettings.objects.exists()  # never created on a public request
    assert {tuple(message.to) for message in mail.outbox} >= {("anna@example.org",), ("team@example.org",)}


def test_the_salutation_tag_costs_the_same_for_many_submissions(appointment_page):
    from django.template import Context, Template
    from wagtail.contrib.forms.models import FormSubmission

    template = Template(
        "{% load wagtail_inclusive_forms_tags %}{% for s in submissions %}{% salutation s %}|{% endfor %}"
    )

    def render(count):
        FormSubmission.objects.all().delete()
        for number in range(count):
            FormSubmission.objects.create(
                page=appointment_page,
                form_data={"achternaam": f"Berg{number}", "geslacht": {"answer": "male"}},
            )
        submissions = list(FormSubmission.objects.order_by("pk"))
        with CaptureQueriesContext(connection) as captured:
            text = template.render(Context({"submissions": submissions}))
        return len(captured), text

    few, text = render(2)
    assert text.startswith("Beste meneer Berg0|Beste meneer Berg1|")
    assert render(20)[0] == few


def test_the_page_editor_reads_the_sites_settings_once_for_all_questions(client, admin_user, root_page):
    """The editor's panels (audit notice, standard question per question) share one
    read of the site: more inclusive questions cost no more queries."""
    from django.urls import reverse

    one = our_page(root_page, "een")
    three = our_page(root_page, "drie")
    for order in (10, 11):
        InclusiveFieldFactory(page=three, label=f"Geslacht {order}", sort_order=order, inclusive_purpose="")
    three.save_revision().publish()
    client.force_login(admin_user)
    costs = [
        len(queries(client, "get", reverse("wagtailadmin_pages:edit", args=(page.pk,))))
        for page in (one, three)
    ]
    sql = "\n".join(queries(client, "get", reverse("wagtailadmin_pages:edit", args=(three.pk,))))
    assert costs[0] == costs[1]
    assert sql.count('FROM "wagtail_inclusive_forms_inclusiveformssettings"') == 1
    assert sql.count('FROM "wagtail_inclusive_forms_formpurposerecord"') == 1
    # Once, for Wagtail's inline panel, the page form's name-field choices and the audit
    # panel (its notice and the editor's script).
    assert sql.count('FROM "wagtail_inclusive_forms_test_formfield"') == 1


@pytest.mark.parametrize("export", ["", "?export=csv", "?export=xlsx"])
def test_the_submissions_listing_and_exports_cost_the_same_for_more_submissions(
    client, admin_user, root_page, export
):
    """Fields are read once per request, not per column; rows are read in chunks
    (exports stream), so more submissions cost no more queries."""
    from django.urls import reverse
    from wagtail.contrib.forms.models import FormSubmission

    from tests.test_exports_and_stored_data import csv_rows, xlsx_rows

    page = our_page(root_page, "lijst")
    client.force_login(admin_user)
    url = reverse("wagtailforms:list_submissions", args=(page.pk,)) + export

    def request(submissions):
        FormSubmission.objects.bulk_create(
            FormSubmission(page=page, form_data={**DATA, "geslacht": {"answer": "female"}})
            for _ in range(submissions)
        )
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200
        fields_read = sum('FROM "wagtail_inclusive_forms_test_formfield"' in q["sql"] for q in captured)
        return len(captured), fields_read, body

    request(0)  # Django's content type cache filled
    few, fields_read, _body = request(25)  # more than a listing page: both are paginated
    many, _fields_read, body = request(40)
    assert many == few and fields_read == 1
    if export == "?export=csv":
        rows = csv_rows(body)
        assert len(rows) == 65 and rows[0]["Aanhef voor brieven"] == "Beste mevrouw Berg"
    elif export == "?export=xlsx":
        assert len(xlsx_rows(body)) == 66
