"""Bytes on the terminal that are not UTF-8 (an xterm whose Alt sets the eighth bit, a
terminal left in Latin-1, binary pasted by mistake) are typed as U+FFFD; they used to end the
reader at once with Textual's traceback (its input thread decoded strictly), whatever note
was being typed. The real reader on a pseudo-terminal."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from reader.store import Store
from tests.terminal import discard_output, read_until, spawn_reader


def test_bytes_that_are_not_utf8_never_end_the_reader(tmp_path: Path, make_doc) -> None:
    db = tmp_path / "library.db"
    with Store.open(db) as store:
        store.save_article(make_doc())
    proc, master = spawn_reader(db, 30, 110)
    seen = b""
    try:
        read_until(master, b"Talks resume", 90)  # the library lists the article
        os.write(master, b"ab\xff\xfeA\xe9")  # typed into the library's filter
        time.sleep(1.5)
        seen = read_until(master, b"", 0.5)
        assert proc.poll() is None, "the reader ended on bytes that are not UTF-8"
        os.write(master, b"\x11")  # ctrl+q
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            discard_output(master)  # the reader never blocks writing to the terminal
            time.sleep(0.05)
        assert proc.poll() == 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        os.close(master)
    assert b"UnicodeDecodeError" not in seen


def stored_notes(db_path: Path) -> list[str]:
    try:
        with Store.open(db_path, read_only=True) as store:
            return [a.note for a in store.annotations(1) if a.note]
    except Exception:  # not created yet, or being migrated: look again
        return []


def test_a_paste_with_an_escape_in_it_reaches_the_note_whole_and_in_order(db_path: Path) -> None:
    """Textual read an ESC inside a bracketed paste as a key sequence: the words after it came
    as key presses before the paste, so "III<ESC>JJJ" was stored as "^JJJIII" (seen in tmux,
    pasting `git diff --color` output). Now the ESC is pasted as its symbol, ␛, in place. The
    real reader on a pty; the paste's end marker is written in two pieces, as a read may cut it."""
    proc, master = spawn_reader(db_path, 30, 110)
    try:
        read_until(master, b"Blinken", 90)  # the sample is on screen
        os.write(master, b"n")
        read_until(master, b"ctrl+s save", 30)  # the note editor is open
        os.write(master, b"\x1b[200~first \x1b[31mred\x1b[0m then\x1bJJJ last\x1b[20")
        time.sleep(0.3)
        os.write(master, b"1~")
        read_until(master, b"last", 60)
        os.write(master, b"\x13")  # ctrl+s
        # the library says it is saved ("Note saved." on the terminal may come in pieces
        # between cursor moves: seen under xdist)
        deadline = time.monotonic() + 60
        while not stored_notes(db_path) and time.monotonic() < deadline:
            discard_output(master)
            time.sleep(0.05)
        os.write(master, b"\x11")  # ctrl+q
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            discard_output(master)
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        os.close(master)
    with Store.open(db_path, read_only=True) as store:
        (note,) = [a.note for a in store.annotations(1)]
    assert note == "first ␛[31mred␛[0m then␛JJJ last"
