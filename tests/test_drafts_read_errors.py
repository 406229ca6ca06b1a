"""The draft file when it cannot be read: a passing error hides no drafts (nothing is moved
aside, nothing written over it), and a file is only moved aside as damaged under the lock, so a
file another window is writing at that moment is read again, not set aside."""

from __future__ import annotations

import fcntl
import threading
import time
from pathlib import Path

import pytest

from reader.drafts import Draft, DraftBox


def test_a_file_that_cannot_be_read_now_is_neither_moved_aside_nor_written_over(
    tmp_path: Path,
) -> None:
    box = DraftBox(tmp_path / "a.db", tmp_path)
    box.path.mkdir()  # reading it fails with an OSError (not a damaged file)
    with pytest.raises(OSError):
        box.of_article(1)
    with pytest.raises(OSError):
        box.keep(Draft(1, "k", "words", "p"))
    assert box.path.is_dir()
    assert list(tmp_path.glob("*.damaged*")) == []


def test_a_damaged_file_is_moved_aside_only_under_the_lock(tmp_path: Path) -> None:
    box = DraftBox(tmp_path / "a.db", tmp_path)
    box.path.write_text('{"version": 1, "drafts": [', "utf-8")  # half written
    found: list[list[Draft]] = []
    with open(box.path.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another window is writing the file
        reader = threading.Thread(target=lambda: found.append(box.of_article(1)))
        reader.start()
        time.sleep(0.3)
        assert list(tmp_path.glob("*.damaged*")) == []
        other = DraftBox(tmp_path / "a.db", tmp_path)
        other._write({"1|k": Draft(1, "k", "the other window's words", "p")})
        fcntl.flock(lock, fcntl.LOCK_UN)
        reader.join(5)
    assert [d.text for d in found[0]] == ["the other window's words"]
    assert list(tmp_path.glob("*.damaged*")) == []
    assert not box.damaged
