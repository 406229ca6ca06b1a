"""The article's analysis: a cached result applied at once, or the thread worker that streams
cumulative analyses from the analysis process, and applying each to the view and the panels.

A mixin of ArticleScreen, kept apart so each file has one job. It is a Screen only so that its
handlers join the screen's (Textual gathers them from DOM classes alone); it has no widgets
and no keys: the bindings stay with the screen.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from reader.analysis.model import ENGINE_VERSION, Analysis, Delta
from reader.errors import ReaderError
from reader.ui.screens.article_analysis import PANEL_REFRESH_INTERVAL
from reader.ui.widgets.article_view import EntityMark, QuoteMark
from reader.ui.widgets.speaker_panel import plural, speaker_slots

if TYPE_CHECKING:
    from reader.analysis.runner import Runner

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


class AnalysisRun(Screen[None]):
    """Starting the analysis and applying what it streams."""

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

    def keep_analysis_again(self) -> None:
        """Store the complete analysis shown here once more: the article was put back after
        another window deleted it, and the delete dropped it from the cache (the library then
        showed – quotes, and exports lost who is quoted, until the article was analysed again)."""
        if not self.analysis_complete or not getattr(self, "_model_id", ""):
            return  # the analysis under way stores itself when it ends
        try:
            self.store.cache_analysis(
                self.record.hash, self._model_id, ENGINE_VERSION, self.analysis
            )
        except ReaderError as exc:
            self.notify(str(exc), severity="warning", markup=False)

    def _apply_analysis(self, analysis: Analysis, *, complete: bool) -> None:
        if analysis is self.analysis and complete == self.analysis_complete:
            return
        self.analysis = analysis
        self.analysis_complete = complete
        self.slots = speaker_slots(analysis)
        view = self.view
        view.set_quotes(
            [
                QuoteMark(
                    q.start, q.end, q.id,
                    self.slots.get(q.speaker) if q.speaker else None, q.uncertain,
                )
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
            self.reach_target(analysis.quotes, final=True)
            self._show_info()
            self.speaker_panel.set_empty_text("No quotes found.")
            self.entities_panel.set_empty_text("No entities found.")

    def _show_entities(self, analysis: Analysis) -> None:
        """Streamed analyses only add entities further on: send the view just the new ones."""
        entities = analysis.entities
        shown = self._entities_shown
        view = self.view
        text = view.text
        from reader.ui.entity_names import layer_marks  # (lexicons: after the first frame)
        if shown and len(entities) >= shown and self._entity_tail == (
            entities[shown - 1].start,
            entities[shown - 1].end,
        ):
            view.add_entities([EntityMark(*m) for m in layer_marks(entities[shown:], text)])
        else:
            view.set_entities([EntityMark(*m) for m in layer_marks(entities, text)])
        self._entities_shown = len(entities)
        self._entity_tail = (entities[-1].start, entities[-1].end) if entities else None
