"""The public feedback form, with spam protection that needs no third-party service.

Three checks, none of which asks a person to solve a puzzle:
- a honeypot field, hidden from people (and from screen readers), that bots fill in;
- a signed timestamp: a form sent within seconds of being shown, or a day later, or with
  a forged stamp, is refused with a request to send it again;
- a limit of messages per client and hour, kept in Django's cache under a hashed address.
"""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from feedback.models import AccessibilityFeedback

SIGNING_SALT = "feedback.form-started"
MIN_SECONDS_TO_FILL = 3
MAX_SECONDS_TO_FILL = 24 * 3600
MESSAGES_PER_HOUR = 5


def form_started_stamp(now: float | None = None) -> str:
    """A signed stamp of when the form was shown (`now`, default the current time)."""
    started = int(time.time() if now is None else now)
    return signing.dumps({"started": started}, salt=SIGNING_SALT, compress=False)


def stamp_age_seconds(stamp: str, now: float | None = None) -> float | None:
    """Seconds since `stamp` was made; None when it is forged, malformed or over a day old."""
    try:
        started = signing.loads(stamp, salt=SIGNING_SALT)["started"]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if not isinstance(started, int):
        return None
    age = (time.time() if now is None else now) - started
    return age if age <= MAX_SECONDS_TO_FILL else None


class FeedbackForm(forms.ModelForm):
    """Message (required), page concerned, name and email (optional), plus the spam checks."""

    homepage = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page_url", "name", "email"]
        labels = {
            "message": _("Which barrier did you find?"),
            "page_url": _("Page or address concerned (optional)"),
            "name": _("Your name (optional)"),
            "email": _("Your email address, if you would like an answer (optional)"),
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 6}),
            "page_url": forms.TextInput(attrs={"autocomplete": "url", "inputmode": "url"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, client_address: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.client_address = client_address
        self.fields["message"].max_length = 5000
        self.fields["message"].widget.attrs["maxlength"] = 5000
        self.fields["homepage"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_spam(self) -> bool:
        """True when the honeypot was filled in: the caller pretends success, keeps nothing."""
        return bool(self.is_bound and self.data.get("homepage", "").strip())

    @property
    def fresh_stamp(self) -> str:
        """The stamp the rendered form carries: a new one, so that sending again can work."""
        return form_started_stamp()

    def clean(self):
        """Refuse a form sent too fast, too late or with a forged stamp; limit per client."""
        cleaned = super().clean()
        age = stamp_age_seconds(self.data.get("started", ""))
        if age is None or age < MIN_SECONDS_TO_FILL:
            raise forms.ValidationError(
                _("The form could not be sent. Please check your message and send it again."),
                code="stamp",
            )
        if not self.errors and self.client_address and _count_message(self.client_address):
            raise forms.ValidationError(
                _("You have sent several messages in a short time. Please try again later."),
                code="rate",
            )
        return cleaned


def _count_message(client_address: str) -> bool:
    """Count one message from `client_address`; True when the hourly limit is exceeded."""
    digest = hashlib.sha256((settings.SECRET_KEY + client_address).encode()).hexdigest()[:32]
    key = f"feedback:rate:{digest}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > MESSAGES_PER_HOUR
