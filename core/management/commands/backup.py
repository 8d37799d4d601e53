"""``manage.py backup``: a dated, checksummed backup of the database and the media files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from core import backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump --format=custom, or SQLite's online backup API) and the "
        "media files into a dated directory with a manifest of row counts and SHA-256 checksums."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.BASE_DIR) / "var" / "backups",
            help="Directory to write the backup-<date> directory into (default: var/backups).",
        )
        parser.add_argument(
            "--pg-bindir",
            help="Directory of pg_dump (default: the one of the server's major version).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide progress bars.")

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(items, total, desc, unit):
            return tqdm(
                items,
                total=total,
                desc=desc,
                unit=unit,
                disable=options["no_progress"],
                file=self.stderr._out,
            )

        try:
            result = backup.backup_create(
                output=options["output"], progress=progress, pg_bindir=options["pg_bindir"]
            )
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        database = result.manifest["database"]
        rows = sum(database["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"backup written to {result.path}: {database['engine']} database "
                f"({len(database['tables'])} tables, {rows} rows), "
                f"{result.manifest['media_files']} media files"
            )
        )
