"""Installing the package on a site with forms: existing fields and submissions survive.

Migration 0001 of the test app is a site before the package; 0002 is what
``makemigrations`` writes after adding the mixins.
"""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

APP = "wagtail_inclusive_forms_test"


@pytest.fixture(autouse=True)
def latest_schema_afterwards():
    """Each test migrates back; the tests after it need the latest schema."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_adding_the_mixins_only_adds_columns_and_keeps_data(root_page):
    executor = MigrationExecutor(connection)
    executor.migrate([(APP, "0001_site_before_inclusive_forms")])
    forms_leaf = executor.loader.graph.leaf_nodes("wagtailforms")[0]
    old_apps = executor.loader.project_state([(APP, "0001_site_before_inclusive_forms"), forms_leaf]).apps

    Page = old_apps.get_model("wagtailcore", "Page")
    ContentType = old_apps.get_model("contenttypes", "ContentType")
    FormPage = old_apps.get_model(APP, "FormPage")
    FormField = old_apps.get_model(APP, "FormField")
    FormSubmission = old_apps.get_model("wagtailforms", "FormSubmission")

    FormPage.template = "unused.html"  # historical models lack Page's template attribute
    root = Page.objects.get(depth=1)
    content_type, _ = ContentType.objects.get_or_create(app_label=APP, model="formpage")
    page = FormPage.objects.create(
        title="Oud formulier",
        slug="oud",
        path=root.path + "0099",
        depth=2,
        content_type=content_type,
        locale_id=root.locale_id,
    )
    FormField.objects.create(
        page=page,
        sort_order=0,
        label="Geslacht",
        clean_name="geslacht",
        field_type="dropdown",
        choices="Man\nVrouw",
        required=True,
    )
    FormSubmission.objects.create(page_id=page.pk, form_data={"geslacht": "Man"})

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([(APP, "0002_add_inclusive_question")])
    new_apps = executor.loader.project_state([(APP, "0002_add_inclusive_question"), forms_leaf]).apps

    field = new_apps.get_model(APP, "FormField").objects.get(page_id=page.pk)
    assert (field.label, field.field_type, field.choices, field.required) == (
        "Geslacht",
        "dropdown",
        "Man\nVrouw",
        True,
    )
    assert field.inclusive_mode == "gender" and field.inclusive_hidden_answers == ""
    submission = new_apps.get_model("wagtailforms", "FormSubmission").objects.get(page_id=page.pk)
    assert submission.form_data == {"geslacht": "Man"}


LEGACY_QUESTION = {
    "label": "Geslacht",
    "help_text": "",
    "required": False,
    "mode": "",
    "undisclosed_label": "",
    "purpose": "",
}


def stored_offered_answers(page):
    """The "answers offered" of each question as the database holds them,
    in the page and in its latest revision."""
    from wagtail.models import Revision

    from tests.testapp.models import StreamFormPage

    body = StreamFormPage.objects.filter(pk=page.pk).values_list("body", flat=True).query
    with connection.cursor() as cursor:
        sql, params = body.sql_with_params()
        cursor.execute(sql, params)
        raw = cursor.fetchone()[0]
    page_values = json.loads(raw) if isinstance(raw, str) else raw
    revision = Revision.objects.filter(object_id=str(page.pk)).latest("pk").content["body"]
    revision_values = json.loads(revision) if isinstance(revision, str) else revision
    return [
        [block["value"]["offered_answers"] for block in values if block["type"] == "gender"]
        for values in (page_values, revision_values)
    ]


@pytest.mark.django_db(transaction=True)
def test_block_answers_saved_as_ticked_boxes_are_rewritten_as_the_builder_stores_them(root_page):
    """Migration 0010 shows what a site's data migration with
    ``RewriteOfferedAnswersOperation`` does to pages and revisions saved before."""
    from django.db.models import JSONField, Value
    from wagtail.models import Revision

    from tests.factories import StreamFormPageFactory
    from tests.testapp.models import StreamFormPage

    page = StreamFormPageFactory(parent=root_page, slug="oud-blok", body=[("name", "Naam")])
    revision = page.save_revision()
    earlier = [
        {"type": "name", "value": "Naam", "id": "a"},
        {"type": "gender", "value": {**LEGACY_QUESTION, "offered_answers": ["shared"]}, "id": "b"},
        {"type": "gender", "value": {**LEGACY_QUESTION, "offered_answers": ["male", "female"]}, "id": "c"},
        {"type": "gender", "value": {**LEGACY_QUESTION, "offered_answers": "address_mr"}, "id": "d"},
    ]
    executor = MigrationExecutor(connection)
    executor.migrate([(APP, "0009_stock_form_page")])
    StreamFormPage.objects.filter(pk=page.pk).update(body=Value(earlier, output_field=JSONField()))
    Revision.objects.filter(pk=revision.pk).update(content={**revision.content, "body": json.dumps(earlier)})
    assert stored_offered_answers(page)[0] == [["shared"], ["male", "female"], "address_mr"]

    executor = MigrationExecutor(connection)
    executor.migrate([(APP, "0010_block_answers_stored_like_the_builder")])

    others = "self_described,undisclosed,address_mr,address_ms,address_name_only,address_custom"
    assert stored_offered_answers(page) == [[None, others, "address_mr"]] * 2
