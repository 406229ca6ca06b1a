"""Rules for a named speaker: "X said", "according to X", "X's office said"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cues import Cue
from reader.analysis.lexicon import (
    BODY_PROXY_NOUNS,
    PERSON_NOUNS,
    PERSON_PROXY_NOUNS,
    PROXY_NOUNS,
)
from reader.analysis.names import name_span
from reader.analysis.proxies import own_proxy
from reader.analysis.sieve.base import Discourse, Resolution
from reader.analysis.sieve.pronouns import rule_pronoun
from reader.analysis.syntax import np_span

if TYPE_CHECKING:
    from spacy.tokens import Token


def rule_explicit(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "X said", "said X", "X told ...": the speaker is named."""
    subj = cue.subject
    if cue.kind != "verb" or subj is None:
        return None
    if subj.ent_type_ != "PERSON":  # "The mayor, Tom Reed, said": the name in apposition
        subj = next((c for c in subj.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), subj)
    label = cue.word == ":" and subj.is_upper  # "HOLLISTER: “…”", whatever it was tagged
    label = label or mistagged_name(subj, disc)
    if (subj.pos_ != "PROPN" and not label) or subj.lower_ in PERSON_NOUNS:
        return None  # "the MP said": a role, for the description rule
    cluster = disc.find_or_create_person(subj)
    if cluster is None:
        return None
    return Resolution(cluster, name_span(subj))


def mistagged_name(tok: Token, disc: Discourse) -> bool:
    """ "Mercier went on": a name the text already gave a person, tagged as another part of
    speech at the start of a sentence."""
    return (
        tok.pos_ in ("ADV", "ADJ", "NOUN", "VERB")
        and tok.text[:1].isupper()
        and tok.is_alpha
        and tok.dep_ in ("nsubj", "nsubjpass")
        and disc.known_person(tok) is not None
    )


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


def rule_proxy(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "X's office said": the words are X's; "the X campaign said": the campaign's (a body of
    its own). "X's spokeswoman said" and "a X aide said" quote the spokeswoman or the aide
    (named in apposition, or an unnamed source worded as the text words it), never X."""
    subj = cue.subject
    if subj is None or subj.lemma_.lower() not in PROXY_NOUNS:
        return None
    owner = next(
        (
            c
            for c in subj.children
            if c.dep_ in ("poss", "nmod", "compound") and c.pos_ == "PROPN"
        ),
        None,
    )
    if owner is None or (subj.lemma_.lower() in PERSON_PROXY_NOUNS and not own_proxy(subj)):
        return None  # "the Kremlin spokesman said": the person described, if named before
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
