"""Who can say a fragment, and the sayings that hold one ("his warning that …", "Trump's
“woman's card” remark"): the pieces of ``fragments`` that look at a fragment's possible
speaker rather than at the clause around it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.analysis.content_clauses import saying_by
from reader.analysis.cues import Cue
from reader.analysis.lexicon import (
    DOC_NOUNS,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    ORG_NOUNS,
    SAYING_NOUNS,
    is_person_noun,
)
from reader.analysis.used_words import NAME_NOUNS, WORDS_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.references import DiscourseState

#: How many heads up from the fragment its clause's verb may be ("attacked Romney for being a
#: “failed candidate”": candidate -> being -> for -> attacked). A head never leaves its
#: sentence, so ``Token.sent`` (a scan of the sentence: quadratic in a long one) is not asked.
CLIMB = 6

#: Attachments through which a fragment is said of a noun, not in it.
SIDE_CLAUSES = frozenset(("appos", "relcl"))

#: Nouns for people gathered, who chant, cheer and echo together ("the audience … echoing
#: “too many”").
GATHERINGS = frozenset(("crowd", "audience"))

#: Nouns for the ads and films a campaign speaks through ("The ad calls Hale “a fraud”"), and
#: for the rich, whom news names by their wealth ("the billionaire called the vote “a farce”").
SPEAKING_MEDIA = frozenset(("ad", "advert", "commercial", "video", "spot", "mailer", "flyer"))
WEALTH_NOUNS = frozenset(
    ("billionaire", "millionaire", "mogul", "tycoon", "businessman", "businesswoman", "magnate")
)

#: Pronouns for someone who speaks (not "it", "this", "there": a thing or nothing).
SPEAKING_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | {"they", "i", "we", "who"}


def can_speak(st: DiscourseState, tok: Token) -> bool:
    """A person, a body or a document: something a fragment can be the words of (a place
    named as a speaker stands for its government: "Moscow is pushing for a “frozen
    conflict”")."""
    low = tok.lower_
    if tok.pos_ == "PRON":
        return low in SPEAKING_PRONOUNS
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.pos_ == "PROPN":
        return st.known_person(tok) is not None
    if tok.pos_ == "NOUN":
        lemma = tok.lemma_.lower()
        return (
            is_person_noun(lemma)
            or lemma in ORG_NOUNS
            or lemma in DOC_NOUNS
            or lemma in GATHERINGS
            or lemma in SPEAKING_MEDIA
            or lemma in WEALTH_NOUNS
        )
    return False


def possessed_saying(
    st: DiscourseState, a: int, b: int, inside_quote: Callable[[int], bool]
) -> Cue | None:
    """ "his warning that Britain would go to the “back of the queue”", "Trump's “woman's
    card” remark": a saying whose possessor can speak holds the fragment; the possessor
    said it."""
    doc = st.doc
    assert doc is not None
    words = [t for t in doc[a : b + 1] if not a <= t.head.i <= b]
    outside = [t for t in words if not t.is_punct] or words
    if not outside:
        return None
    t: Token = outside[0]
    for _ in range(CLIMB):
        if t.head.i == t.i or t.dep_ in SIDE_CLAUSES:
            return None  # "Leaupepe's proposal, an approach known as “…”": said of it, not in it
        t = t.head
        if t.lemma_.lower() == "be" and t.i < a:
            # "Holt's claim is that the panel is a “witch hunt”": the saying is the
            # subject of the copula whose complement holds the fragment
            said = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if said is not None and said.lemma_.lower() in SAYING_NOUNS:
                t = said
        if t.pos_ == "NOUN" and t.lemma_.lower() in SAYING_NOUNS and not a <= t.i <= b:
            owner = next((c for c in t.children if c.dep_ == "poss"), None) or saying_by(t, a)
            if owner is None or inside_quote(owner.i) or not can_speak(st, owner):
                return None
            return Cue(t, t.text, owner, contains=True)
    return None


#: Possessives that may stand right before a quote: "Trump's", "her".
POSSESSIVE_MARKS = frozenset(("'s", "’s", "'", "’"))


def adjacent_saying(
    st: DiscourseState, a: int, b: int, inside_quote: Callable[[int], bool]
) -> Cue | None:
    """ "the uproar over Clinton's “basket of deplorables” remark", "Trump's “Make America
    Great Again” rallying cry": a possessive right before the marks and a noun for words
    right after them make the words the possessor's, however the parser hung the quoted
    words (often as a clause of their own). A name given ("his “Big Ed” nickname") stays
    a name."""
    doc = st.doc
    assert doc is not None
    j = b + 1
    if j < len(doc) and doc[j].lower_ == "rallying":
        j += 1  # "rallying cry"
    if a < 1 or j >= len(doc) or inside_quote(j):
        return None
    noun = doc[j]
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in WORDS_NOUNS or lemma in NAME_NOUNS:
        return None
    owner = doc[a - 1]
    if owner.lower_ in POSSESSIVE_MARKS and a >= 2:
        owner = doc[a - 2]
    elif owner.tag_ != "PRP$":
        return None
    if inside_quote(owner.i) or not can_speak(st, owner):
        return None
    return Cue(noun, noun.text, owner, contains=True)
