"""READER_STOP_GRACE: the seconds a reader stuck at a stop signal is given before it ends itself
(hangup.on_stop_signals). Unset, the default stays; a value that is no number of seconds is
said in one sentence with exit status 2 before the screen, not found out at the stop."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.ui.hangup import GRACE_ENV, STOP_GRACE, stop_grace
from tests.terminal import REPO, reader_env, run_on_terminal


@pytest.mark.parametrize("value", ["", "  "])
def test_unset_or_empty_keeps_the_default(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.delenv(GRACE_ENV, raising=False)
    assert stop_grace() == STOP_GRACE == 10.0
    monkeypatch.setenv(GRACE_ENV, value)
    assert stop_grace() == STOP_GRACE


def test_a_number_of_seconds_is_the_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(GRACE_ENV, " 1.5 ")
    assert stop_grace() == 1.5


@pytest.mark.parametrize("value", ["soon", "0", "-3", "inf", "nan"])
def test_no_number_of_seconds_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(GRACE_ENV, value)
    with pytest.raises(ReaderError) as caught:
        stop_grace()
    assert str(caught.value) == (
        f"READER_STOP_GRACE must be a number of seconds above 0, not {value!r}."
    )


def test_the_reader_refuses_a_bad_grace_before_the_screen(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    seed = str(REPO / "reader" / "samples" / "seed.txt")
    done = run_on_terminal(
        ["--db", str(db), seed], env=reader_env(**{GRACE_ENV: "soon"}), timeout=60
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "reader: READER_STOP_GRACE must be a number of seconds above 0, not 'soon'."
    ]
    assert not db.exists()  # refused before the library was opened
