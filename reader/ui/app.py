"""ReaderApp: wires the store to the screens (library, article) and owns app-wide keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.notifications import Notify, SeverityLevel

from reader.ui.app_first_save import FirstSave
from reader.ui.commands import ReaderCommands

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from reader.analysis.runner import Runner
    from reader.config import SettingsFile
    from reader.errors import ReaderError
    from reader.sources import Document
    from reader.store import ArticleRecord, Store
    from reader.store.peek import Peek


#: Seconds an error toast about a lasting problem stays up (until dismissed, in practice).
LASTING_TOAST = 24 * 3600.0
#: Where escape in an article goes back to: a library tab, the person whose quotes were
#: shown, and the quote opened from them (article id, start).
Back = tuple[str, "str | None", "tuple[int, int] | None"]


class ReaderApp(FirstSave):
    """The reader. `store` is the only shared state; screens get plain records from it."""

    CSS_PATH: ClassVar = ["reader.tcss", "library.tcss", "people.tcss"]
    TITLE = "reader"
    HELP_TITLE = "Everywhere"
    COMMANDS: ClassVar = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="app.quit",
            priority=True,
            tooltip="Save the reading position and quit",
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            id="app.commands",
            tooltip="Search every action by name",
        ),
    ]

    async def on_event(self, event: events.Event) -> None:
        """A key that opens a field (`/`) opens it here, in the app's turn, before the keys
        queued behind it are handed on: they then all go to the field, in order, none to the
        text's keys (the screen's `open_field_on`)."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            opener = getattr(self.screen, "open_field_on", None)
            if opener is not None and await opener(event.key):
                return
        await super().on_event(event)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """As Textual's, a notice short-lived and an error longer (reader.ui.toasts)."""
        from reader.ui.toasts import seconds_for

        super().notify(
            message, title=title, severity=severity, markup=markup,
            timeout=seconds_for(severity) if timeout is None else timeout,
        )

    def _on_notify(self, event: Notify) -> None:
        """A new toast replaces its repeat and the oldest notices past a few (reader.ui.toasts):
        a stack never climbs over the header or the search bar."""
        from reader.ui.textual_private import drop_toast, shown_toasts
        from reader.ui.toasts import to_drop

        for old in to_drop(shown_toasts(self), event.notification):
            drop_toast(self, old)
        super()._on_notify(event)
        event.prevent_default()  # Textual would call App's handler again, itself

    def __init__(
        self,
        *,
        store: Store | None = None,
        db_path: str | None = None,
        model: str | None = None,
        document: Document | None = None,
        article_id: int | None = None,
        start_in_library: bool = False,
        runner: Runner | None = None,
        settings: SettingsFile | None = None,
        peeked: Peek | None = None,
    ) -> None:
        """With no `store`, the one at `db_path` opens after the start document's first frame
        (`ready_record`); `peeked` is what the library said of that document beforehand."""
        super().__init__()
        from reader.config import SettingsFile
        from reader.ui.guard import GuardedStore

        #: Theme, layers and panel as last left (reader.config); written when they change.
        self.settings = settings if settings is not None else SettingsFile.load()
        #: Set when the database turned out to be damaged: launch reports it, exit status 2.
        self.fatal_error: ReaderError | None = None
        self._store: Store | None = None
        #: The store this app opened itself (launch closes it after the run).
        self._own_store: Store | None = None
        self._db_path = db_path
        if store is not None:
            self._store = cast("Store", GuardedStore(store, self._database_damaged))
        elif db_path is None:
            raise ValueError("ReaderApp needs a store or the path of one")
        #: The start document, shown before the store is open and saved right after.
        self._pending_document: Document | None = None
        self._peeked = peeked
        self.model = model
        self._runner = runner
        self._start_document = document
        self._start_article = article_id
        self._start_in_library = start_in_library
        #: Where escape in an article returns to: the library's tab, whose quotes, and the
        #: quote opened there (article id, start).
        self._back_to: Back = ("articles", None, None)
        #: Set once the terminal hung up or a stop signal came (the app is leaving).
        self._stopping = False
        #: Titles typed with `T` and escaped, by article id: kept till the app quits.
        self.title_drafts: dict[int, str] = {}
        from reader.people.named import NamesCache

        #: The library's names of speakers (`y`, `Y`, search rows): merged once per change.
        self.people_names = NamesCache()

    def on_mount(self) -> None:
        from reader.ui.remember import remember_theme

        remember_theme(self, self.settings)
        for warning in self.settings.warnings:
            self.notify(warning, severity="warning", markup=False)
        self.call_after_refresh(self._started)
        if not self.is_headless:
            from reader.ui.hangup import CHECK_EVERY, on_stop_signals, stop_grace, terminal_fd

            on_stop_signals(self._told_to_stop, stop_grace())
            fd = terminal_fd()
            if fd is not None:
                self.set_interval(CHECK_EVERY, lambda: self._check_terminal(fd))
        if self._start_document is None and self._start_article is not None:
            self.open_article(self._start_article)
        elif self._start_document is None and self._start_in_library:
            self.show_library()

    async def _ready(self) -> None:
        """Textual's hook just before its message loop, at the end of start-up's batch of
        updates: a start document's screen is pushed here, not in on_mount, so its first frame
        is drawn once and shown (pushed during the batch, it was drawn, thrown away at the
        batch's end and drawn again: ~10 ms of the article's first paint)."""
        await super()._ready()
        if self._start_document is not None and self._store is None:
            self._show_first(self._start_document)
        elif self._start_document is not None:
            self.open_document(self._start_document)

    def action_command_palette(self) -> None:
        """ctrl+p: the palette, with its input capped (ReaderPalette)."""
        from reader.ui.commands import ReaderPalette

        if self.use_command_palette and not ReaderPalette.is_open(self):
            self.push_screen(ReaderPalette(id="--command-palette"))

    def _handle_exception(self, error: Exception) -> None:
        """A crash: the words in any open note editor go to their draft file first (typed in
        the last moment, they were not written yet), then Textual ends the app (status 1)."""
        from contextlib import suppress

        with suppress(Exception):  # nothing here may hide the crash itself
            self._keep_typed_notes(crashed=True)
        with suppress(Exception):  # what the draft file could not take: a spill file
            self._spill_drafts_in_memory()
        super()._handle_exception(error)

    def _database_damaged(self, exc: ReaderError) -> None:
        """Stop at the first damaged page: nothing more is read or written there; notes being
        typed go to their draft files (beside the database, not in it) before the app ends."""
        if self.fatal_error is None:
            self.fatal_error = exc
            if self._keep_typed_notes():  # "changed nothing" alone read as words lost
                self.fatal_error = type(exc)(
                    f"{exc} The note you were typing is kept as a draft, outside the "
                    "library: once the library is restored, the article says so and `n` on "
                    "its passage brings it back."
                )
            self.exit(return_code=2)

    def _started(self) -> None:
        """After the first frame: collect garbage again; what start-up made stays (frozen)."""
        import gc

        gc.freeze()
        gc.enable()

    # -- the store, opened after the first frame when there is a document to show ---------------

    @property
    def store(self) -> Store:
        """The library; opened now if the first frame has not opened it yet (a quit at once)."""
        if self._store is None:
            self._open_store()
        assert self._store is not None
        return self._store

    @property
    def store_path(self) -> Path:
        """The library's file, without opening it: opening it on the screen's thread while the
        start document's save holds the write lock waited for it (a palette that did not
        answer), then stopped the app with a traceback (q during the save of a big file)."""
        from pathlib import Path

        if self._store is not None:
            return self._store.path
        assert self._db_path is not None
        return Path(self._db_path)

    def _open_store(self) -> None:
        """Open the store at the app's path; a file that cannot be used stops the app with
        status 2 and its one sentence, as when launch opened it (ReaderError propagates)."""
        from reader.errors import ReaderError
        from reader.store import Store
        from reader.store.db import INTERACTIVE_TIMEOUT
        from reader.ui.guard import GuardedStore

        assert self._db_path is not None
        try:
            store = Store.open(self._db_path)
            store.wait_for_locks(INTERACTIVE_TIMEOUT)
        except ReaderError as exc:
            if self.fatal_error is None:
                self.fatal_error = exc
                self.exit(return_code=2)
            raise
        self._own_store = store
        self._store = cast("Store", GuardedStore(store, self._database_damaged))

    def close_own_store(self) -> None:
        """Close the store this app opened (one given to it is its giver's to close)."""
        store, self._own_store = self._own_store, None
        if store is not None:
            store.close()

    def _show_first(
        self, document: Document, known: tuple[int, int] | None = None
    ) -> None:
        """Show the document before it is saved: the start document before the store is open,
        where the library says it was left (`peeked`), or a new text opened with ctrl+o
        (`known` None); it is saved once the first frame is out (`ready_record`)."""
        from reader.store.records import ArticleRecord, now, text_hash

        self._pending_document = document
        if known is None and self._peeked is not None and document is self._start_document:
            known = self._peeked.article
        article_id, position = known if known is not None else (0, 0)
        stamp = now()
        self._show_record(ArticleRecord(
            id=article_id, hash=text_hash(document.text), title=document.title,
            source=document.source, kind=document.kind, text=document.text, added=stamp,
            last_opened=stamp, position=position, byline=document.byline, date=document.date,
        ))

    async def ready_record(self, record: ArticleRecord) -> ArticleRecord | None:
        """The record as the library has it: the start document is saved here, after its first
        frame (sqlite-utils imported in a thread meanwhile); None when the app is stopping."""
        if self._pending_document is None:
            return record
        if self._store is None:
            import asyncio

            await asyncio.to_thread(_import_store)
        document, self._pending_document = self._pending_document, None
        if document is None:
            return record  # saved meanwhile, by a quit
        return await self._save_in_worker(document)

    def _save_pending(self) -> None:
        """Quitting before the start document was saved: save it now, as it always was."""
        document, self._pending_document = self._pending_document, None
        if document is not None:
            self._save_document(document)

    def take_runner(self) -> Runner | None:
        """The analysis process started at launch (spaCy already loading), once."""
        runner, self._runner = self._runner, None
        return runner

    def on_unmount(self) -> None:
        import sys

        fetch = sys.modules.get("reader.fetch")  # imported only if a URL was ever fetched
        if fetch is not None:
            fetch.cancel_all()
        runner = self.take_runner()
        if runner is not None:
            runner.close()

    @property
    def library_label(self) -> str:
        """The library screen's title names the database in use, so nobody has to guess."""
        return f"Library · {self.store.path.absolute()}"

    # -- navigation (the contract with the library screen) -------------------------------------

    def open_document(self, document: Document) -> None:
        """Save the document in the library (by content hash) and read it.

        When it cannot be saved (a full disk), it is shown all the same, and the reason stays
        on screen: never a blank screen, never a message that fades while nothing is kept.
        A text the library does not hold yet is shown at once and saved in a worker, as the
        start document is (reader.ui.first_save): ctrl+o of a file of 600,000 lines wrote its
        search index on the screen's thread, and no key was answered for seconds.
        """
        from reader.errors import ReaderError
        from reader.store.records import text_hash

        try:
            known = self.store.find_by_hash(text_hash(document.text))
        except ReaderError:
            if self.fatal_error is not None:
                return  # damaged or unusable: the app is stopping with its sentence
            known = None  # the save says why (and keeps the text on screen)
        if known is None:
            self._show_first(document)
            return
        record = self._save_document(document)
        if record is not None:
            self._show_record(record)

    def _save_document(self, document: Document) -> ArticleRecord | None:
        """The saved record, or an unsaved one with a lasting error; None when the database is
        damaged or cannot be opened (the app is stopping)."""
        from reader.errors import ReaderError

        self._back_to = ("articles", None, None)
        try:
            saved: ArticleRecord | ReaderError = self.store.save_article(document, opened=True)
        except ReaderError as exc:
            saved = exc
        return self._said_saved(document, saved)

    def _unsaved_record(self, document: Document) -> ArticleRecord:
        """The library's copy when there is one (its notes and position), else one in memory."""
        from reader.errors import ReaderError
        from reader.store import ArticleRecord, text_hash
        from reader.store.records import now

        digest = text_hash(document.text)
        try:
            return self.store.find_article(digest)
        except ReaderError:
            stamp = now()
            return ArticleRecord(
                id=0, hash=digest, title=document.title, source=document.source,
                kind=document.kind, text=document.text, added=stamp, last_opened=stamp,
                position=0, byline=document.byline, date=document.date,
            )

    def _lasting_error(self, message: str) -> None:
        """An error toast that stays until dismissed (click it), for what is still wrong."""
        self.notify(message, title="Not saved", severity="error", markup=False,
                    timeout=LASTING_TOAST)

    def open_article(
        self, article_id: int, at: int | None = None, back: Back | None = None,
        end: int | None = None, find: str = "", found: Sequence[tuple[int, int]] = (),
    ) -> None:
        """Read an article of the library, marking it as just read (shown even if that fails);
        `at` opens it at that offset (a search match, a quote) instead of where reading was,
        and with `end` the reading cursor is on the span [at, end), marked, as when a quote is
        chosen in the speakers panel (a quote's becomes the current quote);
        `back` is the library tab (person, quote) escape returns to, the articles by default;
        `find` is the search the match at `at` was found by, which `.` goes on with, through
        the spans `found` (the matches the library listed here) when given."""
        from reader.errors import DatabaseDamagedError, ReaderError

        self._back_to = back or ("articles", None, None)

        try:
            record = self.store.mark_opened(article_id)
        except DatabaseDamagedError:
            return
        except ReaderError as exc:
            try:
                record = self.store.get_article(article_id)
            except ReaderError:
                record = None
            if record is None:
                self.notify(str(exc), severity="error", markup=False)
                return
            self._lasting_error(str(exc))
        if record is None:
            self.notify(f"Article {article_id} is not in the library.", severity="error")
            return
        if at is not None:
            from dataclasses import replace

            at = max(0, min(at, len(record.text)))
            record = replace(record, position=at)
            target = (at, max(at, min(end, len(record.text)))) if end is not None else None
            self._show_record(record, target, find, found)
        else:
            self._show_record(record)
        self.check_source(record)  # its file changed since it was saved? (app_reread)

    def _show_record(
        self, record: ArticleRecord, target: tuple[int, int] | None = None, find: str = "",
        found: Sequence[tuple[int, int]] = (),
    ) -> None:
        from reader.ui.screens.article import ArticleScreen

        self._replace_top(ArticleScreen(record, model=self.model, target=target, find=find,
                                        found=found))

    def on_article_screen_back_to_library(self, message: Message) -> None:
        message.stop()
        tab, query, row = self._back_to
        if tab == "search":  # back to the search's results, on the row opened
            self.show_library_search(query or "", row[0] if row else 0)
        else:
            self.show_library(*self._back_to)

    def show_library(
        self, tab: str = "articles", person: str | None = None,
        quote: tuple[int, int] | None = None,
    ) -> None:
        from reader.ui.screens.library import LibraryScreen

        self._replace_top(LibraryScreen(tab, person, quote))

    def show_people(self) -> None:
        """The library's People tab."""
        from reader.ui.screens.library import PEOPLE, LibraryScreen

        if isinstance(self.screen, LibraryScreen):
            self.screen.show_tab(PEOPLE)
        else:
            self.show_library(PEOPLE)

    def show_library_search(self, query: str = "", row: int | None = None) -> None:
        from reader.ui.screens.library_search import LibrarySearchScreen

        self._replace_top(LibrarySearchScreen(query, row))

    def _replace_top(self, screen: object) -> None:
        """One content screen at a time above the default one: switch, or push the first."""
        from textual.screen import Screen

        assert isinstance(screen, Screen)
        while len(self.screen_stack) > 2 and self.screen.is_modal:
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

def _import_store() -> None:
    """sqlite-utils and the store's modules, imported off the event loop after the first frame."""
    import reader.store.store  # noqa: F401
