"""Copying to the clipboard: pyperclip first, the terminal's own clipboard (OSC 52) otherwise.

pyperclip picks its mechanism once and caches it; we ask it again on every copy, because the
environment (DISPLAY, an SSH session) can change while the reader runs and copies are rare.
For the X11 and Wayland tools we run the command pyperclip chose ourselves with its output
sent to /dev/null: xclip, xsel and wl-copy stay in the background to serve the selection, and
with pyperclip's own call they would keep our stdout/stderr open (`reader notes --copy | cat`
would never end) and could print onto the reader's screen.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pyperclip

from reader.errors import ReaderError

#: Seconds to wait for the X clipboard tool to say whether the display is reachable.
PROBE_TIMEOUT = 2.0
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


@dataclass(frozen=True, slots=True)
class CopyResult:
    #: "clipboard" through pyperclip, "terminal" through the fallback (OSC 52 in the app).
    method: Literal["clipboard", "terminal"]
    chars: int


def _display_unreachable(copy: Callable[..., object]) -> bool:
    """xclip/xsel with a stale DISPLAY fail silently in pyperclip and print to the terminal;
    ask the tool once, quietly, whether it can reach the display."""
    probe = _X11_PROBES.get(getattr(copy, "__name__", ""))
    if probe is None:
        return False
    try:
        done = subprocess.run(probe, capture_output=True, timeout=PROBE_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return True
    return b"open display" in done.stderr.lower()


def system_copy(text: str) -> None:
    """Copy with pyperclip or raise pyperclip.PyperclipException when it has no mechanism."""
    copy, _paste = pyperclip.determine_clipboard()
    if _display_unreachable(copy):
        raise pyperclip.PyperclipException("the X display cannot be reached")
    command = _QUIET_COMMANDS.get(getattr(copy, "__name__", ""))
    try:
        if command is None:
            copy(text)
        else:
            subprocess.run(
                command, input=text.encode("utf-8"), stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, check=True, timeout=PROBE_TIMEOUT * 5,
            )
    except (OSError, subprocess.SubprocessError) as exc:
        raise pyperclip.PyperclipException(str(exc)) from exc


def copy_text(text: str, fallback: Callable[[str], None] | None = None) -> CopyResult:
    """Put text on the clipboard; with no system clipboard, hand it to `fallback`."""
    try:
        system_copy(text)
    except pyperclip.PyperclipException as exc:
        if fallback is None:
            raise ClipboardError(
                "No clipboard is available here (install xclip, xsel or wl-clipboard, "
                "or run inside a desktop session)."
            ) from exc
        fallback(text)
        return CopyResult("terminal", len(text))
    return CopyResult("clipboard", len(text))
