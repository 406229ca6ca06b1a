"""Whom a described subject ("the Florida senator said", "Sanders's campaign manager said")
can mean among the people mentioned before it: the order it tries them in, and who it
cannot be (the owner of a possessed role; a noun that only said what someone is)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.analysis.mention_log import MentionRec, by_salience
from reader.analysis.state import State

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.clusters import Cluster

#: Nouns that say someone is there, not what they are: "the voice asked" after "a call from
#: an operator" is the one just brought in, whoever the sentence was about.
BARE_PERSON_NOUNS = frozenset(("voice", "caller", "man", "woman", "person", "stranger", "guy"))

#: Links that open a clause of its own.
CLAUSE_DEPS = frozenset(
    ("ROOT", "relcl", "advcl", "ccomp", "xcomp", "acl", "conj", "parataxis", "csubj")
)


def clause_of(t: Token) -> int:
    """The index of the verb heading the clause ``t`` stands in."""
    while t.dep_ not in CLAUSE_DEPS and t.head.i != t.i:
        t = t.head
    return t.i


def described_order(st: State, tok: Token, recent: list[MentionRec]) -> Iterator[MentionRec]:
    """``recent`` in the order a described subject ("the senator said") looks for whom it
    means: in its own sentence the subjects before it, then the people named in another
    clause of it (the nearest first; one named in its own clause is someone else: "In a
    talk with Ann Ray, the actor said"); in earlier sentences (the latest first) the
    subject of the main verb, then the others by ``by_salience`` (``_rank``): in "Trump
    plans to …, Ben Carson said", Carson is the one the sentence is about."""
    ranked = list(by_salience(recent, st.sent))
    yield from (m for m in ranked if m.sent == st.sent)
    own = clause_of(tok)
    for m in recent:
        if m.sent == st.sent and m.kind == "name":
            t = _token(st, m)
            if t is not None and clause_of(t) != own:
                yield m
    group: list[MentionRec] = []
    for m in ranked:
        if m.sent == st.sent:
            continue
        if group and m.sent != group[0].sent:
            yield from sorted(group, key=lambda g: _rank(st, g))
            group = []
        group.append(m)
    yield from sorted(group, key=lambda g: _rank(st, g))


def _rank(st: State, m: MentionRec) -> int:
    """Where a mention of an earlier sentence stands for a description after it: its main
    subject first, then the rest in ``by_salience`` order."""
    return 0 if _main_subject(st, m) else 1


def _token(st: State, m: MentionRec) -> Token | None:
    """The word of mention ``m`` in the sentence piece being read, if it is there."""
    doc = st.doc
    span = None if doc is None else doc.char_span(m.start - st.offset, m.end - st.offset)
    return None if span is None else span.root


def referent(st: State, m: MentionRec) -> bool:
    """Mention ``m`` brings in someone ("a call from a 911 operator"), rather than says
    what someone already named is ("painting Trump as a man too unqualified")."""
    t = _token(st, m)
    if t is None:
        return True
    return t.dep_ not in ("attr", "oprd", "appos", "acomp") and not (
        t.dep_ == "pobj" and t.head.lower_ in ("as", "like")
    )


def _main_subject(st: State, m: MentionRec) -> bool:
    t = _token(st, m) if m.subject else None
    return t is not None and t.head.dep_ == "ROOT" and t.dep_ != "poss"


def person_owner(st: State, tok: Token) -> Cluster | None:
    """The person whose role ``tok`` names ("Sanders's campaign manager", "the Christie
    supporter"), if it has one: a possessor or a name before the noun that the text knows
    as a person (not a place's or a body's: "Israel's prime minister" is whoever holds
    that office)."""
    for owner in tok.lefts:
        if owner.dep_ not in ("poss", "compound", "nmod") or owner.pos_ != "PROPN":
            continue
        cid = st.mention_at.get(owner.i)
        found = st.registry.clusters[cid] if cid is not None else st.known_person(owner)
        if found is None or found.kind != "person":
            continue
        if owner.dep_ == "poss" or found.first:  # "the Gawker employee": no one's
            return found
    return None
