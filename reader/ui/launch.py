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
    from reader.store.peek import Peek
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


def prestart_analysis(
    document: Document, store: Store | None, model: str | None, cached: bool | None = None
) -> Runner | None:
    """Start the analysis process now, while Textual starts, unless the analysis is cached.

    Loading spaCy and the model takes about a second; begun before the first paint, in its own
    process, it is done by the time the text is on screen. A cached article needs no spaCy.
    `cached` is what a peek at the library found (None: ask the store, if there is one).
    """
    from reader.analysis.model import ENGINE_VERSION
    from reader.analysis.nlp import model_id
    from reader.errors import ReaderError
    from reader.store.records import text_hash

    try:
        if cached is None and store is not None:
            cached = store.has_cached_analysis(
                text_hash(document.text), model_id(model), ENGINE_VERSION
            )
        if cached:
            return None
        from reader.analysis.runner import prestart

        return prestart(model)
    except ReaderError:
        return None  # the article screen tries again and says what is wrong


def peek_library(document: Document, db_path: str, model: str | None) -> Peek | None:
    """What the first frame needs from the library, without opening the store (see peek)."""
    from reader.analysis.model import ENGINE_VERSION
    from reader.analysis.nlp import model_id
    from reader.errors import ReaderError
    from reader.store.peek import peek
    from reader.store.records import text_hash

    try:
        return peek(db_path, text_hash(document.text), model_id(model), ENGINE_VERSION)
    except ReaderError:
        return None


def build_app(
    source: str | None,
    *,
    store: Store | None = None,
    db_path: str | None = None,
    model: str | None = None,
    document: Document | None = None,
    start_analysis: bool = False,
) -> ReaderApp:
    """The app exactly as `reader [SOURCE]` builds it; tests drive it with run_test().

    With ``start_analysis`` the analysis process starts before Textual is imported. With a
    document and no store, the app opens the store at `db_path` after the text's first frame
    (sqlite-utils, migrations and the save cost a few tenths of a second before it otherwise).
    """
    if store is None and document is None:
        raise ValueError("build_app needs a store unless it is given the document")
    peeked = None
    if store is None:
        assert document is not None and db_path is not None
        plan = StartPlan(document, start_in_library=False)
        peeked = peek_library(document, db_path, model)
    else:
        plan = plan_start(source, store, document)
    runner = None
    if start_analysis and plan.document is not None:
        cached = peeked.cached if peeked is not None else (None if store is not None else False)
        runner = prestart_analysis(plan.document, store, model, cached)
    from reader.ui.app import ReaderApp

    return ReaderApp(
        store=store,
        db_path=db_path,
        model=model,
        document=plan.document,
        start_in_library=plan.start_in_library,
        runner=runner,
        peeked=peeked,
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

    from reader.errors import ReaderError, SourceError
    from reader.sources import shown

    # A missing file is said first: "use `reader analyze /typo.txt`" would send the user on
    # to the same missing file.
    if source and _missing_file(source):
        raise SourceError(f"{shown(source)}: no such file.")
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


def _missing_file(source: str) -> bool:
    """A local path (not `-`, not an address) that names nothing."""
    import os

    from reader.sources import OTHER_SCHEME, is_url

    if source == "-" or is_url(source) or OTHER_SCHEME.match(source):
        return False
    return not os.path.lexists(os.path.expanduser(source))


def open_source(source: str | None, *, db: str | None, model: str | None) -> None:
    """`reader [SOURCE]`: a model asked for by name must exist (one sentence, exit 2, before
    the screen), the library is found (reader.locate), then the launch. ReaderError propagates:
    the caller says it in one sentence with exit status 2."""
    from reader.locate import locate_database
    from reader.ui.hangup import stop_grace

    stop_grace()  # a bad READER_STOP_GRACE is said now, before the screen and the library
    if model:
        from reader.analysis.nlp import resolve_name

        resolve_name(model)
    launch(source, db_path=str(locate_database(db).prepare()), model=model)


def launch(source: str | None, *, db_path: str, model: str | None) -> None:
    """Read the source, run the app (which opens the store after the text's first frame), and
    report a store that cannot be used as a ReaderError, as errors before the UI are.

    The source is read first, so a rejected input leaves no database file behind. Flow
    control is off from here, so a ctrl+q typed before the app is up still quits.
    """
    require_terminal(source)
    from reader.ui.early_keys import flow_control_off

    with flow_control_off():
        _launch(source, db_path=db_path, model=model)


def _launch(source: str | None, *, db_path: str, model: str | None) -> None:
    import gc

    # Start-up allocates many long-lived objects (modules, CSS, widgets); collecting them again
    # and again costs ~20 ms of the first paint. The app turns collection back on after its
    # first frame (ReaderApp.on_mount), freezing what start-up made.
    gc.disable()
    document = None
    if source is not None:
        from reader.sources import load_source
        from reader.waiting import fetching

        with fetching(source):
            document = load_source(source)
    store = None
    if document is None:  # the library or the sample: the store decides which, so it opens now
        from reader.store import Store
        from reader.store.db import INTERACTIVE_TIMEOUT

        store = Store.open(db_path)
        store.wait_for_locks(INTERACTIVE_TIMEOUT)
    app = None
    try:
        app = build_app(
            source,
            store=store,
            db_path=db_path,
            model=model,
            document=document,
            start_analysis=True,
        )
        if source == "-":
            reattach_terminal()
        from reader.interrupt import python_handling
        from reader.ui.terminal_input import tolerate_invalid_input

        tolerate_invalid_input()
        with python_handling():
            app.run()
        if app.fatal_error is not None:
            raise app.fatal_error
        if app.return_code:  # a crash (Textual printed the traceback): a script must know
            raise SystemExit(app.return_code)
    finally:
        gc.enable()
        if app is not None:
            runner = app.take_runner()
            if runner is not None:
                runner.close()
            app.close_own_store()
        if store is not None:
            store.close()
