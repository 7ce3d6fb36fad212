"""Models and model mixins of the package.

``question``: the inclusive question on a site's own form field and form page
models. ``salutations``: salutations and the confirmation e-mail on a form
page. ``settings``: the per-site settings (the salutation scheme). ``audit``:
stored audit runs and their findings. ``actions``: the progress of long admin
actions run as tasks. ``stream_forms``: form pages built from StreamField
blocks. ``site_context``: what a request reads of its site, once.
``page_model``: the site's (possibly swapped) page model. ``json_functions``:
removing keys from a JSON column in the database.
"""

from .actions import AdminAction
from .audit import AuditRun, FormPurposeRecord, StoredFinding
from .question import (
    INCLUSIVE_FIELD_CHOICES,
    AbstractInclusiveFormField,
    HiddenAnswersField,
    InclusiveFormFieldMixin,
    InclusiveFormMixin,
    default_purpose_text,
)
from .salutations import SALUTATION_COLUMN, AbstractInclusiveEmailForm, SalutationFormMixin
from .settings import InclusiveFormsSettings

__all__ = [
    "AdminAction",
    "AuditRun",
    "FormPurposeRecord",
    "StoredFinding",
    "INCLUSIVE_FIELD_CHOICES",
    "SALUTATION_COLUMN",
    "AbstractInclusiveEmailForm",
    "AbstractInclusiveFormField",
    "HiddenAnswersField",
    "InclusiveFormFieldMixin",
    "InclusiveFormMixin",
    "InclusiveFormsSettings",
    "SalutationFormMixin",
    "default_purpose_text",
]
