"""Thousands of highlights: a change (h, x, u, a note saved) lays out only the Notes tab's cards
that changed. Every card was laid out again at each change, whether the tab was shown or not:
with 3,000 highlights each h, x and u froze the reader 1.2-1.6 s (measured under the Pilot).
Showing the tab the first time laid out all 3,000 cards again at its width (about 2 s): the
tab now lists them CHUNK at a time, more as the cursor or the scroll nears the end, so every
one is still there to reach. The real app under the Pilot on a real SQLite file."""

from __future__ import annotations

from typing import Any

import pytest

from reader.analysis.model import ENGINE_VERSION, Analysis
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store, text_hash
from reader.store import annotations as notes
from reader.store.db import write_transaction
from reader.ui.widgets.notes_panel import CHUNK, NotesPanel
from tests.ui.conftest import wait_for_analysis


def _highlighted(store: Store, doc: Document) -> list[tuple[int, int]]:
    """Highlights every 12 characters of `doc` after the first 400 (one note each)."""
    record = store.save_article(doc)
    text = record.text
    spans = [(at, at + 4) for at in range(400, len(text) - 10, 12)]
    # In one transaction, as an import would: Store.add_annotation checkpoints each note into
    # the database file (10 ms a note, minutes for thousands), which is not at stake here.
    with write_transaction(store.db, store.path):
        for n, (start, end) in enumerate(spans):
            notes.add(store.db, record.id, text, start, end, 1 + n % 5, f"note {n}")
    return spans


def _counting(panel: NotesPanel) -> list[int]:
    """The ids of the cards the panel lays out from now on."""
    laid_out: list[int] = []
    prompt = panel._prompt

    def counted(item: Any, *args: Any) -> Any:
        laid_out.append(item.ann_id)
        return prompt(item, *args)

    panel._prompt = counted  # type: ignore[method-assign]
    return laid_out


@pytest.mark.usefixtures("sample_analysed")  # about the cards: the analysis from the cache
async def test_a_change_lays_out_only_the_cards_that_changed(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    spans = _highlighted(store, sample_doc)
    app = make_app(sample_doc)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        panel = app.screen.query_one(NotesPanel)
        laid_out = _counting(panel)
        before = {i.ann_id for i in panel.items}
        await pilot.press("h")
        await pilot.pause()
        (new,) = {i.ann_id for i in panel.items} - before
        assert laid_out == [new]  # its card, and no other
        laid_out.clear()
        await pilot.press("x")
        await pilot.pause()
        # At most the card that comes into the listed ones in its place (CHUNK are listed).
        assert len(laid_out) <= 1 and {i.ann_id for i in panel.items} == before
        assert panel.option_list.option_count == CHUNK
        laid_out.clear()
        await pilot.press("u")
        await pilot.pause()
        assert len(laid_out) == 1 and len(panel.items) == len(spans) + 1  # back after u
        assert laid_out[0] not in before


async def test_the_notes_tab_lists_thousands_a_chunk_at_a_time_and_all_can_be_reached(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    doc = Document(title="Long", source="/tmp/long.txt", text=(sample_doc.text + "\n\n") * 10)
    spans = _highlighted(store, doc)
    assert len(spans) > 10 * CHUNK
    # About the Notes tab: an analysis from the cache, as on a reopening (the app's own
    # analysis of ten samples took a spaCy process and seconds, and nothing here is about it).
    store.cache_analysis(text_hash(doc.text), model_id(None), ENGINE_VERSION,
                         Analysis(quotes=[], speakers=[]))
    app = make_app(doc)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        panel = app.screen.query_one(NotesPanel)
        laid_out = _counting(panel)
        await pilot.press("t", "t")  # Speakers, Entities, Notes
        await pilot.pause()
        assert app.screen.query_one("#side-tabs").active == "notes"
        listed = panel.option_list.option_count
        assert CHUNK <= listed < 2 * CHUNK and len(laid_out) <= 2 * CHUNK
        assert len(panel.items) == len(spans)  # every one is the panel's, listed or not
        # Scrolled to the end of those listed: the next ones are listed.
        panel.option_list.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert panel.option_list.option_count > listed
        assert panel.option_list.option_count < len(spans)
        # End in the list goes to the last note, not the last of those listed so far.
        panel.option_list.highlighted = 0
        panel.option_list.focus()
        await pilot.press("end")
        await pilot.pause()
        option = panel.option_list.highlighted_option
        assert option is not None and option.id == str(panel.items[-1].ann_id)
        # The article's cursor on the last highlight: its card is listed and highlighted.
        last = panel.items[-1]
        panel.highlight(last.ann_id)
        await pilot.pause()
        option = panel.option_list.highlighted_option
        assert option is not None and option.id == str(last.ann_id)
        # A change now lays out the one new card, not the thousands listed.
        laid_out.clear()
        await pilot.press("h")
        await pilot.pause()
        assert len(laid_out) == 1
        assert len(panel.items) == len(spans) + 1
