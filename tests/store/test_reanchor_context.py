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


def test_a_note_under_the_title_survives_an_update_above_it_and_an_edit_in_it(
    store: Store, make_doc
) -> None:
    """Found by a fresh-eyes test: a note on the paragraph under a short title was orphaned
    ("1 note not found in this version") when the file gained an update paragraph above it and
    one word in it. It is now placed on the paragraph, its old words kept."""
    first = SEED.splitlines()[0]
    text = "Blinken in Israel\n\n" + SEED
    start = text.index(first)
    record = store.save_article(make_doc(text, source="/data/seed.txt"))
    store.add_annotation(record.id, text, start, start + len(first), note="the visit")

    changed = first.replace(" and ", " and firmly ", 1)
    update = ("Update, Friday: this story has been corrected to give the right date of the "
              "meeting, and the names of everyone who was at it.")
    edited = text.replace(first, update + "\n\n" + changed, 1)
    store.save_article(make_doc(edited, source="/data/seed.txt"))

    (note,) = store.annotations(record.id)
    assert not note.orphaned
    assert edited[note.start : note.end] == changed
