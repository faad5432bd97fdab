"""Settings of the portal, read from the environment with zero-set-up defaults.

Every variable is listed in .env.example. With nothing set the portal runs on
SQLite, runs Celery tasks eagerly and prints e-mail to the console.
"""

from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (production)."
        )
    SECRET_KEY = "dev-only-insecure-key-never-used-with-debug-off"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core.admin_site.PortalAdminConfig",  # django.contrib.admin with a kept menu
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "bootstrap",
    "django.forms",  # Django's widget templates, for FORM_RENDERER below
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "import_export",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "outbox",
    "accounts",
    "schools",
    "notifications",
    "network",
    "events",
    "development",
    "practices",
    "programmes",
    "monitoring",
    "reports",
    "scale",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above everything that may query: a lost database answers a Russian 503, not a 500.
    "core.middleware.DatabaseUnavailableMiddleware",
    "core.middleware.ControlCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before anything reads the body (CSRF reads it in process_view, after every
    # middleware's call): one too large is refused unread, its 413 page under the CSP.
    "core.middleware.RequestBodyLimitMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so it turns a refused login into the lockout page (AXES_LOCKOUT_TEMPLATE).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
# Widgets are rendered by the project's template engine, so templates/django/forms/ may
# write a widget faster than Django's own templates (same markup).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        # A kept connection is checked before a request uses it, so after a database
        # restart the next request reconnects instead of failing once.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: the dashboards' aggregates over a region's values are estimated
    # costly enough to trigger it, and compiling took a second where running takes 0.2 s.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache that every process shares (dashboard figures, rate-limit counters): Redis in
# production (CACHE_URL=redis://host:6379/1); without it, each process keeps its own.
CACHE_URL = env_str("CACHE_URL")
CACHES = {
    "default": (
        {
            "BACKEND": "core.redis_cache.PortalRedisCache",
            "LOCATION": CACHE_URL,
            # Databases that share one Redis (a test and a bench copy) do not share figures.
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", Path(str(DATABASES["default"]["NAME"])).name),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# With a shared cache, sessions are read from it (written to both): a query saved on every
# page. Without one they stay in the database only, since a process's own cache would
# still hold a session another process has logged out.
if CACHE_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# How long a dashboard figure may be kept at most, even if no change was seen.
FIGURES_CACHE_SECONDS = env_int("FIGURES_CACHE_SECONDS", 600)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Django's model backend that reads the user's teacher record with the user.
    "accounts.backends.PortalBackend",
    # Kept so that sessions opened before PortalBackend stay open.
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True
# Numbers print without a thousands separator: a space inside "1 034" breaks every id
# in a URL, form value or data attribute; the decimal comma stays Russian.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files only a permission-checked view hands out (evidence, agreements, applications).
# Unset, they go beside MEDIA_ROOT in "<media>_private" (see core/storage.py).
PRIVATE_MEDIA_ROOT = env_str("PRIVATE_MEDIA_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# A request body over this many megabytes is refused unread with a Russian 413
# (core.middleware); slightly above the largest upload (event materials, 20 MB).
REQUEST_BODY_MAX_MB = env_int("REQUEST_BODY_MAX_MB", 22)
if REQUEST_BODY_MAX_MB < 1:
    raise ImproperlyConfigured("REQUEST_BODY_MAX_MB must be at least 1.")
REQUEST_BODY_MAX_BYTES = REQUEST_BODY_MAX_MB * 1024 * 1024
# Uploaded files above this size go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The fields of a form without its files (texts of at most 20,000 characters each).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10000

# E-mail: console unless an SMTP host is given; EMAIL_BACKEND may name another backend
# (the file backend writes each letter into EMAIL_FILE_PATH).
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portal@imc.local")

# Celery: eager without a broker, real workers with one.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 600)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
# A task whose worker died is handed out again after this many seconds; it must be
# longer than the longest task, or a running task would be started twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", CELERY_TASK_TIME_LIMIT * 2),
    # A broker that does not answer must not hold a user's request for long: one quick
    # retry, then the outbox keeps the item for the sweeper (kombu's default waits ~6 s).
    "socket_connect_timeout": env_int("CELERY_BROKER_CONNECT_TIMEOUT", 3),
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE

# The outbox (outbox.services): every side effect is a row first, then a Celery task.
OUTBOX_SWEEP_SECONDS = env_int("OUTBOX_SWEEP_SECONDS", 30)
# A handed-out item that no worker started in this time is handed out again.
OUTBOX_REDISPATCH_SECONDS = env_int("OUTBOX_REDISPATCH_SECONDS", 300)
# A started item not finished in this time lost its worker; it counts as a failure.
OUTBOX_RUN_TIMEOUT_SECONDS = env_int("OUTBOX_RUN_TIMEOUT_SECONDS", CELERY_TASK_TIME_LIMIT + 60)
OUTBOX_MAX_FAILURES = env_int("OUTBOX_MAX_FAILURES", 8)
OUTBOX_KEEP_DAYS = env_int("OUTBOX_KEEP_DAYS", 30)
# A running report writes a heartbeat this often; one silent for REPORT_STALE_SECONDS
# lost its worker and is queued again, at most REPORT_MAX_ATTEMPTS times in all.
REPORT_HEARTBEAT_SECONDS = env_int("REPORT_HEARTBEAT_SECONDS", 20)
REPORT_STALE_SECONDS = env_int("REPORT_STALE_SECONDS", 120)
REPORT_MAX_ATTEMPTS = env_int("REPORT_MAX_ATTEMPTS", 4)
# An import of more rows than this (indicator values: of more values) is done by a worker,
# its progress shown on a page of its own; smaller ones are done within the request.
IMPORT_BACKGROUND_ROWS = env_int("IMPORT_BACKGROUND_ROWS", 300)


def _crontab(name, default):
    """A schedule written as cron's five fields: minute hour day-of-month month day-of-week."""
    value = env_str(name, default)
    fields = value.split()
    if len(fields) != 5:
        raise ImproperlyConfigured(f"{name} must have five cron fields, got {value!r}.")
    minute, hour, day_of_month, month_of_year, day_of_week = fields
    return crontab(
        minute=minute,
        hour=hour,
        day_of_month=day_of_month,
        month_of_year=month_of_year,
        day_of_week=day_of_week,
    )


CELERY_BEAT_SCHEDULE = {
    # What a broker outage or a lost worker left behind is handed out again.
    "outbox-sweep": {"task": "outbox.sweep", "schedule": float(OUTBOX_SWEEP_SECONDS)},
    # Every morning, one digest per user who chose digests.
    "notifications-send-digests": {
        "task": "notifications.send_digests",
        "schedule": _crontab("NOTIFICATION_DIGEST_CRON", "0 7 * * *"),
    },
    # Daily: activities due in three days or overdue; periods a week from their end.
    "network-remind-activities": {
        "task": "network.remind_activities",
        "schedule": crontab(hour=7, minute=15),
    },
    "monitoring-remind-period-deadlines": {
        "task": "monitoring.remind_period_deadlines",
        "schedule": crontab(hour=7, minute=20),
    },
    # Mondays: the methodologists' summary of what waits for them.
    "monitoring-weekly-digest": {
        "task": "monitoring.weekly_digest",
        "schedule": crontab(hour=7, minute=30, day_of_week=1),
    },
    "reports-requeue-stalled": {
        "task": "reports.requeue_stalled",
        "schedule": float(OUTBOX_SWEEP_SECONDS),
    },
    # The municipal report is built on its own on this schedule (monthly by default).
    "monitoring-municipal-report": {
        "task": "monitoring.tasks.order_scheduled_municipal_report",
        "schedule": _crontab("MUNICIPAL_REPORT_CRON", "0 6 1 * *"),
    },
    # Each run reminds of tomorrow's events whoever was not reminded yet.
    "events-send-reminders": {"task": "events.tasks.send_reminders", "schedule": 3600.0},
    # Seats whose reservation for supported schools has ended go to the waiting list.
    "events-fill-waitlists": {"task": "events.tasks.fill_waitlists", "schedule": 900.0},
    # Nightly: the computed indicators of every open period (network, events, registry).
    "monitoring-recalculate-computed": {
        "task": "monitoring.tasks.recalculate_computed",
        "schedule": crontab(hour=2, minute=30),
    },
}

# An empty filter choice reads as a word, not as "---------".
FILTERS_EMPTY_CHOICE_LABEL = _("All")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_IMPORT_IGNORE_BLANK_LINES = True

# The portal's address as users reach it, for links in e-mails and calendar files; its
# host names Message-IDs and UIDs. In development, the port runserver is given (PORT).
DEVELOPMENT_PORT = env_int("PORT", 8000)
PORTAL_BASE_URL = env_str(
    "PORTAL_BASE_URL",
    f"http://127.0.0.1:{DEVELOPMENT_PORT}" if DEBUG else f"https://{ALLOWED_HOSTS[0]}",
).rstrip("/")

PORTAL_CENTRE_NAME = env_str("PORTAL_CENTRE_NAME", "Муниципальный информационно-методический центр")
# Who signs the reports: the centre's head approves («Утверждаю»), the education office
# agrees («Согласовано»; leave both empty to print no such block).
PORTAL_CENTRE_HEAD_POSITION = env_str("PORTAL_CENTRE_HEAD_POSITION", "Директор ИМЦ")
PORTAL_CENTRE_HEAD_NAME = env_str("PORTAL_CENTRE_HEAD_NAME", "И. О. Фамилия")
PORTAL_REPORT_AGREED_POSITION = env_str(
    "PORTAL_REPORT_AGREED_POSITION", "Начальник управления образования"
)
PORTAL_REPORT_AGREED_NAME = env_str("PORTAL_REPORT_AGREED_NAME", "")

# Production hardening; each can be relaxed through the environment behind a proxy.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# --- Content security policy (django-csp) ---------------------------------------
# Every page may load scripts, styles, fonts and images from the portal itself only:
# no inline scripts or handlers (all JavaScript is in static/js), no inline styles.
# Charts are inline SVG, which needs no source of its own; data: is for Bootstrap's icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
# --- end of content security policy -----------------------------------------------

# Login throttling (django-axes) and the password-reset limit (accounts.views).
# A username is locked only together with the address it failed from, so nobody can lock
# out a whole school behind one address, nor a user by guessing from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
# No banner at every start: it would be the last line of every command and test run.
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
# X-Forwarded-For is believed only behind this many trusted proxies (accounts.views).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "accounts.views.client_address"
PASSWORD_RESET_LIMIT = env_int("PASSWORD_RESET_LIMIT", 3)
PASSWORD_RESET_WINDOW_MINUTES = env_int("PASSWORD_RESET_WINDOW_MINUTES", 60)

# Errors reach people: Sentry when SENTRY_DSN is set, otherwise an e-mail to ADMINS
# ("Name <address>" pairs, comma-separated). Log lines name the outbox item, report or task.
ADMINS = [getaddresses([entry])[0] for entry in env_list("DJANGO_ADMINS")]
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
SENTRY_DSN = env_str("SENTRY_DSN", "")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"production": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["production"],
        },
    },
    "root": {
        "handlers": ["console"] if SENTRY_DSN or not ADMINS else ["console", "mail_admins"],
        "level": env_str("LOG_LEVEL", "INFO"),
    },
    # WeasyPrint and fontTools narrate every step at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=0.0,
    )
