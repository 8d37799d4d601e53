"""``manage.py restore <backup>``: check a backup, restore it into an empty database and media
folder, then rebuild the search index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from tqdm import tqdm

from core import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the configured (empty) database and "
        "MEDIA_ROOT, after checking every checksum; then rebuild the search index."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup", type=Path, help="The backup-<date> directory.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the database's tables and the media folder's files first, instead of "
            "refusing to restore over them.",
        )
        parser.add_argument(
            "--pg-bindir",
            help="Directory of pg_restore (default: the one of the server's major version).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide progress bars.")

    def handle(self, *args: Any, **options: Any) -> None:
        no_progress = options["no_progress"]

        def progress(items, total, desc, unit):
            return tqdm(
                items, total=total, desc=desc, unit=unit, disable=no_progress, file=self.stderr._out
            )

        source: Path = options["backup"]
        try:
            manifest = backup.backup_restore(
                source,
                replace=options["replace"],
                progress=progress,
                pg_bindir=options["pg_bindir"],
            )
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        database = manifest["database"]
        self.stdout.write(
            f"restored {source.name}: {len(database['tables'])} tables with the row counts of "
            f"the backup, {manifest['media_files']} media files"
        )
        here = backup.app_version()
        taken = manifest["app"]
        if taken["commit"] and here["commit"] and taken["commit"] != here["commit"]:
            self.stdout.write(
                self.style.WARNING(
                    f"the backup was taken at commit {taken['commit'][:12]} (version "
                    f"{taken['version']}); this checkout is {here['commit'][:12]}"
                )
            )
        # A backup from older code: bring its schema up to this code before indexing it.
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            self.stdout.write(f"applying {len(plan)} migrations newer than the backup")
            call_command("migrate", interactive=False, verbosity=0)
        # The index is not in the backup: build it from the restored database.
        call_command("search_index", "rebuild", no_progress=no_progress, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("restore complete"))
