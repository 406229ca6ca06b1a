"""Reopening an article whose file changed the words a note was written about: the reader
says so on opening, and the note's card shows the words it was written about. The real app
driven by the Pilot on a real SQLite file; the fresh-eyes tester's steps on the sample."""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList

from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.notes_panel import NotesPanel
from tests.ui.conftest import toast_texts, wait_for_analysis
from tests.ui.reading import analysed_without_quotes

SENTENCE = (
    "“We are definitely dealing in the serious issues for the security of Israel, for the "
    "security of the region,” Gantz replied."
)
SOURCE = "/tmp/x/art5.txt"


async def test_a_note_whose_words_changed_is_flagged_on_opening_and_on_its_card(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    text = sample_doc.text
    record = store.save_article(Document(title=sample_doc.title, source=SOURCE, text=text))
    start = text.index(SENTENCE)
    store.add_annotation(record.id, text, start, start + len(SENTENCE), note="Strong Gantz quote")
    edited = text.replace("region,” Gantz replied", "region,” Lapid replied").replace(
        "security of Israel, for the security", "security of Lebanon, for the safety"
    )
    analysed_without_quotes(store, edited)  # about the notes, not the quotes
    app = make_app(Document(title=sample_doc.title, source=SOURCE, text=edited))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        assert any(
            "1 note's passage changed since you wrote it" in t for t in await toast_texts(pilot)
        )
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert "changed since you wrote it" in str(screen.query_one("#status-info").content)
        panel = screen.query_one(NotesPanel)
        (item,) = panel.items
        assert (item.note, item.written_about) == ("Strong Gantz quote", SENTENCE)
        prompt = panel.query_one(OptionList).get_option_at_index(0).prompt
        # The card's one line of it starts where the words differ from the passage now.
        lines = prompt.plain.splitlines()  # type: ignore[union-attr]
        assert lines[2].strip().startswith("written about: … of Israel")  # after its place
    # Opened again: said once per change, not on every opening (a new user found it was); the
    # card still shows what the note was written about.
    again = make_app(Document(title=sample_doc.title, source=SOURCE, text=edited))
    async with again.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        assert not any("changed since" in t for t in await toast_texts(pilot))
        screen = again.screen
        assert "changed since" not in str(screen.query_one("#status-info").content)
        (item,) = screen.query_one(NotesPanel).items
        assert item.written_about == SENTENCE
    # A typo mended in another paragraph: the same change to the note's passage, not told
    # again (the review found it keyed on the whole text's hash and told it a second time).
    mended = edited + "\n\nCorrection: an earlier version misspelled a name."
    analysed_without_quotes(store, mended)
    third = make_app(Document(title=sample_doc.title, source=SOURCE, text=mended))
    async with third.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        (item,) = third.screen.query_one(NotesPanel).items
        assert item.written_about == SENTENCE  # still changed, and shown so on its card
        assert not any("changed since" in t for t in await toast_texts(pilot))


async def test_a_note_moved_along_by_an_insertion_says_nothing(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    text = sample_doc.text
    record = store.save_article(Document(title=sample_doc.title, source=SOURCE, text=text))
    start = text.index(SENTENCE)
    store.add_annotation(record.id, text, start, start + len(SENTENCE), note="Strong Gantz quote")
    edited = "Updated: a paragraph was added at the top.\n\n" + text
    analysed_without_quotes(store, edited)  # about the notes, not the quotes
    app = make_app(Document(title=sample_doc.title, source=SOURCE, text=edited))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        assert not any("changed since" in t for t in await toast_texts(pilot))
        (item,) = app.screen.query_one(NotesPanel).items
        assert (item.start, item.written_about) == (edited.index(SENTENCE), "")
