"""What `h` says it did: found by a new user, `h` over highlights that already covered the
passage said "highlight extended" though not one more word was highlighted."""

from __future__ import annotations

from reader.store.records import Highlighted


def adds_words(text: str, span: tuple[int, int], covered: list[tuple[int, int]]) -> bool:
    """Whether `span` of `text` holds a letter or digit outside the `covered` spans."""
    at = span[0]
    for start, end in sorted(covered):
        if start > at and any(ch.isalnum() for ch in text[at : min(start, span[1])]):
            return True
        at = max(at, end)
    return any(ch.isalnum() for ch in text[at : span[1]])


def highlight_said(done: Highlighted, text: str) -> str:
    """The status line's words for what highlighting did."""
    ann = done.annotation
    words = len(ann.exact.split())
    if done.outcome == "existing":
        return "already highlighted · 1-5 colour · n note · x delete"
    if done.outcome == "merged":
        covered = [(a.start, a.end) for a in done.replaced]
        if not adds_words(text, (ann.start, ann.end), covered):
            joined = f" · its {len(covered)} highlights joined in one" if len(covered) > 1 else ""
            return f"already highlighted{joined} · u undoes"
        return f"highlight extended to {words} words · u undoes"
    return f"highlighted {words} word{'' if words == 1 else 's'} · 1-5 colour · n note"
