"""A note typed a moment before the reader is told to stop (SIGTERM: a logout, a supervisor;
SIGHUP: the terminal window closed) is not lost. The draft is written only after typing
pauses, so without its own handling (Textual has none for these signals) the last words died
with the process. The real reader on a pseudo-terminal; the signal comes as soon as the words
are on screen, long before the draft's pause."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from reader.drafts import DraftBox
from reader.store import Store
from tests.terminal import read_until, reader_env, spawn_reader

TYPED = "signalled before the pause"




@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_note_typed_just_before_a_stop_signal_is_kept(
    db_path: Path, signum: signal.Signals
) -> None:
    proc, master = spawn_reader(db_path, 30, 110)
    try:
        read_until(master, b"Blinken", 90)  # the sample is on screen
        os.write(master, b"n")
        read_until(master, b"ctrl+s save", 30)  # the note editor is open
        os.write(master, TYPED.encode())
        read_until(master, TYPED[-8:].encode(), 10)  # the editor shows the last words
        proc.send_signal(signum)
        if signum == signal.SIGHUP:
            os.close(master)  # and the terminal is gone, as when its window closes
            master = -1
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if master >= 0:
            os.close(master)
    with Store.open(db_path, read_only=True) as store:
        notes = [a.note for a in store.annotations(1)]
    drafts = [d.text for d in DraftBox(db_path).of_article(1)]
    assert TYPED in notes + drafts, (notes, drafts)
    assert proc.returncode == 0  # it stopped on its own, not killed by the signal


def test_a_draft_only_in_memory_is_stored_on_a_stop_signal(db_path: Path) -> None:
    """The draft file cannot be written (its folder is a file): a note typed and closed with
    escape lives only in the window, and SIGTERM (a logout) ended the reader with it: the
    words were nowhere. Now they are stored as the note, as an open editor's are."""
    from reader.drafts import drafts_dir

    drafts_dir().parent.mkdir(parents=True, exist_ok=True)
    drafts_dir().write_text("not a folder")
    proc, master = spawn_reader(db_path, 30, 110)
    try:
        read_until(master, b"Blinken", 90)
        os.write(master, b"n")
        read_until(master, b"ctrl+s save", 30)
        os.write(master, TYPED.encode())
        read_until(master, TYPED[-8:].encode(), 10)
        os.write(master, b"\x1b")  # escape: kept as a draft, in this window only
        read_until(master, b"Drafts", 10)  # the toast's title: the draft file failed
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    with Store.open(db_path, read_only=True) as store:
        notes = [a.note for a in store.annotations(1)]
    assert notes == [TYPED]
    assert proc.returncode == 0


#: The grace the stuck reader is given here (READER_STOP_GRACE): the default's ten seconds
#: would prove nothing more, and cost ten seconds of every run.
GRACE = 1.0


def test_a_stop_signal_ends_the_reader_even_when_its_terminal_stopped_reading(
    db_path: Path,
) -> None:
    """A terminal that no longer reads (a stalled SSH link, a frozen window) filled Textual's
    output queue and the event loop waited for ever to write a frame: SIGTERM and SIGHUP were
    never acted on, and the reader ran on (seen 46 minutes after its tmux session was killed),
    stoppable by SIGKILL alone. Now it ends within the grace period all the same."""
    from reader.ui.hangup import GRACE_ENV, STOP_GRACE

    env = reader_env(**{GRACE_ENV: str(GRACE)})
    proc, master = spawn_reader(db_path, 40, 120, env=env)
    try:
        read_until(master, b"Blinken", 90)
        for n in range(300):  # keys that redraw, and nobody reads the terminal any more
            os.write(master, b"j" if n % 2 else b"t")
            time.sleep(0.01)
        time.sleep(2)
        assert proc.poll() is None  # still running when the signal comes: it did not crash
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=STOP_GRACE + 20)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    # Either the loop got to stop in order (0), or, stuck writing, the grace ran out and the
    # signal's own thread ended the process (1, only once the grace is over); never SIGKILL
    # (-9), nor the signal's default end (-15), nor an error at once.
    assert proc.returncode == 0 or (proc.returncode == 1 and took >= GRACE - 0.5), (
        proc.returncode, took,
    )
