"""Barring quadratic work without asserting a time: the same work on a text ten times longer
must take less than twenty times as long (linear work takes about ten times; quadratic work a
hundred). Both sizes run in the same test, alternately, each timed as the best of a few runs in
CPU time (`time.process_time`), so a slow or busy machine (other processes taking the cores)
slows both alike."""

from __future__ import annotations

import time
from collections.abc import Callable

#: What linear work may cost on ten times the input, with room for noise.
MAX_GROWTH = 20.0
#: A run shorter than this is repeated and averaged, so the clock's grain does not matter.
MIN_SECONDS = 0.02

clock = time.process_time


def _loops(run: Callable[[], object]) -> int:
    start = clock()
    run()
    once = clock() - start
    return max(1, int(MIN_SECONDS / max(once, 1e-6)))


def _timed(run: Callable[[], object], loops: int) -> float:
    start = clock()
    for _ in range(loops):
        run()
    return (clock() - start) / loops


def growth(make: Callable[[int], Callable[[], object]], size: int, repeat: int = 5) -> float:
    """How many times longer ``make(10 * size)()`` takes than ``make(size)()``.

    ``make(n)`` prepares the input of size n (not timed) and returns the work to time."""
    small = make(size)
    large = make(10 * size)
    small_loops, large_loops = _loops(small), _loops(large)
    small_best = large_best = float("inf")
    for _ in range(repeat):
        small_best = min(small_best, _timed(small, small_loops))
        large_best = min(large_best, _timed(large, large_loops))
    return large_best / small_best


def growth_of(measure: Callable[[int], float], size: int, repeat: int = 3) -> float:
    """Like `growth`, for work that times itself: ``measure(n)`` returns its seconds (measured
    with `clock`)."""
    small = large = float("inf")
    for _ in range(repeat):
        small = min(small, measure(size))
        large = min(large, measure(10 * size))
    return large / small
