"""Wrapping and offset mapping (pure, no Textual app)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.sanitize import inert, one_line
from reader.sentences import split_sentences, word_spans
from reader.ui.layout import (
    WrapLayout,
    char_display,
    line_columns,
    line_pieces,
    wrap_unit,
)
from reader.ui.text_units import split_units

ODD_CHARS = st.sampled_from(
    [
        *"abc xyz.,\t\n\r", "\r\n", "\n\n", "日本", "語", "😀", "👍🏽", "e\u0301", "\u0301",
        "\u200d", "\ufe0f", "\x1b", "\x07", "\x9b", "\x00", "\x7f", "\u202e", "\u3000",
        "\u00a0", "ß", "“q”", "\U000e0001", "\ud800", "verylongwordwithoutanyspacesatall",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(ODD_CHARS, max_size=120).map("".join),
)


def _layout_lines(layout: WrapLayout) -> list[tuple[int, int, int] | None]:
    layout.refine_all()
    return [layout.line(y) for y in range(layout.line_count)]


def test_units_keep_paragraphs_and_blank_lines() -> None:
    single = "One.\nTwo.\nThree."
    starts, ends, gaps = split_units(single)
    assert [single[s:e] for s, e in zip(starts, ends, strict=True)] == ["One.", "Two.", "Three."]
    assert gaps == [0, 1, 1]  # one blank visual line between single-newline paragraphs
    double = "One.\r\n\r\nTwo.\n\n\n\n\nThree."
    starts, ends, gaps = split_units(double)
    assert [double[s:e] for s, e in zip(starts, ends, strict=True)] == ["One.", "Two.", "Three."]
    assert gaps == [0, 1, 2]  # long runs of blank lines are capped at two


def test_hard_wrapped_paragraph_is_reflowed_but_verse_is_not() -> None:
    prose = ("a" * 30 + " " + "b" * 30 + "\n") * 3 + "end.\n\nNext paragraph."
    starts, ends, _ = split_units(prose)
    assert len(starts) == 2 and prose[starts[0]:ends[0]].endswith("end.")
    verse = "Roses are red,\nviolets are blue.\n\nSecond stanza."
    starts, _, gaps = split_units(verse)
    assert len(starts) == 3 and gaps == [0, 0, 1]


def test_wrap_breaks_at_spaces_and_splits_long_words() -> None:
    text = "aaa bbb ccc dddddddddddd"
    starts = wrap_unit(text, 0, len(text), 8)
    assert [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)] == [
        "aaa bbb ", "ccc ", "dddddddd", "dddd"]


def test_wide_chars_never_straddle_the_edge() -> None:
    text = "日本語のテキスト"
    layout = WrapLayout(text, 5)
    lines = _layout_lines(layout)
    assert [text[line[1]:line[2]] for line in lines if line] == ["日本", "語の", "テキ", "スト"]


def test_control_chars_display_as_one_inert_cell() -> None:
    for ch in "\x00\x07\x1b\x7f\x9b\x85":
        shown, cells = char_display(ch)
        assert cells == 1 and len(shown) == 1
        assert not (ord(shown) < 32 or 0x7F <= ord(shown) < 0xA0)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, width=st.integers(min_value=2, max_value=40))
def test_offsets_round_trip_and_lines_fit(text: str, width: int) -> None:
    layout = WrapLayout(text, width)
    lines = _layout_lines(layout)
    covered = []
    for y, line in enumerate(lines):
        if line is None:
            continue
        _, start, end = line
        covered.append((start, end))
        pieces = line_pieces(text, start, end, width)
        drawn = "".join(piece for _, _, piece in pieces)
        assert cell_len(drawn) <= width
        for ch in drawn:  # nothing a terminal would act on
            assert not (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0), repr(ch)
            assert not (0xD800 <= ord(ch) < 0xE000)
        cols = line_columns(text, start, end)
        for index in range(end - start):
            offset = start + index
            assert layout.offset_to_point(offset) == (y, cols[index])
            if char_display(text[offset], cols[index])[1] > 0 and cols[index] < width:
                assert layout.point_to_offset(y, cols[index]) == offset
    # lines are in text order and never overlap
    for (_, end), (start, _) in pairwise(covered):
        assert end <= start
    # every offset (also between paragraphs) maps to an existing line
    for offset in range(len(text) + 1):
        y, x = layout.offset_to_point(offset)
        assert 0 <= y < max(1, layout.line_count)
        assert x >= 0


@settings(max_examples=100, deadline=None)
@given(text=TEXTS)
def test_lazy_and_complete_layouts_agree(text: str) -> None:
    lazy = WrapLayout(text, 12)
    lazy.refine_lines(0, 3)
    lazy.refine_all()
    eager = WrapLayout(text, 12)
    eager.refine_all()
    assert lazy.line_count == eager.line_count
    assert [lazy.line(y) for y in range(lazy.line_count)] == [
        eager.line(y) for y in range(eager.line_count)]


def test_crlf_and_tabs_keep_offsets() -> None:
    text = "a\tb said \u201cyes\u201d\r\nnext\tline"
    layout = WrapLayout(text, 40)
    layout.refine_all()
    quote = text.index("\u201c")
    y, x = layout.offset_to_point(quote)
    assert (y, x) == (0, 11)  # the tab expands to column 4: "a   b said "
    assert layout.point_to_offset(y, x) == quote
    nxt = text.index("next")
    assert layout.offset_to_point(nxt)[1] == 0
    assert layout.point_to_offset(*layout.offset_to_point(nxt)) == nxt


def test_sentences_respect_abbreviations_and_quotes() -> None:
    text = "U.S. officials met Mr. Smith on Oct. 7. \u201cWe agree,\u201d he said. Then it ended!"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "U.S. officials met Mr. Smith on Oct. 7.",
        "\u201cWe agree,\u201d he said.",
        "Then it ended!",
    ]
    assert [text[a:b] for a, b in word_spans(text, 0, 18)] == ["U.S.", "officials", "met"]


def test_sanitize_keeps_length_and_removes_controls() -> None:
    hostile = "a\x1b[31mred\x1b[0m\x07\x9b\u202e"
    safe = inert(hostile)
    assert len(safe) == len(hostile)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in safe)
    assert one_line("a\n\nb\tc", 0) == "a b c"


def test_long_single_newline_lines_stay_paragraphs_beside_blank_lines() -> None:
    long_line = "word " * 40
    text = f"Title\r\n\r\n{long_line}\n{long_line}\n{long_line}"
    starts, ends, gaps = split_units(text)
    assert len(starts) == 4 and gaps == [0, 1, 1, 1]
    assert text[starts[1]:ends[1]] == long_line


def test_layout_is_lazy_and_consistent_before_completion() -> None:
    paragraph = "A sentence of reasonable length that wraps a few times in the view. " * 6
    text = "\n".join([paragraph.strip()] * 5000)
    layout = WrapLayout(text, 60)
    layout.refine_lines(0, 30)
    assert not layout.complete
    last = layout.line_count - 1
    found = layout.line(last)
    assert found is not None  # the end is reachable from estimates alone
    y, _ = layout.offset_to_point(found[1])
    assert y == last
    assert layout.point_to_offset(*layout.offset_to_point(len(text) - 5)) == len(text) - 5


@settings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_sentences_and_words_stay_in_bounds_and_in_order(text: str) -> None:
    for spans in (split_sentences(text), word_spans(text)):
        previous_end = 0
        for start, end in spans:
            assert previous_end <= start < end <= len(text)
            assert text[start:end].strip() == text[start:end]
            previous_end = end
