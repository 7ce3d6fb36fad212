from django.apps import AppConfig


class VoorbeeldstadConfig(AppConfig):
    name = "voorbeeldstad"
    verbose_name = "Gemeente Voorbeeldstad"
    default_auto_field = "django.db.models.BigAutoField"
