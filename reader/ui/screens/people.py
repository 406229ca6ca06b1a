"""People across the library: everyone quoted in any article, merged across articles, with
the voices chart; enter lists a person's quotes, and enter on a quote opens its article there.
Talks to the store only through `self.app.store`; the merging is reader.people's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from reader.analysis.model import KIND_LABELS
from reader.errors import ReaderError
from reader.people.library import Person, build_people, quotes_of
from reader.people.voices import voices
from reader.sanitize import one_line
from reader.ui.widgets.voices_chart import VoicesChart

if TYPE_CHECKING:
    from reader.store.people_rows import QuoteRow

#: People listed before the first paint, then per refresh after it.
FIRST_ROWS = 80
LATER_ROWS = 250
KIND_LABEL = {**KIND_LABELS, "person": ""}


def person_cells(p: Person) -> tuple[Text, ...]:
    roles = "; ".join(p.roles[:2]) or KIND_LABEL.get(p.kind, "")
    return (
        Text(one_line(p.name, 32)),
        Text(one_line(roles, 36), style="dim"),
        Text(str(len(p.articles)), justify="right"),
        Text(str(p.quotes), justify="right"),
        Text(str(p.words), justify="right"),
        Text(f"{p.first[:10]} – {p.last[:10]}"),
    )


def quote_cells(q: QuoteRow) -> tuple[Text, ...]:
    return (
        Text(one_line(q.title, 30)),
        Text(q.added[:10]),
        Text(str(q.words), justify="right"),
        Text(one_line(q.text, 90)),
    )


class PeopleScreen(Screen[None]):
    """The library's People tab."""

    HELP_TITLE = "People"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="people.back",
                tooltip="From a person's quotes to the people; from the people to the articles"),
        Binding("ctrl+e", "articles", "Articles", id="people.articles",
                tooltip="Back to the articles of the library"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.people: list[Person] = []
        self._generation = 0
        self.person: Person | None = None
        self.person_quotes: list[QuoteRow] = []

    def compose(self) -> ComposeResult:
        yield Static(Content("Library › People"), id="people-title")
        yield VoicesChart(id="people-voices")
        yield DataTable(id="people-table", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="people-quotes", cursor_type="row", zebra_stripes=True)
        yield Static(id="people-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#people-table", DataTable)
        for label in ("Name", "Role", "Articles", "Quotes", "Words", "First – last"):
            table.add_column(label, key=label.lower())
        quotes = self.query_one("#people-quotes", DataTable)
        for label in ("Article", "Added", "Words", "Quote"):
            quotes.add_column(label, key=label.lower())
        quotes.display = False
        self.load()
        table.focus()

    def load(self) -> None:
        store: Any = self.app.store  # type: ignore[attr-defined]
        try:
            self.people = build_people(store.speaker_rows())
        except ReaderError as exc:
            self.notify(str(exc), title="People", severity="error", markup=False)
            self.people = []
        self.query_one(VoicesChart).show(voices(self.people))
        table = self.query_one("#people-table", DataTable)
        table.clear()
        self._generation += 1
        self._fill(0, FIRST_ROWS, self._generation)
        n = len(self.people)
        status = f"{n} {'person' if n == 1 else 'people'} quoted in the library · enter: quotes"
        self.query_one("#people-status", Static).update(Content(status))

    def _fill(self, start: int, count: int, generation: int) -> None:
        """Rows from `start`: a screenful at once, the rest after each refresh, so a library
        of thousands of people opens as fast as one of ten (the table measures every cell)."""
        if generation != self._generation:
            return  # reloaded since
        table = self.query_one("#people-table", DataTable)
        end = min(len(self.people), start + count)
        for i in range(start, end):
            table.add_row(*person_cells(self.people[i]), key=str(i))
        if end < len(self.people):
            self.call_after_refresh(self._fill, end, LATER_ROWS, generation)

    def first_screen_shown(self) -> bool:
        """Whether the rows a person sees first are in the table (for the bench)."""
        table = self.query_one("#people-table", DataTable)
        height = table.size.height - 1  # the header
        return height > 0 and table.row_count >= min(len(self.people), height)

    def show_person(self, person: Person) -> None:
        """Their quotes, read now: only their articles' (the library's are many)."""
        store: Any = self.app.store  # type: ignore[attr-defined]
        try:
            rows = [q for aid in person.articles for q in store.quote_rows(aid)]
        except ReaderError as exc:
            self.notify(str(exc), title="People", severity="error", markup=False)
            return
        self.person = person
        self.person_quotes = list(quotes_of(person, rows))
        table = self.query_one("#people-quotes", DataTable)
        table.clear()
        for i, q in enumerate(self.person_quotes):
            table.add_row(*quote_cells(q), key=str(i))
        self.query_one("#people-table", DataTable).display = False
        table.display = True
        table.focus()
        n = len(self.person_quotes)
        text = f"{one_line(person.name)}: {n} quote{'s' if n != 1 else ''} · enter: open · escape"
        self.query_one("#people-status", Static).update(Content(text))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        index = int(event.row_key.value or 0)
        if event.data_table.id == "people-table":
            if index < len(self.people):
                self.show_person(self.people[index])
        elif index < len(self.person_quotes):
            q = self.person_quotes[index]
            self.app.open_article(q.article_id, at=q.start)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        if self.person is not None:
            self.person = None
            self.query_one("#people-quotes", DataTable).display = False
            people = self.query_one("#people-table", DataTable)
            people.display = True
            people.focus()
            self.load()
            return
        self.action_articles()

    def action_articles(self) -> None:
        self.app.show_library()  # type: ignore[attr-defined]
