"""`reader add` files articles unread: adding a file again after it changed is no reading, and
the library's "Last read" still says "never". Real subprocesses, a real database."""

from __future__ import annotations

from pathlib import Path

from reader.store import Store
from tests.test_cli_add import SEED, reader


def test_adding_a_changed_file_again_leaves_it_unread(tmp_path: Path, db_path: Path) -> None:
    story = tmp_path / "story.txt"
    text = SEED.read_text("utf-8")
    story.write_text(text, "utf-8")
    assert reader("--db", str(db_path), "add", str(story)).returncode == 0
    story.write_text(text.replace("Blinken said he would", "Blinken told reporters he would"))
    again = reader("--db", str(db_path), "add", str(story))
    assert again.returncode == 0, again.stderr
    with Store.open(db_path, read_only=True) as store:
        [article] = store.list_articles()
        record = store.get_article(article.id)
        assert record is not None and "told reporters" in record.text  # the new text is in
        assert not article.opened
    listed = reader("--db", str(db_path), "library")
    row = next(line for line in listed.stdout.splitlines() if "story.txt" in line)
    assert " never " in f"{row} ", row
