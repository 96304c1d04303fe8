from django.core.management.base import BaseCommand, CommandError

from archive.search.engine import EngineUnavailable
from archive.search.sync.check import index_check, index_repair
from archive.search.sync.rebuild import rebuild_index

# Differences listed one per line before the summary; -v 2 lists them all.
LISTED = 20


class Command(BaseCommand):
    help = (
        "Compare the search index with the database: entries missing from the index, orphaned entries "
        "(deleted, draft or hidden documents) and stale ones. Repairs them unless --dry-run is given. "
        "An index that cannot be read at all is rebuilt from the database. "
        "Exits 1 when differences remain: with --dry-run, whenever any were found."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only report the differences; change nothing (exit 1 if any)."
        )

    def handle(self, *args, **options):
        try:
            report = index_check()
        except EngineUnavailable as error:
            self.stdout.write(f"Index check: {error}.")
            if options["dry_run"]:
                raise CommandError("The index cannot be read; run without --dry-run to rebuild it.") from error
            self.stdout.write("Rebuilding it from the database …")
            self.stdout.write(f"Rebuilt: {rebuild_index().summary()}.")
            report = index_check()
        limit = None if options["verbosity"] > 1 else LISTED
        for kind in ("missing", "orphaned", "stale"):
            found = getattr(report, kind)
            for identifier in found[:limit]:
                self.stdout.write(f"{kind:8}  {identifier}")
            if limit is not None and len(found) > limit:
                self.stdout.write(f"{kind:8}  … and {len(found) - limit} more (-v 2 lists them all)")
        self.stdout.write(f"Index check: {report.summary()}.")
        if report.clean:
            return
        if options["dry_run"]:
            raise CommandError("The index differs from the database; run without --dry-run to repair it.")
        outcome = index_repair(report=report)
        after = index_check()
        self.stdout.write(
            f"Repaired: {outcome.documents_synced} document(s) re-synced from the database, "
            f"{outcome.entries_removed} other entr{'y' if outcome.entries_removed == 1 else 'ies'} removed."
        )
        if not after.clean:
            # Only a save racing the repair (or an engine refusing writes) can leave differences.
            raise CommandError(f"After repair: {after.summary()}; run check_index again.")
        self.stdout.write("The index now matches the database.")
