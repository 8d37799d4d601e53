"""Sign-ins at once on the embedded SQLite database do not fail with "database is locked"
(issue 12, item 8)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import OperationalError, connections, transaction

# --- Concurrent sign-ins on SQLite -----------------------------------------------------------
#
# The test database is SQLite in memory (shared cache), where locking works differently from a
# file; making the whole suite's database a file would slow every run. So this check opens a
# second database alias on a file, with exactly the OPTIONS the settings give the embedded
# default, and signs in concurrently the way allauth does: read the account, then (after the
# password check) write last_login and a session, in one transaction.

SQLITE = "django.db.backends.sqlite3"


def _sign_in_writes(alias: str, thread: int, rounds: int, errors: list) -> None:
    try:
        for round_ in range(rounds):
            try:
                with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                    cursor.execute("SELECT id FROM account WHERE email = %s", [f"m{thread}@x"])
                    (account_id,) = cursor.fetchone()
                    time.sleep(0.002)  # the password hash is checked between read and write
                    cursor.execute(
                        "UPDATE account SET last_login = %s WHERE id = %s", [round_, account_id]
                    )
                    cursor.execute(
                        "INSERT INTO session (account_id, key) VALUES (%s, %s)",
                        [account_id, f"{thread}-{round_}"],
                    )
            except OperationalError as exc:
                errors.append(str(exc))
    finally:
        connections[alias].close()


def test_embedded_sqlite_settings_wait_for_the_write_lock(settings):
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != SQLITE:
        pytest.skip("the embedded default is SQLite; this run uses another database")
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 10
    assert options["transaction_mode"] == "IMMEDIATE"


def test_concurrent_sign_ins_on_a_sqlite_file_do_not_fail(settings, tmp_path, django_db_blocker):
    if settings.DATABASES["default"]["ENGINE"] != SQLITE:
        pytest.skip("the embedded default is SQLite; this run uses another database")
    alias = "concurrency_check"
    connections.settings[alias] = connections.configure_settings(
        {
            "default": connections.settings["default"],
            alias: {
                "ENGINE": SQLITE,
                "NAME": str(tmp_path / "signin.sqlite3"),
                "OPTIONS": dict(settings.DATABASES["default"]["OPTIONS"]),
            },
        }
    )[alias]
    threads_count, rounds = 8, 15
    with django_db_blocker.unblock():
        _run(alias, threads_count, rounds)


def _run(alias: str, threads_count: int, rounds: int) -> None:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE account (id INTEGER PRIMARY KEY, email TEXT, last_login)")
            cursor.execute("CREATE TABLE session (account_id INTEGER, key TEXT)")
            for thread in range(threads_count):
                cursor.execute("INSERT INTO account (email) VALUES (%s)", [f"m{thread}@x"])
        connections[alias].close()
        errors: list[str] = []
        threads = [
            threading.Thread(target=_sign_in_writes, args=(alias, n, rounds, errors))
            for n in range(threads_count)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM session")
            assert cursor.fetchone() == (threads_count * rounds,)
    finally:
        connections[alias].close()
        del connections.settings[alias]
