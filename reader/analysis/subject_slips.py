"""Parser slips in a speech verb's subject slot: a surname that is also a function word
("“…,” From said"), an object taken for an inverted speaker ("Will described Trump as …"),
a relative clause taken for what was said. Pure functions of tokens, used by ``syntax``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.analysis.lexicon import word_set

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


#: Finite speech verbs the tagger reads as nouns right after a quote ("the email read",
#: "the Saudis state in the white paper").
TAG_VERB_FORMS = word_set(
    """read reads state states say says note notes write writes add adds claim claims
    report reports warn warns argue argues explain explains conclude concludes"""
)


def noun_taken_for_verb(tok: Token, inside_quote: Callable[[int], bool]) -> Token | None:
    """ "“…,” the email read.", "“…,” the Saudis state in the white paper", "“…,” a voice-over
    states.": a speech verb the tagger made the head of a noun phrase with its subject as a
    modifier, right after the closing mark; the modifier is the speaker. None for anything
    else."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or tok.lower_ not in TAG_VERB_FORMS or tok.i + 1 >= len(doc):
        return None
    after = doc[tok.i + 1]
    if not (after.is_punct or after.pos_ == "ADP"):
        return None  # "the state budget", "the read-out": a noun after all
    j = tok.i - 1
    subject = doc[j] if j >= 0 and doc[j].head.i == tok.i else None
    while j >= 0 and doc[j].head.i == tok.i and doc[j].dep_ in ("compound", "det", "amod"):
        j -= 1
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or j < 0 or not inside_quote(j):
        return hyphened_subject(tok, inside_quote)
    return subject


#: How many words a speaker's phrase before a mistagged verb may hold ("a voice-over").
_PHRASE_REACH = 8


def hyphened_subject(tok: Token, inside_quote: Callable[[int], bool]) -> Token | None:
    """ "“…,” a voice-over states.": a hyphened noun between the closing mark and the
    mistagged verb, which the parser tore apart (the "over" a particle, the phrase hung
    anywhere); read by the words, not the arcs: the hyphened word's last part (and the
    names after it) right before the verb, else the first noun of the hyphened word."""
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and tok.i - j <= _PHRASE_REACH and not inside_quote(j):
        if doc[j].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "PART", "PUNCT"):
            return None
        if doc[j].is_punct and doc[j].text != "-":
            return None
        j -= 1
    words = [doc[k] for k in range(j + 1, tok.i)]
    if j < 0 or not inside_quote(j) or not any(t.text == "-" for t in words):
        return None
    hyphen = max(k for k, t in enumerate(words) if t.text == "-")
    end = hyphen + 1  # the hyphened word's last part, then names after it
    while end + 1 < len(words) and words[end].pos_ == "PROPN" and words[end + 1].pos_ == "PROPN":
        end += 1
    if end < len(words) and end == len(words) - 1 and words[end].pos_ in ("NOUN", "PROPN"):
        return words[end]  # "the co-founder states", "Jean-Luc Picard states"
    start = hyphen
    while start > 0 and not words[start - 1].whitespace_:
        start -= 1
    for t in words[start:hyphen]:
        if t.pos_ in ("NOUN", "PROPN"):
            return t  # "a voice-over in the ad states": "over" is no noun, "ad" not it
    return None


def tag_taken_for_phrase(verb: Token, inside_quote: Callable[[int], bool], speech: bool) -> bool:
    """ "“…!” the presumptive GOP nominee, Donald Trump, tweeted Sunday": a tag after a quote
    the parser read as a noun phrase with the speech verb as its modifier (the noun the root
    of a sentence with no verb); the noun is the speaker. Not with an agent ("remarks
    reported by the Post")."""
    head = verb.head
    if not speech or verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or head.dep_ != "ROOT":
        return False
    if head.pos_ not in ("NOUN", "PROPN") or inside_quote(head.i) or head.i > verb.i:
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    k = head.left_edge.i - 1
    return k >= 0 and inside_quote(k)
