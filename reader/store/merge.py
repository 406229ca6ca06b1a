"""Merging two edits of one note made at the same time, so neither is lost.

A three-way merge by words: `base` is the note both editors started from, `theirs` what the
database holds now, `mine` what is being saved. When both sides only added words (before, after
or inside the base), the additions all go in, two at the same place theirs first. When either
rewrote or removed words of the base, or both wrote a first note, both whole texts are kept,
one after the other under a visible line: a word merge of two rewrites makes a sentence neither
window wrote ("window two words plus edit" from "window one words plus edit" and "window two
words"), and a join without the line reads as one note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

#: Put between the two whole texts when both rewrote the same words.
CONFLICT_LINE = "── also written at the same time, in another window ──"

_TOKEN = re.compile(r"\s+|\S+")


@dataclass(frozen=True, slots=True)
class Merged:
    text: str
    #: True when both texts are kept whole (both changed the same words differently).
    conflict: bool


def extends(longer: str, shorter: str) -> bool:
    """Whether `longer` is `shorter` with words added before or after it, so it stands for
    both. Not a mere substring: "ok" is inside "look at page 4", yet that note is a rewrite,
    and taking the longer one would drop "ok"."""
    longer, shorter = longer.strip(), shorter.strip()
    if not shorter or shorter == longer:
        return True
    if longer.startswith(shorter):
        return not longer[len(shorter)].isalnum() or not shorter[-1].isalnum()
    if longer.endswith(shorter):
        return not longer[-len(shorter) - 1].isalnum() or not shorter[0].isalnum()
    return False


def added_to(taken: str, text: str) -> str:
    """The words `text` adds before or after `taken` ("" when none): what an editor typed
    since another window took its words and stored them. `text` whole when it rewrote them."""
    text_s, taken_s = text.strip(), taken.strip()
    if not taken_s or not extends(text_s, taken_s):
        return text
    if text_s.startswith(taken_s):
        return text_s[len(taken_s):].strip()
    return text_s[: len(text_s) - len(taken_s)].strip()


def merge_notes(base: str, theirs: str, mine: str) -> Merged:
    """Both edits of `base` in one text; nothing either side typed is dropped."""
    if mine in (theirs, base):
        return Merged(theirs, False)
    if theirs == base:
        return Merged(mine, False)
    merged = _merge_words(base, theirs, mine) if base.strip() else None
    if merged is not None:
        return Merged(merged, False)
    return Merged(f"{theirs.rstrip()}\n\n{CONFLICT_LINE}\n{mine.strip()}", True)


def _changes(base: list[str], other: list[str]) -> list[tuple[int, int, list[str]]]:
    """Where `other` differs from `base`: (start, end) in base words, and what replaces them."""
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [
        (i1, i2, other[j1:j2])
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]


def _merge_words(base: str, theirs: str, mine: str) -> str | None:
    """The merge of two sets of additions, or None when either side rewrote or removed words
    of the base (a change of spacing alone is no rewrite)."""
    words = _TOKEN.findall(base)
    edits = [(i1, i2, new, 0) for i1, i2, new in _changes(words, _TOKEN.findall(theirs))]
    edits += [(i1, i2, new, 1) for i1, i2, new in _changes(words, _TOKEN.findall(mine))]
    if any("".join(words[i1:i2]).strip() for i1, i2, _, _ in edits):
        return None
    for longer, shorter in ((theirs, mine), (mine, theirs)):
        if extends(longer, shorter):
            return longer  # the same words added on both sides, more on one: not twice
    edits.sort(key=lambda e: (e[0], e[1], e[3]))
    # Group edits that overlap or touch into hunks, each over one stretch of base words.
    hunks: list[list[tuple[int, int, list[str], int]]] = []
    for edit in edits:
        if hunks and edit[0] <= max(e[1] for e in hunks[-1]):
            hunks[-1].append(edit)
        else:
            hunks.append([edit])
    out: list[str] = []
    at = 0
    for hunk in hunks:
        lo = hunk[0][0]
        hi = max(e[1] for e in hunk)
        out += words[at:lo]
        sides = [[e for e in hunk if e[3] == side] for side in (0, 1)]
        versions = [_apply(words, lo, hi, side) for side in sides]
        if not sides[0] or not sides[1] or versions[0] == versions[1]:
            out += versions[1] if sides[1] else versions[0]
        elif lo == hi:
            # Both added text at the same place: keep both, theirs first.
            first, second = "".join(versions[0]), "".join(versions[1])
            glue = "" if first[-1:].isspace() or second[:1].isspace() else " "
            out.append(first + glue + second)
        else:
            return None
        at = hi
    out += words[at:]
    return "".join(out)


def _apply(
    words: list[str], lo: int, hi: int, edits: list[tuple[int, int, list[str], int]]
) -> list[str]:
    """base words[lo:hi] with one side's edits applied."""
    out: list[str] = []
    at = lo
    for i1, i2, new, _ in edits:
        out += words[at:i1]
        out += new
        at = i2
    out += words[at:hi]
    return out
