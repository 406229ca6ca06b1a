"""`reader add` and `reader analyze --out` as a person runs them: real subprocesses, the real
model, a real database; the sample article and an edited copy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis.model import ENGINE_VERSION, Analysis
from reader.analysis.nlp import model_id
from reader.store import Store, text_hash

SEED = Path(__file__).resolve().parents[1] / "reader" / "samples" / "seed.txt"


def reader(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "more").mkdir(parents=True)
    text = SEED.read_text("utf-8")
    (folder / "seed.txt").write_text(text, "utf-8")
    edited = text.replace("Blinken said he would", "Blinken told reporters he would")
    assert edited != text
    (folder / "more" / "edited.txt").write_text(edited, "utf-8")
    (folder / "more" / "ignored.csv").write_text("a,b\n", "utf-8")
    return folder


def test_add_a_folder_fills_the_cache_and_the_index(
    tmp_path: Path, db_path: Path, articles: Path
) -> None:
    (articles / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00\xff")
    done = reader("--db", str(db_path), "add", str(articles), str(tmp_path / "nowhere"),
                  "--jobs", "2")
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert sum("nowhere" in line for line in lines) == 1
    assert sum("broken.txt" in line for line in lines) == 1
    assert lines[-1].startswith("reader: 2 added, 0 already in the library, 2 failed")
    assert "Traceback" not in done.stderr

    with Store.open(db_path, read_only=True) as store:
        listed = store.list_articles()
        assert sorted(Path(a.source).name for a in listed) == ["edited.txt", "seed.txt"]
        mid = model_id(None)
        for a in listed:  # the key the reader looks up when it opens an article
            record = store.get_article(a.id)
            assert store.has_cached_analysis(record.hash, mid, ENGINE_VERSION)

    found = json.loads(reader("--db", str(db_path), "search", "hostages", "--format",
                              "json").stdout)
    assert len({h["article_id"] for h in found}) == 2

    again = reader("--db", str(db_path), "add", str(articles / "seed.txt"),
                   str(articles / "more"))
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines()[-1].startswith(
        "reader: 0 added, 2 already in the library, 0 failed")

    # A title of the reader's own (a text file's is its first line), for one file only.
    titled = reader("--db", str(db_path), "add", str(articles / "seed.txt"),
                    "--title", "Gantz in Washington")
    assert titled.returncode == 0, titled.stderr
    with Store.open(db_path, read_only=True) as store:
        titles = {Path(a.source).name: a.title for a in store.list_articles()}
    assert titles["seed.txt"] == "Gantz in Washington"
    assert titles["edited.txt"] != "Gantz in Washington"
    refused = reader("--db", str(db_path), "add", str(articles), "--title", "One")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr.count("\n") == 1 and "--title" in refused.stderr, refused.stderr


def test_jobs_two_gives_the_analyses_of_one_job(tmp_path: Path, articles: Path) -> None:
    """Four small files in two processes: the same analyses as one process, and as
    `reader analyze --out` with its one model load."""
    for i, body in enumerate(["“We stay,” said Ann Lee.", "No quotes at all here."]):
        (articles / f"small{i}.txt").write_text(body + "\n", "utf-8")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    for db, jobs in ((one, "1"), (two, "2")):
        done = reader("--db", str(db), "add", str(articles), "--jobs", jobs)
        assert done.returncode == 0, done.stderr
        assert "4 added" in done.stderr.splitlines()[-1]
    out = tmp_path / "json"
    files = sorted(str(p) for p in articles.rglob("*.txt"))
    done = reader("analyze", *files, "--out", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "edited.json", "seed.json", "small0.json", "small1.json"]

    mid = model_id(None)
    with Store.open(one, read_only=True) as a, Store.open(two, read_only=True) as b:
        for path in files:
            digest = text_hash(Path(path).read_text("utf-8"))
            first = a.cached_analysis(digest, mid, ENGINE_VERSION)
            second = b.cached_analysis(digest, mid, ENGINE_VERSION)
            assert first is not None and first == second
            written = Analysis.from_json((out / (Path(path).stem + ".json")).read_text("utf-8"))
            assert written.quotes == first.quotes and written.speakers == first.speakers
    small = Analysis.from_json((out / "small0.json").read_text("utf-8"))
    assert [q.speaker for q in small.quotes] == ["Ann Lee"]


def test_analyze_many_without_out_is_refused(articles: Path) -> None:
    done = reader("analyze", str(articles / "seed.txt"), str(articles / "more" / "edited.txt"))
    assert done.returncode == 2
    assert done.stderr == "reader: give --out DIR to analyse more than one file.\n"


def test_interrupted_run_resumes(tmp_path: Path, db_path: Path) -> None:
    """Ctrl-C after the first article is in: what was analysed is kept, the re-run adds only
    the rest."""
    import signal
    import sqlite3
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    text = SEED.read_text("utf-8")
    copies = 4  # the first kept, the rest left to the re-run: each copy costs a parse
    for i in range(copies):
        (folder / f"copy{i}.txt").write_text(f"Edition {i}.\n\n{text}", "utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "--db", str(db_path), "add", str(folder), "--jobs",
         "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    added = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db_path.exists():
            try:
                with sqlite3.connect(db_path) as conn:
                    added = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                added = 0
            if added:
                break
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run finished before it could be interrupted")
    assert proc.returncode == 130, err
    assert "run again to go on" in err and "Traceback" not in err
    assert "reader: interrupted." not in err  # one sentence, not that and this
    with Store.open(db_path) as store:
        kept = store.list_articles()
        assert 1 <= len(kept) < copies
        assert all(store.has_cached_analysis(store.get_article(a.id).hash, model_id(None),
                                             ENGINE_VERSION) for a in kept)
    again = reader("--db", str(db_path), "add", str(folder), "--jobs", "1")
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines()[-1].startswith(
        f"reader: {copies - len(kept)} added, {len(kept)} already in the library, 0 failed")


def test_a_fifo_given_to_add_is_refused_without_a_hint_add_cannot_follow(
    tmp_path: Path, db_path: Path
) -> None:
    """`reader add` of a FIFO said 'use - to read standard input', and `reader add -` then
    said '-: no such file or folder': add reads files and folders only."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done = reader("--db", str(db_path), "add", str(fifo))
    assert done.returncode == 2
    first = done.stderr.splitlines()[0]
    assert first == f"reader: {fifo} is a FIFO (named pipe), not a regular file.", first


def test_a_url_given_to_add_is_named_an_address_not_a_missing_file(db_path: Path) -> None:
    """`reader add URL` said 'no such file or folder', sending the person looking for a file."""
    url = "http://127.0.0.1:9/story.html"
    done = reader("--db", str(db_path), "add", url)
    assert done.returncode == 2
    first = done.stderr.splitlines()[0]
    assert first == (
        f"reader: {url}: a web address, and reader add takes only files and folders "
        "(reader open URL reads the page into the library)."
    ), first
