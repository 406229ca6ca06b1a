"""The article screen: the text, its quotes and entities, the side panel, search and notes.

The text is painted at once; the analysis comes from the store's cache or from a thread worker
that streams cumulative results, so highlights appear section by section.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import MountError
from textual.widgets import ProgressBar, Static

from reader.errors import ReaderError
from reader.sanitize import inert, one_line
from reader.ui.panel_size import COLLAPSE_BELOW, panel_bounds, panel_shown, panel_width_for
from reader.ui.position_tick import busy, not_waiting
from reader.ui.quote_index import QuoteIndex
from reader.ui.remember import remember_layout
from reader.ui.screens.article_analysis import AnalysisStatus
from reader.ui.screens.article_drafts import DRAFTS_CHECK_EVERY
from reader.ui.screens.article_escape import EscapeBack
from reader.ui.screens.article_hold import HeldForSave, TakesKeys
from reader.ui.screens.article_keys import ARTICLE_BINDINGS
from reader.ui.screens.article_notes import AnnotationActions, Change
from reader.ui.screens.article_opening import FieldOpening
from reader.ui.screens.article_panels import PanelActions
from reader.ui.screens.article_quotes import QuoteActions
from reader.ui.screens.article_search import SearchActions
from reader.ui.screens.article_title import TitleActions
from reader.ui.screens.article_worker import (
    PARALLEL_FROM_CHARS,
    AnalysisProgress,
    AnalysisRun,
    final_status,
)
from reader.ui.status_room import info_lines, summary_room
from reader.ui.widgets.article_search import Place
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entities_panel import EntitiesPanel
from reader.ui.widgets.header import ArticleHeader
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.side_panel import SidePanel
from reader.ui.widgets.speaker_panel import SpeakerPanel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.analysis.model import Analysis
    from reader.analysis.runner import Runner
    from reader.store import Annotation, ArticleRecord, Store
    from reader.ui.host import ReaderHost

__all__ = [
    "COLLAPSE_BELOW",
    "PARALLEL_FROM_CHARS",
    "AnalysisProgress",
    "ArticleScreen",
    "final_status",
    "panel_bounds",
]

#: Seconds between checks that save a changed reading position.
POSITION_SAVE_INTERVAL = 3.0
#: The actions of tab and shift+tab, which move the focus between the text and the panel.
FOCUS_MOVES = ("focus_next", "focus_previous")
#: Seconds the store, the panel and the analysis wait for the text's first frame at most.
PAINT_WAIT = 1.0


class ArticleScreen(
    AnalysisStatus,
    AnalysisRun,
    QuoteActions,
    PanelActions,
    SearchActions,
    FieldOpening,
    AnnotationActions,
    EscapeBack,
    HeldForSave,
    TitleActions,
    Screen[None],
):
    """One article. Owns the analysis worker and wires the store to the widgets."""

    HELP_TITLE = "Reading"
    #: The keys the footer gives room to first, the most wanted first (widgets/footer.py): at
    #: 80 columns it showed neither h nor n, the two a reader needs most; while selecting, esc
    #: and o (the other end), the selecting keys (there `/ Search` gives way at 80 columns);
    #: in the Speakers list `/` filters it.
    FOOTER_FIRST: ClassVar[tuple[str, ...]] = (
        "clear_selection", "swap_ends", "highlight", "note", "help", "search", "filter",
        "app.quit")
    AUTO_FOCUS = "#article"

    class BackToLibrary(Message):
        """The reader is leaving the article for the library (the app switches screens)."""

    BINDINGS: ClassVar[list[BindingType]] = ARTICLE_BINDINGS

    #: The width chosen with > and < (None: the default for the screen's width).
    panel_width: reactive[int | None] = reactive(None, init=False)
    #: The window's width when panel_width was chosen (its share holds in other widths).
    panel_at: int | None = None
    panel_visible: reactive[bool] = reactive(True, init=False)
    #: Shown by p or t in a cramped window, where the panel otherwise gives way (panel_size).
    panel_asked = False

    def __init__(
        self, record: ArticleRecord, *, model: str | None = None,
        target: tuple[int, int] | None = None, find: str = "",
        found: Sequence[tuple[int, int]] = (),
    ) -> None:
        super().__init__()
        self.record = record
        #: The span opened at (a quote or a match chosen in the library): the cursor starts on
        #: it, and a quote there becomes the current one when the analysis names it.
        self.target = target
        self.model = model
        self.analysis: Analysis | None = None
        self.analysis_complete = False
        self.slots: dict[str, int] = {}
        self.current_speaker: str | None = None
        self.current_quote: int | None = None
        #: The search, as typed (or as found in the library: `find`, the match at `target`).
        self.search_query = find
        self.found_spans = list(found)  # the library's matches of `find` here (article_search)
        #: The span of the match the search last moved to.
        self.last_match: tuple[int, int] | None = None
        #: Where the cursor was when the search bar opened: typing searches from there.
        self._search_origin: int | None = None
        #: Where the reader was when the search bar opened: escape while typing goes back.
        self._search_place: Place | None = None
        #: The query is being typed (from `/` to enter or escape).
        self._typing_query = False
        #: The note editor `n` opened, which takes the keys still on their way to the article.
        self._typing_to: TakesKeys | None = None
        #: The last action's message on the status line ("" when there is none).
        self._message = ""
        #: Each quote's number among its speaker's quotes, for the analysis it was made from.
        self._quote_index = QuoteIndex()
        self.annotations: list[Annotation] = []
        self.undo_stack: list[Change] = []
        self.last_color = 1
        #: `h` just highlighted: the next escape lets go of it rather than leave.
        self._just_highlighted = False
        self._model_id = ""
        self._saved_position: int | None = record.position
        self._panels_refreshed = 0.0
        self._stale_tabs: set[str] = set()
        #: The analysis process, closed when the screen goes (quit, library, another article).
        self._runner: Runner | None = None
        #: How many of the analysis' entities the view has, and the last one's span.
        self._entities_shown = 0
        self._entity_tail: tuple[int, int] | None = None
        #: The work after the first frame has begun; the timer starts it if no frame comes.
        self._painted = False
        self._paint_fallback: Timer | None = None

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        record = self.record
        yield ArticleHeader(
            record.title, record.source, byline=record.byline, date=record.date,
            id="article-header",
        )
        with Horizontal(id="body"):
            yield ArticleView(id="article")
            yield SidePanel(id="side")
        search = SearchBar(id="search")
        search.display = False
        yield search
        with Horizontal(id="status"):
            yield Static(Content("analysing…"), id="status-text", markup=False)
            yield ProgressBar(total=100, show_eta=False, show_percentage=False, id="progress")
            yield Static("", id="status-info", markup=False)
            yield Static("", id="status-position", markup=False)
        # The Footer (a widget per key) is mounted right after the first frame: text first.

    @property
    def view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def side(self) -> SidePanel:
        return self.query_one("#side", SidePanel)

    @property
    def speaker_panel(self) -> SpeakerPanel:
        return self.query_one("#speaker-panel", SpeakerPanel)

    @property
    def entities_panel(self) -> EntitiesPanel:
        return self.query_one("#entities-panel", EntitiesPanel)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one("#search", SearchBar)

    @property
    def store(self) -> Store:
        return self.reader_app.store

    @property
    def reader_app(self) -> ReaderHost:
        """The app as this screen may use it: its store and its prestarted runner."""
        return self.app  # type: ignore[return-value]

    @property
    def status_text(self) -> str:
        """What the status line says (the benchmarks and tests wait for it)."""
        return str(self.query_one("#status-text", Static).content)

    def set_status(self, text: str) -> None:
        self.query_one("#status-text", Static).update(Content(text))
        self._fit_status()
        self.call_after_refresh(self._fit_status)  # once a class change (-stopped) is styled

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Toasts here may quote the article (names, passages): always inert, never markup."""
        super().notify(
            inert(message), title=inert(title), severity=severity, timeout=timeout, markup=False
        )

    def set_info(self, text: str) -> None:
        """Say what an action did, on the right of the status line, until the next key; then
        it shows what is under the reading cursor again. May carry article data (names), so
        made inert here; "" clears the message."""
        self._message = one_line(text)
        self._show_info()

    def _show_info(self) -> None:
        text = self._message or self._context_info()
        info = self.query_one("#status-info", Static)
        if str(info.content) != text:  # on every cursor move: the rest only on a change
            info.update(Content(text))
            self._fit_status()

    def _fit_status(self) -> None:
        """The summary on the left gives way (cut with an ellipsis) so the right half is read
        whole: it says what the last key did, or whose quote the cursor is on."""
        try:
            status = self.query_one("#status")
            summary = self.query_one("#status-text", Static)
            info = str(self.query_one("#status-info", Static).content)
            bar = self.query_one("#progress", ProgressBar)
        except NoMatches:  # the screen is being taken down (a refresh after it left)
            return
        total = (self.size.width or self.app.size.width) - status.styles.gutter.width
        if total <= 0:
            return
        taken = bar.outer_size.width if bar.display else 0
        cap = summary.styles.base.max_width
        limit = int(cap.resolve(Size(total, 1), self.app.size)) if cap is not None else total
        summary.styles.max_width = summary_room(total, info, cap=limit, taken=taken)
        # A message too long for one row wraps to two; the cursor's context keeps one row (cut
        # with an ellipsis): it changes at every j, and the text's height with it would too.
        lines = info_lines(total, info, taken=taken) if self._message else 1
        shown = self.query_one("#status-info").styles
        shown.text_wrap, shown.text_overflow = ("wrap", "fold") if lines > 1 else (
            "nowrap", "ellipsis")
        if status.styles.height is None or status.styles.height.value != lines:
            status.styles.height = lines
            self.call_after_refresh(self.view.keep_cursor_in_view)  # the text's height changed

    def show_position(self) -> None:
        """How far through the text the reading cursor is, as less shows it: "42%"."""
        length = len(self.record.text)
        percent = 100 if not length else round(100 * self.view.cursor_span[1] / length)
        self.query_one("#status-position", Static).update(Content(f"{percent}%"))

    def _context_info(self) -> str:
        """What the status line says between messages: the quote under the reading cursor."""
        if self.analysis is None:
            return ""
        mark = self.view.quote_at_cursor()
        quote = self.quote(mark.quote_id) if mark is not None else None
        return self._quote_info(quote) if quote is not None else ""

    async def on_key(self, event: events.Key) -> None:
        """Every key ends the last action's message (its binding runs after this).

        `/`, `n` and tab act here, in turn with the keys typed after them: the search input
        (the note editor, the speakers panel) takes the focus only once those are on their way
        to the article, so a query, a note or a filter typed (or sent) in one burst goes to it,
        never to the article's keys (e for entities, h highlight…)."""
        if self.hold_key(event):
            return  # it needs the article in the library: it acts once the save is done
        if self._message:
            self._message = ""
            self._show_info()
        if event.key != "escape":
            self._just_highlighted = self._leave_armed = False
        editor = self.typing_to()
        if editor is not None:
            editor.take_key(event)  # typed after `n`, before the editor had the focus
            return
        if self.said_outdated(event.key):  # h, n, x… blocked by another window's newer text
            event.stop()
            return
        active = self.active_bindings.get(event.key)
        if active is not None and active.binding.action == "note":
            # As `/`: the keys typed after it go to the editor, not to the article's keys.
            event.stop()
            event.prevent_default()
            self.begin_note()
        elif active is not None and active.binding.action == "search":
            event.stop()  # (the app opens it first, ReaderApp.on_event, when no key was on its way)
            event.prevent_default()
            self._typing_query = True
            self.action_search()
        elif active is not None and active.binding.action.endswith(FOCUS_MOVES):
            # tab acts here too: the letters typed after it reach the speakers' filter.
            event.stop()
            event.prevent_default()
            if active.binding.action.endswith("focus_next"):
                self.focus_next()
            else:
                self.focus_previous()
        elif isinstance(self.focused, SpeakerPanel) and event.is_printable:
            self.focused.take_key(event)  # typed after tab, on its way from the text
        elif self._typing_query and event.is_printable and event.character:
            # Typed after a `/` that came here in its turn (keys before it were on their way).
            event.stop()
            event.prevent_default()
            self.search_bar.type(event.character)

    def on_mount(self) -> None:
        self.view.set_text(self.record.text)
        if self.target is not None:
            self.view.focus_span(*self.target)
            if self.search_query:
                self.resume_search(self.target[0])
        elif self.record.position:
            self.view.restore_position(self.record.position)
        self.show_position()
        self.watch(self.app, "theme", self._theme_changed, init=False)
        remember_layout(self)
        self._apply_panel_layout()
        self.set_interval(POSITION_SAVE_INTERVAL, self._save_position_tick)
        self.set_interval(DRAFTS_CHECK_EVERY, self.refresh_drafts)  # other windows' drafts
        self.set_interval(DRAFTS_CHECK_EVERY, self.refresh_annotations)  # and stored notes
        # The text must be on screen before the panel, the notes and the analysis: they wait
        # for the view's first frame (ArticleView.Painted), or this long if it never draws
        # (a terminal too small to show a line of it).
        self._paint_fallback = self.set_timer(PAINT_WAIT, self._after_first_paint)

    async def on_article_view_painted(self, message: ArticleView.Painted) -> None:
        message.stop()
        await self._after_first_paint()

    async def _after_first_paint(self) -> None:
        if self._painted:
            return  # once: at the first frame or the fallback, whichever comes first
        self._painted = True
        if self._paint_fallback is not None:
            self._paint_fallback.stop()
        from reader.ui.textual_private import closing
        from reader.ui.widgets.footer import FittingFooter

        # The library's modules load in a thread while the footer mounts.
        saved = asyncio.ensure_future(self.reader_app.ready_record(self.record))
        try:
            await self.mount(FittingFooter())
        except MountError:
            app = self.app
            # exit() always sets return_code (Textual 8); closing has no public flag.
            if app.return_code is not None or closing(app):
                return  # the app is quitting at its first frame (a crash, status 1, had said so)
            raise  # any other MountError is a fault, not to be hidden
        self.refresh_bindings()  # a Footer mounted late has not heard the bindings yet
        await self.side.build()
        # Awaited in a worker, not here: this handler holds the screen's keys (article_hold).
        self.run_worker(self._when_saved(saved), name="saved", group="article-saved")

    async def _when_saved(self, saved: asyncio.Future[ArticleRecord | None]) -> None:
        """Once the article is in the library: its id, notes, drafts, analysis, held keys."""
        record = await saved
        if record is None:
            return  # the database cannot be used: the app is stopping with its sentence
        self._adopt(record)
        self.release_keys()
        self.reader_app.start_taken()  # a quit typed meanwhile leaves now, position stored
        self._load_annotations()
        self.offer_kept_drafts()
        self.start_analysis()

    def _adopt(self, record: ArticleRecord) -> None:
        """The library's record of the text shown (saved after the first frame): its id, and
        its reading position when the peek before the first frame could not tell it."""
        shown, self.record = self.record, record
        if record.title != shown.title:  # a title the reader set (T) outlives the first line
            self.query_one(ArticleHeader).set_title(record.title)
        if record.position != shown.position:
            self.view.restore_position(record.position)
            self.show_position()
        self._saved_position = record.position

    def on_resize(self) -> None:
        self._apply_panel_layout()
        self._fit_status()

    def watch_panel_width(self) -> None:
        self._apply_panel_layout()

    def watch_panel_visible(self) -> None:
        self._apply_panel_layout()

    def _apply_panel_layout(self) -> None:
        width = self.size.width or self.app.size.width
        side = self.side
        collapsed = width < COLLAPSE_BELOW
        side.display = panel_shown(width, self.panel_visible, self.panel_asked)
        if not side.display and side.has_focus_within:
            self.view.focus()
        side.styles.width = panel_width_for(width, self.panel_width, self.panel_at)
        self.set_class(collapsed, "-collapsed")

    # -- reading position ----------------------------------------------------------------------

    def _save_position_tick(self) -> None:
        """Every few seconds, never waiting for another program's lock (position_tick); not
        while the article is being saved (the library may not even be open yet)."""
        if self.saving:
            return
        with not_waiting(self.store):
            self.save_position(quiet=True)

    def save_position(self, *, quiet: bool = False) -> None:
        """Store the reading position when it changed (called periodically and on leaving):
        the first line shown or the cursor's sentence, one offset (`ArticleView.reading_position`)
        from which reopening restores both the scroll and the cursor."""
        if not self.is_mounted or self.saving:
            return  # not in the library yet: the app leaves once it is (ReaderApp._leave)
        try:
            offset = self.view.reading_position
        except Exception:  # the view is already gone
            return
        if offset == self._saved_position:
            return
        try:
            self.store.set_position(self.record.id, offset)
        except ReaderError as exc:
            if not (quiet and busy(exc)):  # else the next tick saves it
                self.notify(str(exc), severity="warning", markup=False)
            return
        self._saved_position = offset

    def on_screen_suspend(self) -> None:
        self.save_position()

    def on_unmount(self) -> None:
        """Stop the analysis process: nothing half-done is cached, nothing keeps running."""
        self.forget_newer_text()
        if self._runner is not None:
            self._runner.close()
