"""`reader notes --deleted` / `--restore N` as a person runs them, on a real library file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.store import Store

TEXT = "Budget talks\n\nThe mayor said the talks would resume.\n"


def run(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", "--db", str(db), "notes", *args],
                          capture_output=True, text=True, timeout=60)


def test_a_deleted_note_is_listed_and_put_back(db_path: Path, make_doc) -> None:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT, title="Budget talks"))
        ann = s.add_annotation(article.id, TEXT, 14, 23, note="ask the mayor")
        s.delete_annotations([ann.id], seen=[ann])
    listed = run(db_path, "--deleted")
    assert listed.returncode == 0, listed.stderr
    assert "1. deleted" in listed.stdout and "“Budget talks”" in listed.stdout
    assert "> The mayor" in listed.stdout and "ask the mayor" in listed.stdout
    assert "reader notes --restore 1 puts it back" in listed.stderr
    back = run(db_path, "--restore", "1")
    assert back.returncode == 0, back.stderr
    assert "deleted note 1 is back in “Budget talks”" in back.stderr
    assert "ask the mayor" in run(db_path).stdout  # exported again
    again = run(db_path, "--restore", "1")
    assert again.returncode == 2
    assert again.stderr.count("\n") == 1 and "No deleted note numbered 1" in again.stderr
    assert "Traceback" not in again.stderr


def test_restore_or_deleted_with_no_library_makes_none(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    done = run(missing, "--restore", "2")
    assert done.returncode == 2 and "No library at" in done.stderr
    assert not missing.exists()
    listed = run(missing, "--deleted")  # nothing deleted there: said, status 0, no file made
    assert listed.returncode == 0 and listed.stdout == ""
    assert listed.stderr == f"reader: no library at {missing}, so no deleted notes.\n"
    assert not missing.exists()


def test_deleted_with_an_article_or_speaker_is_one_sentence(db_path: Path, make_doc) -> None:
    """Two branches' options met in one command: --deleted with an ARTICLE or --speaker must be
    refused in one sentence (a merge once left an undefined name on this path)."""
    with Store.open(db_path) as s:
        s.save_article(make_doc(text=TEXT, title="Budget talks"))
    for args in (("--deleted", "Budget"), ("--deleted", "--speaker", "mayor"),
                 ("--restore", "1", "Budget")):
        done = run(db_path, *args)
        assert done.returncode == 2, args
        assert "take no ARTICLE, --speaker" in done.stderr and "Traceback" not in done.stderr


def test_restore_onto_a_highlight_made_since_says_it_joined_it(db_path: Path, make_doc) -> None:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT, title="Budget talks"))
        ann = s.add_annotation(article.id, TEXT, 14, 23, note="ask the mayor")
        s.delete_annotations([ann.id], seen=[ann])
        s.highlight(article.id, TEXT, 14, 23, note="newer")
    back = run(db_path, "--restore", "1")
    assert back.returncode == 0, back.stderr
    assert "joined to the highlight now on its passage" in back.stderr
    with Store.open(db_path, read_only=True) as s:
        assert [a.note for a in s.annotations(article.id)] == ["newer\n\nask the mayor"]
