"""The library's search over a very long row: a 1 MB note, or an article that is one paragraph.
FTS5's highlight() copies its output again at each match, so a note saying a word 75,000 times
took seconds of CPU to mark while the search-as-you-type showed nothing. Such rows are marked
by their words in Python; the CPU of the query is measured on this thread (SQLite runs in it),
not the wall clock, so a loaded machine does not make the test fail."""

from __future__ import annotations

import time
from pathlib import Path

from reader.sources import Document
from reader.store import Store
from reader.store.search_marks import HIGHLIGHT_LONGEST

NOTE = "word 漢字 " * 75_000  # 600,000 characters


def test_a_word_said_75000_times_in_a_note_is_found_at_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        text = "A short article. It says word once.\n"
        record = store.save_article(Document(title="Short", source="/a.txt", text=text))
        store.add_annotation(record.id, text, 0, 16, note=NOTE)
        started = time.thread_time()
        hits = store.search("word")
        spent = time.thread_time() - started
    assert spent < 0.5, spent  # highlight() of the note: 2 s and more of CPU
    note = [h for h in hits if h.kind == "note"]
    assert len(note) == 1 and note[0].offset == 0  # a note opens at its passage, once
    assert note[0].context.startswith("word 漢字 word 漢字")
    assert note[0].context[slice(*note[0].match)] == "word"
    assert [h.offset for h in hits if h.kind == "text"] == [text.index("word")]


def test_a_long_note_is_found_by_a_stem_or_a_prefix(tmp_path: Path) -> None:
    note = "Nothing here. " * (HIGHLIGHT_LONGEST // 14) + "Many Words said, then wordy ones."
    with Store.open(tmp_path / "a.db") as store:
        text = "A short article.\n"
        record = store.save_article(Document(title="Short", source="/a.txt", text=text))
        store.add_annotation(record.id, text, 0, 16, note=note)
        for query in ("word", "wor*", '"many words"'):
            (hit,) = store.search(query)
            assert hit.kind == "note" and len(note) > HIGHLIGHT_LONGEST
            assert hit.context[slice(*hit.match)].lower().startswith(("words", "many words"))
