"""Found by a new user at 80 columns: a changed passage's card said only "written about:
“For…", cut before the words that changed (the README says the card shows them). It now shows
the written words that differ from the passage now, "…" for the same words around them, on up
to two lines, as wide as the Notes tab is at 80 columns (and wider)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList

from reader.ui.widgets.notes_panel import NoteItem, NotesPanel
from tests.ui.test_notes_panel import CSS

WRITTEN = ("“For the people of Gaza the winter will be hard, and the aid that comes is not "
           "enough,” the director said.")
NOW = ("“For the people of Gaza the winter will be hard, and the fuel that comes is not "
       "enough,” the director said.")


class CardApp(App[None]):
    CSS_PATH = str(CSS)

    def compose(self) -> ComposeResult:
        yield NotesPanel(id="notes")


@pytest.mark.parametrize("columns", [30, 50])
async def test_the_card_shows_the_written_words_that_changed(columns: int) -> None:
    app = CardApp()
    async with app.run_test(size=(columns, 20)) as pilot:
        panel = app.query_one(NotesPanel)
        panel.set_annotations([NoteItem(ann_id=1, start=0, color=1, passage=NOW,
                                        note="Aid, not fuel?", written_about=WRITTEN)])
        await pilot.pause()
        card = panel.query_one(OptionList).get_option_at_index(0).prompt.plain  # type: ignore[union-attr]
        written = " ".join(line.strip() for line in card.splitlines()[1:]
                           if "Aid, not fuel?" not in line)
        assert written.startswith("written about: …")
        assert "aid" in written.split()  # the word that changed, as written
        assert "fuel" not in written.split()
