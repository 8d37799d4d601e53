"""``manage.py search_index rebuild|update|reconcile|status``: the index's lifecycle."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from tqdm import tqdm

from search import indexing


class Command(BaseCommand):
    help = "Rebuild, update, reconcile or inspect the search index."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "reconcile", "status"])
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="reconcile: report the differences without fixing them.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide progress bars.")

    def handle(self, *args, action: str, dry_run: bool, no_progress: bool, **options):
        def progress(items, total, desc):
            return tqdm(
                items,
                total=total,
                desc=desc,
                unit="batch",
                disable=no_progress,
                file=self.stderr._out,
            )

        if action == "rebuild":
            result = indexing.rebuild(progress)
            self.stdout.write(
                f"rebuilt {result['index']}: {result['documents']} documents, "
                f"{result['replayed']} changes replayed"
            )
        elif action == "update":
            result = indexing.update(progress)
            self.stdout.write(
                f"updated {result['documents']} documents; {result['outbox']} outbox rows drained"
            )
        elif action == "reconcile":
            differences = indexing.reconcile(fix=not dry_run, progress=progress)
            for diff in differences:
                self.stdout.write(
                    f"{diff.kind:14} missing {len(diff.missing):6}  extra {len(diff.extra):6}  "
                    f"outdated {len(diff.outdated):6}"
                )
            total = sum(d.total for d in differences)
            verb = "found" if dry_run else "fixed"
            self.stdout.write(f"{verb} {total} differences")
        else:
            info = indexing.status()
            self.stdout.write(f"engine: {info['engine']}  alias: {info['alias']}")
            if "indices" in info:
                self.stdout.write(f"indices: {', '.join(info['indices']) or '(none yet)'}")
            if info.get("schema_current") is False:
                self.stdout.write(
                    self.style.WARNING(
                        "mapping: the index was built with an older mapping; "
                        "run `manage.py search_index rebuild`"
                    )
                )
            elif info.get("schema_current"):
                self.stdout.write("mapping: current")
            self.stdout.write(
                f"outbox pending: {info['pending']}  oldest: {info['oldest_pending'] or '-'}"
            )
            for kind, counts in info["documents"].items():
                self.stdout.write(
                    f"{kind:14} index {counts['index']:7}  database {counts['database']:7}"
                )
