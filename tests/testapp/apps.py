from django.apps import AppConfig


class TestAppConfig(AppConfig):
    name = "tests.testapp"
    label = "wagtail_inclusive_forms_test"
    default_auto_field = "django.db.models.BigAutoField"
