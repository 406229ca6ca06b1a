"""The reading position saved every few seconds without waiting on another program's lock.

`reader notes --import` or `reader add` holds the library's write lock for seconds at a time.
The periodic save waited a second for it (the screen frozen meanwhile) and then said "the
database is locked by another program" in a toast, every few seconds in every window open,
for a position that the next tick, or leaving, saves all the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Waits(Protocol):
    def wait_for_locks(self, seconds: float) -> None: ...


@contextmanager
def not_waiting(store: Waits) -> Iterator[None]:
    """A write in this block fails at once if another connection holds the lock."""
    from reader.store.db import INTERACTIVE_TIMEOUT

    store.wait_for_locks(0)
    try:
        yield
    finally:
        store.wait_for_locks(INTERACTIVE_TIMEOUT)


def busy(exc: BaseException) -> bool:
    """The write failed only because another connection holds the lock."""
    from reader.store.db import is_busy

    return is_busy(exc)
