"""NoteEditor: ctrl+s returns the typed text, escape returns None, the passage is never markup."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Static, TextArea

from reader.ui.screens.note_editor import NoteEditor

CSS = Path(__file__).parents[2] / "reader" / "ui" / "library.tcss"


class EditorApp(App[None]):
    CSS_PATH = str(CSS)

    def __init__(self, passage: str, note: str = "") -> None:
        super().__init__()
        self.passage = passage
        self.note = note
        self.results: list[str | None] = []

    def on_mount(self) -> None:
        self.push_screen(NoteEditor(self.passage, self.note), self.results.append)


async def test_ctrl_s_returns_the_typed_text() -> None:
    app = EditorApp("The passage the reader highlighted.")
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"Key point", "enter", *"second line")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == ["Key point\nsecond line"]
        assert not isinstance(app.screen, NoteEditor)


async def test_existing_note_is_prefilled_and_extended() -> None:
    app = EditorApp("A passage.", note="old note")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "old note"
        await pilot.press("space", "+")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == ["old note +"]


async def test_escape_returns_none() -> None:
    app = EditorApp("A passage.", note="kept in the db")
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"typed but cancelled")
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


async def test_typed_text_survives_while_the_modal_is_open() -> None:
    app = EditorApp("A passage.")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"draft")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "draft"
        assert app.results == []


async def test_passage_is_plain_text_not_markup() -> None:
    passage = "[bold red]not markup[/] and [link=x]more[/link] words"
    app = EditorApp(passage)
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = app.screen.query_one("#note-passage", Static)
        assert "[bold red]not markup[/]" in str(shown.render())


async def test_a_long_passage_is_shown_whole_and_scrolls() -> None:
    """Found by a new user: the editor quoted the passage's first twelve words, cut at 120
    columns, as if that were the passage. It is shown whole, wrapped; longer than its rows,
    the hint says so and ctrl+down scrolls it (the keys still go to the note)."""
    from textual.containers import VerticalScroll

    from tests.ui.conftest import screen_lines

    passage = " ".join(f"word{i}" for i in range(60))
    app = EditorApp(passage)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = str(app.screen.query_one("#note-passage", Static).render())
        assert shown.split() == passage.split() and "…" not in shown
        box = app.screen.query_one("#note-passage-box", VerticalScroll)
        assert box.max_scroll_y > 0
        hint = app.screen.query_one("#note-hint")
        assert "the passage goes on: ctrl+↑↓ scroll the passage" in str(hint.render())
        # No blank rows under the hint: the dialog is as tall as the box shown, not the
        # whole passage (which it was, sized by CSS alone).
        assert app.screen.query_one("#note-dialog").region.bottom == hint.region.bottom + 1
        assert not any("word59" in line for line in screen_lines(app))
        for _ in range(4):
            await pilot.press("ctrl+down")
        await pilot.pause()
        assert any("word59" in line for line in screen_lines(app))
        await pilot.press(*"ok", "ctrl+s")
        await pilot.pause()
        assert app.results == ["ok"]


async def test_a_short_passage_says_nothing_of_scrolling() -> None:
    app = EditorApp("A short passage of a few words, well under the width of one row.")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "passage" not in str(app.screen.query_one("#note-hint").render())


async def test_a_burst_of_keys_then_ctrl_s_keeps_every_key() -> None:
    """Keys arriving in one read (a fast typist, a paste, tmux send-keys) are all saved:
    ctrl+s must not overtake the keys queued before it."""
    from textual import events

    app = EditorApp("A passage.")
    async with app.run_test() as pilot:
        await pilot.pause()
        for char in "burst":
            app.post_message(events.Key(char, char))
        app.post_message(events.Key("ctrl+s", None))
        await pilot.pause()
        await pilot.pause()
        assert app.results == ["burst"]


def test_a_passage_past_the_limit_says_how_much_is_cut() -> None:
    from reader.ui.screens.note_editor import PASSAGE_CHARS, passage_text

    paragraph = "The long chapter goes on. " * 400
    shown = passage_text(f"{paragraph}\n\n{paragraph}")
    assert len(shown) < PASSAGE_CHARS + 60
    left = int(shown.rsplit("[cut here: ", 1)[1].split(" ")[0].replace(",", ""))
    assert len(shown.split(" … [cut here")[0]) + left == len(" ".join(paragraph.split())) * 2 + 1
    assert passage_text("One\n\n\nTwo  words") == "One\nTwo words"


async def test_at_60x18_the_hint_stays_and_says_the_passage_goes_on() -> None:
    """Found by a new user at 60×18: ten rows of note pushed the hint out of the dialog, and
    the passage, cut at its two rows, said nothing of the rest."""
    from tests.ui.conftest import screen_lines

    passage = " ".join(f"word{i}" for i in range(60))
    app = EditorApp(passage)
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        await pilot.pause()
        # The dialog's rows as one run of words (the hint wraps at this width).
        shown = " ".join(" ".join(line.strip(" │").split()) for line in screen_lines(app))
        assert "ctrl+s save" in shown and "the passage goes on" in shown, shown
