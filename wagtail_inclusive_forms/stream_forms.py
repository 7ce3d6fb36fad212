"""Form pages built from StreamField blocks: the public import path.

The page mixin lives with the models (:mod:`.models.stream_forms`), the plain
question block in the form layer (:mod:`.forms.blocks`); sites and their
migrations import both from here.
"""

from .forms.blocks import LabelledFieldBlock
from .models.stream_forms import StreamFormMixin

__all__ = ["LabelledFieldBlock", "StreamFormMixin"]
