"""Who speaks in a highlighted passage, for exports and copies (no Textual, no spaCy).

A passage is someone's words only when it lies within their quotes: the text outside every
quote it touches holds no letters or digits (at most marks, punctuation and spaces). A passage
that merely contains a quote, like "Blinken said he would bring up “the challenges…”", is the
narrator's; it is said to contain a quote by Blinken, never signed by him.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.model import Quote


@dataclass(frozen=True, slots=True)
class Attribution:
    #: The passage lies within this speaker's words.
    speaker: str | None = None
    #: Otherwise: the speakers of the quotes the passage contains (or part of them), in order.
    quoted: tuple[str, ...] = ()
    #: How many quotes with a known speaker the passage touches ("a quote" or "quotes").
    quotes: int = 0
    #: The engine only guesses ``speaker`` (every quote of theirs the passage lies in is
    #: uncertain): exports say "probably".
    uncertain: bool = False

    @property
    def said_by(self) -> str | None:
        """The speaker as exports name them: "probably Elinor" for a guess."""
        if self.speaker is None:
            return None
        return f"probably {self.speaker}" if self.uncertain else self.speaker


def guessed_rule(rule: str | None, confidence: float | None = None) -> bool:
    """Whether a quote found by the sieve rule `rule` is a guess, for lists that keep the rule
    but not the Quote: its own `confidence` (as Quote.uncertain reads it; the ranker's
    overrules the rule's) when kept, else the rule's, below ``UNCERTAIN_BELOW``."""
    from reader.analysis.model import UNCERTAIN_BELOW
    from reader.analysis.sieve import confidence_of

    if confidence is None:
        confidence = confidence_of(rule) if rule else None
    return confidence is not None and confidence < UNCERTAIN_BELOW


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def attribution(start: int, end: int, exact: str, quotes: Iterable[Quote]) -> Attribution:
    """Who speaks in exact == text[start:end], given the article's quotes."""
    touched = [
        q
        for q in sorted(quotes, key=lambda q: q.start)
        if q.start < end
        and start < q.end
        and _has_words(exact[max(q.start, start) - start : min(q.end, end) - start])
    ]
    if not touched:
        return Attribution()
    covered = bytearray(len(exact))
    for q in touched:
        lo, hi = max(q.start, start) - start, min(q.end, end) - start
        covered[lo:hi] = b"\x01" * (hi - lo)
    outside = "".join(ch for ch, inside in zip(exact, covered, strict=True) if not inside)
    known = [q.speaker for q in touched if q.speaker]
    if not _has_words(outside) and len({q.speaker for q in touched}) == 1:
        guessed = all(q.uncertain for q in touched)
        return Attribution(speaker=touched[0].speaker, quotes=len(known), uncertain=guessed)
    sure = {q.speaker for q in touched if q.speaker and not q.uncertain}
    named = [who if who in sure else f"probably {who}" for who in dict.fromkeys(known)]
    return Attribution(quoted=tuple(named), quotes=len(known))


def names(people: Iterable[str]) -> str:
    """Names joined for a sentence: A; A and B; A, B and C."""
    items = list(people)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def contains_line(who: Attribution) -> str:
    """The line for a passage that is not all quote ("Contains a quote by X."), or ""."""
    if who.speaker is not None or not who.quoted:
        return ""
    what = "a quote" if who.quotes == 1 else "quotes"
    return f"Contains {what} by {names(who.quoted)}."
