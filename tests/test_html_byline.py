"""A page whose byline is a <p class="byline"> keeps its paragraphs apart: trafilatura drops
the byline, finds the rest short and takes its baseline's text, one paragraph for the whole
<article>; the paragraphs are cut back where the page's own meet (the real trafilatura)."""

from __future__ import annotations

from reader.html_fused import split_fused
from reader.html_text import html_to_text

PARAGRAPHS = [
    "Port strike ends after deal",
    "By Sam Ortega",
    "Dockworkers returned to work on Monday after a tentative agreement. \"This is a fair "
    "deal,\" said union president Lena Park.",
    "The port authority said in a statement that operations \"will resume fully by "
    "Wednesday.\"",
]
PAGE = (
    "<html><head><title>Port strike ends after deal | Harbor Times</title></head><body>"
    "<article><h1>{0}</h1><p class=\"byline\">{1}</p>\n<p>{2}</p>\n<p>{3}</p></article>"
    "</body></html>"
)


def test_a_byline_paragraph_does_not_fuse_the_article_into_one() -> None:
    text = html_to_text(PAGE.format(*PARAGRAPHS)).text
    assert text.split("\n\n") == PARAGRAPHS


def test_a_block_is_cut_only_where_it_is_exactly_the_pages_paragraphs() -> None:
    fused = " ".join(PARAGRAPHS[2:])
    assert split_fused(fused, PARAGRAPHS) == PARAGRAPHS[2:]
    # Not a run of the page's paragraphs end to end: left as trafilatura gave it.
    assert split_fused(fused + " More.", PARAGRAPHS) == [fused + " More."]
    assert split_fused(PARAGRAPHS[2], PARAGRAPHS) == [PARAGRAPHS[2]]
