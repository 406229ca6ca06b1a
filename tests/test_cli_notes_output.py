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
