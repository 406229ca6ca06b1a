"""Running `python -m reader` on a real pseudo-terminal (pty), for what depends on a terminal."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).parents[1]
_ANSI = re.compile(r"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def reader_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    env["PYTHONPATH"] = str(REPO)
    env.setdefault("TERM", "xterm-256color")
    env.update(extra)
    return env


@dataclass
class Finished:
    returncode: int
    #: What the program wrote to the terminal, escape sequences removed.
    screen: str
    #: What it wrote to a non-terminal stderr ("" when stderr was the terminal).
    stderr: str


def run_on_terminal(
    args: list[str],
    *,
    stdin_tty: bool = True,
    stdout_tty: bool = True,
    stderr_tty: bool = False,
    timeout: float = 60,
    env: dict[str, str] | None = None,
    program: list[str] | None = None,
) -> Finished:
    """Run the reader with the chosen streams on one pty (the others /dev/null or a pipe);
    `program` replaces `-m reader` (e.g. `-c SCRIPT` that wraps the reader's own main).

    Raises subprocess.TimeoutExpired (after killing it) if it has not ended by `timeout`.
    """
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    stdin = slave if stdin_tty else subprocess.DEVNULL
    stdout = slave if stdout_tty else subprocess.PIPE
    stderr = slave if stderr_tty else subprocess.PIPE
    proc = subprocess.Popen(
        [sys.executable, *(program or ["-m", "reader"]), *args], stdin=stdin, stdout=stdout,
        stderr=stderr, env=env if env is not None else reader_env(), start_new_session=True,
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while proc.poll() is None:
            if time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(args, timeout)
            _drain(master, chunks, 0.1)
        _drain(master, chunks, 0.2)
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    screen = _ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")) + out
    return Finished(proc.returncode, screen, err)


def _drain(master: int, chunks: list[bytes], wait: float) -> None:
    ready, _, _ = select.select([master], [], [], wait)
    while ready:
        try:
            data = os.read(master, 65536)
        except (BlockingIOError, OSError):
            return
        if not data:
            return
        chunks.append(data)
        ready, _, _ = select.select([master], [], [], 0)


def spawn_reader(
    db: Path,
    rows: int = 30,
    cols: int = 110,
    *,
    args: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> tuple[subprocess.Popen[bytes], int]:
    """`python -m reader --db DB ARGS` on a pty of rows × cols, in a session of its own (so a
    test can signal it alone): the process and the pty's master end, which the caller closes
    (the terminal's settings can be read on it: termios.tcgetattr(master))."""
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "--db", str(db), *args],
        stdin=slave, stdout=slave, stderr=slave, env=env if env is not None else reader_env(),
        start_new_session=True,
    )
    os.close(slave)
    return proc, master


def read_until(master: int, wanted: bytes, seconds: float) -> bytes:
    """What the program has written to the pty `master` until `wanted` appears (asserted)."""
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        if select.select([master], [], [], 0.05)[0]:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
    assert wanted in seen, f"{wanted!r} never appeared on the terminal"
    return seen


def discard_output(master: int) -> None:
    """Read away what is waiting on the pty, so the program never blocks writing to it."""
    _drain(master, [], 0)
