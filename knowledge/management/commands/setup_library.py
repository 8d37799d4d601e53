from django.core.management.base import BaseCommand

from knowledge.services import library_setup


class Command(BaseCommand):
    help = "Create the library, country profiles, review workflow and editors' rights (idempotent)."

    def handle(self, *args, **options):
        library = library_setup()
        self.stdout.write(self.style.SUCCESS(f"Library ready at {library.url_path}"))
