"""Admin views of the review cycle: review a measure, confirm an offer or funding source."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page

from reviews.content import FreshnessKind, kind_of
from reviews.forms import ConfirmCurrentForm, ReviewForm
from reviews.services import complete_review, confirm_current
from site_pages.models import MeasurePage


def can_review(user, measure: MeasurePage) -> bool:
    """Editors of the measure, its owner and its deputy may record a review."""
    if user.pk in {measure.measure_owner_id, measure.deputy_id}:
        return True
    return measure.permissions_for_user(user).can_edit()


def review_measure(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a review of one measure: outcome and comment, "confirmed" preselected."""
    measure = get_object_or_404(MeasurePage, pk=pk)
    if not can_review(request.user, measure):
        raise PermissionDenied
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        complete_review(
            measure,
            request.user,
            timezone.now(),
            outcome=form.cleaned_data["outcome"],
            comment=form.cleaned_data["comment"],
        )
        messages.success(
            request,
            _("Review of %(measure)s recorded; next review due %(due)s.")
            % {"measure": measure.title, "due": measure.next_review_due or "–"},
        )
        return redirect("wagtailadmin_pages:edit", measure.pk)
    return TemplateResponse(
        request,
        "reviews/admin/review_measure.html",
        {"measure": measure, "form": form, "log": measure.review_log.all()[:10]},
        status=400 if form.errors else 200,
    )


def can_confirm(user, page) -> bool:
    """Editors of the offer or funding source and its responsible person may confirm it."""
    if user.pk is not None and user.pk == page.responsible_user_id:
        return True
    return page.permissions_for_user(user).can_edit()


def confirm_page_current(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm in one step that an offer or funding source is still current; earlier checks."""
    page = Page.objects.filter(pk=pk).first()
    page = page.specific if page is not None else None
    if not isinstance(kind_of(page), FreshnessKind):
        # A 404 under /admin/ would be redirected to a language prefix by the locale middleware.
        return HttpResponseBadRequest(_("This is not an offer or funding source."))
    if not can_confirm(request.user, page):
        raise PermissionDenied
    form = ConfirmCurrentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        confirm_current(page, request.user, timezone.now(), comment=form.cleaned_data["comment"])
        messages.success(
            request,
            _("%(page)s confirmed as current on %(day)s.")
            % {"page": page.title, "day": date_format(page.last_checked, "SHORT_DATE_FORMAT")},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "reviews/admin/confirm_current.html",
        {
            "page": page,
            "form": form,
            "due": kind_of(page).due_date(page),
            "log": page.review_log.select_related("reviewed_by")[:10],
        },
        status=400 if form.errors else 200,
    )
