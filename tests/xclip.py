"""Reading the real X clipboard back, as a paste would, for the clipboard tests."""

from __future__ import annotations

import subprocess
import time


def read_clipboard(display: str, expected: str | None = None, seconds: float = 10.0) -> str:
    """What the clipboard holds once a copy has settled: xclip forks a child to own the
    selection and the copying call returns before that child has taken it, so under load a
    read right after a copy gets the previous owner's text, or nothing. Reads again until the
    text is `expected` (or, without one, until there is any) or `seconds` pass; returns the
    last text read, for the caller to assert on."""
    deadline = time.monotonic() + seconds
    text = ""
    while True:
        done = subprocess.run(
            ["xclip", "-selection", "clipboard", "-o"],
            capture_output=True, timeout=10, env={"DISPLAY": display},
        )
        text = done.stdout.decode("utf-8") if done.returncode == 0 else ""
        settled = text == expected if expected is not None else bool(text)
        if settled or time.monotonic() > deadline:
            return text
        time.sleep(0.05)
