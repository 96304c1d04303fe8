"""Rebuild the search index from the database: every public document and its sections, in bulk.

haystack's ``update_index`` writes in batches that each reopen and merge the index's segments, which
grows quadratic on Whoosh (27 sections/s at 10,000 sections); the archive's backend instead takes a
whole model's objects through one writer, read from the database in chunks so memory stays bounded.
Other engines get haystack's batched updates.
"""

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from haystack import connections

from archive.models import Document, Section

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
    backend = connections["default"].get_backend()
    unified = connections["default"].get_unified_index()
    for model in (Document, Section):
        index = unified.get_index(model)
        objects = _counted(index.index_queryset().iterator(chunk_size=CHUNK_SIZE), model, progress)
        name = model._meta.model_name
        if hasattr(backend, "rebuild"):
            report.counts[name] = backend.rebuild(index, objects)
        else:
            backend.clear(models=[model])
            report.counts[name] = _update_in_batches(backend, index, objects)
    report.seconds = time.monotonic() - started
    return report


def _counted(objects: Iterable, model, progress) -> Iterator:
    for number, obj in enumerate(objects, start=1):
        if progress and number % CHUNK_SIZE == 0:
            progress(model._meta.model_name, number)
        yield obj


def _update_in_batches(backend, index, objects: Iterable) -> int:
    batch, count = [], 0
    for obj in objects:
        batch.append(obj)
        if len(batch) == CHUNK_SIZE:
            backend.update(index, batch)
            count, batch = count + len(batch), []
    if batch:
        backend.update(index, batch)
    return count + len(batch)
