from django.core.management.base import BaseCommand, CommandError

from archive.models import Document
from archive.services import document_reparse


class Command(BaseCommand):
    help = (
        "Re-run the current parser over the stored raw files, so parser improvements reach documents "
        "already in the archive. Fields an editor corrected, and sections an editor edited, are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Document ids (default: every document).")

    def handle(self, *args, **options):
        documents = Document.objects.filter(source__isnull=False).order_by("pk")
        if options["ids"]:
            documents = documents.filter(pk__in=options["ids"])
        counts = {"updated": 0, "unchanged": 0, "failed": 0}
        for document in documents.iterator(chunk_size=100):
            outcome = document_reparse(document=document)
            counts[outcome.status] += 1
            if outcome.status != "unchanged":
                kept = f" (kept editor's {', '.join(outcome.kept)})" if outcome.kept else ""
                self.stdout.write(f"{outcome.status:9}  #{document.pk} {document.title}{kept} {outcome.error}".rstrip())
        self.stdout.write(", ".join(f"{n} {status}" for status, n in counts.items()))
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} document(s) could not be re-parsed; they were left as they were.")
