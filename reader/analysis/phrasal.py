"""Verbs that report speech only with the words around them ("as she put it", "shot back",
"pointed out", "went on"), beside the plain speech verbs of the lexicon."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Prepositions that make "put it" placing a thing ("putting it into the file"), not words
#: ("as she put it in a post").
PLACING = frozenset(("into", "onto", "on", "under", "inside", "behind", "beside"))


_CHARGED = frozenset(("dobj", "dative", "nsubjpass", "auxpass"))  # a price, a crime
_RUSHED = frozenset(("into", "at", "toward", "towards", "through", "ahead", "forward", "up"))


def is_phrasal_speech(tok: Token, lemma: str) -> bool:
    """Whether ``tok`` (a verb, lemma ``lemma``) reports speech by the words around it: "as
    she put it", "she shot back", "as The Hill pointed out", "“…,” Trump went on"."""
    if lemma == "put":  # not "putting it into the national file": a place, not words
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children) and not any(
            c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in PLACING) for c in tok.rights
        )
    if lemma == "point":  # "as Hale has pointed out"
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    if lemma == "go":
        # "“…,” Trump went on"; not "went on to say" (the "say"), "went on for hours"; nor
        # "he went on", which the rules for a quote with no cue already read better (a novel's
        # "he" resolved afresh lost the speaker the run of talk had)
        on = next((c for c in tok.children if c.dep_ == "prt" and c.lower_ == "on"), None)
        return (
            on is not None
            and not (on.i + 1 < len(tok.doc) and tok.doc[on.i + 1].lower_ == "to")
            and not any(c.dep_ in ("xcomp", "prep", "dobj", "ccomp") for c in tok.children)
            and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in tok.children)
        )
    if lemma == "charge":  # "“…,” Hale charged"; not "charge a fee", "charged with fraud"
        return not any(c.dep_ in _CHARGED or c.lower_ in _RUSHED for c in tok.children)
    return lemma in ("shoot", "fire", "hit") and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children
    )
