"""Template filters for showing stored inclusive answers in a site's templates."""

from django import template

from ..answers import readable_answer as _readable_answer

register = template.Library()


@register.filter
def readable_answer(value):
    """``{{ submission.form_data.geslacht|readable_answer }}`` → "Ik identificeer me als: non-binair".

    Values that are not stored inclusive answers (other fields' text) pass through unchanged,
    so the filter can be applied to every value of a submission.
    """
    if isinstance(value, dict) and "answer" in value:
        return _readable_answer(value)
    return value
