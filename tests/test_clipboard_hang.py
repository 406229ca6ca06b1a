"""A clipboard tool that hangs: stopped after clipboard.COPY_TIMEOUT with everything it started,
the text handed to the fallback (OSC 52), and the reason said. Real processes on PATH."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reader import clipboard
from reader.clipboard import copy_text

# Answers the display probe (-o) at once; on a copy (-i) it starts a child that never ends and
# waits for it, as a wrapper script around a stuck tool would.
HANGING_XCLIP = """#!/bin/sh
case "$*" in *-o*) echo old; exit 0;; esac
sleep 1000 &
echo $! > "{pidfile}"
wait
"""


def hanging_xclip(directory: Path) -> Path:
    """A PATH directory whose xclip hangs on a copy; the pid of its child is written beside."""
    pidfile = directory / "child.pid"
    tool = directory / "xclip"
    tool.write_text(HANGING_XCLIP.format(pidfile=pidfile))
    tool.chmod(0o755)
    return pidfile


@pytest.fixture
def hanging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pidfile = hanging_xclip(tmp_path)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("DISPLAY", ":97")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.setattr(clipboard, "COPY_TIMEOUT", 1.0)
    return pidfile


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"


def test_a_hanging_tool_times_out_to_the_fallback_and_says_why(hanging: Path) -> None:
    used: list[str] = []
    began = time.monotonic()
    result = copy_text("some words", fallback=used.append)
    assert time.monotonic() - began < 4.0
    assert used == ["some words"]
    assert result.method == "terminal"
    assert result.why == "xclip did not answer in 1 s."


def test_what_the_hanging_tool_started_is_stopped_too(hanging: Path) -> None:
    copy_text("some words", fallback=lambda _t: None)
    child = int(hanging.read_text())
    deadline = time.monotonic() + 3
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "the tool's child still runs"


def test_a_display_probe_that_hangs_is_stopped_with_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The probe (xclip -o) that hangs: the copy falls back after PROBE_TIMEOUT and what the
    tool started does not linger."""
    pidfile = tmp_path / "child.pid"
    tool = tmp_path / "xclip"
    tool.write_text(f'#!/bin/sh\nsleep 1000 &\necho $! > "{pidfile}"\nwait\n')
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("DISPLAY", ":97")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.setattr(clipboard, "PROBE_TIMEOUT", 0.5)
    used: list[str] = []
    result = copy_text("words", fallback=used.append)
    assert result.method == "terminal"
    assert used == ["words"]
    assert result.why == "xclip did not answer in 0.5 s."  # not "the display cannot be reached"
    child = int(pidfile.read_text())
    deadline = time.monotonic() + 3
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "the probe's child still runs"


def test_stop_all_ends_a_copy_under_way_at_once(hanging: Path, monkeypatch) -> None:
    """What runs at exit when the reader quits while a tool hangs: the tool and its children
    are stopped, so the copy's thread ends and nothing outlives the reader."""
    import threading

    monkeypatch.setattr(clipboard, "COPY_TIMEOUT", 30.0)
    done: list[clipboard.CopyResult] = []
    thread = threading.Thread(target=lambda: done.append(copy_text("w", fallback=lambda _t: None)))
    thread.start()
    deadline = time.monotonic() + 5
    while not hanging.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    child = int(hanging.read_text())
    began = time.monotonic()
    clipboard.stop_all()
    thread.join(5)
    assert not thread.is_alive() and time.monotonic() - began < 3
    assert done and done[0].method == "terminal"
    deadline = time.monotonic() + 3
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)
