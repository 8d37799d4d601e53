"""Build a realistic demo site. Idempotent: running it again updates rather than duplicates."""

from __future__ import annotations

import secrets
from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import DemoContext

# Each app seeds its own content, in this order (later apps use earlier apps' members and pages).
STEPS = ["home.demo", "members.demo", "knowledge.demo", "events.demo", "discussions.demo"]


class Command(BaseCommand):
    help = "Create or refresh demo content: members of every role, practices, events, threads."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help="Password for every demo account (random and printed if absent).",
        )

    def handle(self, *args, **options):
        password = options["password"] or secrets.token_urlsafe(12)
        ctx = DemoContext(password=password, stdout=self.stdout)
        for path in STEPS:
            try:
                module = import_module(path)
            except ModuleNotFoundError as exc:
                if exc.name != path:
                    raise
                continue
            with transaction.atomic():
                module.seed(ctx)
        self.stdout.write(self.style.SUCCESS(f"Demo accounts' password: {password}"))
