"""The library's search mode: texts, quotes and notes of every article (FTS5 syntax), each
match with its article, where it is and who said it; enter opens the article at the match.
`/` in an empty search box goes back to filtering titles, as `/` in the filter came here."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from reader.errors import ReaderError
from reader.sanitize import one_line
from reader.store.search import SearchHit

KIND_LABEL = {"text": "text", "quote": "quote", "note": "note"}
#: Matches listed at most (the best first).
LIMIT = 200


def hit_cells(hit: SearchHit) -> tuple[Text, ...]:
    return (
        Text(one_line(hit.title, 30)),
        Text(KIND_LABEL.get(hit.kind, hit.kind), style="dim"),
        Text(one_line(hit.speaker, 22)),
        Text(one_line(hit.context)),
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

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Static(Content("Library › Search texts, quotes and notes"), id="search-title")
        yield Input(value=self.initial, id="library-search",
                    placeholder='Search every article: words, "a phrase", prefix*, OR, NOT')
        yield DataTable(id="search-results", cursor_type="row", zebra_stripes=True)
        yield Static(id="search-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#search-results", DataTable)
        for label in ("Article", "In", "Speaker", "Context"):
            table.add_column(label, key=label.lower())
        self.query_one("#library-search", Input).focus()
        self.run_search(self.initial)

    def run_search(self, query: str) -> None:
        """Search as the person types: the index answers in milliseconds."""
        status = self.query_one("#search-status", Static)
        table = self.query_one("#search-results", DataTable)
        table.clear()
        self.hits = []
        if not query.strip():
            status.update(Content("Type to search · / in an empty box: filter titles"))
            return
        store: Any = self.app.store  # type: ignore[attr-defined]
        try:
            self.hits = store.search(query, limit=LIMIT)
        except ReaderError as exc:
            status.update(Content(one_line(str(exc))))
            return
        for i, hit in enumerate(self.hits):
            table.add_row(*hit_cells(hit), key=str(i))
        n = len(self.hits)
        more = " (the best shown)" if n >= LIMIT else ""
        status.update(Content(f"{n} match{'es' if n != 1 else ''}{more} · enter: open there"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
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
            self.app.open_article(hit.article_id, at=hit.offset)  # type: ignore[attr-defined]

    def action_slash(self) -> None:
        """`/` in the empty box toggles back to filtering titles; anywhere else it is typed."""
        field = self.query_one("#library-search", Input)
        if field.value:
            if not field.has_focus:
                field.focus()
            field.insert_text_at_cursor("/")
        else:
            self.action_back()

    def action_to_results(self) -> None:
        table = self.query_one("#search-results", DataTable)
        if table.row_count:
            table.focus()

    def action_back(self) -> None:
        self.app.show_library()  # type: ignore[attr-defined]

    def action_people(self) -> None:
        self.app.show_people()  # type: ignore[attr-defined]
