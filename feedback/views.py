"""The admin's read-only listing of accessibility feedback."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from feedback.models import AccessibilityFeedback


class AccessibilityFeedbackViewSet(ModelViewSet):
    """Received messages, newest first, to read and delete; nobody edits or adds them."""

    model = AccessibilityFeedback
    icon = "mail"
    menu_label = _("Accessibility feedback")
    menu_order = 900
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["__str__", "created_at", "language", "mailed_at"]
    list_filter = ["language"]
    search_fields = ["message", "page_url"]
    search_backend_name = None  # the ORM searches these two fields; no index needed
    inspect_view_fields = [
        "created_at",
        "message",
        "page_url",
        "name",
        "email",
        "language",
        "mailed_to",
        "mailed_at",
    ]
    form_fields = ["message"]
