"""Re-anchoring through the real store (a SQLite file): a short highlight whose paragraph was
deleted is kept as an orphan, never moved onto the same word in another sentence."""

from __future__ import annotations

from pathlib import Path

from reader.store import Store

SEED = (Path(__file__).parents[2] / "reader" / "samples" / "seed.txt").read_text("utf-8")


def test_lapid_in_a_deleted_paragraph_becomes_an_orphan(store: Store, make_doc) -> None:
    record = store.save_article(make_doc(SEED, source="/data/seed.txt"))
    meeting = next(line for line in SEED.splitlines() if "opposition leader Yair Lapid" in line)
    start = SEED.index("Yair Lapid") + len("Yair ")
    kept = SEED.index("tweeted Lapid") + len("tweeted ")
    store.add_annotation(record.id, SEED, start, start + 5, note="the meeting")
    store.add_annotation(record.id, SEED, kept, kept + 5, note="the tweet")

    edited = SEED.replace(meeting + "\n", "")
    same = store.save_article(make_doc(edited, source="/data/seed.txt"))
    assert same.id == record.id

    by_note = {a.note: a for a in store.annotations(record.id)}
    orphan, tweet = by_note["the meeting"], by_note["the tweet"]
    assert orphan.orphaned and (orphan.start, orphan.exact) == (start, "Lapid")
    assert not tweet.orphaned
    assert edited[tweet.start - 8 : tweet.end] == "tweeted Lapid"
