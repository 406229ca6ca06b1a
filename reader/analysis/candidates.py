"""Stage 3, the candidates: what the sieve may weigh for each quote beyond its cue.

Its ``QuoteInfo`` (the state's quote log) holds the quote's paragraph and sentences, whether it
is a turn of a dialogue, the person who is the subject of the sentence before it, the person
the previous paragraph reports speaking; ``Neighbours`` are the quotes around it; and
``candidates`` lists every person, source and body mentioned near it with the features a
ranker would weigh (side, distance, paragraph, relation to the cue, salience). The rules of
the sieve read the first two; the list is computed only when asked for, so the reading pass
pays nothing for it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.lexicon import FEMALE_PRONOUNS, MALE_PRONOUNS
from reader.analysis.mention_log import WINDOW_SENTENCES, by_salience
from reader.analysis.names import fold
from reader.analysis.narrator import narrator_subject
from reader.analysis.state import QuoteInfo
from reader.analysis.syntax import is_speech_verb

if TYPE_CHECKING:
    from spacy.tokens import Span

    from reader.analysis.quotes import QuoteSpan
    from reader.analysis.references import DiscourseState

#: Paragraphs up to this long that open with a quote count as turns of a dialogue.
TURN_CHARS = 160
#: How many paragraphs either side of a quote the exchange rules look for its speakers.
EXCHANGE_REACH = 10
#: How many paragraphs of narration alone an exchange runs across.
EXCHANGE_GAP = 1


@dataclass(slots=True)
class Neighbours:
    """The quotes around quote ``i`` of ``infos``, for the discourse rules."""

    infos: list[QuoteInfo]
    i: int

    @property
    def prev(self) -> QuoteInfo | None:
        return self.infos[self.i - 1] if self.i > 0 else None

    @property
    def next(self) -> QuoteInfo | None:
        return self.infos[self.i + 1] if self.i + 1 < len(self.infos) else None

    def opens_turn(self, j: int) -> bool:
        """Whether quote j's paragraph opens with a quote (within 40 quotes back)."""
        para = self.infos[j].paragraph
        while j > 0 and self.infos[j - 1].paragraph == para and self.i - j < 40:
            j -= 1
        return self.infos[j].opens_paragraph

    def before_prev(self) -> QuoteInfo | None:
        """The last quote of the paragraph before the previous quote's (within 40 quotes)."""
        prev = self.prev
        if prev is None:
            return None
        for j in range(self.i - 2, max(-1, self.i - 40), -1):
            if self.infos[j].paragraph < prev.paragraph:
                return self.infos[j]
        return None

    def exchange(
        self, reach: int = EXCHANGE_REACH, gap: int = EXCHANGE_GAP
    ) -> dict[int, QuoteInfo]:
        """The speakers known in the exchange around the quote: turns away (negative: before)
        -> the quote whose cue named its speaker. A turn is a paragraph that holds a quote (a
        quote left open runs on into the next in the same turn); the exchange runs over turns
        up to ``reach`` either side, across at most ``gap`` paragraphs of narration between two, and
        ends past a turn that opens with narration (a new person may take the floor there).
        Only speakers a cue named as people are known: a guess would teach itself."""
        q = self.infos[self.i]
        found: dict[int, QuoteInfo] = {}
        for step in (-1, 1):
            last = q.paragraph
            turns = 0
            # the turn last entered opens with narration: the exchange goes no further
            edge = step == -1 and not q.opens_paragraph
            j = self.i + step
            while 0 <= j < len(self.infos):
                o = self.infos[j]
                if o.paragraph != last:
                    if edge or abs(o.paragraph - last) > gap + 1:
                        break
                    # a quote left open runs on into the next paragraph: the same turn
                    earlier = o if step == -1 else self.infos[j - 1]
                    turns += earlier.closed or abs(o.paragraph - last) > 1
                    if turns > reach:
                        break
                    edge = not o.opens_paragraph
                elif step == -1:
                    edge = not o.opens_paragraph  # walking back, a paragraph's first quote last
                last = o.paragraph
                if o.cluster is not None and o.paragraph != q.paragraph and o.person:
                    found.setdefault(step * turns, o)
                j += step
        return found


def preceding_subject(
    st: DiscourseState,
    qs: QuoteSpan,
    a: int,
    sent_starts: list[int],
    sents: list[Span],
    *,
    across: bool = False,
) -> int | None:
    """The person who is the subject of the sentence just before the quote, in its paragraph;
    ``across``: for a quote that opens its paragraph, the subject of the last sentence of the
    paragraph before, when that one is narration alone ("Elinor turned to her sister.")."""
    k = bisect_right(sent_starts, a) - 1
    if k <= 0 or qs.opens_paragraph != across:
        return None
    prev = sents[k - 1]
    if across:
        para = qs.paragraph - 1 - st.para_first
        if para < 0 or (st.infos and st.infos[-1].paragraph >= qs.paragraph - 1):
            return None  # the paragraph before is not in this Doc, or it holds a quote
        ps = st.paras[para][0]
    else:
        ps = st.paras[qs.paragraph - st.para_first][0]
    if prev.start_char + st.offset < ps:
        return None
    # "As children, Greta says, Ilse was known as …": whoever the sentence says spoke
    for t in prev:
        if is_speech_verb(t) and t.i in st.speakers_at:
            return st.speakers_at[t.i]
    gsent = st.sent_base + k - 1
    for m in reversed(st.mentions[-30:]):
        if m.sent < gsent:
            break
        if m.sent == gsent and m.subject and st.registry.clusters[m.cluster].kind != "org":
            return m.cluster
    # "He paused. “You never forget that.”": a personal pronoun as that sentence's subject.
    for t in prev:
        if t.dep_ == "nsubj" and t.head.i == prev.root.i:
            if (me := narrator_subject(st, t)) is not None:
                return me  # "I laughed. “Discipline must be maintained?”"
            low = t.lower_
            gender = "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None
            if gender is None:
                return None
            c = st.resolve_pronoun(t, gender)
            return c.id if c is not None and c.kind == "person" else None
    return None


def resting_mention(st: DiscourseState, info: QuoteInfo, cluster: int) -> tuple[int, int] | None:
    """The words a speaker chosen from the discourse (no cue) rests on: the most salient
    mention of them before the quote (``by_salience``: the sentence just before first, its
    subject first), else the nearest before it of any kind (an object in the quote's own
    sentence: "interviewed Jane Holloway, “...”"), else one in the quote's own sentences after
    it; None when the text names them nowhere near (char offsets, absolute)."""
    lo = info.sent_first - WINDOW_SENTENCES
    near = []
    after = None
    for m in reversed(st.mentions):
        if m.sent < lo:
            break
        if m.cluster != cluster:
            continue
        if m.start < info.start:
            near.append(m)
        elif m.start >= info.end and m.sent <= info.sent_last:
            after = m
    nearest = near[0] if near else None  # most recent first
    best = next(by_salience(near, info.sent_first), None) or nearest or after
    if best is not None:
        return (best.start, best.end)
    return _org_named(st, info, cluster, lo)


def _org_named(
    st: DiscourseState, info: QuoteInfo, cluster: int, lo: int
) -> tuple[int, int] | None:
    """An organisation keeps no person mentions: its latest naming before the quote, in the
    same window, found by its name as written."""
    if st.registry.clusters[cluster].kind != "org":
        return None
    key = fold(st.registry.clusters[cluster].canonical).removeprefix("the ")
    for org in reversed(st.orgs.named):
        if org.sent < lo:
            break
        end = org.start + len(org.name)
        written = end <= info.start and st.text[org.start : end] == org.name
        if written and fold(org.name).removeprefix("the ") == key:
            return (org.start, end)
    return None


def is_turn(st: DiscourseState, qs: QuoteSpan) -> bool:
    """A short paragraph that opens with a quote: a turn in a conversation (fiction)."""
    ps, pe = st.paras[qs.paragraph - st.para_first]
    if pe - ps > TURN_CHARS:
        return False
    first = st.text[ps]
    return not first.isalnum()


@dataclass(frozen=True, slots=True)
class Candidate:
    """Someone mentioned near a quote, with the evidence for them being its speaker."""

    #: The cluster mentioned; None for an organisation named but never a speaker so far.
    cluster: int | None
    name: str  # the cluster's canonical name, or the organisation's name as written
    kind: str  # "name", "pronoun", "description" or "organisation"
    start: int  # the mentioning word's char span
    end: int
    side: str  # "before" or "after" the quote
    chars: int  # characters between the mention and the quote
    sentences: int  # sentences back from the quote's first (negative: after it)
    paragraphs: int  # paragraphs back from the quote's (0: the same paragraph)
    subject: bool  # the mention is a clause's subject
    cue_subject: bool  # the mention is the subject of the quote's cue
    #: Rank among the mentions before the quote in the order pronouns are resolved (0: the
    #: most salient); None after the quote or for an organisation.
    salience: int | None
    chosen: bool  # the cluster the sieve chose as the speaker


def candidates(st: DiscourseState, info: QuoteInfo) -> list[Candidate]:
    """Everyone mentioned from ``WINDOW_SENTENCES`` before the quote to the end of its last
    sentence, nearest first, with their features. A pure query of the state."""
    lo, hi = info.sent_first - WINDOW_SENTENCES, info.sent_last
    near = []
    seen: set[tuple[int, int]] = set()  # a cue's pronoun may be logged twice
    for m in reversed(st.mentions):
        if m.sent < lo:
            break
        key = (m.start, m.cluster)
        if m.sent <= hi and not info.start <= m.start < info.end and key not in seen:
            seen.add(key)
            near.append(m)
    before = [m for m in near if m.start < info.start]
    rank = {id(m): k for k, m in enumerate(by_salience(before, info.sent_first))}
    clusters = st.registry.clusters
    found = [
        _candidate(
            st,
            info,
            m.cluster,
            clusters[m.cluster].canonical,
            m.kind,
            m.start,
            m.end,
            m.sent,
            m.subject,
            rank.get(id(m)),
        )
        for m in near
    ]
    for org in reversed(st.orgs.named):
        if org.sent < lo:
            break
        if org.sent <= hi and not info.start <= org.start < info.end:
            end = org.start + len(org.name)
            found.append(
                _candidate(
                    st,
                    info,
                    None,
                    org.name,
                    "organisation",
                    org.start,
                    end,
                    org.sent,
                    org.subject,
                    None,
                )
            )
    found.sort(key=lambda c: c.chars)
    return found


def _candidate(
    st: DiscourseState,
    info: QuoteInfo,
    cluster: int | None,
    name: str,
    kind: str,
    start: int,
    end: int,
    sent: int,
    subject: bool,
    salience: int | None,
) -> Candidate:
    side = "before" if start < info.start else "after"
    return Candidate(
        cluster=cluster,
        name=name,
        kind=kind,
        start=start,
        end=end,
        side=side,
        chars=max(0, info.start - end) if side == "before" else max(0, start - info.end),
        sentences=info.sent_first - sent,
        paragraphs=info.paragraph - st.paragraph_of(start),
        subject=subject,
        cue_subject=info.cue_at == start,
        salience=salience,
        chosen=cluster is not None and cluster == info.cluster,
    )
