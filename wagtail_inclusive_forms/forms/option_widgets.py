"""Django's select and checkboxes, each option written out in the widget's own template.

Django renders every option through included templates: one per option of a
select, three per checkbox (option, input, attributes). The page editor of a
form page renders such lists many times (the name-field picks, the answers
offered), and Wagtail renders each editor widget twice (once more for its
script), so the includes were a measurable part of the editor's time. The
markup is Django's; a test compares the two.
"""

from __future__ import annotations

from django import forms


class InlineOptionsSelect(forms.Select):
    template_name = "wagtail_inclusive_forms/widgets/select.html"


class InlineOptionsCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "wagtail_inclusive_forms/widgets/checkboxes.html"
