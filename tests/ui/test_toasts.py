"""Toasts never hide what the reader is reading off the screen: found by a new user, stacked
toasts covered the search bar's count and, stacked higher, the header."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets._toast import Toast

from reader.sources import Document
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import screen_lines, until, wait_for_analysis

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def _toasts(screen: Any) -> list[str]:
    return [str(t.render()) for t in screen.query(Toast)]


async def _until_toast(pilot: Any, screen: Any, words: str) -> None:
    """Until the newest toast on screen says `words`, then two more rounds of messages (the
    toasts are drawn and any still to come have come): no fixed pause that merely hopes so."""
    await until(pilot, lambda: any(words in t for t in _toasts(screen)[-1:]), 5, repr(words))
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_stacked_toasts_leave_the_search_count_and_the_header(
    make_app: Any, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("slash", *"qatar", "enter")
        await pilot.pause()
        before = screen_lines(app)
        for _ in range(8):  # `.` wraps round the one match: said in the status line
            await pilot.press("full_stop")
        for _ in range(8):  # the same notice eight times
            screen.notify("The panel is as narrow as it goes.")
        await _until_toast(pilot, screen, "The panel is as narrow as it goes.")
        texts = _toasts(screen)
        assert texts == ["The panel is as narrow as it goes."], texts  # once, not eight times
        for ago in ("1 min ago", "2 min ago"):  # the same Drafts notice, its age on a minute
            screen.notify(f"Another window has an unsaved note, typed {ago}.", title="Drafts")
        await _until_toast(pilot, screen, "2 min ago")
        texts = _toasts(screen)
        assert [t for t in texts if "unsaved" in t] == [
            "Drafts\nAnother window has an unsaved note, typed 2 min ago."], texts
        for n in range(5):
            screen.notify(f"Note {n} saved, and a few more words to wrap the toast.")
        screen.notify("The panel is as wide as it goes.\nA second line.", title="Panel")
        await _until_toast(pilot, screen, "Panel")
        lines = screen_lines(app)
        # The header, the upper half of the text, the row above the status line and the footer
        # are as they were before the toasts; the status line says where the search is (enter
        # closed the search bar).
        kept = [*range(size[1] // 2), size[1] - 3, size[1] - 1]
        assert [lines[i] for i in kept] == [before[i] for i in kept], "\n".join(lines)
        assert lines[-2].rstrip().endswith("match 1 of 1 for “qatar”  100%"), lines[-2]
        texts = _toasts(screen)
        assert len(texts) <= 3 and "Panel" in texts[-1], texts  # the newest few
        # An open search bar's count is not covered either.
        await pilot.press("slash", *"qatar")
        await pilot.pause()
        typing = screen_lines(app)
        assert "qatar" in typing[-3] and "match" in typing[-3], typing[-3]
        for n in range(5):
            screen.notify(f"Note {n} saved, and a few more words to wrap the toast.")
        await _until_toast(pilot, screen, "Note 4 saved")
        assert screen_lines(app)[-3] == typing[-3]



async def test_a_toast_in_the_library_leaves_its_status_line(tmp_path: Any) -> None:
    """Found driving the app at 80x24: "Not opened" (ctrl+o on a missing file) covered the
    library's status line."""
    from reader.store import Store
    from reader.ui.app import ReaderApp

    store = Store.open(tmp_path / "library.db")
    store.save_article(Document(title="Talks", source="/news/t.txt", text="Talks went on.\n"))
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        before = screen_lines(app)
        assert before[-2].strip().startswith("1 article")
        app.screen.notify("/nonexistent/file.txt: no such file.", title="Not opened",
                          severity="error")
        await _until_toast(pilot, app.screen, "no such file")
        lines = screen_lines(app)
        assert any("no such file" in line for line in lines)
        assert lines[-2] == before[-2] and lines[-1] == before[-1], "\n".join(lines)
    store.close()


def test_a_notice_differing_only_by_its_age_replaces_the_one_shown() -> None:
    from textual.notifications import Notification

    from reader.ui.toasts import to_drop

    old = Notification("Another window’s unsaved note, typed 1 min ago: ctrl+s stores it.")
    other = Notification("Another window’s unsaved note, typed 1 min ago.", title="Drafts")
    new = Notification("Another window’s unsaved note, typed 2 min ago: ctrl+s stores it.")
    assert to_drop([old, other], new) == [old]
    assert to_drop([old], Notification("Note 2 saved.")) == []


def test_earlier_or_just_now_outside_a_drafts_age_keeps_notices_apart() -> None:
    from textual.notifications import Notification

    from reader.ui.toasts import to_drop

    shown = Notification("That passage read differently earlier: the note stays on it.")
    new = Notification("That passage read differently just now: the note stays on it.")
    assert to_drop([shown], new) == []
    typed = Notification("Another window’s unsaved note, typed earlier: ctrl+s stores it.")
    again = Notification("Another window’s unsaved note, typed just now: ctrl+s stores it.")
    assert to_drop([typed], again) == [typed]
