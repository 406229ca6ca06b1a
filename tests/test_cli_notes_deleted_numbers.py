"""`reader notes --deleted` names the numbers `--restore` takes: they are the kept ones, not
1..n (a new user read "2. deleted" above "--restore NUMBER")."""

from __future__ import annotations

from pathlib import Path

from reader.store import Store
from tests.test_cli_notes_deleted import TEXT, run


def test_the_summary_names_the_kept_numbers(db_path: Path, make_doc) -> None:
    """Numbers are kept ones, not 1..n: after one of two is restored, the summary names the
    number still kept, not NUMBER (a new user tried --restore 1 for the row numbered 2)."""
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT, title="Budget talks"))
        first = s.add_annotation(article.id, TEXT, 14, 23, note="ask the mayor")
        second = s.add_annotation(article.id, TEXT, 24, 28, note="which talks")
        s.delete_annotations([first.id], seen=[first])
        s.delete_annotations([second.id], seen=[second])
    both = run(db_path, "--deleted")
    assert "2 deleted (numbers 2, 1)" in both.stderr, both.stderr
    assert run(db_path, "--restore", "1").returncode == 0
    listed = run(db_path, "--deleted")
    assert "2. deleted" in listed.stdout
    assert "reader notes --restore 2 puts it back" in listed.stderr
    assert run(db_path, "--restore", "2").returncode == 0
    assert run(db_path, "--deleted").stdout == ""
