"""The Whoosh searches the archive issues, recorded on request: ``make bench`` replays them on raw Whoosh."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from whoosh import query as wq


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
