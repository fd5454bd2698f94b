"""Building blocks for teilhabe's own admin reports: a permission-checked view and menu item."""

from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class AdminReportView(WagtailAdminTemplateMixin, TemplateView):
    """A report page in the Wagtail admin, shown only to users with `required_permission`."""

    required_permission = ""

    def dispatch(self, request, *args, **kwargs):
        """Refuse users without the report's permission."""
        if not request.user.has_perm(self.required_permission):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        """Home → the report."""
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users with `permission`."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request) -> bool:
        """Hide the item from users who cannot open its page."""
        return request.user.has_perm(self.permission)
