"""Authentication that refuses demo passwords in production, even in a copied database."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class DemoPasswordGuardBackend(ModelBackend):
    """Django's model backend, except that demo passwords never log anyone in in production."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        """Refuse a demo user's demo password when demo passwords are switched off."""
        if not settings.TEILHABE_DEMO_PASSWORDS and username and password:
            from site_pages.demo.users import demo_password

            if password == demo_password(username):
                return None
        return super().authenticate(request, username=username, password=password, **kwargs)
