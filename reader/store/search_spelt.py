"""Marks found in a row's umlauts-spelt-out copy, put back on the row's own words.

The index holds, beside each row's body, the body with its umlauts spelt out (reader.fold,
search_index): "Mueller" is found in "Müller"'s copy, "Mueller", and the hit must mark and open
at "Müller" in the article. The two texts differ only where one character became two, so each
mark maps back by reader.fold.spelt_places; the marks of both are joined.
"""

from __future__ import annotations

from reader.fold import spelt_places


def _spans(marked: str, opening: str, closing: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without the marks, and where each marked piece is in it."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    size, at = 0, 0
    while True:
        start = marked.find(opening, at)
        end = marked.find(closing, start + 1) if start >= 0 else -1
        if end < 0:
            plain.append(marked[at:].replace(opening, "").replace(closing, ""))
            break
        before, inside = marked[at:start], marked[start + len(opening):end]
        plain += [before, inside]
        spans.append((size + len(before), size + len(before) + len(inside)))
        size += len(before) + len(inside)
        at = end + len(closing)
    return "".join(plain), spans


def with_spelt_marks(body: str, spelt: str, opening: str, closing: str) -> str:
    """`body` (marked) with the marks of `spelt`, its spelt-out copy (marked), added on the
    words they stand for ("[Mueller]" in the copy marks "[Müller]" in the body)."""
    plain, spans = _spans(body, opening, closing)
    spelt_plain, spelt_spans = _spans(spelt, opening, closing)
    places = spelt_places(plain)
    if not spelt_spans or len(places) != len(spelt_plain) + 1:
        return body  # nothing marked there (or not this body's copy)
    spans += [(places[s], places[e - 1] + 1) for s, e in spelt_spans if e > s]
    out: list[str] = []
    done = 0
    for start, end in sorted(spans):
        if start < done:  # marked in both (a typed "Müller" finds the word and its copy)
            if end > done:
                out[-2:] = [out[-2] + plain[done:end], closing]
                done = end
            continue
        out += [plain[done:start], opening, plain[start:end], closing]
        done = end
    return "".join([*out, plain[done:]])
