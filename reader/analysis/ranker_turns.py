"""What the ranker weighs of the turn-taking around a quote, beyond the turns' speakers.

Two people talking alternate, but only while the exchange runs on paragraph after paragraph:
once a paragraph of narration breaks it ("Elinor smiled."), the next turn is as often the
person the narration just showed acting as the one whose turn it would be. So the common row's
"who spoke two turns back" is split by whether the exchange is unbroken and how long it has
run, and the people the narration between the previous quote and this one names, or makes
subjects, are marked. And an uncued turn of its own, the case the common row's weights fit
least (they are shared with pronoun cues and quotes inside narration), has a copy of the common
columns (``gated_columns``) with weights of its own: an interaction, as the pronoun cue has.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.analysis.references import DiscourseState
    from reader.analysis.state import QuoteInfo

#: How many quote-bearing paragraphs in a row count towards an exchange's length.
CHAIN_CAP = 8
#: How much narration (characters) before the quote is read for people acting in it.
BETWEEN_CHARS = 1500

NAMES = [
    "turns_alternate",
    "turns_chain_back_1",
    "turns_chain_back_2",
    "turns_actor_between",
    "turns_last_actor_between",
    "turns_named_between",
]


@dataclass(slots=True)
class Turns:
    """The turn-taking evidence around one quote."""

    back1: int | None = None
    back2: int | None = None
    #: The paragraphs of the two turns before and the quote's follow one another.
    contiguous: bool = False
    #: Quote-bearing paragraphs in a row just before the quote (at most ``CHAIN_CAP``).
    chain: int = 0
    #: A paragraph of narration alone lies between the turn before and the quote.
    broken: bool = False
    actors: set[int] = field(default_factory=set)
    last_actor: int | None = None
    named: set[int] = field(default_factory=set)

    def row(self, cid: int) -> list[float]:
        """The features of candidate ``cid``."""
        b1, b2 = self.back1 == cid, self.back2 == cid
        length = self.chain / CHAIN_CAP
        return [
            float(self.contiguous and b2 and not b1),
            float(b1 and not self.broken) * length,
            float(b2 and not self.broken) * length,
            float(cid in self.actors),
            float(cid == self.last_actor),
            float(cid in self.named),
        ]


def gated_columns(common: Sequence[str]) -> list[int]:
    """The common columns an uncued turn of its own also fills with weights of its own: all
    but the pronoun cue's, which are always zero for it."""
    return [k for k, n in enumerate(common) if not n.startswith("pronoun_")]


def _chain(infos: list[QuoteInfo], i: int) -> int:
    """How many paragraphs in a row just before quote i's hold a quote."""
    para = infos[i].paragraph
    count = 0
    j = i - 1
    while j >= 0 and count < CHAIN_CAP:
        p = infos[j].paragraph
        if p == para:
            j -= 1
            continue
        if p != para - 1:
            break
        count += 1
        para = p
        j -= 1
    return count


def turns(
    st: DiscourseState, infos: list[QuoteInfo], i: int, back: list[QuoteInfo | None]
) -> Turns:
    """The turn-taking evidence for quote i; ``back`` is the turns before it, nearest first."""
    q = infos[i]
    b1, b2 = back[0], back[1]
    out = Turns(
        back1=b1.cluster if b1 is not None else None,
        back2=b2.cluster if b2 is not None else None,
    )
    out.contiguous = (
        b1 is not None
        and b2 is not None
        and q.opens_paragraph
        and b1.paragraph == q.paragraph - 1
        and b2.paragraph == q.paragraph - 2
    )
    out.chain = _chain(infos, i)
    out.broken = b1 is not None and b1.paragraph < q.paragraph - 1
    prev = infos[i - 1] if i > 0 else None
    lo = max(prev.end if prev is not None else 0, q.start - BETWEEN_CHARS)
    mentions = st.mentions
    first_sent = prev.sent_last if prev is not None else q.sent_first - 3
    a = bisect_left(mentions, first_sent, key=lambda m: m.sent)
    b = bisect_left(mentions, q.sent_first + 1, lo=a, key=lambda m: m.sent)
    for m in mentions[a:b]:
        if not lo <= m.start < q.start or m.start == prev_cue(prev):
            continue
        out.named.add(m.cluster)
        if m.subject:
            out.actors.add(m.cluster)
            out.last_actor = m.cluster
    return out


def prev_cue(prev: QuoteInfo | None) -> int | None:
    """Where the previous quote's cue names its speaker: no narration of its own."""
    return prev.cue_at if prev is not None else None
