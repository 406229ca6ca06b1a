"""`reader notes --import` of files a little off the ones the reader writes: an article entry
with an empty text among good ones, notes whose lines end in \\r\\n. Real database files, real
subprocesses (the CLI as a user runs it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reader.sources import Document
from reader.store import Store
from tests.test_jsonld import run


def _library(db: Path) -> None:
    with Store.open(db) as store:
        talks = store.save_article(
            Document("Talks", "https://example.org/talks", "Talks resume. “We go on,” Ann said.\n")
        )
        store.add_annotation(talks.id, talks.text, 0, 13, color=2, note="first line\nsecond line")
        web = store.save_article(Document("Web", "https://example.org/a", "A web story here.\n"))
        store.add_annotation(web.id, web.text, 2, 5, note="web")


def _exported(db: Path, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "notes.jsonld"
    assert run(db, "--format", "json", "-o", str(out)).returncode == 0
    doc: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return doc


def _notes(db: Path) -> list[str]:
    with Store.open(db, read_only=True) as store:
        return sorted(a.note for art in store.list_articles() for a in store.annotations(art.id))


def test_one_empty_article_is_reported_and_the_rest_imported(tmp_path: Path) -> None:
    """The whole file was refused for one entry with an empty text: every good note was left
    out. Now that entry alone is skipped (an empty text holds no passage, so no note needs
    it) and the sentence names it."""
    home = tmp_path / "home.db"
    _library(home)
    doc = _exported(home, tmp_path)
    assert len(doc["reader:articles"]) == 2
    doc["reader:articles"].append({"title": "Blank", "reader:text": " \n "})
    bad = tmp_path / "one-blank.jsonld"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    done = run(fresh, "--import", str(bad))
    assert done.returncode == 0, done.stderr
    assert "imported 2 of 2 annotations" in done.stderr
    assert "reader:articles entry 3 of the file has an empty text and was not added" in (
        done.stderr
    )
    assert _notes(fresh) == ["first line\nsecond line", "web"]
    with Store.open(fresh, read_only=True) as store:
        assert sorted(a.title for a in store.list_articles()) == ["Talks", "Web"]


def test_a_file_of_only_an_empty_article_imports_nothing_and_says_so(tmp_path: Path) -> None:
    bad = tmp_path / "blank.jsonld"
    bad.write_text(json.dumps(
        {"type": "AnnotationCollection", "reader:articles": [{"reader:text": " \n "}]}
    ), encoding="utf-8")
    db = tmp_path / "lib.db"
    done = run(db, "--import", str(bad))
    assert done.returncode == 0, done.stderr
    assert "imported 0 of 0 annotations" in done.stderr and "entry 1" in done.stderr
    with Store.open(db, read_only=True) as store:
        assert store.list_articles() == []


def test_a_note_with_crlf_line_ends_is_the_same_note_not_a_rewrite(tmp_path: Path) -> None:
    """Exported, opened on Windows and saved (\\r\\n line ends), imported back: the note was
    taken for a rewrite made elsewhere and kept twice, under the 'also written' line."""
    home = tmp_path / "home.db"
    _library(home)
    doc = _exported(home, tmp_path)
    for item in doc["first"]["items"]:
        item["body"]["value"] = item["body"]["value"].replace("\n", "\r\n")
    crlf = tmp_path / "crlf.jsonld"
    crlf.write_text(json.dumps(doc), encoding="utf-8")
    assert "\\r\\n" in crlf.read_text(encoding="utf-8")
    back = run(home, "--import", str(crlf))
    assert back.returncode == 0, back.stderr
    assert "2 were already in the library" in back.stderr and "merged" not in back.stderr
    assert _notes(home) == ["first line\nsecond line", "web"]
    # Into another library: stored with the line ends the editor writes.
    fresh = tmp_path / "fresh.db"
    assert run(fresh, "--import", str(crlf)).returncode == 0
    assert _notes(fresh) == ["first line\nsecond line", "web"]


def test_a_lone_surrogate_in_a_note_is_imported_as_a_replacement_character(
    tmp_path: Path,
) -> None:
    """A hostile (or broken) file: JSON may escape a lone surrogate ("\\ud800"), which UTF-8
    cannot hold; SQLite refused the note and the import ended in a traceback."""
    home = tmp_path / "home.db"
    _library(home)
    doc = _exported(home, tmp_path)
    doc["first"]["items"][0]["body"]["value"] = "a\ud800b"
    bad = tmp_path / "surrogate.jsonld"
    bad.write_text(json.dumps(doc), encoding="utf-8")  # ensure_ascii: written as \ud800
    fresh = tmp_path / "fresh.db"
    done = run(fresh, "--import", str(bad))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "a\ufffdb" in _notes(fresh)
