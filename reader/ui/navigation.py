"""Sentences and words around an offset: where the reading cursor and the keyboard selection
stop. Pure Python (no Textual).

A paragraph can be a whole book (a text without line breaks), so nothing here walks a whole
paragraph per key press: sentences are split per paragraph only as far as the reader has
gone (`Sentences`, kept per paragraph) and found by bisection; word stops come from a window
around the offset.
"""

from __future__ import annotations

from bisect import bisect_right

from reader.sentences import Sentences, word_spans

Span = tuple[int, int]

#: Paragraphs whose sentences are kept; beyond this the cache starts again.
MAX_CACHED_UNITS = 4096
#: Sentences on each side of the offset given to the selection's moves.
SENTENCES_AROUND = 3
#: Characters on each side of the offset first searched for words (grown when too few).
WORD_WINDOW = 512


class Navigator:
    """The sentence and word spans of one text, split into layout units."""

    def __init__(self, text: str, units: tuple[list[int], list[int], list[int]]) -> None:
        self.text = text
        self.starts, self.ends, _ = units
        self._sentences: dict[int, Sentences] = {}

    def unit_at(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def sentences(self, unit: int) -> Sentences:
        found = self._sentences.get(unit)
        if found is None:
            if len(self._sentences) >= MAX_CACHED_UNITS:
                self._sentences.clear()
            found = Sentences(self.text, self.starts[unit], self.ends[unit])
            self._sentences[unit] = found
        return found

    def first_sentence(self, unit: int) -> Span:
        return self.sentences(unit).first()

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding offset, else the next one (offset between sentences)."""
        if not self.starts:
            return (0, 0)
        unit = self.unit_at(offset)
        span = self.sentences(unit).at(offset)
        if offset < span[1] or unit + 1 >= len(self.starts):
            return span
        return self.first_sentence(unit + 1)

    def neighbour(self, span: Span, step: int) -> Span | None:
        """The sentence ``step`` (1 or -1) from ``span``; None past either end of the text."""
        unit = self.unit_at(span[0])
        sentences = self.sentences(unit)
        index = sentences.index_at(span[0])
        if sentences.get(index) != span:
            return self.sentence_at(span[0])
        found = sentences.get(index + step)
        if found is not None:
            return found
        unit += step
        if 0 <= unit < len(self.starts):
            near = self.sentences(unit)
            return near.first() if step > 0 else near.last()
        return None

    def spans_around(self, offset: int, kind: str) -> list[Span]:
        """Sentence or word spans near offset (a few on each side, across paragraph breaks),
        in text order."""
        if not self.starts:
            return []
        if kind == "word":
            return self._words_around(offset)
        return self._sentences_around(offset)

    def _sentences_around(self, offset: int) -> list[Span]:
        unit = self.unit_at(offset)
        sentences = self.sentences(unit)
        index = sentences.index_at(offset)
        spans: list[Span] = []
        low = index - SENTENCES_AROUND
        if low < 0 and unit > 0:
            before = self.sentences(unit - 1)
            last = before.index_at(before.end)
            spans += [s for i in range(last + low + 1, last + 1) if (s := before.get(i))]
        for i in range(max(0, low), index + SENTENCES_AROUND + 1):
            found = sentences.get(i)
            if found is None:
                if unit + 1 < len(self.starts):
                    after = self.sentences(unit + 1)
                    spans += [s for j in range(SENTENCES_AROUND) if (s := after.get(j))]
                break
            spans.append(found)
        return spans

    def _words_around(self, offset: int) -> list[Span]:
        unit = self.unit_at(offset)
        low_bound = self.starts[max(0, unit - 1)]
        high_bound = self.ends[min(len(self.ends) - 1, unit + 1)]
        window = WORD_WINDOW
        text = self.text
        while True:
            lo = max(low_bound, offset - window)
            hi = min(high_bound, offset + window)
            spans = word_spans(text, lo, hi)
            if spans and lo > low_bound and spans[0][0] == lo and not text[lo - 1].isspace():
                spans.pop(0)  # a word cut by the window
            if spans and hi < high_bound and spans[-1][1] == hi and not text[hi].isspace():
                spans.pop()
            before = sum(1 for s in spans[:2] if s[1] <= offset)
            after = sum(1 for s in spans[-2:] if s[0] >= offset)
            if (lo == low_bound or before == 2) and (hi == high_bound or after == 2):
                return spans
            window *= 4
