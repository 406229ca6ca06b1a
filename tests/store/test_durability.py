"""Real processes: SIGKILL right after "saved" loses nothing; two writers at once both succeed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from reader.store import Store

WRITER = """
import sys, time
from reader.store import Store
class Doc:
    title = "Crash test"; source = "/crash.txt"; kind = "text"
    text = "A passage worth keeping. Another sentence follows here."
store = Store.open(sys.argv[1])
article = store.save_article(Doc())
ann = store.add_annotation(article.id, Doc.text, 2, 9, color=2, note="saved before the kill")
print("saved", ann.id, flush=True)
time.sleep(60)
"""


def test_sigkill_after_saved_loses_nothing(db_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        line = proc.stdout.readline().split()
        assert line[0] == "saved"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    with Store.open(db_path) as store:
        (article,) = store.list_articles()
        (ann,) = store.annotations(article.id)
        assert (ann.id, ann.note, ann.exact, ann.color) == (
            int(line[1]), "saved before the kill", "passage", 2)


CONCURRENT = """
import sys
from reader.store import Store
path, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
class Doc:
    title = "Shared"; source = "/shared.txt"; kind = "text"
    text = "Two readers annotate the same article at the same time, " * 20
store = Store.open(path)
article = store.save_article(Doc())
sys.stdin.readline()  # start together
for i in range(n):
    store.add_annotation(article.id, Doc.text, i, i + 10, note=f"{tag}-{i}")
    store.set_position(article.id, i)
print("done", flush=True)
"""


def test_two_processes_write_at_once(db_path: Path) -> None:
    Store.open(db_path).close()  # both start from an existing database
    n = 50
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT, str(db_path), tag, str(n)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for tag in ("a", "b")
    ]
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    results = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err
        assert out.strip() == "done"
    with Store.open(db_path) as store:
        (article,) = store.list_articles()
        notes = sorted(a.note for a in store.annotations(article.id))
    assert notes == sorted([f"a-{i}" for i in range(n)] + [f"b-{i}" for i in range(n)])


def test_two_processes_create_the_database_at_once(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT, str(path), tag, "5"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for tag in ("a", "b")
    ]
    results = [p.communicate("go\n", timeout=120) for p in procs]
    for p, (_, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
    with Store.open(path) as store:
        (article,) = store.list_articles()
        assert len(store.annotations(article.id)) == 10


def test_the_library_file_alone_holds_every_saved_note(db_path: Path, tmp_path: Path) -> None:
    """Copied while the reader is open (a backup, a sync folder), or its -wal file deleted
    before the reader was killed: the file itself holds the notes saved so far (it held no
    tables at all until some 4 MB had gathered in the -wal file)."""
    import shutil
    import sqlite3

    with Store.open(db_path) as store:
        class Doc:
            title, source, kind = "Copy test", "/copy.txt", "text"
            text = "A passage worth keeping. Another sentence follows here."

        article = store.save_article(Doc())
        store.add_annotation(article.id, Doc.text, 2, 9, color=2, note="in the file itself")
        store.highlight(article.id, Doc.text, 25, 32, note="and this one")
        copy = tmp_path / "copy.db"
        shutil.copyfile(db_path, copy)  # the file alone: no -wal beside it
        conn = sqlite3.connect(copy)
        try:
            notes = [row[0] for row in conn.execute("SELECT note FROM annotations ORDER BY id")]
        finally:
            conn.close()
    assert notes == ["in the file itself", "and this one"]


def test_notes_reanchored_by_a_new_text_are_in_the_file_itself(
    db_path: Path, tmp_path: Path
) -> None:
    """The same file read again with its text changed moves its notes; that move is a write of
    notes too, so the library file alone holds it."""
    import shutil
    import sqlite3

    class Doc:
        title, source, kind = "Edited", "/edited.txt", "text"
        text = "A passage worth keeping. Another sentence follows here."

    class Edited(Doc):
        text = "A new first sentence. " + Doc.text

    with Store.open(db_path) as store:
        article = store.save_article(Doc())
        store.add_annotation(article.id, Doc.text, 2, 9, note="moves with its words")
        store.save_article(Edited())
        copy = tmp_path / "copy.db"
        shutil.copyfile(db_path, copy)
        conn = sqlite3.connect(copy)
        try:
            starts = [row[0] for row in conn.execute("SELECT start FROM annotations")]
        finally:
            conn.close()
    assert starts == [2 + len("A new first sentence. ")]
