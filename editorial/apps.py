"""The editorial app: who may do what, Plone-style local roles per action field."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Editorial roles: groups, page permissions per subtree, the measure owner's role."""

    name = "editorial"
    verbose_name = _("Editorial roles")
    default_auto_field = "django.db.models.BigAutoField"
