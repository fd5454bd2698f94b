"""Links from digests: mark a review done / confirm "still current", and the preferences.

Both work without logging in because the signed token identifies the person (a user, or
the bare address of an offer's or funding source's contact) and the single purpose; a
missing, broken or expired review token leads to the admin login instead. A review link
opens its form only while its person is still responsible for the page and the review it
was made for is still open; the same is checked again, under a lock, when the form is
submitted (`complete_review`, `confirm_current`). A GET never records anything (mail
scanners open links): confirming is one POST.

The preference form is protected against cross-site requests like every form; only the
one-click unsubscribe POST of RFC 8058 (body ``List-Unsubscribe=One-Click``, sent by mail
providers without any cookie) is exempt, and it can only switch reminders off.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from wagtail.models import Page
from wagtail.users.models import UserProfile

from reviews.content import MeasureKind, kind_of
from reviews.forms import (
    AddressPreferenceForm,
    ConfirmCurrentForm,
    ReminderPreferenceForm,
    ReviewForm,
)
from reviews.models import AddressPreference, ReminderPreference
from reviews.planning import digest_language
from reviews.recipients import Address, address
from reviews.services import (
    AlreadyReviewed,
    NotResponsible,
    check_link,
    complete_review,
    confirm_current,
)
from reviews.tokens import ReviewToken, read_preferences_token, read_review_token

ONE_CLICK_BODY = ("List-Unsubscribe", "One-Click")  # RFC 8058, section 3.1


def _login_then(path: str) -> HttpResponse:
    """Redirect to the admin login, coming back to `path`."""
    return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': path})}")


def _user_language(user) -> str:
    """The language of the recipient's digests, for the pages their links open."""
    if isinstance(user, Address):
        return settings.LANGUAGE_CODE
    return digest_language(UserProfile.get_for_user(user).preferred_language)


def _person_of(link: ReviewToken):
    """The active user or the address a review link was made for (None: no such user)."""
    if link.address:
        return address(link.address)
    return get_user_model().objects.filter(pk=link.user_id, is_active=True).first()


def _admin_view_of(page_id: int) -> str:
    """Where an expired link leads after login: the measure's review form, else the editor."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None and isinstance(page.specific_deferred, MeasureKind.model):
        return reverse("reviews_admin:review", args=[page_id])
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def mark_reviewed(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm (GET) and record (POST) the review or "still current" a digest link stands for.

    Submitting a link again, also at the same moment, answers 200 with the "already
    reviewed" page (what a reviewer who clicked twice expects) and records nothing; a link
    whose person was relieved of the page answers 403.
    """
    try:
        review = read_review_token(token)
    except signing.SignatureExpired:
        try:  # authentic but old: log in, then review from the admin
            review = read_review_token(token, max_age=timezone.timedelta(days=36500))
        except signing.BadSignature:
            return _login_then(reverse("wagtailadmin_home"))
        return _login_then(_admin_view_of(review.page_id))
    except signing.BadSignature:
        return _login_then(reverse("wagtailadmin_home"))
    user = _person_of(review)
    if user is None:
        return _login_then(reverse("wagtailadmin_home"))
    page = get_object_or_404(Page, pk=review.page_id).specific
    if kind_of(page) is None:
        raise Http404("not a reviewable page")
    if not isinstance(page, MeasureKind.model):
        return _confirm_current(request, review, user, page)
    if isinstance(user, Address):  # measures are reviewed by users only
        raise Http404("not a link for this page")
    measure = page
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
            context["measure"] = refusal.page
            return render(request, "reviews/already_reviewed.html", context)
        context["form"] = form
        return render(
            request, "reviews/mark_reviewed.html", context, status=400 if form.errors else 200
        )


def _confirm_current(request: HttpRequest, review: ReviewToken, person, page) -> HttpResponse:
    """The "still current?" link of an offer or funding source: one button, one POST."""
    with translation.override(_user_language(person)):
        context = {"page": page, "due_date": review.due_date, "edit_url": _edit_url(page)}
        form = ConfirmCurrentForm(request.POST if request.method == "POST" else None)
        try:
            check_link(review, person, page)  # decides what the page shows; POST checks again
            if request.method == "POST" and form.is_valid():
                confirm_current(
                    page, person, timezone.now(), comment=form.cleaned_data["comment"], link=review
                )
                return render(request, "reviews/confirmed_current.html", context)
        except NotResponsible:
            return render(request, "reviews/not_responsible_current.html", context, status=403)
        except AlreadyReviewed as refusal:
            context["page"] = refusal.page
            return render(request, "reviews/already_confirmed.html", context)
        context["form"] = form
        return render(
            request, "reviews/confirm_current.html", context, status=400 if form.errors else 200
        )


def _edit_url(page) -> str:
    """The admin edit view of `page` (the "update it" link; needs a login)."""
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _preference_of(
    request: HttpRequest, token: str
) -> ReminderPreference | AddressPreference | HttpResponse:
    """The preference a preferences link opens, or the page (400) saying why the link fails."""
    try:
        person = read_preferences_token(token)
    except signing.BadSignature as error:  # SignatureExpired is one
        expired = isinstance(error, signing.SignatureExpired)
        return render(request, "reviews/preferences_invalid.html", {"expired": expired}, status=400)
    if isinstance(person, str):
        return AddressPreference.objects.get_or_create(address=person)[0]
    user = get_object_or_404(get_user_model(), pk=person)
    return ReminderPreference.objects.get_or_create(user=user)[0]


def _preference_language(preference: ReminderPreference | AddressPreference) -> str:
    """The language of the preference page: the user's, or German for an address."""
    if isinstance(preference, AddressPreference):
        return settings.LANGUAGE_CODE
    return _user_language(preference.user)


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
    with translation.override(_preference_language(preference)):
        return render(request, "reviews/preferences.html", {"saved": True, "form": None})


@csrf_protect
def _preference_form(request: HttpRequest, token: str) -> HttpResponse:
    """Show (GET) and save (POST, with the CSRF token) the reminder preference."""
    preference = _preference_of(request, token)
    if isinstance(preference, HttpResponse):
        return preference
    with translation.override(_preference_language(preference)):
        data = request.POST if request.method == "POST" else None
        form_class = (
            AddressPreferenceForm
            if isinstance(preference, AddressPreference)
            else ReminderPreferenceForm
        )
        form = form_class(data, instance=preference)
        saved = request.method == "POST" and form.is_valid()
        if saved:
            form.save()
        return render(request, "reviews/preferences.html", {"form": form, "saved": saved})
