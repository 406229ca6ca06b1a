"""Making article text safe to draw anywhere in the UI (labels, cards, toasts).

Text is data: wrap the result in ``Content(...)`` (never markup). This removes what a
terminal would act on: C0/C1 controls become visible control pictures (one char for
one char, so lengths and offsets stay the same), bidi and other format controls are
replaced too.
"""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _picture(match: re.Match[str]) -> str:
    ch = match.group()
    o = ord(ch)
    if o < 32:
        return chr(0x2400 + o)
    if o == 127:
        return "\u2421"
    return "\ufffd"


def inert(text: str, *, newlines: bool = True) -> str:
    """``text`` with every terminal control replaced by a visible symbol, same length.

    With ``newlines=False``, ``\\n`` and ``\\t`` become spaces too (for one-line labels).
    """
    safe = _UNSAFE.sub(_picture, text)
    if not newlines:
        safe = safe.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return safe


def one_line(text: str, limit: int = 0) -> str:
    """A single-line, inert preview of ``text`` (whitespace runs collapsed)."""
    flat = " ".join(inert(text, newlines=False).split())
    if limit and len(flat) > limit:
        flat = flat[: max(0, limit - 1)].rstrip() + "\u2026"
    return flat


def is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" and ch not in "\n\t"
