"""Admin URLs of the package, mounted under Wagtail's admin by wagtail_hooks."""

from django.urls import path

from .views.salutations import salutation_preview

app_name = "wagtail_inclusive_forms"
urlpatterns = [
    path("salutation-preview/", salutation_preview, name="salutation_preview"),
]
