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
    CACHES["default"]["KEY_PREFIX"] = f"test-{_worker}-{os.getpid()}"  # noqa: F405
# Unit tests run tasks in-process; integration tests with a real worker switch this off.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
LANGUAGE_CODE = "en"
