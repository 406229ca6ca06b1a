"""Opening: pragmas, migrations from the first schema, and files we must refuse untouched."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlite_utils import Database

from reader.analysis.model import Analysis
from reader.errors import StoreError
from reader.store import Store
from reader.store.db import SCHEMA_VERSION, migrations, retry_while_busy


def test_open_sets_wal_foreign_keys_busy_timeout(store: Store) -> None:
    assert store.db.journal_mode == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert store.schema_version == SCHEMA_VERSION >= 3
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_upgrade_from_first_schema_keeps_data(db_path: Path) -> None:
    old = Database(db_path)
    migrations.apply(old, stop_before="0002_analysis_cache")
    assert [m.name for m in migrations.applied(old)] == ["0001_articles_annotations"]
    old.execute(
        "INSERT INTO articles (id, hash, title, source, kind, text, added, last_opened, position)"
        " VALUES (7, 'abc', 'Old title', '/old.txt', 'text', 'Old text here.', 't0', 't1', 4)"
    )
    old.execute(
        'INSERT INTO annotations (id, article_id, start, "end", exact, prefix, suffix, color,'
        " note, created, updated) VALUES (3, 7, 4, 8, 'text', 'Old ', ' here.', 2, 'kept',"
        " 't0', 't0')"
    )
    old.close()

    with Store.open(db_path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.db["analysis_cache"].exists()
        article = s.get_article(7)
        assert (article.title, article.text, article.position) == ("Old title", "Old text here.", 4)
        (ann,) = s.annotations(7)
        assert (ann.id, ann.start, ann.end, ann.exact, ann.note, ann.color) == (
            3, 4, 8, "text", "kept", 2)
        assert ann.orphaned is False
        assert len(ann.uuid) == 36 and ann.uuid[14] == "4"
        # The upgraded database works like a new one.
        s.add_annotation(7, article.text, 0, 3, note="new")
        assert len(s.annotations(7)) == 2
    with Store.open(db_path) as s:  # and opening again changes nothing
        assert s.schema_version == SCHEMA_VERSION
        assert (s.annotations(7)[1].uuid) == ann.uuid


def test_upgrade_from_frozen_v1_file_keeps_data(db_path: Path, make_doc) -> None:
    """A v1 database built from the committed SQL of the first schema, not from today's code."""
    conn = sqlite3.connect(db_path)
    conn.executescript((Path(__file__).parent / "data" / "schema_v1.sql").read_text())
    text = make_doc().text
    conn.execute(
        "INSERT INTO articles (hash, title, source, text, added, last_opened, position) "
        "VALUES ('h', 'Geneva', '/data/geneva.txt', ?, 't0', 't0', 12)", [text]
    )
    start = text.index("Tom Reed")
    conn.execute(
        'INSERT INTO annotations (article_id, start, "end", exact, prefix, suffix, color, note,'
        " created, updated) VALUES (1, ?, ?, 'Tom Reed', ?, ?, 5, 'who is he?', 't0', 't1')",
        [start, start + 8, text[start - 32 : start], text[start + 8 : start + 40]],
    )
    conn.commit()
    conn.close()
    with Store.open(db_path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.db.journal_mode == "wal"
        (summary,) = s.list_articles()
        assert (summary.title, summary.notes, summary.quotes) == ("Geneva", 1, None)
        (ann,) = s.annotations(1)
        assert (ann.exact, ann.note, ann.color, ann.updated, ann.orphaned) == (
            "Tom Reed", "who is he?", 5, "t1", False)
        assert s.get_article(1).position == 12
        # Re-anchoring and the cache work on the upgraded file.
        moved = s.reanchor(1, "Breaking.\n" + text)
        assert moved[0].start == start + len("Breaking.\n")
        s.cache_analysis("h", "m", "1", Analysis())
        assert s.cached_analysis("h", "m", "1") == Analysis()


def test_newer_database_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    db = Database(db_path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "reader", "name": "9999_from_the_future", "applied_at": "x"}
    )
    db.close()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(db_path)


def test_not_sqlite_is_refused_and_untouched(db_path: Path) -> None:
    content = b"These are my precious notes, not a database.\n" * 100
    db_path.write_bytes(content)
    with pytest.raises(StoreError, match="not an SQLite database") as info:
        Store.open(db_path)
    assert "\n" not in str(info.value)
    assert db_path.read_bytes() == content
    assert not Path(f"{db_path}-wal").exists()


def test_damaged_sqlite_is_refused_and_untouched(db_path: Path, make_doc) -> None:
    with Store.open(db_path) as s:
        s.save_article(make_doc())
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the first page
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        Store.open(db_path)
    assert db_path.read_bytes() == bytes(data)


def test_empty_file_is_initialised(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with Store.open(db_path) as s:
        assert s.schema_version == SCHEMA_VERSION


def test_directory_and_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "dir.db")
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file or folder unwritable; root ignores modes, so use the immutable flag there."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: cannot make a file read-only")
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"chattr +i not supported here: {done.stderr.decode().strip()}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_read_only_file_is_refused_and_untouched(db_path: Path, make_doc, wal: bool) -> None:
    with Store.open(db_path) as s:
        s.save_article(make_doc())
    if not wal:  # a database from elsewhere: rollback journal
        conn = sqlite3.connect(db_path)
        conn.execute("PRAGMA journal_mode=delete")
        conn.close()
    before = db_path.read_bytes()
    with read_only(db_path):
        with pytest.raises(StoreError, match="read-only") as info:
            Store.open(db_path)
        assert "\n" not in str(info.value)
        # Exports can still read it, and a write says why it can't happen.
        with Store.open(db_path, read_only=True) as s:
            (article,) = s.list_articles()
            assert s.get_article(article.id).text == make_doc().text
            with pytest.raises(StoreError, match="read-only"):
                s.add_annotation(article.id, make_doc().text, 0, 3)
    assert db_path.read_bytes() == before


def test_read_only_open_never_creates_or_migrates(db_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(db_path, read_only=True)
    assert not db_path.exists()
    old = Database(db_path)
    migrations.apply(old, stop_before="0002_analysis_cache")
    old.close()
    with pytest.raises(StoreError, match="needs upgrading") as refused:
        Store.open(db_path, read_only=True)
    assert Database(db_path)["_sqlite_migrations"].count == 1
    # A file the person may write: not "open it once with write access" (they have it), but
    # the command that upgrades it (`reader notes` and `reader library` only read).
    assert "write access" not in str(refused.value)
    assert f"`reader --db {db_path}`" in str(refused.value)


def test_the_upgrade_command_quotes_a_path_with_spaces(tmp_path: Path) -> None:
    """`reader --db /my notes/annotations.db` runs reader on "/my": the command is quoted."""
    db_path = tmp_path / "my notes" / "annotations.db"
    db_path.parent.mkdir()
    old = Database(db_path)
    migrations.apply(old, stop_before="0002_analysis_cache")
    old.close()
    with pytest.raises(StoreError, match="needs upgrading") as refused:
        Store.open(db_path, read_only=True)
    assert f"`reader --db '{db_path}'`" in str(refused.value)


def test_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only(folder), pytest.raises(StoreError):
        Store.open(folder / "annotations.db")


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("CREATE TABLE IF NOT EXISTS held (x)")
print("locked", flush=True)
sys.stdin.read()
"""


@contextmanager
def locked_by_other_process(path: Path) -> Iterator[None]:
    proc = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "locked"
        yield
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_locked_database_is_refused_and_untouched(db_path: Path, make_doc, wal: bool) -> None:
    with Store.open(db_path) as s:
        s.save_article(make_doc())
    if not wal:
        conn = sqlite3.connect(db_path)
        conn.execute("PRAGMA journal_mode=delete")
        conn.close()
    before = db_path.read_bytes()
    with locked_by_other_process(db_path):
        with pytest.raises(StoreError, match="locked") as info:
            Store.open(db_path, timeout=0.3)
        assert "\n" not in str(info.value)
        assert db_path.read_bytes() == before


def test_write_while_locked_gives_store_error(db_path: Path, make_doc) -> None:
    s = Store.open(db_path, timeout=0.3)
    article = s.save_article(make_doc())
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="locked"):
            s.add_annotation(article.id, article.text, 0, 4, note="waits")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # Nothing half-done; the next write works.
    assert s.annotations(article.id) == []
    s.add_annotation(article.id, article.text, 0, 4, note="now")
    assert len(s.annotations(article.id)) == 1
    s.close()


def _immediate_write(path: Path) -> Callable[[], None]:
    """A write that, like SQLite's deadlock case, gets "locked" at once instead of waiting."""

    def step() -> None:
        conn = sqlite3.connect(path, isolation_level=None, timeout=0)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("CREATE TABLE IF NOT EXISTS t (x)")
            conn.execute("COMMIT")
        finally:
            conn.close()

    return step


def test_open_retries_a_lock_that_is_released(db_path: Path) -> None:
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        retry_while_busy(_immediate_write(db_path), timeout=10)
    finally:
        release.join()
        holder.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    conn.close()


def test_open_gives_up_on_a_lock_that_stays(db_path: Path) -> None:
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            retry_while_busy(_immediate_write(db_path), timeout=0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_open_does_not_retry_other_errors(db_path: Path) -> None:
    calls = []

    def step() -> None:
        calls.append(1)
        sqlite3.connect(db_path).execute("SELECT * FROM missing")

    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        retry_while_busy(step, timeout=5)
    assert len(calls) == 1
