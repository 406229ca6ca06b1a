"""Rules for a named speaker: "X said", "according to X", "X's office said"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cues import Cue
from reader.analysis.lexicon import (
    BODY_PROXY_NOUNS,
    PERSON_NOUNS,
    PERSON_PROXY_NOUNS,
    PROXY_NOUNS,
    TITLES,
)
from reader.analysis.names import fold, is_role_word, name_span
from reader.analysis.proxies import own_proxy
from reader.analysis.sieve.base import Discourse, Resolution
from reader.analysis.sieve.pronouns import rule_pronoun
from reader.analysis.syntax import np_span, token_span

if TYPE_CHECKING:
    from spacy.tokens import Token


def rule_explicit(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "X said", "said X", "X told ...": the speaker is named."""
    subj = cue.subject
    if cue.kind != "verb" or subj is None:
        return None
    if subj.ent_type_ != "PERSON" or _split_title(subj):
        # "The mayor, Tom Reed, said": the name in apposition; "said Fr. Tom Kelly": after
        subj = next((c for c in subj.rights if _appos_name(c)), None) or (
            name_after_title(subj) or name_after_long_title(subj) or subj
        )
    label = cue.word == ":" and subj.is_upper  # "HOLLISTER: “…”", whatever it was tagged
    label = label or mistagged_name(subj, disc)
    if (subj.pos_ != "PROPN" and not label) or (
        subj.lower_ in PERSON_NOUNS and not named_in_full(subj)
    ):
        return None  # "the MP said": a role, for the description rule
    cluster = disc.find_or_create_person(subj)
    if cluster is None:
        return None
    rel = relative_pronoun(cue.token, subj)
    return Resolution(cluster, token_span(rel) if rel is not None else titled_span(subj))


def titled_span(subj: Token) -> tuple[int, int]:
    """The name of the speaker with the title words of its noun phrase before it ("Former
    Secretary of State Madeleine Albright", "Sen. Pat Toomey"): the words that name them, as
    the subject of the cue reads. No further than a comma or a mark, nor TITLE_WORDS."""
    start, end = name_span(subj)
    doc = subj.doc
    first = subj.i
    while first > 0 and doc[first - 1].idx >= start:
        first -= 1
    if doc[first].idx != start:
        return start, end  # "-Michelle Marks": the name starts inside a token, no title
    j = first
    while (
        j > subj.left_edge.i
        and first - j < TITLE_WORDS
        and (joining_hyphen(doc[j - 1]) or not (doc[j - 1].is_punct or doc[j - 1].is_space))
    ):
        j -= 1
    if j < first and j > 0 and doc[j - 1].pos_ in ("CCONJ", "ADP") and not doc[j - 1].is_sent_start:
        # "Vice President for news and talk Dave Gorab": a title that runs on through a
        # phrase the parser cut; the name alone then
        return start, end
    return (doc[j].idx, end) if j < first else (start, end)


def joining_hyphen(t: Token) -> bool:
    """The hyphen inside a word ("front-runner", "Washington-based")."""
    before = t.doc[t.i - 1] if t.i > 0 else None
    return (
        t.text == "-"
        and not t.whitespace_
        and before is not None
        and not before.whitespace_
        and not (before.is_space or before.is_punct)
    )


def _appos_name(c: Token) -> bool:
    """A name in apposition ("The mayor, Tom Reed,"), not a place ("Michelle Marks,
    Philadelphia") nor a party and state in brackets ("Elijah Cummings (D-Md.)")."""
    left = c.left_edge.i
    bracketed = left > 0 and c.doc[left - 1].text == "("
    return (
        c.dep_ == "appos"
        and c.pos_ == "PROPN"
        and c.ent_type_ not in ("GPE", "LOC")
        and not bracketed
    )


def named_in_full(tok: Token) -> bool:
    """ "Howard Dean", "Bob Judge": a role word that is the surname of a person named in full
    (a first name the tagger put in the name before it)."""
    return tok.ent_type_ == "PERSON" and any(
        c.dep_ in ("compound", "flat") and in_name(c) for c in tok.lefts
    )


#: How many words of title may stand between a speaker slot and the name after it.
TITLE_WORDS = 8


def name_after_title(subj: Token) -> Token | None:
    """ "said Air Force 1st Lt. Tyler Livingston", "mused Blaze co-host Stu Burguiere", "said
    former Pennsylvania Gov. and DNC Chairman Ed Rendell": the parser took a word of the
    title for the subject; the person named right after the title words is the speaker (the
    last word of the name, however the parser split the sentence at an abbreviation). Not a
    name that modifies a noun after it ("the printed Cruz slate card")."""
    doc = subj.doc
    j = subj.i + 1
    while j < len(doc) and j - subj.i <= TITLE_WORDS:
        t = doc[j]
        if in_name(t):
            while j + 1 < len(doc) and (
                in_name(doc[j + 1])
                or (doc[j + 1].is_space and j + 2 < len(doc) and in_name(doc[j + 2]))
            ):
                j += 1
            last = doc[j]
            return last if last.dep_ not in ("compound", "poss", "nmod", "amod") else None
        # "Gov. and DNC Chairman Ed Rendell": one person's two titles, not two people
        joined = t.lower_ == "and" and subj.text.endswith(".")
        title_word = t.pos_ in ("PROPN", "NOUN", "ADJ", "NUM", "SPACE") or t.text in (".", "-")
        if not (title_word or joined) or t.ent_type_ == "PERSON":
            return None
        j += 1
    return None


def _split_title(subj: Token) -> bool:
    """ "said Fr. Tom Kelly": the tokenizer split the title from its period and the parser
    took the title alone ("Fr") for the subject, tagged as a person's name."""
    doc = subj.doc
    return (
        fold(subj.text) in TITLES
        and not subj.whitespace_
        and subj.i + 2 < len(doc)
        and doc[subj.i + 1].text == "."
        and in_name(doc[subj.i + 2])
    )


def name_after_long_title(subj: Token) -> Token | None:
    """ "Sirius XM Vice President for news and talk Dave Gorab called": a title that runs on
    through a phrase ("for news and talk"), which the parser joined to the name with the
    phrase's "and"; the person is the name at its end."""
    if not is_role_word(subj.text) or any(c.dep_ == "det" for c in subj.children):
        return None
    prep = next((c for c in subj.rights if c.dep_ == "prep"), None)
    name = next((c for c in subj.rights if c.dep_ == "conj" and in_name(c)), None)
    return name if prep is not None and name is not None and prep.i < name.i else None


def in_name(t: Token) -> bool:
    """A word of a person's name as the tagger marks one (a proper noun in a PERSON entity)."""
    return t.ent_type_ == "PERSON" and t.pos_ == "PROPN"


def relative_pronoun(verb: Token, antecedent: Token) -> Token | None:
    """ "Trump, who has called the pact “insanity”": the speaker is found through "who", the
    words the attribution rests on (as "he" in "he said")."""
    v = verb
    for _ in range(3):
        if v.dep_ == "relcl" and v.head.i == antecedent.i:
            return next(
                (c for c in v.children if c.tag_ in ("WP", "WDT") and c.dep_ == "nsubj"), None
            )
        if v.dep_ not in ("conj", "xcomp", "advcl") or v.head.i == v.i:
            return None
        v = v.head
    return None


def mistagged_name(tok: Token, disc: Discourse) -> bool:
    """ "Mercier went on", "O’Donnell said": a name the text already gave a person, tagged as
    another part of speech (an apostrophe inside a name is still a name)."""
    # ("Early described it as …", "Will acknowledges …": a name right before its verb, taken
    # for the verb's adverb or auxiliary)
    before_verb = tok.i + 1 == tok.head.i and tok.head.pos_ == "VERB"
    return (
        tok.pos_ in ("ADV", "ADJ", "NOUN", "VERB", "AUX", "ADP")
        and tok.text[:1].isupper()
        and name_word(tok.text)
        and (tok.dep_ in ("nsubj", "nsubjpass") or before_verb)
        and disc.known_person(tok) is not None
    )


def name_word(text: str) -> bool:
    """Letters, with apostrophes or hyphens between them ("O’Donnell", "Lloyd-Jones")."""
    return text.replace("’", "").replace("'", "").replace("-", "").isalpha() and text[-1].isalpha()


def rule_according_to(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "according to X"."""
    obj = cue.subject
    if cue.kind != "according" or obj is None:
        return None
    if obj.pos_ == "PROPN":
        cluster = disc.find_or_create_person(obj)
        if cluster is not None:
            return Resolution(cluster, name_span(obj))
    if obj.pos_ == "PRON":
        return rule_pronoun(cue, disc)
    return None


def proper_name_end(head: Token, owner: Token) -> bool:
    """ "Burlington Free Press", "Team Penske": the proxy word is the last of a name of its
    own (capitalised, after other capitalised words than the owner's), which speaks for
    itself; "the Clinton Campaign" is still the Clinton campaign. An office is never a name
    of its own ("Warren's Senate Office said" quotes Warren), nor a name made of proxy words
    ("Clinton's Campaign Team")."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.lemma_.lower() == "office":
        return False
    named = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"
             and c.i != owner.i]
    return bool(named) and not any(c.lemma_.lower() in PROXY_NOUNS for c in named)


def rule_proxy(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "X's office said": the words are X's; "the X campaign said": the campaign's (a body of
    its own). "X's spokeswoman said" and "a X aide said" quote the spokeswoman or the aide
    (named in apposition, or an unnamed source worded as the text words it), never X."""
    subj = cue.subject
    if subj is None or subj.lemma_.lower() not in PROXY_NOUNS:
        return None
    owner = next(
        (c for c in subj.children if c.dep_ in ("poss", "nmod", "compound") and c.pos_ == "PROPN"),
        None,
    )
    if owner is None or (subj.lemma_.lower() in PERSON_PROXY_NOUNS and not own_proxy(subj)):
        return None  # "the Kremlin spokesman said": the person described, if named before
    if proper_name_end(subj, owner):
        return None  # "Sanders's hometown Burlington Free Press wrote": the paper, not Sanders
    if subj.lemma_.lower() in BODY_PROXY_NOUNS:
        # "the Clinton campaign said": the campaign speaks, a body of its own
        return Resolution(disc.find_or_create_org(subj), np_span(subj))
    if own_proxy(subj):
        named = next(
            (c for c in subj.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None
        )
        if named is not None:  # "Reed's lawyer, Ann Cole, argued"
            person = disc.find_or_create_person(named)
            if person is not None:
                return Resolution(person, name_span(named))
        return Resolution(disc.find_or_create_unnamed_source(subj), np_span(subj, with_prep=True))
    cluster = disc.known_person(owner) or (
        disc.find_or_create_person(owner) if owner.ent_type_ == "PERSON" else None
    )
    if cluster is None:
        return None
    return Resolution(cluster, np_span(subj))
