"""What a noun phrase says of the one it describes: a person by role, age or nationality,
or the holder of a role over a body. Pure functions of tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.lexicon import BODY_ROLE_NOUNS, ORG_NOUNS, is_person_noun

if TYPE_CHECKING:
    from spacy.tokens import Token


def age_word(tok: Token) -> bool:
    """The "old" of "the 52-year-old": a person described by age."""
    doc = tok.doc
    if tok.lower_ not in ("old", "year-old") or tok.i < 1:
        return False
    if tok.lower_ == "year-old":
        return True
    j = tok.i - 1
    if doc[j].text == "-":
        j -= 1
    return j >= 0 and doc[j].lower_ in ("year", "years")


def age_phrase_start(tok: Token) -> int:
    """The first token of the age phrase "the 43-year-old" ending at its "old" ``tok``,
    wherever the parser hung its words (often from the verb)."""
    doc = tok.doc
    j = tok.i
    while j > 0 and (
        doc[j - 1].text == "-" or doc[j - 1].lower_ in ("year", "years") or doc[j - 1].like_num
    ):
        j -= 1
    return j - 1 if j > 0 and doc[j - 1].pos_ == "DET" else j


def age_of(tok: Token) -> int | None:
    """The age in a description ("the 52-year-old striker" -> 52), if it gives one."""
    olds = [tok] if age_word(tok) else [c for c in tok.lefts if c.dep_ == "amod" and age_word(c)]
    if not olds:
        return None
    doc = tok.doc
    j = olds[0].i - 1
    while j >= 0 and (doc[j].text == "-" or doc[j].lower_ in ("year", "years")):
        j -= 1
    if j >= 0 and doc[j].text.isdigit():
        return int(doc[j].text)
    m = doc[j].text.split("-")[0] if j >= 0 else ""
    return int(m) if m.isdigit() else None


def is_person_description(tok: Token) -> bool:
    """A noun for a person: a role word ("the lawmaker", "the epidemiologist") or anything
    given an age ("the 24-year-old striker")."""
    return (
        is_person_noun(tok.lemma_.lower())
        or age_word(tok)
        or any(c.dep_ == "amod" and age_word(c) for c in tok.lefts)
        or nationality_noun(tok)
        or heads_a_body(tok)
    )


def heads_a_body(tok: Token) -> bool:
    """ "the head of the RNC's powerful rules committee", "the committee's head": a role noun
    over an organisation is the person who holds the role, not the organisation."""
    if tok.lemma_.lower() not in BODY_ROLE_NOUNS or tok.pos_ != "NOUN":
        return False
    bodies = [c for c in tok.children if c.dep_ == "poss"]
    bodies += [
        o
        for prep in tok.rights
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    return any(
        b.ent_type_ in ("ORG", "GPE", "NORP") or b.lemma_.lower() in ORG_NOUNS for b in bodies
    )


def nationality_noun(tok: Token) -> bool:
    """ "the Norwegian said": a nationality used as a noun for one person."""
    return (
        tok.ent_type_ == "NORP"
        and tok.tag_ in ("NNP", "NN", "JJ")
        and not tok.lower_.endswith("s")
        and tok.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts)
    )
