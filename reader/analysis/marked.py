"""A novel's unnamed person told apart by what they wear or have ("a gentleman in a white
waistcoat", "the magistrate with spectacles", "the man with the black beard"): one person, the
same each time the phrase comes back, never whichever gentleman the scene has.

Only a phrase that marks the person counts: one brought in with it ("a gentleman in a white
waistcoat"), or called so with a "the" on both nouns ("the gentleman in the high chair"). "Said
the girl in a hoarse voice" and "the woman with much deliberation" tell how she spoke.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from reader.analysis.lexicon import is_human_noun, word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Nouns after "in"/"with" that say how someone speaks or acts, or where they are, not who
#: they are.
MANNER_NOUNS = word_set(
    "voice tone whisper undertone murmur manner way accent breath reply answer haste hurry "
    "surprise astonishment amazement agitation deliberation earnest earnestness emotion "
    "question face hand hands arm arms eye eyes head heart mind room house street corner "
    "doorway door place world time moment air look smile laugh sigh groan burst fit"
)

#: The prepositions that mark a person by what they wear or have.
MARKING_PREPS = word_set("in with")


class Mark(NamedTuple):
    """The phrase that tells the person apart: a key the same however it is worded ("gentleman
    in white waistcoat") and the token after its last word."""

    key: str
    end: int


def mark_of(tok: Token) -> Mark | None:
    """What marks the person noun ``tok`` as someone of their own: a "in"/"with" phrase right
    after it whose noun has an article (or is a bare plural: "with spectacles"), not a manner
    or a place; for an indefinite ``tok`` ("a gentleman in a ...") any article, for a
    definite one "the" on both nouns."""
    if tok.pos_ != "NOUN" or not is_human_noun(tok.lemma_.lower()):
        return None
    det = next((c for c in tok.lefts if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("a", "an", "the"):
        return None
    doc = tok.doc
    k = tok.i + 1
    while k < len(doc) and doc[k].is_space:  # a line break in the text
        k += 1
    if k >= len(doc):
        return None
    prep = doc[k]
    if prep.head.i != tok.i or prep.dep_ != "prep" or prep.lower_ not in MARKING_PREPS:
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() in MANNER_NOUNS:
        return None
    own = next((c for c in obj.lefts if c.dep_ in ("det", "poss")), None)
    if own is None:
        if obj.tag_ != "NNS":
            return None
    elif own.lower_ not in ("a", "an", "the") or (det.lower_ == "the" and own.lower_ != "the"):
        return None
    mods = [
        c.lemma_.lower()
        for c in obj.lefts
        if c.dep_ in ("amod", "compound") and (c.is_alpha or "-" in c.text)
    ]
    key = " ".join((tok.lemma_.lower(), prep.lower_, *mods, obj.lemma_.lower()))
    return Mark(key, obj.i + 1)
