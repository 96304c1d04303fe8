import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.import_summary import outcome_summary
from archive.models import DocumentStatus
from archive.search.sync.writes import IMPORT_BATCH_DOCUMENTS, IndexUpdates
from archive.services import ImportOutcome, document_import, size_error


class Command(BaseCommand):
    help = (
        "Import documents from files and folders. Each file is stored whole or not at all; "
        "files already in the archive are skipped. Exits non-zero if any file failed. "
        "The search index is updated every few dozen documents, and once more at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, or folders to import recursively.")
        parser.add_argument("--json", action="store_true", help="Print a JSON summary (one object per file).")
        parser.add_argument(
            "--draft", action="store_true", help="Import as drafts: off public pages and search until published."
        )

    def handle(self, *paths, **options):
        files = list(_files(options["paths"]))
        status = DocumentStatus.DRAFT if options["draft"] else DocumentStatus.PUBLISHED
        summaries, failed = [], 0
        with IndexUpdates(batch=IMPORT_BATCH_DOCUMENTS) as index_updates:
            for path in files:
                outcome = _import(path, index_updates, status)
                failed += outcome.status == "failed"
                if options["json"]:
                    summaries.append(outcome_summary(str(path), outcome))
                else:
                    self.stdout.write(_describe(path, outcome))
        if options["json"]:
            self.stdout.write(json.dumps(summaries, indent=2, ensure_ascii=False))
        if failed:
            raise CommandError(f"{failed} of {len(files)} file(s) could not be imported.")


def _files(paths: list[str]):
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def _import(path: Path, index_updates: IndexUpdates, status: DocumentStatus) -> ImportOutcome:
    try:
        size = path.stat().st_size
    except OSError as error:
        return ImportOutcome(path.name, "failed", error=f"cannot read the file: {error.strerror or error}")
    if too_large := size_error(size):
        return ImportOutcome(path.name, "failed", error=too_large)
    return document_import(raw=path.read_bytes(), file_name=path.name, index_updates=index_updates, status=status)


def _describe(path: Path, outcome: ImportOutcome) -> str:
    if outcome.status == "failed":
        return f"failed     {path}: {outcome.error}"
    document = outcome.document
    if outcome.status == "duplicate":
        return f"duplicate  {path}: {outcome.error} (#{document.pk} {document.title})"
    notes = [document.get_kind_display().lower(), document.date_iso or "undated"]
    if document.status == DocumentStatus.DRAFT:
        notes.append("draft")
    if not document.complete:
        notes.append("partial capture")
    if outcome.version_of_id:
        notes.append(f"another version of #{outcome.version_of_id}")
    if outcome.draft_of_id:
        notes.append(f"another draft of #{outcome.draft_of_id}")
    line = f"imported   {path}: #{document.pk} {document.title} ({', '.join(notes)})"
    return "\n".join([line, *(f"           note: {warning}" for warning in outcome.warnings)])
