"""The library's search mode and People view inside the real ReaderApp, on a real database:
search, then open at the match; a person's quotes across articles, then open at the quote."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from reader.analysis.model import ENGINE_VERSION, Analysis, Mention, Quote, Speaker
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import ARTICLES, PEOPLE, LibraryScreen
from reader.ui.screens.library_people import PeopleView
from reader.ui.screens.library_search import LibrarySearchScreen

FIRST = (
    "Talks resume in Geneva\n\n"
    "The minister arrived on Monday. “We will not give up on the hostages,” Antony Blinken "
    "said.\n\n"
    "Critics were doubtful. “This plan will fail,” said Tom Reed, the opposition leader.\n"
)
SECOND = (
    "Talks end in Vienna\n\n"
    "Delegates left early. “The hostages must come home now,” Blinken said, and she agreed.\n\n"
    "“Nothing was decided,” said Maria Lopez, a spokeswoman.\n"
)


def analysis_of(text: str, quotes: list[tuple[str, str, str]]) -> Analysis:
    """Quotes as the engine would give them: (passage, speaker, the words that name them)."""
    found, speakers = [], {}
    for i, (passage, speaker, named) in enumerate(quotes):
        start = text.index(passage)
        at = text.index(named, start)
        found.append(Quote(i, start, start + len(passage), passage, speaker,
                           Mention(at, at + len(named), named), "said", "explicit"))
        sp = speakers.setdefault(speaker, Speaker(speaker, role=None))
        sp.quotes.append(i)
        sp.words += len(passage.split())
    return Analysis(quotes=found, speakers=list(speakers.values()))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "library.db")
    mid = model_id(None)
    for title, text, quotes in (
        ("Geneva", FIRST, [("“We will not give up on the hostages,”", "Antony Blinken",
                            "Antony Blinken"),
                           ("“This plan will fail,”", "Tom Reed", "Tom Reed")]),
        ("Vienna", SECOND, [("“The hostages must come home now,”", "Blinken", "Blinken"),
                            ("“Nothing was decided,”", "Maria Lopez", "Maria Lopez")]),
    ):
        record = store.save_article(Document(title=title, source=f"/news/{title}.txt",
                                             text=text))
        # Under the key the reader looks up, so opening is instant and needs no model.
        store.cache_analysis(record.hash, mid, ENGINE_VERSION, analysis_of(text, quotes))
    with store.db.conn:  # fixed dates for the snapshot
        store.db.execute("UPDATE articles SET added = '2024-03-0' || id || 'T10:00:00'")
    yield store
    store.close()


async def test_search_then_open_at_the_match(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("slash", "slash")  # filter titles, then search the texts
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibrarySearchScreen)
        await pilot.press(*"plan")
        await pilot.pause()
        # The quote, not again as its paragraph's text (the same words, without a speaker).
        assert {(h.title, h.kind) for h in screen.hits} == {("Geneva", "quote")}
        assert screen.query_one(DataTable).row_count == 1
        quote = next(h for h in screen.hits if h.kind == "quote")
        row = screen.hits.index(quote)
        await pilot.press("down", *["down"] * row, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        record = app.screen.record
        assert record.title == "Geneva"
        assert record.position == quote.offset
        assert record.text[quote.offset : quote.offset + 4] == "plan"


async def test_an_unclosed_phrase_is_mended_and_the_typed_text_kept(store: Store) -> None:
    """The library searches as you type: '"hostages' (the closing quote not typed yet) is
    searched as the phrase it will be, never an error, and the field keeps what was typed."""
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        app.show_library_search('"hostages')
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibrarySearchScreen)
        assert {h.title for h in screen.hits} == {"Geneva", "Vienna"}
        assert "not a search" not in str(screen.query_one("#search-status").render())
        field = screen.query_one(Input)
        assert field.value == '"hostages'
        field.value = ""
        await pilot.pause()
        await pilot.press("slash")  # back to filtering titles
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


def people_tab(app: ReaderApp) -> tuple[LibraryScreen, PeopleView]:
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    assert screen.tab == PEOPLE
    view = screen.people_view
    assert view is not None
    return screen, view


async def test_people_tab_then_quotes_then_open_and_back_one_level(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")  # the People tab of the library screen
        await pilot.pause()
        _, view = people_tab(app)
        names = [p.name for p in view.people]
        assert sorted(names) == ["Antony Blinken", "Maria Lopez", "Tom Reed"]
        blinken = view.people[names.index("Antony Blinken")]
        assert (blinken.articles, blinken.quotes) == ([1, 2], 2)
        await pilot.press(*["down"] * names.index("Antony Blinken"), "enter")
        await pilot.pause()
        assert [(q.title, q.speaker) for q in view.person_quotes] == [
            ("Geneva", "Antony Blinken"), ("Vienna", "Blinken")]
        status = str(view.query_one("#people-status").render())
        assert status == "Antony Blinken: 2 quotes · enter: open · escape: back"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.record.title == "Vienna"
        assert app.screen.record.position == SECOND.index("“The hostages")
        # Escape steps back one level at a time: the quote opened at (marked, as one chosen
        # in the speakers panel), his quotes, the people, the articles.
        assert app.screen.view.focused_span is not None
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        await pilot.pause()
        _, view = people_tab(app)
        assert view.person is not None and view.person.name == "Antony Blinken"
        assert view.quotes_table.display and view.quotes_table.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert view.person is None and view.people_table.has_focus
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and screen.tab == ARTICLES
        assert screen.table.has_focus


async def test_tabs_take_no_letters_from_the_filter(store: Store) -> None:
    """In the People tab, `/` goes back to filtering titles and what is typed lands there;
    ctrl+e switches the tabs both ways."""
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        people_tab(app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and screen.tab == ARTICLES
        await pilot.press("ctrl+e")
        await pilot.pause()
        people_tab(app)
        await pilot.press("slash", *"vien")
        await pilot.pause()
        assert screen.tab == ARTICLES
        assert screen.filter_input.value == "vien"
        assert [a.title for a in screen.shown] == ["Vienna"]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_people_tab_fits_its_width(store: Store, size: tuple[int, int]) -> None:
    """Every header of the people table and the whole voices legend, each on its line."""
    from tests.ui.conftest import screen_lines

    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=size) as pilot:
        app.show_people()
        await pilot.pause()
        await pilot.pause()
        lines = screen_lines(app)
        header = next(line for line in lines if "Name" in line and "Articles" in line)
        for label in ("Role", "Quotes", "Words"):
            assert label in header
        assert header.rstrip().endswith(("First – last", "Last"))
        who = next(line for line in lines if line.strip().startswith("Who"))
        assert "people" in who and "unnamed" in who and who.rstrip().endswith("%")
        gender = next(line for line in lines if line.strip().startswith("Gender"))
        assert "women" in gender and gender.rstrip().endswith("unknown 0%")
        for person in ("Antony Blinken", "Maria Lopez", "Tom Reed"):
            assert any(person in line for line in lines)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_people_snapshot(
    store: Store, snap_compare, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The title names the database, whose temporary path changes from run to run.
    monkeypatch.setattr(ReaderApp, "library_label", property(lambda app: "Library · library.db"))

    async def people(pilot) -> None:
        pilot.app.show_people()
        await pilot.pause()
        await pilot.pause()

    app = ReaderApp(store=store, start_in_library=True)
    assert snap_compare(app, terminal_size=size, run_before=people)


async def test_ctrl_f_searches_what_the_filter_holds(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"hostages")  # typed into the title filter: no title matches
        await pilot.pause()
        assert app.screen.shown == []  # type: ignore[attr-defined]
        await pilot.press("ctrl+f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibrarySearchScreen)
        assert screen.query_one(Input).value == "hostages"  # what was typed is kept
        assert {h.title for h in screen.hits} == {"Geneva", "Vienna"}
        # ... selected, so a new query typed replaces it ("muller" again read "mullermuller").
        await pilot.press(*"geneva")
        await pilot.pause()
        assert screen.query_one(Input).value == "geneva"


def test_people_columns_and_voices_fit_every_width() -> None:
    """From 60 columns up, the people table's columns and both lines of the voices chart fit
    the width they are drawn in (the chart has a padding cell each side)."""
    from reader.people.voices import Voices
    from reader.ui.screens.library_people import PAD, SCROLLBAR, PeopleColumns
    from reader.ui.widgets.voices_chart import GENDER_PARTS, KIND_PARTS, chart_line, fit

    many = Voices(by_kind={"person": 123456, "org": 23456, "unnamed": 3456},
                  by_gender={"f": 45678, "m": 67890, "unknown": 9876},
                  people_by_gender={"f": 4, "m": 6, "unknown": 1})
    for width in range(60, 201):
        columns = PeopleColumns.fit(width)
        labels = columns.labels()
        assert sum(w for _, w in labels) + PAD * len(labels) + SCROLLBAR <= width
        assert all(w >= len(label) for label, w in labels[:1] + labels[2:])
        cells, short = fit(many, width - 2)
        for counts, parts in ((many.by_kind, KIND_PARTS), (many.by_gender, GENDER_PARTS)):
            assert chart_line("Who", counts, parts, cells, short).cell_length <= width - 2


async def test_typing_in_the_people_tab_narrows_them(store: Store) -> None:
    """Letters typed narrow the people by name, as the speakers panel's filter does; enter,
    the arrows and escape keep their jobs (escape clears the filter before leaving)."""
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen, view = people_tab(app)
        await pilot.press(*"lo")  # only in Maria Lopez
        await pilot.pause()
        assert [view.people[i].name for i in view.shown] == ["Maria Lopez"]
        assert view.people_table.row_count == 1
        assert "filter: lo · 1 of 3 people" in str(view.query_one("#people-status").render())
        await pilot.press("backspace", *"óp")  # accents folded as the library's search folds
        await pilot.pause()
        assert [view.people[i].name for i in view.shown] == ["Maria Lopez"]
        await pilot.press("backspace", "backspace", "o")  # "lo" again
        await pilot.press("backspace", *"n")  # "l" then "ln": no one; back to "l"
        await pilot.pause()
        assert view.people_table.row_count == 0
        await pilot.press("backspace", "backspace", *"BLIN")  # any case
        await pilot.pause()
        assert [view.people[i].name for i in view.shown] == ["Antony Blinken"]
        await pilot.press("enter")
        await pilot.pause()
        assert view.person is not None and view.person.name == "Antony Blinken"
        await pilot.press("escape")  # his quotes, back to the people still narrowed
        await pilot.pause()
        assert view.person is None and view.people_table.row_count == 1
        await pilot.press("escape")  # the filter cleared
        await pilot.pause()
        assert view.filter_text == "" and view.people_table.row_count == 3
        assert screen.tab == PEOPLE
        await pilot.press("escape")  # and only then out of the tab
        await pilot.pause()
        assert screen.tab == ARTICLES


async def test_the_footer_keeps_the_people_key_whole_at_80_columns(store: Store) -> None:
    from tests.ui.conftest import screen_lines

    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "^e People" in footer
        assert footer.rstrip().endswith("^p Commands")
        for label in footer.split("  "):  # every key shown has its whole label
            assert label.strip() in {"", "⏎ Open", "f1 Help", "^e People", "^o Open file/URL",
                                     "/ Filter", "^d Delete", "^s Sort", "▏^p Commands"}


async def test_ctrl_e_switches_tabs_while_the_filter_has_the_focus(store: Store) -> None:
    """With letters typed into the filter (so it has the focus), the footer offered
    `^e People` but ctrl+e went to the filter field, which moved its cursor to the end."""
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"vien")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and screen.filter_input.has_focus
        await pilot.press("ctrl+e")
        await pilot.pause()
        people_tab(app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert screen.tab == ARTICLES


def test_a_person_quoted_on_one_day_has_that_date_once() -> None:
    """Found driving the reader at 120 columns: every row of a new library's People table read
    "2026-12-07 – 2026-12-07". One day is said once; a span of days as before."""
    from reader.people.library import Person
    from reader.ui.screens.library_people import PeopleColumns

    columns = PeopleColumns.fit(120)
    assert columns.dates
    one = Person("Ann Lee", "person", "f", "text", first="2026-12-07T10:00:00",
                 last="2026-12-07T16:00:00")
    two = Person("Bo Diaz", "person", "m", "text", first="2026-12-01T10:00:00",
                 last="2026-12-07T16:00:00")
    assert columns.cells(one)[-1].plain == "2026-12-07"
    assert columns.cells(two)[-1].plain == "2026-12-01 – 2026-12-07"


async def test_an_open_persons_quotes_follow_the_library(store: Store) -> None:
    """Found by the app review: after the people were read again (an article added), the
    quotes of the person open stayed as they were, and the people's cursor kept its row
    number, not its person. Their quotes are read again, the cursor stays on its quote."""
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen, view = people_tab(app)
        names = [p.name for p in view.people]
        await pilot.press(*["down"] * names.index("Antony Blinken"), "enter", "down")
        await pilot.pause()
        assert view.quotes_table.cursor_row == 1  # Vienna's
        text = "Talks go on\n\n“We stay in Geneva,” Antony Blinken said.\n"
        record = store.save_article(Document(title="Again", source="/news/Again.txt",
                                             text=text))
        store.cache_analysis(record.hash, model_id(None), ENGINE_VERSION, analysis_of(
            text, [("“We stay in Geneva,”", "Antony Blinken", "Antony Blinken")]))
        screen.refresh_articles()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.person is not None and view.person.quotes == 3
        assert [q.title for q in view.person_quotes] == ["Geneva", "Vienna", "Again"]
        assert view.quotes_table.row_count == 3
        assert view.quotes_table.cursor_row == 1  # still on Vienna's
        status = str(view.query_one("#people-status").render())
        assert status.startswith("Antony Blinken: 3 quotes"), status
        await pilot.press("escape")
        await pilot.pause()
        row = view.people_table.cursor_row
        assert view.people[view.shown[row]].name == "Antony Blinken"


def test_the_people_are_read_again_without_a_write_lock(store: Store, tmp_path: Path) -> None:
    """Found by the app review: reading the people again opened the library for writing
    (migration, BEGIN IMMEDIATE) each time: it waited for, and failed behind, another
    window's write. Read-only now, and only when what People shows changed."""
    import sqlite3
    from dataclasses import replace

    from reader.ui.screens.library_people import people_key, read_people

    writer = sqlite3.connect(tmp_path / "library.db", timeout=0)
    writer.execute("BEGIN IMMEDIATE")  # another window in the middle of a write
    try:
        people = read_people(tmp_path / "library.db")
    finally:
        writer.rollback()
        writer.close()
    assert sorted(p.name for p in people) == ["Antony Blinken", "Maria Lopez", "Tom Reed"]
    articles = store.list_articles()
    opened = [replace(a, last_opened="2030-01-01T00:00:00", notes=a.notes + 1)
              for a in articles]
    assert people_key(opened) == people_key(articles)
    assert people_key(articles[1:]) != people_key(articles)
