"""Signed links in digests: "mark reviewed" (one measure, one due date) and preferences.

Each kind has its own salt, so a token made for one purpose never works for another. A review
token names the due date it was made for: once the review is done, the date moves on and the
same link cannot complete another review. Both kinds expire: review links after
REVIEW_LINK_MAX_AGE_DAYS, preference (unsubscribe) links after
REVIEW_PREFERENCE_LINK_MAX_AGE_DAYS; every digest brings fresh ones.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core import signing

REVIEW_SALT = "reviews.mark-reviewed"
PREFERENCES_SALT = "reviews.preferences"


@dataclass(frozen=True)
class ReviewToken:
    """What a "mark reviewed" link stands for."""

    measure_id: int
    user_id: int
    due_date: date


def make_review_token(measure_id: int, user_id: int, due_date: date) -> str:
    """A signed, timestamped token for marking one review done as `user_id`."""
    return signing.dumps([measure_id, user_id, due_date.isoformat()], salt=REVIEW_SALT)


def read_review_token(token: str, max_age: timedelta | None = None) -> ReviewToken:
    """The review a token stands for; raises signing.BadSignature (or SignatureExpired)."""
    if max_age is None:
        max_age = timedelta(days=settings.REVIEW_LINK_MAX_AGE_DAYS)
    try:
        measure_id, user_id, due = signing.loads(token, salt=REVIEW_SALT, max_age=max_age)
        return ReviewToken(int(measure_id), int(user_id), date.fromisoformat(due))
    except signing.BadSignature:
        raise
    except (TypeError, ValueError) as error:  # signed, but not by this code's format
        raise signing.BadSignature(str(error)) from error


def make_preferences_token(user_id: int) -> str:
    """A signed token that opens `user_id`'s reminder preferences (unsubscribe link)."""
    return signing.dumps(user_id, salt=PREFERENCES_SALT)


def preference_link_max_age() -> timedelta:
    """How long a preferences link works (settings.REVIEW_PREFERENCE_LINK_MAX_AGE_DAYS)."""
    return timedelta(days=settings.REVIEW_PREFERENCE_LINK_MAX_AGE_DAYS)


def read_preferences_token(token: str) -> int:
    """The user id of a preferences token; raises signing.BadSignature or SignatureExpired."""
    user_id = signing.loads(token, salt=PREFERENCES_SALT, max_age=preference_link_max_age())
    if not isinstance(user_id, int):
        raise signing.BadSignature("not a user id")
    return user_id
