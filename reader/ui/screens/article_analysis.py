"""The article screen's analysis on the status line: its progress, why it stopped, and the key
that starts it again.

A mixin of ArticleScreen, kept apart so each file has one job. It is a Screen only so that its
key joins the screen's (Textual merges BINDINGS from DOM classes alone); it has no widgets.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import ProgressBar

from reader.analysis.model import Analysis
from reader.errors import ModelNotFoundError, ReaderError
from reader.sanitize import one_line
from reader.ui.quote_index import QuoteIndex
from reader.ui.widgets.article_view import EntityMark, QuoteMark
from reader.ui.widgets.speaker_panel import plural, speaker_slots

if TYPE_CHECKING:
    from collections.abc import Iterable

    from reader.analysis.model import Delta, Entity, Quote
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.entities_panel import EntitiesPanel
    from reader.ui.widgets.speaker_panel import SpeakerPanel

#: While a long text streams in, the side panel is rebuilt at most this often (seconds).
PANEL_REFRESH_INTERVAL = 1.5
#: Seconds the toast that tells why the analysis stopped stays up (the status line keeps it).
STOPPED_NOTICE_SECONDS = 10


def stopped_status(reason: str) -> str:
    """The status line's words for a stop, from the error's sentence, made inert (it may quote
    the article): "analysis stopped: a parsing process was killed by SIGKILL"."""
    reason = one_line(reason).rstrip(".")
    first = reason.split(" ", 1)[0]
    if first[1:].islower() or len(first) == 1:  # "The analysis…" reads on as "the analysis…"
        reason = reason[:1].lower() + reason[1:]  # (and "SQLite…" stays)
    return f"analysis stopped: {reason}"


class AnalysisStatus(Screen[None]):
    """Needs from the screen: analysis, slots, view, speaker_panel, entities_panel,
    set_status(), set_info(), status_text, start_analysis(), _refresh_panels() and its
    bookkeeping of what it shows."""

    HELP_TITLE = "Reading"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "r",
            "retry_analysis",
            "Retry analysis",
            id="reading.retry_analysis",
            tooltip="Start a stopped analysis again",
        ),
        # The same key while there is nothing to retry: it says so, rather than nothing (no
        # description: the help and the footer list `r` once, above).
        Binding("r", "nothing_to_retry", "", show=False, id="reading.nothing_to_retry"),
    ]

    #: Why the analysis stopped before its end (None while it runs, once done, or after a
    #: failure that a retry cannot mend, such as a missing model).
    stopped_reason: str | None = None

    #: The stream the screen's analysis follows, and the quote marks shown for it (by id).
    _followed: object | None = None
    _quote_marks: list[QuoteMark]

    if TYPE_CHECKING:
        analysis: Analysis | None
        analysis_complete: bool
        slots: dict[str, int]
        _model_id: str
        _panels_refreshed: float
        _entities_shown: int
        _entity_tail: tuple[int, int] | None
        _quote_index: QuoteIndex

        @property
        def view(self) -> ArticleView: ...

        def _refresh_panels(self) -> None: ...

        @property
        def speaker_panel(self) -> SpeakerPanel: ...

        @property
        def entities_panel(self) -> EntitiesPanel: ...

        def set_status(self, text: str) -> None: ...

        def set_info(self, text: str) -> None: ...

        @property
        def status_text(self) -> str: ...

        def start_analysis(self) -> None: ...

        def reach_target(self, quotes: Iterable[Quote], *, final: bool = False) -> None: ...

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The retry key is in the footer only while there is a stopped analysis to retry;
        otherwise `r` says why it does nothing."""
        if action == "retry_analysis" and self.stopped_reason is None:
            return False
        if action == "nothing_to_retry" and self.stopped_reason is not None:
            return False
        return super().check_action(action, parameters)

    def action_nothing_to_retry(self) -> None:
        """`r` with no stopped analysis: found by a new user, who pressed it and saw nothing."""
        if self.analysis_complete:
            state = "this one is complete"
        elif self.status_text.startswith("analysis failed"):
            state = "this one failed for good (see the status line)"
        else:
            state = "this one is still running"
        self.set_info(f"r retries a stopped analysis: {state}")

    def _follow_analysis(self, source: object, deltas: list[Delta]) -> None:
        """Apply a stream's deltas to the screen's own copy of its analysis and repaint only
        what they changed: new entities are added to the view, the quote marks are redone
        only when a quote or a speaker's colour changed, the panels at most every so often.
        """
        analysis = self.analysis
        view = self.view
        fresh = analysis is None or self._followed is not source or self.analysis_complete
        if fresh:
            analysis = Analysis(model=self._model_id)
            self._followed = source
            self._quote_marks = []
            view.set_entities([])
        assert analysis is not None
        self.analysis, self.analysis_complete = analysis, False
        quotes: set[int] = set()
        new_entities: list[Entity] = []
        for delta in deltas:
            delta.apply(analysis)
            quotes.update(q.id for q in delta.quotes)
            new_entities.extend(delta.entities)
        slots = speaker_slots(analysis)
        marks = self._quote_marks
        if quotes or slots != self.slots or fresh:
            redo = range(len(analysis.quotes)) if slots != self.slots else sorted(quotes)
            self.slots = slots
            for i in redo:  # ascending: a new quote's id is the next index
                q = analysis.quotes[i]
                slot = slots.get(q.speaker) if q.speaker else None
                mark = QuoteMark(q.start, q.end, q.id, slot, q.uncertain)
                if i < len(marks):
                    marks[i] = mark
                else:
                    marks.append(mark)
            self._quote_index = QuoteIndex()  # "quote 2 of 7" counted again when asked
            view.set_quotes(marks)
            self.reach_target(analysis.quotes[i] for i in sorted(quotes))
        from reader.ui.entity_names import layer_marks  # (lexicons: after the first frame)
        view.add_entities([EntityMark(*m) for m in layer_marks(new_entities, view.text)])
        entities = analysis.entities
        self._entities_shown = len(entities)
        self._entity_tail = (entities[-1].start, entities[-1].end) if entities else None
        now = time.monotonic()
        if now - self._panels_refreshed >= PANEL_REFRESH_INTERVAL:
            self._panels_refreshed = now
            self._refresh_panels()

    def _show_progress(self, done: int, total: int) -> None:
        percent = round(100 * done / total) if total else 0
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=100, progress=percent)
        quotes = len(self.analysis.quotes) if self.analysis else 0
        found = f" ({plural(quotes, 'quote')} so far)" if quotes and done else ""
        self.set_status(f"analysing… {percent}%{found}")

    def _analysis_error(self, error: BaseException | None) -> None:
        """The analysis worker failed: a missing model for good, anything else (an analysis
        process killed, crashed or ended early) as a stop that the retry key may mend."""
        message = str(error) if isinstance(error, ReaderError) else repr(error)
        if isinstance(error, ModelNotFoundError):
            self._analysis_failed(message)
        else:
            self._analysis_stopped(message)

    def _analysis_failed(self, message: str) -> None:
        self._analysis_over()
        self.set_status("analysis failed: the text is shown without highlights")
        self.notify(
            f"Analysis failed: {message}",
            title="reader",
            severity="error",
            markup=False,
            timeout=STOPPED_NOTICE_SECONDS,
        )

    def _analysis_stopped(self, reason: str) -> None:
        """Say why on the status line, where it stays (the text keeps what was found so far,
        and nothing of it is cached), and offer the retry key."""
        self._analysis_over()
        self.stopped_reason = reason
        self.query_one("#status").add_class("-stopped")
        self.set_status(stopped_status(reason))
        self.refresh_bindings()
        self.notify(
            f"Analysis stopped: {reason}",
            title="reader",
            severity="error",
            markup=False,
            timeout=STOPPED_NOTICE_SECONDS,
        )

    def _analysis_over(self) -> None:
        gc.unfreeze()  # frozen while the analysis streamed in (see on_analysis_progress)
        self.query_one("#progress", ProgressBar).display = False
        self.speaker_panel.set_empty_text("No analysis.")  # shown only by an empty panel
        self.entities_panel.set_empty_text("No analysis.")

    def action_retry_analysis(self) -> None:
        """Start the stopped analysis again, in a new process, from the beginning."""
        if self.stopped_reason is None:
            return
        self.stopped_reason = None
        self.query_one("#status").remove_class("-stopped")
        self.refresh_bindings()
        self.start_analysis()
