"""Backups of the database and the media files, and their restore.

A backup is a directory named after the moment it was taken (``backup-20261202T031500Z``):

- the database: ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``) or
  ``database.sqlite3`` (SQLite's online backup API, for the embedded default);
- ``media/``: a copy of ``MEDIA_ROOT``;
- ``manifest.json``: when it was taken, from which version and commit, the row count of every
  table and the SHA-256 checksum of every file above.

PostgreSQL rows are counted inside the very snapshot ``pg_dump`` dumps (``pg_export_snapshot``),
so the counts and the dump agree even while members write. Media files are copied after the
database: a file the database names is there unless it was deleted in between.

Restore checks every checksum before it touches anything, refuses a database or media folder
that is not empty (unless told to replace them), restores, checks the row counts against the
manifest and applies any migrations newer than the backup. The command then rebuilds the search
index, which a backup does not carry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction

MANIFEST = "manifest.json"
FORMAT = 1
PG_DUMP_FILE = "database.dump"
SQLITE_FILE = "database.sqlite3"
MEDIA_DIR = "media"
CHUNK = 1024 * 1024

# progress(items, total, description, unit) -> the same items, drawing a bar as they pass.
Progress = Callable[[Iterable, int, str, str], Iterator]


def no_progress(items: Iterable, total: int, desc: str, unit: str) -> Iterator:
    return iter(items)


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


# --- what every backup records ------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def app_version() -> dict[str, Any]:
    """The version in pyproject.toml and, in a git checkout, the commit (and whether it was
    modified), so a restore can say which code the data belongs to."""
    base = Path(settings.BASE_DIR)
    with (base / "pyproject.toml").open("rb") as f:
        version = tomllib.load(f)["project"]["version"]
    commit: str | None = None
    modified: bool | None = None
    git = shutil.which("git")
    if git and (base / ".git").exists():
        head = subprocess.run(  # noqa: S603
            [git, "-C", str(base), "rev-parse", "HEAD"], capture_output=True, text=True
        )
        if head.returncode == 0:
            commit = head.stdout.strip()
            status = subprocess.run(  # noqa: S603
                [git, "-C", str(base), "status", "--porcelain", "--untracked-files=no"],
                capture_output=True,
                text=True,
            )
            modified = bool(status.stdout.strip())
    return {"version": version, "commit": commit, "modified": modified}


def table_row_counts(cursor) -> dict[str, int]:
    counts = {}
    for table in sorted(connection.introspection.table_names(cursor)):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        counts[table] = cursor.fetchone()[0]
    return counts


def engine() -> str:
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"backups support PostgreSQL and SQLite, not {vendor}")
    return vendor


# --- PostgreSQL tools ---------------------------------------------------------------------------


def server_major_version() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def pg_tool(name: str, bindir: str | None = None) -> Path:
    """``pg_dump``/``pg_restore`` of the server's major version.

    A pg_dump older than the server refuses to dump it, and one newer writes archives an older
    pg_restore cannot read, so the tool matches the server: from ``bindir`` if given, else from
    Debian's ``/usr/lib/postgresql/<major>/bin`` (where platform/services' PostgreSQL lives),
    else the one on PATH if it is that version.
    """
    major = server_major_version()
    candidates = [Path(bindir) / name] if bindir else []
    candidates += [Path(f"/usr/lib/postgresql/{major}/bin/{name}")]
    on_path = shutil.which(name)
    if on_path and not bindir:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if not candidate.is_file():
            continue
        out = subprocess.run(  # noqa: S603
            [str(candidate), "--version"], capture_output=True, text=True, check=False
        ).stdout
        found = re.search(r"(\d+)(?:\.\d+)?", out)
        if found and int(found.group(1)) == major:
            return candidate
    raise BackupError(
        f"no {name} of PostgreSQL {major} (the server's version) found in "
        f"{', '.join(str(c.parent) for c in candidates) or 'PATH'}; install the PostgreSQL "
        f"{major} client tools or pass --pg-bindir"
    )


def pg_environment() -> dict[str, str]:
    """libpq's variables for the configured database; the password never goes on a command
    line, where other users could read it."""
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for key, var in (("USER", "PGUSER"), ("HOST", "PGHOST"), ("PORT", "PGPORT")):
        if db.get(key):
            env[var] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def run_pg_tool(args: list[str], *, tables: int, desc: str, marker: str, progress: Progress):
    """Run pg_dump/pg_restore --verbose, ticking the bar once per table it reports."""
    process = subprocess.Popen(  # noqa: S603
        args,
        env=pg_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    log: list[str] = []

    def lines() -> Iterator[str]:
        for line in process.stderr:  # type: ignore[union-attr]
            log.append(line)
            if marker in line:
                yield line

    for _line in progress(lines(), tables, desc, "table"):
        pass
    if process.wait() != 0:
        detail = "".join(line for line in log if "error" in line.lower()) or "".join(log[-10:])
        raise BackupError(f"{Path(args[0]).name} failed:\n{detail.strip()}")


# --- backup -------------------------------------------------------------------------------------


@dataclass
class BackupResult:
    path: Path
    manifest: dict[str, Any]


def backup_create(
    *, output: Path, progress: Progress = no_progress, pg_bindir: str | None = None
) -> BackupResult:
    """Write a dated backup directory under ``output`` and return where it is."""
    vendor = engine()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    target = output / f"backup-{now:%Y%m%dT%H%M%SZ}"
    if target.exists():
        raise BackupError(f"{target} already exists; wait a second and try again")
    partial = output / f".{target.name}.partial"
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    if vendor == "postgresql":
        database = _dump_postgresql(partial, progress=progress, bindir=pg_bindir)
    else:
        database = _dump_sqlite(partial, progress=progress)
    files = _copy_media(Path(settings.MEDIA_ROOT), partial / MEDIA_DIR, progress=progress)
    files[database["file"]] = _file_entry(partial / database["file"])
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(),
        "app": app_version(),
        "database": database,
        "media_files": sum(1 for name in files if name.startswith(MEDIA_DIR + "/")),
        "files": dict(sorted(files.items())),
    }
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    # Renamed only once complete: a backup directory with its final name is never half-written.
    partial.rename(target)
    return BackupResult(path=target, manifest=manifest)


def _file_entry(path: Path) -> dict[str, Any]:
    return {"sha256": sha256_file(path), "bytes": path.stat().st_size}


def _dump_postgresql(target: Path, *, progress: Progress, bindir: str | None) -> dict[str, Any]:
    pg_dump = pg_tool("pg_dump", bindir)
    with transaction.atomic(), connection.cursor() as cursor:
        # The first statement of the transaction: rows are counted in the snapshot pg_dump
        # then dumps (it imports the snapshot while this transaction stays open).
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
        snapshot, server_version = cursor.fetchone()
        counts = table_row_counts(cursor)
        run_pg_tool(
            [
                str(pg_dump),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--verbose",
                f"--snapshot={snapshot}",
                f"--file={target / PG_DUMP_FILE}",
            ],
            tables=len(counts),
            desc="database",
            marker="dumping contents of table",
            progress=progress,
        )
    return {
        "engine": "postgresql",
        "method": f"pg_dump --format=custom ({pg_dump})",
        "server_version": server_version,
        "file": PG_DUMP_FILE,
        "tables": counts,
    }


def _dump_sqlite(target: Path, *, progress: Progress) -> dict[str, Any]:
    if connection.in_atomic_block:
        # SQLite refuses to copy a database its own connection is writing to, and Python's
        # backup() would wait for that forever.
        raise BackupError("an SQLite backup cannot be taken inside a transaction")
    connection.ensure_connection()
    source = connection.connection
    destination = sqlite3.connect(target / SQLITE_FILE)
    try:
        # The online backup API copies a consistent image even while others write (pages=0:
        # in one step, so no write can slip in between steps and make it start over).
        source.backup(destination, pages=0)
        cursor = destination.cursor()
        tables = [
            row[0]
            for row in cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        counts = {}
        for table in progress(tables, len(tables), "counting rows", "table"):
            quoted = table.replace('"', '""')
            counts[table] = cursor.execute(f'SELECT COUNT(*) FROM "{quoted}"').fetchone()[0]  # noqa: S608
    finally:
        destination.close()
    return {
        "engine": "sqlite",
        "method": "SQLite online backup API (sqlite3.Connection.backup), not pg_dump",
        "server_version": sqlite3.sqlite_version,
        "file": SQLITE_FILE,
        "tables": counts,
    }


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file())


def _copy_media(source: Path, target: Path, *, progress: Progress) -> dict[str, dict[str, Any]]:
    """Copy every media file, hashing it on the way; returns the manifest entries."""
    entries: dict[str, dict[str, Any]] = {}
    files = _media_files(source)
    target.mkdir(parents=True, exist_ok=True)
    for path in progress(files, len(files), "media files", "file"):
        relative = path.relative_to(source).as_posix()
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with path.open("rb") as src, destination.open("wb") as dst:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                dst.write(chunk)
        shutil.copystat(path, destination)
        entries[f"{MEDIA_DIR}/{relative}"] = {
            "sha256": digest.hexdigest(),
            "bytes": destination.stat().st_size,
        }
    return entries


# --- restore ------------------------------------------------------------------------------------


def manifest_read(backup: Path) -> dict[str, Any]:
    path = backup / MANIFEST
    if not path.is_file():
        raise BackupError(f"{backup} is not a backup: it has no {MANIFEST}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{path} is damaged and cannot be read ({error})") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a backup manifest of format {FORMAT}")
    return manifest


def backup_verify(backup: Path, *, progress: Progress = no_progress) -> dict[str, Any]:
    """Check every file against the manifest; raise on the first sign of damage."""
    manifest = manifest_read(backup)
    listed: dict[str, dict[str, Any]] = manifest["files"]
    problems: list[str] = []
    for name in progress(sorted(listed), len(listed), "checking backup", "file"):
        path = backup / name
        if not path.is_file():
            problems.append(f"missing: {name}")
        elif sha256_file(path) != listed[name]["sha256"]:
            problems.append(f"checksum differs: {name}")
    present = {p.relative_to(backup).as_posix() for p in backup.rglob("*") if p.is_file()}
    problems += [
        f"not in the manifest: {name}" for name in sorted(present - set(listed) - {MANIFEST})
    ]
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise BackupError(
            f"{backup} is damaged or was changed since it was taken; nothing was restored.\n"
            f"  {shown}{more}"
        )
    return manifest


def database_is_empty() -> bool:
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def media_is_empty() -> bool:
    return not _media_files(Path(settings.MEDIA_ROOT))


def backup_restore(
    backup: Path,
    *,
    replace: bool = False,
    progress: Progress = no_progress,
    pg_bindir: str | None = None,
) -> dict[str, Any]:
    """Restore ``backup`` into the configured database and MEDIA_ROOT; return the manifest."""
    manifest = backup_verify(backup, progress=progress)
    database = manifest["database"]
    vendor = engine()
    if database["engine"] != vendor:
        raise BackupError(
            f"the backup holds a {database['engine']} database but DATABASE_URL points at "
            f"{vendor}; restore it into a {database['engine']} database"
        )
    media_root = Path(settings.MEDIA_ROOT)
    if not replace:
        occupied = []
        if not database_is_empty():
            occupied.append(f"the database {connection.settings_dict['NAME']} has tables")
        if not media_is_empty():
            occupied.append(f"the media folder {media_root} has files")
        if occupied:
            raise BackupError(
                "refusing to restore over existing data: "
                + " and ".join(occupied)
                + ". Restore into an empty database and media folder, or pass --replace to "
                "delete what is there first."
            )
    if vendor == "postgresql":
        _restore_postgresql(
            backup / database["file"],
            database,
            replace=replace,
            progress=progress,
            bindir=pg_bindir,
        )
    else:
        _restore_sqlite(backup / database["file"], progress=progress)
    _restore_media(backup / MEDIA_DIR, media_root, manifest, replace=replace, progress=progress)
    with connection.cursor() as cursor:
        counts = table_row_counts(cursor)
    differing = {
        table: (expected, counts.get(table))
        for table, expected in database["tables"].items()
        if counts.get(table) != expected
    }
    if differing:
        lines = "\n  ".join(
            f"{t}: {got} rows, the backup had {want}" for t, (want, got) in differing.items()
        )
        raise BackupError(f"the restored database differs from the backup:\n  {lines}")
    return manifest


def _restore_postgresql(
    dump: Path, database: dict[str, Any], *, replace: bool, progress: Progress, bindir: str | None
) -> None:
    pg_restore = pg_tool("pg_restore", bindir)
    if replace:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    connection.close()
    run_pg_tool(
        [
            str(pg_restore),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "--verbose",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        ],
        tables=len(database["tables"]),
        desc="database",
        marker="processing data for table",
        progress=progress,
    )


def _restore_sqlite(copy: Path, *, progress: Progress) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(copy)
    try:
        for _step in progress([copy], 1, "database", "file"):
            # The online backup API again, into the connection Django would use.
            source.backup(connection.connection, pages=0)
    finally:
        source.close()
    connection.close()


def _restore_media(
    source: Path, target: Path, manifest: dict[str, Any], *, replace: bool, progress: Progress
) -> None:
    if replace and target.is_dir():
        for child in target.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    target.mkdir(parents=True, exist_ok=True)
    files = _media_files(source)
    for path in progress(files, len(files), "media files", "file"):
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
