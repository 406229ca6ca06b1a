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
