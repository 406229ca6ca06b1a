"""A note whose passage's words changed when the article's file changed is not silently
re-attached to the new words: it keeps the words it was written about, says its passage
changed, and the earlier text stays as a version. Trivial edits (spacing, punctuation, case)
and edits elsewhere move notes along as before. A fresh-eyes tester's steps on the sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import Store, text_hash

SEED = (Path(__file__).parents[2] / "reader" / "samples" / "seed.txt").read_text(encoding="utf-8")
SENTENCE = (
    "“We are definitely dealing in the serious issues for the security of Israel, for the "
    "security of the region,” Gantz replied."
)
SOURCE = "/tmp/x/art5.txt"


def _noted(store: Store, make_doc, text: str = SEED):
    article = store.save_article(make_doc(text, title="Blinken", source=SOURCE))
    start = text.index(SENTENCE)
    ann = store.add_annotation(article.id, text, start, start + len(SENTENCE),
                               note="Strong Gantz quote")
    return article, ann


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # another speaker, and other words inside the quote (the tester's sed)
        ("region,” Gantz replied", "region,” Lapid replied"),
        # the meaning reversed
        ("definitely dealing in the serious issues", "not dealing in any serious issues"),
    ],
)
def test_a_passage_whose_words_changed_keeps_what_the_note_was_written_about(
    store: Store, make_doc, old: str, new: str
) -> None:
    article, before = _noted(store, make_doc)
    edited = SEED.replace(old, new)
    if "Lapid" in new:
        edited = edited.replace(
            "security of Israel, for the security", "security of Lebanon, for the safety"
        )
    store.save_article(make_doc(edited, title="Blinken", source=SOURCE))
    (ann,) = store.annotations(article.id)
    assert ann.note == "Strong Gantz quote"
    assert ann.changed and not ann.orphaned
    assert ann.written_exact == SENTENCE  # the words the note was written about
    assert ann.exact == edited[ann.start : ann.end] != SENTENCE  # where the passage is now
    (version,) = store.article_versions(article.id)  # the text it was written on is kept
    assert (version.hash, version.text) == (before.text_hash, SEED)
    assert ann.written_hash == version.hash


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Gantz replied.", "Gantz  replied ."),  # spacing
        ("“We are definitely", "\"We are definitely"),  # punctuation
        ("for the security of Israel,", "for the security of Israel;"),
        ("We are definitely", "we are Definitely"),  # case
    ],
)
def test_trivial_changes_in_the_passage_move_the_note_along(
    store: Store, make_doc, old: str, new: str
) -> None:
    article, _ = _noted(store, make_doc)
    edited = SEED.replace(old, new)
    assert edited != SEED
    store.save_article(make_doc(edited, title="Blinken", source=SOURCE))
    (ann,) = store.annotations(article.id)
    assert not ann.changed and not ann.orphaned
    assert ann.text_hash == ann.written_hash == text_hash(edited)
    assert store.article_versions(article.id) == []


def test_insertions_before_and_edits_elsewhere_move_the_note_along(
    store: Store, make_doc
) -> None:
    article, _ = _noted(store, make_doc)
    edited = ("An editor's note: this story was updated.\n\n" + SEED).replace(
        "48-hour visit", "two-day visit"
    )
    store.save_article(make_doc(edited, title="Blinken", source=SOURCE))
    (ann,) = store.annotations(article.id)
    assert (ann.changed, ann.orphaned, ann.exact) == (False, False, SENTENCE)
    assert ann.start == edited.index(SENTENCE)
    assert store.article_versions(article.id) == []


def test_a_passage_that_changes_back_is_as_written_again(store: Store, make_doc) -> None:
    article, _ = _noted(store, make_doc)
    edited = SEED.replace("definitely dealing", "not dealing")
    store.save_article(make_doc(edited, title="Blinken", source=SOURCE))
    assert store.annotations(article.id)[0].changed
    store.save_article(make_doc(SEED, title="Blinken", source=SOURCE))
    (ann,) = store.annotations(article.id)
    assert (ann.changed, ann.exact, ann.written_exact) == (False, SENTENCE, SENTENCE)
    assert store.article_versions(article.id) == []


def test_a_change_told_is_told_again_after_the_passage_went_back(
    store: Store, make_doc
) -> None:
    """Told once per change: an edit elsewhere keeps it told (the key is the passage, not the
    article's hash); the words changing back, then again, is a newer version to tell of."""
    article, _ = _noted(store, make_doc)
    edited = SEED.replace("definitely dealing", "not dealing")
    store.save_article(make_doc(edited, title="Blinken", source=SOURCE))
    (ann,) = store.annotations(article.id)
    store.mark_changes_told([(ann.id, ann.change_key)])
    elsewhere = edited.replace("48-hour visit", "two-day visit")
    store.save_article(make_doc(elsewhere, title="Blinken", source=SOURCE))
    (ann,) = store.annotations(article.id)
    assert ann.changed and (ann.id, ann.change_key) in store.changes_told(article.id)
    store.save_article(make_doc(SEED, title="Blinken", source=SOURCE))
    store.save_article(make_doc(edited, title="Blinken", source=SOURCE))
    (ann,) = store.annotations(article.id)
    assert ann.changed and store.changes_told(article.id) == set()


def test_a_second_edit_keeps_the_text_the_note_was_written_on(store: Store, make_doc) -> None:
    article, _ = _noted(store, make_doc)
    first = SEED.replace("definitely dealing", "not dealing")
    store.save_article(make_doc(first, title="Blinken", source=SOURCE))
    second = first.replace("48-hour visit", "two-day visit")
    store.save_article(make_doc(second, title="Blinken", source=SOURCE))
    (ann,) = store.annotations(article.id)
    assert ann.changed and ann.written_exact == SENTENCE
    assert [v.text for v in store.article_versions(article.id)] == [SEED]


def test_same_words_ignores_only_spacing_punctuation_and_case() -> None:
    from reader.anchoring import same_words

    assert same_words("“We are here,” she said.", '"we  are\nhere" she said')
    assert not same_words("We are here", "We are not here")
    assert not same_words("Gantz replied", "Lapid replied")
    assert not same_words("in 2023", "in 2024")


@pytest.mark.parametrize("how", ["add_annotation", "highlight"])
def test_a_note_made_in_a_window_showing_the_earlier_words_keeps_them(
    store: Store, make_doc, how: str
) -> None:
    """Another window reopened the article with the meaning reversed; this window still shows
    the earlier text, and its note is placed on the new text but keeps the words it saw."""
    article = store.save_article(make_doc(SEED, title="Blinken", source=SOURCE))
    edited = SEED.replace("definitely dealing", "not dealing")
    store.save_article(make_doc(edited, title="Blinken", source=SOURCE))
    start = SEED.index(SENTENCE)
    made = getattr(store, how)(article.id, SEED, start, start + len(SENTENCE), note="seen")
    ann = made if how == "add_annotation" else made.annotation
    assert ann.changed and not ann.orphaned
    assert (ann.exact, ann.written_exact) == (edited[ann.start : ann.end], SENTENCE)
    assert [v.text for v in store.article_versions(article.id)] == [SEED]
