"""Found by a new user in tmux: 5,000 characters sent as keystrokes into the article's search
bar (`/`, then `tmux send-keys -l`) froze the reader 17 s, and the "Too long" toast came last:
the query was searched again at every key. Keys in one burst are now inserted as one edit,
searched once, and what goes past the field's limit is refused at once."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events

from reader.ui.screens.article import ArticleScreen
from reader.ui.textual_private import shown_toasts
from reader.ui.widgets.field import LONGEST
from tests.ui.conftest import wait_for_analysis

pytestmark = pytest.mark.usefixtures("sample_analysed")


async def _paste_as_keys(make_app: Any, count: int) -> tuple[str, int, list[str]]:
    """`/` then `count` letters all at once: the query, how often it was searched, toasts."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        searched: list[str] = []
        run = screen._run_search

        def counted(query: str) -> None:
            searched.append(query)
            run(query)

        screen._run_search = counted  # type: ignore[method-assign]
        app.post_message(events.Key("slash", "/"))
        for _ in range(count):
            app.post_message(events.Key("e", "e"))
        for _ in range(10):
            await pilot.pause()
        query = screen.search_bar.input.value
        toasts = [str(toast.message) for toast in shown_toasts(app)]
    return query, len(searched), toasts


async def test_a_burst_of_keys_in_the_search_bar_is_searched_once(make_app: Any) -> None:
    query, searches, toasts = await _paste_as_keys(make_app, 600)
    assert query == "e" * 600
    assert searches <= 3, searches
    assert not [t for t in toasts if t.startswith("Too long")]


async def test_keys_past_the_fields_limit_are_refused_at_once(make_app: Any) -> None:
    query, searches, toasts = await _paste_as_keys(make_app, LONGEST + 50)
    assert query == "e" * LONGEST
    assert searches <= 3, searches
    assert len([t for t in toasts if t.startswith("Too long")]) == 1
