"""Demo logins: who they are, and the passwords that only ever work outside production."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from editorial import roles

DEMO_PASSWORD_PREFIX = "demo-"

# The editorial roles (see editorial.roles) each demo role is given. Owners are also made
# editors of the action fields they coordinate (`DemoLoader`); translators get the groups of
# the languages in their "translates_into".
ROLE_GROUPS = {
    "admin": [roles.INTEGRATION_MANAGEMENT],
    "editor": [roles.OFFER_EDITORS, roles.FUNDING_EDITORS],
    "owner": [],
    "reviewer": [roles.REVIEWERS],
    "translator": [],
}
# Wagtail's default groups, which earlier demos gave their users (rights on the whole tree).
LEGACY_DEMO_GROUPS = ["Editors", "Moderators"]


def role_groups(spec: dict) -> list[str]:
    """The names of the groups the demo user described by `spec` belongs to."""
    names = list(ROLE_GROUPS[spec["role"]])
    names += [roles.translator_group_name(code) for code in spec.get("translates_into", [])]
    return names


def assign_groups(user, names: list[str]) -> None:
    """Put a demo user into the groups `names`, out of the legacy groups; idempotent."""
    user.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in names))
    user.groups.remove(*Group.objects.filter(name__in=LEGACY_DEMO_GROUPS))


def demo_password(username: str) -> str:
    """The demo password of `username`; printed by `load_demo`, refused in production."""
    return f"{DEMO_PASSWORD_PREFIX}{username}"


def ensure_user(spec: dict) -> tuple[object, bool]:
    """Create the demo user described by `spec` unless it exists; return (user, created).

    The user's editorial groups are set on every run (demos before the roles used
    Wagtail's Editors and Moderators groups).

    Outside production the password is the demo password; in production the account gets
    no usable password, and an existing demo password is switched off.
    """
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=spec["username"],
        defaults={
            "first_name": spec["first_name"],
            "last_name": spec["last_name"],
            "email": spec["email"],
            "is_staff": spec["role"] == "admin",
            "is_superuser": spec["role"] == "admin",
        },
    )
    if not settings.TEILHABE_DEMO_PASSWORDS:
        has_demo_password = user.has_usable_password() and user.check_password(
            demo_password(user.username)
        )
        if created or has_demo_password:
            user.set_unusable_password()
            user.save(update_fields=["password"])
    elif created:
        user.set_password(demo_password(user.username))
        user.save(update_fields=["password"])
    if created:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = spec.get("preferred_language", "de")
        profile.save(update_fields=["preferred_language"])
    assign_groups(user, role_groups(spec))
    return user, created
