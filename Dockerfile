# syntax=docker/dockerfile:1
#
# Production image for teilhabe (Wagtail / Django).
#
#   docker build -t teilhabe .
#
# The same image runs the web server (default CMD, gunicorn), the Celery
# worker (`celery -A cms worker`) and Celery beat (`celery -A cms beat`);
# see docker-compose.yml.

ARG PYTHON_IMAGE=python:3.11-slim

# ---------------------------------------------------------------------------
# Build stage: dependencies, compiled translations, collected static files.
# ---------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS build

# uv comes from PyPI (no binary downloads from elsewhere). Keep it in step
# with the uv version that wrote uv.lock.
ARG UV_VERSION=0.13.8

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PYTHON=/usr/local/bin/python3.11 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    VIRTUAL_ENV=/opt/venv \
    PATH="/opt/venv/bin:${PATH}" \
    STATIC_ROOT=/app/static \
    MEDIA_ROOT=/app/media \
    TEILHABE_VAR_DIR=/app/var

# gettext provides msgfmt for `manage.py compilemessages`. Debian's stable
# package is fine unpinned.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

RUN pip install "uv==${UV_VERSION}"

WORKDIR /app

# Dependencies first, so this layer is cached until pyproject.toml/uv.lock change.
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-project

COPY . .

# The project is not a package (tool.uv.package = false), so this only
# re-checks the environment against the lock file.
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev

# Translations and static files are built into the image, with the production
# settings (so WhiteNoise's compressed manifest storage writes its manifest).
# Production settings refuse to load without SECRET_KEY and ALLOWED_HOSTS:
# throw-away values are set for this one RUN only and are not kept in the
# image. Nothing here connects to a database.
RUN export TEILHABE_ENV=production \
        SECRET_KEY="build-only-dummy-secret-key-not-used-at-runtime-0123456789" \
        ALLOWED_HOSTS="localhost" \
    && if [ -n "$(find . -name '*.po' -not -path './node_modules/*' -print -quit)" ]; then \
           python manage.py compilemessages; \
       else \
           echo "no .po files, skipping compilemessages"; \
       fi \
    && python manage.py collectstatic --noinput

# ---------------------------------------------------------------------------
# Runtime stage: no uv, no gettext, runs as an unprivileged user.
# ---------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

# gunicorn reads its worker count from WEB_CONCURRENCY: 3 = (2 x cores) + 1
# for a small single-core host. Override per deployment (see .env.example).
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH="/opt/venv/bin:${PATH}" \
    DJANGO_SETTINGS_MODULE=cms.settings \
    TEILHABE_ENV=production \
    STATIC_ROOT=/app/static \
    MEDIA_ROOT=/app/media \
    TEILHABE_VAR_DIR=/app/var \
    WEB_CONCURRENCY=3

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin app

COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app

# Written at runtime (mount volumes here): uploaded media, and the var dir
# (file-based mail when no EMAIL_HOST is set, the Celery beat schedule).
# Owned by the app user so fresh named volumes inherit that ownership.
RUN mkdir -p /app/media /app/var && chown app:app /app/media /app/var

WORKDIR /app
USER 10001:10001

VOLUME ["/app/media", "/app/var"]
EXPOSE 8000

# GET /healthz/ (200 when the database answers, 503 otherwise) straight from
# gunicorn. The Host header is the first ALLOWED_HOSTS entry so Django accepts
# it. With SECURE_SSL_REDIRECT on and no trusted X-Forwarded-Proto, Django
# answers plain http with a redirect before the view runs; redirects are not
# followed and count as "serving".
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, http.client; h = (os.environ.get('ALLOWED_HOSTS') or '').split(',')[0].strip().lstrip('.'); h = 'localhost' if h in ('', '*') else h; c = http.client.HTTPConnection('127.0.0.1', 8000, timeout=4); c.request('GET', '/healthz/', headers={'Host': h, 'X-Forwarded-Proto': 'https'}); s = c.getresponse().status; raise SystemExit(0 if s == 200 or 300 <= s < 400 else 1)"]

CMD ["gunicorn", "cms.wsgi:application", \
     "--bind", "0.0.0.0:8000", \
     "--worker-tmp-dir", "/dev/shm", \
     "--timeout", "60", \
     "--graceful-timeout", "30", \
     "--max-requests", "1000", \
     "--max-requests-jitter", "100", \
     "--access-logfile", "-", \
     "--error-logfile", "-"]
