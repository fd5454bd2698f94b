"""Signal handlers that keep the roles' groups and local page permissions up to date."""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_save


def sync_roles_after_migrate(sender, **kwargs) -> None:
    """After the last app has migrated (all permissions exist): groups, then local roles."""
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from editorial.roles import ensure_groups, sync_local_roles

    ensure_groups()
    sync_local_roles()


def grant_roles_on_new_page(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """A new action field, index or language root gets its roles' page permissions."""
    if created and not raw:
        from editorial.roles import sync_local_roles

        sync_local_roles(instance)


def renumbered_action_field(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """An action field's editors follow its number (and exist, should they be missing)."""
    if created or raw or instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    from editorial.models import ActionFieldEditors
    from editorial.roles import action_field_group_name, ensure_action_field_editors

    link = ActionFieldEditors.objects.select_related("group").filter(action_field=instance)
    link = link.first()
    # Every save of a field (each revision, each publish) passes here: only a missing group
    # or one still named after another number needs the work.
    if link is None or link.group.name != action_field_group_name(instance.number):
        ensure_action_field_editors(instance)


def connect_page_signals() -> None:
    """Connect the handlers to the page types that carry local roles."""
    from site_pages.models import ActionFieldPage, FundingIndexPage, HomePage, OfferIndexPage

    for model in (ActionFieldPage, FundingIndexPage, HomePage, OfferIndexPage):
        post_save.connect(grant_roles_on_new_page, sender=model, dispatch_uid=f"roles-{model}")
    post_save.connect(renumbered_action_field, sender=ActionFieldPage, dispatch_uid="renumber")
