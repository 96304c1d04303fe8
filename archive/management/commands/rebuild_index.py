from django.core.management.base import BaseCommand

from archive.search.sync.rebuild import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the database: every public document and its sections. "
        "Replaces haystack's command of the same name, whose batched writes slow down as the index grows."
    )

    def add_arguments(self, parser):
        # Accepted for compatibility with haystack's rebuild_index; this command never asks.
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive", help="Do not ask.")

    def handle(self, *args, **options):
        def progress(name: str, count: int) -> None:
            if options["verbosity"] > 1:
                self.stdout.write(f"  {count:,} {name}s", ending="\r")

        report = rebuild_index(progress=progress)
        if options["verbosity"]:
            self.stdout.write(f"Rebuilt the search index: {report.summary()}.")
