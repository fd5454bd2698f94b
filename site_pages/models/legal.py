"""The accessibility statement, with the feedback form Thuringia's ordinance asks for."""

from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from site_pages.blocks import BodyBlock
from translations.tracking import TrackedPageMixin


class AccessibilityStatementPage(RoutablePageMixin, TrackedPageMixin, Page):
    """The Erklärung zur Barrierefreiheit: free text, then a form to report a barrier.

    A sent form is stored (feedback.AccessibilityFeedback) and mailed by the Celery worker
    after the request committed; the reader is redirected to a confirmation (post/redirect/
    get), so reloading never sends twice.
    """

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body"), FieldPanel("minor_edit")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["site_pages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")

    @path("")
    def statement(self, request):
        """The statement with the feedback form; a POST sends the form."""
        from feedback.forms import FeedbackForm

        if request.method == "POST":
            form = FeedbackForm(request.POST, client_address=request.META.get("REMOTE_ADDR", ""))
            if form.is_spam:
                return HttpResponseRedirect(self.url + self.reverse_subpage("sent"), status=303)
            if form.is_valid():
                self._store(form)
                return HttpResponseRedirect(self.url + self.reverse_subpage("sent"), status=303)
            status = 429 if form.has_error("__all__", "rate") else 400
            return self._render(request, form, status=status)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        return self._render(request, FeedbackForm())

    @path("gesendet/", name="sent")
    def sent(self, request):
        """The confirmation after sending."""
        return self._render(request, None, sent=True)

    def _store(self, form) -> None:
        """Save the message and queue its email for after the commit."""
        from feedback.tasks import mail_accessibility_feedback

        with transaction.atomic():
            feedback = form.save(commit=False)
            feedback.language = get_language() or ""
            feedback.save()
            transaction.on_commit(lambda: mail_accessibility_feedback.delay(feedback.pk))

    def _render(self, request, form, sent: bool = False, status: int = 200) -> TemplateResponse:
        """The page with `form` (or the confirmation)."""
        context = self.get_context(request)
        context.update({"form": form, "sent": sent})
        return TemplateResponse(request, self.get_template(request), context, status=status)
