"""The library's search mode: texts, quotes and notes of every article (words as typed), each
match with its article, where it is and who said it; enter opens the article at the match.
`/` in an empty search box goes back to filtering titles, as `/` in the filter came here."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from reader.cells import cell_len, fit, fit_end
from reader.errors import ReaderError
from reader.fold import forms, same_word
from reader.sanitize import inert, one_line, settle_widths
from reader.store.search import SearchHit
from reader.ui.widgets.field import Field

KIND_LABEL = {"text": "text", "quote": "quote", "note": "note"}
#: Matches listed at most (the best first).
LIMIT = 200
#: A cell's padding (both sides) and the room kept for the vertical scrollbar.
PAD = 2
SCROLLBAR = 2


def hit_widths(width: int) -> tuple[int, int, int]:
    """(article, speaker, context) widths for the table's width: the context gets what the
    article's title and the speaker can spare, so the match has room at 80 columns."""
    rest = max(30, width - SCROLLBAR - 4 * PAD - len("quote"))
    if rest - 52 >= 40:
        return 30, 22, rest - 52
    context = max(20, rest // 2)
    article = max(6, (rest - context) * 3 // 5)
    return article, max(6, rest - context - article), context


def centred(context: str, match: tuple[int, int], width: int) -> Text:
    """The context in `width` cells with its match whole (or as much as fits), in bold, in
    the middle: the text on each side is cut to share what is left, "…" where it is cut."""
    clean = [settle_widths(inert(part, newlines=False)) for part in (
        context[: match[0]], context[match[0] : match[1]], context[match[1] :])]
    before, found, after = clean
    if not found:
        return Text(fit(one_line(context), width))
    if cell_len(found) >= width:
        return Text(fit(found, width), style="bold")
    room = width - cell_len(found)
    left = room // 2
    right = room - left
    # What one side does not need, the other side may use.
    left = min(cell_len(before), left + max(0, right - cell_len(after)))
    right = room - left
    return Text.assemble(fit_end(before, left) if left else "", (found, "bold"),
                         fit(after, right) if after and right else "")


def named_in(speaker: str, query: str) -> str:
    """The words of a speaker's name the query found ("blinken" in "Antony Blinken": "Blinken"),
    from the first to the last found: what `.` looks for in the article opened at a quote
    found by its speaker (the index marks no words in the quote itself). "" when none is."""
    wanted = [w.lower() for w in re.findall(r"[\w’']+\*?", query)
              if w not in ("AND", "OR", "NOT", "NEAR")]
    names = speaker.split()
    found = [i for i, name in enumerate(names)
             if any(_word_matches(name.strip(".,").lower(), w) for w in wanted)]
    return " ".join(names[found[0] : found[-1] + 1]) if found else ""


def _word_matches(name: str, word: str) -> bool:
    """A name word the query word found, accents folded as the index folds them (reader.fold:
    "muller" found "Müller" in the index, and must name it here too)."""
    if word.endswith("*"):
        return any(f.startswith(w) for f in forms(name) for w in forms(word[:-1]))
    return same_word(word, name)


def matches_in(hits: list[SearchHit], article_id: int) -> list[tuple[int, int]]:
    """The spans of an article's text the list showed as matches (its text and quote hits,
    words stemmed: "swatting" found "SWAT" and "swatted"), in text order: what `.` and `,`
    walk in the article opened at one of them. A note's match is in the note, not the text."""
    spans = set()
    for hit in hits:
        if hit.article_id == article_id and hit.kind != "note" and hit.match != (0, 0):
            found = hit.exact or hit.context[hit.match[0] : hit.match[1]]
            spans.add((hit.offset, hit.offset + len(found)))
    return sorted(spans)


def hit_cells(hit: SearchHit, widths: tuple[int, int, int]) -> tuple[Text, ...]:
    article, speaker, context = widths
    return (
        Text(one_line(hit.title, article)),
        Text(KIND_LABEL.get(hit.kind, hit.kind), style="dim"),
        # A guess is hedged and muted, as the article's panel shows it.
        Text(one_line(hit.said_by, speaker), style="dim" if hit.uncertain else ""),
        centred(hit.context, hit.match, context),
    )


class LibrarySearchScreen(Screen[None]):
    """Search across the library."""

    HELP_TITLE = "Library search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Titles", id="library_search.back",
                tooltip="Back to the articles, filtering titles"),
        Binding("down", "to_results", "Results", show=False, id="library_search.results"),
        Binding("slash", "slash", "Titles", show=False, priority=True,
                id="library_search.toggle", tooltip="In the empty box: back to filtering titles"),
        Binding("ctrl+e", "people", "People", id="library_search.people",
                tooltip="Everyone quoted in the library"),
    ]

    def __init__(self, query: str = "", row: int | None = None) -> None:
        super().__init__()
        self.initial = query
        #: The result to come back to (escape from an article opened here), else None.
        self.initial_row = row
        #: The query the results are of (the field's first Changed repeats it).
        self._searched: str | None = None
        self.hits: list[SearchHit] = []
        self._widths = hit_widths(120)

    def compose(self) -> ComposeResult:
        yield Static(Content("Library › Search texts, quotes and notes"), id="search-title")
        # Focus leaves the query as it was (on_mount selects it when opened afresh).
        yield Field(value=self.initial, id="library-search", select_on_focus=False,
                    placeholder='Search every article: words, "a phrase", prefix*, OR, NOT')
        yield DataTable(id="search-results", cursor_type="row", zebra_stripes=True)
        yield Static(id="search-status")
        yield Footer()

    def on_mount(self) -> None:
        self._add_columns()
        field = self.query_one("#library-search", Input)
        field.focus()
        if self.initial_row is None:  # opened afresh (ctrl+f): typing replaces the old query,
            field.select_all()  # as T's title does ("muller" typed again read "mullermuller")
        self.run_search(self.initial)
        table = self.query_one("#search-results", DataTable)
        if self.initial_row is not None and table.row_count:
            table.move_cursor(row=min(self.initial_row, table.row_count - 1))
            table.focus()

    def _add_columns(self) -> None:
        table = self.query_one("#search-results", DataTable)
        self._widths = hit_widths(self.size.width or self.app.size.width)
        article, speaker, context = self._widths
        table.clear(columns=True)
        for label, width in (("Article", article), ("In", len("quote")), ("Speaker", speaker),
                             ("Context", context)):
            table.add_column(label, key=label.lower(), width=width)

    def on_resize(self) -> None:
        if hit_widths(self.size.width) != self._widths:
            table = self.query_one("#search-results", DataTable)
            row = table.cursor_row
            self._add_columns()
            self._fill()
            table.move_cursor(row=row)

    def run_search(self, query: str) -> None:
        """Search as the person types: the index answers in milliseconds."""
        status = self.query_one("#search-status", Static)
        table = self.query_one("#search-results", DataTable)
        table.clear()
        self.hits = []
        self._searched = query
        if not query.strip():
            status.update(Content("Type to search · / in an empty box: filter titles"))
            return
        store: Any = self.app.store  # type: ignore[attr-defined]
        try:
            self.hits = store.search(query, limit=LIMIT)
        except ReaderError as exc:
            status.update(Content(one_line(str(exc))))
            return
        self._fill()
        n = len(self.hits)
        more = " (the best shown)" if n >= LIMIT else ""
        status.update(Content(f"{n} match{'es' if n != 1 else ''}{more} · enter: open there"))

    def _fill(self) -> None:
        table = self.query_one("#search-results", DataTable)
        table.clear()
        for i, hit in enumerate(self._shown_hits()):
            table.add_row(*hit_cells(hit, self._widths), key=str(i))

    def _shown_hits(self) -> list[SearchHit]:
        """The hits as the table shows them: each speaker under the library's name (opening
        one still uses the article's own name, which its text has)."""
        from reader.people.named import renamed_hits

        if not any(h.kind == "quote" for h in self.hits):
            return self.hits
        app: Any = self.app
        try:  # the app's names: merged again only after an add, a delete, a re-analysis
            names = app.people_names.get(app.store)
        except ReaderError:
            return self.hits
        return renamed_hits(self.hits, names)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self._searched:  # not the query shown (its row kept)
            self.run_search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.hits:
            self.open_hit(0)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_hit(int(event.row_key.value or 0))

    def open_hit(self, index: int) -> None:
        if index < len(self.hits):
            hit = self.hits[index]
            # The cursor on the match (a note's: on the passage the note is on).
            # Not a note's: `.` in the article goes on to the next match of the words found.
            found = ""
            if hit.kind == "note":
                end = hit.end
                # `.` goes on to the words the note was found by, in the article's text
                # (quote and text hits opened with the search ready; a note's said "press /").
                found = hit.context[hit.match[0] : hit.match[1]] if hit.match != (0, 0) else ""
            elif hit.match != (0, 0):
                # The words as the article has them: the context has whitespace made one space.
                found = hit.exact or hit.context[hit.match[0] : hit.match[1]]
                end = hit.offset + len(found)
            elif hit.kind == "quote":
                # Found by its speaker's name, no words marked in it: the cursor on the quote,
                # and the search open on the query as at other hits (it opened with no target,
                # so the search bar was empty).
                end = hit.end
            else:
                end = None
            query = self.query_one("#library-search", Input).value
            if not found and hit.kind == "quote":
                # Found by its speaker's name: `.` goes on to that name in the article.
                found = named_in(hit.speaker, query)
            spans = matches_in(self.hits, hit.article_id)
            # Escape from the article comes back here, on this row, not to the titles.
            self.app.open_article(  # type: ignore[attr-defined]
                hit.article_id, at=hit.offset, end=end, find=query if spans else found,
                found=spans, back=("search", query, (index, 0)))

    def action_slash(self) -> None:
        """`/` in the empty box toggles back to filtering titles; anywhere else it is typed."""
        field = self.query_one("#library-search", Input)
        if field.value:
            if not field.has_focus:
                field.focus()
            field.insert_text_at_cursor("/")
        else:
            self.action_back()

    def on_key(self, event: events.Key) -> None:
        """Typing in the results (back from a match opened, on its row) goes on editing the
        search, as in a browser's find bar: the box takes the key and the focus."""
        field = self.query_one("#library-search", Input)
        if field.has_focus or not (event.is_printable or event.key == "backspace"):
            return
        event.stop()
        event.prevent_default()
        field.focus()
        field.cursor_position = len(field.value)
        if event.key == "backspace":
            field.action_delete_left()
        elif event.character:
            field.insert_text_at_cursor(event.character)

    def action_to_results(self) -> None:
        table = self.query_one("#search-results", DataTable)
        if table.row_count:
            table.focus()

    def action_back(self) -> None:
        self.app.show_library()  # type: ignore[attr-defined]

    def action_people(self) -> None:
        self.app.show_people()  # type: ignore[attr-defined]
