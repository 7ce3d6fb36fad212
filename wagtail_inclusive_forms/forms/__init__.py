"""The form layer: the Django form field, widget, form builder and StreamField
blocks that render one inclusive question. Imports only the core."""
