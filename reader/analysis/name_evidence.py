"""Evidence that a name the tagger called something else is a person's: a first name, a
surname with an apostrophe, a name a body owns or that is of a body."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.evidence import not_a_person
from reader.analysis.lexicon import ORG_NAME_ENDINGS, ORG_NOUNS, PERSON_NOUNS
from reader.analysis.names import first_names, fold

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def known_first_name(ent: Span) -> bool:
    """ "Renata Vukovich" tagged as an organisation: two or three capitalised words that begin
    with a first name given to one gender are a person's name."""
    if not 2 <= len(ent) <= 3 or ent[0].lower_ in ("the", "a", "an"):
        return False
    if not all(proper_word(t) and t.text[:1].isupper() and t.tag_ != "NNPS" for t in ent):
        return False
    last = ent[-1].lower_
    if last in ORG_NAME_ENDINGS or last in ORG_NOUNS or last in PERSON_NOUNS:
        return False
    return first_names().get(fold(ent[0].text)) in ("f", "m") and not_a_person(ent) is None


def proper_word(t: Token) -> bool:
    """A proper noun, or a capitalised word with an apostrophe inside that the tagger called a
    common noun ("O’Donnell", "D’Souza")."""
    inner = t.text[1:-1]
    return t.pos_ == "PROPN" or (
        t.pos_ == "NOUN" and t.text[:1].isupper() and ("’" in inner or "'" in inner)
    )


def person_in_body_name(tok: Token) -> bool:
    """ "Commentary’s Noah Rothman", "the Washington Post’s Ishaan Tharoor", "Meenakshi
    Ganguly of Human Rights Watch": a first name and a surname that a body owns or that are of
    a body, which the tagger swept into the body's name, are a person of that body."""
    if tok.pos_ != "PROPN" or tok.lower_ in ORG_NOUNS or tok.lower_ in ORG_NAME_ENDINGS:
        return False
    given = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if len(given) != 1 or given[0].i != tok.i - 1 or given[0].lower_ in ORG_NOUNS:
        return False
    # (a place's is no body's: "Cleveland's Plain Dealer" is the paper)
    owned = any(c.dep_ == "poss" and c.ent_type_ == "ORG" for c in tok.lefts)
    of_body = any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(o.dep_ == "pobj" and o.ent_type_ == "ORG" for o in prep.children)
        for prep in tok.rights
    )
    return owned or of_body
