"""How wide the status line's left half (the summary, or the analysis' progress) may be, so the
right half (what the last key did, or the quote under the cursor) is read whole.

The right half is what a person needs at that moment ("highlighted 21 words · 1-5 colour · n
note"); the left half says the same thing all the time. At 80 columns both rarely fit, and
the right half used to lose its end ("… · escape again for…").
"""

from __future__ import annotations

from rich.cells import cell_len

#: Cells between the halves (the right half's left padding) and before the position ("42%").
GAP = 2
#: The widest position the right end shows: "100%".
POSITION_CELLS = 4


def summary_room(total: int, info: str, *, cap: int, taken: int = 0) -> int:
    """Cells left for the summary in a status line `total` cells wide, when the right half
    shows `info` whole; never more than `cap` (the stylesheet's max-width) and never less than
    0. `taken` is what else stands on the line (the progress bar while the analysis runs)."""
    right = GAP + cell_len(info) if info else 0
    room = total - right - GAP - POSITION_CELLS - taken
    return max(0, min(cap, room))


def info_lines(total: int, info: str, *, taken: int = 0) -> int:
    """How many lines the right half needs in a status line `total` cells wide: 2 when `info`
    does not fit beside the position even with no summary (at 80 columns, "wrapped to a 911
    emergency dispatch operator’s first quote · …" lost its end), else 1."""
    room = total - GAP - GAP - POSITION_CELLS - taken
    return 1 if cell_len(info) <= room else 2
