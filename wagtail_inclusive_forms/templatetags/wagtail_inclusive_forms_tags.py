"""Template filter and tag for a site's templates: readable answers and the salutation."""

from django import template

from ..answers import readable_answer as _readable_answer
from ..need_to_know import HIDDEN, may_see_sensitive

register = template.Library()
_NO_READER = object()


@register.filter
def readable_answer(value, reader=_NO_READER):
    """``{{ submission.form_data.geslacht|readable_answer }}`` → "Ik identificeer me als: non-binair".

    Values that are not stored inclusive answers (other fields' text) pass through unchanged,
    so the filter can be applied to every value of a submission. In templates staff read,
    name the reader: ``{{ value|readable_answer:request.user }}`` shows "hidden" to users
    without the ``view_sensitive_answers`` permission (need-to-know). Without a reader the
    answer is shown, as on the page that thanks the person who just gave it.
    """
    if isinstance(value, dict) and "answer" in value:
        if reader is not _NO_READER and not may_see_sensitive(reader):
            return str(HIDDEN) if value.get("answer") or value.get("description") else ""
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
