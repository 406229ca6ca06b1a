"""Found by a new user: `reader quotes` listed a quote whose speaker had joined a longer name
("the Church" in the row of "Catholic Church") under the short name, where the article's
speakers panel lists it under the longer one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.analysis.model import Analysis, Quote, Speaker
from reader.store import Store

TEXT = ("Bishops met in Rome.\n\n“We will act,” the Catholic Church said on Monday.\n\n"
        "“Nothing is hidden,” the Church added.\n")


def reader(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def test_a_quote_is_listed_under_the_name_its_speaker_joined(db_path: Path, make_doc) -> None:
    quotes = []
    for i, (passage, name) in enumerate((("“We will act,”", "Catholic Church"),
                                         ("“Nothing is hidden,”", "the Church"))):
        start = TEXT.index(passage)
        quotes.append(Quote(i, start, start + len(passage), passage, name, cue="said",
                            rule="explicit"))
    church = Speaker("Catholic Church", aliases=["the Church"], role="the institution",
                     quotes=[0, 1], words=5, kind="org")
    with Store.open(db_path) as store:
        record = store.save_article(make_doc(text=TEXT, title="Rome", source="/news/rome.txt"))
        store.cache_analysis(record.hash, "m", "1", Analysis(quotes=quotes, speakers=[church]))
    done = reader(db_path, "quotes", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["speaker"], r["name_in_article"], r["role"]) for r in records] == [
        ("Catholic Church", "Catholic Church", "the institution"),
        ("Catholic Church", "the Church", "the institution"),
    ]
    one = reader(db_path, "quotes", "--speaker", "Catholic Church", "--format", "jsonl")
    assert one.stdout == done.stdout  # both are that speaker's


MARYS = ("“I saw it,” Mary Ann Lee said.\n\n“So did I,” Mary Ann Cole said.\n\n"
         "“Not I,” Ann Cole said.\n")


def _quote(text: str, i: int, passage: str, name: str) -> Quote:
    start = text.index(passage)
    return Quote(i, start, start + len(passage), passage, name, cue="said", rule="explicit")


def test_quotes_and_search_find_the_same_quotes_by_a_speakers_name(
    db_path: Path, make_doc
) -> None:
    """A new user: `reader quotes --speaker Church` (or Catholic, or "Mary Ann") said "no
    quotes" where `reader search --speaker` found them; both match names the same way."""
    church = [_quote(TEXT, 0, "“We will act,”", "Catholic Church"),
              _quote(TEXT, 1, "“Nothing is hidden,”", "the Church")]
    marys = [_quote(MARYS, 0, "“I saw it,”", "Mary Ann Lee"),
             _quote(MARYS, 1, "“So did I,”", "Mary Ann Cole"),
             _quote(MARYS, 2, "“Not I,”", "Ann Cole")]
    with Store.open(db_path) as store:
        rome = store.save_article(make_doc(text=TEXT, title="Rome", source="/news/rome.txt"))
        store.cache_analysis(rome.hash, "m", "1", Analysis(quotes=church, speakers=[
            Speaker("Catholic Church", aliases=["the Church"], quotes=[0, 1], kind="org")]))
        two = store.save_article(make_doc(text=MARYS, title="Two", source="/news/two.txt"))
        store.cache_analysis(two.hash, "m", "1", Analysis(quotes=marys, speakers=[
            Speaker("Mary Ann Lee", quotes=[0], kind="person"),
            Speaker("Mary Ann Cole", aliases=["Ann Cole"], quotes=[1, 2], kind="person")]))

    def quoted(name: str) -> list[str]:
        done = reader(db_path, "quotes", "--speaker", name, "--format", "jsonl")
        assert done.returncode == 0, done.stderr
        return sorted(json.loads(line)["text"] for line in done.stdout.splitlines())

    def found(name: str, words: str) -> list[str]:
        done = reader(db_path, "search", words, "--speaker", name, "--format", "json")
        return sorted(hit["context"] for hit in json.loads(done.stdout or "[]"))

    both = ["“Nothing is hidden,”", "“We will act,”"]
    assert quoted("Church") == quoted("Catholic") == quoted("catholic church") == both
    assert quoted("Mary Ann") == ["“I saw it,”", "“Not I,”", "“So did I,”"]
    bishop = reader(db_path, "quotes", "--speaker", "Bishop")  # no speaker has the word
    assert (bishop.returncode, bishop.stdout, len(bishop.stderr.splitlines())) == (2, "", 1)
    for name in ("Church", "Catholic", "the Church"):
        assert len(found(name, "act OR hidden")) == 2, name
    assert len(found("Mary Ann", "saw OR did OR not")) == 3
