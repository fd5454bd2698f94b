"""Demo logins: who they are, and the passwords that only ever work outside production."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

DEMO_PASSWORD_PREFIX = "demo-"

# Wagtail's default groups (created by its migrations) plus the concept's own.
ROLE_GROUPS = {
    "admin": ["Integrationsmanagement"],
    "editor": ["Editors"],
    "owner": ["Editors"],
    "reviewer": ["Moderators"],
}
INTEGRATION_MANAGEMENT_GROUP = "Integrationsmanagement"


def demo_password(username: str) -> str:
    """The demo password of `username`; printed by `load_demo`, refused in production."""
    return f"{DEMO_PASSWORD_PREFIX}{username}"


def ensure_user(spec: dict) -> tuple[object, bool]:
    """Create the demo user described by `spec` unless it exists; return (user, created).

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
        for name in ROLE_GROUPS[spec["role"]]:
            group, _ = Group.objects.get_or_create(name=name)
            user.groups.add(group)
    return user, created
