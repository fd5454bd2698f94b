"""Admin views of the review cycle: complete a review from the measure's edit view."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews.forms import ReviewForm
from reviews.services import complete_review
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
