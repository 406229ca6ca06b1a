"""An article remembers every source it was opened from, and exports cite the right one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlite_utils import Database

from reader.sources import load_source
from reader.store import Store
from reader.store.db import SCHEMA_VERSION, migrations
from reader.store.provenance import cited
from reader.store.records import SourceSeen

REPO = Path(__file__).parents[2]
HTML = (
    "<html><head><title>Harbour reopens</title></head><body><article>"
    "<h1>Harbour reopens</h1><p>The harbour reopened on Monday after the storm.</p>"
    "<p>“We are back,” the harbour master said.</p></article></body></html>"
)


def test_a_file_then_a_url_is_one_article_with_both_sources(
    tmp_path: Path, db_path: Path, httpserver
) -> None:
    page = tmp_path / "article.html"
    page.write_text(HTML, encoding="utf-8")
    httpserver.expect_request("/article.html").respond_with_data(
        HTML, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/article.html")
    with Store.open(db_path) as store:
        from_file = store.save_article(load_source(str(page)))
        from_url = store.save_article(load_source(url))
        assert from_url.id == from_file.id
        assert from_url.source == url  # the header shows the one just used
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db_path), "library", "--format", "json"],
        capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    (article,) = json.loads(done.stdout)
    assert [s["source"] for s in article["sources"]] == [url, str(page.resolve())]
    assert all(s["opened"] for s in article["sources"])


def test_the_citation_is_the_latest_url_else_the_latest_path(store: Store, make_doc) -> None:
    doc = make_doc(source="/data/a.txt")
    article = store.save_article(doc)
    assert cited(store.article_sources(article.id)) == "/data/a.txt"
    store.save_article(make_doc(source="https://example.org/a"))
    store.save_article(make_doc(source="/data/b.txt"))  # a path read later: the URL still wins
    sources = store.article_sources(article.id)
    assert [s.source for s in sources] == ["/data/b.txt", "https://example.org/a", "/data/a.txt"]
    assert cited(sources) == "https://example.org/a"
    assert cited([SourceSeen("stdin", "t1")], fallback="urn:sha256:x") == "urn:sha256:x"


def test_an_older_source_still_finds_its_article_when_its_text_changes(
    store: Store, make_doc
) -> None:
    first = store.save_article(make_doc(source="/data/a.txt"))
    store.save_article(make_doc(source="https://example.org/a"))
    changed = store.save_article(make_doc(text=first.text + "\nUpdate.\n", source="/data/a.txt"))
    assert changed.id == first.id
    assert len(store.list_articles()) == 1


def test_upgrade_from_schema_4_keeps_each_articles_source(db_path: Path) -> None:
    old = Database(db_path)
    migrations.apply(old, stop_before="0005_article_sources")
    old.execute(
        "INSERT INTO articles (id, hash, title, source, kind, text, added, last_opened, position)"
        " VALUES (7, 'abc', 'Old title', '/old.txt', 'text', 'Old text.', 't0', 't1', 0)"
    )
    old.close()
    with Store.open(db_path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.article_sources(7) == [SourceSeen("/old.txt", "t1")]
        (summary,) = s.list_articles()
        assert summary.sources == (SourceSeen("/old.txt", "t1"),)
        s.delete_article(7)
        assert s.db.execute("SELECT count(*) FROM article_sources").fetchone()[0] == 0


def test_an_article_is_found_by_any_source_it_was_opened_from(store: Store, make_doc) -> None:
    article = store.save_article(make_doc(source="/data/a.txt"))
    store.save_article(make_doc(source="https://example.org/a"))
    assert store.find_article("/data/a.txt").id == article.id
    assert store.find_article("https://example.org/a").id == article.id
