"""Found by a new user: People and `reader quotes` merge "Whitfield" into "Dana Whitfield",
but notes exports and search rows named her "Whitfield" on the rows of the article that calls
her so. Every list that names a speaker outside the article's own text uses the library's
name; the article's text stays as written."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from reader.analysis.model import Analysis, Quote, Speaker
from reader.people.named import library_names, renamed_quotes
from reader.store import Store
from reader.store.people_rows import SpeakerRow

FIRST = "“Our crews need answers,” Dana Whitfield said.\n"
SECOND = "“Our crews will watch every dollar,” Whitfield said.\n"


def reader(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def _analysis(text: str, name: str) -> Analysis:
    passage = text[: text.index("”") + 1]
    quote = Quote(0, 0, len(passage), passage, name, cue="said", rule="explicit")
    return Analysis(quotes=[quote], speakers=[Speaker(name, quotes=[0], words=5, kind="person")])


def test_exports_and_search_rows_name_the_library_person(db_path: Path, make_doc) -> None:
    with Store.open(db_path) as store:
        one = store.save_article(make_doc(text=FIRST, title="One", source="/news/one.txt"))
        store.cache_analysis(one.hash, "m", "1", _analysis(FIRST, "Dana Whitfield"))
        two = store.save_article(make_doc(text=SECOND, title="Two", source="/news/two.txt"))
        store.cache_analysis(two.hash, "m", "1", _analysis(SECOND, "Whitfield"))
        store.add_annotation(two.id, SECOND, 0, SECOND.index("”") + 1, note="check")
    notes = reader(db_path, "notes", "--format", "csv")
    assert notes.returncode == 0, notes.stderr
    rows = list(csv.DictReader(io.StringIO(notes.stdout)))
    assert [(r["article"], r["speaker"]) for r in rows] == [("Two", "Dana Whitfield")]
    markdown = reader(db_path, "notes", "Two")
    assert "— Dana Whitfield" in markdown.stdout, markdown.stdout
    found = reader(db_path, "search", "crews", "--speaker", "whitfield", "--format", "csv")
    assert found.returncode == 0, found.stderr
    speakers = [r["speaker"] for r in csv.DictReader(io.StringIO(found.stdout))]
    assert speakers == ["Dana Whitfield", "Dana Whitfield"]


def test_only_the_speakers_of_one_article_are_renamed() -> None:
    rows = [SpeakerRow(1, "2026-01-01", "Dana Whitfield", (), None, "person", "f", "text", 1, 5),
            SpeakerRow(2, "2026-01-02", "Whitfield", (), None, "person", "f", "text", 1, 5),
            SpeakerRow(2, "2026-01-02", "Tom Reed", (), None, "person", "m", "name", 1, 5)]
    names = library_names(rows, 2)
    assert names[(2, "Whitfield")] == "Dana Whitfield"
    quotes = [Quote(0, 0, 5, "“a b”", "Whitfield"), Quote(1, 6, 9, "“c”", None)]
    assert [q.speaker for q in renamed_quotes(quotes, 2, names)] == ["Dana Whitfield", None]
    assert quotes[0].speaker == "Whitfield"  # the article's own analysis is left as it was


class _Counting:
    """The real store, counting how often every speaker's row is read."""

    def __init__(self, store: Store) -> None:
        self.store, self.reads = store, 0

    def speakers_stamp(self) -> object:
        return self.store.speakers_stamp()

    def speaker_rows(self) -> list[SpeakerRow]:
        self.reads += 1
        return self.store.speaker_rows()


def test_the_library_names_are_merged_once_per_change_of_the_speakers(
    db_path: Path, make_doc
) -> None:
    """Found by the app review: `y`, `Y` and the search's quote rows merged every person of
    the library at each use (1.7 s at 1,000 articles), and the search kept its names after an
    add or a delete. Merged again only when the speakers' rows change, then at once."""
    from reader.people.named import NamesCache

    with Store.open(db_path) as store:
        two = store.save_article(make_doc(text=SECOND, title="Two", source="/news/two.txt"))
        store.cache_analysis(two.hash, "m", "1", _analysis(SECOND, "Whitfield"))
        cache, counting = NamesCache(), _Counting(store)
        assert cache.get(counting)[(two.id, "Whitfield")] == "Whitfield"
        store.add_annotation(two.id, SECOND, 0, 5, note="a note changes no speaker")
        assert cache.get(counting)[(two.id, "Whitfield")] == "Whitfield"
        assert counting.reads == 1
        one = store.save_article(make_doc(text=FIRST, title="One", source="/news/one.txt"))
        store.cache_analysis(one.hash, "m", "1", _analysis(FIRST, "Dana Whitfield"))
        assert cache.get(counting)[(two.id, "Whitfield")] == "Dana Whitfield"
        store.delete_article(one.id)
        assert cache.get(counting)[(two.id, "Whitfield")] == "Whitfield"
        assert counting.reads == 3
