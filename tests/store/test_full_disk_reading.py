"""A library on a disk with no room left: reading it (`reader notes`, the way to take the notes
elsewhere) must still work, since reading writes nothing. SQLite reads a WAL library through a
-shm index it makes beside it; with no room for that index every read failed with "could not
be written (disk I/O error)". A real limit: RLIMIT_FSIZE (`ulimit -f`) makes any file growing
past 4 KB fail as a full disk does (the library itself is larger and only read), on real SQLite
files and `python -m reader` processes."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from reader.store import Store

REPO = Path(__file__).parents[2]
TEXT = "Talks resume\n\n“We will cut taxes,” Ann Lee said on Monday.\n" + "Filler. " * 2000


def no_room() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def reader(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), *args], preexec_fn=no_room,
        capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL,
    )


def library(path: Path, make_doc, note: str) -> int:
    with Store.open(path) as store:
        article = store.save_article(make_doc(text=TEXT, title="Talks resume", source="/t.txt"))
        store.add_annotation(article.id, TEXT, 14, 34, note=note)
        return article.id


def files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_notes_are_exported_from_a_library_on_a_full_disk(tmp_path: Path, make_doc) -> None:
    db = tmp_path / "lib.db"
    library(db, make_doc, "kept through a full disk")
    assert not (tmp_path / "lib.db-shm").exists()  # closed cleanly: no index left to reuse
    done = reader(db, "notes")
    assert done.returncode == 0, done.stderr
    assert "kept through a full disk" in done.stdout
    assert "could not be written" not in done.stderr


def test_notes_still_in_the_wal_are_not_exported_short_but_the_disk_is_named(
    tmp_path: Path, make_doc
) -> None:
    """Without the index the library can only be read as immutable, which skips the -wal:
    with a note in it, that export would silently lack the note."""
    made = tmp_path / "made"
    made.mkdir()
    article = library(made / "lib.db", make_doc, "in the main file")
    holder = sqlite3.connect(made / "lib.db")  # a reader in the way of every checkpoint
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM annotations").fetchone()
    with Store.open(made / "lib.db") as store:
        store.add_annotation(article, TEXT, 40, 50, note="only in the wal")
        copied = tmp_path / "copied"
        copied.mkdir()
        shutil.copy(made / "lib.db", copied / "lib.db")
        shutil.copy(made / "lib.db-wal", copied / "lib.db-wal")
    holder.close()
    assert (copied / "lib.db-wal").stat().st_size > 0
    before = files(copied)
    done = reader(copied / "lib.db", "notes")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "disk holding it is full" in done.stderr and "free some space" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert {k: v for k, v in files(copied).items() if k != "lib.db-shm"} == before
    with Store.open(copied / "lib.db", read_only=True) as store:  # room again: every note
        assert {a.note for a in store.annotations(article)} == {
            "in the main file", "only in the wal"}


def test_a_write_on_a_full_disk_says_the_disk_is_full(tmp_path: Path, make_doc) -> None:
    db = tmp_path / "lib.db"
    library(db, make_doc, "a note")
    done = reader(db, "search", "taxes")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "disk holding it is full" in done.stderr
