"""Rules for a person described rather than named: "the lawmaker said", "a spokesman for X"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.clauses import governing_names
from reader.analysis.cues import Cue
from reader.analysis.described import age_word, is_person_description
from reader.analysis.lexicon import SOURCE_PRONOUNS, is_person_noun
from reader.analysis.marked import mark_of
from reader.analysis.names import name_span
from reader.analysis.proxies import proxy_of_apposed, served_word, serves
from reader.analysis.sieve.base import Discourse, Resolution
from reader.analysis.sieve.named import relative_pronoun
from reader.analysis.sieve.pronouns import answered
from reader.analysis.syntax import DOUBLE_MARKS, np_is_definite, np_span, token_span

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Entity types of a name that is a body's or a work's, never a description of a person.
NAMED_BODIES = frozenset(("ORG", "WORK_OF_ART", "PRODUCT", "FAC"))


def named_body(subj: Token) -> bool:
    """A name of several capitalised words tagged a body's ("The Daily Caller"), not a
    title alone the tagger took for one ("the MEP")."""
    return (
        subj.ent_type_ in NAMED_BODIES
        and subj.text[:1].isupper()
        and any(
            c.dep_ in ("compound", "amod")
            and c.text[:1].isupper()
            and c.ent_type_ == subj.ent_type_
            for c in subj.lefts
        )
    )


def rule_description(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "the lawmaker said", "Washington's top diplomat told": the person described."""
    subj = cue.subject
    if subj is None or (subj.pos_ not in ("NOUN", "PROPN") and not age_word(subj)):
        return None
    if named_body(subj):
        return None  # "The Daily Caller reported": a paper's name, not "the caller"
    if not (is_person_description(subj) or disc.registry.holds_role(subj.lemma_.lower())):
        return None  # "the count said": a noun for a thing, unless a person's title
    if not (np_is_definite(subj) or age_word(subj)):
        return None
    exclude: set[int] = set(answered(cue, disc))
    for child in cue.token.children:
        if child.dep_ in ("dobj", "dative", "pobj") and child.pos_ == "PROPN":
            known = disc.known_person(child)
            if known is not None:
                exclude.add(known.id)
    for name in governing_names(cue.token):  # "Cruz said as the heckler yelled"
        known = disc.known_person(name)
        if known is not None:
            exclude.add(known.id)
    if subj.tag_ in ("NNS", "NNPS"):
        # "the study's authors wrote": a group speaks, named as the text words it
        return Resolution(disc.find_or_create_unnamed_source(subj), np_span(subj))
    named = _name_in_commas(subj)
    person = disc.known_person(named) if named is not None else None
    rel = relative_pronoun(cue.token, subj) if _opens_marks(cue.token) else None
    if person is not None and person.kind == "person":
        # "said Scott Reed, the Chamber's strategist, who added that …": "who" says whose
        return Resolution(person, token_span(rel) if rel is not None else name_span(named))
    cluster = disc.resolve_description(subj, exclude)
    if cluster is None:
        return None
    if rel is not None:
        return Resolution(cluster, token_span(rel))
    start, end = np_span(subj)
    boss = serves(subj)
    if boss is not None:  # "the former top aide to President George W. Bush", as worded
        end = boss.right_edge.idx + len(boss.right_edge.text)
    return Resolution(cluster, (start, end))


#: How far from its noun a name set off by commas beside a description is looked for.
_BESIDE = 6


def _name_in_commas(subj: Token) -> Token | None:
    """The name a described subject is set beside, between commas, where the parser
    attached it elsewhere: "Bradley Kessler, then the firm's vice president, wrote", "Her
    editor at Harrow & Finch, Celia Brandt, says": the person named."""
    doc = subj.doc
    first = subj.left_edge.i
    while first > 0 and doc[first - 1].pos_ == "ADV":  # "Kessler, then the firm's …"
        first -= 1
    if first >= 2 and doc[first - 1].text == "," and doc[first - 2].ent_type_ == "PERSON":
        return doc[first - 2]
    for k in range(subj.i + 1, min(len(doc) - 1, subj.i + _BESIDE)):
        if doc[k].pos_ in ("VERB", "AUX") or (doc[k].is_punct and doc[k].text not in ",&"):
            break  # past the description's own words ("the 48-year-old said. “Volkhan, …")
        if doc[k].text != ",":
            continue
        e = k + 1
        while e < len(doc) and doc[e].ent_type_ == "PERSON" and doc[e].ent_iob_ != "O":
            e += 1
        if e > k + 1 and e < len(doc) and doc[e].text == ",":
            return doc[e - 1]
        break
    return None


def rule_proxy_named(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "a spokesman for Halden Corp, John Reyes, said": the spokesman is named, so the quote
    is his (the parser sets the name beside the firm; the firm is never the speaker). Not
    when the name is the one spoken for ("a spokeswoman for the senator, Maria Ortiz,"
    after "Senator Maria Ortiz": the senator, whom the spokeswoman is not)."""
    subj = cue.subject
    served = served_word(subj) if subj is not None and subj.pos_ == "NOUN" else None
    if subj is None or served is None:
        return None
    apposed = _apposed_name(subj, served)
    named = apposed or _name_in_commas(subj)
    person = disc.known_person(named) if named is not None else None
    if person is None and apposed is not None:
        person = disc.find_or_create_person(apposed)  # the parse says it is a name
    if person is None or person.kind != "person":
        return None
    boss = disc.known_person(served) if served.pos_ == "PROPN" else None
    if boss is person or (
        served.lemma_.lower() in person.role_words and subj.lemma_.lower() not in person.role_words
    ):
        return None
    return Resolution(person, name_span(named))


def _apposed_name(subj: Token, served: Token) -> Token | None:
    """The name the parse sets in apposition to the proxy, or to whom it serves ("a
    spokesman for the Wendmoor District Council, Ann Cole,": ``proxy_of_apposed``), however
    long the body's name and however much of the name the tagger tagged."""
    for c in (*subj.rights, *served.rights):
        if c.pos_ != "PROPN" or c.dep_ != "appos" or c.i <= served.i:
            continue
        proxy = proxy_of_apposed(c)
        if c.head.i == subj.i or (proxy is not None and proxy.i == subj.i):
            return c
    return None


def _one_of_people(tok: Token) -> bool:
    """ "one of the people said": one of a group of people, an unnamed source."""
    if tok.lower_ not in ("one", "another"):
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(o.dep_ == "pobj" and is_person_noun(o.lemma_.lower()) for o in prep.children)
        for prep in tok.rights
    )


def rule_unnamed(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "a spokesman for X said": an unnamed source, named as the text words it."""
    subj = cue.subject
    if subj is not None and _one_of_people(subj):
        source = disc.find_or_create_unnamed_source(subj)
        return Resolution(source, np_span(subj, with_prep=True))
    if subj is None or subj.pos_ != "NOUN":
        return None
    if not (is_person_description(subj) or (disc.novel and _marked(subj, disc))):
        return None  # (a novel's "the gentleman in the white waistcoat" is someone)
    cluster = disc.find_or_create_unnamed_source(subj)
    return Resolution(cluster, np_span(subj, with_prep=True))


def rule_other_source(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "the crowd chanted", "a welcome message on the website reads", "another said": a
    source no earlier rule knew, named as the text words it (tried last)."""
    subj = cue.subject
    if subj is None or cue.kind != "verb":
        return None
    # "passed out water bottles that said, “…”": the thing a relative clause's speech verb
    # hangs from speaks through "that", whatever the thing is in its own clause
    rel = relative_pronoun(cue.token, subj) if _opens_marks(cue.token) else None
    if rel is None and subj.dep_ in ("dobj", "pobj", "attr", "npadvmod", "oprd", "dative"):
        return None  # "“…,” recommends such breaks": what is spoken of, not who speaks
    if subj.pos_ == "NOUN" or (
        subj.pos_ in ("PRON", "ADJ", "NUM", "DET") and subj.lower_ in SOURCE_PRONOUNS
    ):
        span = token_span(rel) if rel is not None else np_span(subj, with_prep=True)
        return Resolution(disc.find_or_create_unnamed_source(subj), span)
    return None


def _opens_marks(verb: Token) -> bool:
    """Quotation marks open right after ``verb``, past a comma or a colon ("that said, “")."""
    doc = verb.doc
    for j in range(verb.i + 1, min(len(doc), verb.i + 3)):
        if doc[j].text in DOUBLE_MARKS:
            return True
        if doc[j].text not in (",", ":") and not doc[j].is_space:
            return False
    return False


def _marked(subj: Token, disc: Discourse) -> bool:
    """A novel's person told apart by what they wear or have, brought in so now ("a
    gentleman in a white waistcoat said") or before (``marked``)."""
    mark = mark_of(subj)
    return mark is not None and (
        not np_is_definite(subj) or disc.registry.described(mark.key) is not None
    )
