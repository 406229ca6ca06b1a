"""Notes on an article saved again in another form: its line ends (CRLF made LF by an editor or
git, a lone CR) or its Unicode normalisation (decomposed accents composed). The words are the
same; the notes were orphaned because their passage or context held a "\\r" or a decomposed
letter. A real store in tmp_path, the article re-added as `reader add` does."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest

from reader import export, importer
from reader.anchoring import anchor, selector_for
from reader.anchoring_forms import folded
from reader.notes_select import gather_notes
from reader.sources import Document
from reader.store import Store

ARTICLE = (
    "Le café de Zoë est près de l'hôtel.\r\n"
    '"Très bien," dit René.\r\n'
    "\r\n"
    "Third paragraph with more words in it.\r\n"
)


def renoted(
    db: Path, old: str, new: str, passages: list[tuple[str, str]]
) -> list[tuple[str, bool]]:
    """Notes on each passage (from its first words to its last) of `old`; the article saved
    again as `new`: each note's passage in `new` and whether it is an orphan."""
    with Store.open(db) as store:
        record = store.save_article(Document(title="Zoë", source="/news/zoe.txt", text=old))
        text = store.get_article(record.id).text
        for first, last in passages:
            start = text.index(first)
            store.add_annotation(record.id, text, start, text.index(last) + len(last), note=first)
        again = store.save_article(Document(title="Zoë", source="/news/zoe.txt", text=new))
        found = store.reanchor(again.id, new)
    return [(new[a.start : a.end], a.orphaned) for a in sorted(found, key=lambda a: a.start)]


def test_notes_survive_line_ends_made_lf(tmp_path: Path) -> None:
    new = "A new first line.\n" + ARTICLE.replace("\r\n", "\n")
    assert renoted(tmp_path / "a.db", ARTICLE, new, [("café", "Third"), ("bien", "bien")]) == [
        ('café de Zoë est près de l\'hôtel.\n"Très bien," dit René.\n\nThird', False),
        ("bien", False),
    ]


def test_notes_survive_lone_carriage_returns_made_lf(tmp_path: Path) -> None:
    old = ARTICLE.replace("\r\n", "\r")
    new = "A new first line.\n" + ARTICLE.replace("\r\n", "\n")
    assert renoted(tmp_path / "a.db", old, new, [("dit", "paragraph")]) == [
        ("dit René.\n\nThird paragraph", False),
    ]


def test_notes_survive_accents_composed(tmp_path: Path) -> None:
    old = unicodedata.normalize("NFD", ARTICLE)
    new = "A new first line.\n" + unicodedata.normalize("NFC", ARTICLE)
    assert renoted(tmp_path / "a.db", old, new, [("caf", "Zo"), ("Tre\u0300s", "Rene\u0301")]) == [
        ("café de Zo", False),
        ('Très bien," dit René', False),
    ]


def test_a_passage_whose_words_are_gone_is_still_an_orphan(tmp_path: Path) -> None:
    new = ARTICLE.replace("\r\n", "\n").replace("Third paragraph with more words in it.", "")
    ((_, orphaned),) = renoted(tmp_path / "a.db", ARTICLE, new, [("more", "words")])
    assert orphaned


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("a\r\nb", ["a", "\r\n", "b"]),
        ("a\rb\r", ["a", "\r", "b", "\r"]),
        ("Zoe\u0308!", ["Z", "o", "e\u0308", "!"]),
        ("日本 👩\u200d👩", ["日", "本", " ", "👩", "\u200d", "👩"]),
        ("plain", ["p", "l", "a", "i", "n"]),
    ],
)
def test_each_folded_character_comes_from_one_piece_of_the_text(
    text: str, pieces: list[str]
) -> None:
    same, places = folded(text)
    assert [text[places[i] : places[i + 1]] for i in range(len(same))] == pieces
    assert places[len(same)] == len(text)


def test_a_passage_found_in_the_folded_text_is_mapped_back_onto_the_text() -> None:
    written = "Before.\nLe café ferme.\nAfter."
    start = written.index("café")
    text = "Before.\r\nLe cafe\u0301 ferme.\r\nAfter."
    found = anchor(text, selector_for(written, start, written.index("After") + 5))
    assert found is not None
    assert text[found.start : found.end] == "cafe\u0301 ferme.\r\nAfter"


def test_a_note_over_a_paragraph_break_survives_line_ends_made_lf(tmp_path: Path) -> None:
    """Found in a session: the note was an orphan once the file was saved with LF ends."""
    old = (
        "First line here.\r\n"
        'Second "quoted words" said Ann.\r\n'
        "\r\n"
        "Third paragraph with more words in it.\r\n"
    )
    new = old.replace("\r\n", "\n")
    assert renoted(tmp_path / "a.db", old, new, [("Second", "paragraph")]) == [
        ('Second "quoted words" said Ann.\n\nThird paragraph', False),
    ]


def test_a_note_on_one_of_many_identical_stanzas_stays_on_its_stanza(tmp_path: Path) -> None:
    """A song saved with CRLF, the same stanza sixty times, saved again with LF: the note on
    the thirtieth stanza is on the thirtieth, not on one the dropped "\\r"s moved it to."""
    stanza = "Row, row, row your boat\r\nGently down the stream\r\nMerrily merrily\r\n\r\n"
    old = stanza * 60
    new = old.replace("\r\n", "\n")
    lf = stanza.replace("\r\n", "\n")
    at = 29 * len(stanza)
    for first, last in ((at, at + len(stanza) - 4), (at + 5, at + 27)):
        with Store.open(tmp_path / f"{first}.db") as store:
            record = store.save_article(Document(title="Song", source="/song.txt", text=old))
            store.add_annotation(record.id, old, first, last, note="thirtieth")
            store.save_article(Document(title="Song", source="/song.txt", text=new))
            (note,) = store.reanchor(record.id, new)
        assert not note.orphaned
        assert note.start // len(lf) == 29
        assert new[note.start : note.end] == old[first:last].replace("\r\n", "\n")


def test_the_places_of_a_folded_novel_take_a_few_bytes_a_character() -> None:
    """A list of Python ints took about 36 bytes for each character of a 1 MB novel."""
    text = "Le cafe\u0301 ferme.\r\n" * 20_000
    same, places = folded(text)
    assert len(places) == len(same) + 1
    assert sys.getsizeof(places) < 5 * len(text)


@pytest.mark.parametrize(("was", "now"), [("\r\n", "\n"), ("\n", "\r\n")])
def test_notes_imported_without_their_text_stay_on_their_stanza(
    tmp_path: Path, was: str, now: str
) -> None:
    """`reader notes --import` of an older export (no text of the article in it) into a
    library holding the article with other line ends: twenty identical stanzas, so only the
    note's old offset, carried through the line-end change, says which. It was off by a
    character a line and landed on a later (or earlier) stanza."""
    lines = "Over the hill the rain,", "under the hill the grain,", "and the mill again."
    stanza = "\n".join(lines) + "\n\n"
    old, new = (stanza * 20).replace("\n", was), (stanza * 20).replace("\n", now)
    home, away = tmp_path / "home.db", tmp_path / "away.db"
    picked = range(20)
    with Store.open(home) as store:
        record = store.save_article(Document(title="Song", source="/song.txt", text=old))
        for n in picked:
            start = old.index(lines[1], n * len(stanza.replace("\n", was)))
            store.add_annotation(record.id, old, start, start + len(lines[1]), note=str(n))
        doc = json.loads(export.render(gather_notes(store, [], None), "json"))
    doc.pop("reader:articles", None)  # an older export: the notes alone
    with Store.open(away) as store:
        record = store.save_article(Document(title="Song", source="/song.txt", text=new))
        texts, items, _ = importer.parse(doc, "older.jsonld")
        assert store.import_notes(texts, items).added == len(picked)
        placed = {a.note: a for a in store.annotations(record.id)}
    width = len(stanza.replace("\n", now))
    assert {note: (a.start // width, new[a.start : a.end]) for note, a in placed.items()} == {
        str(n): (n, lines[1]) for n in picked
    }
