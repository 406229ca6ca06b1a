"""Databases that must not be used as they are: damaged, not a file, newer, read-only media.

Real SQLite files (one damaged by overwriting a page's bytes), real FIFOs, a real read-only
mount when the test may mount one, and `python -m reader` processes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store import Store
from tests.damaged_db import damage_a_page, library_of

REPO = Path(__file__).parents[2]
def run(db: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), *args],
        capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL,
    )


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stdout
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def damaged(tmp_path: Path, make_doc) -> Path:
    path = library_of(tmp_path / "damaged.db", make_doc)
    damage_a_page(path)
    with Store.open(path, read_only=True) as store:
        assert store.has_articles()  # opens fine: the damage is found only by a later query
    return path


@pytest.mark.parametrize("command", [["library"], ["notes"], ["library", "--format", "json"]])
def test_a_damaged_page_is_named_on_the_first_query(damaged: Path, command: list[str]) -> None:
    before = damaged.read_bytes()
    line = one_line(run(damaged, *command))
    assert line.startswith(f"reader: {damaged}: the database is damaged (")
    assert damaged.read_bytes() == before


@pytest.mark.parametrize("path", ["/dev/null", "/dev/zero"])
def test_a_device_is_not_a_database(path: str) -> None:
    line = one_line(run(path, "library"))
    assert line == f"reader: {path}: not a regular file; the database must be a file."


def test_a_fifo_is_not_a_database(tmp_path: Path) -> None:
    fifo = tmp_path / "notes.db"
    os.mkfifo(fifo)  # reading its header would wait for a writer for ever
    line = one_line(run(fifo, "notes"))
    assert line == f"reader: {fifo}: not a regular file; the database must be a file."


def test_a_newer_database_says_a_newer_reader_made_it(tmp_path: Path, make_doc) -> None:
    path = library_of(tmp_path / "new.db", make_doc, articles=1)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('reader', '9999_from_the_future', '2030-01-01')"
        )
    conn.close()
    for command in (["notes"], ["library"]):
        line = one_line(run(path, *command))
        assert line == (
            f"reader: {path}: the database was written by a newer version of reader; "
            "upgrade reader."
        )


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A real read-only file system (a tmpfs remounted ro); skips where mounting is not allowed."""
    point = tmp_path / f"ro-{uuid.uuid4().hex[:8]}"
    point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(point)],
                          capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root): no read-only file system to test")
    try:
        yield point
    finally:
        subprocess.run(["umount", str(point)], capture_output=True)


def test_a_database_on_read_only_media_can_be_exported(
    tmp_path: Path, make_doc, read_only_mount: Path
) -> None:
    source = library_of(tmp_path / "a.db", make_doc, articles=3)
    shutil.copy(source, read_only_mount / "a.db")  # a WAL database, closed cleanly: no -shm
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    db = read_only_mount / "a.db"
    notes = run(db, "notes")
    assert (notes.returncode, notes.stderr) == (0, "")
    assert "# Story 2 — /news/2.txt" in notes.stdout and "note 0" in notes.stdout
    library = run(db, "library")
    assert library.returncode == 0
    assert library.stderr == f"Library: {db} (chosen with --db or READER_DB)\n"
    rows = [line for line in library.stdout.splitlines() if "Story" in line]
    assert len(rows) == 3


def test_a_library_that_lost_its_wal_is_not_called_old(tmp_path: Path) -> None:
    """Everything since the last checkpoint is in the -wal file; the main file of a young
    library was one 4096-byte page with no tables (a reader now checkpoints each write, but
    one of an older version may have left such a file). Without its -wal it is no older
    schema."""
    lost = tmp_path / "lost.db"
    conn = sqlite3.connect(lost)
    conn.execute("PRAGMA journal_mode=wal")  # the first page, as SQLite writes it, no tables
    conn.close()
    assert lost.stat().st_size == 4096
    before = lost.read_bytes()
    for command in (["notes"], ["library"]):
        line = one_line(run(lost, *command))
        assert line == (
            f"reader: {lost}: the database holds no library (no tables at all): if it held "
            "notes, they were in its -wal file, lost or overwritten; it was left untouched."
        )
    assert lost.read_bytes() == before


@pytest.mark.parametrize("size", [100, 4096, 65536])
def test_a_truncated_library_is_called_damaged(tmp_path: Path, make_doc, size: int) -> None:
    path = library_of(tmp_path / "cut.db", make_doc, articles=20)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    os.truncate(path, size)
    for command in (["notes"], ["library"]):
        line = one_line(run(path, *command))
        assert line.startswith(f"reader: {path}: the database is damaged (")


@pytest.mark.parametrize("command", [["library"], ["notes"], ["add", "story.txt"]])
def test_another_programs_database_is_left_untouched(tmp_path: Path, command: list[str]) -> None:
    """An SQLite file with tables and no reader migration was taken for an old library: `reader
    add` wrote the library's tables into it (and switched it to WAL), `reader library` told the
    user to open it 'once with write access'."""
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org/')")
    conn.commit()
    conn.close()
    (tmp_path / "story.txt").write_text('"It is fine," said Bob.\n', encoding="utf-8")
    before = other.read_bytes()
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(other), *command], cwd=tmp_path,
        capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL,
    )
    assert one_line(done) == (
        f"reader: {other}: an SQLite database of another program, not a reader library; "
        "it was left untouched."
    )
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db", "story.txt"]
