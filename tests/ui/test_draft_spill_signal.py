"""A note's words when neither the draft file nor the library can take them, and a stop
signal comes (SIGTERM: a logout; the terminal closed sends SIGHUP the same way). The draft
folder cannot be written (a full disk, a folder that is a file) and another program holds the
library's write lock: the reader tried to store the note, failed, and ended with the words
nowhere. Now they go to a spill file in another folder (reader.draft_spill), which the next
reader reads with the draft file. The real reader on a pseudo-terminal, a real lock."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

from reader.drafts import DraftBox, drafts_dir
from reader.store import Store
from tests.terminal import read_until, spawn_reader

TYPED = "words the library could not take"


def test_words_neither_the_draft_file_nor_the_library_takes_outlive_a_stop_signal(
    db_path: Path,
) -> None:
    drafts_dir().parent.mkdir(parents=True, exist_ok=True)
    drafts_dir().write_text("not a folder")  # the draft file cannot be written
    proc, master = spawn_reader(db_path, 30, 110)
    holder: sqlite3.Connection | None = None
    try:
        read_until(master, b"Blinken", 90)
        os.write(master, b"n")
        read_until(master, b"ctrl+s save", 30)
        holder = sqlite3.connect(db_path, timeout=10)
        holder.execute("BEGIN IMMEDIATE")  # another program's long write: no note is stored
        os.write(master, TYPED.encode())
        read_until(master, TYPED[-8:].encode(), 10)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
        if holder is not None:
            holder.rollback()
            holder.close()
    with Store.open(db_path, read_only=True) as store:
        assert [a.note for a in store.annotations(1)] == []  # the lock held: not stored
    drafts_dir().unlink()  # the draft folder can be written again
    (draft,) = DraftBox(db_path).of_article(1)  # the next reader offers the words
    assert draft.text == TYPED
