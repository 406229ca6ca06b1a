"""The full-text index across the library: kept current by every write path, rebuilt for an
old database, and a malformed query is one clear error."""

from __future__ import annotations

import itertools
import sqlite3
import time
from pathlib import Path

import pytest

from reader.analysis.model import Analysis, Quote
from reader.store import Store
from reader.store.search import SearchQueryError


def quote_at(text: str, passage: str, speaker: str | None, qid: int = 0) -> Quote:
    start = text.index(passage)
    return Quote(id=qid, start=start, end=start + len(passage), text=passage, speaker=speaker)


def test_text_is_found_at_the_word(store: Store, make_doc) -> None:
    article = store.save_article(make_doc())
    (hit,) = store.search("minister")
    assert (hit.article_id, hit.kind, hit.title) == (article.id, "text", article.title)
    assert article.text[hit.offset : hit.offset + len("minister")] == "minister"
    assert "minister arrived" in hit.context
    # Porter stemming: the plural finds the singular.
    assert [h.offset for h in store.search("ministers")] == [hit.offset]


def test_a_speaker_is_found_by_the_library_searchs_accent_rule(store: Store, make_doc) -> None:
    """`reader search --speaker` of a quote's own speaker name folds accents as the search
    does: "Muller" and "Mueller" find "Hans Müller" (lower() and LIKE folded neither)."""
    article = store.save_article(make_doc())
    text = article.text
    store.cache_analysis(article.hash, "m", "1", Analysis(quotes=[
        quote_at(text, "“This plan will fail,”", "Hans Müller", 0),
        quote_at(text, "“We will not give up on peace,”", "Eva Mueller", 1),
    ]))

    def found(name: str) -> list[str]:
        return sorted(h.speaker for h in store.search("plan OR peace", speaker=name))

    assert found("muller") == ["Hans Müller"]
    assert found("Mueller") == ["Eva Mueller", "Hans Müller"]
    assert found("MÜLLER hans") == ["Hans Müller"]
    assert found("Mull") == []  # whole words, as before


def test_edited_text_replaces_its_index(store: Store, make_doc) -> None:
    store.save_article(make_doc())
    store.save_article(make_doc(text=make_doc().text.replace("Geneva", "Vienna")))
    assert store.search("Geneva") == []
    assert len(store.search("Vienna")) == 1


def test_quotes_are_indexed_with_their_speaker(store: Store, make_doc) -> None:
    article = store.save_article(make_doc())
    text = article.text
    store.cache_analysis(article.hash, "m", "1", Analysis(quotes=[
        quote_at(text, "“We will not give up on peace,”", "Maria Lopez", 0),
        quote_at(text, "“This plan will fail,”", "Tom Reed", 1),
    ]))
    quotes = store.search("plan", kinds=("quote",))
    assert [(h.speaker, h.kind) for h in quotes] == [("Tom Reed", "quote")]
    assert [h.speaker for h in store.search("peace OR plan", speaker="Lopez")] == ["Maria Lopez"]
    assert store.search("plan", speaker="Maria Lopez") == []
    # The quote is found, not its words a second time as the paragraph's text (found by a
    # new user); the paragraph alone when only texts are searched.
    assert [h.kind for h in store.search("peace")] == ["quote"]
    (text_hit,) = store.search("peace", kinds=("text",))
    assert text_hit.offset == store.search("peace")[0].offset
    # A text hit elsewhere in the paragraph stays: "Reed" is the quote's speaker, and the
    # paragraph's word after the quote.
    assert sorted(h.kind for h in store.search("Reed")) == ["quote", "text"]


def test_notes_follow_every_edit(store: Store, make_doc) -> None:
    article = store.save_article(make_doc())
    ann = store.add_annotation(article.id, article.text, 0, 5, note="check the venue")
    (hit,) = store.search("venue")
    assert (hit.kind, hit.offset, hit.context) == ("note", 0, "check the venue")
    store.update_annotation(ann.id, note="ask about the delegates")
    assert store.search("venue") == []
    assert len(store.search("delegates")) == 1
    store.delete_annotation(ann.id)
    assert store.search("delegates") == []


def test_deleting_an_article_empties_its_index(store: Store, make_doc) -> None:
    article = store.save_article(make_doc())
    store.add_annotation(article.id, article.text, 0, 5, note="venue")
    store.cache_analysis(article.hash, "m", "1", Analysis(quotes=[
        quote_at(article.text, "“This plan will fail,”", "Tom Reed")]))
    store.delete_article(article.id)
    assert store.db.execute("SELECT count(*) FROM search_rows").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM search_rows_fts").fetchone()[0] == 0
    assert store.search("venue OR plan OR Geneva") == []


@pytest.mark.parametrize("query", ["AND OR", "NEAR(", "   ", "- ' ... *"])
def test_a_query_without_a_word_is_one_error(store: Store, make_doc, query: str) -> None:
    store.save_article(make_doc())
    with pytest.raises(SearchQueryError) as info:
        store.search(query)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("query", ["AND", "OR NOT", "( AND )", "NOT \"\""])
def test_an_operator_alone_says_it_needs_words_on_each_side(
    store: Store, make_doc, query: str
) -> None:
    """`reader search AND` was told "Give words to search for", having given one."""
    store.save_article(make_doc())
    with pytest.raises(SearchQueryError) as info:
        store.search(query)
    assert "need a word on each side" in str(info.value), str(info.value)
    with pytest.raises(SearchQueryError) as info:
        store.search("- ' ...")  # no operator: the sentence as before
    assert str(info.value).startswith("Give words to search for")


def test_existing_database_is_indexed_by_the_migration(db_path: Path, make_doc) -> None:
    """A library made before the index (its tables and record removed, data written behind
    the store's back) is indexed in full when it is next opened."""
    with Store.open(db_path) as s:
        article = s.save_article(make_doc())
    conn = sqlite3.connect(db_path)
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE search_rows_fts")
    conn.execute("DROP TABLE search_rows")
    conn.execute("DROP TABLE quote_rows")
    conn.execute("DROP TABLE speaker_rows")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_search_index'")
    quote = quote_at(article.text, "“This plan will fail,”", "Tom Reed")
    conn.execute(
        "INSERT INTO analysis_cache VALUES (?, 'm', '1', ?, 1, 1, 't')",
        [article.hash, Analysis(quotes=[quote]).to_json()],
    )
    conn.execute(
        "INSERT INTO annotations (article_id, start, \"end\", exact, note, created, updated) "
        "VALUES (?, 0, 5, 'Talks', 'remember the venue', 't', 't')",
        [article.id],
    )
    conn.commit()
    conn.close()
    with Store.open(db_path) as s:
        assert {h.kind for h in s.search("venue")} == {"note"}
        assert [h.speaker for h in s.search("plan", kinds=("quote",))] == ["Tom Reed"]
        assert [h.kind for h in s.search("minister")] == ["text"]
        assert [(q.speaker, q.text) for q in s.quote_rows()] == [("Tom Reed", quote.text)]


def test_a_long_paragraph_is_indexed_in_pieces(store: Store, make_doc) -> None:
    """One line of 300 sentences (a book's chapter): each match is its own hit, at its place."""
    text = " ".join(f"Sentence {i} says {'alpha' if i % 100 == 7 else 'beta'} here." for i in
                    range(300)) + "\n"
    article = store.save_article(make_doc(text=text))
    hits = store.search("alpha")
    assert len(hits) == 3
    assert all(article.text[h.offset : h.offset + 5] == "alpha" for h in hits)
    rows = store.db.execute('SELECT start, "end" FROM search_rows ORDER BY start').fetchall()
    assert rows[0][0] == 0 and rows[-1][1] == len(text) - 1
    assert all(a[1] == b[0] for a, b in itertools.pairwise(rows))


def test_a_pasted_page_is_refused_at_once_and_a_paragraph_still_searched(
    store: Store, make_doc
) -> None:
    """Found by a fresh-eyes test: 1 MB pasted into the library's search (ctrl+f) froze the
    reader over a minute (FTS5 given 200,000 words to AND), as did `reader search` with it."""
    paragraph = " ".join(f"The minister spoke of peace for the {n}th time." for n in range(20))
    article = store.save_article(make_doc(text=f"Talks\n\n{paragraph}\n"))
    assert len(paragraph.split()) == 180
    assert [h.article_id for h in store.search(paragraph)] == [article.id]
    page = "a line of an article pasted by mistake, " * 25_000
    started = time.perf_counter()
    with pytest.raises(SearchQueryError) as info:
        store.search(page)
    assert time.perf_counter() - started < 1.0
    assert str(info.value).startswith("Too long to search for"), str(info.value)


def test_a_name_is_found_with_its_umlaut_spelt_out_or_dropped_and_back(
    store: Store, make_doc
) -> None:
    """Found by a new user: "Mueller" found no "Müller" ("Muller" did: the tokenizer drops the
    accent), nor "Müller" a "Mueller", nor "Weiss" a "Weiß". The word found is the one marked."""
    text = "Talks\n\nAnna Müller met Jürgen Weiß. Later Karl Mueller spoke.\n"
    article = store.save_article(make_doc(text=text, title="Talks"))
    found = {q: [article.text[h.offset:h.offset + len(h.exact)] for h in store.search(q)]
             for q in ("Mueller", "Muller", "Müller", "Weiss", "Weiß")}
    assert sorted(found["Mueller"]) == sorted(["Müller", "Mueller"])
    assert "Müller" in found["Muller"]
    assert sorted(found["Müller"]) == sorted(["Müller", "Mueller"])
    assert found["Weiss"] == ["Weiß"] and found["Weiß"] == ["Weiß"]
    (hit, *_) = [h for h in store.search("Mueller") if "Anna" in h.context]
    assert hit.context[slice(*hit.match)] == "Müller"  # FTS5's highlight still marks it
