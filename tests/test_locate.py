"""Where the library lives: one per person wherever you stand, a folder's own when it has one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from reader.locate import LOCAL_NAME, locate_database, user_database
from reader.store import Store
from tests.ui.test_launch import screen_until

READER = Path(sys.executable).with_name("reader")
REPO = Path(__file__).parents[1]


def library_json(cwd: Path) -> tuple[list[dict], str]:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "library", "--format", "json"],
        capture_output=True, text=True, timeout=60, cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), done.stderr


def test_the_default_is_the_per_user_library_under_xdg_data_home(tmp_path: Path) -> None:
    where = locate_database(None, cwd=tmp_path)
    assert where.origin == "user"
    assert where.path == Path(os.environ["XDG_DATA_HOME"]) / "reader" / LOCAL_NAME
    assert locate_database("x.db", cwd=tmp_path).origin == "given"


def test_a_folder_with_its_own_annotations_db_uses_it(tmp_path: Path, make_doc) -> None:
    with Store.open(tmp_path / LOCAL_NAME) as store:
        store.save_article(make_doc(title="Project article"))
    where = locate_database(None, cwd=tmp_path)
    assert (where.origin, where.path) == ("folder", tmp_path / LOCAL_NAME)
    articles, stderr = library_json(tmp_path)
    assert [a["title"] for a in articles] == ["Project article"]
    assert str(tmp_path / LOCAL_NAME) in stderr


def test_two_empty_folders_show_the_same_library_and_get_no_database(
    tmp_path: Path, make_doc
) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    path = locate_database(None, cwd=first).prepare()
    with Store.open(path) as store:
        store.save_article(make_doc(title="Mine everywhere"))
    seen_first, stderr = library_json(first)
    seen_second, _ = library_json(second)
    assert [a["title"] for a in seen_first] == ["Mine everywhere"]
    assert seen_first == seen_second
    assert str(user_database()) in stderr  # says which database is in use
    assert list(first.iterdir()) == [] and list(second.iterdir()) == []


def test_reading_an_article_in_one_folder_shows_it_in_the_library_from_another(
    tmp_path: Path,
) -> None:
    """The real program in a terminal: read in one folder, list from another, no stray db."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    (first / "story.txt").write_text("A story read here\n\nIt was told.\n", encoding="utf-8")
    session = f"reader-locate-{uuid.uuid4().hex[:8]}"
    env = " ".join(
        f"{k}={os.environ[k]}" for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")
    ) + f" PYTHONPATH={REPO}"
    command = f"cd {first} && env -u READER_DB {env} {READER} story.txt"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command],
        check=True,
    )
    try:
        screen_until(session, "A story read here")
        subprocess.run(["tmux", "send-keys", "-t", session, "C-q"], check=True)
        for _ in range(100):
            if subprocess.run(["tmux", "has-session", "-t", session],
                              capture_output=True).returncode != 0:
                break
            subprocess.run(["sleep", "0.1"])
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    articles, _ = library_json(second)
    assert [a["title"] for a in articles] == ["A story read here"]
    assert sorted(p.name for p in first.iterdir()) == ["story.txt"]
    assert list(second.iterdir()) == []


async def test_the_library_screen_names_the_database_in_use(store: Store, make_doc) -> None:
    from textual.widgets import Static

    from reader.ui.app import ReaderApp

    store.save_article(make_doc())
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        title = str(app.screen.query_one("#library-title", Static).render())
        assert str(store.path) in title


def test_make_run_keeps_the_projects_top_level_database() -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(
        ["make", "-n", "run"], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    (command,) = [line for line in done.stdout.splitlines() if "bin/reader" in line]
    assert "--db annotations.db" in command


def test_a_data_folder_that_cannot_be_made_is_one_line_and_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("A title\n\nSome text.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "reader", str(article)],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(REPO), "XDG_DATA_HOME": str(blocker)},
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "--db" in done.stderr
    assert blocker.read_text(encoding="utf-8") == "x"
