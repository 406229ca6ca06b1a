"""The draft file: what is typed and not stored yet survives the reader, two readers on one
library never lose each other's drafts, and a damaged file is set aside, never overwritten."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from reader.drafts import Draft, DraftBox, joined

REPO = Path(__file__).parents[1]


def test_a_kept_draft_is_read_back_by_another_box_and_dropped_once_stored(tmp_path: Path) -> None:
    db = tmp_path / "annotations.db"
    box = DraftBox(db, tmp_path / "drafts")
    box.keep(Draft(1, "span:0:10", "my note", "The passage", span=(0, 10, 1)))
    box.keep(Draft(2, "ann:7", "other", "Elsewhere", seen={"id": 7, "note": ""}))
    again = DraftBox(db, tmp_path / "drafts")  # a new process, after a crash
    (kept,) = again.of_article(1)
    assert (kept.text, kept.span, kept.passage) == ("my note", (0, 10, 1), "The passage")
    again.drop(1, "span:0:10")
    assert box.of_article(1) == []
    assert [d.text for d in box.of_article(2)] == ["other"]


def test_another_database_has_its_own_drafts(tmp_path: Path) -> None:
    DraftBox(tmp_path / "a.db", tmp_path).keep(Draft(1, "k", "in a", "p"))
    assert DraftBox(tmp_path / "b.db", tmp_path).of_article(1) == []


def test_two_processes_keeping_drafts_at_once_lose_none(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from reader.drafts import Draft, DraftBox\n"
        "box = DraftBox(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "for i in range(150): box.keep(Draft(1, f'{sys.argv[3]}:{i}', 't', 'p'))\n"
    )
    args = [str(tmp_path / "x.db"), str(tmp_path / "d")]
    procs = [
        subprocess.Popen([sys.executable, "-c", script, *args, who], cwd=REPO)
        for who in ("a", "b")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    keys = {d.key for d in DraftBox(tmp_path / "x.db", tmp_path / "d").of_article(1)}
    assert len(keys) == 300


def test_a_damaged_draft_file_is_set_aside_not_overwritten(tmp_path: Path) -> None:
    box = DraftBox(tmp_path / "x.db", tmp_path)
    box.path.write_text('{"drafts": [{"article": 1, "key": "k", "text": "half', "utf-8")
    assert box.of_article(1) == []
    box.keep(Draft(1, "k2", "new", "p"))
    aside = box.path.with_suffix(".damaged.json")
    assert aside.read_text("utf-8").endswith('"half')
    assert [d["text"] for d in json.loads(box.path.read_text("utf-8"))["drafts"]] == ["new"]


def test_two_windows_drafts_of_one_passage_are_kept_and_dropped_apart(tmp_path: Path) -> None:
    box = DraftBox(tmp_path / "x.db", tmp_path)
    box.keep(Draft(1, "span:0:10", "first window's", "p", owner="a"))
    box.keep(Draft(1, "span:0:10", "second window's", "p", owner="b"))
    assert sorted(d.text for d in box.of_article(1)) == ["first window's", "second window's"]
    box.drop(1, "span:0:10", "b")  # the second window stored its note
    assert [d.text for d in box.of_article(1)] == ["first window's"]


def test_joined_drafts_keep_both_texts_once() -> None:
    older = Draft(1, "k", "one", "p", updated="2026-01-01T00:00:00+00:00")
    assert joined(older, replace(older, text="one two", updated="2026-01-02")).text == "one two"
    both = joined(replace(older, text="other", updated="2026-01-02"), older).text
    assert both.startswith("one\n\n") and both.endswith("\nother")


def test_a_second_damaged_draft_file_does_not_replace_the_first_set_aside(tmp_path: Path) -> None:
    box = DraftBox(tmp_path / "x.db", tmp_path)
    for words in ("first half", "second half"):
        box.path.write_text('{"drafts": [{"text": "' + words, "utf-8")
        assert box.of_article(1) == []
    aside = sorted(p.read_text("utf-8") for p in tmp_path.glob("*.damaged*.json"))
    assert [text.rsplit('"', 1)[1] for text in aside] == ["first half", "second half"]


def test_a_draft_file_that_cannot_be_written_leaves_no_half_copy(tmp_path: Path) -> None:
    """A full disk (here: a file-size limit, which fails the write the same way): the half-
    written temporary copy stayed beside the drafts for good. The file as it was is kept."""
    script = (
        "import errno, resource, signal, sys; from pathlib import Path\n"
        "from reader.drafts import Draft, DraftBox\n"
        "box = DraftBox(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "box.keep(Draft(1, 'small', 'kept', 'p'))\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))\n"
        "try:\n"
        "    box.keep(Draft(1, 'big', 'x' * 10000, 'p'))\n"
        "except OSError as exc:\n"
        "    sys.exit(0 if exc.errno == errno.EFBIG else 3)\n"
        "sys.exit(4)\n"
    )
    folder = tmp_path / "d"
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "x.db"), str(folder)], cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 0
    assert sorted(p.suffix for p in folder.iterdir()) == [".json", ".lock"]  # no .tmp
    assert [d.text for d in DraftBox(tmp_path / "x.db", folder).of_article(1)] == ["kept"]
