"""Salutation schemes: which salutation each answer of the question leads to.

Plain Python. A scheme holds, per answer, an ordered list of templates; the
first one whose placeholders all have a value wins, and every list ends in a
template without placeholders so there is always a salutation. Presets are
kept in a registry that projects can add to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import answers
from .names import PersonName, typed_form_of_address
from .placeholders import fill_template, parse_template, placeholders_in

# The answers a scheme gives templates for; form-of-address codes borrow these.
SCHEME_ANSWERS = (
    answers.MALE,
    answers.FEMALE,
    answers.SELF_DESCRIBED,
    answers.UNDISCLOSED,
    answers.UNANSWERED,
)
ANSWER_LABELS = {
    answers.MALE: _("Man"),
    answers.FEMALE: _("Woman"),
    answers.SELF_DESCRIBED: _("I identify as"),
    answers.UNDISCLOSED: _("I'd rather not say / not relevant"),
    answers.UNANSWERED: _("Not answered"),
}
# "Address me as …" gets the neutral salutation of someone who described
# themselves, unless the site uses what people type (``typed_address``).
ADDRESS_ANSWERS = {
    answers.ADDRESS_MR: answers.MALE,
    answers.ADDRESS_MS: answers.FEMALE,
    answers.ADDRESS_NAME_ONLY: answers.SELF_DESCRIBED,
    answers.ADDRESS_CUSTOM: answers.SELF_DESCRIBED,
}


class SchemeError(ValueError):
    """A scheme that cannot be used; ``errors`` maps each answer to its problem."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{code or 'unanswered'}: {text}" for code, text in self.errors.items()))


def template_list_error(templates: Iterable[str]) -> str | None:
    """Why a list of templates cannot serve one answer, or None when it can."""
    templates = [template for template in templates]
    if not templates:
        return gettext("Give at least one salutation.")
    for template in templates:
        try:
            parse_template(template)
        except ValueError as error:
            return f"“{template}”: {error}"
    if placeholders_in(templates[-1]):
        return gettext(
            "End with a salutation without names, such as “Beste geadresseerde”: it is used when the "
            "names are missing."
        )
    return None


@dataclass(frozen=True)
class SalutationScheme:
    """Per answer code, the templates tried in order. Raises SchemeError when
    an answer is missing, a template is invalid or a list has no last resort.

    With ``typed_address`` the answer "Address me as …" is written as the
    scheme's greeting plus what the person typed ("Beste Mx. Jansen"), when
    that text can go into a letter (see ``typed_form_of_address``)."""

    templates: Mapping[str, tuple[str, ...]]
    label: str = ""
    description: str = ""
    key: str = field(default="", compare=False)
    typed_address: bool = False

    def __post_init__(self) -> None:
        cleaned = {code: tuple(self.templates.get(code, ())) for code in SCHEME_ANSWERS}
        errors = {code: error for code, items in cleaned.items() if (error := template_list_error(items))}
        if errors:
            raise SchemeError(errors)
        object.__setattr__(self, "templates", cleaned)

    def templates_for(self, code: str) -> tuple[str, ...]:
        """The templates for a stored answer code (form-of-address codes included)."""
        code = ADDRESS_ANSWERS.get(code, code)
        return self.templates.get(code, self.templates[answers.UNANSWERED])

    def greeting(self) -> str:
        """The words before the name in the first salutation with a name for
        someone who described themselves ("Beste", "Geachte"); "" if none."""
        for template in self.templates[answers.SELF_DESCRIBED]:
            pieces = parse_template(template)
            if any(piece.placeholder for piece in pieces):
                return pieces[0].text.strip() if not pieces[0].placeholder else ""
        return ""

    def render(self, code: str, name: PersonName | None = None, typed: str = "") -> str:
        """The salutation for this answer and name; ``typed`` is what the
        person wrote after "Address me as". An unknown code is treated as
        unanswered, so a legacy value never breaks a letter."""
        if self.typed_address and code == answers.ADDRESS_CUSTOM:
            address, greeting = typed_form_of_address(typed), self.greeting()
            if address and greeting:
                return f"{greeting} {address}"
        name = name or PersonName()
        for template in self.templates_for(code):
            salutation = fill_template(template, name)
            if salutation is not None:
                return salutation
        raise AssertionError("unreachable: every list ends in a template without placeholders")


def _scheme(key: str, label, male: str, female: str, neutral: tuple[str, ...], unanswered: tuple[str, ...]):
    # Men and women fall back to the neutral list when the surname is missing.
    return SalutationScheme(
        key=key,
        label=label,
        templates={
            answers.MALE: (male, *neutral),
            answers.FEMALE: (female, *neutral),
            answers.SELF_DESCRIBED: neutral,
            answers.UNDISCLOSED: neutral,
            answers.UNANSWERED: unanswered,
        },
    )


def _den_haag() -> SalutationScheme:
    neutral = ("Beste {voornaam}", "Beste {voorletters} {achternaam}", "Beste geadresseerde")
    return _scheme(
        "den_haag",
        _("Den Haag: Beste meneer/mevrouw, otherwise first name"),
        "Beste meneer {achternaam}",
        "Beste mevrouw {achternaam}",
        neutral,
        ("Beste geadresseerde",),
    )


def _utrecht() -> SalutationScheme:
    neutral = ("Geachte {voorletters} {achternaam}", "Geachte inwoner")
    return _scheme(
        "utrecht",
        _("Utrecht: Geachte heer/mevrouw, otherwise initials and surname"),
        "Geachte heer {achternaam}",
        "Geachte mevrouw {achternaam}",
        neutral,
        ("Geachte heer/mevrouw",),
    )


def _neutral() -> SalutationScheme:
    same = ("Beste {voornaam} {achternaam}", "Beste {voorletters} {achternaam}", "Beste inwoner")
    return SalutationScheme(
        key="neutral",
        label=_("Neutral: the same salutation for everyone"),
        templates=dict.fromkeys(SCHEME_ANSWERS, same),
    )


_registry: dict[str, Callable[[], SalutationScheme]] = {
    "den_haag": _den_haag,
    "utrecht": _utrecht,
    "neutral": _neutral,
}


def register_preset(key: str, factory: Callable[[], SalutationScheme] | None = None):
    """Add a preset under ``key``; use as a function or as a decorator::

        @register_preset("tilburg")
        def tilburg():
            return SalutationScheme(label="Tilburg", templates={...})

    The factory runs when the preset is used, so its labels follow the active
    language. Registering an existing key replaces that preset.
    """

    def register(factory: Callable[[], SalutationScheme]):
        if not key or not key.isidentifier():
            raise ValueError(f"A preset key must be a short identifier such as 'tilburg', not {key!r}.")
        _registry[key] = factory
        return factory

    return register(factory) if factory is not None else register


def get_preset(key: str) -> SalutationScheme:
    """The preset registered under ``key``; LookupError names the known keys."""
    try:
        factory = _registry[key]
    except KeyError:
        raise LookupError(
            f"Unknown salutation preset {key!r}; known presets: {', '.join(_registry)}"
        ) from None
    scheme = factory()
    return scheme if scheme.key == key else replace(scheme, key=key)


def preset_keys() -> list[str]:
    return list(_registry)


def preset_choices() -> list[tuple[str, str]]:
    """(key, label) of every preset, for choice fields."""
    return [(key, str(get_preset(key).label or key)) for key in _registry]


def sample_names() -> list[tuple[str, PersonName]]:
    """Names that show every rule at work, for the preview table."""
    return [
        ("Anna van der Berg", PersonName(given_name="Anna", surname="van der Berg")),
        ("J.R. de Vries", PersonName(initials="J.R.", surname="de Vries")),
        ("Sam", PersonName(given_name="Sam")),
        (gettext("no name given"), PersonName()),
    ]


# What the preview shows someone typing after "Address me as".
SAMPLE_TYPED_ADDRESS = "Mx. Jansen"


def preview_rows(
    scheme: SalutationScheme, names: list[tuple[str, PersonName]]
) -> list[tuple[str, list[str]]]:
    """(answer label, salutation per name) for every answer of the scheme,
    those of the form-of-address question included."""
    rows = [(code, str(ANSWER_LABELS[code])) for code in SCHEME_ANSWERS]
    rows += [(code, answers.option_label(code)) for code in answers.ADDRESS_CODES]
    return [
        (
            f"{label}: “{SAMPLE_TYPED_ADDRESS}”" if code == answers.ADDRESS_CUSTOM else label,
            [scheme.render(code, name, SAMPLE_TYPED_ADDRESS) for _label, name in names],
        )
        for code, label in rows
    ]
