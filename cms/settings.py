"""Settings for teilhabe, read from the environment (12-factor) with safe embedded defaults.

Without any environment variable the site runs self-contained: SQLite, Wagtail's database
search backend, a local-memory cache, mail written to files under ``var/mail`` and Celery on
kombu's filesystem transport (no Redis). ``TEILHABE_ENV=production`` switches on the hardening
that ``manage.py check --deploy`` asks for and refuses to start without a real secret key.
Every variable is listed in docs/configuration.md.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cms.env import env_bool, env_int, env_list, env_required, env_str
from cms.machine_translation import machine_translator_from_env
from cms.search_backends import search_backends_from_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TEILHABE_VAR_DIR", str(BASE_DIR / "var")))

# --- environment ---------------------------------------------------------------------------
TEILHABE_ENV = env_str("TEILHABE_ENV", "development")
IS_PRODUCTION = TEILHABE_ENV == "production"

DEBUG = env_bool("DEBUG", default=not IS_PRODUCTION)

if IS_PRODUCTION:
    SECRET_KEY = env_required("SECRET_KEY", "production needs a long random secret key.")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [
        env_required("ALLOWED_HOSTS", "production must name the host names it answers to.")
    ]
else:
    # A fixed development key is fine: it never signs anything outside this machine.
    SECRET_KEY = env_str(
        "SECRET_KEY", "django-insecure-teilhabe-development-key-not-for-production"
    )
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

# --- applications --------------------------------------------------------------------------
INSTALLED_APPS = [
    "site_pages",
    "editorial",
    "moderation",
    "dashboard",
    "reviews",
    "translations",
    "feedback",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "editorial.apps.UsersConfig",  # wagtail.users, with the roles' group listing
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # zstd/br/gzip for text responses without secrets (BREACH); after CsrfViewMiddleware,
    # which clears its "token used" flag on the way out (see cms/compression.py).
    "cms.compression.PublicCompressionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- database ------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60 if IS_PRODUCTION else 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache and Celery: Redis when REDIS_URL is set, otherwise nothing to run ----------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "teilhabe",
        }
    }
    CELERY_BROKER_URL = REDIS_URL
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # kombu's filesystem transport: the web process, a worker and beat exchange messages as
    # files under var/celery, so scheduled jobs really run and survive restarts without any
    # server. (Eager mode would run tasks inside the request and could not serve beat.)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_FILESYSTEM_DIR = VAR_DIR / "celery"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_FILESYSTEM_DIR / "queue"),
        "data_folder_out": str(CELERY_FILESYSTEM_DIR / "queue"),
        "processed_folder": str(CELERY_FILESYSTEM_DIR / "processed"),
        "control_folder": str(CELERY_FILESYSTEM_DIR / "control"),
        "store_processed": False,
    }
    for _folder in ("queue", "processed"):
        (CELERY_FILESYSTEM_DIR / _folder).mkdir(parents=True, exist_ok=True)
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", CELERY_BROKER_URL)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_TIMEZONE = env_str("TIME_ZONE", "Europe/Berlin")

# --- review reminders (reviews app) ----------------------------------------------------------
# Days before the due date that send a "due soon" digest; days after it that send "overdue"
# (then every REVIEW_OVERDUE_REPEAT_DAYS); days overdue after which the coordinator is told.
REVIEW_REMINDERS = {
    "due_soon_days": sorted(
        (int(d) for d in env_list("REVIEW_DUE_SOON_DAYS", ["14", "3"])), reverse=True
    ),
    "overdue_days": sorted(int(d) for d in env_list("REVIEW_OVERDUE_DAYS", ["1", "7"])),
    "overdue_repeat_days": env_int("REVIEW_OVERDUE_REPEAT_DAYS", 14),
    "escalate_after_days": env_int("REVIEW_ESCALATE_AFTER_DAYS", 30),
}
# Local time (TIME_ZONE) of the daily run, "HH:MM"; Celery beat follows daylight saving.
REVIEW_REMINDER_TIME = env_str("REVIEW_REMINDER_TIME", "07:00")
# Who hears about measures whose owner, deputy and coordinator cannot be reached.
REVIEW_FALLBACK_GROUP = env_str("REVIEW_FALLBACK_GROUP", "Integrationsmanagement")
# How long a "mark reviewed" link in a digest stays valid.
REVIEW_LINK_MAX_AGE_DAYS = env_int("REVIEW_LINK_MAX_AGE_DAYS", 30)
# How long the reminder-settings link in a digest stays valid.
REVIEW_PREFERENCE_LINK_MAX_AGE_DAYS = env_int("REVIEW_PREFERENCE_LINK_MAX_AGE_DAYS", 90)

_reminder_hour, _reminder_minute = (int(part) for part in REVIEW_REMINDER_TIME.split(":"))

# --- search --------------------------------------------------------------------------------
SEARCH_URL = env_str("SEARCH_URL")
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "teilhabe_")
# Seconds to wait before trying an unreachable engine again (meanwhile: database search).
SEARCH_RETRY_SECONDS = env_int("SEARCH_RETRY_SECONDS", 30)
# How often Celery beat replays index updates that failed while the engine was down.
SEARCH_REPLAY_SECONDS = env_int("SEARCH_REPLAY_SECONDS", 60)

# How often Celery beat re-reads the words typos are matched against (PostgreSQL only).
SEARCH_WORDS_REFRESH_SECONDS = env_int("SEARCH_WORDS_REFRESH_SECONDS", 600)

# How often Celery beat publishes and unpublishes pages whose go-live/expiry time has come.
SCHEDULED_PUBLISHING_SECONDS = env_int("SCHEDULED_PUBLISHING_SECONDS", 120)

# --- Celery beat ----------------------------------------------------------------------------
CELERY_BEAT_SCHEDULE: dict = {
    "publish-scheduled": {
        "task": "site_pages.publish_scheduled",
        "schedule": float(SCHEDULED_PUBLISHING_SECONDS),
        # A run queued while no worker was up is dropped: the next one does the same work.
        "options": {"expires": float(SCHEDULED_PUBLISHING_SECONDS)},
    },
    "send-review-reminders": {
        "task": "reviews.send_review_reminders",
        "schedule": crontab(hour=_reminder_hour, minute=_reminder_minute),
    },
    "replay-search-index-updates": {
        "task": "search.replay_pending_updates",
        "schedule": float(SEARCH_REPLAY_SECONDS),
    },
    "refresh-search-words": {  # PostgreSQL only: the words typos are matched against
        "task": "search.refresh_similar_words",
        "schedule": float(SEARCH_WORDS_REFRESH_SECONDS),
        "options": {"expires": float(SEARCH_WORDS_REFRESH_SECONDS)},
    },
}

# --- email ---------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "teilhabe <teilhabe@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Receives the accessibility feedback form when the site settings name no address.
FEEDBACK_EMAIL = env_str("FEEDBACK_EMAIL", "")
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=EMAIL_PORT == 465)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
else:
    # No SMTP server configured: every mail is written as a file, one per message.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")
EMAIL_BACKEND = env_str("EMAIL_BACKEND", EMAIL_BACKEND)

# --- passwords -----------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- languages -----------------------------------------------------------------------------
# The languages teilhabe can speak. German is the source language of content; the others
# follow the largest groups of origin (Syria, Iraq: Arabic; Afghanistan: Dari/Farsi; Poland;
# Romania) plus Ukrainian, Russian, Turkish and English. A city chooses among them with
# TEILHABE_LANGUAGES (comma-separated codes, German first); adding a new language needs more
# (catalogue, analyzers), see docs/languages.md.
SUPPORTED_LANGUAGES = {
    "de": _("German"),
    "en": _("English"),
    "ar": _("Arabic"),
    "uk": _("Ukrainian"),
    "ru": _("Russian"),
    "tr": _("Turkish"),
    "fa": _("Persian"),
    "pl": _("Polish"),
    "ro": _("Romanian"),
}
LANGUAGE_CODE = "de"
_language_codes = env_list("TEILHABE_LANGUAGES", list(SUPPORTED_LANGUAGES))
if not _language_codes or _language_codes[0] != LANGUAGE_CODE:
    raise ImproperlyConfigured("TEILHABE_LANGUAGES must start with the source language 'de'.")
_unknown_languages = [code for code in _language_codes if code not in SUPPORTED_LANGUAGES]
if _unknown_languages:
    raise ImproperlyConfigured(
        f"TEILHABE_LANGUAGES names unsupported codes {_unknown_languages}; "
        f"supported: {', '.join(SUPPORTED_LANGUAGES)}."
    )
LANGUAGES = [(code, SUPPORTED_LANGUAGES[code]) for code in _language_codes]
WAGTAILSEARCH_BACKENDS = search_backends_from_url(
    SEARCH_URL,
    _language_codes,
    SEARCH_INDEX_PREFIX,
    postgres="postgresql" in DATABASES["default"]["ENGINE"],
    shards=env_int("SEARCH_SHARDS", 1),
    replicas=env_int("SEARCH_REPLICAS", 0),
)
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locales"]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Berlin")
USE_TZ = True

# --- static and media files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "assets"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Static files are hashed and pre-compressed (.gz, .br) by `collectstatic` in every
# environment, and WhiteNoise serves them from STATIC_ROOT (cms/static_files.py). Only the
# bare development server (DEBUG on, `runserver` without --nostatic) serves assets/ as they
# are, under their plain names, so that CSS edits show at once. COLLECTED_STATIC=1 makes
# DEBUG link and serve the collected files too, as `make run` does after collectstatic.
TEILHABE_COLLECTED_STATIC = env_bool("COLLECTED_STATIC", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "cms.static_files.HashedStaticFilesStorage"},
}
if TEILHABE_COLLECTED_STATIC:
    # WhiteNoise's DEBUG defaults look files up in assets/ on every request instead.
    WHITENOISE_USE_FINDERS = False
    WHITENOISE_AUTOREFRESH = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "teilhabe"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env(os.environ, IS_PRODUCTION)

# --- security: production hardening (what `check --deploy` asks for) ------------------------
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    if env_bool("TRUST_X_FORWARDED_PROTO", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)

# --- logging -------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Wagtail 8 runs its own index updates as django-tasks; one line per task is noise.
        "django_tasks": {"level": "WARNING"},
    },
}

# --- teilhabe ------------------------------------------------------------------------------
# `load_demo` sets these passwords only outside production (see site_pages/demo/users.py).
TEILHABE_DEMO_PASSWORDS = not IS_PRODUCTION
AUTHENTICATION_BACKENDS = ["site_pages.auth.DemoPasswordGuardBackend"]
