"""Who speaks for whom: a spokesperson or an aide is a person of their own, never the one
they speak for ("Hale's spokeswoman said" does not quote Hale)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.lexicon import PERSON_PROXY_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


def speaks_for_another(t: Token) -> bool:
    """ "his chief aide", "the senator's spokeswoman": someone who speaks for their possessor,
    who is not the speaker."""
    return t.lemma_.lower() in PERSON_PROXY_NOUNS and any(c.dep_ == "poss" for c in t.children)


def own_proxy(t: Token) -> bool:
    """ "Hale's spokeswoman", "a Hale aide": a person of their own, not Hale ("the Kremlin
    spokesman" may be the one the text named before)."""
    return (
        t.lemma_.lower() in PERSON_PROXY_NOUNS
        and any(c.dep_ in ("poss", "compound", "nmod") and c.pos_ == "PROPN" for c in t.children)
        and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
    )
