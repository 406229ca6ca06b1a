"""Opening the database in one place: WAL, foreign keys, a busy timeout and ordered migrations.

The file is checked before SQLite touches it, so a file that is not a database is refused and
left byte-for-byte as it was. An empty file (0 bytes) is what SQLite itself calls an empty
database, so it is initialised: there is nothing in it to lose.
"""

from __future__ import annotations

import os
import random
import shlex
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlite_utils import Database, Migrations

from reader.errors import DatabaseDamagedError, StoreError
from reader.held_files import held, hold
from reader.store import search_index
from reader.store.read_only import SQLITE_IOERR_SHMSIZE, connect_read_only, read_only_mount
from reader.store.same_file import remember, require_same

SQLITE_HEADER = b"SQLite format 3\x00"
#: Seconds a write waits for another reader's write to finish before giving up.
BUSY_TIMEOUT = 5.0
#: How long the interactive reader waits for another program's write lock before saying so: a
#: key press must never freeze the screen for the batch timeout (the reader's own writes and a
#: second reader's take milliseconds; a failed save keeps its text, see the note editor).
INTERACTIVE_TIMEOUT = 1.0

migrations = Migrations("reader")


@migrations(name="0001_articles_annotations")
def m0001_articles_annotations(db: Database) -> None:
    """The first released schema: the library and the annotations anchored W3C-style."""
    db.execute("""
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'text',
            text TEXT NOT NULL,
            added TEXT NOT NULL,
            last_opened TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0
        )
        """)
    db.execute("""
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color INTEGER NOT NULL DEFAULT 1 CHECK (color BETWEEN 1 AND 5),
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """)


@migrations(name="0002_analysis_cache")
def m0002_analysis_cache(db: Database) -> None:
    """Cached analyses, with the counts the library shows so listing never parses JSON."""
    db.execute("""
        CREATE TABLE analysis_cache (
            text_hash TEXT NOT NULL,
            model TEXT NOT NULL,
            engine TEXT NOT NULL,
            analysis TEXT NOT NULL,
            quotes INTEGER NOT NULL,
            speakers INTEGER NOT NULL,
            created TEXT NOT NULL,
            PRIMARY KEY (text_hash, model, engine)
        )
        """)


@migrations(name="0003_annotation_orphans_uuid")
def m0003_annotation_orphans_uuid(db: Database) -> None:
    """Orphan flag for re-anchoring, a stable UUID for exports, and an index for listing."""
    table = db.table("annotations")
    table.add_column("orphaned", int, not_null_default=0)
    table.add_column("uuid", str, not_null_default="")
    db.execute(
        "UPDATE annotations SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) "
        "|| '-4' || substr(hex(randomblob(2)), 2) || '-' "
        "|| substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) "
        "|| '-' || hex(randomblob(6))) WHERE uuid = ''"
    )
    db.execute("CREATE INDEX annotations_article ON annotations(article_id, start)")
    db.execute("CREATE INDEX articles_last_opened ON articles(last_opened)")


@migrations(name="0004_revisions_versions")
def m0004_revisions_versions(db: Database) -> None:
    """A revision on every annotation (a save names the one it was based on, so it never
    overwrites a change it has not seen), the text each annotation's selectors point into, and
    the earlier texts of an article that notes still point into."""
    table = db.table("annotations")
    table.add_column("revision", int, not_null_default=0)
    table.add_column("text_hash", str, not_null_default="")
    db.execute("UPDATE annotations SET revision = abs(random())")
    db.execute(
        "UPDATE annotations SET text_hash = "
        "(SELECT hash FROM articles WHERE articles.id = annotations.article_id)"
    )
    db.execute("""
        CREATE TABLE article_versions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            hash TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            added TEXT NOT NULL,
            replaced TEXT NOT NULL,
            PRIMARY KEY (article_id, hash)
        )
        """)


@migrations(name="0005_article_sources")
def m0005_article_sources(db: Database) -> None:
    """Every place an article was opened from, with the time: exports cite the latest URL.
    Each article's one recorded source (its first) is kept as opened when last read."""
    db.execute("""
        CREATE TABLE article_sources (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            opened TEXT NOT NULL,
            PRIMARY KEY (article_id, source)
        )
        """)
    db.execute(
        "INSERT INTO article_sources (article_id, source, opened) "
        "SELECT id, source, last_opened FROM articles"
    )


@migrations(name="0006_search_index")
def m0006_search_index(db: Database) -> None:
    """The full-text index of texts, quotes and notes, built for the articles already here."""
    search_index.create(db)
    search_index.rebuild(db)


@migrations(name="0007_article_byline_date")
def m0007_article_byline_date(db: Database) -> None:
    """Who wrote an article and when, as its web page said (shown in the article's header)."""
    db.execute("ALTER TABLE articles ADD COLUMN byline TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE articles ADD COLUMN date TEXT NOT NULL DEFAULT ''")


@migrations(name="0008_annotation_written_words")
def m0008_annotation_written_words(db: Database) -> None:
    """The words each note was written about and the text they were in: re-anchoring onto
    changed words no longer loses them (the note says its passage changed)."""
    table = db.table("annotations")
    table.add_column("written_exact", str, not_null_default="")
    table.add_column("written_hash", str, not_null_default="")
    db.execute("UPDATE annotations SET written_exact = exact, written_hash = text_hash")


@migrations(name="0009_article_opened")
def m0009_article_opened(db: Database) -> None:
    """Whether an article was ever opened to read (`reader add` files it unread: "Last read:
    never"). It was told by last_opened differing from added, which two stamps taken in the
    same microsecond, or a re-added changed file, got wrong; articles so far keep that answer."""
    db.execute("ALTER TABLE articles ADD COLUMN opened INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE articles SET opened = 1 WHERE last_opened != added OR position > 0")


@migrations(name="0010_changes_told")
def m0010_changes_told(db: Database) -> None:
    """Which notes the reader was told their passage changed, and in which text: told once
    per change, not again on every opening of the article."""
    db.execute(
        "CREATE TABLE changes_told (annotation_id INTEGER NOT NULL REFERENCES annotations(id) "
        "ON DELETE CASCADE, text_hash TEXT NOT NULL, PRIMARY KEY (annotation_id, text_hash))"
    )


@migrations(name="0011_quote_confidence")
def m0011_quote_confidence(db: Database) -> None:
    """Each quote's own confidence, as the article has it: the People tab, the library's search
    and `reader quotes` hedged a speaker by the rule that found them, which the ranker's own
    confidence overrules both ways. Rows written before keep NULL (their rule decides). A
    library indexed by 0006 in this version has it already (search_index.create)."""
    if "confidence" not in db["quote_rows"].columns_dict:
        db.execute("ALTER TABLE quote_rows ADD COLUMN confidence REAL")


@migrations(name="0012_search_spelt_out")
def m0012_search_spelt_out(db: Database) -> None:
    """Each indexed row with its umlauts spelt out beside it, so "Mueller" finds "Müller": a
    typed "ue" read as "ü" found "Jo" for "Joe" and "dos" for "does" (reader.fold). The index
    is made again with the new columns. A library indexed by 0006 in this version has them."""
    if "body_spelt" not in db["search_rows"].columns_dict:
        search_index.add_spelt(db)


@migrations(name="0013_article_title_set")
def m0013_article_title_set(db: Database) -> None:
    """Whether the reader chose the article's title (`T`, `reader add --title`): a changed file
    read again keeps it (a text file's title is its first line, an "EDITOR NOTE:" as often)."""
    db.execute("ALTER TABLE articles ADD COLUMN title_set INTEGER NOT NULL DEFAULT 0")


@migrations(name="0014_search_own_letters")
def m0014_search_own_letters(db: Database) -> None:
    """The index's spelt-out copies with the letters NFKD keeps written plain ("Wałęsa":
    "Walesa", "æon": "aeon"), as the filters and the article's search fold them: the rows and
    note triggers made before spelt only the umlauts (search_index.respell)."""
    search_index.respell(db)


SCHEMA_VERSION = len(migrations._migrations)
KNOWN_MIGRATIONS = [m.name for m in migrations._migrations]


#: SQLite's result codes for a file that is damaged or not a database at all.
DAMAGED_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


def is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in DAMAGED_CODES
    msg = str(exc).lower()
    return "malformed" in msg or "not a database" in msg


def describe_error(path: Path, exc: sqlite3.Error) -> str:
    """One clear sentence for what went wrong with the database file."""
    msg = str(exc).lower()
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_CORRUPT or "malformed" in msg:
        return (
            f"{path}: the database is damaged ({exc}); the reader stopped and changed nothing "
            "(restore a backup, or try sqlite3's .recover)."
        )
    if "locked" in msg or "busy" in msg:
        return f"{path}: the database is locked by another program; close it and try again."
    if "readonly" in msg or "read-only" in msg:
        return f"{path}: the database is read-only; choose a writable file with --db."
    if "not a database" in msg or "malformed" in msg:
        return f"{path}: not an SQLite database (or a damaged one); it was left untouched."
    if "unable to open" in msg:
        return f"{path}: the database cannot be opened for writing (check the folder)."
    if getattr(exc, "sqlite_errorcode", None) == SQLITE_IOERR_SHMSIZE:  # not "written"
        return (
            f"{path}: the disk holding it is full (SQLite could not give its -shm index "
            "room); free some space and try again."
        )
    if "disk" in msg or "full" in msg:
        return f"{path}: the database could not be written ({exc})."
    return f"{path}: database error: {exc}."


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3 errors into a StoreError with one sentence."""
    try:
        yield
    except sqlite3.Error as exc:
        kind = DatabaseDamagedError if is_damage(exc) else StoreError
        raise kind(describe_error(path, exc)) from exc


@contextmanager
def write_transaction(db: Database, path: Path, *, notes: bool = False) -> Iterator[Database]:
    """BEGIN IMMEDIATE ... COMMIT: the write lock is taken up front, so under WAL a concurrent
    writer makes us wait (busy timeout) instead of failing with a stale snapshot. A write of
    the reader's notes (`notes`) is then checkpointed (`checkpoint`); other writes (articles,
    cached analyses, positions) go with the next one: a checkpoint makes a write about three
    times slower (20 ms), too slow for `reader add` of a folder."""
    require_same(db, path)  # not into a file replaced or deleted at its path since
    with translate_errors(path):
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            # The schema read first: with foreign keys on, SQLite 3.40 failed a write after another
            # window made a table (a first delete) with "no such table: annotations".
            db.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
            yield db
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        else:
            db.conn.execute("COMMIT")
            if notes:
                checkpoint(db)


def checkpoint(db: Database) -> None:
    """What was just written goes into the database file itself at once, not only into the
    -wal file until some 4 MB gather there: a library file copied alone while the reader is
    open (a backup, a sync folder) or a -wal file deleted (by hand, by a cleaner) before the
    reader was killed lost every note since the last checkpoint (found in tmux: the file had no
    tables at all). PASSIVE never waits for another window, and a failure only leaves the
    pages in the -wal file, as before."""
    with suppress(sqlite3.Error):
        db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def check_file(path: Path, *, create: bool) -> None:
    """Refuse anything SQLite would misread or we would damage, before opening it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise StoreError(f"{path}: the database cannot be opened ({exc.strerror}).") from exc
    if mode is not None and stat.S_ISDIR(mode):
        raise StoreError(f"{path}: is a folder, not a database file.")
    if mode is not None and not stat.S_ISREG(mode):
        raise StoreError(f"{path}: not a regular file; the database must be a file.")
    if mode is not None:
        if held(path):
            return  # read once already; another open() now would drop this process's locks
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise StoreError(f"{path}: the database cannot be read ({exc.strerror}).") from exc
        if head and head != SQLITE_HEADER:
            raise StoreError(f"{path}: not an SQLite database; it was left untouched.")
        return
    if not create:
        raise StoreError(f"{path}: no such database; open an article with `reader FILE` first.")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: the folder {path.parent} does not exist.")


def applied_names(db: Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def refuse_newer(names: list[str], path: Path) -> None:
    """A schema with migrations this reader does not know was made by a newer reader."""
    if any(n not in KNOWN_MIGRATIONS for n in names):
        raise StoreError(
            f"{path}: the database was written by a newer version of reader; upgrade reader."
        )


def refuse_foreign(db: Database, path: Path) -> None:
    """Tables but no reader migration: another program's database. Migrating it would add the
    library's tables (and switch it to WAL) inside that program's file, so it is refused first."""
    if applied_names(db):
        return
    tables = db.execute(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    if tables:
        raise StoreError(
            f"{path}: an SQLite database of another program, not a reader library; "
            "it was left untouched."
        )


def migrate(db: Database, path: Path) -> None:
    """Apply pending migrations in order, under one write lock so two first opens don't race."""
    names = applied_names(db)
    refuse_newer(names, path)
    if len(names) == SCHEMA_VERSION:
        return
    with write_transaction(db, path):
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def check_writable(db: Database, path: Path) -> None:
    """Fail at open, not at the first note: a write that is rolled back before it lands.

    SQLite opens a file it may not write in read-only mode without complaint (and a WAL
    database with current schema needs no write to open), so ask for a real write.
    """
    require_same(db, path)  # not into a file replaced or deleted at its path since
    with translate_errors(path):
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            version = db.conn.execute("PRAGMA user_version").fetchone()[0]
            db.conn.execute(f"PRAGMA user_version = {int(version)}")
        finally:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")


def is_busy(exc: BaseException) -> bool:
    cause = exc.__cause__ if isinstance(exc, StoreError) else exc
    if not isinstance(cause, sqlite3.OperationalError):
        return False
    msg = str(cause).lower()
    return "locked" in msg or "busy" in msg


def retry_while_busy(step: Callable[[], None], timeout: float) -> None:
    """Run step, again and again while another process holds the lock, for up to timeout.

    SQLite skips its busy handler where waiting could deadlock, such as two first opens that both
    switch a fresh file to WAL: one gets "database is locked" at once. That is a race between
    two readers starting together, not a real lock, so it is retried after a short random pause.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            step()
            return
        except (sqlite3.OperationalError, StoreError) as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(random.uniform(0.005, 0.05))


def setup_for_writing(db: Database, path: Path) -> None:
    with translate_errors(path):
        db.enable_wal()
    migrate(db, path)
    check_writable(db, path)


def open_database(
    path: str | Path,
    *,
    create: bool = True,
    timeout: float = BUSY_TIMEOUT,
    read_only: bool = False,
) -> Database:
    """A sqlite-utils Database ready for use, or StoreError with one sentence.

    read_only is for exports: nothing is written (no WAL switch, no migration), so a database
    on read-only media can still be read; it must already have the current schema.
    """
    path = Path(path)
    check_file(path, create=create and not read_only)
    try:
        if read_only:
            conn = connect_read_only(path, timeout)
        else:
            conn = sqlite3.connect(str(path), timeout=timeout)
    except sqlite3.Error as exc:
        raise StoreError(describe_error(path, exc)) from exc
    try:
        with translate_errors(path):
            db = Database(conn)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            # Reading the schema first surfaces "not a database" and locks before any write.
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            refuse_foreign(db, path)
            if read_only:
                refuse_newer(applied_names(db), path)
                if schema_version(db) != SCHEMA_VERSION:
                    raise StoreError(not_current(db, path))
            else:
                retry_while_busy(lambda: setup_for_writing(db, path), timeout)
    except BaseException:
        conn.close()
        raise
    remember(db, path)
    hold(path)
    return db


def not_current(db: Database, path: Path) -> str:
    """Why a read-only open cannot use this schema. A file with no tables at all is no older
    library: it is a library whose -wal file (holding everything since the last checkpoint)
    was lost or overwritten, or an SQLite file that never was one."""
    if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
        return (
            f"{path}: the database holds no library (no tables at all): if it held notes, "
            "they were in its -wal file, lost or overwritten; it was left untouched."
        )
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK) and not read_only_mount(
        path
    ):
        # The person has write access: "open it once with write access" sent them looking
        # for a permission they had. Reading commands never upgrade; say which one does.
        command = f"reader --db {shlex.quote(str(path))}"  # a path with spaces, pasted whole
        return (
            f"{path}: the library is from an earlier reader and needs upgrading, which this "
            f"command never does (it only reads): opening it, `{command}`, "
            "upgrades it, keeping every note."
        )
    return f"{path}: the database needs upgrading; open it once with write access."


def schema_version(db: Database) -> int:
    return len(applied_names(db))
