"""Whom a description in the discourse state can mean by what the text has said of people:
the person given its role ("the senator"), and who it cannot be (someone named in its own
clause, a possessor beside it, someone in what a trailing attribution reports)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.lexicon import VAGUE_WORDS
from reader.analysis.mention_log import MentionRec
from reader.analysis.salience import BARE_PERSON_NOUNS, clause_of, described_order
from reader.analysis.state import State
from reader.analysis.syntax import is_speech_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.clusters import Cluster


def by_role(
    st: State, tok: Token, recent: list[MentionRec], exclude: set[int], before: int
) -> Cluster | None:
    """A person the text has given the description's role ("the senator", "the
    undertaker"), near or (a role that specific, or one person's only) further back."""
    reg = st.registry
    head = tok.lemma_.lower()
    words = {
        c.lemma_.lower()
        for c in tok.lefts
        if c.dep_ in ("amod", "compound") and c.is_alpha and c.lower_ not in VAGUE_WORDS
    } | {head}
    # 1. a person whose role shares the head noun (or two words) with the description
    for m in recent:
        c = reg.clusters[m.cluster]
        if c.kind == "person" and head in c.role_words and words <= c.role_words | {head}:
            return c
    # 1b. a role that specific ("the council leader"), or one the text gave one person
    # only ("Mr. Sowerberry, the parochial undertaker", then "said the undertaker" pages
    # on), names its holder from further back
    holders = [
        c
        for c in reg.clusters
        if c.kind == "person"
        and c.id not in exclude
        and head in c.role_words
        and words <= c.role_words | {head}
        and c.last_seen < before
    ]
    if holders and (len(words) >= 2 or len(holders) == 1):
        return max(holders, key=lambda c: c.last_seen)
    # 1c. the most salient person given the head noun, when what tells one such person
    # from another (a capitalised "Florida", "Democratic") says nothing against them:
    # "Oscar-winning actress Susan Sarandon" is "the prominent actress"
    named = {c.lemma_.lower() for c in tok.lefts if c.text[:1].isupper() and c.is_alpha}
    if tok.dep_ in ("nsubj", "nsubjpass") and head not in BARE_PERSON_NOUNS:
        # who "the senator" doing something is: the latest sentence's main subject first
        # ("the voice asked", no role, is rather whoever was last brought in)
        recent = list(described_order(st, tok, recent))
    for m in recent:
        c = reg.clusters[m.cluster]
        if c.kind == "person" and head in c.role_words and named <= c.role_words:
            return c
    return None


def clause_mates(st: State, tok: Token) -> set[int]:
    """The people named in the description's own clause ("Mr. Brownlow looked at the
    boy", "said the girl to Sikes"): someone else than the one it describes."""
    own = clause_of(tok)
    return {
        st.mention_at[t.i]
        for t in tok.sent
        if t.i != tok.i and t.i in st.mention_at and clause_of(t) == own
    }


def may_mean(st: State, tok: Token, recent: list[MentionRec]) -> list[MentionRec]:
    """The mentions of ``recent`` the description may mean: not the possessors in its own
    sentence, nor anyone in what a trailing attribution reports ("Lucia's shift ended after
    she left, the prosecutor said")."""
    reported: list[tuple[int, int]] = []
    if tok.dep_ in ("nsubj", "nsubjpass") and is_speech_verb(tok.head):
        off = st.offset
        reported = [
            (c.left_edge.idx + off, c.right_edge.idx + len(c.right_edge.text) + off)
            for c in tok.head.children
            if c.dep_ == "ccomp" and c.i < tok.i
        ]
    return [
        m
        for m in recent
        if not (m.sent == st.sent and (m.poss or any(a <= m.start < b for a, b in reported)))
    ]
