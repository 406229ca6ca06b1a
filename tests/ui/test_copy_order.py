"""Two copies close together: the last key pressed owns the clipboard. The real app and a real
clipboard tool on PATH (a script standing in for xclip) whose first copy is slow."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis
from tests.ui.notes_tab import type_note

pytestmark = pytest.mark.usefixtures("sample_analysed")

# Answers the display probe (-o) at once. A copy (-i) takes 1 s the first time, then keeps the
# text as the clipboard (clip) and logs every copy, one per file, in the order they landed.
SLOW_FIRST_XCLIP = """#!/bin/sh
case "$*" in *-o*) echo old; exit 0;; esac
if mkdir "{dir}/first" 2>/dev/null; then sleep 1; fi
cat > "{dir}/clip.tmp"
mv "{dir}/clip.tmp" "{dir}/clip"
cp "{dir}/clip" "{dir}/copy.$(ls "{dir}" | grep -c '^copy\\.')"
"""


@pytest.fixture
def slow_xclip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    tool = tmp_path / "xclip"
    tool.write_text(SLOW_FIRST_XCLIP.format(dir=tmp_path))
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("DISPLAY", ":97")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("TMUX", raising=False)
    return tmp_path


def copies(directory: Path) -> list[str]:
    """The texts copied, in the order the tool took them."""
    done = sorted(directory.glob("copy.*"), key=lambda p: int(p.suffix[1:]))
    return [p.read_text() for p in done]


async def wait_copies(pilot, directory: Path, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 15
    while len(copies(directory)) < count and time.monotonic() < deadline:
        await pilot.pause(0.1)
    await pilot.pause(1.0)  # a copy that should not come has time to land
    return copies(directory)


async def with_a_note(pilot) -> None:  # type: ignore[no-untyped-def]
    """A note whose words mark the notes' Markdown (Y), the cursor moved off it (y)."""
    await wait_for_analysis(pilot)
    await type_note(pilot, ("h", "n"), "zebra note", "ctrl+s")
    await pilot.press("j", "j", "j")
    await pilot.pause()


async def test_y_then_Y_leaves_the_notes_on_the_clipboard(make_app, slow_xclip: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await with_a_note(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("y")
        await pilot.pause(0.1)
        await pilot.press("Y")
        done = await wait_copies(pilot, slow_xclip, 2)
        assert len(done) == 2
        assert "zebra" not in done[0]  # the passage, slow, first
        assert "zebra note" in done[1]  # then the notes
        assert (slow_xclip / "clip").read_text() == done[1]


async def test_a_waiting_copy_is_dropped_for_a_newer_one(make_app, slow_xclip: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await with_a_note(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("y")
        await pilot.pause(0.1)
        await pilot.press("Y")  # waits behind the slow copy, then is replaced
        await pilot.press("y")
        done = await wait_copies(pilot, slow_xclip, 2)
        assert len(done) == 2, done
        assert not any("zebra" in text for text in done)
        assert (slow_xclip / "clip").read_text() == done[0]
