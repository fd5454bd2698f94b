"""Static files: hashed names and pre-compressed copies (WhiteNoise), in every environment.

`collectstatic` writes every file of assets/ and of the apps to STATIC_ROOT under its
content-hashed name (``css/site.3f2a9c81d0e4.css``), with ``.gz`` and ``.br`` copies, and a
manifest that `{% static %}` reads. WhiteNoise serves them with `Content-Encoding` as the
browser asks and caches hashed names for a year (they never change).

Django links the plain names while DEBUG is on, for the development server that serves
assets/ as they are. `make run` serves the collected files instead (collectstatic, then
``runserver --nostatic``) and sets COLLECTED_STATIC, which makes `{% static %}` link the
hashed names under DEBUG too.
"""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed manifest storage, hashed under DEBUG too with COLLECTED_STATIC."""

    def url(self, name: str | None, force: bool = False) -> str:
        """The URL of static file `name`: its hashed name unless DEBUG serves assets/."""
        return super().url(name, force=force or settings.TEILHABE_COLLECTED_STATIC)
