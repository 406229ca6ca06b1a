"""No file a connection of this process holds is opened with open(): closing that descriptor
drops the process's POSIX locks, SQLite's too (reader.held_files). Real SQLite files; the lock
is tried from a second process, as another window would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import ReaderError, SourceError
from reader.outfile import check_target
from reader.sources import load_source
from reader.store import Store

#: Another process asks for the write lock without waiting: "locked" while this one holds it.
TRY_WRITE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
try:
    conn.execute("BEGIN IMMEDIATE")
    print("got it")
except sqlite3.OperationalError as exc:
    print(exc)
"""


def other_process_write(db: Path) -> str:
    return subprocess.run([sys.executable, "-c", TRY_WRITE, str(db)], capture_output=True,
                          text=True, check=True, timeout=30).stdout.strip()


@pytest.mark.parametrize("suffix", ["", "-shm"])
def test_ctrl_o_of_a_library_file_refuses_it_and_keeps_the_lock(
    tmp_path: Path, suffix: str
) -> None:
    db = tmp_path / "lib.db"
    with Store.open(db) as store:
        store.db.conn.execute("BEGIN IMMEDIATE")  # this process writes (a save under way)
        assert other_process_write(db) == "database is locked"
        with pytest.raises(SourceError, match="a file of the reader's library, not an article"):
            load_source(f"{db}{suffix}")  # the old code read it ("a binary file")
        # The old code, closing the -shm it read, dropped the write lock: "got it".
        assert other_process_write(db) == "database is locked"
        store.db.conn.execute("ROLLBACK")


def test_an_export_onto_a_hard_link_of_the_library_keeps_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Store.open(db) as store:
        alias = tmp_path / "notes.md"
        os.link(f"{db}-shm", alias)  # the same file under another name
        store.db.conn.execute("BEGIN IMMEDIATE")
        with pytest.raises(ReaderError, match="choose another file"):
            check_target(str(alias), database=db)
        assert other_process_write(db) == "database is locked"  # "got it" on the old code
        store.db.conn.execute("ROLLBACK")
