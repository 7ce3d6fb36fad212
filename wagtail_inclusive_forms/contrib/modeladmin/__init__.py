"""Optional integration for sites that standardise on wagtail-modeladmin.

Install with ``pip install wagtail-inclusive-forms[modeladmin]`` and add
``"wagtail_modeladmin"`` and ``"wagtail_inclusive_forms.contrib.modeladmin"``
to ``INSTALLED_APPS``: the purpose records and the last audit's findings then
appear in a ModelAdmin group. The package's own dashboard and report stay the
recommended way (Wagtail keeps wagtail-modeladmin in maintenance mode).
"""
