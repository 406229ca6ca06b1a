"""The speaker of a quote no rule answers, in a text not told as conversation (news).

The ranker learnt from novels to weigh a quote as a turn of a conversation; in news an
uncued quote is rarely a turn, and the ranker's pick there was right 21 times of 76 on the
development slice. What supports an answer in news is the quote's own sentence: a subject
before the quote ("Clinton has since apologized: “…”", "The ad targets a “…”") is whose
words they are. Where the sentence has none, the quote is left unattributed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from reader.analysis.references import DiscourseState
    from reader.analysis.state import QuoteInfo


class _Pick(Protocol):
    """The ranker's choice as this module reads it (not imported: the ranker imports us)."""

    @property
    def cluster(self) -> int: ...


P = TypeVar("P", bound=_Pick)


def own_subject(st: DiscourseState, q: QuoteInfo) -> int | None:
    """The cluster of the nearest subject before quote q in its own sentence, or None."""
    mentions = st.mentions
    a = bisect_left(mentions, q.sent_first, key=lambda m: m.sent)
    found = None
    for m in mentions[a:]:
        if m.sent != q.sent_first or m.start >= q.start:
            break
        if m.subject:
            found = m.cluster
    return found


def supported(st: DiscourseState, infos: list[QuoteInfo], i: int, found: P | None) -> P | None:
    """The ranker's choice for quote i when the text near the quote supports it: the one
    chosen spoke the last quote of the paragraph before, or is named in the quote's paragraph
    or the one before it (a profile's "Teodora Vance kneels …" paragraph, then her words);
    else no answer: an uncued quote in news is seldom a turn that answers the one before."""
    if found is None:
        return None
    q = infos[i]
    prev = infos[i - 1] if i > 0 else None
    if prev is not None and prev.paragraph == q.paragraph - 1 and prev.cluster == found.cluster:
        return found
    text = st.text
    k = st.paragraph_of(q.start)
    ps = st.all_para_starts[max(k - 1, 0)]  # the paragraph before's start
    here = bisect_right(st.para_starts, q.start) - 1
    pe = st.paras[here][1] if here >= 0 else q.end  # the quote's paragraph's end
    mentions = st.mentions
    a = bisect_left(mentions, ps, key=lambda m: m.start)
    for m in mentions[a:]:
        if m.start >= pe:
            break
        if m.cluster == found.cluster:
            return found
    c = st.registry.clusters[found.cluster]
    window = text[ps:pe]
    names = {c.canonical, c.surname, *c.aliases} - {""}
    if any(re.search(rf"\b{re.escape(n)}\b", window) for n in names):
        return found
    return None
