"""Stage 3, the candidates: what the sieve may weigh for each quote beyond its cue, held in its
``QuoteInfo`` (the state's quote log): the quote's paragraph and sentences, whether it is a
turn of a dialogue, the person who is the subject of the sentence before it, the person the
previous paragraph reports speaking; and its ``Neighbours``, the quotes around it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.lexicon import FEMALE_PRONOUNS, MALE_PRONOUNS
from reader.analysis.state import QuoteInfo
from reader.analysis.syntax import is_speech_verb

if TYPE_CHECKING:
    from spacy.tokens import Span

    from reader.analysis.quotes import QuoteSpan
    from reader.analysis.references import DiscourseState

#: Paragraphs up to this long that open with a quote count as turns of a dialogue.
TURN_CHARS = 160


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

    def before_prev(self) -> QuoteInfo | None:
        """The last quote of the paragraph before the previous quote's (within 40 quotes)."""
        prev = self.prev
        if prev is None:
            return None
        for j in range(self.i - 2, max(-1, self.i - 40), -1):
            if self.infos[j].paragraph < prev.paragraph:
                return self.infos[j]
        return None


def preceding_subject(
    st: DiscourseState, qs: QuoteSpan, a: int, sent_starts: list[int], sents: list[Span]
) -> int | None:
    """The person who is the subject of the sentence just before the quote, in its paragraph."""
    k = bisect_right(sent_starts, a) - 1
    if k <= 0 or qs.opens_paragraph:
        return None
    prev = sents[k - 1]
    ps, _ = st.paras[qs.paragraph - st.para_first]
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
            low = t.lower_
            gender = "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None
            if gender is None:
                return None
            c = st.resolve_pronoun(t, gender)
            return c.id if c is not None and c.kind == "person" else None
    return None


def is_turn(st: DiscourseState, qs: QuoteSpan) -> bool:
    """A short paragraph that opens with a quote: a turn in a conversation (fiction)."""
    ps, pe = st.paras[qs.paragraph - st.para_first]
    if pe - ps > TURN_CHARS:
        return False
    first = st.text[ps]
    return not first.isalnum()
