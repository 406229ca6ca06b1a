"""What the terminal sends, decoded so that nothing typed or pasted crashes or is reordered.

Textual's Linux driver decodes the terminal's input with a strict UTF-8 decoder in its input
thread: one byte that is not UTF-8 (an xterm whose Alt sets the eighth bit, a terminal left in
Latin-1, binary pasted by mistake) raised UnicodeDecodeError there and ended the reader at
once, with Textual's traceback, whatever note was being typed. The driver takes its decoder
from `codecs.getincrementaldecoder` as imported into its module; this gives it a decoder with
errors="replace" (Textual has no option for it).

The same decoder keeps a bracketed paste whole. Textual's parser reads an ESC inside a paste
as the start of a key sequence: the words after it arrived as key presses, before the paste
itself, so a note pasted with a colour code in it (`git diff --color | xclip`, a log) came out
reordered ("III\\x1bJJJ" became "^JJJIII"). Inside a paste each ESC becomes the symbol the
reader shows ESC as everywhere (␛, reader.sanitize), so the paste reaches the editor as one
piece, in order.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
#: An ESC inside a paste: its control picture, as reader.sanitize shows ESC.
ESC_IN_PASTE = "\u241b"


class PasteSafeDecoder:
    """An incremental decoder (errors="replace") that also turns each ESC inside a bracketed
    paste into ESC_IN_PASTE. A possible start of the paste's end marker at the end of a read is
    held back until the next read, so a marker cut in two is still found. A start marker cut
    in two is found from the last characters passed on before (never held back: a lone ESC at
    the end of a read is the escape key, which must not wait for the next key)."""

    def __init__(self, encoding: str) -> None:
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._in_paste = False
        self._held = ""
        #: The last characters passed on outside a paste: where a start marker may begin.
        self._tail = ""

    def decode(self, data: bytes, final: bool = False) -> str:
        text = self._held + self._decoder.decode(data, final)
        self._held = ""
        out: list[str] = []
        at = 0
        lead = self._tail
        while at < len(text):
            if not self._in_paste:
                start = (lead + text[at:]).find(PASTE_START)
                if start < 0:
                    out.append(text[at:])
                    break
                marker_end = at + start - len(lead) + len(PASTE_START)
                out.append(text[at:marker_end])
                at = marker_end
                self._in_paste = True
                lead = ""
                continue
            lead = ""
            end = text.find(PASTE_END, at)
            if end >= 0:
                out.append(text[at:end].replace("\x1b", ESC_IN_PASTE) + PASTE_END)
                at = end + len(PASTE_END)
                self._in_paste = False
                continue
            rest = text[at:]
            keep = len(rest) if final else _before_partial_end(rest)
            out.append(rest[:keep].replace("\x1b", ESC_IN_PASTE))
            self._held = rest[keep:]
            break
        passed = "".join(out)
        self._tail = "" if self._in_paste else (self._tail + passed)[1 - len(PASTE_START):]
        return passed


def _before_partial_end(text: str) -> int:
    """Where a proper beginning of PASTE_END that ends `text` starts (len(text) if none)."""
    for size in range(min(len(PASTE_END) - 1, len(text)), 0, -1):
        if text.endswith(PASTE_END[:size]):
            return len(text) - size
    return len(text)


def _lenient(encoding: str) -> Callable[[], PasteSafeDecoder]:
    return lambda: PasteSafeDecoder(encoding)


def tolerate_invalid_input() -> None:
    """Make the terminal driver decode what it reads leniently (call before App.run)."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not on a POSIX terminal: another driver, another decoder
        return
    if hasattr(linux_driver, "getincrementaldecoder"):
        linux_driver.getincrementaldecoder = _lenient  # type: ignore[assignment]
