"""Start-up: `reader [SOURCE]` decides what to show first, then hands over to the app.

Imports stay lazy so the first paint is fast: Textual is imported only once the input is known
to be good, and spaCy never here (the app analyses in a worker, or reuses the cached analysis).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.sources import Document
    from reader.store import Store
    from reader.ui.app import ReaderApp

SAMPLE_SOURCE = "sample"


def sample_document() -> Document:
    """The bundled sample article (read from the installed package, wherever it lives)."""
    from importlib.resources import files

    from reader.sources import Document, title_of

    text = (files("reader") / "samples" / "seed.txt").read_text(encoding="utf-8")
    title = title_of(text)
    return Document(title=title, source=SAMPLE_SOURCE, text=text, name="seed.txt", kind="text")


@dataclass(frozen=True, slots=True)
class StartPlan:
    """What the app shows first: a document to open, or the library."""

    document: Document | None
    start_in_library: bool


def plan_start(source: str | None, store: Store) -> StartPlan:
    """Read SOURCE (SourceError propagates, nothing saved); with none, the library when it has
    articles, else the sample."""
    if source is not None:
        from reader.sources import load_source

        return StartPlan(load_source(source), start_in_library=False)
    if store.has_articles():
        return StartPlan(None, start_in_library=True)
    return StartPlan(sample_document(), start_in_library=False)


def build_app(source: str | None, *, store: Store, model: str | None = None) -> ReaderApp:
    """The app exactly as `reader [SOURCE]` builds it; tests drive it with run_test()."""
    plan = plan_start(source, store)
    from reader.ui.app import ReaderApp

    return ReaderApp(
        store=store,
        model=model,
        document=plan.document,
        start_in_library=plan.start_in_library,
    )


def reattach_terminal() -> None:
    """After `reader -` read a pipe, point fd 0 at the terminal so the app can read keys."""
    import os
    import sys

    if sys.stdin is not None and sys.stdin.isatty():
        return
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError as exc:
        from reader.errors import SourceError

        raise SourceError(
            "Read the article from standard input, but there is no terminal to show it in; "
            "use `reader analyze -` instead."
        ) from exc
    os.dup2(fd, 0)
    os.close(fd)


def launch(source: str | None, *, db_path: str, model: str | None) -> None:
    """Open the store, read the source, run the app. Errors before the UI are ReaderErrors."""
    from reader.store import Store

    store = Store.open(db_path)
    try:
        app = build_app(source, store=store, model=model)
        if source == "-":
            reattach_terminal()
        app.run()
    finally:
        store.close()
