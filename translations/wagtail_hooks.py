"""Admin registration: the translation status report under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from translations.views import TranslationStatusReportView


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


class TranslationStatusMenuItem(MenuItem):
    """Shown only to users who may submit translations."""

    def is_shown(self, request) -> bool:
        """Hide the item from users who cannot open the report."""
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_status_report_menu_item():
    """Reports → Translation status."""
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status_report"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=800,
    )
