"""Links from digests: mark a review done (signed token) and the reminder preferences.

Both work without logging in because the signed token identifies the person and the single
purpose; a missing, broken or expired review token leads to the admin login instead.
"""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from wagtail.users.models import UserProfile

from reviews.forms import ReminderPreferenceForm, ReviewForm
from reviews.models import ReminderPreference
from reviews.planning import digest_language
from reviews.services import complete_review
from reviews.tokens import read_preferences_token, read_review_token
from site_pages.models import MeasurePage


def _login_then(path: str) -> HttpResponse:
    """Redirect to the admin login, coming back to `path`."""
    return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': path})}")


def _user_language(user) -> str:
    """The language of the user's digests, for the pages their links open."""
    return digest_language(UserProfile.get_for_user(user).preferred_language)


def mark_reviewed(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm (GET) and record (POST) the review a digest link stands for."""
    try:
        review = read_review_token(token)
    except signing.SignatureExpired:
        try:  # authentic but old: log in, then review from the admin
            review = read_review_token(token, max_age=timezone.timedelta(days=36500))
        except signing.BadSignature:
            return _login_then(reverse("wagtailadmin_home"))
        return _login_then(reverse("reviews_admin:review", args=[review.measure_id]))
    except signing.BadSignature:
        return _login_then(reverse("wagtailadmin_home"))
    user = get_user_model().objects.filter(pk=review.user_id, is_active=True).first()
    if user is None:
        return _login_then(reverse("wagtailadmin_home"))
    measure = get_object_or_404(MeasurePage, pk=review.measure_id)
    with translation.override(_user_language(user)):
        context = {"measure": measure, "reviewer": user, "due_date": review.due_date}
        if measure.next_review_due != review.due_date:
            return render(request, "reviews/already_reviewed.html", context)
        form = ReviewForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            complete_review(
                measure,
                user,
                timezone.now(),
                outcome=form.cleaned_data["outcome"],
                comment=form.cleaned_data["comment"],
            )
            return render(request, "reviews/review_done.html", context)
        context["form"] = form
        return render(
            request, "reviews/mark_reviewed.html", context, status=400 if form.errors else 200
        )


@csrf_exempt  # the signed token authenticates; mail providers send one-click POSTs (RFC 8058)
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    """Switch "due soon" reminders on or off; a one-click POST switches them off."""
    try:
        user_id = read_preferences_token(token)
    except signing.BadSignature:
        return render(request, "reviews/preferences_invalid.html", status=400)
    user = get_object_or_404(get_user_model(), pk=user_id)
    preference, _created = ReminderPreference.objects.get_or_create(user=user)
    with translation.override(_user_language(user)):
        if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
            preference.due_soon_reminders = False
            preference.save(update_fields=["due_soon_reminders"])
            return render(request, "reviews/preferences.html", {"saved": True, "form": None})
        data = request.POST if request.method == "POST" else None
        form = ReminderPreferenceForm(data, instance=preference)
        saved = request.method == "POST" and form.is_valid()
        if saved:
            form.save()
        return render(request, "reviews/preferences.html", {"form": form, "saved": saved})
