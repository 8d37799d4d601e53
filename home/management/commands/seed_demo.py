"""Build a realistic demo site. Idempotent: running it again updates rather than duplicates."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from discussions import demo as discussions_demo
from events import demo as events_demo
from home import demo as home_demo
from home import demo_editorial
from home.demo import DemoContext
from knowledge import demo as knowledge_demo
from knowledge import demo_requests, demo_translations
from members import demo as members_demo

# Each app seeds its own content, in this order (later apps use earlier apps' members and pages).
# The editorial pages are translated once every section exists; notes' translations go into
# the translated libraries.
STEPS = [
    home_demo,
    members_demo,
    knowledge_demo,
    events_demo,
    demo_requests,
    demo_editorial,
    demo_translations,
    discussions_demo,
]


class Command(BaseCommand):
    help = "Create or refresh demo content: members of every role, practices, events, threads."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--password",
            help="Password for every demo account (random and printed if absent).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        password = options["password"] or secrets.token_urlsafe(12)
        # The home page is handed to every app: they add their sections below it.
        ctx = DemoContext(password=password, stdout=self.stdout)
        for step in STEPS:
            with transaction.atomic():
                step.seed(ctx)
        self.stdout.write(self.style.SUCCESS(f"Demo accounts' password: {password}"))
