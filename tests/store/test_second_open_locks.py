"""A second connection opened in the same process keeps the first one's locks.

Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
included. The library's first bytes were read with open() at each Store.open, so a worker's
own connection (the re-read's, the first save's) dropped the screen connection's lock: another
reader closing its connection then took itself for the last one, checkpointed and deleted the
-wal file still in use, and a new user with two windows lost saved notes and got a damaged
index. Real processes and a real SQLite file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.sources import Document
from reader.store import Store

OTHER_READER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
conn.close()
"""


def test_another_readers_close_leaves_the_wal_a_second_open_here_relies_on(
    tmp_path: Path,
) -> None:
    db = tmp_path / "lib.db"
    wal = tmp_path / "lib.db-wal"
    first = Store.open(db)
    try:
        first.save_article(Document(title="Talks", source="/news/t.txt", text="Talks went on.\n"))
        assert wal.exists()
        Store.open(db).close()  # a worker's connection, as the re-read and the first save open
        subprocess.run([sys.executable, "-c", OTHER_READER, str(db)], check=True, timeout=60)
        # Another reader that closes is not the last one: this process still holds the file.
        assert wal.exists(), "another reader's close deleted the -wal this process still uses"
        first.save_article(Document(title="More", source="/news/m.txt", text="More talks.\n"))
        assert [row[0] for row in first.db.execute("PRAGMA integrity_check")] == ["ok"]
    finally:
        first.close()
    with Store.open(db, read_only=True) as store:
        assert {a.title for a in store.list_articles()} == {"Talks", "More"}
