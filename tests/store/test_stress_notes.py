"""Two real processes edit one note 200 times each on one SQLite file while one of them also
creates and deletes highlights: every edit ends up in the note, and no lock error reaches
anyone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.store import Store

TEXT = "Two readers edit the same note on the same article at the same time. " * 20

EDITOR = """
import random, sys, time
from reader.store import Store
path, tag, n, churn = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "churn"
store = Store.open(path)
(article,) = store.list_articles()
text = store.get_article(article.id).text
(seen,) = [a for a in store.annotations(article.id) if a.start == 0]
outcomes = {}
print("ready", flush=True)
sys.stdin.readline()  # start together
for i in range(n):
    done = store.save_note(seen, seen.note + f" {tag}{i}")
    outcomes[done.outcome] = outcomes.get(done.outcome, 0) + 1
    seen = done.annotation  # what the window shows after a save: the note as stored
    time.sleep(random.uniform(0, 0.004))  # typing the next edit; the other may save meanwhile
    if churn:
        start = 100 + (i % 50) * 10
        made = store.highlight(article.id, text, start, start + 8)
        if made.outcome == "added":
            store.delete_annotation(made.annotation.id)
print(" ".join(f"{k}={v}" for k, v in sorted(outcomes.items())), flush=True)
"""


def test_two_processes_edit_one_note_and_lose_nothing(db_path: Path, make_doc) -> None:
    n = 200
    with Store.open(db_path) as store:
        article = store.save_article(make_doc(TEXT, source="/shared.txt"))
        ann = store.add_annotation(article.id, TEXT, 0, 11, note="start")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", EDITOR, str(db_path), tag, str(n), churn],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for tag, churn in (("A", "churn"), ("B", "plain"))
    ]
    for p in procs:
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    results = [p.communicate(timeout=120) for p in procs]
    for p, (_, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err.lower()
    with Store.open(db_path) as store:
        (final,) = [a for a in store.annotations(article.id) if a.id == ann.id]
        assert [a.id for a in store.annotations(article.id)] == [ann.id]  # churn left nothing
    words = final.note.split()
    assert words[0] == "start"
    for tag in "AB":
        mine = [w for w in words if w.startswith(tag)]
        # Every edit is in the note, once, in the order it was made.
        assert mine == [f"{tag}{i}" for i in range(n)]
    # The two really did interleave: some saves met the other's change and were merged.
    merged = sum(int(part.split("=")[1]) for out, _ in results for part in out.split()
                 if part.startswith("merged="))
    assert merged > 0, [out for out, _ in results]
