"""What the ranker weighs of where a candidate was last in the reader's mind, beyond the
common row's mentions: a pronoun cue or an uncued turn most often means the person the
narration just made its topic, not merely the last one of that gender named.

The wrong "he said" of the training novels is almost never the wrong gender: it is the right
gender and the wrong person, usually the speaker one or two quotes back where the engine took
the most recent man or the one addressed. So each candidate is marked by whether the
narration right before the quote (or the cue) made them its subject or only mentioned them,
whether their own paragraph named them before the cue, how many other people of their gender
were mentioned since they were, and, for a pronoun cue, how the last two turns' speakers stand
to the pronoun (two of its gender in a row, or one between of the other).
All of it is one pass over the mention window the common row already reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.analysis.mention_log import MentionRec
    from reader.analysis.references import DiscourseState
    from reader.analysis.state import QuoteInfo

NAMES = [
    "recency_topic_subject",
    "recency_topic_other",
    "recency_para_named_before_cue",
    "recency_para_subject_before_cue",
    "recency_same_gender_since_0",
    "recency_same_gender_since_1",
    "recency_same_gender_since_2",
    "recency_para_gap_1",
    "recency_para_gap_2_3",
    "recency_para_gap_4",
    "pronoun_back2_same_between",
    "pronoun_back1_same_before",
    "pronoun_back2_other_between",
    "pronoun_cue_before_fits_0",
    "pronoun_cue_before_speaker_1",
]


@dataclass(slots=True)
class Recency:
    """The recency evidence around one quote."""

    #: The quote has a pronoun cue.
    pronoun: bool = False
    #: The people the last narration sentence before the quote makes subjects, and the others
    #: it mentions.
    topic_subjects: set[int] = field(default_factory=set)
    topic_others: set[int] = field(default_factory=set)
    #: Named / made subjects in the quote's paragraph before its cue (narration only).
    para_named: set[int] = field(default_factory=set)
    para_subjects: set[int] = field(default_factory=set)
    #: Person -> how many other people of their gender were mentioned after their last mention.
    since: dict[int, int] = field(default_factory=dict)
    #: Person -> paragraphs between their last mention and the quote's.
    gap: dict[int, int] = field(default_factory=dict)
    back1: int | None = None
    back2: int | None = None
    #: The speakers one and two turns back are both of the pronoun's gender (and not one).
    both_same: bool = False
    #: The speaker one turn back is not of the pronoun's gender.
    between_other: bool = False
    #: The cue stands before its quote ("He turned. “…”" / "He said, “…”").
    cue_before: bool = False

    def row(self, cid: int, fits0: bool, speaker1: bool) -> list[float]:
        """The features of candidate ``cid``; ``fits0`` and ``speaker1``: it is the pronoun
        rule's first in salience order and the last speaker of the pronoun's gender."""
        n = self.since.get(cid)
        g = self.gap.get(cid)
        b1, b2 = self.back1 == cid, self.back2 == cid
        p = self.pronoun
        return [
            float(cid in self.topic_subjects),
            float(cid in self.topic_others and cid not in self.topic_subjects),
            float(cid in self.para_named),
            float(cid in self.para_subjects),
            float(n == 0),
            float(n == 1),
            float(n is not None and n >= 2),
            float(g == 1),
            float(g is not None and 2 <= g <= 3),
            float(g is not None and g >= 4),
            float(p and b2 and not b1 and self.both_same),
            float(p and b1 and self.both_same),
            float(p and b2 and not b1 and self.between_other),
            float(p and self.cue_before and fits0),
            float(p and self.cue_before and speaker1),
        ]


def _in_quote(infos: list[QuoteInfo], lo: int, hi: int, start: int) -> bool:
    """Whether char ``start`` lies inside one of quotes ``lo``..``hi - 1``."""
    return any(infos[k].start <= start < infos[k].end for k in range(lo, hi))


def recency(
    st: DiscourseState,
    infos: list[QuoteInfo],
    i: int,
    before: list[MentionRec],
    back: list[QuoteInfo | None],
) -> Recency:
    """The recency evidence for quote i; ``before`` is the mention window before the quote
    (oldest first), ``back`` the turns before it, nearest first."""
    q = infos[i]
    clusters = st.registry.clusters
    gender = q.pronoun
    out = Recency(pronoun=gender is not None)
    cue = q.cue_at if q.cue_at is not None else q.start
    out.cue_before = gender is not None and q.cue_at is not None and q.cue_at < q.start
    lo = max(0, i - 12)
    narration = [m for m in before if m.start < cue and not _in_quote(infos, lo, i, m.start)]
    if narration:
        last_sent = narration[-1].sent
        for m in reversed(narration):
            if m.sent != last_sent:
                break
            (out.topic_subjects if m.subject else out.topic_others).add(m.cluster)
    seen: dict[str | None, set[int]] = {}
    for m in reversed(narration):
        c = m.cluster
        para = st.paragraph_of(m.start)
        if para == q.paragraph:
            if m.kind == "name":
                out.para_named.add(c)
            if m.subject:
                out.para_subjects.add(c)
        if c not in out.since:
            g = clusters[c].gender
            mates = seen.setdefault(g, set())
            out.since[c] = len(mates) if g is not None else 0
            out.gap[c] = q.paragraph - para
            mates.add(c)
    b1, b2 = back[0], back[1]
    out.back1 = b1.cluster if b1 is not None else None
    out.back2 = b2.cluster if b2 is not None else None
    if gender is not None and out.back1 is not None and out.back2 is not None:
        g1 = clusters[out.back1].gender
        g2 = clusters[out.back2].gender
        out.both_same = out.back1 != out.back2 and g1 == gender and g2 == gender
        out.between_other = g2 == gender and g1 != gender
    return out
