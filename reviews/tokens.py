"""Signed links in digests: "mark reviewed" / "still current" (one page, one due date), settings.

The person a link is made for is a user id or, for an offer's or funding source's contact
without an account, an email address.

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
    """What a "mark reviewed" / "still current" link stands for: page, person, due date."""

    page_id: int
    user_id: int | None
    due_date: date
    address: str = ""  # the person, when it is a bare address (then user_id is None)


def make_review_token(page_id: int, person: int | str, due_date: date) -> str:
    """A signed, timestamped token for confirming one review as `person` (user id or address)."""
    return signing.dumps([page_id, person, due_date.isoformat()], salt=REVIEW_SALT)


def read_review_token(token: str, max_age: timedelta | None = None) -> ReviewToken:
    """The review a token stands for; raises signing.BadSignature (or SignatureExpired)."""
    if max_age is None:
        max_age = timedelta(days=settings.REVIEW_LINK_MAX_AGE_DAYS)
    try:
        page_id, person, due = signing.loads(token, salt=REVIEW_SALT, max_age=max_age)
        due_date = date.fromisoformat(due)
        if isinstance(person, str) and "@" in person:
            return ReviewToken(int(page_id), None, due_date, address=person.lower())
        return ReviewToken(int(page_id), int(person), due_date)
    except signing.BadSignature:
        raise
    except (TypeError, ValueError) as error:  # signed, but not by this code's format
        raise signing.BadSignature(str(error)) from error


def make_preferences_token(person: int | str) -> str:
    """A signed token that opens the reminder preferences of a user id or an address."""
    return signing.dumps(person, salt=PREFERENCES_SALT)


def preference_link_max_age() -> timedelta:
    """How long a preferences link works (settings.REVIEW_PREFERENCE_LINK_MAX_AGE_DAYS)."""
    return timedelta(days=settings.REVIEW_PREFERENCE_LINK_MAX_AGE_DAYS)


def read_preferences_token(token: str) -> int | str:
    """The user id or address of a preferences token; raises BadSignature or SignatureExpired."""
    person = signing.loads(token, salt=PREFERENCES_SALT, max_age=preference_link_max_age())
    if isinstance(person, str) and "@" in person:
        return person.lower()
    if not isinstance(person, int) or isinstance(person, bool):
        raise signing.BadSignature("not a user id or address")
    return person
