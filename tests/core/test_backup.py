"""The restore drill: back up the demo site, restore it elsewhere, find the same site there.

The backup is taken in-process from the test database; the restore runs as an operator would run
it, as `manage.py restore` in a process of its own pointed (DATABASE_URL, MEDIA_ROOT) at another,
empty database and media folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from tests.core.conftest import make_document

BASE_DIR = Path(settings.BASE_DIR)

# What the secretariat finds, printed as JSON by a process running against either database.
SEARCH = """
import json
from django.contrib.auth import get_user_model
from search.query import search
user = get_user_model().objects.get(email="secretariat@demo.migration-partnership.org")
results = search(user=user, query="labour migration", per_page=50)
print(json.dumps({"total": results.total,
                  "hits": [[hit.kind, hit.object_id, str(hit.title)] for hit in results.hits]}))
"""


def _checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def _elsewhere(database_url: str, media_root: Path) -> dict[str, str]:
    """The environment of a process that runs against the other database and media folder: its
    own index prefix, and no Redis (tasks in-process, no cache shared with other runs)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "CELERY_BROKER_URL", "PYTEST_XDIST_WORKER")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        SEARCH_INDEX_PREFIX=f"{settings.SEARCH_INDEX_PREFIX}-restored",
    )
    return env


def _search_here() -> dict:
    from django.contrib.auth import get_user_model

    from search.query import search

    user = get_user_model().objects.get(email="secretariat@demo.migration-partnership.org")
    results = search(user=user, query="labour migration", per_page=50)
    return {
        "total": results.total,
        "hits": [[hit.kind, hit.object_id, str(hit.title)] for hit in results.hits],
    }


def _seed_and_back_up(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    call_command("seed_demo", password="demo-password-123", stdout=StringIO())
    # The index the restore builds is built from the database; compare it with one built alike.
    call_command("search_index", "rebuild", no_progress=True, stdout=StringIO())
    counts = _row_counts()
    out = StringIO()
    call_command("backup", output=tmp_path / "backups", no_progress=True, stdout=out)
    (backup,) = (tmp_path / "backups").iterdir()
    assert backup.name.startswith("backup-")
    assert str(backup) in out.getvalue()
    return backup, counts


def _drill(tmp_path: Path, database_url: str, target_counts) -> None:
    backup, source_counts = _seed_and_back_up(tmp_path)
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"]["tables"] == source_counts
    source_media = _checksums(Path(settings.MEDIA_ROOT))
    assert source_media, "the demo site has documents"
    source_search = _search_here()
    assert source_search["total"] > 0

    media = tmp_path / "restored-media"
    env = _elsewhere(database_url, media)
    restored = _manage("restore", str(backup), "--no-progress", env=env)
    try:
        assert restored.returncode == 0, restored.stderr
        assert "restore complete" in restored.stdout
        assert target_counts() == source_counts
        assert _checksums(media) == source_media
        found = _manage("shell", "-c", SEARCH, env=env)
        assert found.returncode == 0, found.stderr
        assert json.loads(found.stdout.strip().splitlines()[-1]) == source_search
    finally:
        if settings.ELASTICSEARCH_URL:
            _manage(
                "shell",
                "-c",
                "from search.indexing import ElasticsearchIndex; ElasticsearchIndex().drop()",
                env=env,
            )


@pytest.fixture
def empty_postgres_database():
    """Another, empty PostgreSQL database beside the test database (named after it, so runs
    with their own TEST_DB_SUFFIX or xdist worker never share it); dropped afterwards."""
    import psycopg

    db = connection.settings_dict
    name = f"{db['NAME']}_restored"
    params = {
        "dbname": "postgres",
        "user": db["USER"],
        "password": db["PASSWORD"],
        "host": db["HOST"],
        "port": db["PORT"],
    }
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'])}@{db['HOST']}:{db['PORT']}/{name}"
    yield url, {**params, "dbname": name}
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_postgresql_backup_restores_into_another_database(tmp_path, empty_postgres_database):
    import psycopg

    url, params = empty_postgres_database

    def target_counts() -> dict[str, int]:
        with psycopg.connect(**params) as target:
            tables = [
                row[0]
                for row in target.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                )
            ]
            return {t: target.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608

    _drill(tmp_path, url, target_counts)


@pytest.mark.django_db(transaction=True)
def test_sqlite_backup_restores_into_another_database(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the embedded default's drill; the PostgreSQL one runs instead")
    target = tmp_path / "restored.sqlite3"

    def target_counts() -> dict[str, int]:
        with sqlite3.connect(target) as db:
            tables = [
                row[0]
                for row in db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            ]
            return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608

    _drill(tmp_path, f"sqlite:///{target}", target_counts)
    manifest = json.loads(
        next((tmp_path / "backups").iterdir()).joinpath("manifest.json").read_text()
    )
    assert "online backup API" in manifest["database"]["method"]


@pytest.fixture
def small_backup(transactional_db, tmp_path):
    make_document("Annex to the backup")
    call_command("backup", output=tmp_path / "backups", no_progress=True, stdout=StringIO())
    (backup,) = (tmp_path / "backups").iterdir()
    return backup


def test_restore_refuses_a_tampered_backup(small_backup, tmp_path):
    media = next(p for p in (small_backup / "media").rglob("*") if p.is_file())
    media.write_bytes(media.read_bytes() + b"tampered")
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(small_backup), no_progress=True, stdout=StringIO())
    message = str(refused.value)
    assert "damaged or was changed" in message
    assert "nothing was restored" in message
    assert f"checksum differs: {media.relative_to(small_backup).as_posix()}" in message


def test_restore_command_exits_non_zero_on_a_tampered_backup(tmp_path):
    backup = tmp_path / "backup-20261202T000000Z"
    (backup / "media").mkdir(parents=True)
    (backup / "media" / "note.txt").write_text("original")
    manifest = {
        "format": 1,
        "database": {"engine": "sqlite", "file": "database.sqlite3", "tables": {}},
        "media_files": 1,
        "files": {
            "media/note.txt": {
                "sha256": hashlib.sha256(b"something else").hexdigest(),
                "bytes": 8,
            }
        },
    }
    (backup / "manifest.json").write_text(json.dumps(manifest))
    env = _elsewhere(f"sqlite:///{tmp_path / 'target.sqlite3'}", tmp_path / "media")
    refused = _manage("restore", str(backup), "--no-progress", env=env)
    assert refused.returncode != 0
    assert "checksum differs: media/note.txt" in refused.stderr
    assert "missing: database.sqlite3" not in refused.stderr  # not listed, so not expected
    assert (
        not (tmp_path / "target.sqlite3").exists()
        or not sqlite3.connect(tmp_path / "target.sqlite3")
        .execute("SELECT name FROM sqlite_master")
        .fetchall()
    )


def test_restore_refuses_a_database_that_is_not_empty(small_backup):
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(small_backup), no_progress=True, stdout=StringIO())
    assert "refusing to restore over existing data" in str(refused.value)
    assert "--replace" in str(refused.value)
