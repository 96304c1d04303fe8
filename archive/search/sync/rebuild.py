"""Rebuild the search index from the database: every public document, every published one's sections, in bulk.

Each index is replaced by the engine's own bulk path (``SearchEngine.rebuild``: one writer on Whoosh,
batched updates elsewhere), fed from the database in chunks so memory stays bounded.
"""

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from archive.models import Document, Section
from archive.search.engine import DOCUMENTS, SECTIONS, search_engine
from archive.selectors import searchable

CHUNK_SIZE = 500


@dataclass
class RebuildReport:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        rate = sum(self.counts.values()) / self.seconds if self.seconds else 0
        parts = ", ".join(f"{count:,} {name}s" for name, count in self.counts.items())
        return f"{parts} indexed in {self.seconds:.1f} s ({rate:,.0f} entries/s)"


def rebuild_index(*, progress: Callable[[str, int], None] | None = None) -> RebuildReport:
    """Replace the whole index with what the database says should be searchable."""
    report, started = RebuildReport(), time.monotonic()
    engine = search_engine()
    engine.reset()  # from a clean start, whatever state the old index is in
    for index, model in ((DOCUMENTS, Document), (SECTIONS, Section)):
        objects = _counted(searchable(model).iterator(chunk_size=CHUNK_SIZE), model, progress)
        report.counts[index] = engine.rebuild(index, objects)
    report.seconds = time.monotonic() - started
    return report


def _counted(objects: Iterable, model, progress) -> Iterator:
    for number, obj in enumerate(objects, start=1):
        if progress and number % CHUNK_SIZE == 0:
            progress(model._meta.model_name, number)
        yield obj
