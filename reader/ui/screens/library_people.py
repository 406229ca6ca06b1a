"""The library's People tab: everyone quoted in any article, merged across articles, with the
voices chart; enter lists a person's quotes, and enter on a quote asks to open its article
there. Reads the store only through `self.app.store`; the merging is reader.people's. Built
when the tab is first shown, so the library opens as fast without it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerState

from reader.analysis.model import KIND_LABELS
from reader.errors import ReaderError
from reader.fold import found_in
from reader.people.library import Person, build_people, mark_guessed, quotes_of
from reader.people.voices import voices
from reader.sanitize import one_line
from reader.ui.widgets.voices_chart import VoicesChart

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from reader.store import ArticleSummary
    from reader.store.people_rows import QuoteRow

#: People listed before the first paint, then per refresh after it.
FIRST_ROWS = 80
LATER_ROWS = 250
#: The worker that reads the people again after the library changed.
REREAD_GROUP = "people-reread"
KIND_LABEL = {**KIND_LABELS, "person": ""}
#: A DataTable cell's padding, both sides; and room kept for the vertical scrollbar.
PAD = 2
SCROLLBAR = 2


@dataclass(frozen=True, slots=True)
class PeopleColumns:
    """Widths of the people table for the width it has: the dates shrink to the last one,
    then the name and the role share what is left, so every header is whole at 80 columns."""

    name: int
    role: int
    dates: bool  # "First – last" (else "Last")

    @classmethod
    def fit(cls, width: int) -> PeopleColumns:
        numbers = len("Articles") + len("Quotes") + len("Words") + 3 * PAD
        room = width - SCROLLBAR - numbers - 3 * PAD
        dates = room - len("2024-03-01 – 2024-03-02") >= 56
        room -= len("2024-03-01 – 2024-03-02") if dates else len("2024-03-01")
        name = max(10, min(32, room // 2))
        return cls(name=name, role=max(4, min(36, room - name)), dates=dates)

    def labels(self) -> list[tuple[str, int]]:
        return [("Name", self.name), ("Role", self.role), ("Articles", 8), ("Quotes", 6),
                ("Words", 5), ("First – last", 23) if self.dates else ("Last", 10)]

    def cells(self, p: Person) -> tuple[Text, ...]:
        roles = "; ".join(p.roles[:2]) or KIND_LABEL.get(p.kind, "")
        # One day is said once: "2026-12-07 – 2026-12-07" on every row of a new library.
        span = p.first[:10] != p.last[:10]
        when = f"{p.first[:10]} – {p.last[:10]}" if self.dates and span else p.last[:10]
        return (
            # A speaker the engine only guessed is hedged and muted, as in the article.
            Text(one_line(p.shown_name, self.name), style="dim" if p.guessed else ""),
            Text(one_line(roles, self.role), style="dim"),
            Text(str(len(p.articles)), justify="right"),
            Text(str(p.quotes), justify="right"),
            Text(str(p.words), justify="right"),
            Text(when),
        )


def quote_widths(width: int) -> tuple[int, int]:
    """(article title, quote) widths of a person's quotes table."""
    room = width - SCROLLBAR - (len("2024-03-01") + len("Words") + 4 * PAD)
    # Two fifths: at 80 columns a title reads to ~22 cells, enough to tell articles apart.
    title = max(10, min(40, room * 2 // 5))
    return title, max(10, room - title)


def quote_cells(q: QuoteRow, title: int, quote: int) -> tuple[Text, ...]:
    return (
        Text(one_line(q.title, title)),
        Text(q.dated),
        Text(str(q.words), justify="right"),
        Text(one_line(q.text, quote)),
    )


def people_key(articles: Sequence[ArticleSummary]) -> list[tuple[object, ...]]:
    """What People shows of the articles: it changes when they come or go, are analysed
    again or retitled; not when one is opened (its last-read date) or given a note."""
    return [(a.id, a.title, a.added, a.quotes, a.speakers) for a in articles]


def read_people(path: Path) -> list[Person]:
    """The library's people, read on a worker's thread with its own connection: read-only,
    so a re-read never waits for another window's write lock nor takes one."""
    from reader.store import Store

    with Store.open(path, create=False, read_only=True) as store:
        return people_of(store)


def people_of(store: Any) -> list[Person]:
    """The library's people as People lists them: merged, the guessed ones marked."""
    people = build_people(store.speaker_rows())
    mark_guessed(people, store.guessed_speakers())
    return people


class PeopleView(Vertical):
    """People, or one person's quotes; escape steps back from the quotes to the people, and
    from the people out of the tab (the screen decides where). Letters typed in the people
    narrow them by name or role, as in the speakers panel; escape clears that first."""

    HELP_TITLE = "People"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="people.back",
                tooltip="From a person's quotes to the people; from the people to the articles"),
    ]

    class OpenQuote(Message):
        """Open this quote's article at the quote."""

        def __init__(self, article_id: int, start: int, end: int, person: str) -> None:
            super().__init__()
            self.article_id, self.start, self.end, self.person = article_id, start, end, person

    class Leave(Message):
        """Escape at the top of the People tab."""

    def __init__(
        self, *, person: str | None = None, quote: tuple[int, int] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.people: list[Person] = []
        self._generation = 0
        self._columns = PeopleColumns.fit(120)
        self.person: Person | None = None
        self.person_quotes: list[QuoteRow] = []
        #: Whose quotes to show once loaded (coming back from an article opened here).
        self._reopen = person
        #: And the quote (article id, start) the cursor goes back to.
        self._reopen_quote = quote
        self.loaded = False
        #: What was typed to narrow the people (by name or role); "" shows them all.
        self.filter_text = ""
        #: Indexes in `people` of those shown (matching the filter), in order.
        self.shown: list[int] = []

    def compose(self) -> ComposeResult:
        yield VoicesChart(id="people-voices")
        yield DataTable(id="people-table", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="people-quotes", cursor_type="row", zebra_stripes=True)
        yield Static(id="people-status")

    @property
    def people_table(self) -> DataTable[Any]:
        return self.query_one("#people-table", DataTable)

    @property
    def quotes_table(self) -> DataTable[Any]:
        return self.query_one("#people-quotes", DataTable)

    def on_mount(self) -> None:
        self.quotes_table.display = False

    def open(self) -> None:
        """The tab is shown: read the people the first time, and focus the table in use."""
        if not self.loaded:
            self.load()
            person = next((p for p in self.people if p.name == self._reopen), None)
            self._reopen = None
            if person is not None:
                self.show_person(person)
                self._back_on_quote()
                return
        self.screen.set_focus(self.quotes_table if self.person else self.people_table)

    def load(self) -> None:
        self.loaded = True
        store: Any = self.app.store  # type: ignore[attr-defined]
        try:
            self.people = people_of(store)
        except ReaderError as exc:
            self.notify(str(exc), title="People", severity="error", markup=False)
            self.people = []
        self.query_one(VoicesChart).show(voices(self.people))
        self._columns = PeopleColumns.fit(self.size.width or self.app.size.width)
        table = self.people_table
        table.clear(columns=True)
        for label, width in self._columns.labels():
            table.add_column(label, key=label.lower(), width=width)
        self._refill()

    def _refill(self) -> None:
        """The rows of the people matching the filter, from the first."""
        self.shown = [i for i, p in enumerate(self.people) if self._matches(p)]
        self.people_table.clear()
        self._generation += 1
        self._fill(0, FIRST_ROWS, self._generation)
        if self.person is None:  # else the line is the person's quotes'
            self._people_status()

    def reread(self) -> None:
        """The library changed (an article added or deleted here, in another window or by
        `reader add` in a shell): read the people again, on a thread so a big library does not
        stutter, once the tab has been built (a tab never shown reads them when it is)."""
        if not self.loaded:
            return
        from functools import partial

        path = self.app.store.path  # type: ignore[attr-defined]
        self.run_worker(partial(read_people, path), group=REREAD_GROUP, exclusive=True,
                        thread=True, exit_on_error=False, description="Reading the people again")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The people read again: shown where the reader is (the row, a person's quotes)."""
        if event.worker.group != REREAD_GROUP:
            return
        event.stop()
        if event.state != WorkerState.SUCCESS or event.worker.is_cancelled:
            return  # failed (busy, gone): the next change reads them again
        people: list[Person] = event.worker.result  # type: ignore[assignment]
        row = self.people_table.cursor_row
        # The cursor stays on a person, not a row number: people come and go above it.
        at = self.people[self.shown[row]].name if 0 <= row < len(self.shown) else None
        self.people = people
        self.query_one(VoicesChart).show(voices(people))
        self._refill()
        index = next((i for i, p in enumerate(people) if p.name == at), None)
        self.people_table.move_cursor(
            row=self.shown.index(index) if index in self.shown else min(row, len(self.shown)))
        if self.person is not None:
            self._reread_person(self.person.name)

    def _reread_person(self, name: str) -> None:
        """The open person's quotes as the library has them now (an article of theirs came or
        went); back to the people when they are no longer quoted anywhere."""
        updated = next((p for p in self.people if p.name == name), None)
        if updated is None:
            self.action_back()
            return
        table = self.quotes_table
        row = table.cursor_row
        was = self.person_quotes[row] if 0 <= row < len(self.person_quotes) else None
        if not self._read_person(updated):  # the focus stays where the reader left it
            return
        keys = [(q.article_id, q.start) for q in self.person_quotes]
        if was is not None and (was.article_id, was.start) in keys:
            table.move_cursor(row=keys.index((was.article_id, was.start)))

    def _matches(self, person: Person) -> bool:
        """The name or a role holds the filter, in any case and with accents folded as the
        library's search folds them (reader.fold: "muller" and "Mueller" find "Müller")."""
        wanted = self.filter_text
        return not wanted or any(found_in(wanted, part)
                                 for part in (person.name, *person.roles))

    def _people_status(self) -> None:
        n = len(self.people)
        everyone = f"{n} {'person' if n == 1 else 'people'}"
        if self.filter_text:
            text = (f"filter: {one_line(self.filter_text)} · {len(self.shown)} of {everyone}"
                    " · enter: quotes · esc clears")
        else:
            text = f"{everyone} quoted in the library · enter: quotes"
        self.query_one("#people-status", Static).update(Content(text))

    def set_filter(self, text: str) -> None:
        """Show only the people whose name or role holds `text` (any case)."""
        if text != self.filter_text:
            self.filter_text = text
            if self.loaded:
                self._refill()

    def on_key(self, event: events.Key) -> None:
        """Letters typed in the people narrow them (backspace undoes one, escape clears them
        all before it leaves the tab); the keys the tab needs are not printable, and `/`,
        bound first, still goes to the articles' filter."""
        if self.people_table.has_focus:
            self.take_key(event)

    def take_key(self, event: events.Key) -> None:
        """A key for the people's filter; also one typed right after ctrl+e, which reaches the
        library screen before this table has the focus."""
        if self.person is not None:
            return
        if event.key == "backspace" and self.filter_text:
            self.set_filter(self.filter_text[:-1])
        elif event.key == "escape" and self.filter_text:
            self.set_filter("")
        elif (event.is_printable and event.character
              and (event.character != " " or self.filter_text)):
            self.set_filter(self.filter_text + event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    def on_resize(self) -> None:
        if self.loaded and self.people and PeopleColumns.fit(self.size.width) != self._columns:
            row = self.people_table.cursor_row
            self.load()
            self.people_table.move_cursor(row=row)
        if self.person is not None:
            self._fill_quotes()

    def _fill(self, start: int, count: int, generation: int) -> None:
        """Rows from `start`: a screenful at once, the rest after each refresh, so a library
        of thousands of people opens as fast as one of ten (the table measures every cell)."""
        if generation != self._generation:
            return  # reloaded since
        table = self.people_table
        end = min(len(self.shown), start + count)
        for i in self.shown[start:end]:
            table.add_row(*self._columns.cells(self.people[i]), key=str(i))
        if end < len(self.shown):
            self.call_after_refresh(self._fill, end, LATER_ROWS, generation)

    def first_screen_shown(self) -> bool:
        """Whether the rows a person sees first are in the table (for the bench)."""
        table = self.people_table
        height = table.size.height - 1  # the header
        return self.loaded and height > 0 and table.row_count >= min(len(self.shown), height)

    def show_person(self, person: Person) -> None:
        """Their quotes, read now: only their articles' (the library's are many)."""
        if not self._read_person(person):
            return
        self.people_table.display = False
        self.quotes_table.display = True
        self.screen.set_focus(self.quotes_table)

    def _read_person(self, person: Person) -> bool:
        """Their quotes into the table and the status line (False: the library is busy)."""
        store: Any = self.app.store  # type: ignore[attr-defined]
        try:
            rows = [q for aid in person.articles for q in store.quote_rows(aid)]
        except ReaderError as exc:
            self.notify(str(exc), title="People", severity="error", markup=False)
            return False
        self.person = person
        self.person_quotes = list(quotes_of(person, rows))
        self._fill_quotes()
        n = len(self.person_quotes)
        quotes = f"{n} quote{'s' if n != 1 else ''}"
        text = f"{one_line(person.shown_name)}: {quotes} · enter: open · escape: back"
        self.query_one("#people-status", Static).update(Content(text))
        return True

    def _back_on_quote(self) -> None:
        """The cursor on the quote last opened (its row, found by article and offset)."""
        quote, self._reopen_quote = self._reopen_quote, None
        rows = [(q.article_id, q.start) for q in self.person_quotes]
        if quote in rows:
            self.quotes_table.move_cursor(row=rows.index(quote))

    def _fill_quotes(self) -> None:
        table = self.quotes_table
        row = table.cursor_row
        title, quote = quote_widths(self.size.width or self.app.size.width)
        table.clear(columns=True)
        for label, width in (("Article", title), ("Date", 10), ("Words", 5), ("Quote", quote)):
            table.add_column(label, key=label.lower(), width=width)
        for i, q in enumerate(self.person_quotes):
            table.add_row(*quote_cells(q, title, quote), key=str(i))
        table.move_cursor(row=row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        index = int(event.row_key.value or 0)
        if event.data_table.id == "people-table":
            if index < len(self.people):
                self.show_person(self.people[index])
        elif index < len(self.person_quotes) and self.person is not None:
            q = self.person_quotes[index]
            self.post_message(self.OpenQuote(q.article_id, q.start, q.end, self.person.name))

    def action_back(self) -> None:
        if self.person is None:
            self.post_message(self.Leave())
            return
        index = self.people.index(self.person) if self.person in self.people else 0
        self.person = None
        self.quotes_table.display = False
        self.people_table.display = True
        self.screen.set_focus(self.people_table)
        self.people_table.move_cursor(row=self.shown.index(index) if index in self.shown else 0)
        self._people_status()
