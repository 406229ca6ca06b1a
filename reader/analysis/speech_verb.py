"""Whether a verb reports speech: the lexicon's verbs, phrasal ones ("lashed out"), and a
verb the lexicon lacks in the order only speech takes ("“…,” remembered Roy Verley").

Pure functions of tokens (split from ``syntax`` so noun-phrase spans can ask it too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.lexicon import SPEECH_VERBS
from reader.analysis.phrasal import is_phrasal_speech
from reader.analysis.quotes import DOUBLE_CLOSE, GUILLEMET_CLOSE, STRAIGHT_DOUBLE

if TYPE_CHECKING:
    from spacy.tokens import Token


def is_speech_verb(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    return lemma in SPEECH_VERBS or is_phrasal_speech(tok, lemma) or inverted_after_quote(tok)


def inverted_after_quote(tok: Token) -> bool:
    """ "“…,” remembered Roy Verley", "“…,” reminisced Ann": a past-tense verb right after a
    quote closed on a comma, before its named subject (a straight mark closes a quote when
    it follows the comma with no space and is followed by one), is the quote's speech verb
    whatever the verb (the order only speech takes), though the lexicon does not list it."""
    doc = tok.doc
    i = tok.i
    if tok.tag_ != "VBD" or tok.pos_ != "VERB" or i < 2 or i + 1 >= len(doc):
        return False
    mark, stop, name = doc[i - 1], doc[i - 2], doc[i + 1]
    if mark.text not in DOUBLE_CLOSE + STRAIGHT_DOUBLE + GUILLEMET_CLOSE or stop.text != ",":
        return False
    if mark.text in STRAIGHT_DOUBLE and (stop.whitespace_ or not mark.whitespace_):
        return False  # ', "Hired John Smith…': a straight mark that opens a quote
    full = False
    while name.dep_ == "compound" and name.head.i == name.i + 1:
        name = name.head  # "Roy Verley": the name's last word hangs from the verb
        full = True
    # a full name, as news introduces a source ("returned Oliver" is a story's turn, which
    # the story's own rules and ranker weigh), the verb's own (not "was Lucy's reply")
    return (
        full
        and name.pos_ == "PROPN"
        and name.ent_type_ == "PERSON"
        and name.head.i == i
        and _subject(tok, name)
    )


def _subject(verb: Token, name: Token) -> bool:
    """The name is the verb's subject: so parsed, or parsed as its object when the verb has
    no subject and the name ends the clause ('"…," thundered Mr. Bumble.', the inverted
    order read as an object); not the object of '…," left Maria Lopez in tears' nor of
    'The verdict, "…," left Maria Lopez'."""
    if name.dep_ == "nsubj":
        return True
    doc = verb.doc
    ends = name.i + 1 == len(doc) or doc[name.i + 1].is_punct
    return (
        name.dep_ == "dobj"
        and ends
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    )
