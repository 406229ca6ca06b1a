"""The one policy for putting article text (data) in front of a person or into JSON.

Article text, titles, sources, names and notes may hold anything a file or a web page held.
Whatever a terminal, a spreadsheet or a bidi-aware viewer would *act on* is replaced before it
is shown, the same way everywhere (the UI's labels and toasts, `reader library`, `reader notes`
as Markdown or CSV, `reader analyze --format text`):

- C0 controls become their visible control pictures (ESC → ␛, BEL → ␇), DEL becomes ␡;
- C1 controls, lone surrogates and the bidi controls that reorder text on screen (U+061C,
  U+200E/U+200F, U+202A–U+202E, U+2066–U+2069) become U+FFFD.

Each replacement is one character for one, so offsets stay valid. On screen only (the UI, and
the one-line previews of the command line), characters whose width terminals disagree on are
shown as nothing: emoji skin-tone modifiers (tmux 3.3 and xterm draw 👍🏽 in four cells, Rich
and newer terminals in two, so everything after it on the line shifts) and variation selectors
(❤️ is one cell in tmux, two in Rich). The emoji is shown in its default form; exports keep
every character. JSON output is different: it
keeps the data exact, and `dumps` writes every such character as a ``\\uXXXX`` escape instead.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

#: Bidi formatting characters: they reorder what follows on screen ("Trojan Source").
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}\ud800-\udfff]")
#: What JSON must escape beyond json.dumps's own C0 escapes (it passes these through raw).
#: U+2028/U+2029 too: they end a line in JavaScript and in some viewers.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029\ud800-\udfff]")


#: Shown as nothing on screen: terminals and Rich count their cells differently.
_WIDTH_DISPUTED = re.compile("[\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0100-\U000e01ef]")
ZERO_WIDTH_SPACE = "\u200b"


def width_disputed(ch: str) -> bool:
    """A character terminals do not agree how many cells to give (see the module's doc)."""
    return _WIDTH_DISPUTED.fullmatch(ch) is not None


def settle_widths(text: str) -> str:
    """``text`` for the screen: width-disputed characters become a zero-width space, which
    every terminal and Rich give no cell (one character for one: offsets stay valid)."""
    return _WIDTH_DISPUTED.sub(ZERO_WIDTH_SPACE, text)


def _picture(match: re.Match[str]) -> str:
    o = ord(match.group())
    if o < 32:
        return chr(0x2400 + o)
    if o == 127:
        return "\u2421"
    return "\ufffd"


def inert(text: str, *, newlines: bool = True) -> str:
    """``text`` with every terminal or bidi control replaced by a visible symbol, same length.

    ``\\n`` and ``\\t`` stay; with ``newlines=False`` they become spaces (one-line labels).
    """
    safe = _UNSAFE.sub(_picture, text)
    if not newlines:
        safe = safe.replace("\n", " ").replace("\t", " ")
    return safe


def inert_lines(text: str) -> str:
    """For line-based exports (Markdown, CSV): line breaks normalised to ``\\n``, then inert."""
    return inert(text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str, limit: int = 0) -> str:
    """A single-line, inert preview of ``text``: whitespace runs, and every line break (CR, FF,
    VT, NEL, U+2028...) with them, become one space; then the controls left are made inert and
    the widths settled (``settle_widths``): previews are for the screen."""
    flat = settle_widths(inert(" ".join(text.split()), newlines=False))
    if limit and len(flat) > limit:
        flat = flat[: max(0, limit - 1)].rstrip() + "\u2026"
    return flat


def is_unsafe(ch: str) -> bool:
    """True for a character this policy never shows raw."""
    return _UNSAFE.fullmatch(ch) is not None


def escape_json(text: str) -> str:
    """JSON text (from json.dumps) with controls, bidi controls and lone surrogates escaped.

    Outside strings json.dumps writes only ASCII, so every match is inside a string and the
    escape decodes back to the same character: the data stays exact.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """JSON that keeps non-ASCII text readable but never carries a raw control character."""
    return escape_json(json.dumps(data, ensure_ascii=False, indent=indent))


def dump(data: Any, out: TextIO, *, indent: int | None = 2) -> None:
    """``dumps`` written as it is encoded, for output too large to build as one string (each
    piece is escaped alone: the escape works character by character)."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=indent)
    for piece in encoder.iterencode(data):
        out.write(escape_json(piece))
