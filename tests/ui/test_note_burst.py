"""A paste that arrives as keystrokes (no bracketed paste: tmux `send-keys -l`) is inserted in
a few edits, not one per key: Textual wrapped the edited line again for every key, so 13,500
characters took 40-90 s at full CPU. The work is counted (characters handed to the line
wrapper), never timed; and the text is the same as typed one key at a time."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from textual import events
from textual.document import _wrapped_document
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.widgets import TextArea

from reader.ui.screens.note_editor import NoteEditor
from tests.ui.test_note_editor import EditorApp


def _burst(app: Any, keys: list[str]) -> None:
    """The keys as the terminal driver sends them: all at once, before any is handled (what
    `pilot.press` sends, without waiting after each)."""
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        try:
            character: str | None = unicodedata.lookup(
                _get_unicode_name_from_key(REPLACED_KEYS.get(name, name))
            )
        except KeyError:
            character = name if len(name) == 1 else None
        event = events.Key(name, character)
        event.set_sender(app)
        app._driver.send_message(event)


def _keys(text: str) -> list[str]:
    return ["enter" if c == "\n" else c for c in text]


async def _typed(app: EditorApp, keys: list[str], *, settle: int = 0) -> str:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _burst(app, keys)
        for _ in range(settle or 1):
            await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        return editor.text


async def test_a_burst_of_keys_is_wrapped_in_a_few_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    wrapped = [0]
    wrap = _wrapped_document.compute_wrap_offsets

    def counting(text: str, *args: Any, **kwargs: Any) -> list[int]:
        wrapped[0] += len(text)
        return wrap(text, *args, **kwargs)

    pasted = ("the quick brown fox jumps over a lazy dog " * 100)[:4_000]
    app = EditorApp("A passage.")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(_wrapped_document, "compute_wrap_offsets", counting)
        _burst(app, _keys(pasted))
        for _ in range(50):
            await pilot.pause()
            if app.screen.query_one(TextArea).text == pasted:
                break
        monkeypatch.setattr(_wrapped_document, "compute_wrap_offsets", wrap)
        assert app.screen.query_one(TextArea).text == pasted
    # One key at a time wrapped the line at every key: 4,000 keys, 8 million characters.
    assert wrapped[0] <= 20 * len(pasted), wrapped[0]


async def test_a_burst_with_enter_types_what_the_keys_say() -> None:
    typed = 'First line, "quoted".\n\nSecond paragraph: 1 + 2 = 3?\nlast'
    text = await _typed(EditorApp("A passage.", note="old"), _keys(typed), settle=5)
    assert text == "old" + typed


async def test_keys_typed_just_before_ctrl_s_are_saved() -> None:
    app = EditorApp("A passage.")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _burst(app, [*_keys("all of it"), "ctrl+s"])
        for _ in range(3):
            await pilot.pause()
        assert app.results == ["all of it"]


async def test_a_key_typed_alone_shows_at_once() -> None:
    app = EditorApp("A passage.")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert app.screen.query_one(TextArea).text == "a"
        area = app.screen.query_one(TextArea)
        area.selection = area.document.start, area.document.end  # typing replaces a selection
        await pilot.press("b")
        assert area.text == "b"


@pytest.mark.parametrize(
    ("keys", "text"),
    [
        (["a", "b", "backspace", "c"], "ac"),
        (["a", "b", "left", "c"], "acb"),
        (["a", "b", "home", "c"], "cab"),
        (["x", "y", "left", "delete", "z"], "xz"),
    ],
)
async def test_editing_keys_in_a_burst_act_in_their_turn(keys: list[str], text: str) -> None:
    """An editing key bubbled to the app ran after the printable keys queued behind it."""
    assert await _typed(EditorApp("A passage."), keys, settle=5) == text
