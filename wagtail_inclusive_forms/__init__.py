"""wagtail-inclusive-forms: an inclusive sex/gender question for Wagtail forms.

The plain-Python core lives in :mod:`.answers` and :mod:`.question`; the Django
form layer in :mod:`.fields`, :mod:`.form_builder` and :mod:`.blocks`; the model
mixins in :mod:`.models`.
"""

__version__ = "0.1.0"
