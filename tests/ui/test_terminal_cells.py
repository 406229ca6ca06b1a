"""Emoji whose width terminals disagree on do not shift the panel's border (tmux, real app).

tmux 3.3 (like xterm) draws 👍🏽 in four cells, the thumb and the tone apart, while Rich counts
the pair as two: everything after it on the line moved two cells right, over the panel's edge.
Such characters (skin tones, variation selectors) are shown as nothing (reader.sanitize).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import unicodedata
import uuid
from pathlib import Path

import pytest

READER = Path(sys.executable).with_name("reader")
REPO = Path(__file__).parents[2]
ARTICLE = (
    "Thumbs up for the harbour\n\n"
    "The council approved the plan \U0001f44d\U0001f3fd on Monday after a long debate.\n\n"
    "“We love it \U0001f44d\U0001f3fd and \u2764\ufe0f it,” the mayor, Ana Ruiz, said.\n"
)
EDGE = "▏"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def terminal_cells(text: str) -> int:
    """Cells as tmux gives them: one per code point, wide ones two, combining ones none."""
    total = 0
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf") or ch == "\u200b":
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def tmux(socket: str, *args: str) -> str:
    return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True).stdout


def test_skin_tone_emoji_keep_the_panel_edge_in_its_column(tmp_path: Path) -> None:
    article = tmp_path / "thumb.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "cells.db"
    socket = "reader-cells-" + uuid.uuid4().hex[:8]
    command = f"exec env PYTHONPATH={REPO} {READER} --db {db} {article}"
    tmux(socket, "new-session", "-d", "-s", "r", "-x", "100", "-y", "24", command)
    try:
        deadline = time.monotonic() + 60
        screen = ""
        while time.monotonic() < deadline:
            screen = tmux(socket, "capture-pane", "-p", "-t", "r")
            if "1 quote ·" in screen:
                break
            time.sleep(0.2)
        else:
            raise AssertionError(f"the analysis never finished:\n{screen}")
        rows = screen.splitlines()[1:-3]  # between the header and the status line
        edges = {
            number: terminal_cells(row[: row.index(EDGE)]) if EDGE in row else None
            for number, row in enumerate(rows, start=1)
        }
        assert len(set(edges.values())) == 1, f"the panel's edge moved: {edges}\n{screen}"
    finally:
        tmux(socket, "kill-server")
