"""A first name is only a guess at a person's gender: in news, "he" going on after a quote
may still be its speaker whose first name reads as a woman's ("Lindsey Graham said, “…” ¶
He continued, “…”"), when nothing else the text said of them tells their gender. Only a
verb of going on says so: "“…,” said Emma. ¶ “…,” he replied" is someone else."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from spacy.tokens import Token

    from reader.analysis.cluster import Cluster
    from reader.analysis.clusters import Registry
    from reader.analysis.mention_log import MentionRec


class State(Protocol):
    """What the rule reads of the discourse state (``state.State``, which calls it)."""

    registry: Registry
    infos: list[Any]
    sent: int
    offset: int

    def recent(self, before: int) -> Iterator[MentionRec]: ...

    def salient(
        self, mentions: Iterable[MentionRec], current: int, fits: Callable[[Cluster], bool]
    ) -> Cluster | None: ...

#: Verbs by which a speaker goes on with what they were saying ("he added", "went on").
GOING_ON = frozenset(("add", "continue", "go", "conclude", "elaborate"))


def last_speaker_despite_name(
    st: State, tok: Token, gender: str | None, exclude: frozenset[int], found: Cluster | None
) -> Cluster | None:
    """The last quote's speaker for the pronoun ``tok`` of ``gender``, the subject of a verb
    of going on, where only their first name said the other gender, when they are the most
    salient person and were named since ``found`` (whom the gender fits) last was; else
    None."""
    verb = tok.head
    if verb.lemma_.lower() not in GOING_ON:
        return None
    if verb.lemma_.lower() == "go" and not any(c.lower_ == "on" for c in verb.rights):
        return None  # "he went to the podium": a going, not a going on
    before = tok.idx + st.offset
    guessed = _guessed_otherwise(st, gender, exclude)
    if guessed is None or guessed is found:
        return None
    top = st.salient(st.recent(before), st.sent, lambda c: c.kind != "org")
    last_named: dict[int, int] = {}
    for m in st.recent(before):  # most recent first
        last_named.setdefault(m.cluster, m.sent)
    since = found is None or last_named.get(found.id, -1) < last_named.get(guessed.id, -1)
    return guessed if top is guessed and since else None


def _guessed_otherwise(st: State, gender: str | None, exclude: frozenset[int]) -> Cluster | None:
    """The last quote's speaker, in news, if their gender rests on their first name alone and
    is not ``gender``."""
    if st.registry.familiar or gender is None or not st.infos:
        return None
    cid = st.infos[-1].cluster
    if cid is None or cid in exclude:
        return None
    c = st.registry.clusters[cid]
    name_only = c.address is None and c.male + c.female == 1 and c.first_said in ("m", "f")
    return c if c.kind == "person" and name_only and c.gender not in (None, gender) else None
