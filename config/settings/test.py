"""Tests: the same services as configured by the environment, but fast and isolated."""

import os

from .base import *  # noqa: F403
from .base import SEARCH_INDEX_PREFIX, env

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405

# Each xdist worker gets its own index prefix and cache prefix so parallel runs never meet.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
SEARCH_INDEX_PREFIX = f"test-{SEARCH_INDEX_PREFIX}-{_worker}-{os.getpid()}"
if REDIS_URL:  # noqa: F405
    # Tests empty the cache between tests (FLUSHDB): give each xdist worker a Redis database of
    # its own (1..15), never the broker's.
    _index = int(_worker[2:]) if _worker.startswith("gw") else 0
    CACHES["default"]["LOCATION"] = REDIS_URL.rsplit("/", 1)[0] + f"/{1 + _index % 15}"  # noqa: F405
# Several checkouts (or sessions) may test against one PostgreSQL server at once.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    _suffix = env("TEST_DB_SUFFIX", default="")
    _name = DATABASES["default"]["NAME"]  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"test_{_name}{'_' + _suffix if _suffix else ''}"}  # noqa: F405
# Unit tests run tasks in-process; integration tests with a real worker switch this off.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
LANGUAGE_CODE = "en"
# WhiteNoise warns at start-up when STATIC_ROOT is missing; tests serve static files from finders.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
