"""Copying to the clipboard: pyperclip first; inside tmux without one, tmux's paste buffer;
the terminal's own clipboard (OSC 52) otherwise.

pyperclip picks its mechanism once and caches it; we ask it again on every copy, because the
environment (DISPLAY, an SSH session) can change while the reader runs and copies are rare.
For the X11 and Wayland tools we run the command pyperclip chose ourselves with its output
sent to /dev/null: xclip, xsel and wl-copy stay in the background to serve the selection, and
with pyperclip's own call they would keep our stdout/stderr open (`reader notes --copy | cat`
would never end) and could print onto the reader's screen.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pyperclip

from reader.errors import ReaderError

#: Seconds to wait for the X clipboard tool to say whether the display is reachable.
PROBE_TIMEOUT = 2.0
#: Seconds a clipboard tool (or tmux) may take to take the text: xclip reads it and returns
#: at once, leaving a child to serve the selection; one that hangs is stopped after this.
COPY_TIMEOUT = 5.0
_QUIET_COMMANDS = {
    "copy_xclip": ["xclip", "-selection", "clipboard", "-i"],
    "copy_xsel": ["xsel", "-b", "-i"],
    "copy_wl": ["wl-copy"],
}
_X11_PROBES = {
    "copy_xclip": ["xclip", "-selection", "clipboard", "-o"],
    "copy_xsel": ["xsel", "-b", "-o"],
}


class ClipboardError(ReaderError):
    """No clipboard mechanism and no fallback: the caller must keep the text some other way."""


class NoSystemClipboard(Exception):
    """The system clipboard cannot be used here; the message says what is missing."""

    def __init__(self, message: str, *, failed: bool = False) -> None:
        super().__init__(message)
        #: A tool was there but failed or did not answer (worth telling the person).
        self.failed = failed


@dataclass(frozen=True, slots=True)
class CopyResult:
    #: "clipboard" through pyperclip, "tmux" into tmux's paste buffer, "terminal" through the
    #: fallback (OSC 52 in the app).
    method: Literal["clipboard", "tmux", "terminal"]
    chars: int
    #: Why the system clipboard was not used when its tool failed or hung ("" otherwise).
    why: str = ""


def _display_unreachable(copy: Callable[..., object]) -> bool:
    """xclip/xsel with a stale DISPLAY fail silently in pyperclip and print to the terminal;
    ask the tool once, quietly, whether it can reach the display. One that does not answer
    is said to hang (NoSystemClipboard): "the display cannot be reached" sent a person with
    a working X server looking for a fault it did not have."""
    probe = _X11_PROBES.get(getattr(copy, "__name__", ""))
    if probe is None:
        return False
    try:
        _status, said = _run(probe, b"", PROBE_TIMEOUT, subprocess.PIPE)
    except subprocess.TimeoutExpired as exc:  # a tool that hangs, not a display that is gone
        raise NoSystemClipboard(
            f"{probe[0]} did not answer in {PROBE_TIMEOUT:g} s", failed=True
        ) from exc
    except OSError:
        return True
    return b"open display" in said.lower()


def missing_piece() -> str:
    """Why pyperclip found no clipboard mechanism, in words a person can act on: there is no
    display to hold a clipboard (an SSH session, a console, a container), or no tool for it."""
    wayland, display = os.environ.get("WAYLAND_DISPLAY"), os.environ.get("DISPLAY")
    if not wayland and not display:
        return "there is no X or Wayland display (DISPLAY and WAYLAND_DISPLAY are unset)"
    tools = []
    if wayland and not (shutil.which("wl-copy") and shutil.which("wl-paste")):
        tools.append("wl-clipboard")
    if display and not (shutil.which("xclip") or shutil.which("xsel")):
        tools.append("xclip or xsel")
    if tools:
        return f"no clipboard tool was found (install {' or '.join(tools)})"
    return "the clipboard tools found cannot be used"


def system_copy(text: str) -> None:
    """Copy with pyperclip or raise NoSystemClipboard saying what is missing."""
    copy, _paste = pyperclip.determine_clipboard()
    if not copy:  # pyperclip's stand-in when it found no mechanism
        raise NoSystemClipboard(missing_piece())
    if _display_unreachable(copy):
        raise NoSystemClipboard(
            f"the X display {os.environ.get('DISPLAY', '')} cannot be reached "
            "(no X server answers there)"
        )
    command = _QUIET_COMMANDS.get(getattr(copy, "__name__", ""))
    tool = command[0] if command else "the clipboard tool"
    try:
        if command is None:
            copy(text)
        elif _feed(command, text) != 0:
            raise NoSystemClipboard(f"{tool} failed", failed=True)
    except pyperclip.PyperclipException as exc:
        raise NoSystemClipboard(" ".join(str(exc).split())) from exc
    except subprocess.TimeoutExpired as exc:
        raise NoSystemClipboard(
            f"{tool} did not answer in {COPY_TIMEOUT:g} s", failed=True
        ) from exc
    except OSError as exc:
        raise NoSystemClipboard(f"{tool} failed ({exc})", failed=True) from exc


def _feed(command: list[str], text: str) -> int:
    """Run a clipboard tool with the text on its stdin; its exit status."""
    return _run(command, text.encode("utf-8"), COPY_TIMEOUT, subprocess.DEVNULL)[0]


def _run(command: list[str], data: bytes, timeout: float, stderr: int) -> tuple[int, bytes]:
    """Run a tool with `data` on its stdin: (exit status, what it wrote to stderr if piped).
    One that does not return within `timeout` is stopped with everything it started (its own
    process group: a wrapper script's children would otherwise hang on), and TimeoutExpired
    raised."""
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=stderr,
        start_new_session=True,
    ) as process:
        with _running_lock:
            _running.add(process)
        try:
            _out, said = process.communicate(data, timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            process.wait()
            raise
        finally:
            with _running_lock:
                _running.discard(process)
        return process.returncode, said or b""


_running: set[subprocess.Popen[bytes]] = set()
_running_lock = threading.Lock()


def _stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        os.killpg(process.pid, signal.SIGKILL)


@atexit.register
def stop_all() -> None:
    """Stop the tools still copying (the app quit while one hung): a copy runs on a daemon
    thread so that quitting never waits for it, and its tool must not outlive the reader."""
    with _running_lock:
        for process in list(_running):
            _stop(process)


def tmux_copy(text: str) -> bool:
    """Inside tmux, put text in its paste buffer (prefix ] pastes it), and with ``-w`` on the
    outer terminal's clipboard too where tmux may set it. tmux's default drops the OSC 52 an
    application writes, so without this a copy in tmux over SSH would land nowhere."""
    if not os.environ.get("TMUX") or shutil.which("tmux") is None:
        return False
    for command in (["tmux", "load-buffer", "-w", "-"], ["tmux", "load-buffer", "-"]):
        try:
            if _feed(command, text) == 0:
                return True
        except (OSError, subprocess.SubprocessError):
            return False
    return False


def copy_text(text: str, fallback: Callable[[str], None] | None = None) -> CopyResult:
    """Put text on the clipboard; with no system clipboard, in tmux's paste buffer (and through
    `fallback` as well, which a terminal may take), else hand it to `fallback` alone."""
    try:
        system_copy(text)
    except NoSystemClipboard as exc:
        why = f"{exc}." if exc.failed else ""
        if tmux_copy(text):
            if fallback is not None:
                fallback(text)
            return CopyResult("tmux", len(text), why)
        if fallback is None:
            raise ClipboardError(f"No clipboard is available here: {exc}.") from exc
        fallback(text)
        return CopyResult("terminal", len(text), why)
    return CopyResult("clipboard", len(text))


def may_wait() -> bool:
    """Whether a copy here runs another program (a clipboard tool, tmux) that could hang, so
    an app copies on a thread; without one the terminal's clipboard takes it at once."""
    copy, _paste = pyperclip.determine_clipboard()
    return bool(copy) or bool(os.environ.get("TMUX") and shutil.which("tmux"))


#: Where each method put the text, as the reader says it.
PLACES = {
    "clipboard": "the clipboard",
    "tmux": "tmux's paste buffer (prefix ] pastes it)",
    "terminal": "the terminal's clipboard (OSC 52)",
}
