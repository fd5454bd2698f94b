"""`manage.py compile_catalogues`: build .mo files from locales/*.po without GNU gettext."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    """Compile every gettext catalogue under LOCALE_PATHS (pure Python, via polib)."""

    help = "Compile locales/<lang>/LC_MESSAGES/*.po to .mo; refuses incomplete catalogues."

    def add_arguments(self, parser) -> None:
        """--allow-incomplete compiles catalogues with untranslated or fuzzy entries."""
        parser.add_argument("--allow-incomplete", action="store_true")

    def handle(self, *args, allow_incomplete: bool = False, **options) -> None:
        """Compile each .po whose .mo is missing or older, checking completeness first."""
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                missing = len(catalogue.untranslated_entries()) + len(catalogue.fuzzy_entries())
                if missing and not allow_incomplete:
                    raise CommandError(f"{po_path}: {missing} untranslated or fuzzy entries.")
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                catalogue.save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
