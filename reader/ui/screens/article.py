"""The article screen: the text, its quotes and entities, the side panel, search and notes.

The text is painted at once; the analysis comes from the store's cache or from a thread worker
that streams cumulative results, so highlights appear section by section.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static, TabbedContent
from textual.worker import Worker, WorkerState, get_current_worker

from reader.analysis.model import ENGINE_VERSION, Analysis, Delta, Quote
from reader.errors import ReaderError
from reader.sanitize import inert, one_line
from reader.ui.panel_size import PANEL_STEP, panel_bounds, panel_width_for
from reader.ui.remember import remember_layout
from reader.ui.screens.article_analysis import PANEL_REFRESH_INTERVAL, AnalysisStatus
from reader.ui.screens.article_notes import AnnotationActions, Change
from reader.ui.screens.help import HelpScreen, collect_bindings
from reader.ui.screens.legend import Legend, LegendScreen
from reader.ui.widgets.article_view import ArticleView, EntityMark, QuoteMark
from reader.ui.widgets.entities_panel import EntitiesPanel
from reader.ui.widgets.header import ArticleHeader
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.side_panel import SidePanel
from reader.ui.widgets.speaker_panel import SpeakerPanel, plural, speaker_order, speaker_slots

if TYPE_CHECKING:
    from reader.analysis.runner import Runner
    from reader.store import Annotation, ArticleRecord, Store
    from reader.ui.host import ReaderHost

#: Below this screen width the panel collapses.
COLLAPSE_BELOW = 60
#: Seconds between checks that save a changed reading position.
POSITION_SAVE_INTERVAL = 3.0
#: Seconds a short notice (a wrap round, a limit reached) stays up.
NOTICE_SECONDS = 2.5
#: From this length on, the analysis process parses with two processes (at a lower priority
#: than the reader, so drawing keeps a core): a book is done about a quarter sooner.
PARALLEL_FROM_CHARS = 200_000


def final_status(analysis: Analysis) -> str:
    """The status once the analysis is complete: "15 quotes · 4 speakers · 30 entities"."""
    return " · ".join(
        [
            plural(len(analysis.quotes), "quote"),
            plural(len(analysis.speakers), "speaker"),
            plural(len(analysis.entities), "entity", "entities"),
        ]
    )


class AnalysisProgress(Message):
    """What the analysis of text[:done] changed (``deltas``, in order) in the stream from
    ``source``. Textual asks the message it is about to handle whether the next one may stand
    in for it: it may, carrying this one's deltas first, so a flood collapses and loses nothing.
    """

    def __init__(self, source: object, done: int, total: int, delta: Delta) -> None:
        super().__init__()
        self.source = source
        self.done = done
        self.total = total
        self.deltas = [delta]

    def can_replace(self, message: Message) -> bool:
        if isinstance(message, AnalysisProgress) and message.source is self.source:
            message.deltas[:0] = self.deltas
            return True
        return False


class ArticleScreen(AnalysisStatus, AnnotationActions, Screen[None]):
    """One article. Owns the analysis worker and wires the store to the widgets."""

    HELP_TITLE = "Reading"
    AUTO_FOCUS = "#article"

    class BackToLibrary(Message):
        """The reader is leaving the article for the library (the app switches screens)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "q",
            "app.quit",
            "Quit",
            id="reading.quit",
            tooltip="Save the reading position and quit (as in less)",
        ),
        Binding("question_mark", "help", "Help", id="reading.help", tooltip="List every key"),
        Binding("slash", "search", "Search", id="reading.search", tooltip="Find text"),
        Binding("full_stop", "next_match", "Next match", show=False, id="reading.next_match"),
        Binding("comma", "previous_match", "Prev match", show=False, id="reading.prev_match"),
        Binding(
            "s",
            "speaker_quote(1)",
            "Speaker's next",
            id="reading.speaker_next",
            tooltip="Jump to the next quote of the current speaker",
        ),
        Binding(
            "S",
            "speaker_quote(-1)",
            "Speaker's previous",
            show=False,
            id="reading.speaker_previous",
            tooltip="Jump to the previous quote of the current speaker",
        ),
        Binding(
            "quotation_mark",
            "toggle_quotes",
            "Quotes",
            id="reading.toggle_quotes",
            tooltip="Show or hide the quote highlights",
        ),
        Binding(
            "e",
            "toggle_entities",
            "Entities",
            id="reading.toggle_entities",
            tooltip="Show or hide the entity marks",
        ),
        Binding("l", "legend", "Legend", id="reading.legend", tooltip="What the colours mean"),
        Binding(
            "p",
            "toggle_panel",
            "Panel",
            id="reading.toggle_panel",
            tooltip="Hide or show the side panel",
        ),
        Binding(
            "t",
            "next_tab",
            "Next tab",
            show=False,
            id="reading.next_tab",
            tooltip="Speakers, Entities, Notes",
        ),
        Binding(
            "greater_than_sign",
            "resize_panel(1)",
            "Widen panel",
            show=False,
            id="reading.widen_panel",
        ),
        Binding(
            "less_than_sign",
            "resize_panel(-1)",
            "Narrow panel",
            show=False,
            id="reading.narrow_panel",
        ),
        Binding(
            "h",
            "highlight",
            "Highlight",
            id="reading.highlight",
            tooltip="Highlight the selection, or the current sentence",
        ),
        Binding(
            "n",
            "note",
            "Note",
            id="reading.note",
            tooltip="Add or edit the note on the highlight under the cursor",
        ),
        *[
            Binding(
                str(n),
                f"color({n})",
                f"Colour {n}",
                show=False,
                id=f"reading.color_{n}",
                tooltip="Give the highlight under the cursor colour 1-5",
            )
            for n in range(1, 6)
        ],
        Binding(
            "x", "delete_highlight", "Delete highlight", show=False, id="reading.delete_highlight"
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            show=False,
            id="reading.undo",
            tooltip="Undo the last highlight, note or deletion",
        ),
        Binding(
            "y",
            "copy_passage",
            "Copy",
            show=False,
            id="reading.copy_passage",
            tooltip="Copy the quote or highlight under the cursor",
        ),
        Binding(
            "Y",
            "copy_notes",
            "Copy notes",
            show=False,
            id="reading.copy_notes",
            tooltip="Copy all notes of this article as Markdown",
        ),
        Binding(
            "escape",
            "back",
            "Library",
            show=False,
            id="reading.back",
            tooltip="Close the search, or go back to the library",
        ),
    ]

    #: The width chosen with > and < (None: the default for the screen's width).
    panel_width: reactive[int | None] = reactive(None, init=False)
    panel_visible: reactive[bool] = reactive(True, init=False)

    def __init__(self, record: ArticleRecord, *, model: str | None = None) -> None:
        super().__init__()
        self.record = record
        self.model = model
        self.analysis: Analysis | None = None
        self.analysis_complete = False
        self.slots: dict[str, int] = {}
        self.current_speaker: str | None = None
        self.current_quote: int | None = None
        self.search_query = ""
        #: The span of the match the search last moved to.
        self.last_match: tuple[int, int] | None = None
        #: Where the cursor was when the search bar opened: typing searches from there.
        self._search_origin: int | None = None
        #: The query is being typed (from `/` to enter or escape).
        self._typing_query = False
        #: The last action's message on the status line ("" when there is none).
        self._message = ""
        #: Each quote's number among its speaker's quotes, for the analysis it was made from.
        self._quote_index: tuple[Analysis | None, dict[int, tuple[int, int]]] = (None, {})
        self.annotations: list[Annotation] = []
        self.undo_stack: list[Change] = []
        self.last_color = 1
        self._model_id = ""
        self._saved_position: int | None = record.position
        self._panels_refreshed = 0.0
        self._stale_tabs: set[str] = set()
        #: The analysis process, closed when the screen goes (quit, library, another article).
        self._runner: Runner | None = None
        #: How many of the analysis' entities the view has, and the last one's span.
        self._entities_shown = 0
        self._entity_tail: tuple[int, int] | None = None

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ArticleHeader(self.record.title, self.record.source, id="article-header")
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
        if str(info.content) != text:
            info.update(Content(text))

    def _context_info(self) -> str:
        """What the status line says between messages: the quote under the reading cursor."""
        if self.analysis is None:
            return ""
        mark = self.view.quote_at_cursor()
        quote = self.quote(mark.quote_id) if mark is not None else None
        return self._quote_info(quote) if quote is not None else ""

    async def on_key(self, event: events.Key) -> None:
        """Every key ends the last action's message (its binding runs after this).

        `/` acts here, in turn with the keys typed after it: the search input takes the focus
        only once those are on their way to the article, so a query typed (or sent) in one
        burst goes to the search, never to the article's keys (e for entities, l legend…)."""
        if self._message:
            self._message = ""
            self._show_info()
        active = self.active_bindings.get(event.key)
        if active is not None and active.binding.action == "search":
            event.stop()
            event.prevent_default()
            self._typing_query = True
            self.action_search()
        elif self._typing_query and event.is_printable and event.character:
            # Printable keys typed in the search input never get here: the input keeps them.
            event.stop()
            event.prevent_default()
            self.search_bar.type(event.character)

    def on_mount(self) -> None:
        self.view.set_text(self.record.text)
        if self.record.position:
            self.view.restore_position(self.record.position)
        self.watch(self.app, "theme", self._theme_changed, init=False)
        remember_layout(self)
        self._apply_panel_layout()
        self.set_interval(POSITION_SAVE_INTERVAL, self.save_position)
        # The text must be on screen before the panel, the notes and the analysis.
        self.call_after_refresh(self._after_first_paint)

    async def _after_first_paint(self) -> None:
        await self.mount(Footer())
        self.refresh_bindings()  # a Footer mounted late has not heard the bindings yet
        await self.side.build()
        self._load_annotations()
        self.start_analysis()

    def on_resize(self) -> None:
        self._apply_panel_layout()

    def watch_panel_width(self) -> None:
        self._apply_panel_layout()

    def watch_panel_visible(self) -> None:
        self._apply_panel_layout()

    def _apply_panel_layout(self) -> None:
        width = self.size.width or self.app.size.width
        side = self.side
        collapsed = width < COLLAPSE_BELOW
        side.display = self.panel_visible and not collapsed
        side.styles.width = panel_width_for(width, self.panel_width)
        self.set_class(collapsed, "-collapsed")

    # -- analysis ------------------------------------------------------------------------------

    def start_analysis(self) -> None:
        """Apply a cached analysis (no spaCy import at all) or start the worker."""
        from reader.analysis.nlp import model_id

        try:
            self._model_id = model_id(self.model)
        except ReaderError as exc:
            self._analysis_failed(str(exc))
            return
        try:
            cached = self.store.cached_analysis(self.record.hash, self._model_id, ENGINE_VERSION)
        except ReaderError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            cached = None
        if cached is not None:
            self._apply_analysis(cached, complete=True)
            return
        self._show_progress(0, len(self.record.text))
        self.run_analysis(self.reader_app.take_runner())

    @work(
        thread=True,
        exclusive=True,
        group="analysis",
        exit_on_error=False,
        description="Analysing the article",
    )
    def run_analysis(self, runner: Runner | None = None) -> Analysis | None:
        """Stream each step's changes to the screen; the complete analysis is the result.

        spaCy runs in a child process (the one launch started, if any), so this process keeps
        its core and its GIL for drawing: page-down stays smooth while a book is analysed.
        """
        from reader.analysis.runner import prestart

        worker = get_current_worker()
        text = self.record.text
        if runner is None:
            runner = prestart(self.model)
        self._runner = runner
        if worker.is_cancelled:  # left before the process existed
            runner.close()
            return None
        processes = 2 if len(text) >= PARALLEL_FROM_CHARS else 1
        stream = runner.analyze(text, processes=processes)
        last = None
        try:
            for progress in stream:
                if worker.is_cancelled:
                    return None
                last = progress
                self.post_message(
                    AnalysisProgress(runner, progress.done, progress.total, progress.delta)
                )
        finally:
            stream.close()
        if last is None:
            return Analysis(model=self._model_id)
        return last.analysis if last.done >= last.total else None

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        if self.analysis_complete:
            return
        self._follow_analysis(message.source, message.deltas)
        self._show_progress(message.done, message.total)
        # A book's analysis grows to ~100k objects; a full collection traversing them all
        # stalled keys for ~40 ms. Frozen, they are skipped by the cyclic collector (still
        # freed by reference counting); everything is unfrozen once the analysis is complete.
        gc.freeze()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker outcomes are handled: a failure is a notice, never a crash."""
        if event.worker.group != "analysis":
            return
        if event.state == WorkerState.SUCCESS:
            analysis = event.worker.result
            if isinstance(analysis, Analysis):
                self._apply_analysis(analysis, complete=True)
                try:
                    self.store.cache_analysis(
                        self.record.hash, self._model_id, ENGINE_VERSION, analysis
                    )
                except ReaderError as exc:
                    self.notify(str(exc), severity="warning", markup=False)
        elif event.state == WorkerState.ERROR:
            self._analysis_error(event.worker.error)

    def _apply_analysis(self, analysis: Analysis, *, complete: bool) -> None:
        if analysis is self.analysis and complete == self.analysis_complete:
            return
        self.analysis = analysis
        self.analysis_complete = complete
        self.slots = speaker_slots(analysis)
        view = self.view
        view.set_quotes(
            [
                QuoteMark(q.start, q.end, q.id, self.slots.get(q.speaker) if q.speaker else None)
                for q in analysis.quotes
            ]
        )
        self._show_entities(analysis)
        now = time.monotonic()
        if complete or now - self._panels_refreshed >= PANEL_REFRESH_INTERVAL:
            self._panels_refreshed = now
            self._refresh_panels()
        if complete:
            gc.unfreeze()
            self.query_one("#progress", ProgressBar).display = False
            self.set_status(final_status(analysis))
            self._show_info()
            self.speaker_panel.set_empty_text("No quotes found.")
            self.entities_panel.set_empty_text("No entities found.")

    def _show_entities(self, analysis: Analysis) -> None:
        """Streamed analyses only add entities further on: send the view just the new ones."""
        entities = analysis.entities
        shown = self._entities_shown
        view = self.view
        if shown and len(entities) >= shown and self._entity_tail == (
            entities[shown - 1].start,
            entities[shown - 1].end,
        ):
            view.add_entities([EntityMark(e.start, e.end, e.label) for e in entities[shown:]])
        else:
            view.set_entities([EntityMark(e.start, e.end, e.label) for e in entities])
        self._entities_shown = len(entities)
        self._entity_tail = (entities[-1].start, entities[-1].end) if entities else None

    # -- colours -------------------------------------------------------------------------------

    @property
    def dark(self) -> bool:
        return self.app.current_theme.dark

    def speaker_colors(self) -> dict[int, Color]:
        from reader.ui.palette import speaker_color

        return {slot: speaker_color(slot, self.dark) for slot in self.slots.values()}

    def neutral_color(self) -> Color:
        """Card colour of the Unattributed card: a grey that reads on both themes."""
        return Color(150, 150, 150) if self.dark else Color(110, 110, 110)

    def entity_color(self, label: str) -> Color | None:
        from reader.ui.palette import entity_color

        return entity_color(label, self.dark)

    def _refresh_panels(self) -> None:
        """Rebuild the panel on show; the hidden one is rebuilt when its tab is opened."""
        self._stale_tabs = {"speakers", "entities"}
        self._refresh_tab(self.side.tabs.active if self.side.built else "")

    def _refresh_tab(self, tab: str) -> None:
        analysis = self.analysis
        if analysis is None or tab not in self._stale_tabs:
            return
        self._stale_tabs.discard(tab)
        if tab == "speakers":
            self.speaker_panel.set_analysis(analysis, self.speaker_colors(), self.neutral_color())
        elif tab == "entities":
            self.entities_panel.set_entities(analysis.entities, self.entity_color)

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._refresh_tab(event.pane.id or "")

    def _theme_changed(self) -> None:
        self._refresh_panels()
        self._refresh_notes()

    # -- quotes and speakers -------------------------------------------------------------------

    def quote(self, quote_id: int) -> Quote | None:
        if self.analysis is None:
            return None
        for q in self.analysis.quotes:
            if q.id == quote_id:
                return q
        return None

    def go_to_quote(self, quote: Quote) -> None:
        self.current_quote = quote.id
        self.current_speaker = quote.speaker
        self.view.cursor_to_offset(quote.start)
        self.view.focus_span(quote.start, quote.end)
        self.speaker_panel.show_quote(quote.id)
        self._show_info()

    def _quote_info(self, quote: Quote) -> str:
        """"Benny Gantz · quote 2 of 7" (asked at every cursor move: indexed once per analysis)."""
        if self._quote_index[0] is not self.analysis:
            index: dict[int, tuple[int, int]] = {}
            speakers: dict[str | None, list[Quote]] = {}
            for q in self.analysis.quotes if self.analysis else []:
                speakers.setdefault(q.speaker, []).append(q)
            for same in speakers.values():
                same.sort(key=lambda q: q.start)
                for i, q in enumerate(same):
                    index[q.id] = (i + 1, len(same))
            self._quote_index = (self.analysis, index)
        number, count = self._quote_index[1].get(quote.id, (1, 1))
        return f"{quote.speaker or 'Unattributed'} · quote {number} of {count}"

    def _speaker_quotes(self, speaker: str | None) -> list[Quote]:
        if self.analysis is None:
            return []
        return sorted(
            (q for q in self.analysis.quotes if q.speaker == speaker), key=lambda q: q.start
        )

    @on(SpeakerPanel.QuoteChosen)
    def _quote_chosen(self, event: SpeakerPanel.QuoteChosen) -> None:
        quote = self.quote(event.quote_id)
        if quote is not None:
            self.go_to_quote(quote)

    @on(SpeakerPanel.SpeakerChosen)
    def _speaker_chosen(self, event: SpeakerPanel.SpeakerChosen) -> None:
        quotes = self._speaker_quotes(event.name)
        if quotes:
            self.go_to_quote(quotes[0])

    @on(ArticleView.QuoteFocused)
    def _quote_focused(self, event: ArticleView.QuoteFocused) -> None:
        quote = self.quote(event.quote_id)
        if quote is not None:
            self.current_quote = quote.id
            self.current_speaker = quote.speaker
            self.speaker_panel.show_quote(quote.id)
            self._show_info()
            if event.wrapped:
                first = "first" if self.view.quotes[0].quote_id == quote.id else "last"
                self.notify(f"Wrapped to the {first} quote.", timeout=NOTICE_SECONDS)

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        """Keep the status line and the Notes tab's cursor on what the reading cursor is in."""
        self._show_info()
        mark = self.view.highlight_at_cursor()
        if mark is None:
            return
        from reader.ui.widgets.notes_panel import NotesPanel

        for panel in self.query(NotesPanel):
            panel.highlight(mark.ann_id)

    def action_speaker_quote(self, step: int) -> None:
        """Next (or previous) quote of the current speaker: the one under the cursor, the one
        last jumped to, or else the most quoted; from the quote last jumped to while the
        cursor is on it, else from the cursor (after moving away, it goes on from there)."""
        if self.analysis is None or not self.analysis.quotes:
            self.set_info("no quotes yet")
            return
        speaker = self.current_speaker
        here = self.view.quote_at_cursor()
        if here is not None and (self.current_quote is None or here.quote_id != self.current_quote):
            quote = self.quote(here.quote_id)
            if quote is not None:
                speaker = quote.speaker
        if speaker is None and self.current_quote is None and here is None:
            ordered = speaker_order(self.analysis)
            speaker = ordered[0].name if ordered else None
        quotes = self._speaker_quotes(speaker)
        if not quotes:
            return
        current = self.quote(self.current_quote) if self.current_quote is not None else None
        on_current = current is not None and here is not None and here.quote_id == current.id
        position = current.start if current and on_current and current.speaker == speaker else None
        if position is None:
            position = self.view.cursor_span[0]
            # From a position before any of them, "next" is the first.
            ahead = (
                [q for q in quotes if q.start >= position]
                if step > 0
                else [q for q in quotes if q.start < position]
            )
        else:
            ahead = (
                [q for q in quotes if q.start > position]
                if step > 0
                else [q for q in quotes if q.start < position]
            )
        if ahead:
            target = ahead[0] if step > 0 else ahead[-1]
        else:
            target = quotes[0] if step > 0 else quotes[-1]  # wrap around
        self.go_to_quote(target)
        if not ahead and len(quotes) > 1:
            who = f"{speaker}’s" if speaker else "the unattributed"
            first = "first" if step > 0 else "last"
            self.notify(f"Wrapped to {who} {first} quote.", timeout=NOTICE_SECONDS)
        elif not ahead:
            only = f"the only quote by {speaker}" if speaker else "the only unattributed quote"
            self.set_info(only)

    @on(EntitiesPanel.Chosen)
    def _entity_chosen(self, event: EntitiesPanel.Chosen) -> None:
        self.view.cursor_to_offset(event.start)
        self.view.focus_span(event.start, event.end)
        self.set_info(f"{' '.join(event.text.split())} · {event.index + 1} of {event.count}")

    # -- layers, panel, screens ----------------------------------------------------------------

    def action_toggle_quotes(self) -> None:
        view = self.view
        view.show_quotes = not view.show_quotes
        self.set_info("quotes shown" if view.show_quotes else "quotes hidden")

    def action_toggle_entities(self) -> None:
        view = self.view
        view.show_entities = not view.show_entities
        self.set_info("entities shown" if view.show_entities else "entities hidden")

    def action_toggle_panel(self) -> None:
        if self.size.width < COLLAPSE_BELOW:
            self.set_info("the window is too narrow for the panel")
            return
        self.panel_visible = not self.panel_visible
        if not self.panel_visible and self.side.has_focus_within:
            self.view.focus()

    def action_resize_panel(self, direction: int) -> None:
        """Widen or narrow the panel by a step; at a limit, or when the window has no room for
        the panel, say so rather than do nothing."""
        width = self.size.width
        if width < COLLAPSE_BELOW:
            self.notify(
                f"The window is too narrow for the panel (it needs {COLLAPSE_BELOW} columns).",
                timeout=NOTICE_SECONDS,
            )
            return
        if not self.panel_visible:
            self.panel_visible = True  # showing it is the visible change
            return
        narrowest, widest = panel_bounds(width)
        current = panel_width_for(width, self.panel_width)
        target = max(narrowest, min(widest, current + direction * PANEL_STEP))
        if target == current:
            limit = (
                f"as wide as this window allows ({widest} columns)"
                if direction > 0
                else f"at its narrowest ({narrowest} columns)"
            )
            self.notify(f"The panel is {limit}.", timeout=NOTICE_SECONDS)
            return
        self.panel_width = target
        self.set_info(f"panel {target} columns")

    def action_next_tab(self) -> None:
        if not self.side.built:
            return
        if not self.panel_visible:
            self.panel_visible = True
        self.side.next_tab()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(collect_bindings(self)))

    def action_legend(self) -> None:
        from reader.ui.palette import (
            highlight_color,
            speaker_color,
            speaker_tint,
            unattributed_tint,
        )

        speakers: list[tuple[str, Color, Color]] = []
        if self.analysis is not None:
            for sp in speaker_order(self.analysis):
                slot = self.slots[sp.name]
                speakers.append(
                    (sp.name, speaker_color(slot, self.dark), speaker_tint(slot, self.dark))
                )
        labels = sorted({e.label for e in self.analysis.entities}) if self.analysis else []
        if not labels:
            labels = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"]
        entity_colors: list[tuple[str, Color]] = []
        for label in labels:
            color = self.entity_color(label)
            if color is not None:
                entity_colors.append((label, color))
        highlights = [(n, highlight_color(n, self.dark)) for n in range(1, 6)]
        self.app.push_screen(
            LegendScreen(Legend(speakers, unattributed_tint(self.dark), entity_colors, highlights))
        )

    # -- search --------------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search bar (or go back to it); a closed search's query comes back selected,
        its marks with it."""
        bar = self.search_bar
        self._search_origin = self.view.cursor_span[0]
        reopened = not bar.display and bool(bar.input.value)
        bar.open()
        if reopened:
            self._run_search(bar.input.value)

    def _run_search(self, query: str) -> None:
        """Mark every match and go to the first one from where the search began."""
        self.search_query = query
        view = self.view
        count = view.set_search(query)
        self.last_match = view.next_match(True, start=self._search_origin) if count else None
        self._show_search_state()

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        self._run_search(event.query)

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        """Enter: back to the article, where `.` and `,` step through the matches."""
        self._typing_query = False
        if not event.query:
            self.search_bar.action_close()
            return
        self.view.focus()

    @on(SearchBar.Next)
    def _search_next(self, event: SearchBar.Next) -> None:
        self._step_match(event.forward)

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self._typing_query = False
        self.view.set_search("")
        self.last_match = None
        self._show_search_state()
        self.set_info("")
        self.view.focus()

    def _step_match(self, forward: bool) -> None:
        view = self.view
        bar = self.search_bar
        if not bar.display:  # closed: `.` brings the last search back, as vim's n does
            if not self.search_query:
                self.set_info("press / to search first")
                return
            bar.display = True
            view.set_search(self.search_query)
        span = view.next_match(forward)
        if span is not None:
            self.last_match = span
        self._show_search_state()
        if span is not None and view.match_wrapped:
            where = "top" if forward else "bottom"
            self.notify(f"Search wrapped to the {where}.", timeout=NOTICE_SECONDS)

    def _show_search_state(self) -> None:
        """The bar and the status line say the same thing about the search."""
        view = self.view
        bar = self.search_bar
        query = self.search_query if bar.display else ""
        if not query:
            bar.set_count("")
            return
        if not view.match_count:
            bar.set_count("no matches")
            self.set_info(f"no match for “{query}”")
            return
        where = f"match {view.match_index + 1} of {view.match_count}"
        bar.set_count(where)
        self.set_info(f"{where} for “{query}”")

    def action_next_match(self) -> None:
        self._step_match(True)

    def action_previous_match(self) -> None:
        self._step_match(False)

    def action_back(self) -> None:
        if self.search_bar.display:
            self.search_bar.action_close()
            return
        self.save_position()
        self.post_message(self.BackToLibrary())

    # -- reading position ----------------------------------------------------------------------

    def save_position(self) -> None:
        """Store the reading position when it changed (called periodically and on leaving):
        the first line shown or the cursor's sentence, one offset (`ArticleView.reading_position`)
        from which reopening restores both the scroll and the cursor."""
        if not self.is_mounted:
            return
        try:
            offset = self.view.reading_position
        except Exception:  # the view is already gone
            return
        if offset == self._saved_position:
            return
        try:
            self.store.set_position(self.record.id, offset)
        except ReaderError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self._saved_position = offset

    def on_screen_suspend(self) -> None:
        self.save_position()

    def on_unmount(self) -> None:
        """Stop the analysis process: nothing half-done is cached, nothing keeps running."""
        if self._runner is not None:
            self._runner.close()
