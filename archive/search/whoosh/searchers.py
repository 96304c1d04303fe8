"""Reading a Whoosh index: searchers shared across requests, searches bounded in time, and a record of
the searches issued (``make bench`` replays them on raw Whoosh)."""

import queue
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from whoosh import collectors
from whoosh import query as wq


class SearcherPool:
    """Open searchers shared across requests and threads, one borrower at a time each.

    Opening a searcher reads every segment's metadata (tens of ms on a large index), so searchers
    are kept; a borrowed one is refreshed when a writer committed since, reusing unchanged segments.
    """

    def __init__(self, weighting):
        self._weighting = weighting
        self._idle: dict[str, queue.SimpleQueue] = {}
        self._lock = threading.Lock()

    @contextmanager
    def borrow(self, key: str, index):
        with self._lock:
            idle = self._idle.setdefault(key, queue.SimpleQueue())
        try:
            searcher = idle.get_nowait()
        except queue.Empty:
            searcher = index.searcher(weighting=self._weighting)
        if not searcher.up_to_date():
            searcher = searcher.refresh()
        try:
            yield searcher
        except BaseException:
            searcher.close()
            raise
        idle.put(searcher)

    def clear(self) -> None:
        with self._lock:
            idle_queues, self._idle = list(self._idle.values()), {}
        for idle in idle_queues:
            while not idle.empty():
                idle.get_nowait().close()


class Deadline(collectors.WrappingCollector):
    """Collect until a deadline, then raise ``TimeLimit`` (what was collected so far stays readable).

    Whoosh's own TimeLimitCollector starts a timer thread per search, which costs more than many
    searches; reading the clock before each match is enough, as a match is where Whoosh yields.
    """

    def __init__(self, child, seconds: float):
        super().__init__(child)
        self.seconds = seconds

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.deadline = time.monotonic() + self.seconds

    def collect_matches(self):
        collect, deadline = self.child.collect, self.deadline
        for sub_docnum in self.child.matches():
            if time.monotonic() > deadline:
                raise collectors.TimeLimit
            collect(sub_docnum)


@dataclass(frozen=True)
class EngineCall:
    """One Whoosh search the archive issued: replay with ``searcher.search(call.query, **call.kwargs)``."""

    index_name: str
    query: wq.Query
    kwargs: dict


_recorders: list[list[EngineCall]] = []


@contextmanager
def record_engine_queries() -> Iterator[list[EngineCall]]:
    """Collect every Whoosh search issued inside the block."""
    calls: list[EngineCall] = []
    _recorders.append(calls)
    try:
        yield calls
    finally:
        _recorders.remove(calls)


def note_engine_call(index_name: str, query: wq.Query, kwargs: dict) -> None:
    """Called by the backend for every search it runs; costs nothing when nothing records."""
    for calls in _recorders:
        calls.append(EngineCall(index_name, query, dict(kwargs)))
