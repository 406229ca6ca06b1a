"""What the narration around a quote tells the ranker: whether it says "I", who it has just
named, and who has been heard to speak so far (kept apart from ranker_features so each module
stays small)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.analysis.mention_log import MentionRec
    from reader.analysis.references import DiscourseState
    from reader.analysis.state import QuoteInfo

FIRST_PERSON = re.compile(r"\bI\b")
#: How much of a paragraph the narration features read.
PARA_CHARS = 2000


def narration_says_i(st: DiscourseState, infos: list[QuoteInfo], i: int, para: int) -> bool:
    """Whether the narration of paragraph ``para`` (its text outside the quotes) says "I"."""
    starts = st.all_para_starts
    if not 0 <= para < len(starts):
        return False
    start = starts[para]
    end = starts[para + 1] if para + 1 < len(starts) else start + PARA_CHARS
    end = min(end, start + PARA_CHARS, len(st.text))
    spans = [
        (o.start, o.end)
        for o in infos[max(0, i - 12) : i + 12]
        if o.paragraph == para and o.start < end
    ]
    pos = start
    for qs, qe in sorted(spans):
        if FIRST_PERSON.search(st.text, pos, max(pos, qs)):
            return True
        pos = max(pos, qe)
    return pos < end and FIRST_PERSON.search(st.text, pos, end) is not None


def named_in_narration(
    st: DiscourseState, q: QuoteInfo, window: Sequence[MentionRec]
) -> set[int]:
    """The people the narration names in the quote's paragraph before it, or in the paragraph
    before: someone who walks into an exchange ("The clerk called to him.") and then speaks
    is not yet among those the turns alternate between (the ``newcomer_*`` columns;
    cross-validated by novel, 3 folds, PDNC training novels whole 0.739 -> 0.741, their
    first 60,000 characters 0.737 -> 0.742)."""
    out: set[int] = set()
    for m in window:  # the mentions inside other quotes are not logged
        if m.start >= q.start or m.kind == "pronoun":
            continue
        if st.paragraph_of(m.start) in (q.paragraph, q.paragraph - 1):
            out.add(m.cluster)
    return out


def voiced(st: DiscourseState, infos: list[QuoteInfo]) -> set[int]:
    """The people a cue has named as speaking or a quote has called by name so far: a name
    neither ever happens to ("Mencken hates Paris") is likely someone only talked about."""
    for q in infos[st.voiced_upto :]:
        if q.has_cue and q.person and q.pronoun is None and q.cluster is not None:
            st.voiced.add(q.cluster)
        if q.addressee_cluster is not None:
            st.voiced.add(q.addressee_cluster)
    st.voiced_upto = len(infos)
    return st.voiced
