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
