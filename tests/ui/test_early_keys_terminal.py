"""Keys typed before the app is up: a note is kept, and ctrl+q still quits the reader.

A note typed with `n` at once after start was dropped: the keys behind `n` were already on
their way to the article when the editor opened (tests/ui/test_early_keys.py has the cases on
the Pilot); here the keys are written to the terminal as the reader starts, so they reach the
app in one burst as it comes up.

Until Textual's driver puts the terminal in raw mode, its line discipline has XON/XOFF flow
control on and swallows ctrl+q: typed in the first few tenths of a second, it never reached
the app, which kept running. The real reader on a pseudo-terminal, reading a URL from a real
HTTP server on 127.0.0.1 that answers only once the key has been typed, so the key is sure to
come before the app starts (as it does for a person quick to quit).
"""

from __future__ import annotations

import os
import termios
import threading
import time
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.errors import ReaderError
from reader.store import Store
from tests.terminal import discard_output, read_until, reader_env, spawn_reader

TEXT = "A headline\n\n" + "\n\n".join(f"Paragraph {i} says something about it." for i in range(20))






def test_a_note_typed_as_the_reader_starts_is_stored(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "lib.db"
    proc, master = spawn_reader(db, 30, 100, args=(str(article),))
    try:
        os.write(master, b"nwritten at once")  # before the app is up: they wait for it
        read_until(master, b"ctrl+s save", 60)  # the note editor is open
        os.write(master, b"\x13")  # ctrl+s
        deadline = time.monotonic() + 30
        while not _notes(db) and time.monotonic() < deadline:
            discard_output(master)
            time.sleep(0.1)
        assert _notes(db) == ["written at once"]
        os.write(master, b"\x11")  # ctrl+q
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            discard_output(master)
            time.sleep(0.05)
        assert proc.poll() is not None, "still running 30 s after ctrl+q"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)


def _notes(db: Path) -> list[str]:
    """The notes stored so far ([] while the reader has not made its library yet)."""
    try:
        with Store.open(db, read_only=True) as store:
            return [a.note for a in store.annotations(1)]
    except ReaderError:
        return []


def test_ctrl_q_typed_before_the_app_is_up_quits(httpserver: HTTPServer, tmp_path: Path) -> None:
    requested, typed = threading.Event(), threading.Event()

    def answer(_request: Request) -> Response:
        requested.set()
        typed.wait(30)
        return Response(TEXT, content_type="text/plain; charset=utf-8")

    httpserver.expect_request("/article").respond_with_handler(answer)
    address = httpserver.url_for("/article")
    proc, master = spawn_reader(tmp_path / "lib.db", 30, 100, args=(address,))
    assert termios.tcgetattr(master)[0] & termios.IXON  # a terminal's default
    try:
        assert requested.wait(60), "the reader never asked for the article"
        os.write(master, b"\x11")  # ctrl+q, while the reader is still fetching
        typed.set()
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            discard_output(master)
            time.sleep(0.05)
        assert proc.poll() == 0, "ctrl+q typed before the app was up did not quit the reader"
        discard_output(master)
        # The terminal's own flow control is back once the reader has ended.
        assert termios.tcgetattr(master)[0] & termios.IXON
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)


def test_a_note_typed_as_the_reader_starts_survives_a_crash_as_a_draft(tmp_path: Path) -> None:
    """The editor opened by an early `n` files its draft under the article's saved id, so the
    next opening of the article offers it (it was filed under the unsaved id 0, never read)."""
    from reader.drafts import DraftBox

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "lib.db"
    data = tmp_path / "data"
    proc, master = spawn_reader(
        db, 30, 100, args=(str(article),), env=reader_env(XDG_DATA_HOME=str(data))
    )
    try:
        os.write(master, b"nkept through a crash")  # before the app is up
        read_until(master, b"ctrl+s save", 60)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:  # the draft is written once typing pauses
            discard_output(master)
            time.sleep(0.1)
        proc.kill()  # a crash: nothing stored, only the draft file
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    box = DraftBox(db, folder=data / "reader" / "drafts")
    assert [d.text for d in box.of_article(1)] == ["kept through a crash"]
