"""The real reader in a real terminal when things go wrong underneath it: a damaged database
stops it with one line and exit 2, a full disk still shows the article (and keeps saying why
nothing is saved), and ctrl+q quits while a slow server is still sending."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App

from reader.store import Store
from tests.damaged_db import damage_a_page, library_of
from tests.slow_server import slow_server
from tests.terminal import REPO, run_on_terminal

#: Generous: a reader that does not quit runs far past this.
HANG = 30


def test_a_damaged_library_stops_the_app_with_one_line(tmp_path: Path, make_doc) -> None:
    """The first query that reaches a damaged page ends the app: exit 2 and one sentence,
    not a toast over "Your library is empty" for good."""
    db = library_of(tmp_path / "damaged.db", make_doc)
    damage_a_page(db)
    before = db.read_bytes()
    done = run_on_terminal(["--db", str(db)], stderr_tty=True, timeout=HANG)
    assert done.returncode == 2
    assert "Traceback" not in done.screen
    last = [line for line in done.screen.splitlines() if line.strip()][-1]
    assert last.strip().startswith(f"reader: {db}: the database is damaged (")
    assert db.read_bytes() == before


# -- in tmux -----------------------------------------------------------------------------------


def screen(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
    ).stdout


def words(shown: str) -> str:
    """The screen's words, then the toasts' alone: a toast's lines read from its left edge (▌)
    on, as its words wrap beside the article's lines and would be interleaved with them."""
    toasts = " ".join(line.split("▌", 1)[1] for line in shown.splitlines() if "▌" in line)
    return " ".join(shown.split()) + "\n" + " ".join(toasts.split())


def screen_until(session: str, *needles: str, timeout: float = HANG) -> str:
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen(session)
        if all(n in words(shown) for n in needles):
            return shown
        time.sleep(0.1)
    raise AssertionError(f"{needles!r} never all appeared; last screen:\n{shown}")


def alive(session: str) -> bool:
    found = subprocess.run(["tmux", "has-session", "-t", session], capture_output=True)
    return found.returncode == 0


@pytest.fixture
def tmux() -> Iterator[str]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    name = f"reader-errors-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def start(session: str, shell_command: str, size: tuple[int, int] = (120, 40)) -> None:
    env = f"env -u READER_DB -u READER_MODEL PYTHONPATH={shlex.quote(str(REPO))}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]),
         f"bash -c {shlex.quote(shell_command.replace('ENV', env))}"],
        check=True,
    )


def test_a_full_disk_still_shows_the_article_and_keeps_the_error(
    tmp_path: Path, tmux: str
) -> None:
    """A real limit: RLIMIT_FSIZE (`ulimit -f`) makes every write past 100 KB fail (EFBIG), as a
    full disk would; the database is 40 KB, the article 140 KB, so saving it fails. (Under
    200 KB, so one parsing process runs meanwhile, not two: the test is about the error.)

    At 80 columns the toast's words were measured at one width and drawn one column narrower
    (its 50% was of a container whose width changed between layouts): when the path folds
    mid-word only at the narrower width, its last row ("…is saved.") was cut. The folder's
    name is made the length that folds so (whatever the machine's temporary path)."""
    db = _folding_at_80(tmp_path)
    db.parent.mkdir(exist_ok=True)
    Store.open(db).close()
    article = tmp_path / "big.txt"
    paragraph = "The minister said that the talks would resume in Geneva next week. " * 10
    article.write_text("Disk full headline\n\n" + "\n\n".join([paragraph] * 200), "utf-8")
    python = shlex.quote(sys.executable)
    start(tmux, f"ulimit -f 100; ENV {python} -m reader --db {db} {article}", size=(80, 24))
    screen_until(tmux, "Disk full headline", "could not be written", "nothing of it is saved")
    time.sleep(App.NOTIFICATION_TIMEOUT + 1)  # past when an ordinary toast is gone
    shown = words(screen(tmux))
    assert "could not be written" in shown and "The minister said" in shown


def _folding_at_80(tmp_path: Path) -> Path:
    """A database path whose error toast takes one row more at 36 columns of text than at 37
    (the two widths an 80-column toast was measured and drawn at)."""
    from textual.content import Content

    for pad in range(1, 60):
        db = tmp_path / ("d" * pad) / "a.db"
        said = Content(f"Not saved\n{db}: the database could not be written (disk I/O error). "
                       "The article is shown, but nothing of it is saved.")
        if len(said.wrap(36)) > len(said.wrap(37)):
            return db
    raise AssertionError("no folder name folds the path")


def test_ctrl_q_quits_while_a_fetch_is_under_way(tmp_path: Path, tmux: str, make_doc) -> None:
    """The fetch runs in a worker thread that the app waits for at exit: quitting cancels it
    instead of waiting for a server that sends a byte every half second, for ever."""
    db = library_of(tmp_path / "a.db", make_doc, articles=1)
    python = shlex.quote(sys.executable)
    with slow_server("body") as (url, requested):
        start(tmux, f"ENV READER_FETCH_TIMEOUT=600 {python} -m reader --db {db}")
        screen_until(tmux, "Story 0")
        subprocess.run(["tmux", "send-keys", "-t", tmux, "C-o"], check=True)
        screen_until(tmux, "Open a file or URL")
        subprocess.run(["tmux", "send-keys", "-t", tmux, "-l", url], check=True)
        subprocess.run(["tmux", "send-keys", "-t", tmux, "Enter"], check=True)
        assert requested.wait(HANG), "the reader never made its request"
        subprocess.run(["tmux", "send-keys", "-t", tmux, "C-q"], check=True)
        deadline = time.monotonic() + HANG
        while alive(tmux) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not alive(tmux), "ctrl+q did not quit while the fetch was under way"
