"""`reader SOURCE` needs a terminal on both ends: without one it says so at once, exit 2.

Before, `reader seed.txt </dev/null` spun at 100% CPU for ever (Textual reading end of file).
Real processes on a real pty."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.terminal import REPO, run_on_terminal

SEED = str(REPO / "reader" / "samples" / "seed.txt")


@pytest.mark.parametrize("source", [[SEED], []], ids=["file", "library"])
def test_stdin_not_a_terminal_is_refused_at_once(tmp_path: Path, source: list[str]) -> None:
    db = tmp_path / "a.db"
    done = run_on_terminal(["--db", str(db), *source], stdin_tty=False, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert lines[0].startswith("reader: Standard input is not a terminal")
    assert not db.exists()  # refused before anything was read or saved


def test_stdout_not_a_terminal_is_refused_at_once(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    done = run_on_terminal(["--db", str(db), SEED], stdout_tty=False, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert lines[0] == (
        "reader: Standard output is not a terminal, and the reader draws in one; "
        f"use `reader analyze {SEED}` for text output."
    )
    assert not db.exists()


def test_a_missing_file_is_named_before_the_terminal_is_asked_for(tmp_path: Path) -> None:
    """Without a terminal, a typo in the file name was answered "use `reader analyze
    /typo.txt`", which sent the user on to the same missing file."""
    db = tmp_path / "a.db"
    missing = str(tmp_path / "typo.txt")
    done = run_on_terminal(["--db", str(db), missing], stdout_tty=False, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"reader: {missing}: no such file."]
    assert not db.exists()
