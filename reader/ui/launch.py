"""Start-up: `reader [SOURCE]` decides what to show first, then hands over to the app.

Imports stay lazy so the first paint is fast: Textual is imported only once the input is known
to be good, and spaCy never here (the app analyses in a worker, or reuses the cached analysis).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.analysis.runner import Runner
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


def plan_start(source: str | None, store: Store, document: Document | None = None) -> StartPlan:
    """Read SOURCE (SourceError propagates, nothing saved) unless it was read already; with
    none, the library when it has articles, else the sample."""
    if document is not None:
        return StartPlan(document, start_in_library=False)
    if source is not None:
        from reader.sources import load_source

        return StartPlan(load_source(source), start_in_library=False)
    if store.has_articles():
        return StartPlan(None, start_in_library=True)
    return StartPlan(sample_document(), start_in_library=False)


def prestart_analysis(document: Document, store: Store, model: str | None) -> Runner | None:
    """Start the analysis process now, while Textual starts, unless the analysis is cached.

    Loading spaCy and the model takes about a second; begun before the first paint, in its own
    process, it is done by the time the text is on screen. A cached article needs no spaCy.
    """
    from reader.analysis.model import ENGINE_VERSION
    from reader.analysis.nlp import model_id
    from reader.errors import ReaderError
    from reader.store import text_hash

    try:
        if store.has_cached_analysis(text_hash(document.text), model_id(model), ENGINE_VERSION):
            return None
        from reader.analysis.runner import prestart

        return prestart(model)
    except ReaderError:
        return None  # the article screen tries again and says what is wrong


def build_app(
    source: str | None,
    *,
    store: Store,
    model: str | None = None,
    document: Document | None = None,
    start_analysis: bool = False,
) -> ReaderApp:
    """The app exactly as `reader [SOURCE]` builds it; tests drive it with run_test().

    With ``start_analysis`` the analysis process starts before Textual is imported.
    """
    plan = plan_start(source, store, document)
    runner = None
    if start_analysis and plan.document is not None:
        runner = prestart_analysis(plan.document, store, model)
    from reader.ui.app import ReaderApp

    return ReaderApp(
        store=store,
        model=model,
        document=plan.document,
        start_in_library=plan.start_in_library,
        runner=runner,
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


def require_terminal(source: str | None) -> None:
    """Refuse at once, in one line, to start the UI without a terminal to draw in and read keys
    from: on /dev/null or a pipe, Textual would read end-of-file forever at 100% CPU.

    With `-` the article comes from standard input, and the keys from /dev/tty afterwards
    (`reattach_terminal`), so only standard output must be a terminal then.
    """
    import sys

    from reader.errors import ReaderError

    instead = f"`reader analyze {source}`" if source else "`reader library`"
    if sys.stdout is None or not sys.stdout.isatty():
        raise ReaderError(
            f"Standard output is not a terminal, and the reader draws in one; use {instead} "
            "for text output."
        )
    if source != "-" and (sys.stdin is None or not sys.stdin.isatty()):
        raise ReaderError(
            f"Standard input is not a terminal, and the reader reads keys from it; use {instead} "
            "for text output, or `reader -` to read the article from a pipe."
        )


def launch(source: str | None, *, db_path: str, model: str | None) -> None:
    """Read the source, open the store, run the app. Errors before the UI are ReaderErrors.

    The source is read first, so a rejected input leaves no database file behind.
    """
    import gc

    require_terminal(source)

    # Start-up allocates many long-lived objects (modules, CSS, widgets); collecting them again
    # and again costs ~20 ms of the first paint. The app turns collection back on after its
    # first frame (ReaderApp.on_mount), freezing what start-up made.
    gc.disable()
    document = None
    if source is not None:
        from reader.sources import load_source

        document = load_source(source)
    from reader.store import Store

    store = Store.open(db_path)
    app = None
    try:
        app = build_app(source, store=store, model=model, document=document, start_analysis=True)
        if source == "-":
            reattach_terminal()
        from reader.interrupt import python_handling

        with python_handling():
            app.run()
        if app.fatal_error is not None:
            raise app.fatal_error
    finally:
        gc.enable()
        if app is not None:
            runner = app.take_runner()
            if runner is not None:
                runner.close()
        store.close()
