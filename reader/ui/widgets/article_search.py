"""Search in the article view: every match marked, one current, stepping round the text.

A mixin of ArticleView, kept apart so each file has one job.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

from reader.ui.textsearch import find_from, fold_quotes
from reader.ui.widgets.marks import Layer

_by_start = itemgetter(0)


class Place(NamedTuple):
    """Where the reader was when a search began: escape from the search goes back there."""

    cursor: tuple[int, int]
    #: The offset at the start of the first line shown.
    top: int
    #: The quote or note jumped to, still marked.
    focus: tuple[int, int] | None
    #: A restored reading position the layout still keeps in place.
    restore: int | None


class SearchMixin:
    """The view's search marks and the current match."""

    def set_search(
        self, query: str, spans: Sequence[tuple[int, int]] = (), origin: int = 0
    ) -> int:
        """Mark every literal match (any case, any quotation marks); returns how many.
        "" clears the search and its marks. `spans`: the matches the library's search listed
        for this article (its words stemmed: "swatting" found "SWAT" and "swatted"), marked
        instead of the query's literal matches. Past textsearch.MOST matches, those from
        `origin` on are marked (`matches_complete` is then False)."""
        self._match_index = -1
        self._current_match = None
        self._query = query
        if self._folded is None and query:
            self._folded = fold_quotes(self._text)
        self._all_matches = True
        if query and spans:
            self._matches = sorted(set(spans))
        elif query and self._folded:
            self._matches, self._all_matches = find_from(self._folded, query, origin)
        else:
            self._matches = []
        self._match_layer = Layer((s, e, True) for s, e in self._matches)
        self._changed()
        return len(self._matches)

    @property
    def matches_complete(self) -> bool:
        """Whether every match is marked (not only textsearch.MOST of them)."""
        return self._all_matches

    def _collect_past(self, forward: bool, here: int) -> int:
        """Stepping out of the matches collected when there are more: collect those around
        the next one that way (round the end of the text); the index of that one."""
        folded, query = self._folded or "", self._query
        self._matches = find_from(folded, query, here)[0]
        index = bisect_left(self._matches, here, key=_by_start) - (0 if forward else 1)
        self._match_wrapped = not 0 <= index < len(self._matches)
        if self._match_wrapped:
            self._matches = find_from(folded, query, 0 if forward else len(folded))[0]
            index = 0 if forward else len(self._matches) - 1
        self._match_layer = Layer((s, e, True) for s, e in self._matches)
        return index

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def match_index(self) -> int:
        """Index of the current match (-1 before next_match)."""
        return self._match_index

    @property
    def current_match(self) -> tuple[int, int] | None:
        return self._current_match

    @property
    def match_wrapped(self) -> bool:
        """The last next_match went round the end of the text."""
        return self._match_wrapped

    @property
    def place(self) -> Place:
        return Place(self._cursor, self.top_offset, self._focus, self._restore)

    def return_to(self, place: Place) -> None:
        """Back to `place`: its cursor, the same first line, the same span marked."""
        self._restore = place.restore
        self._focus = place.focus
        self._set_cursor(place.cursor)
        self.scroll_to_offset(place.top)
        self._changed()

    def settle_on_match(self, at: int) -> tuple[int, int] | None:
        """Make the first match from `at` the current one where the view already is (opened
        at it): `next_match` goes on from there while the cursor stays on it."""
        if not self._matches:
            return None
        self._match_wrapped = False
        index = min(bisect_left(self._matches, at, key=_by_start), len(self._matches) - 1)
        self._match_index = index
        self._current_match = self._matches[index]
        return self._current_match

    def next_match(self, forward: bool = True, start: int | None = None) -> tuple[int, int] | None:
        """Go to the next (or previous) match and make it the current one, wrapping around.

        From the current match while the cursor is still on it, else from `start` or the
        cursor (so after moving away, the search goes on from where you are).
        """
        if not self._matches:
            return None
        self._restore = None
        count = len(self._matches)
        current = self._current_match
        on_current = current is not None and self._nav.sentence_at(current[0]) == self._cursor
        here = self._cursor[0] if start is None else start
        if start is None and on_current and current is not None:
            index = self._match_index + (1 if forward else -1)
            here = current[0] + (1 if forward else 0)  # past it
        else:
            index = bisect_left(self._matches, here, key=_by_start) - (0 if forward else 1)
        self._match_wrapped = not 0 <= index < count
        if self._match_wrapped and not self.matches_complete:
            index = self._collect_past(forward, here)
        else:
            index %= count
        self._match_index = index
        span = self._current_match = self._matches[index]
        self._focus = None
        self._set_cursor(self._nav.sentence_at(span[0]))
        self._bring_into_view(*span)
        self._changed()
        return span
