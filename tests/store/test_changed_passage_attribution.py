"""A quote edited twice at once (a word, and an attribution added after it) keeps its note:
the note follows the quote and still says the words it was written about. The words coming
back with other punctuation bring the note back as it was; a note whose passage is then gone
cites the words it was written about, never the last words it was found with. A second new
user's steps on a council story (real SQLite, the real store)."""

from __future__ import annotations

from reader.export import annotation_markdown
from reader.store import Store

TEXT = (
    "Council delays vote on riverfront plan\n\nBy Dana Whitfield\n\n"
    "Developer Tom Becker, who has spent two years on the proposal, was frustrated. He met "
    "with Delgado after the hearing.\n\n\"Every delay costs us money.\"\n\n"
    "\"Then bring us a better plan.\"\n\n"
    "A spokesperson for the mayor's office said the mayor \"remains committed\" to the "
    "project.\n"
)
QUOTE = '"Then bring us a better plan."'
SOURCE = "/tmp/x/council.txt"


def _noted(store: Store, make_doc):
    article = store.save_article(make_doc(TEXT, title="Council", source=SOURCE))
    start = TEXT.index(QUOTE)
    store.add_annotation(article.id, TEXT, start, start + len(QUOTE), note="Delgado retort")
    return article


def _edit(store: Store, make_doc, article, new: str):
    text = TEXT.replace(QUOTE, new)
    store.save_article(make_doc(text, title="Council", source=SOURCE))
    (ann,) = store.annotations(article.id)
    return text, ann


def test_a_changed_word_and_an_added_attribution_keep_the_note_on_the_quote(
    store: Store, make_doc
) -> None:
    article = _noted(store, make_doc)
    text, ann = _edit(store, make_doc, article, '"Then bring us a cheaper plan," Delgado replied.')
    assert not ann.orphaned and ann.changed
    assert text[ann.start : ann.end] == '"Then bring us a cheaper plan,"'
    assert ann.written_exact == QUOTE


def test_the_words_written_about_coming_back_with_a_comma_bring_the_note_back(
    store: Store, make_doc
) -> None:
    article = _noted(store, make_doc)
    _edit(store, make_doc, article, '"Then bring us a cheaper plan."')
    text, ann = _edit(store, make_doc, article, '"Then bring us a better plan," Delgado replied.')
    assert not ann.orphaned and not ann.changed
    assert text[ann.start : ann.end] == '"Then bring us a better plan,"'


def test_an_orphan_cites_the_words_it_was_written_about(store: Store, make_doc) -> None:
    article = _noted(store, make_doc)
    _edit(store, make_doc, article, '"Then bring us a cheaper plan."')
    text, ann = _edit(store, make_doc, article, "")  # the quote's paragraph is gone
    assert ann.orphaned
    block = annotation_markdown(ann, (), text)
    assert '> "Then bring us a better plan."' in block
    assert "cheaper" not in block


def test_a_context_past_a_line_break_does_not_carry_an_edited_quote(
    store: Store, make_doc
) -> None:
    article = _noted(store, make_doc)
    _, ann = _edit(store, make_doc, article, '"Then bring us a cheaper plan,"\n\nDelgado replied.')
    assert ann.orphaned
