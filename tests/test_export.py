"""Exports compared with output written by hand (never produced by the code under test)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.model import Quote
from reader.export import (
    ArticleNotes,
    library_csv,
    library_jsonld,
    library_markdown,
    notes_csv,
    notes_jsonld,
    notes_markdown,
    passage_markdown,
)
from reader.store import Annotation

TEXT = "Intro line.\n“We will not give up,” Lopez said.\nCritics doubted it.\n"
#       0123456789012 quote starts at 12: “We will not give up,” is 22 chars -> 12..34


def ann(id: int, start: int, end: int, note: str = "", color: int = 1, **kw) -> Annotation:
    return Annotation(
        id=id, article_id=1, start=start, end=end, exact=TEXT[start:end],
        prefix=TEXT[max(0, start - 32) : start], suffix=TEXT[end : end + 32], color=color,
        note=note, created="2026-01-02T03:04:05+00:00", updated="2026-01-02T03:04:06+00:00",
        uuid=f"00000000-0000-4000-8000-00000000000{id}", **kw,
    )


QUOTES = [Quote(id=0, start=12, end=34, text=TEXT[12:34], speaker="Maria Lopez")]
IN_QUOTE = ann(1, 13, 32, note="Key promise.\nCheck later.", color=2)  # We will not give up
PLAIN = ann(2, 47, 66)  # Critics doubted it.


def test_spans_are_what_the_test_says() -> None:
    assert IN_QUOTE.exact == "We will not give up"
    assert PLAIN.exact == "Critics doubted it."


def test_notes_markdown() -> None:
    expected = (
        "# Geneva talks — https://news.example/geneva\n"
        "\n"
        "> We will not give up\n"
        ">\n"
        "> — Maria Lopez\n"
        "\n"
        "Key promise.  \n"  # two spaces: a hard line break, the note's lines stay lines
        "Check later.\n"
        "\n"
        "> Critics doubted it.\n"
    )
    got = notes_markdown("Geneva talks", "https://news.example/geneva", [IN_QUOTE, PLAIN], QUOTES)
    assert got == expected


def test_orphan_and_empty_in_markdown() -> None:
    orphan = ann(3, 47, 66, note="gone", orphaned=True)
    assert notes_markdown("T", "", [orphan], QUOTES) == (
        "# T\n\n> Critics doubted it.\n\ngone\n\n"
        "*This passage is no longer in the article's text.*\n"
    )
    assert notes_markdown("T", "/a.txt", [], []) == "# T — /a.txt\n\n*No notes.*\n"


def test_passage_markdown_for_quote_and_highlight() -> None:
    assert passage_markdown("“We will not give up,”", speaker="Maria Lopez") == (
        "> “We will not give up,”\n>\n> — Maria Lopez\n"
    )
    assert passage_markdown("First paragraph.\n\nSecond one.  ", note=" my note ") == (
        "> First paragraph.\n>\n> Second one.\n\nmy note\n"
    )


def test_control_characters_are_inert() -> None:
    hostile = "Red \x1b[31malert\x1b[0m\r\nbell\x07 csi\x9b2J"
    assert passage_markdown(hostile) == "> Red ␛[31malert␛[0m\n> bell␇ csi\ufffd2J\n"
    a = Annotation(1, 1, 0, len(hostile), hostile, "", "", 1, "", "c", "u", uuid="u")
    out = notes_jsonld("T", "/t.txt", [a])
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert "\\u001b[31m" in out and "\\u009b2J" in out
    assert json.loads(out)["first"]["items"][0]["target"]["selector"][1]["exact"] == hostile


CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"reader": "urn:x-reader:ns#"}]


def test_notes_jsonld() -> None:
    expected = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "Geneva talks",
        "total": 2,
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [
                {
                    "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
                    "type": "Annotation",
                    "motivation": "commenting",
                    "created": "2026-01-02T03:04:05+00:00",
                    "modified": "2026-01-02T03:04:06+00:00",
                    "body": {
                        "type": "TextualBody",
                        "value": "Key promise.\nCheck later.",
                        "format": "text/plain",
                        "purpose": "commenting",
                    },
                    "target": {
                        "source": "file:///data/geneva.txt",
                        "selector": [
                            {"type": "TextPositionSelector", "start": 13, "end": 32},
                            {
                                "type": "TextQuoteSelector",
                                "exact": "We will not give up",
                                "prefix": "Intro line.\n“",
                                "suffix": ",” Lopez said.\nCritics doubted i",
                            },
                        ],
                    },
                    "reader:highlightColor": 2,
                    "reader:speaker": "Maria Lopez",
                },
                {
                    "id": "urn:uuid:00000000-0000-4000-8000-000000000002",
                    "type": "Annotation",
                    "motivation": "highlighting",
                    "created": "2026-01-02T03:04:05+00:00",
                    "modified": "2026-01-02T03:04:06+00:00",
                    "target": {
                        "source": "file:///data/geneva.txt",
                        "selector": [
                            {"type": "TextPositionSelector", "start": 47, "end": 66},
                            {
                                "type": "TextQuoteSelector",
                                "exact": "Critics doubted it.",
                                "prefix": " will not give up,” Lopez said.\n",
                                "suffix": "\n",
                            },
                        ],
                    },
                    "reader:highlightColor": 1,
                },
            ],
        },
    }
    out = json.loads(notes_jsonld("Geneva talks", "/data/geneva.txt", [IN_QUOTE, PLAIN], QUOTES))
    # The collection and its page have ids, and the page says whose it is.
    assert out["id"].startswith("urn:uuid:") and out["first"]["id"].startswith("urn:uuid:")
    assert out["first"].pop("partOf") == out.pop("id")
    out["first"].pop("id")
    assert out == expected


def test_jsonld_for_several_articles_and_none() -> None:
    out = json.loads(
        library_jsonld([
            ArticleNotes("A", "https://a.example/x", [IN_QUOTE]),
            ArticleNotes("B", "-", [PLAIN], text_hash="abc123"),
        ])
    )
    assert out["total"] == 2
    assert [i["target"]["source"] for i in out["first"]["items"]] == [
        "https://a.example/x", "urn:sha256:abc123"]
    empty = json.loads(library_jsonld([]))
    assert empty.pop("id").startswith("urn:uuid:")
    assert empty == {
        "@context": CONTEXT, "type": "AnnotationCollection", "label": "reader notes", "total": 0,
    }


def test_notes_csv() -> None:
    expected = (
        "article,source,start,end,passage,speaker,note,color,orphaned,created,updated,id,"
        "attribution,written_about\n"
        'Geneva talks,/data/geneva.txt,13,32,We will not give up,Maria Lopez,"Key promise.\n'
        'Check later.",2,0,2026-01-02T03:04:05+00:00,2026-01-02T03:04:06+00:00,'
        "00000000-0000-4000-8000-000000000001,said,\n"
        "Geneva talks,/data/geneva.txt,47,66,Critics doubted it.,,,1,0,"
        "2026-01-02T03:04:05+00:00,2026-01-02T03:04:06+00:00,"
        "00000000-0000-4000-8000-000000000002,,\n"
    )
    assert notes_csv("Geneva talks", "/data/geneva.txt", [IN_QUOTE, PLAIN], QUOTES) == expected


def test_csv_cells_never_start_a_spreadsheet_formula() -> None:
    """Passages and notes are untrusted: "=HYPERLINK(...)" must stay text in a spreadsheet."""
    a = Annotation(7, 1, 0, 20, "=HYPERLINK(\"x\")", "", "", 1, "@SUM(A1)", "c", "u", uuid="u")
    rows = list(csv.reader(io.StringIO(notes_csv("-2+3", "/a", [a]))))
    assert rows[1][0] == "'-2+3"
    assert rows[1][4] == "'=HYPERLINK(\"x\")"
    assert rows[1][6] == "'@SUM(A1)"
    assert rows[1][2] == "0"  # numbers are numbers


def test_library_markdown_joins_articles() -> None:
    out = library_markdown([
        ArticleNotes("A", "/a", [PLAIN]),
        ArticleNotes("B", "/b", [IN_QUOTE], QUOTES),
    ])
    assert out == (
        "# A — /a\n\n> Critics doubted it.\n\n"
        "# B — /b\n\n> We will not give up\n>\n> — Maria Lopez\n\nKey promise.  \nCheck later.\n"
    )
    assert library_csv([]) == (
        "article,source,start,end,passage,speaker,note,color,orphaned,created,updated,id,"
        "attribution,written_about\n"
    )


@given(st.text(), st.text(), st.text())
def test_markdown_and_csv_never_carry_control_characters(
    passage: str, note: str, title: str
) -> None:
    a = Annotation(1, 1, 0, max(1, len(passage)), passage, "", "", 1, note, "c", "u", uuid="u")
    for out in (passage_markdown(passage, note=note, speaker=title),
                notes_markdown(title, title, [a]), notes_csv(title, title, [a])):
        bad = [c for c in out if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
        assert bad == []
    out = notes_jsonld(title, "/t", [a])
    assert not [c for c in out if (ord(c) < 32 and c not in "\n") or 0x7F <= ord(c) <= 0x9F]
    assert json.loads(out)["first"]["items"][0]["target"]["selector"][1]["exact"] == passage


BLINKEN = (
    "“the challenges that we both face, of course a focus on the hostages and the strong desire "
    "that we both have to see them return home to their families, the work that’s being done to "
    "that end.”"
)
NARRATION = (
    "In public remarks ahead of the meeting, Blinken said he would bring up " + BLINKEN
    + " “We are ready,” Gantz replied. “And the most urgent issue is peace.”"
)


def quote_at(id: int, passage: str, speaker: str) -> Quote:
    start = NARRATION.index(passage)
    return Quote(id=id, start=start, end=start + len(passage), text=passage, speaker=speaker)


#: The three quotes of NARRATION, as the engine finds them in the sample article.
N_QUOTES = [
    quote_at(0, BLINKEN, "Antony Blinken"),
    quote_at(1, "“We are ready,”", "Benny Gantz"),
    quote_at(2, "“And the most urgent issue is peace.”", "Benny Gantz"),
]


def narration_ann(passage: str, note: str = "") -> Annotation:
    start = NARRATION.index(passage)
    return Annotation(1, 1, start, start + len(passage), passage, "", "", 1, note, "c", "u")


def test_a_sentence_that_contains_a_quote_is_not_signed_by_its_speaker() -> None:
    sentence = narration_ann(NARRATION[: N_QUOTES[0].end])
    assert len(BLINKEN) * 2 > len(sentence.exact)  # mostly quote, yet the narrator's
    assert notes_markdown("T", "", [sentence], N_QUOTES) == (
        f"# T\n\n> {sentence.exact}\n>\n> *Contains a quote by Antony Blinken.*\n"
    )
    # CSV names whose quote it contains, as Markdown does, and says so: never signed by them.
    rows = list(csv.DictReader(io.StringIO(notes_csv("T", "/t", [sentence], N_QUOTES))))
    assert (rows[0]["speaker"], rows[0]["attribution"]) == ("Antony Blinken", "contains a quote")


def test_a_passage_within_a_quote_is_signed_by_its_speaker() -> None:
    for passage in ("the challenges that we both face", BLINKEN,
                    "“And the most urgent issue is peace.”"):
        out = notes_markdown("T", "", [narration_ann(passage)], N_QUOTES)
        assert out.endswith(">\n> — Antony Blinken\n" if "face" in passage
                            else ">\n> — Benny Gantz\n"), out
    # Two quotes and the words between them: the narrator's, quoting Gantz twice.
    both = narration_ann("“We are ready,” Gantz replied. “And the most urgent issue is peace.”")
    assert notes_markdown("T", "", [both], N_QUOTES).endswith(
        ">\n> *Contains quotes by Benny Gantz.*\n")
    everything = narration_ann(NARRATION)
    assert "*Contains quotes by Antony Blinken and Benny Gantz.*" in notes_markdown(
        "T", "", [everything], N_QUOTES)
    # No quote at all, or only the space before one: no speaker line.
    assert notes_markdown("T", "", [narration_ann("Blinken said he would ")], N_QUOTES) == (
        "# T\n\n> Blinken said he would\n")


def test_a_note_keeps_its_lines_and_paragraphs_in_markdown() -> None:
    """Rendered by a CommonMark parser (markdown-it, as GitHub and most editors read it)."""
    from markdown_it import MarkdownIt

    note = "First line\nsecond line\n\n  \nA new paragraph.\r\nIts second line.  "
    out = passage_markdown("Passage.", note=note)
    assert out == (
        "> Passage.\n\nFirst line  \nsecond line\n\nA new paragraph.  \nIts second line.\n"
    )
    assert MarkdownIt("commonmark").render(out) == (
        "<blockquote>\n<p>Passage.</p>\n</blockquote>\n"
        "<p>First line<br />\nsecond line</p>\n"
        "<p>A new paragraph.<br />\nIts second line.</p>\n"
    )


def markdown_names(markdown: str) -> str:
    """Who Markdown says speaks in (or is quoted by) a passage, names joined by "; "."""
    if m := re.search(r"^> — (.+)$", markdown, re.M):
        return m[1]
    if m := re.search(r"^> \*Contains (?:a quote|quotes) by (.+)\.\*$", markdown, re.M):
        return m[1].replace(", ", "; ").replace(" and ", "; ")
    return ""


@pytest.mark.parametrize("passage", [
    "“We are ready,” Gantz replied.",
    "“We are ready,”",
    "Blinken said he would bring up " + BLINKEN,
    NARRATION,
    "Blinken said he would ",
])
def test_the_csv_speaker_column_says_what_the_markdown_says(passage: str) -> None:
    note = narration_ann(passage)
    markdown = notes_markdown("T", "", [note], N_QUOTES)
    (row,) = csv.DictReader(io.StringIO(notes_csv("T", "/t", [note], N_QUOTES)))
    assert row["speaker"] == markdown_names(markdown)
    assert bool(row["attribution"]) == bool(row["speaker"])
    if passage == "“We are ready,” Gantz replied.":
        assert "Contains a quote by Benny Gantz" in markdown and row["speaker"] == "Benny Gantz"


def test_a_note_shows_as_typed_even_where_its_lines_look_like_markdown_blocks() -> None:
    """A note line opening with "# " or "> " must not become a heading or pass itself off as
    the article's words (a blockquote); rendered by a real CommonMark parser."""
    from markdown_it import MarkdownIt

    note = "# not a heading\n> not the article\n- not a list\n1. not numbered\n---"
    html = MarkdownIt("commonmark").render(passage_markdown("The passage.", note=note))
    assert html.count("<blockquote>") == 1  # the passage's own
    for tag in ("<h1>", "<ul>", "<ol>", "<hr"):
        assert tag not in html
    for typed in ("# not a heading", "&gt; not the article", "- not a list", "1. not numbered"):
        assert typed in html


def test_a_guessed_speaker_is_probably_them_in_markdown_and_csv() -> None:
    guessed = [Quote(0, 12, 34, TEXT[12:34], "Maria Lopez", rule="conversation",
                     confidence=0.6)]
    md = notes_markdown("Geneva talks", "", [IN_QUOTE], guessed)
    assert "> — probably Maria Lopez" in md
    rows = list(csv.DictReader(io.StringIO(notes_csv("G", "", [IN_QUOTE, PLAIN], guessed))))
    assert (rows[0]["speaker"], rows[0]["attribution"]) == ("Maria Lopez", "probably said")
    whole = ann(3, 0, 47)  # the line before, the quote and "Lopez said."
    assert "Contains a quote by probably Maria Lopez." in notes_markdown("G", "", [whole], guessed)
    sure = notes_markdown("Geneva talks", "", [IN_QUOTE], QUOTES)
    assert "> — Maria Lopez" in sure and "probably" not in sure


def test_a_pasted_indented_note_keeps_its_indent_and_is_no_code_block() -> None:
    """A note's lines opening with a tab or four spaces (pasted) keep their indentation, as
    no-break spaces: never a code block, never the blanks dropped that a reader typed."""
    from markdown_it import MarkdownIt

    note = "My words:\n\tdef f():\n        return 1\n\n    Pasted paragraph\n    goes on"
    out = passage_markdown("The passage.", note=note)
    html = MarkdownIt("commonmark").render(out)
    assert "<pre>" not in html and "<code>" not in html
    nbsp = "\u00a0"
    assert f"<br />\n{nbsp * 4}def f():<br />\n{nbsp * 8}return 1</p>" in html
    assert f"Pasted paragraph<br />\n{nbsp * 4}goes on</p>" in html
    assert f"\n\n{nbsp * 4}Pasted paragraph  \n" in out  # the Markdown itself reads as typed
