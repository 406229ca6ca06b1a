"""The article search as the QA tester drove it: enter goes back to reading, `.`/`,` step, the
bar and the status line agree, escape clears; quotation marks match either way; the current
match stands apart from the other matches and from a quote jumped to."""

from __future__ import annotations

from typing import Any

import pytest
from rich.style import Style
from textual import events

from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.search_bar import SearchBar
from tests.ui.conftest import wait_for_analysis

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def article(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


def info(screen: ArticleScreen) -> str:
    return str(screen.query_one("#status-info").content)


def style_at(screen: ArticleScreen, offset: int) -> Style:
    """The style the article draws the char at `offset` with (it must be on screen)."""
    view = screen.view
    x, y = view.point_of(offset)
    assert 0 <= y < view.scrollable_content_region.height, "not on screen"
    cell = 0
    for segment in view.render_line(y):
        if cell <= x < cell + segment.cell_length:
            assert segment.style is not None
            return segment.style
        cell += segment.cell_length
    raise AssertionError(f"no segment at cell {x}")


async def test_enter_returns_to_the_article_where_dot_and_comma_step(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        bar = screen.query_one(SearchBar)
        await pilot.press("slash", *"blinken", "enter")
        await pilot.pause()
        assert screen.view.has_focus, "enter kept the focus in the search input"
        total = screen.view.match_count
        assert total > 3
        for n, key in [(2, "full_stop"), (3, "full_stop"), (2, "comma"), (1, "comma")]:
            await pilot.press(key)
            await pilot.pause()
            assert bar.input.value == "blinken"
            assert bar.count_text == f"match {n} of {total}"
            assert info(screen).startswith(f"match {n} of {total}")


async def test_the_bar_and_the_status_line_never_disagree(make_app) -> None:
    """QA: the bar said "no matches" while the status line said "match 1 of 1"."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        bar = screen.query_one(SearchBar)
        await pilot.press("slash", *"non-starter")
        await pilot.pause()
        assert bar.count_text == "match 1 of 1"
        assert info(screen).startswith("match 1 of 1")
        await pilot.press(*"zzz")
        await pilot.pause()
        assert bar.count_text == "no matches"
        assert "match 1" not in info(screen) and "no match" in info(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert "match" not in info(screen)


async def test_escape_closes_the_bar_and_clears_the_marks(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        bar = screen.query_one(SearchBar)
        await pilot.press("slash", *"gantz", "enter")
        await pilot.pause()
        span = screen.last_match
        assert span is not None
        marked = style_at(screen, span[0])
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.display and screen.view.match_count == 0
        assert style_at(screen, span[0]) != marked
        assert isinstance(app.screen, ArticleScreen)  # the first escape only closed the search
        # `.` brings the last search's marks back, as vim's n does (its bar closed, as after
        # enter: the status line says which match).
        await pilot.press("full_stop")
        await pilot.pause()
        assert not bar.display and screen.view.match_count > 0
        assert "match " in info(screen)


@pytest.mark.parametrize(
    ("typed", "found"),
    [("Israel's", "Israel’s"), ('"clear', "“clear"), ("hamas's response", "Hamas’s response")],
)
async def test_straight_quotes_find_curly_ones(
    make_app, sample_doc, typed: str, found: str
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("slash", *typed)
        await pilot.pause()
        assert screen.view.match_count == sample_doc.text.count(found) > 0
        span = screen.last_match
        assert span is not None and sample_doc.text[span[0] : span[1]] == found


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord", "dracula"])
async def test_the_current_match_stands_apart(make_app, theme: str) -> None:
    """In textual-dark the theme's accent and warning colours are one colour: the current
    match looked like the others, and like a quote jumped to."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = theme
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("slash", *"gantz", "enter")
        await pilot.pause()
        current = screen.last_match
        assert current is not None
        view = screen.view
        other = next(m for m in view._matches if m != current and view.point_of(m[0])[1] >= 0
                     and view.point_of(m[0])[1] < view.scrollable_content_region.height)
        current_style = style_at(screen, current[0])
        other_style = style_at(screen, other[0])
        assert current_style.bgcolor != other_style.bgcolor
        assert current_style.underline and not other_style.underline
        await pilot.press("escape", "right_square_bracket")  # a quote jumped to
        await pilot.pause()
        quote = screen.quote(screen.current_quote)
        quote_style = style_at(screen, quote.start)
        assert quote_style.bgcolor not in (current_style.bgcolor, other_style.bgcolor)


async def test_a_query_typed_in_one_burst_after_slash_goes_to_the_search(make_app) -> None:
    """In tmux, `/Israel's` sent at once toggled the entities (e) and opened the legend (l):
    the keys reached the article before the search input had the focus."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        for key, char in [("slash", "/"), *[(c if c != "'" else "apostrophe", c)
                                             for c in "Israel's"]]:
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert screen.view.show_entities and screen.view.show_quotes
        bar = screen.query_one(SearchBar)
        assert bar.input.value == "Israel's"
        assert bar.count_text.startswith("match 1 of ")
        await pilot.press("enter", "full_stop")
        await pilot.pause()
        assert screen.view.has_focus and bar.count_text.startswith("match 2 of ")


async def test_v_on_a_match_selects_it_and_it_is_drawn_selected(make_app) -> None:
    """The selection is drawn over the search match: `v` on a match looked as if nothing was
    selected, and `w` then seemed to start the selection after the match."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("slash", *"eizenkot", "enter")
        await pilot.pause()
        match = screen.last_match
        assert match is not None
        matched = style_at(screen, match[0])
        await pilot.press("v", "w")
        await pilot.pause()
        span = screen.view.selection_span
        assert span is not None and span[0] == match[0] and span[1] > match[1]
        selected_match = style_at(screen, match[0])
        selected_after = style_at(screen, match[1] + 1)
        assert selected_match.bgcolor == selected_after.bgcolor != matched.bgcolor


async def test_a_huge_paste_into_the_search_bar_answers_at_once(make_app) -> None:
    """Found by a fresh-eyes test: 1 MB pasted into the search bar (an article's text, by a
    slip of the clipboard) froze the reader 15 s: the query was compiled to a pattern and run
    over the article at the paste, though no text shorter than it can hold it."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("/")
        await pilot.pause()
        pasted = "a line of an article pasted by mistake " * 25_000
        screen.search_bar.input.post_message(events.Paste(pasted))
        await pilot.pause()
        # Refused whole since: with it in the field every key after it took half a minute
        # (Textual's Input measures its whole value at each key; tests/ui/test_field_paste.py).
        assert screen.search_bar.input.value == ""
        assert len(info(screen)) < 200, "the status line quotes the query short"
        # A long query that fits the field still answers "no matches".
        screen.search_bar.input.value = pasted[:4000]
        await pilot.pause()
        assert str(screen.search_bar.query_one("#search-count").content) == "no matches"


async def test_escape_while_typing_goes_back_where_the_search_began(make_app) -> None:
    """Found by a new user: escape from `/` left the cursor (and the page) at the match. As in
    vim and less, escape now cancels the search, back to the sentence and the page it began
    on; enter accepts the match and stays there."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        view = screen.view
        await pilot.press("j", "j")
        await pilot.pause()
        cursor, top = view.cursor_span, view.scroll_y
        await pilot.press("slash", *"qatar")
        await pilot.pause()
        assert view.cursor_span != cursor and view.scroll_y != top  # the match, far below
        await pilot.press("escape")
        await pilot.pause()
        assert (view.cursor_span, view.scroll_y) == (cursor, top)
        assert view.has_focus and view.match_count == 0
        assert "cancelled" in info(screen)
        # Enter accepts: the cursor stays at the match, and escape then only clears the marks.
        await pilot.press("slash", *"qatar", "enter")
        await pilot.pause()
        at_match = view.cursor_span
        assert at_match != cursor
        await pilot.press("escape")
        await pilot.pause()
        assert view.cursor_span == at_match and view.match_count == 0


async def test_enter_closes_the_bar_and_the_matches_stay_to_step_through(make_app) -> None:
    """A new user found the `Search:` line stayed on screen after enter. Enter closes it; the
    matches stay marked, `.` and `,` step through them (the status line says which), and
    escape clears them."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        bar = screen.query_one(SearchBar)
        await pilot.press("slash", *"blinken", "enter")
        await pilot.pause()
        assert not bar.display
        total = screen.view.match_count
        assert total > 3
        await pilot.press("full_stop")
        await pilot.pause()
        assert not bar.display
        assert screen.view.match_index == 1
        assert info(screen).startswith(f"match 2 of {total}")
        await pilot.press("escape")
        await pilot.pause()
        assert screen.view.match_count == 0
        assert isinstance(app.screen, ArticleScreen)
