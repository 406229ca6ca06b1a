"""Search hits keep the engine's doubt: a quote whose speaker is a guess is "probably" theirs
in the library search and `reader search`, as in the article; an article's hits read in its
text's order (a new user found both lost)."""

from __future__ import annotations

from reader.analysis.model import Analysis, Quote, Speaker
from reader.people.library import build_people, mark_guessed
from reader.store import Store
from tests.store.test_search_index import quote_at


def guessed(quote: Quote, rule: str, confidence: float) -> Quote:
    quote.rule, quote.confidence = rule, confidence
    return quote


def test_a_guessed_speaker_is_hedged_and_a_sure_one_is_not(store: Store, make_doc) -> None:
    article = store.save_article(make_doc())
    text = article.text
    store.cache_analysis(article.hash, "m", "1", Analysis(quotes=[
        guessed(quote_at(text, "“We will not give up on peace,”", "Maria Lopez", 0),
                "alternation", 0.5),
        guessed(quote_at(text, "“This plan will fail,”", "Tom Reed", 1), "explicit", 0.93),
    ]))
    (peace,) = store.search("peace")
    (plan,) = store.search("plan", kinds=("quote",))
    assert (peace.speaker, peace.uncertain, peace.said_by) == (
        "Maria Lopez", True, "probably Maria Lopez")
    assert (plan.uncertain, plan.said_by) == (False, "Tom Reed")


def test_an_articles_hits_are_in_text_order(store: Store, make_doc) -> None:
    words = ["harbour", "harbour, the harbour, the harbour", "harbour"]
    body = "\n\n".join(f"Paragraph {i} about the {w} and nothing else." for i, w in
                       enumerate(words))
    article = store.save_article(make_doc(text=body))
    hits = store.search("harbour")
    assert [h.article_id for h in hits] == [article.id] * len(hits)
    offsets = [h.offset for h in hits]
    # The paragraph that says it three times ranks first; the list still reads down the text.
    assert len(offsets) == 5 and offsets == sorted(offsets)


def test_a_speaker_whose_every_quote_is_a_guess_is_hedged_in_people(
    store: Store, make_doc
) -> None:
    article = store.save_article(make_doc())
    text = article.text
    store.cache_analysis(article.hash, "m", "1", Analysis(quotes=[
        guessed(quote_at(text, "“We will not give up on peace,”", "Maria Lopez", 0),
                "alternation", 0.5),
        guessed(quote_at(text, "“This plan will fail,”", "Tom Reed", 1), "explicit", 0.93),
    ], speakers=[Speaker("Maria Lopez", quotes=[0], kind="person"),
                 Speaker("Tom Reed", quotes=[1], kind="person")]))
    people = build_people(store.speaker_rows())
    mark_guessed(people, store.guessed_speakers())
    shown = {p.name: (p.guessed, p.shown_name) for p in people}
    assert shown["Maria Lopez"] == (True, "probably Maria Lopez")
    assert shown["Tom Reed"] == (False, "Tom Reed")


def test_the_quotes_own_confidence_decides_as_in_the_article(store: Store, make_doc) -> None:
    """Found by a new user: the article's card read "probably Maria Lopez" (her quote's own
    confidence, the ranker's, is low though a sure rule found her) and the library's People
    tab, its search and `reader quotes` said "Maria Lopez" (they read the rule alone); the
    other way round for a ranker's choice the ranker is sure of."""
    article = store.save_article(make_doc())
    text = article.text
    peace = guessed(quote_at(text, "“We will not give up on peace,”", "Maria Lopez", 0),
                    "pronoun", 0.4)
    plan = guessed(quote_at(text, "“This plan will fail,”", "Tom Reed", 1), "ranker", 0.8)
    assert peace.uncertain and not plan.uncertain  # as the article shows them
    store.cache_analysis(article.hash, "m", "1", Analysis(quotes=[peace, plan], speakers=[
        Speaker("Maria Lopez", quotes=[0], kind="person"),
        Speaker("Tom Reed", quotes=[1], kind="person")]))
    people = build_people(store.speaker_rows())
    mark_guessed(people, store.guessed_speakers())
    shown = {p.name: p.shown_name for p in people}
    assert shown == {"Maria Lopez": "probably Maria Lopez", "Tom Reed": "Tom Reed"}
    assert store.search("peace")[0].said_by == "probably Maria Lopez"
    assert store.search("plan", kinds=("quote",))[0].said_by == "Tom Reed"
    from reader.commands.quotes import quote_records

    certainty = {r["speaker"]: r["certainty"] for r in quote_records(store, None, None)}
    assert certainty == {"Maria Lopez": "probably", "Tom Reed": ""}
