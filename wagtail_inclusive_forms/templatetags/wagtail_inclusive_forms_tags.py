"""Template filters for showing stored inclusive answers in a site's templates."""

from django import template

from ..answers import readable_answer as _readable_answer

register = template.Library()


@register.filter
def readable_answer(value) -> str:
    """``{{ submission.form_data.geslacht|readable_answer }}`` → "Ik identificeer me als: non-binair"."""
    return _readable_answer(value)
