"""Time bounds that hold on a busy machine: the CPU a piece of code spends, and a wall clock for hangs.

The wall clock alone made these tests fail whenever the machine had other work (a parallel suite, a
build): the code was as fast as ever but got the CPU less often. The processor time this process
spends does not grow with the machine's load, so the bounds stay what they were; the wall clock is
still read, ten times as generously, so a wait (a lock, a sleep, a hang) fails as it did.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

WALL_FACTOR = 10  # how much longer than its CPU bound a call may take by the clock before it counts as hung


@dataclass
class Cost:
    cpu: float = 0.0  # seconds of processor time, every thread of this process
    wall: float = 0.0  # seconds by the clock

    def within(self, seconds: float) -> bool:
        """Under ``seconds`` of CPU, and under ``WALL_FACTOR`` times that by the clock."""
        return self.cpu < seconds and self.wall < WALL_FACTOR * seconds


@contextmanager
def cost() -> Iterator[Cost]:
    """Measure the block: ``with cost() as spent: ...`` then ``assert spent.within(1.0), spent``."""
    spent = Cost()
    cpu, wall = time.process_time(), time.monotonic()
    try:
        yield spent
    finally:
        spent.cpu, spent.wall = time.process_time() - cpu, time.monotonic() - wall
