"""wagtail-inclusive-forms: an inclusive sex/gender question for Wagtail forms.

One folder per layer, each importing only those before it: :mod:`.core` (plain
Python: answers, question rules, salutations, the audit's rules), :mod:`.forms`
(form field, form builder, blocks), :mod:`.models`, :mod:`.services` (work on a
whole site) and :mod:`.admin`. Sites import the blocks from :mod:`.blocks` and
:mod:`.stream_forms`.
"""

__version__ = "0.1.0"
