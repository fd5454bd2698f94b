"""System checks: demo passwords must never be usable in production."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def demo_passwords_unusable(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Fail `check --deploy` when a demo user can still log in with its demo password."""
    if getattr(settings, "TEILHABE_DEMO_PASSWORDS", False):
        return []
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError

    from site_pages.demo.users import DEMO_PASSWORD_PREFIX, demo_password

    errors = []
    try:
        users = list(get_user_model().objects.filter(username__in=_demo_usernames()))
    except DatabaseError:
        return []  # No database yet (e.g. during the image build): nothing can log in.
    for user in users:
        if user.has_usable_password() and user.check_password(demo_password(user.username)):
            errors.append(
                checks.Error(
                    f"Demo user {user.username!r} still has its demo password "
                    f"({DEMO_PASSWORD_PREFIX}…) in production.",
                    hint="Run `manage.py load_demo` again in production (it disables demo "
                    "passwords) or set a real password.",
                    id="teilhabe.E001",
                )
            )
    return errors


def _demo_usernames() -> list[str]:
    """The usernames the demo loader creates."""
    from site_pages.demo.data import USERS

    return [user["username"] for user in USERS]
