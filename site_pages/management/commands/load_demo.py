"""`manage.py load_demo`: build the Eisenach demo content and print the demo logins."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from site_pages.demo.loader import DemoLoader
from site_pages.demo.users import demo_password


class Command(BaseCommand):
    """Create whatever of the Eisenach demo is missing; safe to run any number of times."""

    help = "Load the Eisenach demo content (idempotent: a second run changes nothing)."

    def handle(self, *args, **options) -> None:
        """Run the loader and report what it created."""
        # Wagtail logs every publish at INFO: useful in production, a flood here.
        wagtail_logger = logging.getLogger("wagtail")
        previous_level = wagtail_logger.level
        wagtail_logger.setLevel(max(previous_level, logging.WARNING))
        try:
            report = DemoLoader().run()
        finally:
            wagtail_logger.setLevel(previous_level)
        if report.total_created:
            summary = ", ".join(f"{n} {kind}" for kind, n in sorted(report.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {summary}."))
        else:
            self.stdout.write("Demo content already complete: nothing created.")
        self.stdout.write("")
        self.stdout.write(f"Site:  {settings.BASE_URL}/")
        self.stdout.write(f"Admin: {settings.BASE_URL}/admin/")
        if not settings.TEILHABE_DEMO_PASSWORDS:
            self.stdout.write(
                self.style.WARNING("Production: demo accounts have no usable password.")
            )
            return
        self.stdout.write("Demo logins (development only), with their editorial groups:")
        users = get_user_model().objects.prefetch_related("groups")
        for spec in report.users:
            user = users.get(username=spec["username"])
            groups = ", ".join(sorted(group.name for group in user.groups.all()))
            rights = "superuser" if user.is_superuser else groups or "-"
            self.stdout.write(
                f"  {spec['username']:<13} {demo_password(spec['username']):<18} {rights}"
            )
