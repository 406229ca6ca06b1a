"""Import sqlite-utils without numpy, so opening the reader stays fast.

sqlite-utils imports numpy (about 0.1 s) only to map numpy scalar types to column types; the
store never writes numpy values. Hiding numpy for the length of that one import keeps it out
of start-up; numpy stays importable afterwards (spaCy needs it) because the hiding is undone.
This runs at import time of `reader.store`, before the app starts any thread.
"""

from __future__ import annotations

import sys


def import_sqlite_utils() -> None:
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


import_sqlite_utils()
