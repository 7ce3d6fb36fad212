"""A variant of the test project whose base page model is swapped (Wagtail 8's
``WAGTAIL_PAGE_MODEL``), run by tests/test_custom_page_model.py."""
