"""Evidence that a name the tagger called something else is a person's: a first name, a
surname with an apostrophe, a name a body owns or that is of a body."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from reader.analysis.evidence import not_a_person
from reader.analysis.lexicon import ORG_NAME_ENDINGS, ORG_NOUNS, PERSON_NOUNS, is_person_noun
from reader.analysis.names import first_names, fold, is_initial

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


#: Marks after which a word is capitalised whatever it is.
_OPENERS = frozenset('“"‘(—–-:;')


def unproven_capital(tok: Token, text: str, offset: int, common: Collection[str]) -> bool:
    """ "Top Clinton adviser sent …", "Former AG Mukasey at RNC": a word that opens a
    sentence, that the tagger reads as a common word (an adjective, a verb, a noun), is no
    known first name and is written capitalised nowhere else in the text but at a
    sentence's start: its capital proves no name. ``common``: the words the text writes in
    lower case (``names.lower_words``)."""
    doc = tok.doc
    opens = tok.i == 0 or tok.is_sent_start or doc[tok.i - 1].text in _OPENERS
    if not opens or tok.pos_ not in ("ADJ", "VERB", "NOUN", "ADV"):
        return False
    if not tok.text[:1].isupper() or fold(tok.text) in first_names():
        return False
    if tok.text.lower() not in common:
        return False  # "Sloane Mercier would like …": no common word
    here = tok.idx + offset
    for m in re.finditer(rf"(?<![\w-]){re.escape(tok.text)}(?![\w-])", text):
        before = text[max(0, m.start() - 8) : m.start()].rstrip(" \t")
        if m.start() != here and before and (before[-1].isalnum() or before[-1] == ","):
            return False
    return True


def trusted_span(
    ent: Span, first: int, text: str, offset: int, heading: bool, common: Collection[str]
) -> tuple[int, int]:
    """The tokens (start, end) of a person's name in ``ent`` when its capitals prove nothing:
    in a Title Case headline ("Big-Name Senator Endorsed Trump", "Hillary Clinton Slams
    Donald Trump", "Sloane Mercier’s ‘Apology’") the last word before any possessive or mark
    and the first names or initials before it; elsewhere past an opening word that
    ``unproven_capital`` finds no name."""
    doc = ent.doc
    if not heading:
        if ent.end - first >= 2 and unproven_capital(doc[first], text, offset, common):
            return first + 1, ent.end
        return first, ent.end
    end = next(
        (
            i
            for i in range(ent.start + 1, ent.end)
            if doc[i].tag_ == "POS" or (doc[i].is_punct and doc[i].text not in "-.")
        ),
        ent.end,
    )
    k = end - 1
    while k - 2 >= first and doc[k - 1].text == "-" and not doc[k - 1].whitespace_:
        k -= 2  # "Ban Ki-moon": the last word runs through its hyphens
    given = first_names()
    while k - 1 >= first and (fold(doc[k - 1].text) in given or is_initial(doc[k - 1].text)):
        k -= 1
    word = doc[k]
    if end - k == 1 and (word.like_num or word.lower_ in common or word.lower_ in PERSON_NOUNS):
        return k, k  # "Judge Denies Bail", "Sitcom Star": a word, no name
    return k, end


def listed_with_person(tok: Token) -> bool:
    """ "cabinet members Benny Gantz and Gadi Eizenkot", "biologists Jennifer Doudna and
    Emmanuelle Charpentier": a name joined to a person's name under one plural noun for people
    names a person too (a body joined to a person, "Biden and Congress", has no such noun)."""
    first = tok.head
    if tok.dep_ != "conj" or tok.pos_ != "PROPN" or first.pos_ != "PROPN" or first.i > tok.i:
        return False
    if first.ent_type_ != "PERSON":
        return False
    if first.dep_ == "appos" and first.head.tag_ == "NNS" and first.head.i < first.i:
        return is_person_noun(first.head.lemma_.lower())
    title = next(
        (c for c in first.lefts if c.tag_ == "NNS" and c.dep_ in ("compound", "nmod")), None
    )
    return title is not None and is_person_noun(title.lemma_.lower())
