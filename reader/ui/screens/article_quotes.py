"""The article screen's quotes and speakers: jumping to a quote from the panel or with the keys,
a speaker's next quote, an entity chosen, and what the status line says of the quote under the
reading cursor.

A mixin of ArticleScreen, kept apart so each file has one job. It is a Screen only so that its
handlers join the screen's (Textual gathers them from DOM classes alone); it has no widgets
and no keys: the bindings stay with the screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.screen import Screen

from reader.analysis.model import Quote
from reader.sanitize import one_line
from reader.ui.quote_index import QuoteIndex
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entities_panel import EntitiesPanel
from reader.ui.widgets.speaker_panel import PROBABLY, SpeakerPanel


class QuoteActions(Screen[None]):
    """Quotes and speakers, between the view, the panel and the status line."""

    def quote(self, quote_id: int) -> Quote | None:
        if self.analysis is None:
            return None
        for q in self.analysis.quotes:
            if q.id == quote_id:
                return q
        return None

    def go_to_quote(self, quote: Quote) -> None:
        self.current_quote = quote.id
        self.current_speaker = self.quote_index.speaker(quote)
        self.view.cursor_to_offset(quote.start)
        self.view.focus_span(quote.start, quote.end)
        self.speaker_panel.show_quote(quote.id)
        self._show_info()

    def reach_target(self, quotes: Iterable[Quote], *, final: bool = False) -> None:
        """The quote the article was opened at (chosen in the library), or the one holding the
        match opened at, once the analysis has it among `quotes`: the current quote, as if
        chosen in the panel (a match stays marked); unless the reader has moved the cursor
        away since. `final`: no more quotes will come."""
        target = self.target
        if target is None:
            return
        if self.view.focused_span != target:
            self.target = None
            return
        for q in quotes:
            if (q.start, q.end) == target:
                self.target = None
                self.go_to_quote(q)
                return
            if q.start <= target[0] and target[1] <= q.end:
                self.target = None
                self.current_quote, self.current_speaker = q.id, self.quote_index.speaker(q)
                self.speaker_panel.show_quote(q.id)
                self._show_info()
                return
        if final:
            self.target = None

    @property
    def quote_index(self) -> QuoteIndex:
        """The quotes by the speaker the panel lists them under (indexed once per analysis)."""
        if self._quote_index.analysis is not self.analysis:
            self._quote_index = QuoteIndex.of(self.analysis)
        return self._quote_index

    def _quote_info(self, quote: Quote) -> str:
        """"Benny Gantz · quote 2 of 7", "probably Bo Diaz · quote 1 of 1": under the name the
        panel shows ("Catholic Church" for a quote given "the Church"), counted as it does."""
        number, count = self.quote_index.number(quote)
        speaker = self.quote_index.speaker(quote)
        # A guess reads as one here too, as in the panel ("probably Ann Lee").
        guess = f"{PROBABLY} " if speaker and quote.uncertain else ""
        name = one_line(speaker) if speaker else "Unattributed"  # article data
        return f"{guess}{name} · quote {number} of {count}"

    def _speaker_quotes(self, speaker: str | None) -> list[Quote]:
        if self.analysis is None:
            return []
        return list(self.quote_index.quotes.get(speaker, []))

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
            self.current_speaker = self.quote_index.speaker(quote)
            self.speaker_panel.show_quote(quote.id)
            if event.wrapped:  # in the status line, as vim's "search hit BOTTOM" is
                first = "first" if self.view.quotes[0].quote_id == quote.id else "last"
                self.set_info(f"wrapped to the {first} quote · {self._quote_info(quote)}")
            else:
                self._show_info()

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        """Keep the status line and the Notes tab's cursor on what the reading cursor is in."""
        self._show_info()
        self.show_position()
        mark = self.view.highlight_at_cursor()
        if mark is None:
            return
        from reader.ui.widgets.notes_panel import NotesPanel

        for panel in self.query(NotesPanel):
            panel.highlight(mark.ann_id)

    def action_next_quote(self, step: int) -> None:
        """`]`/`[` while the side panel has the focus: the view's next (previous) quote, the
        panel keeping the focus (the view's own binding runs when the view has it)."""
        self.view.action_quote(step)

    def action_speaker_quote(self, step: int) -> None:
        """Next (or previous) quote of the current speaker: the one under the cursor, the one
        last jumped to, or else the speaker of the quote the key goes towards from the cursor;
        from the quote last jumped to while the cursor is on it, else from the cursor (after
        moving away, it goes on from there)."""
        if self.analysis is None or not self.analysis.quotes:
            self.set_info("no quotes yet")
            return
        speaker = self.current_speaker
        here = self.view.quote_at_cursor()
        if here is not None and (self.current_quote is None or here.quote_id != self.current_quote):
            quote = self.quote(here.quote_id)
            if quote is not None:
                speaker = self.quote_index.speaker(quote)
        if speaker is None and self.current_quote is None and here is None:
            # Nothing current: the speaker of the quote the key goes towards, not the panel's
            # first card's, which would skip the quotes in between.
            near = self._quote_towards(step)
            if near is None:
                self.set_info("no current speaker: put the cursor on a quote")
                return
            speaker = self.quote_index.speaker(near)
        quotes = self._speaker_quotes(speaker)
        if not quotes:
            return
        current = self.quote(self.current_quote) if self.current_quote is not None else None
        on_current = current is not None and here is not None and here.quote_id == current.id
        mine = current is not None and self.quote_index.speaker(current) == speaker
        position = current.start if current and on_current and mine else None
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
            self.set_info(f"wrapped to {who} {first} quote · {self._quote_info(target)}")
        elif not ahead:
            only = f"the only quote by {speaker}" if speaker else "the only unattributed quote"
            self.set_info(only)

    def _quote_towards(self, step: int) -> Quote | None:
        """The first quote from the reading cursor on (`step` > 0), or the last before it."""
        assert self.analysis is not None
        position = self.view.cursor_span[0]
        quotes = sorted(self.analysis.quotes, key=lambda q: q.start)
        if step > 0:
            return next((q for q in quotes if q.start >= position), None)
        return next((q for q in reversed(quotes) if q.start < position), None)

    @on(EntitiesPanel.Chosen)
    def _entity_chosen(self, event: EntitiesPanel.Chosen) -> None:
        self.view.cursor_to_offset(event.start)
        self.view.focus_span(event.start, event.end)
        self.set_info(f"{' '.join(event.text.split())} · {event.index + 1} of {event.count}")
