# Learning Loop's container image: gunicorn serving the production settings, as a non-root user, with
# WeasyPrint's system libraries (PDF documents) and PostgreSQL's client (manage.py backup / restore).
# The documented way to try a production-shaped install on one machine: compose.yaml (docs/deployment.md).
#   docker build -t learningloop .
# Optional: --build-arg WITH_S3=true adds django-storages and boto3 for LEARNINGLOOP_FILE_STORAGE=s3.

# GOV.UK Frontend's CSS, JS, fonts and images, copied out of the pinned npm package (scripts/build-assets.sh).
FROM node:22-trixie-slim AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY scripts/build-assets.sh scripts/
RUN scripts/build-assets.sh

FROM python:3.13-slim-trixie
ARG WITH_S3=false
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=learningloop.config.production \
    LEARNINGLOOP_VAR_DIR=/app/var \
    LEARNINGLOOP_MEDIA_ROOT=/data/uploads \
    LEARNINGLOOP_BACKUP_DIR=/backups

# WeasyPrint needs Pango (with HarfBuzz's subsetting for fonts) and fonts; pg_dump/pg_restore for backups.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 \
      fonts-dejavu-core fonts-liberation2 shared-mime-info postgresql-client \
 && rm -rf /var/lib/apt/lists/*

# A user without a login shell or a password, who owns only what it must write.
RUN groupadd --system --gid 10001 learningloop \
 && useradd --system --uid 10001 --gid learningloop --home-dir /app --shell /usr/sbin/nologin learningloop

WORKDIR /app
COPY requirements.txt requirements-s3.txt ./
RUN pip install -r requirements.txt \
 && if [ "$WITH_S3" = "true" ]; then pip install -r requirements-s3.txt; fi
COPY manage.py pyproject.toml ./
COPY learningloop ./learningloop
COPY scripts/healthcheck.py ./scripts/healthcheck.py
COPY --from=assets /src/build ./build

# Static files with hashed names, collected once here; WhiteNoise serves them. The key and host are
# placeholders for this step only: the production settings refuse to load without them.
RUN DJANGO_SECRET_KEY=collectstatic-only-not-a-secret DJANGO_ALLOWED_HOSTS=build.invalid \
    python manage.py collectstatic --no-input -v0 \
 && mkdir -p /app/var/jinja-cache /data/uploads /backups \
 && chown -R learningloop:learningloop /app/var /data /backups

USER learningloop:learningloop
EXPOSE 8000
VOLUME ["/data/uploads"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["python", "scripts/healthcheck.py"]
# GUNICORN_CMD_ARGS (gunicorn's own variable) adds or overrides options, e.g. "--workers 5".
CMD ["gunicorn", "learningloop.config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--error-logfile", "-", "--timeout", "60", "--graceful-timeout", "30"]
