"""Notes moved to another library keep whether each article was read, and when: the library's
"Last read" says the same there. Real database files, real subprocesses."""

from __future__ import annotations

from pathlib import Path

from reader.sources import Document
from reader.store import Store
from tests.test_jsonld import run


def test_read_and_unread_articles_stay_so_through_export_and_import(tmp_path: Path) -> None:
    home = tmp_path / "home.db"
    with Store.open(home) as store:
        read = store.save_article(Document("Read", "/r.txt", "Read once.\n"), opened=True)
        store.add_annotation(read.id, read.text, 0, 4)
        filed = store.save_article(Document("Filed", "/f.txt", "Filed unread.\n"))
        store.add_annotation(filed.id, filed.text, 0, 5)
        before = {s.title: (s.opened, s.added, s.last_opened) for s in store.list_articles()}
    exported = tmp_path / "notes.jsonld"
    assert run(home, "--format", "json", "-o", str(exported)).returncode == 0
    away = tmp_path / "away.db"
    done = run(away, "--import", str(exported))
    assert done.returncode == 0, done.stderr
    with Store.open(away, read_only=True) as store:
        after = {s.title: (s.opened, s.added, s.last_opened) for s in store.list_articles()}
    assert before["Read"][0] and not before["Filed"][0]
    assert after == before
