"""Links from digests: mark a review done (signed token) and the reminder preferences.

Both work without logging in because the signed token identifies the person and the single
purpose; a missing, broken or expired review token leads to the admin login instead. A
review link opens its form only while its person is still responsible for the measure and
the review it was made for is still open; the same is checked again, under a lock, when the
form is submitted (`complete_review`).

The preference form is protected against cross-site requests like every form; only the
one-click unsubscribe POST of RFC 8058 (body ``List-Unsubscribe=One-Click``, sent by mail
providers without any cookie) is exempt, and it can only switch reminders off.
"""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from wagtail.users.models import UserProfile

from reviews.forms import ReminderPreferenceForm, ReviewForm
from reviews.models import ReminderPreference
from reviews.planning import digest_language
from reviews.services import AlreadyReviewed, NotResponsible, check_link, complete_review
from reviews.tokens import read_preferences_token, read_review_token
from site_pages.models import MeasurePage

ONE_CLICK_BODY = ("List-Unsubscribe", "One-Click")  # RFC 8058, section 3.1


def _login_then(path: str) -> HttpResponse:
    """Redirect to the admin login, coming back to `path`."""
    return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': path})}")


def _user_language(user) -> str:
    """The language of the user's digests, for the pages their links open."""
    return digest_language(UserProfile.get_for_user(user).preferred_language)


def mark_reviewed(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm (GET) and record (POST) the review a digest link stands for.

    Submitting a link again, also at the same moment, answers 200 with the "already
    reviewed" page (what a reviewer who clicked twice expects) and records nothing; a link
    whose person was relieved of the measure answers 403.
    """
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
        form = ReviewForm(request.POST if request.method == "POST" else None)
        try:
            check_link(review, user, measure)  # decides what the form shows; POST checks again
            if request.method == "POST" and form.is_valid():
                complete_review(
                    measure,
                    user,
                    timezone.now(),
                    outcome=form.cleaned_data["outcome"],
                    comment=form.cleaned_data["comment"],
                    link=review,
                )
                return render(request, "reviews/review_done.html", context)
        except NotResponsible:
            return render(request, "reviews/not_responsible.html", context, status=403)
        except AlreadyReviewed as refusal:
            context["measure"] = refusal.measure
            return render(request, "reviews/already_reviewed.html", context)
        context["form"] = form
        return render(
            request, "reviews/mark_reviewed.html", context, status=400 if form.errors else 200
        )


def _preference_of(request: HttpRequest, token: str) -> ReminderPreference | HttpResponse:
    """The preference a preferences link opens, or the page (400) saying why the link fails."""
    try:
        user_id = read_preferences_token(token)
    except signing.BadSignature as error:  # SignatureExpired is one
        expired = isinstance(error, signing.SignatureExpired)
        return render(request, "reviews/preferences_invalid.html", {"expired": expired}, status=400)
    user = get_object_or_404(get_user_model(), pk=user_id)
    return ReminderPreference.objects.get_or_create(user=user)[0]


def _is_one_click_unsubscribe(request: HttpRequest) -> bool:
    """Whether `request` is an RFC 8058 one-click unsubscribe POST."""
    name, value = ONE_CLICK_BODY
    return request.method == "POST" and request.POST.get(name) == value


@csrf_exempt  # only for the one-click unsubscribe; every other request is checked below
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    """Switch "due soon" reminders on or off; a one-click POST (RFC 8058) switches them off."""
    if _is_one_click_unsubscribe(request):
        return _unsubscribe_in_one_click(request, token)
    return _preference_form(request, token)


def _unsubscribe_in_one_click(request: HttpRequest, token: str) -> HttpResponse:
    """Switch "due soon" reminders off, whatever else the POST says."""
    preference = _preference_of(request, token)
    if isinstance(preference, HttpResponse):
        return preference
    preference.due_soon_reminders = False
    preference.save(update_fields=["due_soon_reminders"])
    with translation.override(_user_language(preference.user)):
        return render(request, "reviews/preferences.html", {"saved": True, "form": None})


@csrf_protect
def _preference_form(request: HttpRequest, token: str) -> HttpResponse:
    """Show (GET) and save (POST, with the CSRF token) the reminder preference."""
    preference = _preference_of(request, token)
    if isinstance(preference, HttpResponse):
        return preference
    with translation.override(_user_language(preference.user)):
        data = request.POST if request.method == "POST" else None
        form = ReminderPreferenceForm(data, instance=preference)
        saved = request.method == "POST" and form.is_valid()
        if saved:
            form.save()
        return render(request, "reviews/preferences.html", {"form": form, "saved": saved})
