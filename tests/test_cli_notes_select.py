"""Found by a new user: `reader notes` exported one article or all; a story of several articles,
or one person's quotes, could not be exported. ARTICLE may be given several times, and
--speaker keeps the notes on that person's quotes (accents folded, merged across articles)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from reader.analysis.model import Analysis, Quote, Speaker
from reader.store import Store

TEXTS = {
    "Ferry vote": "“We will build it,” José Peña said. “Not yet,” Ana Ruiz said.\n",
    "Ferry budget": "“It costs too much,” Peña said.\n",
    "Weather": "“Rain tomorrow,” Ana Ruiz said.\n",
}


def reader(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def _store(db: Path, make_doc) -> dict[str, int]:
    ids = {}
    with Store.open(db) as store:
        for title, text in TEXTS.items():
            quotes, speakers = [], {}
            start = text.find("“")
            while start >= 0:
                end = text.index("”", start) + 1
                name = text[end + 1: text.index(" said", end)]
                quotes.append(Quote(len(quotes), start, end, text[start:end], name, cue="said",
                                    rule="explicit"))
                speakers.setdefault(name, Speaker(name, kind="person", words=3)).quotes.append(
                    len(quotes) - 1)
                start = text.find("“", end)
            record = store.save_article(make_doc(text=text, title=title,
                                                 source=f"/n/{len(ids)}.txt"))
            store.cache_analysis(record.hash, "m", "1",
                                 Analysis(quotes=quotes, speakers=list(speakers.values())))
            for q in quotes:
                store.add_annotation(record.id, text, q.start, q.end, note=f"on {q.speaker}")
            ids[title] = record.id
    return ids


def _notes(done: subprocess.CompletedProcess) -> list[tuple[str, str]]:
    assert done.returncode == 0, done.stderr
    return sorted((r["article"], r["note"]) for r in csv.DictReader(io.StringIO(done.stdout)))


def test_several_articles_and_one_speaker(db_path: Path, make_doc) -> None:
    ids = _store(db_path, make_doc)
    both = reader(db_path, "notes", str(ids["Ferry vote"]), "Ferry budget", "--format", "csv")
    assert _notes(both) == [("Ferry budget", "on Peña"), ("Ferry vote", "on Ana Ruiz"),
                            ("Ferry vote", "on José Peña")]
    # "pena" finds José Peña, and the "Peña" of another article merged with him.
    his = reader(db_path, "notes", "--speaker", "pena", "--format", "csv")
    assert _notes(his) == [("Ferry budget", "on Peña"), ("Ferry vote", "on José Peña")]
    hers = reader(db_path, "notes", "Ferry vote", "Weather", "--speaker", "Ana Ruiz",
                  "--format", "csv")
    assert _notes(hers) == [("Ferry vote", "on Ana Ruiz"), ("Weather", "on Ana Ruiz")]
    # A word that matches several articles is still no guess: it lists them.
    vague = reader(db_path, "notes", "Ferry")
    assert vague.returncode == 2 and "2 articles match 'Ferry'" in vague.stderr
    nobody = reader(db_path, "notes", "--speaker", "Nobody Here")
    assert nobody.returncode == 2 and "No speaker in the library matches" in nobody.stderr
    assert "Traceback" not in nobody.stderr
    # A speaker the library knows, with no note on their quotes: said, not "No notes yet".
    none = reader(db_path, "notes", "Ferry budget", "--speaker", "Ana Ruiz")
    assert none.returncode == 0 and none.stdout == "", none.stdout
    assert "no notes on Ana Ruiz's quotes" in none.stderr, none.stderr
