"""Which machine translator wagtail-localize offers, chosen by environment variables.

``MACHINE_TRANSLATOR`` names one explicitly (``deepl``, ``libretranslate``, ``google``,
``dummy`` or ``none``); without it the first configured service wins: ``DEEPL_API_KEY``, then
``LIBRETRANSLATE_URL``, then ``GOOGLE_CLOUD_PROJECT``. Development and tests fall back to
wagtail-localize's dummy translator; production without any key offers no machine
translation at all (the admin simply hides the button).
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

DEEPL = "wagtail_localize.machine_translators.deepl.DeepLTranslator"
LIBRETRANSLATE = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"
GOOGLE = "wagtail_localize.machine_translators.google.GoogleCloudTranslator"
DUMMY = "wagtail_localize.machine_translators.dummy.DummyTranslator"


def _deepl(env: Mapping[str, str]) -> dict:
    """DeepL with the API key (free keys end in ":fx" and use the free endpoint)."""
    if not env.get("DEEPL_API_KEY"):
        raise ImproperlyConfigured("MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY.")
    return {"CLASS": DEEPL, "OPTIONS": {"AUTH_KEY": env["DEEPL_API_KEY"]}}


def _libretranslate(env: Mapping[str, str]) -> dict:
    """A LibreTranslate server, with an optional API key."""
    if not env.get("LIBRETRANSLATE_URL"):
        raise ImproperlyConfigured("MACHINE_TRANSLATOR=libretranslate needs LIBRETRANSLATE_URL.")
    return {
        "CLASS": LIBRETRANSLATE,
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env["LIBRETRANSLATE_URL"].rstrip("/"),
            "API_KEY": env.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }


def _google(env: Mapping[str, str]) -> dict:
    """Google Cloud Translation with a project id and a service account key file."""
    if not env.get("GOOGLE_CLOUD_PROJECT"):
        raise ImproperlyConfigured("MACHINE_TRANSLATOR=google needs GOOGLE_CLOUD_PROJECT.")
    options = {"PROJECT_ID": env["GOOGLE_CLOUD_PROJECT"]}
    if env.get("GOOGLE_APPLICATION_CREDENTIALS"):
        options["CREDENTIALS_PATH"] = env["GOOGLE_APPLICATION_CREDENTIALS"]
    return {"CLASS": GOOGLE, "OPTIONS": options}


BUILDERS = {"deepl": _deepl, "libretranslate": _libretranslate, "google": _google}
DETECT = [
    ("DEEPL_API_KEY", "deepl"),
    ("LIBRETRANSLATE_URL", "libretranslate"),
    ("GOOGLE_CLOUD_PROJECT", "google"),
]


def machine_translator_from_env(env: Mapping[str, str], production: bool) -> dict | None:
    """The ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` setting that `env` asks for, or None."""
    choice = env.get("MACHINE_TRANSLATOR", "").strip().lower()
    if not choice:
        choice = next((name for variable, name in DETECT if env.get(variable)), "")
    if not choice:
        choice = "none" if production else "dummy"
    if choice == "none":
        return None
    if choice == "dummy":
        return {"CLASS": DUMMY, "OPTIONS": {}}
    if choice not in BUILDERS:
        known = ", ".join([*BUILDERS, "dummy", "none"])
        raise ImproperlyConfigured(f"MACHINE_TRANSLATOR={choice!r} is not one of: {known}.")
    return BUILDERS[choice](env)
