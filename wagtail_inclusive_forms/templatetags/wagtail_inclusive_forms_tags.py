"""Template filter and tag for a site's templates: readable answers and the salutation."""

from django import template
from wagtail.contrib.forms.models import AbstractFormSubmission

from ..admin.need_to_know import HIDDEN, may_see_sensitive
from ..core.answers import holds_an_answer
from ..core.answers import readable_answer as _readable_answer
from ..models.page_model import get_page_model
from ..models.salutations import SalutationFormMixin

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
            return str(HIDDEN) if holds_an_answer(value) else ""
        return _readable_answer(value)
    return value


@register.simple_tag(takes_context=True)
def salutation(context, submission, page=None):
    """``{% salutation form_submission %}`` → "Beste mevrouw Van der Berg".

    Takes a form submission (its page is used), or submitted data with the
    form page: ``{% salutation data page=page %}``. Empty when the page has no
    salutations; the result is escaped like any other template output. In a
    loop over submissions the page, its fields and its scheme are read once.
    """
    if submission is None:
        return ""
    form_page = page if page is not None else _submission_page(context, submission)
    form_page = getattr(form_page, "specific", form_page)
    if not isinstance(form_page, SalutationFormMixin):
        return ""
    cache = context.render_context.get(_CACHE) or {}
    context.render_context[_CACHE] = cache
    if form_page.pk not in cache:
        cache[form_page.pk] = (form_page.get_salutation_fields(), form_page.get_salutation_scheme())
    fields, scheme = cache[form_page.pk]
    data = submission.get_data() if isinstance(submission, AbstractFormSubmission) else submission
    return form_page.get_salutation(data if isinstance(data, dict) else {}, scheme=scheme, fields=fields)


_CACHE = "wagtail_inclusive_forms.salutations"
_PAGES = "wagtail_inclusive_forms.pages"


def _submission_page(context, submission):
    """The submission's form page, loaded once per page in this render."""
    page_id = getattr(submission, "page_id", None)
    if page_id is None:
        return getattr(submission, "page", None)
    pages = context.render_context.get(_PAGES) or {}
    context.render_context[_PAGES] = pages
    if page_id not in pages:
        page = get_page_model().objects.filter(pk=page_id).first()
        pages[page_id] = page.specific if page is not None else None
    return pages[page_id]
