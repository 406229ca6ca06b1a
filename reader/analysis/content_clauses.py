"""Fragments in the that-clause of a saying or a report: the one who made it said them.

"the contention of Hale that her emails were subjected to “over-classification”", "a report
by the Ledger that he “fabricated” the story": the clause after "that" is what the saying or
the report holds, so its quoted words are the words of whoever the noun is "of" or "by" (or
whose it is). The parser often hangs such a clause from the sentence's verb ("buttress",
"was") instead of from the noun, so the noun is found in the text before the "that", not
through the tree.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from reader.analysis.cue_types import Cue
from reader.analysis.lexicon import DOC_NOUNS, SAYING_NOUNS, SHARE_WORDS
from reader.analysis.syntax import is_speech_verb, verb_subject

if TYPE_CHECKING:
    from spacy.tokens import Token

#: How many heads up from the fragment the clause's verb may be.
CLIMB = 6

#: Nouns whose that-clause is what someone said or wrote ("the claim that", "a report that").
CONTENT_NOUNS = SAYING_NOUNS | DOC_NOUNS

#: Prepositions that name the maker of a saying or a report ("of Hale", "by the Ledger").
MAKER_PREPS = frozenset(("of", "by"))


def content_clause_cue(
    root: Token | None,
    a: int,
    inside_quote: Callable[[int], bool],
    can_speak: Callable[[Token], bool],
) -> Cue | None:
    """The cue of the fragment held at ``root`` (its first token ``a``) when the nearest
    "that"-clause above it follows a saying or a report with a maker who can speak."""
    if root is None:
        return None
    t = root
    for _ in range(CLIMB):
        if t.pos_ in ("VERB", "AUX"):
            mark = next(
                (c for c in t.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < a),
                None,
            )
            if mark is not None:
                return _saying_before(mark, inside_quote, can_speak)
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def about_cue(
    root: Token | None,
    a: int,
    inside_quote: Callable[[int], bool],
    can_speak: Callable[[Token], bool],
) -> Cue | None:
    """ "a report in the Ledger about his campaign “hemorrhaging cash”", "Hale's warning about
    a “slow collapse”": a saying or a report whose "about" phrase holds the fragment gives the
    words of its maker (whose it is, who made it, or the paper it ran "in")."""
    if root is None:
        return None
    t = root
    for _ in range(CLIMB):
        if t.head.i == t.i:
            return None
        if t.dep_ == "prep" and t.lower_ == "about":
            noun = t.head
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CONTENT_NOUNS:
                return None
            maker = _maker(noun, a) or _paper_of(noun, a)
            if maker is None or inside_quote(maker.i) or not can_speak(maker):
                return None
            return Cue(noun, noun.text, maker, contains=True)
        t = t.head
    return None


def _maker(noun: Token, a: int) -> Token | None:
    """Whose a saying or a report is ("Hale's claim"), or who it is "of" or "by"."""
    return next((c for c in noun.children if c.dep_ == "poss"), None) or saying_by(noun, a)


def _paper_of(noun: Token, a: int) -> Token | None:
    """ "a report in the Ledger": the paper a report ran in, an organisation named before."""
    return _object_of(noun, ("in",), a, lambda obj: obj.ent_type_ == "ORG")


def _saying_before(
    mark: Token, inside_quote: Callable[[int], bool], can_speak: Callable[[Token], bool]
) -> Cue | None:
    """The saying or report right before the "that" of a clause, with its maker: "Hale's
    claim that", "a report by the Ledger that", "the contention of former governor Ada Hale
    that"."""
    if mark.i < 1:
        return None
    before = mark.doc[mark.i - 1]
    noun = before
    if before.dep_ == "pobj" and before.head.lower_ in MAKER_PREPS:
        noun = before.head.head  # "the contention of … Hale that": Hale ends the maker's name
    elif before.dep_ == "compound" or before.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CONTENT_NOUNS or inside_quote(noun.i):
        return None
    if noun.dep_ == "dobj":
        citing = verb_subject(noun.head, inside_quote)
        if citing is not None and can_speak(citing):
            return None  # "Gowdy cited a report that “…”": the clause above says whose
    maker = _maker(noun, mark.i)
    if maker is None or inside_quote(maker.i) or not can_speak(maker):
        return None
    return Cue(noun, noun.text, maker, contains=True)


def saying_by(saying: Token, a: int) -> Token | None:
    """ "the contention of Hillary Clinton that …", "the suggestion by a senator that someone
    “ought to look into” it": the one a saying is "of" or "by", named before the fragment."""
    return _object_of(
        saying, MAKER_PREPS, a, lambda obj: obj.i < a and obj.pos_ in ("PROPN", "NOUN", "PRON")
    )


def _object_of(
    noun: Token, preps: Collection[str], a: int, fits: Callable[[Token], bool]
) -> Token | None:
    """The first object that ``fits`` of one of ``preps`` after ``noun``, before token ``a``."""
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i < a:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and fits(obj):
                return obj
    return None


#: Verbs a poll's answer comes under besides the verbs of speech ("61 percent think …").
ANSWER_VERBS = frozenset(
    ("think", "believe", "feel", "view", "rate", "consider", "expect", "want", "prefer")
)


def share_of_people(subj: Token, verb: Token, a: int) -> bool:
    """ "22 percent say he is “not at all responsible”": a share of the people a poll asked,
    the verb's own subject, gives the answer the clause under the verb quotes, though a share
    is no one who can speak elsewhere (not "21 percent who chose “honest”": the fragment
    from token ``a`` inside the share's own phrase describes it)."""
    if subj.head.i != verb.i or subj.dep_ != "nsubj" or subj.lemma_.lower() not in SHARE_WORDS:
        return False
    if not is_speech_verb(verb) and verb.lemma_.lower() not in ANSWER_VERBS:
        return False  # "a third of the roads need “urgent repair”": a share, but no answer
    return not subj.left_edge.i <= a <= subj.right_edge.i
