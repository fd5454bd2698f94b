"""Collected static files for the test suite: hashed and compressed, as in production.

Tests run with DEBUG off, so `{% static %}` links hashed names from the manifest that
`collectstatic` writes (cms/static_files.py). `collected_static_root()` runs collectstatic
once per state of the source files into a folder of the system's temp directory, named by
a digest of every source file's path, size and modification time: compressing all files
takes a while, so sessions after the first reuse the folder while nothing has changed.
"""

import hashlib
import importlib.metadata
import os
import shutil
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.test.utils import override_settings

CACHE_DIR = Path(tempfile.gettempdir()) / "teilhabe-test-static"
# Folders of earlier source states are removed once they are this old.
STALE_AFTER_SECONDS = 6 * 3600


def source_digest() -> str:
    """A digest of every file the static finders would collect, and of the storage used."""
    digest = hashlib.sha256()
    digest.update(settings.STORAGES["staticfiles"]["BACKEND"].encode())
    for package in ("django", "whitenoise", "brotli"):
        digest.update(importlib.metadata.version(package).encode())
    entries = []
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            prefix = getattr(storage, "prefix", None) or ""
            entries.append(f"{prefix}/{path}:{stat.st_size}:{stat.st_mtime_ns}")
    for entry in sorted(entries):
        digest.update(entry.encode())
    return digest.hexdigest()[:16]


def collected_static_root() -> Path:
    """STATIC_ROOT after collectstatic for the current sources (built only when missing)."""
    CACHE_DIR.mkdir(exist_ok=True)
    target = CACHE_DIR / source_digest()
    if not (target / "staticfiles.json").exists():
        building = Path(tempfile.mkdtemp(prefix="building-", dir=CACHE_DIR))
        with override_settings(STATIC_ROOT=building):
            call_command("collectstatic", interactive=False, verbosity=0)
        try:
            building.rename(target)
        except OSError:  # another session finished the same folder first
            shutil.rmtree(building, ignore_errors=True)
    os.utime(target)  # in use: not stale
    _remove_stale_folders(keep=target)
    return target


def _remove_stale_folders(keep: Path) -> None:
    """Delete collected folders of earlier source states that nobody used for hours."""
    now = time.time()
    for folder in CACHE_DIR.iterdir():
        if folder != keep and now - folder.stat().st_mtime > STALE_AFTER_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)


class CollectedStaticFinder(BaseFinder):
    """Finds files in the collected STATIC_ROOT, hashed names included.

    For Django's `StaticFilesHandler` (the browser tests' live server), which serves what the
    finders find: with it first in STATICFILES_FINDERS, the hashed names that pages link
    resolve, and every other name too. `collectstatic` must not run with it configured.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=settings.STATIC_ROOT)

    def find(self, path: str, find_all: bool = False, **kwargs) -> str | list[str]:
        """The collected file's absolute path (in a list with `find_all`), if there is one."""
        if self.storage.exists(path):
            match = self.storage.path(path)
            return [match] if find_all else match
        return [] if find_all else ""

    def list(self, ignore_patterns):
        """Nothing: collectstatic must never collect the collected folder into itself."""
        return iter(())


def collected_static_settings(static_root: Path) -> override_settings:
    """Settings for the session: STATIC_ROOT is the collected folder, found by its finder."""
    return override_settings(
        STATIC_ROOT=static_root,
        STATICFILES_FINDERS=[
            "tests.static_files.CollectedStaticFinder",
            *settings.STATICFILES_FINDERS,
        ],
    )
