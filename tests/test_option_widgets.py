"""The package's select and checkboxes render the markup Django's own widgets render."""

from django import forms
from django.test import SimpleTestCase
from hypothesis import given, settings
from hypothesis import strategies as st

from wagtail_inclusive_forms.forms.offered_answers import OfferedAnswersWidget
from wagtail_inclusive_forms.forms.option_widgets import InlineOptionsCheckboxes, InlineOptionsSelect

GROUPED = [
    ("", "Automatisch"),
    ("Aanspreekvorm", [("address_mr", "De heer"), ("address_ms", "Mevrouw")]),
    ("voornaam", 'Voornaam <&> "x"'),
    (3, "A number"),
]

text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
choices = st.lists(st.tuples(text, text), max_size=6, unique_by=lambda choice: choice[0])


class SameMarkupAsDjango(SimpleTestCase):
    def assert_same(self, ours, django, name, value, attrs=None):
        self.assertHTMLEqual(ours.render(name, value, attrs), django.render(name, value, attrs))

    def test_select_with_groups_a_selected_option_and_attributes(self):
        for value in ("", "address_ms", "voornaam", 3, None, "not a choice"):
            self.assert_same(
                InlineOptionsSelect(choices=GROUPED),
                forms.Select(choices=GROUPED),
                "salutation_surname_field",
                value,
                {"id": "id_x", "class": "wide", "disabled": True, "data-off": False},
            )

    def test_labels_and_values_are_escaped(self):
        for widget in (InlineOptionsSelect(choices=GROUPED), InlineOptionsCheckboxes(choices=GROUPED)):
            html = widget.render("n", ['"><script>'])
            self.assertIn("Voornaam &lt;&amp;&gt; &quot;x&quot;", html)
            self.assertNotIn("<script>", html)

    def test_checkboxes_with_groups_ids_and_ticked_boxes(self):
        for value, attrs in (
            (["address_mr", 3], {"id": "id_answers"}),
            ([], None),
            (["voornaam"], {"class": "c"}),
        ):
            self.assert_same(
                InlineOptionsCheckboxes(choices=GROUPED),
                forms.CheckboxSelectMultiple(choices=GROUPED),
                "answers",
                value,
                attrs,
            )

    def test_offered_answers_are_django_checkboxes_and_the_shown_marker(self):
        ours = OfferedAnswersWidget(choices=GROUPED).render("hidden", ["address_mr"], {"id": "id_h"})
        django = forms.CheckboxSelectMultiple(choices=GROUPED).render(
            "hidden", ["address_mr"], {"id": "id_h"}
        )
        self.assertHTMLEqual(ours, django + '<input type="hidden" name="hidden-shown" value="1">')

    @settings(max_examples=60, deadline=None)
    @given(choices=choices, picked=text)
    def test_any_labels_and_values_render_and_escape_alike(self, choices, picked):
        self.assert_same(InlineOptionsSelect(choices=choices), forms.Select(choices=choices), "n", picked)
        self.assert_same(
            InlineOptionsCheckboxes(choices=choices),
            forms.CheckboxSelectMultiple(choices=choices),
            "n",
            [picked],
            {"id": "id_n"},
        )
