"""A number of seconds set in the environment (READER_FETCH_TIMEOUT, READER_STOP_GRACE): a typo
is said in one sentence before any work, not found out when the wait comes."""

from __future__ import annotations

import os

from reader.errors import ReaderError


def seconds_from_env(name: str, default: float, error: type[ReaderError] = ReaderError) -> float:
    """`name`'s value, or `default` when unset or blank; `error` (exit 2) when it is no number
    of seconds above 0 ("soon", 0, -3, inf, nan)."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise error(f"{name} must be a number of seconds above 0, not {value!r}.")
    return seconds
