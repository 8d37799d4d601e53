"""Import practice notes from a CSV or XLSX spreadsheet into the library."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from knowledge.imports import COLUMNS, ImportFileError, practices_import
from knowledge.models import LibraryIndexPage


class Command(BaseCommand):
    help = (
        "Import practices from a CSV or XLSX file. Columns: "
        + ", ".join(COLUMNS)
        + ". Nothing is imported if any row is bad, unless --skip-bad-rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row, write nothing."
        )
        parser.add_argument(
            "--skip-bad-rows", action="store_true", help="Import the good rows, report the bad."
        )
        parser.add_argument("--owner", help="E-mail of the member recorded as the notes' author.")

    def handle(self, *args, file: Path, dry_run: bool, skip_bad_rows: bool, owner=None, **options):
        from django.contrib.auth import get_user_model

        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        library = LibraryIndexPage.objects.order_by("pk").first()
        if library is None:
            raise CommandError("There is no library page yet: run `manage.py setup_library`.")
        user = None
        if owner:
            user = get_user_model().objects.filter(email__iexact=owner).first()
            if user is None:
                raise CommandError(f"No member with the e-mail address {owner}")
        show_progress = options.get("verbosity", 1) > 0

        def progress(rows):
            return tqdm(
                rows, desc="Importing", unit="row", file=self.stderr._out, disable=not show_progress
            )

        try:
            report = practices_import(
                name=file.name,
                data=file.read_bytes(),
                library=library,
                user=user,
                dry_run=dry_run,
                skip_bad_rows=skip_bad_rows,
                progress=progress,
            )
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        for error in report.errors:
            self.stderr.write(str(error))
        summary = (
            f"{report.rows} rows: {len(report.created)} to create, {len(report.updated)} to update,"
            f" {len(report.errors)} bad."
        )
        if dry_run:
            self.stdout.write(f"Dry run, nothing written. {summary}")
        elif not report.imported:
            raise CommandError(
                f"Nothing imported: {len(report.errors)} bad rows"
                " (fix them, or use --skip-bad-rows)."
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported. {summary}"))
