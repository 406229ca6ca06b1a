"""The help screen and the command palette name each group of keys in a person's words."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import reader.ui
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.help import HelpScreen, title_of
from tests.ui.conftest import wait_for_analysis

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")

CLASS_NAME = re.compile(r"^[A-Z][a-z]+[A-Z]\w*$")  # SearchBar, SpeakerPanel…


def reader_classes_with_keys() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(reader.ui.__path__, "reader.ui."):
        if info.name.endswith("screenshots"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and value.__module__ == module.__name__
                and value.__dict__.get("BINDINGS")
            ):
                found.append(value)
    return found


def test_every_class_with_keys_has_a_human_heading() -> None:
    classes = reader_classes_with_keys()
    assert {c.__name__ for c in classes} >= {"SearchBar", "SpeakerPanel", "ArticleView"}
    for cls in classes:
        assert "HELP_TITLE" in cls.__dict__, f"{cls.__name__} has no HELP_TITLE"
        assert not CLASS_NAME.match(title_of(cls)), title_of(cls)


async def test_help_headings_are_words_not_widget_class_names(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        headings = [title for title, _ in help_screen._sections]
        assert "Search" in headings and "Speakers panel" in headings
        assert "SearchBar" not in headings and "SpeakerPanel" not in headings
        assert not [h for h in headings if CLASS_NAME.match(h)], headings
        shown = str(help_screen.query_one("#help-keys").content)
        assert "SearchBar" not in shown and "SpeakerPanel" not in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        # The command palette names its commands by the same headings.
        from reader.ui.commands import ReaderCommands, binding_commands

        provider = ReaderCommands(app.screen)
        names = [name for name, _, _ in binding_commands(provider)]
        assert any(n.startswith("Search: ") for n in names)
        assert not [n for n in names if CLASS_NAME.match(n.split(":")[0])]


async def test_a_long_description_wraps_under_itself_at_80_columns(make_app) -> None:
    """Found by a fresh-eyes test: at 80 columns "cursor", the end of n's description, stood
    alone at the left edge under the keys, where it read as a key of its own."""
    from tests.ui.conftest import screen_lines

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        # The first page starts with moving through the text (a new user found j/k, ]/[ and
        # g/G two pages down, under q, ?, /, s, S, e, l, o, p and t).
        assert app.screen._sections[0][0] == "Article: moving and selecting"
        page = "\n".join(screen_lines(app))
        assert "Article: moving and selecting" in page and "Next sentence" in page, page
        keys = app.screen.query_one("#help-keys")
        for _ in range(12):  # down to the row of n, which is too long for one line here
            lines = screen_lines(app)
            row = next((i for i, line in enumerate(lines) if "Add or edit the note" in line), None)
            if row is not None and row + 2 < len(lines) and "╰" not in lines[row + 2]:
                break  # with its next line inside the box
            keys.parent.scroll_relative(y=4, animate=False)
            await pilot.pause()
        assert row is not None
        first, then = lines[row], lines[row + 1]
        column = first.index("Add or edit")
        assert first[:column].rstrip().endswith("n")
        body = then[column:].split("│")[0].strip()
        inside = then[then[:column].rindex("│") + 1 : column]  # the article shows left of it
        assert body and inside.strip() == "", (first, then)
        assert "Add or edit the note on the highlight under the cursor" in " ".join(
            (first[column:].split("│")[0].strip(), body)
        )


async def test_help_lists_every_key_of_the_speakers_panel(make_app) -> None:
    """Found by a new user: the help listed only `space` for the Speakers panel, though
    arrows, enter, letters (the name filter), backspace and escape all work there. Each key
    the help names is pressed here and does what it says."""
    from reader.ui.widgets.speaker_panel import SpeakerPanel

    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = dict(next(rows for title, rows in help_screen._sections
                         if title == "Speakers panel"))
        keys = " / ".join(rows)
        for key in ("↓", "enter", "/", "letters", "backspace", "escape", "space"):
            assert key in keys, rows
        # The other two tabs had no section at all.
        for title in ("Entities panel", "Notes panel"):
            rows = dict(next(rows for heading, rows in help_screen._sections if heading == title))
            assert "enter" in rows and "↑ / ↓" in rows, (title, rows)
        await pilot.press("escape", "tab")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        panel = screen.query_one(SpeakerPanel)
        assert panel.has_focus
        await pilot.press("slash", *"gan")
        assert panel.filter_text == "gan"
        await pilot.press("backspace")
        assert panel.filter_text == "ga"
        await pilot.press("escape")
        assert panel.filter_text == ""
        await pilot.press("down", "down", "enter")  # the first card's first quote
        await pilot.pause()
        assert screen.current_quote is not None
