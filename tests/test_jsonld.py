"""`reader notes --format json` against the W3C Web Annotation model, and back in with
`reader notes --import` into an empty library: real database files, real subprocesses."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.sources import Document
from reader.store import Store
from reader.ui.launch import sample_document

REPO = Path(__file__).parents[1]
IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")
ANNO = "http://www.w3.org/ns/anno.jsonld"


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), "notes", *args],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)}, stdin=subprocess.DEVNULL,
    )


def check_w3c(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The model's required fields (W3C Web Annotation Data Model and Vocabulary): every
    `reader:` term declared by an extra context entry. Returns the annotations."""
    context = doc["@context"]
    assert context[0] == ANNO and isinstance(context[1], dict)
    prefixes = set(context[1])
    assert IRI.match(doc["id"]) and doc["type"] == "AnnotationCollection"
    page = doc["first"]
    assert IRI.match(page["id"]) and page["type"] == "AnnotationPage"
    assert page["partOf"] == doc["id"] and page["startIndex"] == 0
    items = page["items"]
    assert doc["total"] == len(items) > 0
    for key in [*doc, *(k for item in items for k in item)]:
        if ":" in key and not key.startswith("@"):
            assert key.split(":")[0] in prefixes, key
    for item in items:
        assert IRI.match(item["id"]) and item["type"] == "Annotation"
        assert item["motivation"] in ("commenting", "highlighting")
        if "body" in item:
            assert item["body"]["type"] == "TextualBody" and item["body"]["value"]
        target = item["target"]
        assert IRI.match(target["source"]), target["source"]
        kinds = [s["type"] for s in target["selector"]]
        assert "TextQuoteSelector" in kinds
        for sel in target["selector"]:
            if sel["type"] == "TextPositionSelector":
                assert 0 <= sel["start"] <= sel["end"]
            else:
                assert sel["type"] == "TextQuoteSelector" and sel["exact"]
        assert 1 <= item["reader:highlightColor"] <= 5
    return items


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """Notes on a file, a URL, standard input and the sample; one of them orphaned."""
    db = tmp_path / "home.db"
    with Store.open(db) as store:
        path = str(tmp_path / "talks.txt")
        talks = store.save_article(
            Document("Talks", path, "Talks resume. “We go on,” Ann Lee said.\n")
        )
        store.add_annotation(talks.id, talks.text, 0, 13, color=3, note="Where?")
        store.add_annotation(talks.id, talks.text, 14, 25, color=2)
        web = store.save_article(Document("Web", "https://example.org/a", "A web story here.\n"))
        store.add_annotation(web.id, web.text, 2, 5)
        piped = store.save_article(Document("Piped", "stdin", "Piped words, read once.\n"))
        store.add_annotation(piped.id, piped.text, 0, 5, color=4, note="from a pipe")
        sample = store.save_article(sample_document())
        store.add_annotation(sample.id, sample.text, 0, 10, color=5)
        # The file changes: its first note's passage is gone, so that note is an orphan.
        store.save_article(Document("Talks", path, "Talks ended. “We go on,” Ann Lee said.\n"))
    return db


def test_the_json_export_follows_the_w3c_model(library: Path) -> None:
    done = run(library, "--format", "json")
    assert done.returncode == 0, done.stderr
    items = check_w3c(json.loads(done.stdout))
    sources = {i["target"]["source"] for i in items}
    sample_hash = Store.open(library, read_only=True).find_article("sample").hash
    assert f"urn:sha256:{sample_hash}" in sources
    assert "https://example.org/a" in sources
    assert any(s.startswith("file:///") and s.endswith("/talks.txt") for s in sources)
    assert not any(s in ("stdin", "sample") for s in sources)
    (orphan,) = [i for i in items if i.get("reader:orphaned")]
    assert [s["type"] for s in orphan["target"]["selector"]] == ["TextQuoteSelector"]
    assert orphan["target"]["selector"][0]["exact"] == "Talks resume."
    assert orphan["reader:highlightColor"] == 3
    assert {i["reader:highlightColor"] for i in items} == {2, 3, 1, 4, 5}


def test_an_export_imported_into_an_empty_library_exports_the_same(
    library: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "notes.jsonld"
    assert run(library, "--format", "json", "-o", str(exported)).returncode == 0
    fresh = tmp_path / "fresh.db"
    done = run(fresh, "--import", str(exported))
    assert done.returncode == 0, done.stderr
    assert "imported 5 of 5 annotations" in done.stderr
    again = run(fresh, "--format", "json")
    assert json.loads(again.stdout) == json.loads(exported.read_text(encoding="utf-8"))
    # Importing twice adds nothing.
    twice = run(fresh, "--import", str(exported))
    assert "imported 0 of 5" in twice.stderr and "5 were already" in twice.stderr
    assert run(fresh, "--format", "json").stdout == again.stdout


def test_notes_without_their_texts_are_placed_by_re_anchoring(
    library: Path, tmp_path: Path
) -> None:
    data = json.loads(run(library, "--format", "json").stdout)
    del data["reader:articles"]
    for item in data["first"]["items"]:
        del item["target"]["reader:sha256"]
        item["target"]["source"] = "urn:x-elsewhere"
    exported = tmp_path / "bare.jsonld"
    exported.write_text(json.dumps(data), encoding="utf-8")
    other = tmp_path / "other.db"
    with Store.open(other) as store:
        store.save_article(Document("Web, edited", "/w.txt", "Breaking.\nA web story here.\n"))
    done = run(other, "--import", str(exported))
    assert done.returncode == 0, done.stderr
    assert "imported 1 of 5" in done.stderr and "4 match no article" in done.stderr
    with Store.open(other) as store:
        (ann,) = store.annotations(1)
        assert (ann.exact, ann.start, ann.orphaned) == ("web", 12, False)


@pytest.mark.parametrize(
    "content",
    [
        b"not json", b'{"type": "Nothing"}', b'[{"type": "Annotation"}]', b"[1, 2, 3]",
        # wrong shapes inside a document of the right type: each was a traceback (exit 1)
        # or "imported 0 of 0 annotations." (exit 0) with the wrong things silently skipped
        b'{"type": "AnnotationCollection", "first": {"items": 5}}',
        b'{"type": "AnnotationCollection", "first": {"items": [5, "x"]}}',
        b'{"type": "AnnotationCollection", "first": 5}',
        b'{"type": "AnnotationPage", "items": {"a": 1}}',
        b'{"type": "AnnotationCollection", "reader:articles": 5, "first": {"items": []}}',
        b'{"type": "AnnotationCollection", "reader:articles": [5], "first": {"items": []}}',
        b'{"type": "AnnotationCollection", "reader:articles": [{"reader:text": "a b",'
        b' "reader:sources": 5}], "first": {"items": []}}',
        b'{"type": "Annotation", "target": {"source": "x", "selector": 5}}',
        b"deep",
    ],
)
def test_a_bad_notes_file_is_one_line_and_writes_nothing(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.json"
    # nested 100,000 deep: json.loads raised RecursionError, a traceback
    bad.write_bytes(b"[" * 100_000 + b"]" * 100_000 if content == b"deep" else content)
    db = tmp_path / "never.db"
    done = run(db, "--import", str(bad))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "bad.json" in done.stderr
    assert not db.exists()


@pytest.mark.parametrize("kind", ["fifo", "device", "directory"])
def test_a_notes_file_that_is_not_a_regular_file_is_refused_at_once(
    tmp_path: Path, kind: str
) -> None:
    """A FIFO with no writer used to hang the import forever, /dev/zero to eat memory until
    a MemoryError traceback."""
    if kind == "fifo":
        target = tmp_path / "notes.json"
        os.mkfifo(target)
    elif kind == "device":
        target = Path("/dev/zero")
    else:
        target = tmp_path
    db = tmp_path / "never.db"
    done = run(db, "--import", str(target))
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and str(target) in done.stderr
    assert not db.exists()


def test_notes_can_be_imported_from_standard_input(library: Path, tmp_path: Path) -> None:
    exported = run(library, "--format", "json", "-o", "-").stdout
    fresh = tmp_path / "fresh.db"
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(fresh), "notes", "--import", "-"],
        capture_output=True, text=True, timeout=60, input=exported,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0 and "imported" in done.stderr, done.stderr
    assert run(fresh, "--format", "json", "-o", "-").stdout == exported


def test_an_empty_import_name_is_refused_not_taken_for_an_export(tmp_path: Path) -> None:
    """`--import ""` printed the notes (the empty name read as no --import at all)."""
    done = run(tmp_path / "never.db", "--import", "")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "reader: --import needs the name of a notes file (- for standard input)."
    ]


def test_an_imported_nul_becomes_u_fffd_as_in_a_read_file(tmp_path: Path) -> None:
    """A NUL in an imported text or note was stored as it was: SQLite's text functions end a
    string there, so `reader search` showed 'Budgetresumed today' at the wrong place."""
    text = "Budget\x00 talks resumed today, Ann Lee said."
    doc = {
        "type": "AnnotationCollection",
        "reader:articles": [{"reader:text": text, "title": "T"}],
        "first": {"type": "AnnotationPage", "items": [{
            "type": "Annotation",
            "body": {"type": "TextualBody", "value": "my\x00note"},
            "target": {"source": "urn:x", "selector": [
                {"type": "TextQuoteSelector", "exact": "talks resumed",
                 "prefix": "Budget\x00 ", "suffix": " today"},
                {"type": "TextPositionSelector", "start": 8, "end": 21},
            ]},
        }]},
    }
    notes_file = tmp_path / "nul.json"
    notes_file.write_text(json.dumps(doc), encoding="utf-8")
    db = tmp_path / "lib.db"
    done = run(db, "--import", str(notes_file))
    assert done.returncode == 0 and "imported 1 of 1 annotations." in done.stderr, done.stderr
    with Store.open(db, read_only=True) as store:
        (article,) = store.list_articles()
        full = store.find_article(str(article.id))
        assert full.text == text.replace("\x00", "\ufffd")
        (ann,) = store.annotations(article.id)
        assert (ann.exact, ann.start, ann.orphaned, ann.note) == (
            "talks resumed", 8, False, "my\ufffdnote"
        )
    found = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), "search", "resumed"],
        capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert "Budget\ufffd talks resumed today" in found.stdout, found.stdout


def test_a_note_edited_in_the_other_library_is_merged_in_not_dropped(
    library: Path, tmp_path: Path
) -> None:
    """Notes moved to another machine, one edited there, exported back: the import said '1
    were already in the library' and dropped the edit (each annotation is imported once, by
    its id). Now a note the file has with other words is merged in: an addition replaces it,
    a rewrite keeps both texts; importing again changes nothing."""
    exported = tmp_path / "notes.jsonld"
    assert run(library, "--format", "json", "-o", str(exported)).returncode == 0
    doc = json.loads(exported.read_text(encoding="utf-8"))
    by_note = {i["body"]["value"]: i for i in doc["first"]["items"] if "body" in i}
    by_note["Where?"]["body"]["value"] = "Where? In Geneva, said the other machine."
    by_note["from a pipe"]["body"]["value"] = "rewritten elsewhere"
    for item in (by_note["Where?"], by_note["from a pipe"]):
        item["modified"] = "2099-01-01T00:00:00+00:00"
    edited = tmp_path / "edited.jsonld"
    edited.write_text(json.dumps(doc), encoding="utf-8")
    done = run(library, "--import", str(edited))
    assert done.returncode == 0, done.stderr
    assert "2 of those had a note with other words there, now merged in" in done.stderr
    with Store.open(library, read_only=True) as store:
        notes = sorted(a.note for art in store.list_articles() for a in store.annotations(art.id))
    assert "Where? In Geneva, said the other machine." in notes
    assert "from a pipe\n\n── also written in another library ──\nrewritten elsewhere" in notes
    again = run(library, "--import", str(edited))
    assert "merged" not in again.stderr and "5 were already in the library" in again.stderr
