"""Keys typed at once after the key that opens a text input land in it, in order.

The keys are sent the way a terminal delivers a burst (all queued before the app handles the
first one), right after start-up, before the first frame's work (footer, store, notes) is done:
the note editor is imported, composed and focused only after the keys behind `n` were already
on their way to the article, which dropped them (a tester lost a note typed in the first half
second). The real app on the Pilot, a real library file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events

from reader.sources import load_source
from reader.store import Store
from reader.ui.launch import build_app

TEXT = "A headline\n\n" + "\n\n".join(f"Paragraph {i} says something about it." for i in range(80))


def burst(app: Any, keys: list[str]) -> None:
    """Queue every key at once, as the driver does for keys read in one go from the terminal."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)


async def settle(pilot: Any, until: Any) -> None:
    for _ in range(200):
        await pilot.pause(0.05)
        if until():
            return


async def _type_a_note_at_once(tmp_path: Path, keys: list[str]) -> tuple[list[str], str]:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "lib.db"
    app = build_app(str(article), db_path=str(db), document=load_source(str(article)))
    shown = ""
    async with app.run_test(size=(100, 30)) as pilot:
        reading = app.screen
        burst(app, keys)
        await settle(pilot, lambda: reading.record.id and reading.side.built)
        await pilot.pause(0.2)
        from reader.ui.screens.note_editor import NoteEditor

        if isinstance(app.screen, NoteEditor):
            shown = app.screen.text
        await app.workers.wait_for_complete()
    app.close_own_store()
    with Store.open(db) as store:
        notes = [a.note for a in store.annotations(1)]
    return notes, shown


async def test_a_note_typed_right_after_start_is_in_the_editor(tmp_path: Path) -> None:
    notes, shown = await _type_a_note_at_once(tmp_path, ["n", *"hi there", "enter", *"ok"])
    assert shown == "hi there\nok"
    assert notes == []  # not saved: nothing was stored behind the reader's back


async def test_a_note_typed_and_saved_right_after_start_is_stored(tmp_path: Path) -> None:
    notes, _ = await _type_a_note_at_once(tmp_path, ["n", *"hello", "backspace", "ctrl+s"])
    assert notes == ["hell"]
