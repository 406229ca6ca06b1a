"""`reader add` writes as the one writer, in batches: many analysed articles per commit, every
one of them in the library with its analysis cached (real model, real SQLite file)."""

from __future__ import annotations

from pathlib import Path

from reader.analysis.model import ENGINE_VERSION
from reader.analysis.nlp import model_id
from reader.batch.add import WRITE_BATCH, add_paths
from reader.store import Store


def test_analyses_are_written_many_to_a_commit(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    n = 12
    for i in range(n):
        (folder / f"a{i:02}.txt").write_text(f"Report {i}\n\n“We stay {i},” said Ann Lee.\n",
                                            "utf-8")
    with Store.open(tmp_path / "lib.db") as store:
        commits: list[str] = []
        store.db.conn.set_trace_callback(
            lambda sql: commits.append(sql) if sql.strip().upper() == "COMMIT" else None)
        result = add_paths(store, [str(folder)], jobs=1, model=None, report=print)
        store.db.conn.set_trace_callback(None)
        assert (result.added, result.failed) == (n, 0)
        # One commit per batch (a slow machine may cut a batch by time, never one per article).
        assert len(commits) <= n // 2, commits
        assert n < WRITE_BATCH
        listed = store.list_articles()
        assert len(listed) == n
        mid = model_id(None)
        for a in listed:
            record = store.get_article(a.id)
            analysis = store.cached_analysis(record.hash, mid, ENGINE_VERSION)
            assert analysis is not None
            assert [q.speaker for q in analysis.quotes] == ["Ann Lee"]
        assert sorted(result.analysed) == sorted(a.id for a in listed)
