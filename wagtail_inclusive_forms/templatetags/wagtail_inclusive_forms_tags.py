"""Template filter and tag for a site's templates: readable answers and the salutation."""

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


@register.simple_tag
def salutation(submission, page=None):
    """``{% salutation form_submission %}`` → "Beste mevrouw Van der Berg".

    Takes a form submission (its page is used), or submitted data with the
    form page: ``{% salutation data page=page %}``. Empty when the page has no
    salutations; the result is escaped like any other template output.
    """
    if submission is None:
        return ""
    form_page = page or getattr(submission, "page", None)
    form_page = getattr(form_page, "specific", form_page)
    if not hasattr(form_page, "get_salutation"):
        return ""
    data = submission.get_data() if hasattr(submission, "get_data") else submission
    return form_page.get_salutation(data if isinstance(data, dict) else {})
