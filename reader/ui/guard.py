"""The app's handle on the Store: the first sign of a damaged database stops the app.

A corrupt page surfaces only when a query reaches it, anywhere a screen reads or writes; each
screen would catch it as one more ReaderError and carry on (a library "empty" for good). So
every call through `app.store` passes here, and DatabaseDamagedError also tells the app,
which exits with status 2 and the one sentence (see `reader.ui.launch.launch`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from reader.errors import DatabaseDamagedError


class GuardedStore:
    """Delegates to the store; reports DatabaseDamagedError to `on_damage`, then re-raises."""

    def __init__(self, store: object, on_damage: Callable[[DatabaseDamagedError], None]) -> None:
        self._store = store
        self._on_damage = on_damage

    def __getattr__(self, name: str) -> Any:
        try:
            value = getattr(self._store, name)
        except DatabaseDamagedError as exc:  # a property that queries
            self._on_damage(exc)
            raise
        if not callable(value):
            return value

        @wraps(value)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return value(*args, **kwargs)
            except DatabaseDamagedError as exc:
                self._on_damage(exc)
                raise

        return guarded
