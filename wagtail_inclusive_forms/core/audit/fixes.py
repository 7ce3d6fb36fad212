"""What the bulk fix changes on a form, worked out from the audit's description.

Plain Python. Each old sex/gender question, and each salutation question that
offers only "Dhr./Mevr.", becomes an inclusive question in the same place and
under the same stored name. It follows the site's standard question; a
salutation question asks the form of address instead. It is optional unless a
legal basis is recorded for the form. An inclusive question whose own
settings match the standard question's stops overriding them, so it follows
later changes of the standard (:func:`plan_follow_fix`). Gendered wording in
labels and page text is replaced where the word list gives one neutral word
for it (:func:`reword`). ``wagtail_inclusive_forms.services.bulk_fix`` applies such a plan to a
page as a new revision.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ..question import FORM_OF_ADDRESS_MODE, GENDER_MODE, QuestionConfig, SharedQuestion
from .report import FieldDescription, FormDescription
from .wordlists import gendered_pattern, gendered_suggestions

# The audit's kind of field -> what its replacement asks.
FIXABLE_KINDS = {"sex_or_gender": GENDER_MODE, "gendered_address": FORM_OF_ADDRESS_MODE}


@dataclass(frozen=True)
class FieldFix:
    """One old field and the inclusive question that takes its place."""

    position: int  # index among the form's questions
    name: str  # stored name of the answers: kept
    label: str  # kept: it gives context and names StreamField answers
    old_type: str
    old_choices: tuple[str, ...]
    old_required: bool
    mode: str  # what the new question asks
    own_mode: str  # "" when that is the standard question's mode (the field follows it)
    required: bool
    resolves: tuple[str, ...]  # the audit's finding codes this removes

    def as_log_data(self) -> dict:
        return {
            "name": self.name,
            "label": self.label,
            "old_type": self.old_type,
            "old_choices": list(self.old_choices),
            "old_required": self.old_required,
            "mode": self.mode,
            "required": self.required,
        }


@dataclass(frozen=True)
class FollowFix:
    """An inclusive question that sets some settings itself to the standard
    question's values: those are cleared, so the question follows the
    standard from now on. Visitors see the same question as before."""

    position: int
    name: str
    label: str
    settings: tuple[str, ...]  # names from question.INHERITABLE_SETTINGS

    def as_log_data(self) -> dict:
        return {"name": self.name, "label": self.label, "follows": list(self.settings)}


@dataclass(frozen=True)
class Rewording:
    """One term replaced in a stored text: where, and the words around it."""

    start: int  # offsets in the stored text
    end: int
    new: str
    before: str  # the term in its words, as it is ...
    after: str  # ... and as it will be


@dataclass(frozen=True)
class TextFix:
    """Gendered wording in a label or page text, and its neutral version.
    ``old`` and ``new`` are the whole stored values (markup included);
    ``changes`` are the replacements, each in its words, for people to read."""

    where: str
    old: str
    new: str
    changes: tuple[Rewording, ...] = ()


@dataclass(frozen=True)
class FormFix:
    """The plan for one form page (its latest version)."""

    page_id: int
    title: str
    fields: tuple[FieldFix, ...] = ()
    legal_basis: bool = False
    texts: tuple[TextFix, ...] = ()
    follows: tuple[FollowFix, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.fields or self.texts or self.follows)


def _replacement(term: str, suggestion: str) -> str | None:
    """The neutral text for a term, or None when the list only gives advice
    (several options, or a choice that needs a person: "die, of u")."""
    if "," in suggestion:
        return None
    if suggestion.startswith("(") and suggestion.endswith(")"):  # "(weglaten)": leave it out
        return ""
    return suggestion[:1].upper() + suggestion[1:] if term[:1].isupper() else suggestion


# What is markup, not words, in a stored text: HTML comments, script and style
# elements, tags with their attributes (URLs, ids), entities, and the
# {placeholders} of e-mail texts. The fix never changes any of it.
_MARKUP = re.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>|&#?\w+;|\{[^{}\s]*\}",
    flags=re.S | re.I,
)
_TAGS = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", flags=re.S | re.I)
_CONTEXT = 30  # characters of the surrounding words shown with a change


def _readable(fragment: str) -> str:
    """A piece of stored text as a reader sees it: no tags, entities resolved."""
    return html.unescape(_TAGS.sub(" ", fragment))


def _word_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each stretch of ``text`` between markup."""
    last = 0
    for match in _MARKUP.finditer(text):
        if match.start() > last:
            yield last, match.start()
        last = match.end()
    if last < len(text):
        yield last, len(text)


def rewordings(text: str) -> tuple[Rewording, ...]:
    """Each gendered term in the words of ``text`` that has one neutral word,
    with its replacement ("vader/moeder" -> "ouder", "(m/v)" removed). Other
    terms stay for a person to rewrite; markup and placeholders stay as stored."""
    text = text or ""
    suggestions = gendered_suggestions()
    found = []
    for run_start, run_end in _word_runs(text):
        run = text[run_start:run_end]
        last = 0
        for match in gendered_pattern().finditer(run.lower()):
            new = _replacement(run[match.start() : match.end()], suggestions[match.group(0)])
            if new is None:
                continue
            start, end = match.start(), match.end()
            if new == "":  # a removed term takes one side's spaces with it
                while start > last and run[start - 1] in " \t":
                    start -= 1
                if start == 0:
                    while end < len(run) and run[end] in " \t":
                        end += 1
            head = _readable(text[: run_start + start])[-_CONTEXT:]
            tail = _readable(text[run_start + end :])[:_CONTEXT]
            found.append(
                Rewording(
                    start=run_start + start,
                    end=run_start + end,
                    new=new,
                    before=" ".join(f"{head}{html.unescape(run[start:end])}{tail}".split()),
                    after=" ".join(f"{head}{new}{tail}".split()),
                )
            )
            last = end
    return tuple(found)


def apply_rewordings(text: str, changes: Iterable[Rewording]) -> str:
    """``text`` with the ``changes`` (from :func:`rewordings` of that text) made."""
    pieces, last = [], 0
    for change in changes:
        pieces.extend([text[last : change.start], change.new])
        last = change.end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def reword(text: str) -> str:
    """``text`` with each gendered term that has one neutral word replaced by it
    ("Naam vader/moeder" -> "Naam ouder", "Medewerker (m/v)" -> "Medewerker"),
    in its words only: HTML tags, attributes and {placeholders} stay as they are."""
    return apply_rewordings(text, rewordings(text))


def text_fix(where: str, text: str) -> TextFix | None:
    """The fix of one stored text, or None when nothing in it changes."""
    changes = rewordings(text)
    if not changes:
        return None
    return TextFix(where, text, apply_rewordings(text, changes), changes)


def plan_field_fix(
    position: int, field: FieldDescription, shared: SharedQuestion, legal_basis: bool
) -> FieldFix | None:
    """The fix of one field, or None when it is not an old sex or salutation question."""
    if field.question is not None:  # already an inclusive question
        return None
    inspection = field.inspect()
    mode = FIXABLE_KINDS.get(inspection.kind)
    if mode is None:
        return None
    # Without a legal duty, asking the standard's way is enough; a form that
    # must record sex keeps asking it, whatever the standard asks.
    if mode == GENDER_MODE and not legal_basis:
        mode = shared.mode
    return FieldFix(
        position=position,
        name=field.name,
        label=field.label,
        old_type=field.field_type,
        old_choices=field.choices,
        old_required=field.required,
        mode=mode,
        own_mode="" if mode == shared.mode else mode,
        required=field.required and legal_basis,
        resolves=tuple(sorted(inspection.codes)),
    )


def _shown_alike(one: QuestionConfig, other: QuestionConfig) -> bool:
    return (one.mode, one.options(), one.purpose) == (other.mode, other.options(), other.purpose)


def plan_follow_fix(position: int, field: FieldDescription, shared: SharedQuestion) -> FollowFix | None:
    """For an inclusive question: the settings it overrides with what the
    standard question gives anyway (they can follow it without a visitor
    noticing), or None."""
    if field.question is None:
        return None
    config = field.question
    same = tuple(
        name
        for name in field.overrides
        if _shown_alike(config, replace(config, **{name: getattr(shared, name)}))
    )
    if not same:
        return None
    together = replace(config, **{name: getattr(shared, name) for name in same})
    if not _shown_alike(config, together):  # settings that only match one at a time
        return None
    return FollowFix(position=position, name=field.name, label=field.label, settings=same)


def plan_form_fix(
    form: FormDescription, shared: SharedQuestion, legal_basis: bool = False, *, labels_fixable: bool = True
) -> FormFix:
    """The fix of one form; falsy when it has nothing to fix. ``labels_fixable``
    is False where a label names the stored answers (StreamField forms)."""
    fixes = tuple(
        fix
        for fix in (
            plan_field_fix(position, field, shared, legal_basis) for position, field in enumerate(form.fields)
        )
        if fix is not None
    )
    follows = tuple(
        fix
        for fix in (plan_follow_fix(position, field, shared) for position, field in enumerate(form.fields))
        if fix is not None
    )
    # The stored values (markup included) where the description has them: the
    # preview must show what the fix will write, not what a reader sees.
    texts = list(form.stored_texts or form.texts)
    if labels_fixable:
        texts += [(field.label, field.label) for field in form.fields]
    return FormFix(
        page_id=form.page_id,
        title=form.title,
        fields=fixes,
        legal_basis=legal_basis,
        texts=tuple(fix for fix in (text_fix(where, text) for where, text in texts) if fix is not None),
        follows=follows,
    )


def latest_versions(forms: Iterable[FormDescription]) -> dict[int, FormDescription]:
    """Per page, the version a fix starts from: the draft when there is one
    (it is what the next revision builds on), else the live version."""
    latest: dict[int, FormDescription] = {}
    for form in forms:
        if form.page_id not in latest or form.version != "live":
            latest[form.page_id] = form
    return latest
