"""A crash (an exception nothing handles) ends the real reader with a non-zero status, not 0
after Textual's traceback, so a script can tell; and the words in the open note editor, typed
a moment before (the draft is written only once typing pauses), are kept as a draft.

The crash is made by a wrapper that breaks one action of the editor (ctrl+down) before
running the reader's own main; nothing of what is checked is replaced."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

from reader.drafts import DraftBox
from tests.terminal import discard_output, read_until, reader_env

CRASH = """
import sys
from reader.ui.screens.note_editor import NoteEditor

def crash(self, step):
    raise RuntimeError("a deliberate crash")

NoteEditor.action_scroll_passage = crash
sys.argv = ["reader", "--db", sys.argv[1]]
from reader.cli import main
main()
"""
TYPED = "words typed just before the crash"


def test_a_crash_exits_non_zero_and_keeps_the_words_being_typed(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASH, str(db)], stdin=slave, stdout=slave, stderr=slave,
        env=reader_env(), start_new_session=True,
    )
    os.close(slave)
    try:
        read_until(master, b"Blinken", 90)  # the sample is on screen
        os.write(master, b"n")
        read_until(master, b"ctrl+s save", 30)  # the note editor is open
        os.write(master, TYPED.encode() + b"\x1b[1;5B")  # the words, then ctrl+down at once
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            discard_output(master)
            time.sleep(0.05)
        assert proc.poll() is not None, "the reader did not end after the crash"
        assert proc.returncode == 1
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    (draft,) = DraftBox(db).of_article(1)
    assert draft.text == TYPED
