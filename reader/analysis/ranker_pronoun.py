"""What the ranker weighs of a pronoun cue ("he said", "she said") beyond the common row.

A pronoun cue's speaker is someone of the pronoun's gender the reader has in mind: often the
last person of that gender to speak (two people talking, "he said" is the man), or the last
of that gender the narration made a subject. Such a person may have been named well before
the mention window (``WINDOW_SENTENCES``), so the people of that gender named or speaking
further back (``FAR_SENTENCES``, ``FAR_QUOTES``) become candidates too.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.analysis.mention_log import WINDOW_SENTENCES

if TYPE_CHECKING:
    from reader.analysis.mention_log import MentionRec
    from reader.analysis.references import DiscourseState
    from reader.analysis.state import QuoteInfo

#: How many sentences before the mention window the people of the pronoun's gender are sought.
FAR_SENTENCES = 40
#: How many quotes back the last speakers of the pronoun's gender are sought.
FAR_QUOTES = 30
#: How many of each such list have a feature of their own.
KEEP = 2

NAMES = [
    "pronoun_last_gender_speaker_1",
    "pronoun_last_gender_speaker_2",
    "pronoun_recent_gender_subject",
    "pronoun_far_named_0",
    "pronoun_far_named_1",
    "pronoun_prev_addressed",
    "pronoun_same_para_before",
    "pronoun_voiced",
]


@dataclass(slots=True)
class PronounCues:
    """The people a pronoun cue of gender ``gender`` points at, each list most recent first."""

    gender: str | None = None
    speakers: list[int] = field(default_factory=list)
    subject: int | None = None
    far: list[int] = field(default_factory=list)

    def candidates(self) -> list[int]:
        """The people to add to the quote's candidates."""
        return [*self.speakers, *self.far]

    def row(
        self, cid: int, prev_addressed: bool, same_para_before: bool, voiced: bool
    ) -> list[float]:
        """The features of candidate ``cid`` (all zero for a quote with no pronoun cue)."""
        if self.gender is None:
            return [0.0] * len(NAMES)
        sp = self.speakers
        return [
            float(len(sp) > 0 and sp[0] == cid),
            float(len(sp) > 1 and sp[1] == cid),
            float(self.subject == cid),
            float(len(self.far) > 0 and self.far[0] == cid),
            float(len(self.far) > 1 and self.far[1] == cid),
            float(prev_addressed),
            float(same_para_before),
            float(voiced),
        ]


def pronoun_cues(
    st: DiscourseState, infos: list[QuoteInfo], i: int, before: list[MentionRec]
) -> PronounCues:
    """What the pronoun cue of quote i points at; ``before`` is the mention window before it
    (oldest first). Only people whose gender is known to be the pronoun's count: one of
    unknown gender is no evidence either way."""
    q = infos[i]
    gender = q.pronoun
    if gender is None:
        return PronounCues()
    clusters = st.registry.clusters

    def fits(c: int | None) -> bool:
        return c is not None and clusters[c].kind != "org" and clusters[c].gender == gender

    out = PronounCues(gender)
    for j in range(i - 1, max(-1, i - FAR_QUOTES - 1), -1):
        c = infos[j].cluster
        if fits(c) and c not in out.speakers:
            out.speakers.append(c)  # type: ignore[arg-type]
            if len(out.speakers) >= KEEP:
                break
    out.subject = next((m.cluster for m in reversed(before) if m.subject and fits(m.cluster)), None)
    mentions = st.mentions
    hi_sent = q.sent_first - WINDOW_SENTENCES
    a = bisect_left(mentions, hi_sent - FAR_SENTENCES, key=lambda m: m.sent)
    b = bisect_left(mentions, hi_sent, lo=a, key=lambda m: m.sent)
    for m in reversed(mentions[a:b]):
        if m.kind == "name" and fits(m.cluster) and m.cluster not in out.far:
            out.far.append(m.cluster)
            if len(out.far) >= KEEP:
                break
    return out
