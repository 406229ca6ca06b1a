"""Spill files: where a window's drafts go when the draft file cannot take them and the window
must go (reader.draft_spill). The next DraftBox on the library reads them with its file, moves
them into it once it can write it, and never reads a spill folder another user could write."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from reader import draft_spill
from reader.drafts import Draft, DraftBox, unsaved_count


def _blocked_box(tmp_path: Path) -> tuple[Path, Path, DraftBox]:
    """A box whose folder is a file: keep() fails as on a full disk."""
    db, folder = tmp_path / "annotations.db", tmp_path / "drafts"
    folder.write_text("not a folder")
    return db, folder, DraftBox(db, folder)


def test_spilled_drafts_are_read_then_moved_into_the_draft_file(tmp_path: Path) -> None:
    db, folder, box = _blocked_box(tmp_path)
    mine = Draft(1, "span:0:10", "words with nowhere else to go", "The passage", span=(0, 10, 1))
    with pytest.raises(OSError):
        box.keep(mine)
    spilled = box.spill([mine])
    assert spilled.parent == Path(os.environ["TMPDIR"]) / f"reader-drafts-{os.getuid()}"
    assert spilled.stat().st_mode & 0o777 == 0o600  # notes are private, even in /dev/shm
    box.spill([Draft(2, "ann:4", "a second window's", "Elsewhere")])  # merged, not replaced
    assert unsaved_count(db) == 2  # `reader notes` says they wait
    folder.unlink()
    again = DraftBox(db, folder)  # the next reader, its draft folder writable again
    assert [d.text for d in again.of_article(1)] == [mine.text]
    again.keep(Draft(3, "k", "typed later", "p"))  # the file is written: the spill moves in
    assert not spilled.exists()
    assert [d.text for d in DraftBox(db, folder).of_article(2)] == ["a second window's"]


def test_a_draft_only_in_a_spill_file_is_dropped_once_stored(tmp_path: Path) -> None:
    db, folder, box = _blocked_box(tmp_path)
    box.spill([Draft(1, "k", "stored at last", "p")])
    folder.unlink()  # no draft file was ever written
    DraftBox(db, folder).drop(1, "k")
    assert DraftBox(db, folder).of_article(1) == []


def test_a_spill_folder_others_can_write_is_not_read(tmp_path: Path) -> None:
    db, folder, box = _blocked_box(tmp_path)
    shared = box.spill([Draft(1, "k", "planted?", "p")]).parent
    folder.unlink()
    shared.chmod(0o777)  # anyone may write there: its files are nobody's drafts
    assert box.of_article(1) == []
    assert unsaved_count(db) == 0


def test_spilled_drafts_outlive_a_logout(tmp_path: Path) -> None:
    """A logout, the stop signal spills are for, empties the memory folders (logind removes
    $XDG_RUNTIME_DIR and the user's /dev/shm files): the spill is on disk first."""
    db, folder, box = _blocked_box(tmp_path)
    box.spill([Draft(1, "k", "typed before the logout", "p")])
    shutil.rmtree(os.environ["XDG_RUNTIME_DIR"], ignore_errors=True)  # what logind removes
    folder.unlink()
    assert [d.text for d in DraftBox(db, folder).of_article(1)] == ["typed before the logout"]


def _spill_at_the_same_moment(barrier: object, db: Path, folder: Path, text: str) -> None:
    """A window spilling while another does: both have read what is there before either
    writes (the barrier), as a logout's signal reaching both at once may have it."""
    real_read = draft_spill.read

    def read_then_wait(*args: object, **kwargs: object) -> object:
        found = real_read(*args, **kwargs)  # type: ignore[arg-type]
        barrier.wait(timeout=20)  # type: ignore[attr-defined]
        return found

    draft_spill.read = read_then_wait  # type: ignore[assignment]
    DraftBox(db, folder).spill([Draft(1, f"span:{len(text)}", text, "p", owner=text)])


def test_two_windows_spilling_at_once_keep_both_windows_words(tmp_path: Path) -> None:
    db, folder, _box = _blocked_box(tmp_path)
    fork = multiprocessing.get_context("fork")
    barrier = fork.Barrier(2)
    windows = [
        fork.Process(target=_spill_at_the_same_moment, args=(barrier, db, folder, text))
        for text in ("words of window A", "words of window B, longer")
    ]
    for window in windows:
        window.start()
    for window in windows:
        window.join(30)
    assert [w.exitcode for w in windows] == [0, 0]
    folder.unlink()
    texts = sorted(d.text for d in DraftBox(db, folder).of_article(1))
    assert texts == ["words of window A", "words of window B, longer"]


@pytest.mark.parametrize("spilled_at", ["2026-12-08T10:00:01+00:00", "2026-12-08T10:00:05+00:00"])
def test_a_spill_stamped_before_the_file_by_a_clock_set_back_keeps_its_words(
    tmp_path: Path, spilled_at: str
) -> None:
    """A window's draft in the file, then its later words spilled at its end: the clock set
    back meanwhile (or the same second) stamped the spill no later than the file's entry, and
    the spill's words, the last typed, were dropped when the file's entry was kept."""
    db, folder = tmp_path / "annotations.db", tmp_path / "drafts"
    box = DraftBox(db, folder)
    box.keep(Draft(1, "k", "first words", "p", owner="w", updated="2026-12-08T10:00:05+00:00"))
    box.spill([Draft(1, "k", "first words and the last ones", "p", owner="w",
                     updated=spilled_at)])
    again = DraftBox(db, folder)
    assert [d.text for d in again.of_article(1)] == ["first words and the last ones"]
    again.keep(Draft(2, "k", "typed later", "p"))  # the spill moves into the file
    assert [d.text for d in DraftBox(db, folder).of_article(1)] == [
        "first words and the last ones"
    ]
