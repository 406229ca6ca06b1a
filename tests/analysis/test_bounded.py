"""Every text is parsed in bounded pieces: no Doc past the bound, whatever the paragraphs, the
same quotes as a whole parse, and nothing the tokenizer chokes on (issue 9, items 6 and 10)."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from reader.analysis import analyze
from reader.analysis.nlp import MAX_WORD, for_parser, resolve_name
from reader.analysis.quotes import MARK_RUNS, find_quotes
from reader.analysis.stream import MAX_DOC_CHARS, analyze_stream, make_batches

from .conftest import REPO

SEED = (REPO / "reader" / "samples" / "seed.txt").read_text(encoding="utf-8")
#: The sample article as one paragraph (4,361 characters, 15 quotes).
ONE_PARAGRAPH = " ".join(line.strip() for line in SEED.splitlines() if line.strip())

SEEN: list[str] = []


@Language.component("reader_test_seen")
def _seen(doc: Doc) -> Doc:
    SEEN.append(doc.text)
    return doc


@pytest.fixture(scope="module")
def watched() -> Language:
    """A real pipeline that records the text of every Doc it parses."""
    nlp = spacy.load(resolve_name())
    nlp.add_pipe("reader_test_seen", first=True)
    return nlp


def parsed_lengths(run) -> list[int]:  # type: ignore[no-untyped-def]
    SEEN.clear()
    run()
    return [len(t) for t in SEEN]


def test_analyze_never_parses_more_than_the_bound(watched: Language) -> None:
    """A text of many paragraphs (under the old 500,000-character single-Doc limit) and one
    long paragraph: no Doc over MAX_DOC_CHARS, and the pieces cover the whole text."""
    many = "\n\n".join([SEED] * 6)
    long_paragraph = " ".join([ONE_PARAGRAPH] * 6)
    for text in (many, long_paragraph):
        assert len(text) > MAX_DOC_CHARS
        lengths = parsed_lengths(lambda text=text: analyze(text, nlp=watched))
        assert len(lengths) > 1 and max(lengths) <= MAX_DOC_CHARS
        assert sum(lengths) == len(text)


def test_batches_of_big_texts_stay_under_the_bound() -> None:
    """Without parsing: a 480 KB article-like text and a 2 MB paragraph."""
    articles = "\n\n".join([SEED] * 60)[:480_000]
    paragraph = " ".join([ONE_PARAGRAPH] * 260)[:2_000_000]
    for text in (articles, paragraph):
        batches = make_batches(text, 20_000)
        assert batches[0][0] == 0 and batches[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(batches))
        assert max(e - s for s, e, _ in batches) <= MAX_DOC_CHARS


def key(a) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(q.start, q.end, q.text, q.speaker) for q in a.quotes]


def test_a_paragraph_in_pieces_reads_as_the_whole_paragraph(
    nlp: Language, watched: Language
) -> None:
    """Cut into pieces of at most 1,000 characters, the sample as one paragraph gives the
    quotes and speakers of one parse of the whole paragraph."""
    *_, whole = analyze_stream(ONE_PARAGRAPH, nlp=nlp, max_chars=len(ONE_PARAGRAPH))
    lengths = parsed_lengths(
        lambda: list(analyze_stream(ONE_PARAGRAPH, nlp=watched, max_chars=1000))
    )
    *_, pieces = analyze_stream(ONE_PARAGRAPH, nlp=nlp, max_chars=1000)
    assert len(lengths) >= 5 and max(lengths) <= 1000
    assert len(whole.analysis.quotes) >= 12
    assert key(pieces.analysis) == key(whole.analysis)


def test_a_quote_across_a_pieces_edge_is_found_whole(nlp: Language) -> None:
    """A quote longer than a piece: its span comes from the whole paragraph, and it is read
    (and attributed) once, with the piece it starts in."""
    speech = " ".join(
        f"We will rebuild the {w} bridge before the winter comes." for w in ["old"] * 40
    )
    text = f"Mayor Jane Doe said on Monday: “{speech}” Then she left the hall. " * 2
    *_, whole = analyze_stream(text, nlp=nlp, max_chars=len(text))
    *_, pieces = analyze_stream(text, nlp=nlp, max_chars=1000)
    spans = [(m.start(), m.end()) for m in re.finditer("“[^”]*”", text)]
    assert [(q.start, q.end) for q in pieces.analysis.quotes] == spans
    assert [q.speaker for q in pieces.analysis.quotes] == ["Jane Doe", "Jane Doe"]
    assert key(pieces.analysis) == key(whole.analysis)


def test_a_run_of_marks_quotes_nothing() -> None:
    text = "He typed “““““ and left. “Yes,” she said."
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["“Yes,”"]


def test_the_parsers_copy_keeps_every_offset() -> None:
    """Same length, a web address left alone, a run of marks and an endless word defused."""
    url = "https://example.com/news/" + "a-long-slug-" * 10
    text = f"See {url} and {'x' * 1000} then “““““ and \r\n “Yes,” she said."
    out = for_parser(text)
    assert len(out) == len(text)
    assert url in out and "“Yes,” she said." in out and "\r" not in out
    assert max(len(w) for w in out.split()) <= MAX_WORD and not MARK_RUNS.search(out)
    assert sum(c != d for c, d in zip(out, text, strict=True)) == 1000 // (MAX_WORD + 1) + 5 + 1


MARKS = """
import json, re, sys
import spacy
from spacy.language import Language
from reader.analysis import analyze
from reader.analysis.nlp import resolve_name
from reader.analysis.quotes import MARK_RUNS
seen = []
@Language.component("reader_test_tokenizer_input")
def record(doc):
    seen.append(doc.text)
    return doc
nlp = spacy.load(resolve_name())
nlp.add_pipe("reader_test_tokenizer_input", first=True)
out = {}
for mark in sys.argv[1:]:
    seen.clear()
    a = analyze(mark * 100_000, nlp=nlp)
    out[mark] = {
        "quotes": len(a.quotes),
        "longest_doc": max(len(t) for t in seen),
        "longest_word": max(len(w) for t in seen for w in t.split()),
        "mark_runs": sum(1 for t in seen if MARK_RUNS.search(t)),
    }
print(json.dumps(out))
"""


def test_100_kb_of_quotation_marks_reach_spacy_as_short_words() -> None:
    """100,000 marks in a row took over two minutes inside spaCy's tokenizer. Now the run is
    text: no quotes, and what spaCy is handed has no run of marks and no word longer than
    MAX_WORD (the timeout only stops a hang; it is not the test)."""
    marks = ['"', "“", "'", "«"]
    done = subprocess.run(
        [sys.executable, "-c", MARKS, *marks],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        cwd=REPO,
    )
    out = json.loads(done.stdout)
    for mark in marks:
        assert out[mark]["quotes"] == 0
        assert out[mark]["mark_runs"] == 0
        assert out[mark]["longest_word"] <= MAX_WORD
        assert out[mark]["longest_doc"] <= MAX_DOC_CHARS


def test_the_json_is_written_as_it_is_encoded(nlp: Language) -> None:
    """The same text as to_json, in many small writes rather than one string of it all."""
    import io

    writes: list[int] = []

    class Out(io.StringIO):
        def write(self, s: str) -> int:
            writes.append(len(s))
            return super().write(s)

    analysis = analyze(SEED, nlp=nlp)
    out = Out()
    analysis.write_json(out)
    assert out.getvalue() == analysis.to_json() + "\n"
    assert len(writes) > 100 and max(writes) < len(out.getvalue()) // 10
