"""A highlight across two paragraphs keeps its paragraph break in Markdown exports (a `>`
blank `>` line), by the paragraphs the reader shows; expected output written by hand."""

from __future__ import annotations

from reader.export import annotation_markdown, library_markdown, notes_markdown
from reader.notes_record import ArticleNotes
from reader.paragraphs import paragraphed
from reader.store import Annotation

# News as it often comes: one paragraph per line, no blank lines.
NEWS = (
    "The mayor opened the new bridge on Monday morning before a crowd of several hundred.\n"
    "Traffic will start to flow across it on Wednesday, after the last inspections end.\n"
)
# A hard-wrapped book: single newlines only wrap; a blank line parts paragraphs.
BOOK = (
    "It was late in the evening when the old\n"
    "carriage came up the lane to the house,\n"
    "and nobody at all went out to meet it.\n"
    "\n"
    "She waited.\n"
)


def ann(text: str, start: int, end: int, note: str = "") -> Annotation:
    return Annotation(
        id=1, article_id=1, start=start, end=end, exact=text[start:end], prefix="", suffix="",
        color=1, note=note, created="2026-01-02T03:04:05+00:00",
        updated="2026-01-02T03:04:05+00:00", uuid="00000000-0000-4000-8000-000000000001",
    )


SPANNING = ann(NEWS, NEWS.index("a crowd"), NEWS.index(" to flow"), note="Check dates.")


def test_a_news_highlight_across_two_lines_is_two_paragraphs() -> None:
    expected = (
        "> a crowd of several hundred.\n"
        ">\n"
        "> Traffic will start\n"
        "\n"
        "Check dates.\n"
    )
    assert annotation_markdown(SPANNING, (), NEWS) == expected


def test_notes_and_library_markdown_keep_the_break() -> None:
    block = "> a crowd of several hundred.\n>\n> Traffic will start\n"
    assert block in notes_markdown("Bridge", "/b.txt", [SPANNING], (), NEWS)
    notes = ArticleNotes("Bridge", "/b.txt", [SPANNING], text=NEWS)
    assert block in library_markdown([notes])


def test_a_hard_wrapped_paragraph_stays_one_and_its_blank_line_parts_the_next() -> None:
    start, end = BOOK.index("came up"), BOOK.index("waited")
    assert paragraphed(BOOK, start, end) == (
        "came up the lane to the house,\nand nobody at all went out to meet it.\n\nShe "
    )


def test_a_passage_no_longer_in_the_text_is_exported_as_stored() -> None:
    moved = NEWS.replace("Monday", "Tuesday")
    assert annotation_markdown(SPANNING, (), moved).startswith(
        "> a crowd of several hundred.\n> Traffic will start\n"
    )


def test_reader_notes_keeps_the_break(db_path, make_doc) -> None:
    import subprocess
    import sys

    from reader.store import Store

    with Store.open(db_path) as s:
        a = s.save_article(make_doc(text=NEWS, title="Bridge", source="/news/bridge.txt"))
        start = NEWS.index("a crowd")
        s.add_annotation(a.id, NEWS, start, NEWS.index(" to flow"))
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db_path), "notes", "bridge"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "> a crowd of several hundred.\n>\n> Traffic will start\n" in done.stdout
