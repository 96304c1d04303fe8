from django.core.management.base import BaseCommand, CommandError

from archive.models import Document
from archive.services import document_reparse


class Command(BaseCommand):
    help = (
        "Re-run the current parser over the stored raw files, so parser improvements reach documents "
        "already in the archive, and links captures and drafts again by the new dates and texts. Fields an "
        "editor corrected, sections an editor edited and links an editor set are kept."
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
                relinked = f" (relinked {', '.join(f'#{pk}' for pk in outcome.relinked)})" if outcome.relinked else ""
                line = f"{outcome.status:9}  #{document.pk} {document.title}{kept}{relinked} {outcome.error}"
                self.stdout.write(line.rstrip())
        self.stdout.write(", ".join(f"{n} {status}" for status, n in counts.items()))
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} document(s) could not be re-parsed; they were left as they were.")
