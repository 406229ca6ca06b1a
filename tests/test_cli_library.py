"""`reader library` as a person runs it: a subprocess against a real database file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from reader.analysis.model import Analysis, Quote, Speaker
from reader.store import Store


def run(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), "library", *args],
        capture_output=True, text=True, timeout=60,
    )


def test_table_and_json(db_path: Path, make_doc) -> None:
    with Store.open(db_path) as s:
        old = s.save_article(make_doc(text="Old story.\n", title="Old \x1b[31mstory", source="/o"))
        s.add_annotation(old.id, old.text, 0, 3, note="n")
        s.add_annotation(old.id, old.text, 4, 9)  # a highlight without a note: not a note
        new = s.save_article(make_doc(text="New story.\n", title="New story", source="/n"))
        s.cache_analysis(new.hash, "m", "1", Analysis(
            quotes=[Quote(id=0, start=0, end=3, text="New"), Quote(id=1, start=4, end=9,
                                                                      text="story")],
            speakers=[Speaker(name="X")],
        ))
    done = run(db_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "SOURCE", "ADDED", "LAST", "READ", "QUOTES",
                                "SPEAKERS", "NOTES"]
    assert lines[1].split()[:4] == [str(new.id), "New", "story", "/n"]
    assert lines[1].split()[-3:] == ["2", "1", "0"]
    assert lines[2].split()[:4] == [str(old.id), "Old", "␛[31mstory", "/o"]
    assert lines[2].split()[-3:] == ["-", "-", "1"]
    assert "\x1b" not in done.stdout

    data = json.loads(run(db_path, "--format", "json").stdout)
    assert [(d["id"], d["title"], d["quotes"], d["speakers"], d["notes"]) for d in data] == [
        (new.id, "New story", 2, 1, 0),
        (old.id, "Old \x1b[31mstory", None, None, 1),
    ]


def test_empty_or_missing_library(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    done = run(missing)
    assert (done.returncode, done.stdout) == (
        0, "The library is empty: open an article with `reader FILE`.\n")
    assert json.loads(run(missing, "--format", "json").stdout) == []
    assert not missing.exists()


def test_unreadable_database_is_one_line(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"\x00\x01 definitely not sqlite")
    done = run(bogus)
    assert done.returncode == 2
    assert done.stderr.startswith("reader: ") and done.stderr.count("\n") == 1


def test_table_columns_line_up_by_display_width_and_cut_with_an_ellipsis(
    db_path: Path, make_doc
) -> None:
    from rich.cells import cell_len

    long_title = "A title far too long for its column, which holds forty cells at most"
    with Store.open(db_path) as s:
        s.save_article(make_doc(
            text="One.\n", title=long_title, source="/work/shared/corpus/dev/wired.com2.txt"))
        s.save_article(
            make_doc(text="Two.\n", title="東京で会議 日本語の題", source="/t/tokyo.txt"))
        s.save_article(make_doc(text="Three.\n", title="Launch 🚀 day", source="-"))
    done = run(db_path)
    assert done.returncode == 0, done.stderr
    table, cache_line = done.stdout.split("\n\n")
    assert cache_line.startswith("Analysis cache: 0 entries")
    header, *rows = table.splitlines()
    shown = [  # (title, source) as the table shows them, newest first
        ("Launch 🚀 day", "-"),
        ("東京で会議 日本語の題", "/t/tokyo.txt"),
        ("A title far too long for its column, wh…", "…/corpus/dev/wired.com2.txt"),
    ]
    assert cell_len(shown[2][0]) == 40  # cut with an ellipsis, in cells
    # Every column starts at the same screen cell on every row, whatever the characters.
    columns = ("TITLE", "SOURCE", "ADDED")
    starts = [cell_len(header[: header.index(name)]) for name in columns]
    for row, (title, source) in zip(rows, shown, strict=True):
        date = re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", row)
        assert date is not None, row
        found = [row.index(title), row.index(source, row.index(title) + len(title)), date.start()]
        assert [cell_len(row[:i]) for i in found] == starts, done.stdout
        assert cell_len(row) - len(row.split()[-1]) == cell_len(header) - len("NOTES")


def test_the_table_ends_with_the_cache_size(db_path: Path, make_doc) -> None:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text="A story.\n", title="Story", source="/s"))
        s.cache_analysis(article.hash, "m", "1", Analysis(
            quotes=[Quote(id=i, start=0, end=1, text="x" * 1000) for i in range(300)]))
    lines = run(db_path).stdout.splitlines()
    assert lines[-2:] == ["", "Analysis cache: 1 entry, 0.3 MB."]
