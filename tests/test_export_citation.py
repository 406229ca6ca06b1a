"""Citations name what the reader knows of the article: the page's byline and date published,
and a quote's speaker with the role the engine found ("— Tom Becker, councilman"); a new user
found `y`, `Y` and `reader notes` citing neither."""

from __future__ import annotations

from reader.analysis.model import Analysis, Quote, Speaker
from reader.export import article_notes, cited_markdown, render
from reader.sources import Document
from reader.store import Store

TEXT = ("The council voted on Tuesday.\n\n"
        "“This is a fair deal for the city,” said Tom Becker, a councilman.\n")
SAID = "“This is a fair deal for the city,”"


def test_reader_notes_cites_the_byline_date_and_the_speakers_role(store: Store) -> None:
    doc = Document("Council Approves Budget", "https://news.example/budget", TEXT, "budget",
                   "html", byline="Sam Ortega", date="2026-11-30")
    article = store.save_article(doc)
    start = TEXT.index(SAID)
    store.cache_analysis(article.hash, "m", "1", Analysis(
        quotes=[Quote(id=0, start=start, end=start + len(SAID), text=SAID,
                      speaker="Tom Becker", rule="explicit", confidence=0.93)],
        speakers=[Speaker("Tom Becker", role="councilman", quotes=[0], kind="person")]))
    store.add_annotation(article.id, TEXT, start, start + len(SAID), note="check the sums")
    markdown = render([article_notes(store, article.id)], "md")
    assert "> — Tom Becker, councilman\n" in markdown
    assert markdown.rstrip().endswith("*By Sam Ortega, 2026-11-30.*")


def test_one_passage_cites_byline_date_and_day_read() -> None:
    cited = cited_markdown("Port Strike Ends", "https://x.example/s", "2026-12-07",
                           "> words\n", "By Sam Ortega", "2026-11-30")
    assert cited.rstrip().endswith("*By Sam Ortega, 2026-11-30. Accessed 2026-12-07.*")
    # A page with a date and no byline; a file with neither keeps the one date it had.
    assert cited_markdown("T", "s", "2026-12-07", "> w\n", "", "2026-11-30").rstrip().endswith(
        "*Published 2026-11-30. Accessed 2026-12-07.*")
    assert cited_markdown("T", "s", "2026-12-07", "> w\n").rstrip().endswith(
        "\n*Accessed 2026-12-07.*")
