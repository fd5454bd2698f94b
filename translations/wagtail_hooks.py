"""Admin registration: the translation status report under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.admin_reports import PermissionMenuItem
from translations.views import TRANSLATE_PERMISSION, TranslationStatusReportView


@hooks.register("register_admin_urls")
def register_status_report_url():
    """Serve the report at /admin/reports/translation-status/."""
    return [
        path(
            "reports/translation-status/",
            TranslationStatusReportView.as_view(),
            name="translation_status_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_status_report_menu_item():
    """Reports → Translation status."""
    return PermissionMenuItem(
        _("Translation status"),
        reverse("translation_status_report"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        permission=TRANSLATE_PERMISSION,
        order=800,
    )
