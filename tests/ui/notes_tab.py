"""Steps the draft and note tests share: type a note in the editor, and find or choose a card
in the Notes tab. Each was written out again in every test (the `duplicates` report)."""

from __future__ import annotations

from typing import Any

from reader.store import Annotation, Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.widgets.notes_panel import NotesPanel


async def type_note(pilot: Any, keys: tuple[str, ...], words: str, leave: str) -> None:
    """Open the note editor with `keys` (e.g. j, h, n), type `words`, then press `leave`:
    escape keeps a draft, ctrl+s stores the note."""
    await pilot.press(*keys)
    await pilot.pause()
    assert isinstance(pilot.app.screen, NoteEditor)
    await pilot.press(*words, leave)
    await pilot.pause()


async def stored_note_and_unsaved_edit(
    pilot: Any, store: Store
) -> tuple[ArticleScreen, NotesPanel, Annotation]:
    """A highlight with the stored note "stored words", then an edit of it left with escape
    ("stored words and more"): a draft beside its stored note. The article's screen, its
    Notes tab and the stored note."""
    await type_note(pilot, ("j", "h", "n"), "stored words", "ctrl+s")
    await pilot.press("n")
    await pilot.pause()
    await pilot.press("end", *" and more", "escape")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen)
    (ann,) = store.annotations(screen.record.id)
    return screen, screen.query_one(NotesPanel), ann


def shown_cards(panel: NotesPanel) -> list[tuple[str | None, str]]:
    """The Notes tab's cards: (option id, the text shown)."""
    option_list = panel.option_list
    out = []
    for i in range(option_list.option_count):
        option = option_list.get_option_at_index(i)
        out.append((option.id, option.prompt.plain))  # type: ignore[union-attr]
    return out


def shown_card_ids(panel: NotesPanel) -> list[str | None]:
    return [option_id for option_id, _ in shown_cards(panel)]


async def on_card(pilot: Any, panel: NotesPanel, option_id: str) -> None:
    """The Notes tab shown (t, t: Speakers, Entities, Notes), its list focused, on the card."""
    await pilot.press("t", "t")
    await pilot.pause()
    option_list = panel.option_list
    option_list.focus()
    await pilot.pause()
    option_list.highlighted = option_list.get_option_index(option_id)
    await pilot.pause()


async def choose_card(pilot: Any, panel: NotesPanel, option_id: str) -> None:
    """Enter on the card in the Notes tab."""
    await on_card(pilot, panel, option_id)
    await pilot.press("enter")
    await pilot.pause()
