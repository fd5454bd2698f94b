"""One message sent through the accessibility feedback form."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessibilityFeedback(models.Model):
    """A barrier someone reported (BITVThür's feedback mechanism), kept until it is dealt with.

    Name and email are optional and personal: they are shown only in the admin, to people
    with the model's view permission (Integrationsmanagement), and in the email to the site's
    contact address.
    """

    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    message = models.TextField(_("message"))
    page_url = models.CharField(_("page concerned"), max_length=500, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    mailed_to = models.CharField(_("mailed to"), max_length=254, blank=True)
    mailed_at = models.DateTimeField(_("mailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        first_line = self.message.strip().splitlines()[0] if self.message.strip() else ""
        return first_line[:80]
