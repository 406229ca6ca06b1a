"""q and ctrl+q with words typed and not stored say so once, and a second quit leaves: the
open editor's note is then stored, and kept drafts stay in their file. Quitting silently left
a reader not knowing where a half-typed note went. The real app driven by the Pilot."""

from __future__ import annotations

from typing import Any

import pytest

from reader.drafts import DraftBox
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import toast_texts
from tests.ui.reading import reading

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")


async def test_quitting_with_the_editor_open_says_the_note_is_not_stored(
    make_app: Any, store: Store
) -> None:
    async with reading(make_app, notifications=True) as (app, pilot):
        await pilot.press("j", "n", *"half typed")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, NoteEditor)
        assert app.screen.text == "half typed"
        assert any("is not stored yet" in t for t in await toast_texts(pilot))
        assert store.annotations(1) == []
        await pilot.press("ctrl+q")  # told: quits, storing the note as before
        await pilot.pause()
        assert not app.is_running
    assert [a.note for a in store.annotations(1)] == ["half typed"]


async def test_quitting_with_a_draft_waiting_says_so_and_keeps_it(
    make_app: Any, store: Store
) -> None:
    async with reading(make_app, notifications=True) as (app, pilot):
        await pilot.press("j", "n", *"left as a draft", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running
        assert any("1 unsaved note waits as a draft" in t for t in await toast_texts(pilot))
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert [d.text for d in DraftBox(store.path).of_article(1)] == ["left as a draft"]


async def test_quitting_with_nothing_unstored_leaves_at_once(make_app: Any, store: Store) -> None:
    async with reading(make_app, notifications=True) as (app, pilot):
        await pilot.press("j", "n", *"stored", "ctrl+s")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_quitting_with_a_stored_notes_words_all_deleted_says_it_deletes_the_note(
    make_app: Any, store: Store
) -> None:
    async with reading(make_app, notifications=True) as (app, pilot):
        await pilot.press("j", "n", *"a note", "ctrl+s")
        await pilot.pause()
        assert [a.note for a in store.annotations(1)] == ["a note"]
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and app.screen.text == "a note"
        await pilot.press("end", *["backspace"] * 6)
        await pilot.pause()
        assert app.screen.text == ""
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, NoteEditor)
        assert any("removing all words deletes the note" in t for t in await toast_texts(pilot))
        assert [a.note for a in store.annotations(1)] == ["a note"]


async def test_quitting_with_two_drafts_counts_both_passages(make_app: Any, store: Store) -> None:
    """Found by a new user: two drafts were told as "2 unsaved notes wait as a draft, on" one
    passage, the other not mentioned."""
    async with reading(make_app, notifications=True) as (_app, pilot):
        await pilot.press("j", "n", *"first draft", "escape")
        await pilot.pause()
        await pilot.press("j", "j", "n", *"second draft", "escape")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        told = [t for t in await toast_texts(pilot) if "unsaved notes" in t]
        assert told and "2 unsaved notes wait as drafts" in told[-1], told
        assert "and 1 more passage:" in told[-1], told


async def test_the_quit_notice_names_a_quotation_with_one_pair_of_marks(
    make_app: Any, store: Store
) -> None:
    """Found by a new user: the notice quoted a passage that is itself a quotation with a
    doubled opening mark ("on ““We are definitely…")."""
    async with reading(make_app, notifications=True) as (_app, pilot):
        await pilot.press("]", "]", "n", *"on a quote", "escape")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        (notice,) = [t for t in await toast_texts(pilot) if "waits as a draft" in t]
    assert "on “We are definitely dealing in the …”:" in notice, notice
    assert "““" not in notice
