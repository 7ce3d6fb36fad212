"""Gendered wording through Wagtail's own content checker: the rule, its check
and its Dutch message reach the userbar's axe configuration, from the audit's
word list, for Wagtail's checker and for a site's own."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.admin.userbar import ContentCheckerItem

from wagtail_inclusive_forms.admin.content_checks import RULE, TAG, add_to_userbar, with_wording_rule
from wagtail_inclusive_forms.core.audit.wordlists import gendered_terms

pytestmark = pytest.mark.django_db


def axe_configuration(html):
    userbar = BeautifulSoup(html, "html.parser")
    template = userbar.find("template", id="wagtail-userbar-template")
    found = BeautifulSoup(template.decode_contents(), "html.parser").find(id="checker-axe-configuration")
    return json.loads(found.string)


def test_a_logged_in_editor_gets_the_rule_on_the_page(client, admin_user, form_page):
    client.force_login(admin_user)
    html = client.get(form_page.url).content.decode()
    config = axe_configuration(html)
    assert RULE in config["options"]["runOnly"]
    assert "empty-heading" in config["options"]["runOnly"]  # Wagtail's own rules still run
    [rule] = [rule for rule in config["spec"]["rules"] if rule["id"] == RULE]
    assert rule["any"] == [RULE] and rule["enabled"]
    [check] = [check for check in config["spec"]["checks"] if check["id"] == RULE]
    assert check["options"]["terms"] == [term for term, _suggestion in gendered_terms()]
    assert {"vader/moeder", "heer/mevrouw", "husband"} <= set(check["options"]["terms"])
    assert config["messages"][RULE]["error_name"] == "Genderspecifieke formulering"
    assert "wording-check.js" in html


def test_visitors_get_no_userbar_and_no_script(client, form_page):
    html = client.get(form_page.url).content.decode()
    assert "wording-check.js" not in html and "checker-axe-configuration" not in html


class SiteChecker(ContentCheckerItem):
    """A site's own checker: runs by tag and adds a rule of its own."""

    axe_run_only = ["wcag2a", "wcag2aa"]

    def get_axe_custom_rules(self, request):
        return [*super().get_axe_custom_rules(request), {"id": "site-rule", "selector": "p", "any": []}]


def test_a_sites_own_checker_keeps_its_settings_and_gains_the_rule(rf):
    items = [SiteChecker()]
    add_to_userbar(rf.get("/"), items, None)
    checker = items[0]
    request = rf.get("/")
    assert checker.get_axe_run_only(request) == ["wcag2a", "wcag2aa", TAG]  # by tag: ids and tags do not mix
    rule_ids = [rule["id"] for rule in checker.get_axe_custom_rules(request)]
    assert "site-rule" in rule_ids and rule_ids[-1] == RULE
    assert len(items) == 2  # and the script that registers the check's test


def test_without_a_content_checker_nothing_is_added(rf):
    items = []
    add_to_userbar(rf.get("/"), items, None)
    assert items == []


def test_all_rules_stay_all_rules():
    assert with_wording_rule(None) is None  # axe then runs every rule, this one too
    assert with_wording_rule(["link-name"]) == ["link-name", RULE]
