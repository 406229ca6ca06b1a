"""Keys gathered in a burst and not inserted yet when inserting them fails (the crash path):
they are kept, not lost, and the crash's draft has them, taken without editing the widget."""

from __future__ import annotations

import pytest
from textual import events

from reader.ui.screens.note_editor import NoteEditor
from reader.ui.widgets.note_area import NoteArea
from tests.ui.test_note_editor import EditorApp


class _Keeper:
    """Where the editor's draft goes (the draft file, in the reader)."""

    def __init__(self) -> None:
        self.kept: list[str] = []

    def keep(self, text: str) -> None:
        self.kept.append(text)

    def clear(self) -> None:
        self.kept.append("")


class _Broken(Exception):
    pass


async def test_keys_whose_insert_fails_are_kept_and_reach_the_crash_draft(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = EditorApp("A passage.", note="old")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        keeper = editor.keeper = _Keeper()
        area = editor.query_one("#note-text", NoteArea)

        def broken(*args: object, **kwargs: object) -> None:
            raise _Broken

        monkeypatch.setattr(area, "replace", broken)
        for ch in " new":
            await area._on_key(events.Key(ch if ch != " " else "space", ch))
        with pytest.raises(_Broken):
            area.flush_typed()
        assert area.text_as_typed == "old new"
        editor.keep_draft(crashed=True)
        assert keeper.kept == ["old new"]
        monkeypatch.undo()
