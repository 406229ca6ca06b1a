"""Thousands of highlights: a change (h, x, u, a note saved) lays out only the Notes tab's cards
that changed. Every card was laid out again at each change, whether the tab was shown or not:
with 3,000 highlights each h, x and u froze the reader 1.2-1.6 s (measured under the Pilot).
The real app under the Pilot on a real SQLite file."""

from __future__ import annotations

from typing import Any

from reader.sources import Document
from reader.store import Store
from reader.ui.widgets.notes_panel import NotesPanel
from tests.ui.conftest import wait_for_analysis


async def test_a_change_lays_out_only_the_cards_that_changed(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    record = store.save_article(sample_doc)
    text = record.text
    spans = [(at, at + 4) for at in range(400, len(text) - 10, 12)]
    for n, (start, end) in enumerate(spans):
        store.add_annotation(record.id, text, start, end, color=1 + n % 5, note=f"note {n}")
    app = make_app(sample_doc)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        panel = app.screen.query_one(NotesPanel)
        laid_out: list[int] = []
        prompt = panel._prompt

        def counted(item: Any, *args: Any) -> Any:
            laid_out.append(item.ann_id)
            return prompt(item, *args)

        panel._prompt = counted  # type: ignore[method-assign]
        for keys in (("h",), ("x",), ("u",)):
            laid_out.clear()
            await pilot.press(*keys)
            await pilot.pause()
            assert len(laid_out) <= 2, f"{keys}: {len(laid_out)} of {len(spans)} cards"
        assert len(panel.items) == len(spans) + 1  # the sentence h highlighted, back after u
