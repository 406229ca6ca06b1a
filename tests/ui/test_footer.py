"""The footer never cuts a label: a key that does not fit whole is left out (help lists it).

At 80 columns the footer ended in "h High"; while selecting, at 120, in "n No"."""

from __future__ import annotations

from typing import Any

import pytest

from reader.ui.textual_private import FooterKey

from .conftest import screen_lines, wait_for_analysis

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def shown_keys(app: Any) -> list[str]:
    return [
        f"{key.key_display} {key.description}".strip()
        for key in app.screen.query(FooterKey)
        if key.display
    ]


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_every_label_in_the_footer_is_whole(make_app: Any, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_for_analysis(pilot)
        for keys in ((), ("v",)):  # reading, then selecting (two more keys)
            await pilot.press(*keys)
            await pilot.pause()
            footer = screen_lines(app)[-1]
            keys_shown = shown_keys(app)
            assert keys_shown, "no footer"
            for label in keys_shown:
                assert label in footer, (label, footer)
            assert "^p Commands" in footer


async def test_a_dialog_shows_its_own_keys_not_the_article_s(make_app: Any) -> None:
    """Found by a fresh-eyes test: with the note editor open the footer still offered the
    article's keys ("q Quit", "v Select", "h Highlight"), which type letters into the note;
    the help and the legend, which escape closes, did the same."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        for opens, wanted in (
            (("j", "n"), "^s Save note"),
            (("question_mark",), "esc Close help"),
            (("l",), "esc Close legend"),
        ):
            await pilot.press(*opens)
            await pilot.pause()
            footer = screen_lines(app)[-1]
            assert wanted in footer, footer
            assert "Quit" not in footer and "Select" not in footer, footer
            await pilot.press("escape")
            await pilot.pause()
        assert "q Quit" in screen_lines(app)[-1]  # back in the article, its keys again


async def test_a_label_is_shown_once(make_app: Any) -> None:
    """Found by a fresh-eyes test: at 120 columns the article's footer read "… q Quit … ^q
    Quit", two keys for one thing; the first is kept (help lists both)."""
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_for_analysis(pilot)
        footer = screen_lines(app)[-1]
        assert "q Quit" in footer and footer.count("Quit") == 1, footer


async def test_the_speakers_panel_footer_offers_no_key_its_filter_takes(make_app: Any) -> None:
    """Found by a fresh-eyes test: with the Speakers panel focused the footer still offered
    "q Quit", "? Help", "/ Search", "h Highlight", but each of those letters went into the
    panel's name filter ("filter: q · 0 of 3"), so `q` never quit. The filter now takes
    letters only after `/`; while it does, the footer lists only keys that do what it says."""
    from reader.ui.screens.article import ArticleScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("tab")
        await pilot.pause()
        assert screen.speaker_panel.has_focus
        assert "/ Filter" in shown_keys(app)
        await pilot.press("slash")
        await pilot.pause()
        keys_shown = shown_keys(app)
        assert "space Expand" in keys_shown, keys_shown
        assert "^p" in screen_lines(app)[-1]
        for key in [label.split()[0] for label in keys_shown]:
            if len(key) == 1 and key.isprintable():
                await pilot.press(key)
                await pilot.pause()
                assert screen.speaker_panel.filter_text == "", (key, keys_shown)
        await pilot.press("escape")  # back to the text: its letter keys again
        await pilot.pause()
        assert "q Quit" in screen_lines(app)[-1]


async def test_the_search_bar_footer_offers_no_key_the_input_takes(make_app: Any) -> None:
    """Found by a fresh-eyes test: typing in the search bar, the footer offered "/ Search",
    but `/` there is typed into the query ("zh/": no matches)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("slash", *"gantz")
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "esc Cancel search" in footer, footer
        assert "/ Search" not in footer, footer


async def test_highlight_and_note_are_in_the_footer_at_80_columns(make_app: Any) -> None:
    """Found by a new user: at 80x24 the footer showed neither h (highlight) nor n (note), the
    two keys a reader needs most; it ran out of room after "l Legend"."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        for keys, wanted in (
            ((), ("h Highlight", "n Note", "/ Search", "? Help")),  # reading
            (("v",), ("h Highlight", "n Note", "o Other end", "? Help")),  # selecting
        ):
            await pilot.press(*keys)
            await pilot.pause()
            footer = screen_lines(app)[-1]
            for key in wanted:
                assert key in footer, footer
        assert "esc Cancel selection" in footer, footer  # selecting says so
        await pilot.press("escape")
        await pilot.pause()
        assert "q Quit" in screen_lines(app)[-1]
