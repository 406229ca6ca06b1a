"""`reader notes -o FILE` never writes onto a database and never leaves a half-written file.
Real database files and `python -m reader` processes."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from reader.store import Store

REPO = Path(__file__).parents[1]
TEXT = "Budget talks\n\n“We will cut taxes,” Ann Lee said.\nThe vote is on Friday.\n"


def run(db: Path, *args: str, fsize: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    env["PYTHONPATH"] = str(REPO)

    def limit() -> None:  # a real limit: writes past it fail with EFBIG, as on a full disk
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), *args],
        capture_output=True, text=True, timeout=60, env=env, preexec_fn=limit,
    )


@pytest.fixture
def db(tmp_path: Path, make_doc) -> Path:
    path = tmp_path / "x.db"
    with Store.open(path) as s:
        a = s.save_article(make_doc(text=TEXT, title="Budget talks", source="/news/budget.txt"))
        start = TEXT.index("We will")
        s.add_annotation(a.id, TEXT, start, start + 17, note="Promise " * 25_000)
    return path


def refused(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    return done.stderr.strip()


@pytest.mark.parametrize("companion", ["", "-wal", "-shm"])
def test_notes_are_never_written_onto_the_open_database(db: Path, companion: str) -> None:
    target = Path(f"{db}{companion}")
    before = target.read_bytes() if target.exists() else None
    line = refused(run(db, "notes", "-o", str(target)))
    assert line == f"reader: {target} is the reader's database; choose another file for the notes."
    assert (target.read_bytes() if target.exists() else None) == before
    with Store.open(db, read_only=True) as store:
        assert [a.title for a in store.list_articles()] == ["Budget talks"]


def test_notes_are_never_written_onto_the_database_by_another_name(db: Path) -> None:
    link = db.parent / "link.md"
    link.symlink_to(db)
    before = db.read_bytes()
    line = refused(run(db, "notes", "-o", str(link)))
    assert "is the reader's database" in line
    assert db.read_bytes() == before


def test_notes_are_never_written_onto_another_sqlite_file(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with Store.open(other):
        pass
    before = other.read_bytes()
    line = refused(run(db, "notes", "-o", str(other)))
    assert line == f"reader: {other} is an SQLite database; choose another file for the notes."
    assert other.read_bytes() == before


def test_a_failed_write_leaves_the_old_file_whole(db: Path, tmp_path: Path) -> None:
    """The export goes to a temporary file and is renamed over the target: a write that
    fails half-way (here a real file size limit, EFBIG) leaves the old notes as they were."""
    out = tmp_path / "notes.md"
    old = "# My earlier notes\n\nkept\n"
    out.write_text(old, encoding="utf-8")
    # Above what reading the database needs (its 32 KB -shm), below the ~200 KB of notes.
    done = run(db, "notes", "-o", str(out), fsize=64 * 1024)
    line = refused(done)
    assert line.startswith(f"reader: {out}: cannot write the notes")
    assert out.read_text(encoding="utf-8") == old
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_export_replaces_the_file_whole(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.md"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    done = run(db, "notes", "-o", str(out))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert out.read_text(encoding="utf-8").startswith("# Budget talks — /news/budget.txt\n")
    assert out.stat().st_mode & 0o777 == 0o640  # the file keeps its permissions
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture
def other_library(tmp_path: Path, make_doc):
    """Another library, open in a running program: its note is still in its -wal file."""
    path = tmp_path / "lib.db"
    store = Store.open(path)
    a = store.save_article(make_doc(text=TEXT, title="Other talks", source="/news/other.txt"))
    store.add_annotation(a.id, TEXT, 1, 7, note="kept in the WAL")
    assert Path(f"{path}-wal").stat().st_size > 0
    yield path
    store.close()


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_notes_are_never_written_onto_another_librarys_companion_files(
    db: Path, other_library: Path, suffix: str
) -> None:
    target = Path(f"{other_library}{suffix}")
    before = target.read_bytes()
    line = refused(run(db, "notes", "-o", str(target)))
    assert line == (
        f"reader: {target} belongs to the SQLite database {other_library}; "
        "choose another file for the notes."
    )
    assert target.read_bytes() == before
    with Store.open(other_library, read_only=True) as other:
        [article] = other.list_articles()
        assert [n.note for n in other.annotations(article.id)] == ["kept in the WAL"]


def test_a_new_companion_name_of_an_sqlite_file_is_refused(db: Path, tmp_path: Path) -> None:
    """No -journal exists yet, but a file of that name would be read as one (a hot journal)."""
    other = tmp_path / "quiet.sqlite"
    with Store.open(other):
        pass
    target = Path(f"{other}-journal")
    line = refused(run(db, "notes", "-o", str(target)))
    assert "belongs to the SQLite database" in line
    assert not target.exists()


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("-wal", "an SQLite write-ahead log"),
        ("-shm", "an SQLite shared-memory index"),
    ],
)
def test_sqlite_companion_files_are_refused_by_their_contents(
    db: Path, other_library: Path, tmp_path: Path, name: str, what: str
) -> None:
    """A copy under another name (a backup, a file renamed by hand) is still refused."""
    copy = tmp_path / f"backup{name}.bin"
    copy.write_bytes(Path(f"{other_library}{name}").read_bytes())
    before = copy.read_bytes()
    line = refused(run(db, "notes", "-o", str(copy)))
    assert line == f"reader: {copy} is {what}; choose another file for the notes."
    assert copy.read_bytes() == before


def test_a_rollback_journal_is_refused_by_its_contents(db: Path, tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "rollback.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA cache_size = 1")  # spill: the journal is written mid-transaction
    conn.execute("BEGIN")
    conn.execute("INSERT INTO t SELECT randomblob(5000) FROM (WITH RECURSIVE r(i) AS "
                 "(SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 20) SELECT i FROM r)")
    copy = tmp_path / "journal.bin"
    copy.write_bytes(Path(f"{path}-journal").read_bytes())
    conn.execute("ROLLBACK")
    conn.close()
    line = refused(run(db, "notes", "-o", str(copy)))
    assert line == (
        f"reader: {copy} is an SQLite rollback journal; choose another file for the notes."
    )


def test_dash_means_standard_output(db: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), "notes", "-o", "-"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("# Budget talks — /news/budget.txt\n")
    assert not (tmp_path / "-").exists()


def test_a_folder_as_the_output_is_one_sentence(db: Path, tmp_path: Path) -> None:
    """click's own check answered first, in four lines of usage and 'Error: Invalid value'."""
    done = run(db, "notes", "-o", str(tmp_path))
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [
        f"reader: {tmp_path} is a folder; give a file name for the notes."
    ]


def test_notes_are_never_written_over_an_articles_own_file(tmp_path: Path, make_doc) -> None:
    """`reader notes -o story.txt` (meant: `reader notes story.txt`) replaced the story with
    the notes' Markdown; the next `reader story.txt` read them as the article."""
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "lib.db"
    with Store.open(db) as s:
        s.save_article(make_doc(text=TEXT, title="Budget talks", source=str(story)))
    (tmp_path / "sub").mkdir()
    for target in (str(story), str(tmp_path / "sub" / ".." / "story.txt")):
        said = refused(run(db, "notes", "-o", target))
        assert said == (
            f"reader: {target} is the file the article 'Budget talks' was read from; "
            "choose another file for the notes."
        )
    assert story.read_text(encoding="utf-8") == TEXT
    assert run(db, "notes", "-o", str(tmp_path / "notes.md")).returncode == 0
