"""The toast on opening an article whose changes reached notes and highlights counts each:
'2 notes' and 1 highlight's passages changed', not '3 highlights''. The real app driven by
the Pilot on a real SQLite file; the fresh-eyes tester's steps on the sample."""

from __future__ import annotations

from typing import Any

from reader.sources import Document
from reader.store import Store
from tests.ui.conftest import toast_texts, wait_for_analysis
from tests.ui.reading import analysed_without_quotes

SOURCE = "/tmp/x/counts.txt"
#: (the passage's first words, its last words, a word in it, what it becomes, the note)
MARKED = [
    ("Gantz and party colleague", "Oct. 7 massacre.", "party colleague", "party ally", "who"),
    ("In public remarks", "to that end.”", "public remarks", "public comments", "agenda"),
    ("U.S. Secretary of State", "the Jewish state.", "Thursday", "Friday", ""),
]


async def test_changed_notes_and_highlights_are_counted_apart(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    text = edited = sample_doc.text
    record = store.save_article(Document(title=sample_doc.title, source=SOURCE, text=text))
    for first, last, old, new, note in MARKED:
        start = text.index(first)
        end = text.index(last, start) + len(last)
        store.add_annotation(record.id, text, start, end, note=note)
        edited = edited.replace(old, new, 1)
    analysed_without_quotes(store, edited)  # about the notes, not the quotes
    app = make_app(Document(title=sample_doc.title, source=SOURCE, text=edited))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        toasts = await toast_texts(pilot)
        assert any(
            "2 notes' and 1 highlight's passages changed since you made them" in t
            for t in toasts
        ), toasts
    changed = [a for a in store.annotations(record.id) if a.changed]
    assert len(changed) == 3 and not any(a.orphaned for a in changed)
