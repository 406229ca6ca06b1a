"""Start-up: what `reader` shows first, and bad input stopping before any UI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from reader.errors import SourceError
from reader.sources import Document
from reader.store import Store
from reader.ui.launch import SAMPLE_SOURCE, build_app, plan_start, sample_document
from tests.terminal import Finished, run_on_terminal

REPO = Path(__file__).parents[2]
READER = Path(sys.executable).with_name("reader")


def test_sample_document_is_the_bundled_article() -> None:
    doc = sample_document()
    bundled = (REPO / "reader" / "samples" / "seed.txt").read_text(encoding="utf-8")
    assert doc.text == bundled
    first_line = bundled.splitlines()[0]
    # The first line is a whole lede paragraph: the title is its opening words.
    assert doc.title.endswith("…") and len(doc.title) <= 100
    assert first_line.startswith(doc.title.removesuffix("…"))
    assert doc.source == SAMPLE_SOURCE


def test_plan_empty_db_opens_the_sample(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        plan = plan_start(None, store)
        assert plan.document is not None and plan.document.source == SAMPLE_SOURCE
        assert not plan.start_in_library


def test_plan_with_articles_opens_the_library(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        store.save_article(Document(title="T", source="s", text="Some text."))
        plan = plan_start(None, store)
        assert plan.document is None and plan.start_in_library


def test_plan_bad_source_raises_and_saves_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        with pytest.raises(SourceError):
            plan_start(str(tmp_path / "missing.txt"), store)
        assert not store.has_articles()


async def test_no_argument_on_empty_db_shows_the_sample(tmp_path: Path) -> None:
    from reader.ui.screens.article import ArticleScreen

    with Store.open(tmp_path / "a.db") as store:
        app = build_app(None, store=store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            assert screen.record.source == SAMPLE_SOURCE
            await app.workers.wait_for_complete()
        assert [a.source for a in store.list_articles()] == [SAMPLE_SOURCE]


async def test_no_argument_with_articles_shows_the_library(tmp_path: Path) -> None:
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.screens.library import LibraryScreen

    with Store.open(tmp_path / "a.db") as store:
        store.save_article(Document(title="Kept article", source="k.txt", text="He said “hi”."))
        app = build_app(None, store=store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
            assert [a.title for a in app.screen.shown] == ["Kept article"]
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ArticleScreen)
            assert app.screen.record.title == "Kept article"
            await app.workers.wait_for_complete()


def run_reader(*args: str, db: Path, timeout: float = 60) -> Finished:
    """On a real terminal, so what is tested is the input, not the missing terminal."""
    return run_on_terminal(["--db", str(db), *args], timeout=timeout)


def test_missing_file_exits_2_with_one_line_and_no_article(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    result = run_reader(str(tmp_path / "missing.txt"), db=db)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ") and "missing.txt" in lines[0]
    assert "Traceback" not in result.stderr
    with Store.open(db) as store:
        assert not store.has_articles()


def test_database_that_is_not_sqlite_exits_2_and_is_untouched(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(b"this is not a database\n" * 10)
    before = db.read_bytes()
    result = run_reader(db=db)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before


# -- the real process in a terminal (tmux) ---------------------------------------------------


def screen_until(session: str, needle: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
        ).stdout
        if needle in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} never appeared; last screen:\n{screen}")


def ended(session: str, why: str = "the reader did not end", timeout: float = 10) -> None:
    """Until the reader in the tmux session has ended (its session with it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = subprocess.run(["tmux", "has-session", "-t", session], capture_output=True)
        if alive.returncode != 0:
            return
        time.sleep(0.1)
    raise AssertionError(why)


@pytest.fixture
def tmux_session():
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    name = f"reader-launch-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def start_reader(session: str, db: Path) -> None:
    command = f"env -u READER_DB -u READER_MODEL {READER} --db {db}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command],
        check=True,
    )


def test_real_process_empty_db_shows_the_sample(tmp_path: Path, tmux_session: str) -> None:
    db = tmp_path / "a.db"
    start_reader(tmux_session, db)
    screen_until(tmux_session, "Blinken")
    subprocess.run(["tmux", "send-keys", "-t", tmux_session, "C-q"], check=True)
    ended(tmux_session)
    with Store.open(db) as store:
        assert [a.source for a in store.list_articles()] == [SAMPLE_SOURCE]


def test_real_process_with_articles_shows_the_library(tmp_path: Path, tmux_session: str) -> None:
    db = tmp_path / "a.db"
    with Store.open(db) as store:
        store.save_article(Document(title="A remembered story", source="r.txt", text="Text."))
    start_reader(tmux_session, db)
    screen = screen_until(tmux_session, "A remembered story")
    assert "Library" in screen
    subprocess.run(["tmux", "send-keys", "-t", tmux_session, "C-q"], check=True)


def test_stdin_without_a_terminal_exits_2_and_saves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    # A new session has no controlling terminal, as under CI or cron.
    result = subprocess.run(
        [str(READER), "--db", str(db), "-"],
        input="Piped headline\n\nSome text.\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        start_new_session=True,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "reader analyze -" in lines[0]
    with Store.open(db) as store:
        assert not store.has_articles()


def test_real_process_reads_stdin_then_takes_keys(tmp_path: Path, tmux_session: str) -> None:
    db = tmp_path / "a.db"
    article = tmp_path / "piped.txt"
    article.write_text("Piped headline\n\n“Yes,” she said.\n", encoding="utf-8")
    command = f"env -u READER_DB -u READER_MODEL {READER} --db {db} - < {article}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", tmux_session, "-x", "100", "-y", "30", command],
        check=True,
    )
    screen_until(tmux_session, "she said")
    subprocess.run(["tmux", "send-keys", "-t", tmux_session, "C-q"], check=True)
    ended(tmux_session, "ctrl+q did not reach the reader: keys are not read from the tty")
    with Store.open(db) as store:
        assert [a.title for a in store.list_articles()] == ["Piped headline"]


def test_importing_launch_loads_neither_textual_nor_spacy() -> None:
    code = (
        "import sys, reader.ui.launch\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'spacy'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == ""
