"""The status line's right half says what is under the reading cursor, or what the last key
did, never something stale; its halves never run together; stepping round the end of the
quotes says so."""

from __future__ import annotations

from typing import Any

import pytest

from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import screen_lines, wait_for_analysis

from .conftest import toast_texts

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def article(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


def info(screen: ArticleScreen) -> str:
    return str(screen.query_one("#status-info").content)




async def test_the_quote_info_follows_the_cursor(make_app) -> None:
    """QA: "Benny Gantz · quote 2 of 7" stayed after G, } and j moved elsewhere."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("right_square_bracket", "right_square_bracket", "s")
        await pilot.pause()
        quote = screen.quote(screen.current_quote)
        assert info(screen) == f"{quote.speaker} · quote 2 of 7"
        await pilot.press("G")  # the last sentence is no quote
        await pilot.pause()
        assert screen.view.quote_at_cursor() is None
        assert info(screen) == ""
        await pilot.press("g")
        for _ in range(40):  # j until the cursor is in a quote: the line names it
            await pilot.press("j")
            if screen.view.quote_at_cursor() is not None:
                break
        await pilot.pause()
        mark = screen.view.quote_at_cursor()
        assert mark is not None
        quote = screen.quote(mark.quote_id)
        assert info(screen).startswith(f"{quote.speaker or 'Unattributed'} · quote ")
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await pilot.pause()
        mark = screen.view.quote_at_cursor()
        expected = "" if mark is None else screen._quote_info(screen.quote(mark.quote_id))
        assert info(screen) == expected


async def test_a_message_lasts_until_the_next_key(make_app) -> None:
    """QA: "highlight deleted (u undoes)" persisted through unrelated actions."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("j", "h")
        await pilot.pause()
        assert info(screen).startswith("highlighted")
        await pilot.press("x")
        await pilot.pause()
        assert info(screen) == "highlight deleted (u undoes)"
        await pilot.press("t")  # an unrelated key that says nothing
        await pilot.pause()
        assert "deleted" not in info(screen)
        await pilot.press("e")
        await pilot.pause()
        assert info(screen) == "entities hidden"
        await pilot.press("p")
        await pilot.pause()
        assert info(screen) != "entities hidden"


async def test_the_halves_never_run_together_at_80x24(make_app) -> None:
    """QA: "141 entitieshighlighted…" at 80×24."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        status = screen.status_text
        await pilot.press("v", "j", "j", "j", "h")  # a long message
        await pilot.pause()
        room = screen.query_one("#status").content_region.width - len(status)
        assert len(info(screen)) > room  # too long to fit beside the whole summary
        row = screen.query_one("#status").region.y
        line = screen_lines(app)[row]
        # The summary is cut (with an ellipsis), the message is whole, and two spaces at least
        # stand between them.
        assert info(screen) in line
        before = line[: line.index(info(screen))]
        assert before.rstrip().endswith("…") and before.endswith("  "), line
        assert before.strip().startswith(status[:8])


async def test_quote_keys_say_when_they_wrap_round(make_app) -> None:
    """In the status line, as vim's "search hit BOTTOM, continuing at TOP": found by a new
    user, `]` went from the last quote to the first with nothing but a passing toast."""
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        ordered = sorted(screen.analysis.quotes, key=lambda q: q.start)
        await pilot.press("G", "right_square_bracket")  # past the last quote: the first
        await pilot.pause()
        assert screen.current_quote == ordered[0].id
        assert info(screen).startswith("wrapped to the first quote · "), info(screen)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.current_quote == ordered[-1].id
        assert info(screen).startswith("wrapped to the last quote · "), info(screen)
        await pilot.press("left_square_bracket")  # an ordinary step says nothing of it
        await pilot.pause()
        assert "wrapped" not in info(screen)
        await pilot.press("g", "s")  # the first quote of the speaker last jumped to
        await pilot.pause()
        speaker = screen.quote(screen.current_quote).speaker
        quotes = screen._speaker_quotes(speaker)
        assert speaker and len(quotes) >= 2
        assert screen.current_quote == quotes[0].id
        for _ in range(len(quotes) - 1):
            await pilot.press("s")
            await pilot.pause()
            assert "wrapped" not in info(screen)
        assert screen.current_quote == quotes[-1].id
        await pilot.press("s")
        await pilot.pause()
        assert screen.current_quote == quotes[0].id
        assert info(screen).startswith(f"wrapped to {speaker}’s first quote · "), info(screen)
        await pilot.press("S")
        await pilot.pause()
        assert screen.current_quote == quotes[-1].id
        assert info(screen).startswith(f"wrapped to {speaker}’s last quote · "), info(screen)
        assert not await toast_texts(pilot)  # said once, where the reader looks


async def test_search_says_when_it_wraps_round(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("slash", *"lapid", "enter")
        await pilot.pause()
        total = screen.view.match_count
        assert total >= 2
        for _ in range(total - 1):
            await pilot.press("full_stop")
            await pilot.pause()
            assert "wrapped" not in info(screen)
        await pilot.press("full_stop")
        await pilot.pause()
        assert screen.view.match_index == 0
        assert info(screen) == f"wrapped to the first match · match 1 of {total} for “lapid”"
        await pilot.press("comma")
        await pilot.pause()
        assert info(screen) == (
            f"wrapped to the last match · match {total} of {total} for “lapid”")


async def test_x_says_when_it_deleted_a_note_with_the_highlight(make_app) -> None:
    """Found by a fresh-eyes test: x on a highlight with a written note said only "highlight
    deleted", though the note went with it."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("j", "n", *"a thought", "ctrl+s")
        await pilot.pause()
        await pilot.press("x", "y")  # a note is deleted only when the question is answered
        await pilot.pause()
        assert info(screen) == "highlight and its note deleted (u undoes)"


async def test_what_a_key_did_is_read_whole_at_80x24(make_app) -> None:
    """Found by a fresh-eyes test: at 80×24 the right half lost its end ("highlighted 21 words
    · 1-5 colour ·…", "back to the text · escape again for…"); the summary gives way instead."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        summary = screen.status_text
        row = screen.query_one("#status").region.y
        await pilot.press("v", "j", "j", "j", "h")
        await pilot.pause()
        message = info(screen)
        assert message.startswith("highlighted") and message.endswith("n note")
        line = screen_lines(app)[row]
        assert message in line, line
        # The summary keeps its start, cut with an ellipsis, and the halves stay apart.
        assert line.strip().startswith(summary.split(" · ")[0])
        before = line[: line.index(message)]
        assert before.endswith("  ") and before.rstrip().endswith(("…", summary)), line
        await pilot.press("tab", "escape")
        await pilot.pause()
        line = screen_lines(app)[row]
        assert "back to the text · escape again for the library" in line, line
        await pilot.press("j")  # the message goes: the summary is whole again
        await pilot.pause()
        assert summary in screen_lines(app)[row]


async def test_r_says_what_it_does_when_there_is_nothing_to_retry(make_app) -> None:
    """Found by a new user: `r` (retry a stopped analysis) did nothing at all, unsaid, on an
    article whose analysis was complete. It now says so on the status line, read whole at
    80 columns; the retry itself is not offered (the analysis is untouched)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        analysis = screen.analysis
        await pilot.press("r")
        await pilot.pause()
        said = info(screen)
        assert said == "r retries a stopped analysis: this one is complete"
        assert said in screen_lines(app)[-2]
        assert screen.analysis is analysis and screen.analysis_complete
        await pilot.press("j")
        await pilot.pause()
        assert "retries" not in info(screen)  # until the next key, as every message
