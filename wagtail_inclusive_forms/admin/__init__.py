"""Wagtail admin: views, panels, the admin's forms, URLs, editor guidance, log
formatters and who may see sensitive answers. ``wagtail_hooks`` wires it up."""
