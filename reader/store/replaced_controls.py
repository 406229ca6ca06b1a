"""Articles saved while control characters were read as U+FFFD, read again with them kept.

Until reading kept control characters (ESC, BEL, BS, ...) exactly, each was stored as U+FFFD,
one character for one. Reading such a file again gives a text of the same length that differs
only there, so a note's offsets still hold: its remembered passage and context are taken from
the new text at the same offsets before the notes are re-anchored, rather than searched for
(a short passage holding a replaced character would otherwise not be found and be orphaned).
"""

from __future__ import annotations

from sqlite_utils import Database

from reader.anchoring import selector_for

REPLACED = "\ufffd"


def _control(ch: str) -> bool:
    o = ord(ch)
    return o < 0x20 or 0x7F <= o <= 0x9F


def only_controls_restored(old: str, new: str) -> bool:
    """Whether `new` is `old` with some U+FFFD back as the control characters they were."""
    if len(old) != len(new) or old == new:
        return False
    return all(a == b or (a == REPLACED and _control(b)) for a, b in zip(old, new, strict=True))


def keep_offsets(db: Database, article_id: int, new: str) -> None:
    """The article's notes (all but orphans, which point into no current text) take their
    passage and context from `new` at the same offsets; call before re-anchoring onto it."""
    rows = db.execute(
        'SELECT id, start, "end" FROM annotations WHERE article_id = ? AND orphaned = 0',
        [article_id],
    ).fetchall()
    for ann_id, start, end in rows:
        sel = selector_for(new, start, end)
        db.execute(
            "UPDATE annotations SET exact = ?, prefix = ?, suffix = ? WHERE id = ?",
            [sel.exact, sel.prefix, sel.suffix, ann_id],
        )
