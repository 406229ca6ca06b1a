"""`reader search` as a person runs it: a subprocess against a real database file."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis.model import Analysis, Quote
from reader.store import Store


def run(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), "search", *args],
        capture_output=True, text=True, timeout=60,
    )


@pytest.fixture
def library(db_path: Path, make_doc) -> Path:
    with Store.open(db_path) as s:
        a = s.save_article(make_doc())
        start = a.text.index("“This plan")
        end = a.text.index("said Tom") - 1
        s.cache_analysis(a.hash, "m", "1", Analysis(quotes=[
            Quote(id=0, start=start, end=end, text=a.text[start:end], speaker="Tom Reed")]))
        s.add_annotation(a.id, a.text, 0, 5, note="The plan \x1b[31mis new")
        s.save_article(make_doc(text="Another story without it.\n", source="/b", title="B"))
    return db_path


def test_table_json_and_csv(library: Path) -> None:
    done = run(library, "plan")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "IN", "SPEAKER", "AT", "CONTEXT"]
    # The quote's words are not listed again as its paragraph's text.
    assert sorted(line.split()[5] for line in lines[1:] if " Geneva " in line) == [
        "note", "quote"]
    assert "\x1b" not in done.stdout

    hits = json.loads(run(library, "plan", "--format", "json").stdout)
    quote = next(h for h in hits if h["kind"] == "quote")
    assert quote["speaker"] == "Tom Reed"
    text = Store.open(library, read_only=True).get_article(quote["article_id"]).text
    assert text[quote["offset"] : quote["offset"] + 4] == "plan"

    rows = list(csv.DictReader(io.StringIO(run(library, "plan", "--format", "csv").stdout)))
    assert {r["kind"] for r in rows} == {"quote", "note"}
    texts = json.loads(run(library, "plan", "--in", "text", "--format", "json").stdout)
    assert [h["kind"] for h in texts] == ["text"]


def test_filters(library: Path) -> None:
    only = json.loads(run(library, "plan", "--in", "notes", "--format", "json").stdout)
    assert [h["kind"] for h in only] == ["note"]
    by = json.loads(run(library, "plan", "--speaker", "reed", "--format", "json").stdout)
    assert [(h["kind"], h["speaker"]) for h in by] == [("quote", "Tom Reed")]
    # A real speaker who never said the words: no matches (exit 0).
    none = run(library, "Geneva", "--speaker", "reed")
    assert (none.returncode, none.stdout, none.stderr) == (0, "", "reader: no matches.\n")


def test_a_speaker_nobody_is_is_said_and_exit_2(library: Path) -> None:
    """Found by a new user: `search said --speaker Clinton` printed "no matches" and exit 0,
    while `reader quotes --speaker Nobody` said so and exit 2."""
    nobody = run(library, "plan", "--speaker", "Lopez")
    assert (nobody.returncode, nobody.stdout) == (2, "")
    assert "No speaker in the library matches 'Lopez'" in nobody.stderr, nobody.stderr


@pytest.mark.parametrize("query", ["AND", "'", "NEAR()", ""])
def test_a_query_without_a_word_is_one_line_and_exit_2(library: Path, query: str) -> None:
    done = run(library, query)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("reader: ") and "Traceback" not in done.stderr


@pytest.mark.parametrize(("query", "word"), [
    ("Israel's", "Israel’s"), ("hostage-release", "hostage-release"), ("U.S.", "U.S."),
])
def test_typed_words_with_punctuation_are_searched(tmp_path: Path, query: str, word: str) -> None:
    """An apostrophe, a hyphen or dots are words, not FTS5 syntax (the sample article)."""
    from reader.ui.launch import sample_document

    db = tmp_path / "library.db"
    with Store.open(db) as s:
        text = s.save_article(sample_document()).text
    done = run(db, query, "--in", "text", "--format", "json")
    assert (done.returncode, done.stderr) == (0, "")
    hits = json.loads(done.stdout)
    assert hits and all(word in text[h["start"] : h["end"]] for h in hits)


@pytest.mark.parametrize("query", ['"plan', "plan AND", "NEAR(plan"])
def test_an_unclosed_quote_or_dangling_operator_is_mended(library: Path, query: str) -> None:
    done = run(library, query, "--format", "json")
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == json.loads(run(library, "plan", "--format", "json").stdout)


def test_no_library_yet(tmp_path: Path) -> None:
    done = run(tmp_path / "none.db", "plan")
    assert (done.returncode, done.stdout) == (0, "")
    assert not (tmp_path / "none.db").exists()
