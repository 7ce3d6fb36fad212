"""Installing the package on a site with forms: existing fields and submissions survive.

Migration 0001 of the test app is a site before the package; 0002 is what
``makemigrations`` writes after adding the mixins.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

APP = "wagtail_inclusive_forms_test"


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
