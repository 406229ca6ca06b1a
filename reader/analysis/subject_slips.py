"""Parser slips in a speech verb's subject slot: a surname that is also a function word
("“…,” From said"), an object taken for an inverted speaker ("Will described Trump as …"),
a relative clause taken for what was said. Pure functions of tokens, used by ``syntax``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def relative_taken_for_clause(verb: Token, inside_quote: Callable[[int], bool]) -> Token | None:
    """ "Hale, meanwhile, who sits on no committee, said that …": the parser took the relative
    clause for what was said and gave it the name as a second subject; the name speaks."""
    for clause in verb.lefts:
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if clause.dep_ not in ("ccomp", "advcl") or not any(c.tag_ == "WP" for c in subjects):
            continue
        for c in subjects:
            if c.tag_ != "WP" and c.pos_ in ("PROPN", "NOUN") and not inside_quote(c.i):
                return c
    return None


def subject_in_phrase(prep: Token) -> Token | None:
    """ "Of Carson, Levine, who …, said": a preposition is never the one who speaks, but a
    parser that took "Of" for the subject hung the real one from it: the last name of the
    phrase outside its relative clauses ("Carson" is what is spoken of)."""
    said = {t.i for c in prep.subtree if c.dep_ == "relcl" for t in c.subtree}
    names = [
        t
        for t in prep.subtree
        if t.pos_ == "PROPN" and t.i not in said and t.dep_ not in ("compound", "flat")
    ]
    if not names and not list(prep.children) and capital_mid_sentence(prep):
        return prep  # "“…,” From said": a surname that is also a preposition (Al From)
    return names[-1] if len(names) > 1 else None


def capital_mid_sentence(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.i > tok.sent.start


def spoken_of(verb: Token, obj: Token) -> bool:
    """ "Will described Trump as …", "could describe Trump as …": an object with an "as"
    phrase after it, or a verb with an auxiliary of its own, is who the words are about; an
    inverted speaker ("said Trump") has neither."""
    if any(c.dep_ == "aux" and c.i < verb.i for c in verb.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in verb.children)
