"""Which speaker the status line and s / S give a quote: the card the speakers panel lists it on.

A quote keeps the name it was given when its speaker's row joined a longer one ("the Church" in
the row of "Catholic Church"). Counted under that short name, the status line said "the Church ·
quote 1 of 1" while the panel said "Catholic Church · 2 quotes", and s never went from one to
the other. Indexed once per analysis: the status line asks at every cursor move.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.analysis.model import Analysis, Quote
from reader.ui.widgets.speaker_panel import build_cards


@dataclass(frozen=True, slots=True)
class QuoteIndex:
    """Each quote's speaker as the panel shows it, and its number among that speaker's."""

    analysis: Analysis | None = None
    #: quote id -> (the panel's speaker name, None for the unattributed; number; count)
    place: dict[int, tuple[str | None, int, int]] = field(default_factory=dict)
    #: the panel's speaker name -> their quotes in text order
    quotes: dict[str | None, list[Quote]] = field(default_factory=dict)

    @classmethod
    def of(cls, analysis: Analysis | None) -> QuoteIndex:
        quotes: dict[str | None, list[Quote]] = {}
        seen: set[int] = set()
        for card in build_cards(analysis) if analysis is not None else []:
            mine = [q for q in card.quotes if q.id not in seen]
            seen.update(q.id for q in mine)
            quotes.setdefault(card.name, []).extend(mine)
        # A quote on no card (none should be): under the name it was given, as before.
        for q in analysis.quotes if analysis is not None else []:
            if q.id not in seen:
                quotes.setdefault(q.speaker, []).append(q)
        place: dict[int, tuple[str | None, int, int]] = {}
        for name, same in quotes.items():
            same.sort(key=lambda q: q.start)
            for i, q in enumerate(same):
                place[q.id] = (name, i + 1, len(same))
        return cls(analysis, place, quotes)

    def speaker(self, quote: Quote) -> str | None:
        """The name the panel lists the quote under (the quote's own when not indexed)."""
        found = self.place.get(quote.id)
        return found[0] if found is not None else quote.speaker

    def number(self, quote: Quote) -> tuple[int, int]:
        """The quote's number among its speaker's, and how many they have."""
        found = self.place.get(quote.id)
        return (found[1], found[2]) if found is not None else (1, 1)
