"""The admin's group screens, showing each role's translated label and description."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.users.views import groups

from editorial.roles import describe_group


def role_label(group) -> str:
    """The group's role in the reader's language (its German name if it is no role)."""
    role = describe_group(group.name)
    return str(role.label) if role else group.name


def role_description(group) -> str:
    """What members of the group may do, in the reader's language ("" for other groups)."""
    role = describe_group(group.name)
    return str(role.description) if role else ""


class GroupIndexView(groups.IndexView):
    """Wagtail's group listing with the role's translated label and description."""

    columns = [
        TitleColumn("name", label=_("Name"), sort_key="name", url_name="wagtailusers_groups:edit"),
        Column("role", label=_("Role"), accessor=role_label),
        Column("description", label=_("What members may do"), accessor=role_description),
    ]


class GroupViewSet(groups.GroupViewSet):
    """Wagtail's group viewset with the roles' listing."""

    index_view_class = GroupIndexView
