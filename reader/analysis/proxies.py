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
    return t.lemma_.lower() in PERSON_PROXY_NOUNS and (
        any(c.dep_ == "poss" for c in t.children) or serves(t) is not None
    )


def serves(t: Token) -> Token | None:
    """The one "the former top aide to President George W. Bush", "a spokeswoman for the
    senator" works for, named after the noun."""
    for prep in t.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "for"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ == "PERSON"):
                return obj
    return None


def served_word(t: Token) -> Token | None:
    """The word for whoever a proxy works for, named or not: "a spokesman for Halden Corp",
    "a spokeswoman for the senator"."""
    if t.lemma_.lower() not in PERSON_PROXY_NOUNS:
        return None
    for prep in t.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "for"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def proxy_of_apposed(name: Token) -> Token | None:
    """ "a spokesman for Halden Corp, John Reyes, said": the parser sets the name beside the
    firm, but a firm is nobody's name; the name is the spokesman's, whose noun this is."""
    head = name.head
    if name.dep_ != "appos" or head.i >= name.i or head.ent_type_ == "PERSON":
        return None
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("to", "for"):
        return None
    noun = prep.head
    return noun if noun.lemma_.lower() in PERSON_PROXY_NOUNS and noun.i < head.i else None


def named_beside(t: Token) -> bool:
    """ "a spokesman for Halden Corp, John Reyes,": the name set beside the firm is the
    proxy's own, so the noun is his role, no one of its own."""
    served = served_word(t)
    return served is not None and any(
        (p := proxy_of_apposed(c)) is not None and p.i == t.i for c in served.rights
    )


def principal(t: Token) -> Token | None:
    """Whom a proxy speaks for, as the text words it: "the governor's spokesman", "an aide to
    the senator"."""
    if t.lemma_.lower() not in PERSON_PROXY_NOUNS:
        return None
    owner = next((c for c in t.children if c.dep_ == "poss"), None)
    return owner or served_word(t)


def serves_another(t: Token, forms: list[str]) -> bool:
    """The proxy ``t`` speaks for someone none of an unnamed source's ``forms`` names: "the
    governor's spokesman" is not the "spokeswoman for the senator" met before."""
    boss = principal(t)
    if boss is None or boss.pos_ == "PRON":
        return False  # "his spokeswoman": whose is for the pronoun's reading
    words = {boss.lower_, boss.lemma_.lower()}
    return not any(w in f.lower().split() for f in forms for w in words)


def role_serves_another(t: Token, role: str | None) -> bool:
    """A named person whose role is a proxy's ("Laura Mendez, a spokeswoman for the senator")
    is not the proxy ``t`` of someone else ("the spokeswoman for Halden Corp")."""
    if not role or not any(w in PERSON_PROXY_NOUNS for w in role.lower().split()):
        return False
    return serves_another(t, [role])


def own_proxy(t: Token) -> bool:
    """ "Hale's spokeswoman", "a Hale aide": a person of their own, not Hale ("the Kremlin
    spokesman" may be the one the text named before)."""
    return (
        t.lemma_.lower() in PERSON_PROXY_NOUNS
        and any(c.dep_ in ("poss", "compound", "nmod") and c.pos_ == "PROPN" for c in t.children)
        and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
    )
