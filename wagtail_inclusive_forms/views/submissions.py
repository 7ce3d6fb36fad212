"""Wagtail's submissions listing and export, with readable inclusive answers.

Submissions store ``{"answer": code, "description": text}``; staff read
"Ik identificeer me als: non-binair" instead. Legacy values ("M", "Dhr.") in a
field that later became an inclusive question are shown mapped, not hidden.
"""

from __future__ import annotations

from django.utils.functional import cached_property
from wagtail.contrib.forms.views import SubmissionsListView

from ..answers import readable_answer


class InclusiveSubmissionsListView(SubmissionsListView):
    """Replaces stored answers of inclusive questions by their readable text."""

    @cached_property
    def inclusive_questions(self):
        # Read once per request: the export calls to_row_dict for every row.
        return self.form_page.get_inclusive_questions()

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for name, config in self.inclusive_questions.items():
            if name in row:
                row[name] = readable_answer(row[name], config.undisclosed_label)
        return row

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        questions = self.inclusive_questions
        names = [name for name, _label in self.form_page.get_data_fields()]
        for row in context.get("data_rows", []):
            for index, name in enumerate(names):
                if name in questions:
                    row["fields"][index] = readable_answer(
                        row["fields"][index], questions[name].undisclosed_label
                    )
        return context
