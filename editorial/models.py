"""What ties a group to the part of the tree it is responsible for."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionFieldEditors(models.Model):
    """The editors' group of one action field (its *Handlungsfeld-Redaktion*).

    The link survives renaming the group or renumbering the field; the group's page
    permissions on the field's subtree are kept by `editorial.roles.sync_local_roles`.
    """

    action_field = models.OneToOneField(
        "site_pages.ActionFieldPage",
        verbose_name=_("action field"),
        on_delete=models.CASCADE,
        related_name="editors",
    )
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="action_field"
    )

    class Meta:
        verbose_name = _("action field editors")
        verbose_name_plural = _("action field editors")

    def __str__(self) -> str:
        return self.group.name
