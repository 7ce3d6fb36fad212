"""Admin views of wagtail-inclusive-forms."""
