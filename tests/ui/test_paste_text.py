"""Pasted and typed text as the reader takes it, without an app: a one-line field's paste
(reader.ui.widgets.field.one_line) and the terminal decoder's bracketed paste
(reader.ui.terminal_input). Review findings: a one-line paste lost its spaces, and a paste
whose start marker came in two reads let its ESCs through raw."""

from __future__ import annotations

import pytest

from reader.ui.terminal_input import ESC_IN_PASTE, PasteSafeDecoder
from reader.ui.widgets.field import one_line


@pytest.mark.parametrize("pasted", [" Harris", "  two  spaces  ", "tab\there"])
def test_a_one_line_paste_is_taken_as_it_is(pasted: str) -> None:
    """" Harris" pasted after "Biden" gave "BidenHarris": every paste was stripped."""
    assert one_line(pasted) == pasted


def test_a_paste_of_several_lines_is_one_line_its_spaces_inside_kept() -> None:
    assert one_line("\n  keep  these \r\n\n  and  these  \n") == "keep  these and  these"
    assert one_line(" Harris\n") == " Harris"


@pytest.mark.parametrize("cut", range(1, 7))
def test_a_paste_start_marker_cut_in_two_is_found(cut: int) -> None:
    """Only a cut end marker was looked for: a start marker cut across two reads let the
    paste's ESC through, which Textual reads as a key (the paste came out reordered)."""
    sent = b"ab\x1b[200~x\x1bY\x1b[201~z"
    decoder = PasteSafeDecoder("utf-8")
    got = decoder.decode(sent[: 2 + cut]) + decoder.decode(sent[2 + cut :])
    assert got == f"ab\x1b[200~x{ESC_IN_PASTE}Y\x1b[201~z"


def test_the_escape_key_alone_is_passed_on_at_once() -> None:
    """A lone ESC (the escape key) is never held for the next read, marker or not."""
    assert PasteSafeDecoder("utf-8").decode(b"\x1b") == "\x1b"
