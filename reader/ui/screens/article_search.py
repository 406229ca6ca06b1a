"""The article screen's search: the bar, the matches in the view, stepping through them, and
what the bar and the status line say about them.

A mixin of ArticleScreen, kept apart so each file has one job. It is a Screen only so that its
handlers join the screen's (Textual gathers them from DOM classes alone); it has no widgets
and no keys: the bindings stay with the screen.
"""

from __future__ import annotations

from textual import events, on
from textual.screen import Screen
from textual.widgets import Input

from reader.cells import fit
from reader.ui.textsearch import MOST
from reader.ui.widgets.field import one_line
from reader.ui.widgets.search_bar import SearchBar

#: The status line quotes at most this many cells of the query.
QUOTED = 60


class SearchActions(Screen[None]):
    """Search between the bar and the view."""

    #: The matches the library's search listed for this article, which `.` and `,` walk
    #: (set by the screen; emptied once a query is typed here).
    found_spans: list[tuple[int, int]]

    def on_paste(self, event: events.Paste) -> None:
        """A paste right after `/`, on its way to the text before the bar took the focus: it
        was meant for the query (it was ignored), its lines joined with spaces."""
        if getattr(self, "_typing_query", False):  # (the bar keeps a paste it had)
            event.stop()
            self.search_bar.type(one_line(event.text))

    def action_search(self) -> None:
        """Open the search bar (or go back to it); a closed search's query comes back selected,
        its marks with it."""
        bar = self.search_bar
        self._search_origin = self.view.cursor_span[0]
        self._search_place = self.view.place
        reopened = not bar.display and bool(bar.input.value)
        bar.open()
        if reopened and self.found_spans and bar.input.value == self.search_query:
            self.view.set_search(self.search_query, self.found_spans)  # the library's matches
            self._show_search_state()
        elif reopened:
            self._run_search(bar.input.value)

    def resume_search(self, at: int) -> None:
        """Opened at a match found in the library: the search is open on its words as after
        enter, the match at `at` the current one, so `.` and `,` go on from it."""
        bar = self.search_bar
        with bar.input.prevent(Input.Changed):
            bar.input.value = self.search_query
        bar.display = True
        view = self.view
        view.set_search(self.search_query, self.found_spans)
        self.last_match = view.settle_on_match(at)
        # The bar only: the status line is the quote's there (its speaker) when one was found.
        bar.set_count(self._where() if view.match_count else "no matches")

    def _run_search(self, query: str) -> None:
        """Mark every match and go to the first one from where the search began (a query
        typed: no longer the library's matches)."""
        self.search_query = query
        self.found_spans = []
        view = self.view
        count = view.set_search(query, origin=self._search_origin)
        self.last_match = view.next_match(True, start=self._search_origin) if count else None
        self._show_search_state()

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        self._run_search(event.query)

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        """Enter: back to the article, the bar closed (a new user found it stayed on screen)
        and the matches still marked: `.` and `,` step through them, the status line says
        which; escape clears them. Most often taken in the app's turn (FieldOpening), the
        keys after it then the article's."""
        self.finish_query(event.query)

    def finish_query(self, query: str) -> None:
        """Close the bar on `query`; the article has the focus at once (not in a later turn,
        as `focus()` gives it), so the next key is the reader's."""
        self._typing_query = False
        if not query:
            self.set_focus(self.view)
            self.search_bar.action_close()
            return
        self.search_bar.display = False
        self._show_search_state()
        self.set_focus(self.view)

    @on(SearchBar.Next)
    def _search_next(self, event: SearchBar.Next) -> None:
        self._step_match(event.forward)

    def cancel_search(self) -> None:
        """Escape in the search field, taken in the app's turn (FieldOpening): the bar closed
        and the reader back where the search began, the article focused at once, so the
        keys typed after escape are the reader's."""
        self.search_bar.display = False
        self._close_search(cancelled=True)

    @on(SearchBar.Closed)
    def _search_closed(self, event: SearchBar.Closed) -> None:
        self._close_search(event.cancelled)

    def _close_search(self, cancelled: bool) -> None:
        """Escape while typing cancels, as in vim and less: the reader is back where the
        search began; escape after enter (from the article) only clears the marks."""
        self._typing_query = False
        self.view.set_search("")
        self.last_match = None
        self._show_search_state()
        place, self._search_place = self._search_place, None
        if cancelled and place is not None and place != self.view.place:
            self.view.return_to(place)
            self.set_info("search cancelled: back where it began")
        else:
            self.set_info("")
        self.set_focus(self.view)

    def _step_match(self, forward: bool) -> None:
        view = self.view
        bar = self.search_bar
        if not bar.display and not view.match_count:  # cleared: `.` marks the last search
            if not self.search_query:  # again, as vim's n does
                self.set_info("press / to search first")
                return
            view.set_search(self.search_query, self.found_spans, view.cursor_span[0])
        span = view.next_match(forward)
        if span is not None:
            self.last_match = span
        wrapped = span is not None and view.match_wrapped
        # In the status line, as vim's "search hit BOTTOM, continuing at TOP"; a single match
        # is not wrapped to ("wrapped to the first match · match 1 of 1" read oddly).
        if wrapped and view.match_count == 1:
            self._show_search_state("the only match · ")
            return
        self._show_search_state(f"wrapped to the {'first' if forward else 'last'} match · "
                                if wrapped else "")

    def _show_search_state(self, wrapped: str = "") -> None:
        """The bar and the status line say the same thing about the search."""
        view = self.view
        bar = self.search_bar
        query = self.search_query if bar.display or view.match_count else ""
        if not query:
            bar.set_count("")
            return
        query = fit(query[:QUOTED], QUOTED)  # a pasted page is quoted by its start
        if not view.match_count:
            bar.set_count("no matches")
            self.set_info(f"no match for “{query}”")
            return
        where = self._where()
        bar.set_count(where)
        self.set_info(f"{wrapped}{where} for “{query}”")

    def _where(self) -> str:
        """Which match of how many; past textsearch.MOST, only that there are more (those
        around the current one are all that were looked for)."""
        view = self.view
        if not view.matches_complete:
            return f"more than {MOST:,} matches"
        return f"match {view.match_index + 1} of {view.match_count}"

    def action_next_match(self) -> None:
        self._step_match(True)

    def action_previous_match(self) -> None:
        self._step_match(False)
