"""The package's settings: documented defaults, remembered, and read again when changed."""

import pytest
from django.test import override_settings

from wagtail_inclusive_forms.core import conf


def test_a_changed_setting_is_read_again_after_it_was_remembered():
    assert conf.self_description_max_length() == 100  # the documented default, now remembered
    with override_settings(WAGTAIL_INCLUSIVE_FORMS_SELF_DESCRIPTION_MAX_LENGTH=40):
        assert conf.self_description_max_length() == 40
    assert conf.self_description_max_length() == 100


def test_pytest_djangos_settings_fixture_is_seen(settings):
    assert conf.get_setting("NAME_RULES") == "brp"
    settings.WAGTAIL_INCLUSIVE_FORMS_NAME_RULES = "classic"
    assert conf.get_setting("NAME_RULES") == "classic"


def test_an_unknown_setting_is_a_clear_error():
    with pytest.raises(KeyError, match="Unknown wagtail-inclusive-forms setting: NAME_RULE"):
        conf.get_setting("NAME_RULE")
