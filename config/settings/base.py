"""Settings shared by every environment.

Everything that differs between machines comes from the environment through the one reader,
`env`. With nothing set the site runs embedded (SQLite, local memory cache, eager tasks,
console e-mail, database search); each service is switched on by its variable.
"""

from pathlib import Path
from typing import Any

import environ
from django.utils.translation import gettext_lazy as _
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://localhost:8000")

INSTALLED_APPS = [
    # Ours first, so our templates (account/, 404.html) win over the libraries'.
    "home",
    "core",
    "taxonomy",
    "members",
    "knowledge",
    "events",
    "discussions",
    "search",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail",
    "modelcluster",
    "taggit",
    # Sign-in
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Background work
    "django_celery_beat",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RejectNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "home.middleware.MemberLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.middleware.MembersOnlyMiddleware",
    "members.middleware.PrivateCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"

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
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one request writes; writers wait their turn (up to
    # "timeout" seconds) instead of failing with "database is locked"; IMMEDIATE transactions
    # take the write lock at BEGIN, so a transaction that read first cannot be refused the lock
    # half-way (SQLite then fails at once, whatever the timeout).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache, sessions, broker ---------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="platform"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Celery ---------------------------------------------------------------------------------
# The in-memory broker (embedded default) is named with a host: eager tasks still open a
# producer, and kombu warns about a URL without one.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://localhost/")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged only once done, and given back if its worker dies, so no work is lost;
# every task is therefore written to be idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must not hang a request when the broker is away: fail fast, the outbox sweeps later.
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "interval_start": 0, "socket_timeout": 2}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Queues, so that indexing never waits behind a digest or a report: config.celery routes each
# task to one of these (config.celery.QUEUES). A worker without -Q consumes them all. The
# prefix lets several sites, or test runs, share one broker.
CELERY_QUEUE_PREFIX = env("CELERY_QUEUE_PREFIX", default="")
CELERY_TASK_QUEUES = [
    Queue(f"{CELERY_QUEUE_PREFIX}{name}") for name in ("default", "search", "email", "reports")
]
CELERY_TASK_DEFAULT_QUEUE = f"{CELERY_QUEUE_PREFIX}default"
CELERY_TASK_ROUTES = ("config.celery.route_task",)
CELERY_BEAT_SCHEDULE: dict = {}

# --- Search ---------------------------------------------------------------------------------
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="platform")
# ELASTICSEARCH_URL may name several nodes, comma-separated (search.client fails over).
# Replicas of the search index: "0-1" follows the cluster (none on one node, one from two).
SEARCH_INDEX_REPLICAS = env("SEARCH_INDEX_REPLICAS", default="0-1")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- E-mail ---------------------------------------------------------------------------------
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Migration Partnership <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Migration Partnership] "
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
# Failed sign-ins are counted per account ("key") and per client address ("ip"). Behind a
# reverse proxy every request comes from the proxy's address: production.py reads how many
# proxies to trust (ALLAUTH_TRUSTED_PROXY_COUNT), so that "ip" is the visitor's own.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "reset_password": "5/h/ip,3/h/key",
    "signup": "10/h/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Migration Partnership"

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
# The interface languages, each named in itself (the switcher's labels).
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("hy", "Հայերեն"),
    ("az", "Azərbaycanca"),
    ("ka", "ქართული"),
    ("ro", "Română"),
    ("uk", "Українська"),
]
# Content may be written in any language of the region; the interface ships in LANGUAGES.
CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("ka", _("Georgian")),
    ("hy", _("Armenian")),
    ("uk", _("Ukrainian")),
    ("ro", _("Romanian")),
    ("az", _("Azerbaijani")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin's own languages: those Wagtail 8 translates usefully (of its 902 admin messages: ro
# 902, ru 885, uk 582; ka 37, az 24, hy 7). Editors who chose Georgian, Armenian or Azerbaijani
# get the admin in English rather than an interface mostly in English with scattered words.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (code, name) for code, name in LANGUAGES if code in {"en", "ru", "ro", "uk"}
]
# locale/vendor fills gaps in Django's and allauth's own catalogues for our languages (see
# locale/GLOSSARY.md); the project's catalogues come first.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
TIME_ZONE = "UTC"
# Dates and numbers as each interface language writes them (CLDR); Django's own modules fill in
# what ours leave out (input formats). Templates use the named formats only.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Migration Partnership Platform"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "txt"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False  # passwords are managed through allauth
WAGTAIL_PASSWORD_RESET_ENABLED = False
# A shared password does not tell members apart: pages and documents are restricted to groups
# (or tiers) only, which listings and search honour (core.access.privacy_rules).
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"password": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"password": False}
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True

# --- Security (strict values are set in production.py) -------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview frames its own pages
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY: dict[str, dict[str, list[str] | bool]] = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # Wagtail's admin sets inline styles; members' pages do not need to.
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Django's own console handler (DEBUG only) printed each django.* record a second time
        # beside the root handler; the root handler alone prints them.
        "django": {"handlers": [], "level": "INFO"},
    },
}
if CELERY_TASK_ALWAYS_EAGER:
    # Tasks run in-process (embedded default): a line per successful task is noise; failures
    # are still logged (at ERROR) and raised.
    LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}

# --- members ---
# allauth.usersessions keeps the user → session-key mapping, so deactivating a member can end
# every one of their sessions at once (cached_db sessions cannot be searched by user).
INSTALLED_APPS.insert(INSTALLED_APPS.index("allauth.mfa") + 1, "allauth.usersessions")
MIDDLEWARE.insert(
    MIDDLEWARE.index("members.middleware.MembersOnlyMiddleware") + 1,
    "members.middleware.MFARequiredMiddleware",
)
USERSESSIONS_TRACK_ACTIVITY = False
ACCOUNT_FORMS = {"signup": "members.forms.InvitationSignupForm"}
MFA_RECOVERY_CODE_COUNT = 10
MEMBERS_INVITATION_DAYS = env.int("MEMBERS_INVITATION_DAYS", default=14)
MEMBERS_PHOTO_MAX_BYTES = 2 * 1024 * 1024

# --- events ---
# Days before an event when confirmed participants get a reminder (the nearest due is sent).
EVENTS_REMINDER_DAYS = env.list("EVENTS_REMINDER_DAYS", cast=int, default=[7, 1])
# Days before a consultation closes when those who have not submitted are reminded.
EVENTS_CONSULTATION_REMINDER_DAYS = env.list(
    "EVENTS_CONSULTATION_REMINDER_DAYS", cast=int, default=[3]
)
# Participants who attended are invited to the evaluation until this many days after the event.
EVENTS_EVALUATION_INVITATION_DAYS = env.int("EVENTS_EVALUATION_INVITATION_DAYS", default=30)
CELERY_BEAT_SCHEDULE["events-evaluation-invitations"] = {
    "task": "events.tasks_evaluation.queue_evaluation_invitations",
    "schedule": 60 * 60,
}
CELERY_BEAT_SCHEDULE["events-reminders"] = {
    "task": "events.tasks.send_due_reminders",
    "schedule": 15 * 60,
}
# Passport details given for visa letters are deleted 30 days after the event.
CELERY_BEAT_SCHEDULE["events-visa-purge"] = {
    "task": "events.tasks.purge_visa_passport_data",
    "schedule": 24 * 60 * 60,
}
# Overdue commitments: each focal point is reminded once per commitment and due date.
CELERY_BEAT_SCHEDULE["events-overdue-commitments"] = {
    "task": "events.tasks.remind_overdue_commitments",
    "schedule": 6 * 60 * 60,
}

# --- knowledge ---
# Practice notes' documents carry their extracted text; every app chooses documents of this model
# (ForeignKeys to documents should use settings.WAGTAILDOCS_DOCUMENT_MODEL).
WAGTAILDOCS_DOCUMENT_MODEL = "knowledge.PracticeDocument"
KNOWLEDGE_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
KNOWLEDGE_LIBRARY_PAGE_SIZE = 20

# --- discussions ---
# Posting limits: N posts a minute per member (the secretariat is exempt), text length, page size.
DISCUSSIONS_POSTS_PER_MINUTE = env.int("DISCUSSIONS_POSTS_PER_MINUTE", default=6)
DISCUSSIONS_POST_MAX_LENGTH = 20_000
DISCUSSIONS_POSTS_PER_PAGE = 20
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["discussions-daily-digest"] = {
    "task": "discussions.tasks.send_digests",
    "schedule": crontab(hour=6, minute=0),
    "args": ("daily",),
}
CELERY_BEAT_SCHEDULE["discussions-weekly-digest"] = {
    "task": "discussions.tasks.send_digests",
    "schedule": crontab(hour=6, minute=30, day_of_week="mon"),
    "args": ("weekly",),
}

# --- search ---
# The outbox sweep drains whatever the on-commit tasks missed (broker or Elasticsearch away).
CELERY_BEAT_SCHEDULE["search-sweep-outbox"] = {
    "task": "search.tasks.sweep_outbox",
    "schedule": 60.0,
}
