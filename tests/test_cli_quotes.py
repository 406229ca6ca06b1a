"""The sample article and an edited copy added with `reader add`: `reader quotes` lists
Blinken's quotes from both, `reader search` finds both (real model, real subprocesses)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "reader" / "samples" / "seed.txt"

# One worker under pytest-xdist, so the library (two `reader add` runs) is built once.
pytestmark = pytest.mark.xdist_group("cli-quotes-library")


def reader(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), *args],
        capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    text = SEED.read_text("utf-8")
    (folder / "seed.txt").write_text(text, "utf-8")
    (folder / "edited.txt").write_text(
        text.replace("Blinken said he would", "Blinken told reporters he would"), "utf-8")
    db = folder / "library.db"
    done = reader(db, "add", str(folder / "seed.txt"), str(folder / "edited.txt"))
    assert done.returncode == 0, done.stderr
    return db


def test_quotes_of_one_speaker_from_both_articles(library: Path) -> None:
    done = reader(library, "quotes", "--speaker", "Antony Blinken", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len({r["article_id"] for r in records}) == 2
    assert {r["speaker"] for r in records} == {"Antony Blinken"}
    assert {r["role"] for r in records} == {"U.S. Secretary of State"}
    for r in records:
        source = Path(r["source"]).read_text("utf-8")
        assert source[r["start"] : r["end"]] == r["text"]
    # Any form of the name finds the same person.
    by_surname = reader(library, "quotes", "--speaker", "Blinken", "--format", "jsonl")
    assert by_surname.stdout == done.stdout
    by_first_name = reader(library, "quotes", "--speaker", "antony", "--format", "jsonl")
    assert by_first_name.stdout == done.stdout


def test_all_quotes_and_one_article(library: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(reader(library, "quotes", "--format", "csv").stdout)))
    assert {"Antony Blinken", "Benny Gantz", "Yair Lapid"} <= {r["speaker"] for r in rows}
    one = reader(library, "quotes", "--article", rows[0]["article_id"], "--format", "jsonl")
    assert {json.loads(line)["article_id"] for line in one.stdout.splitlines()} == {
        int(rows[0]["article_id"])}
    # A name nobody in the library has: one sentence and exit 2, as a missing article.
    nobody = reader(library, "quotes", "--speaker", "Hillary Clinton")
    assert (nobody.returncode, nobody.stdout) == (2, "")
    assert nobody.stderr == ("reader: No speaker in the library matches 'Hillary Clinton'; "
                             "see `reader quotes` for every speaker.\n")
    missing = reader(library, "quotes", "--article", "no such article")
    assert missing.returncode == 2 and len(missing.stderr.splitlines()) == 1


def test_search_finds_both(library: Path) -> None:
    hits = json.loads(reader(library, "search", "hostages", "--format", "json").stdout)
    assert len({h["article_id"] for h in hits}) == 2
    told = json.loads(reader(library, "search", '"told reporters"', "--format", "json").stdout)
    assert len({h["article_id"] for h in told}) == 1


def test_search_by_speaker_means_the_merged_person(library: Path) -> None:
    """Both articles call him "Antony Blinken" in full and "Blinken" in a quote's cue: any form
    finds the same quotes, and they are the quotes `reader quotes` gives him."""
    full = json.loads(reader(library, "search", "hostages", "--speaker", "Antony Blinken",
                             "--format", "json").stdout)
    short = json.loads(reader(library, "search", "hostages", "--speaker", "Secretary Blinken",
                              "--format", "json").stdout)
    assert full and full == short
    quotes = [json.loads(line) for line in reader(
        library, "quotes", "--speaker", "Blinken", "--format", "jsonl").stdout.splitlines()]
    assert {(h["article_id"], h["start"]) for h in full} <= {
        (q["article_id"], q["start"]) for q in quotes}


def test_a_guessed_speaker_is_probably_them(tmp_path: Path) -> None:
    """Dialogue with no "said" after the first two lines: the engine guesses by turns, and
    `reader quotes` says so."""
    text = ("“Where are you going?” asked Anne.\n\n“To the harbour,” said Frederick.\n\n"
            "“Why so early?”\n\n“The tide will not wait.”\n")
    (tmp_path / "talk.txt").write_text(text, "utf-8")
    db = tmp_path / "library.db"
    assert reader(db, "add", str(tmp_path / "talk.txt")).returncode == 0
    records = [json.loads(line) for line in
               reader(db, "quotes", "--format", "jsonl").stdout.splitlines()]
    certainty = {r["text"]: r["certainty"] for r in records}
    assert certainty["“To the harbour,”"] == ""
    assert certainty["“Why so early?”"] == "probably"
    table = reader(db, "quotes").stdout
    assert "probably Anne" in table and "probably Frederick" in table
