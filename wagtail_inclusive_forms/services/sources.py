"""Sources of the audit: read every form of a site as plain descriptions.

Every concrete page type built on Wagtail's ``FormMixin``, in any app, is read
with one query for its pages and one for their form fields, whatever the
number of pages. Each page gives its live version and, when it has unpublished
changes, its latest draft (read from the revision's JSON, without queries).
Forms written as HTML in rich text or StreamField blocks of any page type are
read too (live versions, one query per page type). Inclusive questions are
read under the standard question of the site each page belongs to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from django.db import models
from wagtail.blocks import StreamValue
from wagtail.contrib.forms.models import AbstractFormField, FormMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site, get_page_models

from ..core.audit import DRAFT, LIVE, FieldDescription, FormDescription
from ..core.audit.html import fields_in_html, html_strings, plain_text
from ..core.purpose_texts import FormPromises, purpose_for_form
from ..core.question import SharedQuestion, StoredQuestion, default_shared_question
from ..core.retention import RetentionPolicy
from ..forms.blocks import InclusiveQuestionBlock
from ..forms.fields import form_help_text
from ..forms.form_builder import INCLUSIVE_FIELD_TYPE
from ..models import site_context
from ..models.audit import FormPurposeRecord, form_retention_policy
from ..models.page_model import get_page_model
from ..models.question import InclusiveFormFieldMixin, InclusiveFormMixin
from ..models.stream_forms import StreamFormMixin, builder_type


def form_page_models() -> list[type[models.Model]]:
    """Concrete page models that are Wagtail forms, in every installed app."""
    return [model for model in get_page_models() if issubclass(model, FormMixin) and not model._meta.abstract]


def form_field_relations(model: type[models.Model]) -> list[str]:
    """Accessor names of a page model's relations to form-builder fields."""
    return [
        relation.get_accessor_name()
        for relation in model._meta.related_objects
        if issubclass(relation.related_model, AbstractFormField)
    ]


def _choices(text: str) -> tuple[str, ...]:
    # Wagtail splits on new lines, or on commas in fields saved before 5.0.
    parts = text.splitlines() if "\n" in (text or "") else (text or "").split(",")
    return tuple(part.strip() for part in parts if part.strip())


def _question_parts(question: StoredQuestion, shared: SharedQuestion) -> dict:
    """An inclusive question's part of its field description."""
    return {"question": question.config(shared), "overrides": question.overridden_settings()}


def _made_of(field) -> tuple:
    # All a plain form-builder field's description is made of.
    return (field.clean_name, field.label, field.field_type, field.choices, field.help_text, field.required)


def _builder_fields(
    form_fields, shared: SharedQuestion, known: dict | None = None
) -> tuple[FieldDescription, ...]:
    """``form_fields`` described; ``known``: descriptions of other questions
    already read in this run, by what they are stored as, so equal fields of
    many forms are described once (and share one object in the report)."""
    known = {} if known is None else known
    described = []
    for field in form_fields:
        inclusive = field.field_type == INCLUSIVE_FIELD_TYPE and isinstance(field, InclusiveFormFieldMixin)
        # Inclusive questions depend on the site's standard question: each is read on its own.
        stored = None if inclusive else _made_of(field)
        description = known.get(stored) if stored else None
        if description is None:
            description = FieldDescription(
                name=field.clean_name or "",
                label=field.label,
                field_type=field.field_type,
                choices=() if inclusive else _choices(field.choices),
                help_text=field.help_text or "",
                required=field.required,
                **(_question_parts(field.question, shared) if inclusive else {}),
            )
            if stored:
                known[stored] = description
        described.append(description)
    return tuple(described)


def _stream_fields(page, shared: SharedQuestion, known: dict | None = None) -> tuple[FieldDescription, ...]:
    """The question blocks of a stream form described (``known`` as in ``_builder_fields``)."""
    known = {} if known is None else known
    described = []
    for name, block, value in page.iter_question_blocks():
        if isinstance(block, InclusiveQuestionBlock):
            # Read from the value as its form field would show it, without building one.
            question = block.question(value)
            described.append(
                FieldDescription(
                    name=name,
                    label=str(value.get("label") or ""),
                    field_type=INCLUSIVE_FIELD_TYPE,
                    help_text=str(form_help_text(value.get("help_text") or "")),
                    required=question.required,
                    **_question_parts(question, shared),
                )
            )
            continue
        # A plain value (the label, for the package's plain questions) and its block make the
        # form field. The block is the StreamField's own, alive all run: its id stays its own.
        stored = (name, id(block), value) if isinstance(value, str) else None
        description = known.get(stored) if stored else None
        if description is None:
            form_field = block.get_form_field(value)
            description = FieldDescription(
                name=name,
                label=str(form_field.label or ""),
                field_type=builder_type(form_field),
                choices=tuple(str(label) for _value, label in getattr(form_field, "choices", ()) if _value),
                help_text=str(form_field.help_text or ""),
                required=form_field.required,
            )
            if stored:
                known[stored] = description
        described.append(description)
    return tuple(described)


def page_text_fields(model: type[models.Model]) -> list[models.Field]:
    """The page's own text fields the audit reads: title, intro, thank-you text, ..."""
    base_page = get_page_model()
    return [base_page._meta.get_field("title")] + [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.TextField) and field.model is not base_page
    ]


def named_text_fields(model: type[models.Model]) -> list[tuple[str, str]]:
    """(attribute, name in the active language) of ``page_text_fields``: worked
    out once per page type in a run, as translating each name costs more than
    reading the text."""
    return [(field.attname, str(field.verbose_name)) for field in page_text_fields(model)]


def _texts(page, text_fields: list[tuple[str, str]]) -> tuple[tuple[tuple[str, str], ...], ...]:
    """The page's own texts as a reader sees them (plain text) and as stored."""
    texts, stored = [], []
    for attname, name in text_fields:
        value = getattr(page, attname) or ""
        if value or attname == "title":
            texts.append((name, plain_text(value)))
            stored.append((name, value))
    return tuple(texts), tuple(stored)


def page_promises(page, retention: RetentionPolicy) -> FormPromises:
    """What a form page really does with answers: ``retention`` and its change link."""
    offers = getattr(page, "offers_change_link", None)
    return FormPromises(retention_days=retention.days, change_link=bool(offers and offers()))


def describe_page(
    page,
    version: str = LIVE,
    shared: SharedQuestion | None = None,
    promises: FormPromises | None = None,
    form_fields: list | None = None,
) -> FormDescription:
    """One form page (or a page rebuilt from a revision) as the audit reads it,
    its inclusive questions under ``shared`` (default: its site's standard,
    with the default purpose text made true by ``promises``). ``form_fields``:
    the page's form-builder fields when the caller has read them already."""
    if shared is None and isinstance(page, InclusiveFormMixin):
        shared = page.get_site_context().shared_question()
        promises = page.get_promises() if promises is None else promises
    shared = shared or default_shared_question()
    if promises is not None:
        # As text, composed now: the audit reads the purpose, a page's own lazy one would not do.
        shared = replace(shared, purpose=purpose_for_form(shared.purpose, promises))
    return _description(page, version, shared, promises, named_text_fields(type(page)), form_fields)


def _description(
    page,
    version: str,
    shared: SharedQuestion,
    promises: FormPromises | None,
    text_fields: list[tuple[str, str]],
    form_fields: list | None = None,
    page_type: str | None = None,
    known: dict | None = None,
) -> FormDescription:
    """``page`` described with its questions under ``shared`` as given;
    ``page_type`` and ``known`` as worked out before in a run of many pages."""
    if isinstance(page, StreamFormMixin):
        fields = _stream_fields(page, shared, known)
    else:
        form_fields = page.get_form_fields() if form_fields is None else form_fields
        fields = _builder_fields(form_fields, shared, known)
    texts, stored_texts = _texts(page, text_fields)
    return FormDescription(
        page_id=page.pk,
        title=page.title,
        version=version,
        page_type=str(type(page)._meta.verbose_name) if page_type is None else page_type,
        url_path=page.url_path,
        fields=fields,
        texts=texts,
        stored_texts=stored_texts,
        promises=promises,
    )


def html_content_fields(model: type[models.Model]) -> list[models.Field]:
    """A page model's rich text and StreamFields, where HTML forms may hide."""
    return [field for field in model._meta.concrete_fields if isinstance(field, RichTextField | StreamField)]


def _html_fields(row: dict, content_fields: list[models.Field]) -> tuple[FieldDescription, ...]:
    fields: list[FieldDescription] = []
    for field in content_fields:
        value = row[field.attname]
        if isinstance(field, StreamField):
            raw = value.raw_data if isinstance(value, StreamValue) else value  # or a revision's list
            for html in html_strings(list(raw or [])):
                fields.extend(fields_in_html(html))
        else:
            fields.extend(fields_in_html(value or ""))
    return tuple(fields)


def html_form_page_models() -> list[type[models.Model]]:
    """Concrete page models with rich text or StreamFields, where HTML forms may hide."""
    return [
        model
        for model in get_page_models()
        if not model._meta.abstract
        and any(isinstance(field, RichTextField | StreamField) for field in model._meta.local_concrete_fields)
    ]


def describe_html_forms(site: Site | None = None, page_ids=None) -> Iterator[FormDescription]:
    """Live pages of any type (only ``page_ids`` when given) whose rich text or
    blocks hold HTML form fields."""
    for model in html_form_page_models():
        content_fields = html_content_fields(model)
        # Plain rows, not page objects: building a page costs more than reading its text.
        pages = model.objects.live().order_by("path")
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        if page_ids is not None:
            pages = pages.filter(pk__in=list(page_ids))
        rows = pages.values("pk", "title", "url_path", *(field.attname for field in content_fields))
        for row in rows:
            fields = _html_fields(row, content_fields)
            if fields:
                yield FormDescription(
                    page_id=row["pk"],
                    title=row["title"],
                    version=LIVE,
                    page_type=str(model._meta.verbose_name),
                    url_path=row["url_path"],
                    fields=fields,
                )


def draft_for_reading(page, content: dict):
    """``page`` as a revision's ``content`` has it, to read and never to save.

    Wagtail's ``with_content_json`` checks every foreign key of the page and
    of each form field with a query and looks up the parent for the URL: about
    16 queries per draft. Reading needs none of it, so the revision's JSON is
    loaded without those checks and the page keeps its place and URL.
    """
    draft = type(page).from_serializable_data(content, check_fks=False)
    draft.pk = page.pk
    for name in ("id", "path", "depth", "url_path", "live", "has_unpublished_changes", "latest_revision_id"):
        setattr(draft, name, getattr(page, name))
    return draft


def one_at_a_time(pages: models.QuerySet) -> Iterator:
    """The pages of ``pages`` (read with its prefetches, as usual), each let go
    once the caller moves on: the garbage collector, which Python runs many
    times during a large audit, then walks fewer pages and form fields."""
    loaded = list(pages.all())  # a copy runs the query, so ``pages`` keeps no rows
    loaded.reverse()
    while loaded:
        page = loaded.pop()
        yield page
        # Django gives each prefetched field a reference back to its page: a
        # cycle that only the collector would free. Without the page's cache,
        # reference counting frees the page and its fields here.
        page.__dict__.pop("_prefetched_objects_cache", None)


def describe_forms(site: Site | None = None, page_ids=None) -> Iterator[FormDescription]:
    """Every form (of ``site``, or of all sites; only ``page_ids`` when given):
    form pages live and latest draft, and HTML forms in the content of any page."""
    yield from describe_form_pages(site, page_ids)
    yield from describe_html_forms(site, page_ids)


def describe_form_pages(site: Site | None = None, page_ids=None) -> Iterator[FormDescription]:
    """Every form page (of ``site``, or of all sites; only ``page_ids`` when
    given, so describing a few pages costs the same on any size of site),
    live and latest draft."""
    wanted = None if page_ids is None else list(page_ids)
    sites = site_context.AllSites()
    records = FormPurposeRecord.objects.latest_per_page(wanted)
    composed: dict[tuple, tuple[SharedQuestion, FormPromises]] = {}
    known: dict = {}
    for model in form_page_models():
        pages = model.objects.select_related("latest_revision").order_by("path")
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        if wanted is not None:
            pages = pages.filter(pk__in=wanted)
        relations = form_field_relations(model)
        if relations:
            pages = pages.prefetch_related(*relations)
        text_fields = named_text_fields(model)
        page_type = str(model._meta.verbose_name)
        for page in one_at_a_time(pages):
            context = sites.for_path(page.url_path)
            retention = form_retention_policy(context.retention_policy(), records.get(page.pk))
            versions = [(LIVE, page)] if page.live else []
            revision = page.latest_revision
            if revision is not None and (page.has_unpublished_changes or not page.live):
                versions.append((DRAFT, draft_for_reading(page, revision.content)))
            for version, read in versions:
                promises = page_promises(read, retention)
                # Forms of one site mostly make the same promises: compose each purpose text once
                # (and keep one object per promise for the whole run).
                key = (context.site_id, promises)
                if key not in composed:
                    shared = context.shared_question()
                    purpose = purpose_for_form(shared.purpose, promises)
                    composed[key] = (replace(shared, purpose=purpose), promises)
                shared, promises = composed[key]
                yield _description(
                    read, version, shared, promises, text_fields, page_type=page_type, known=known
                )
