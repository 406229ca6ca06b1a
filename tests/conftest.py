"""Shared fixtures: a real database file in tmp_path and a small article to annotate."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from reader.store import Store

# Property tests: no per-example deadline (these machines are noisy), and in CI the same
# examples every run, so a red CI is one that can be reproduced.
settings.register_profile("reader", deadline=None)
settings.register_profile("ci", parent=settings.get_profile("reader"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "reader")

ARTICLE_TEXT = (
    "Talks resume in Geneva\n\n"
    "The minister arrived on Monday. “We will not give up on peace,” Maria Lopez said.\n\n"
    "Critics were doubtful. “This plan will fail,” said Tom Reed, the opposition leader.\n"
)


@dataclass(frozen=True)
class Doc:
    """Stands in for reader.sources.Document (same fields the store reads)."""

    title: str
    source: str
    text: str
    kind: str = "text"


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Never the real person's library or settings: per-user folders under tmp, for this
    process and (through the environment) every subprocess a test starts."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "run"))  # draft spill files (draft_spill)
    (home / "tmp").mkdir()
    tempfile.gettempdir()  # this process's own temporary folder chosen before TMPDIR changes
    monkeypatch.setenv("TMPDIR", str(home / "tmp"))  # and their folder on disk, tried first
    monkeypatch.delenv("READER_DB", raising=False)
    return home


@pytest.fixture
def article_text() -> str:
    return ARTICLE_TEXT


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def make_doc():
    def make(text: str = ARTICLE_TEXT, title: str = "Talks resume in Geneva",
             source: str = "/data/geneva.txt") -> Doc:
        return Doc(title=title, source=source, text=text)

    return make


@pytest.fixture
def x_display(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A real X server (Xvfb) on a free display, with DISPLAY set; yields ":N".

    Skips when Xvfb or xclip is missing, unless READER_REQUIRE_CLIPBOARD=1 (CI), then fails.
    """
    missing = [tool for tool in ("Xvfb", "xclip") if shutil.which(tool) is None]
    if missing:
        reason = f"{' and '.join(missing)} not installed: cannot test the real clipboard"
        if os.environ.get("READER_REQUIRE_CLIPBOARD") == "1":
            pytest.fail(reason + " (READER_REQUIRE_CLIPBOARD=1)")
        pytest.skip(reason)
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as fh:
            number = fh.readline().strip()  # written once the server accepts connections
        if not number:
            pytest.fail("Xvfb did not start")
        display = f":{number}"
        monkeypatch.setenv("DISPLAY", display)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        yield display
    finally:
        proc.terminate()
        proc.wait(timeout=10)
