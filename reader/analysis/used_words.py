"""Names, slogans and terms that the sentence says someone uses: whose words they are.

A capitalised phrase in marks is mostly a title or a name ("the show “Cake Boss”"), and a
term in apposition to a noun is mostly the writer's; but when the sentence says who uses the
words, they are that one's words whatever their capitals: a naming verb with its namer ("he
called the mayor “Big Ed”", "refers to the senator as “Mr. Hale”"), a noun for words with
its owner ("Holt's “Fix It Now” rallying cry", "ran on the slogan “Roads First”", "coined a
new phrase, “pothole politics”", "his use of the term “Greater Dunmore”"). A naming with no
one naming ("a group called “Friends of the Park”") and the name of a work stay out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.analysis.cue_types import Cue
from reader.analysis.lexicon import LISTENER_VERBS, SAYING_NOUNS, word_set
from reader.analysis.naming import NAMING, naming_cue
from reader.analysis.syntax import is_speech_verb, verb_subject

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Nouns for words someone uses, whose owner (or user) the words belong to.
WORDS_NOUNS = SAYING_NOUNS | word_set(
    """slogan motto mantra catchphrase refrain hashtag cry pronouncement epithet
    insult rallying"""
)

#: Nouns for a name given, which stays a name ("adopted the nickname “the Back Row Moms”").
NAME_NOUNS = word_set("nickname moniker name label title")

#: Verbs whose subject uses the words a noun of ``WORDS_NOUNS`` holds ("coined the phrase").
USE_VERBS = word_set(
    """use coin adopt prefer embrace repeat invoke employ run popularize popularise chant
    deploy borrow revive trademark utter unveil launch roll tout push wield"""
)

#: Attachments by which a quoted phrase names the words a noun stands for: "the slogan
#: “X”", "the “X” slogan", "a new phrase, “X”".
NAMING_DEPS = frozenset(("appos", "compound", "amod", "nmod", "attr", "npadvmod"))


def used_cue(
    root: Token, a: int, inside_quote: Callable[[int], bool], can_speak: Callable[[Token], bool]
) -> Cue | None:
    """The cue of the words over tokens from ``a`` (held by the sentence at ``root``) when
    the sentence says who uses them. A name given ("called the mayor “Big Ed”", "the
    nickname “the Referee”") stays a name: only the words someone speaks of a person or a
    thing by ("refers to the senator as “Mr. Hale”") or uses as a slogan or a term count."""
    named = naming_cue(root, inside_quote, can_speak)
    if named is not None and named.token.lemma_.lower() not in NAMING:
        return named
    return words_owner(root, inside_quote, can_speak) or spoken_of(root, a, inside_quote, can_speak)


#: Speech verbs whose object may be a work, not words ("had read “The Salt Orchard”").
WORK_VERBS = word_set("read sing write post publish")

#: Attachments climbed from a quoted name to the verb whose object holds it.
OBJECT_PATH = frozenset(("compound", "amod", "nmod", "appos", "pobj", "prep", "dobj", "poss"))


def spoken_of(
    root: Token, a: int, inside_quote: Callable[[int], bool], can_speak: Callable[[Token], bool]
) -> Cue | None:
    """ "denounced the “Friends of Hale” movement", "reiterated the premise of the “Dunmore
    Effect”": a name in what a speech verb's subject speaks of is that speaker's words (not
    a listener's: "told NBC's “Today”")."""
    t = root
    through_object = False
    for _ in range(4):
        if t.dep_ not in OBJECT_PATH or t.head.i == t.i:
            return None
        through_object = through_object or t.dep_ == "dobj"
        t = t.head
        if t.pos_ == "VERB":
            break
    else:
        return None
    if not through_object or inside_quote(t.i) or not is_speech_verb(t):
        return None
    lemma = t.lemma_.lower()
    if lemma in LISTENER_VERBS or lemma in WORK_VERBS or lemma in NAMING or t.i > a:
        return None
    subj = verb_subject(t, inside_quote)
    if subj is None or subj.i > t.i or inside_quote(subj.i) or not can_speak(subj):
        return None
    return Cue(t, t.text, subj, contains=True)


def words_owner(
    root: Token, inside_quote: Callable[[int], bool], can_speak: Callable[[Token], bool]
) -> Cue | None:
    """ "Holt's “Fix It Now” rallying cry", "the slogan “Roads First”" run on, "his use of
    the term “X”": the quote names a noun for words; its owner, or the one the clause says
    uses it, said them."""
    noun = root.head
    if root.dep_ not in NAMING_DEPS or noun.i == root.i or noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    if lemma not in WORDS_NOUNS or lemma in NAME_NOUNS or inside_quote(noun.i):
        return None
    holder: Token = noun
    for _ in range(2):  # "his use of the term": the owner of the use
        owner = next((c for c in holder.children if c.dep_ == "poss"), None)
        if owner is not None:
            if inside_quote(owner.i) or not can_speak(owner):
                return None
            return Cue(noun, noun.text, owner, contains=True)
        prep = holder.head
        if holder.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN":
            holder = prep.head
        else:
            break
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "ran on the slogan"
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in USE_VERBS or inside_quote(verb.i):
        return None
    subj = verb_subject(verb, inside_quote)
    if subj is None or subj.i > root.i or inside_quote(subj.i) or not can_speak(subj):
        return None
    return Cue(verb, verb.text, subj, contains=True)
