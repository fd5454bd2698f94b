"""The editorial app: who may do what, Plone-style local roles per action field."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class EditorialConfig(AppConfig):
    """Editorial roles: groups, page permissions per subtree, the measure owner's role."""

    name = "editorial"
    verbose_name = _("Editorial roles")
    default = True
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Keep the local roles in step with the tree, after `migrate` and on new pages."""
        from editorial import signals

        post_migrate.connect(signals.sync_roles_after_migrate, dispatch_uid="editorial-roles")
        signals.connect_page_signals()


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with group listings that explain the editorial roles."""

    default = False
    group_viewset = "editorial.views.GroupViewSet"
