"""The attribution sieve: one small named rule per way a text tells who spoke.

Rules are tried in order (the style of Stanford's quote-attribution sieves); the first that
answers wins. Cue rules look at the speech verb (or "according to") found for a quote and at its
subject; the discourse rules (continuation, conversation) run afterwards for quotes with no cue.
Each rule takes the objects it needs and returns a ``Resolution`` or None, so each can be tested
on its own with a parsed sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from reader.analysis.lexicon import (
    DOC_NOUNS,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PROXY_NOUNS,
    REPLY_VERBS,
    SPEECH_VERBS,
    WEAK_VERBS,
    is_person_noun,
)
from reader.analysis.speakers import Cluster

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(slots=True)
class Cue:
    """What tells us a quote is somebody's words: a speech verb or "according to"."""

    token: Token
    word: str  # "said", "according to"
    subject: Token | None
    contains: bool  # the quote lies inside the verb's clause
    kind: str = "verb"  # "verb" or "according"


@dataclass(slots=True)
class Resolution:
    cluster: Cluster | None
    mention: tuple[int, int] | None  # char offsets in the doc
    rule: str


class Discourse(Protocol):
    """What the rules may ask of the text read so far (implemented by the engine)."""

    def person_cluster(self, tok: Token) -> Cluster | None: ...

    def known_person(self, tok: Token) -> Cluster | None: ...

    def org_cluster(self, tok: Token) -> Cluster: ...

    def unnamed_source(self, tok: Token) -> Cluster: ...

    def resolve_pronoun(
        self, tok: Token, gender: str | None, exclude: frozenset[int] = frozenset()
    ) -> Cluster | None: ...

    def last_asker(self) -> Cluster | None: ...

    def resolve_description(self, tok: Token, exclude: set[int]) -> Cluster | None: ...

    def document_author(self, tok: Token) -> Cluster | None: ...

    def recent_organisation(self, tok: Token) -> Cluster | None: ...


# --- finding the cue ---------------------------------------------------------------------------


def is_speech_verb(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in SPEECH_VERBS:
        return True
    # "as she put it", "she shot back"
    if lemma == "put":
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
    return lemma in ("shoot", "fire", "hit") and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children
    )


def age_word(tok: Token) -> bool:
    """The "old" of "the 52-year-old": a person described by age."""
    doc = tok.doc
    if tok.lower_ not in ("old", "year-old") or tok.i < 1:
        return False
    if tok.lower_ == "year-old":
        return True
    j = tok.i - 1
    if doc[j].text == "-":
        j -= 1
    return j >= 0 and doc[j].lower_ in ("year", "years")


def age_of(tok: Token) -> int | None:
    """The age in a description ("the 52-year-old striker" -> 52), if it gives one."""
    olds = [tok] if age_word(tok) else [c for c in tok.lefts if c.dep_ == "amod" and age_word(c)]
    if not olds:
        return None
    doc = tok.doc
    j = olds[0].i - 1
    while j >= 0 and (doc[j].text == "-" or doc[j].lower_ in ("year", "years")):
        j -= 1
    if j >= 0 and doc[j].text.isdigit():
        return int(doc[j].text)
    m = doc[j].text.split("-")[0] if j >= 0 else ""
    return int(m) if m.isdigit() else None


def is_person_description(tok: Token) -> bool:
    """A noun for a person: a role word ("the lawmaker", "the epidemiologist") or anything
    given an age ("the 24-year-old striker")."""
    return (
        is_person_noun(tok.lemma_.lower())
        or age_word(tok)
        or any(c.dep_ == "amod" and age_word(c) for c in tok.lefts)
        or nationality_noun(tok)
    )


def nationality_noun(tok: Token) -> bool:
    """ "the Norwegian said": a nationality used as a noun for one person."""
    return (
        tok.ent_type_ == "NORP"
        and tok.tag_ in ("NNP", "NN", "JJ")
        and not tok.lower_.endswith("s")
        and tok.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts)
    )


def verb_subject(
    verb: Token, inside_quote: Callable[[int], bool] = lambda i: False
) -> Token | None:
    """The speaker slot of a speech verb: its subject, or the name after it ("said Emma").
    Words inside a quotation are never the speaker, whatever the parser made of them."""
    if verb.tag_ == "VBN":  # "described by one critic as “…”": the agent speaks
        for agent in verb.children:
            if agent.dep_ == "agent":
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if obj is not None and not inside_quote(obj.i):
                    return obj
    v: Token | None = verb
    for _ in range(3):  # climb through "and said", "went on to say"
        if v is None:
            break
        # a head climbed to may be passive: "a senator could be heard saying"
        deps = ("nsubj", "csubj") if v is verb else ("nsubj", "csubj", "nsubjpass")
        subjects = [c for c in v.children if c.dep_ in deps and not inside_quote(c.i)]
        if subjects:
            # Two subjects (a dateline parsed as one): prefer the person.
            child = next((c for c in subjects if _names_person(c)), subjects[-1])
            if child.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
                return v.head  # "Martin, who said ..."
            return child
        # "..., warning that"; "went on to explain that", "took to X to say"
        participle = v.dep_ == "advcl" and (
            v.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        )
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.lemma_.lower() in DOC_NOUNS:
            return v.head  # "a statement urging both chambers to …": the statement speaks
        if (v.dep_ in ("conj", "xcomp") or participle) and v.head is not v:
            v = v.head
        else:
            break
    if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
        return None
    for child in verb.rights:
        if (
            child.dep_ in ("attr", "dobj", "npadvmod", "oprd", "dative", "nsubj")
            and child.pos_ in ("PROPN", "NOUN")
            and not inside_quote(child.i)
        ):
            inverted = _right_after_quote(verb, inside_quote)
            if child.dep_ in ("dobj", "dative") and not inverted:
                if verb.lemma_.lower() in ("tell", "ask"):
                    continue  # the listener ("asked the interviewer" after a quote is inverted)
                if child.pos_ == "NOUN" and not is_person_description(child):
                    continue  # "describe negative reviews as …": what is spoken of
            return child
    # "the 52-year-old said": the parser often hangs the age on the verb, with no subject;
    # likewise a name it took for something else's object ("…, obtained by POLITICO, Budget
    # Director Nikhil Varadarajan warned that").
    j = verb.i - 1
    while j > 0 and verb.doc[j].pos_ == "ADV":
        j -= 1
    if j > 0 and not inside_quote(j):
        before = verb.doc[j]
        if age_word(before) or (before.ent_type_ == "PERSON" and before.pos_ == "PROPN"):
            return before
    return None


def _right_after_quote(verb: Token, inside_quote: Callable[[int], bool]) -> bool:
    """ "“...?” asked the interviewer": the verb comes straight after a closing mark."""
    i = verb.i - 1
    if i >= 0 and verb.doc[i].text == ",":
        i -= 1
    return i >= 0 and inside_quote(i)


def _names_person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.rights
    )


def according_to_object(tok: Token) -> Token | None:
    """X in "according to X"."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    for child in nxt.children:
        if child.dep_ == "pobj":
            return child
    j = nxt.i + 1
    while j < len(tok.doc) and tok.doc[j].pos_ in ("DET", "ADJ", "PUNCT"):
        j += 1
    return tok.doc[j] if j < len(tok.doc) and tok.doc[j].pos_ in ("PROPN", "NOUN") else None


def find_cue(
    doc_tokens: Span | Sequence[Token],
    q_first: int,
    q_last: int,
    inside_quote: Callable[[int], bool],
) -> Cue | None:
    """The best cue for the quote spanning tokens q_first..q_last among the region's tokens.

    A speech verb whose clause contains the quote wins; otherwise the nearest cue outside quotes.
    """
    best: Cue | None = None
    best_key: tuple[int, int] | None = None
    for tok in doc_tokens:
        if inside_quote(tok.i):
            continue
        lower = tok.lower_
        if lower == "according":
            obj = according_to_object(tok)
            if obj is None:
                continue
            cue = Cue(tok, "according to", obj, contains=True, kind="according")
            rank = 1
        elif is_speech_verb(tok):
            # Judge by the quoted words: parsers often attach the marks elsewhere.
            inner_first, inner_last = (
                (q_first + 1, q_last - 1) if q_last - q_first > 1 else (q_first, q_last)
            )
            contains = tok.left_edge.i <= inner_first and tok.right_edge.i >= inner_last
            cue = Cue(tok, tok.text, verb_subject(tok, inside_quote), contains=contains)
            rank = 0 if contains and cue.subject is not None else 2
            if cue.subject is None:
                rank = 3
        else:
            continue
        dist = q_first - tok.i if tok.i < q_first else tok.i - q_last
        key = (rank, dist)
        if best_key is None or key < best_key:
            best, best_key = cue, key
    return best


def cue_beside(cue: Cue, q_first: int, q_last: int) -> bool:
    """“Frogeye,” she says / she said, “that’s what got us here.”: a speech verb and its
    subject right against the marks, with a comma between, make the quote somebody's words
    however the parser attached it."""
    doc = cue.token.doc
    v = cue.token.i
    subject = cue.subject
    if subject is None:
        return False
    if v > q_last:
        closing = doc[q_last - 1] if doc[q_last].is_punct and q_last > q_first else doc[q_last]
        if closing.text not in (",", "!", "?", "—") and not closing.text.endswith(","):
            return False
        between = doc[q_last + 1 : v]
        span = range(subject.left_edge.i, subject.right_edge.i + 1)
        return len(between) <= 4 and all(t.i in span for t in between)
    if v < q_first:
        # "she said, “that’s …”"; "as Mercier put it, “just really loud right now.”"
        between = [
            t
            for t in doc[v + 1 : q_first]
            if t.i != subject.i and not (t.lower_ == "it" and t.head.i == v)
        ]
        return len(between) == 1 and between[0].text in (",", ":")
    return False


def cue_reports(cue: Cue, q_first: int) -> bool:
    """ "writing that the vote was “long overdue” and that the counties “cannot wait”": a
    fragment in a that-clause after the speech verb is reported speech even where the parser
    hung the clause elsewhere."""
    doc = cue.token.doc
    v = cue.token.i
    if v >= q_first:
        return False
    between = doc[v + 1 : q_first]
    return any(t.lower_ == "that" and t.dep_ == "mark" for t in between) and not any(
        t.text in (";", ".", "?", "!") for t in between
    )


def cue_allows_fragment(
    cue: Cue | None, q_first: int = -1, q_last: int = -1, named: bool = False
) -> bool:
    """A short fragment counts as a quote only when a real speaker is said to have said it
    (named: the subject is a name the text gave a person, however it was tagged)."""
    if cue is None or cue.subject is None:
        return False
    if cue.kind == "according":
        return True
    if not (
        cue.contains
        or (q_first >= 0 and (cue_beside(cue, q_first, q_last) or cue_reports(cue, q_first)))
    ):
        return False
    subj = cue.subject
    if subj.pos_ == "PRON" and subj.lower_ not in MALE_PRONOUNS | FEMALE_PRONOUNS | {
        "they",
        "i",
        "we",
        "it",  # "It called the targets “necessary but not sufficient”": a body or a paper
    }:
        return False
    if cue.token.lemma_.lower() in WEAK_VERBS and subj.pos_ not in ("PROPN", "PRON"):
        # "The report described the mood as “sour but not settled”": a document, a body or a
        # person can be said to describe; an abstract noun ("the data suggest") cannot.
        lemma = subj.lemma_.lower()
        return lemma in DOC_NOUNS or lemma in ORG_NOUNS or is_person_noun(lemma)
    return named or subj.pos_ in ("PROPN", "NOUN", "PRON")


# --- the cue rules -----------------------------------------------------------------------------


def _span(tok: Token) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok.text)


def name_span(tok: Token) -> tuple[int, int]:
    """Character span of the name around tok: its run of proper nouns ("Mary Ann Zollman")."""
    doc = tok.doc
    while tok.dep_ in ("compound", "flat") and tok.head.i == tok.i + 1 and tok.head.pos_ == "PROPN":
        tok = tok.head
    s = tok.i
    person = tok.ent_type_ == "PERSON"
    while s > 0 and tok.i - s < 5:
        before = doc[s - 1]
        # Within a PERSON entity every proper noun is the name; outside one, only compounds
        # ("Senate Majority Leader Chuck Schumer": the name is "Chuck Schumer").
        joined = (
            (before.ent_type_ == "PERSON" and before.ent_iob_ != "O")
            if person
            else (before.dep_ == "compound" and s <= before.head.i <= tok.i)
        )
        if (
            before.pos_ == "PROPN"
            and not before.is_punct
            and joined
            and (not person or doc[s].ent_iob_ == "I")
        ):
            s -= 1
        elif (  # "Jean-Pierre": a hyphen with no space either side
            before.text == "-"
            and s > 1
            and not before.whitespace_
            and not doc[s - 2].whitespace_
            and doc[s - 2].pos_ == "PROPN"
        ):
            s -= 2
        else:
            break
    e = hyphenated_end(tok)
    return doc[s].idx, doc[e].idx + len(doc[e].text)


def hyphenated_end(tok: Token) -> int:
    """Index of a name's last word through hyphens with no space either side ("Osei-Bonsu"
    from "Osei"): the tagger and the parser often stop at the hyphen."""
    doc = tok.doc
    e = tok.i
    while (
        e + 2 < len(doc)
        and doc[e + 1].text == "-"
        and not doc[e].whitespace_
        and not doc[e + 1].whitespace_
        and doc[e + 2].pos_ == "PROPN"
        and doc[e + 2].text[:1].isupper()
    ):
        e += 2
    return e


def rule_explicit_name(cue: Cue, disc: Discourse) -> Resolution | None:
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
    cluster = disc.person_cluster(subj)
    if cluster is None:
        return None
    return Resolution(cluster, name_span(subj), "explicit")


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
        cluster = disc.person_cluster(obj)
        if cluster is not None:
            return Resolution(cluster, name_span(obj), "according_to")
    if obj.pos_ == "PRON":
        return rule_pronoun(cue, disc)
    return None


def rule_proxy(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "X's office / spokesman / aides said": the words are X's."""
    subj = cue.subject
    if subj is None or subj.lemma_.lower() not in PROXY_NOUNS:
        return None
    for child in subj.children:
        if child.dep_ in ("poss", "nmod", "compound") and child.pos_ == "PROPN":
            cluster = disc.known_person(child) or (
                disc.person_cluster(child) if child.ent_type_ == "PERSON" else None
            )
            if cluster is not None:
                return Resolution(cluster, name_span(child), "proxy")
    return None


def rule_pronoun(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "he added", "she says": the most salient earlier person of that gender."""
    subj = cue.subject
    if subj is None or subj.pos_ != "PRON":
        return None
    low = subj.lower_
    if low == "it":  # "the ministry ... it said": the organisation last named
        org = disc.recent_organisation(subj)
        return Resolution(org, _span(subj), "pronoun") if org is not None else None
    if low in MALE_PRONOUNS:
        gender: str | None = "m"
    elif low in FEMALE_PRONOUNS:
        gender = "f"
    else:
        return None
    cluster = disc.resolve_pronoun(subj, gender, _answered(cue, disc))
    if cluster is None:
        return None
    return Resolution(cluster, _span(subj), "pronoun")


def _answered(cue: Cue, disc: Discourse) -> frozenset[int]:
    """Who a reply answers: after "“Yes or no?”", "“A number first,” the candidate replied"
    is not the one who asked."""
    if cue.token.lemma_.lower() not in REPLY_VERBS:
        return frozenset()
    last = disc.last_asker()
    return frozenset((last.id,)) if last is not None else frozenset()


def _np_is_definite(tok: Token) -> bool:
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        for c in tok.lefts
    )


def rule_description(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "the lawmaker said", "Washington's top diplomat told": the person described."""
    subj = cue.subject
    if subj is None or (subj.pos_ not in ("NOUN", "PROPN") and not age_word(subj)):
        return None
    if not is_person_description(subj) or not (_np_is_definite(subj) or age_word(subj)):
        return None
    exclude: set[int] = set(_answered(cue, disc))
    for child in cue.token.children:
        if child.dep_ in ("dobj", "dative", "pobj") and child.pos_ == "PROPN":
            known = disc.known_person(child)
            if known is not None:
                exclude.add(known.id)
    if subj.tag_ in ("NNS", "NNPS"):
        # "the study's authors wrote": a group speaks, named as the text words it
        return Resolution(disc.unnamed_source(subj), np_span(subj), "description")
    cluster = disc.resolve_description(subj, exclude)
    if cluster is None:
        return None
    return Resolution(cluster, np_span(subj), "description")


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


def rule_unnamed_source(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "a spokesman for X said": an unnamed source, named as the text words it."""
    subj = cue.subject
    if subj is not None and _one_of_people(subj):
        return Resolution(disc.unnamed_source(subj), np_span(subj, with_prep=True), "unnamed")
    if subj is None or subj.pos_ != "NOUN" or not is_person_description(subj):
        return None
    cluster = disc.unnamed_source(subj)
    return Resolution(cluster, np_span(subj, with_prep=True), "unnamed")


def rule_document(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "the report said": whoever issued the report, else the report as written."""
    subj = cue.subject
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in DOC_NOUNS:
        return None
    author = disc.document_author(subj)
    if author is not None:
        return Resolution(author, np_span(subj), "document")
    return Resolution(disc.org_cluster(subj), np_span(subj), "organisation")


def rule_organisation_description(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "the company said": the organisation last named in the text."""
    subj = cue.subject
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in ORG_NOUNS:
        return None
    if not _np_is_definite(subj) or any(c.dep_ in ("compound", "poss") for c in subj.lefts):
        return None
    org = disc.recent_organisation(subj)
    if org is None:
        return None
    return Resolution(org, np_span(subj), "organisation")


def rule_organisation(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "the Church accused", "the airline said": an organisation speaks."""
    subj = cue.subject
    if subj is None or subj.pos_ not in ("PROPN", "NOUN"):
        return None
    if subj.text[:1].isupper() and not _np_is_definite(subj):
        # A name the text already gave a person stays that person, however it was tagged.
        person = disc.known_person(subj)
        if person is not None:
            return Resolution(person, name_span(subj), "explicit")
    if subj.pos_ == "NOUN" and not (subj.ent_type_ or _np_is_definite(subj) or _bare_body(subj)):
        return None
    named = next(
        (
            c
            for c in subj.rights
            if c.pos_ == "PROPN"
            and c.ent_type_ != "PERSON"
            and (c.dep_ == "appos" or (c.dep_ == "conj" and c.nbor(-1).text == ","))
        ),
        None,
    )
    if named is not None:  # "The book's publisher, Linden & Marsh, said"
        return Resolution(disc.org_cluster(named), np_span(subj), "organisation")
    if (
        subj.pos_ == "NOUN"
        and not subj.ent_type_
        and subj.lemma_.lower() not in ORG_NOUNS
        and subj.tag_ == "NN"
    ):
        # "the third-generation grower said": a definite noun that is no body is a person
        # described, whatever the word
        person = disc.resolve_description(subj, set())
        if person is not None and person.kind == "person":
            return Resolution(person, np_span(subj), "description")
    return Resolution(disc.org_cluster(subj), np_span(subj), "organisation")


def _bare_body(tok: Token) -> bool:
    """ "Police said": a collective noun for a body, with no article, names that body."""
    return tok.lemma_.lower() in ORG_NOUNS and not any(
        c.dep_ in ("det", "poss", "nummod") for c in tok.children
    )


#: The cue rules in the order they are tried.
CUE_SIEVE: tuple[Callable[[Cue, Discourse], Resolution | None], ...] = (
    rule_according_to,
    rule_proxy,
    rule_explicit_name,
    rule_pronoun,
    rule_description,
    rule_unnamed_source,
    rule_document,
    rule_organisation_description,
    rule_organisation,
)


def attribute(cue: Cue | None, disc: Discourse) -> Resolution | None:
    """Run the cue rules in order; the first answer wins."""
    if cue is None or cue.subject is None:
        return None
    for rule in CUE_SIEVE:
        res = rule(cue, disc)
        if res is not None:
            return res
    return None


def np_span(tok: Token, with_prep: bool = False) -> tuple[int, int]:
    """Character span of a noun phrase: determiners, possessors and modifiers up to the head,
    and with_prep its "for/of/at X" complement ("a spokesman for the ministry")."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod", "quantmod"):
            start = min(start, child.left_edge.i)
            break
    end = tok.i + 1
    doc = tok.doc
    if with_prep:
        for child in tok.rights:
            if (
                (child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with", "from"))
                # a postposed modifier right after the noun: "a person familiar with ...",
                # "people briefed on ..." (a reduced relative: no subject of its own)
                or (
                    child.left_edge.i == tok.i + 1
                    and child.dep_ in ("amod", "acl")
                    and any(c.dep_ == "prep" for c in child.children)
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
                )
            ):
                end = max(end, _phrase_end(child))
            elif (
                # "a French diplomat who attended the sessions": a restrictive relative clause
                # (no comma) is part of how the text describes the source
                child.dep_ == "relcl"
                and child.left_edge.i == end
                and doc[end].tag_ in ("WP", "WDT")
                and child.right_edge.i - end < 16
            ):
                end = child.right_edge.i + 1
            else:
                break
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _phrase_end(head: Token) -> int:
    """End of a noun's complement, which stops before a comma or a clause that describes it
    ("an analyst at X, who asked not to be named, said")."""
    doc = head.doc
    for j in range(head.i + 1, head.right_edge.i + 1):
        t = doc[j]
        if t.text in ",;(—–" or t.dep_ in ("relcl", "acl") or t.tag_ in ("WP", "WDT"):
            return j
    return head.right_edge.i + 1


# --- the discourse rules -----------------------------------------------------------------------


@dataclass(slots=True)
class QuoteInfo:
    """What the discourse rules need to know about a quote."""

    qid: int
    paragraph: int
    opens_paragraph: bool
    closed: bool
    cluster: int | None
    has_cue: bool
    #: The paragraph is a short line of dialogue that opens with a quotation mark.
    turn: bool = False
    #: The person subject of the sentence just before the quote in its paragraph, if any.
    before: int | None = None
    #: Global numbers of the sentences holding the quote's first and last words.
    sent_first: int = -1
    sent_last: int = -1
    #: The person the previous paragraph reports as saying something, if it does.
    reported: int | None = None


def rule_preceding_subject(q: QuoteInfo, prev: QuoteInfo | None) -> tuple[int, str] | None:
    """A quote with no cue right after a sentence about a person is that person's ("Smith was
    blunt. “This is wrong.”"), unless that sentence held the previous, attributed quote."""
    if q.before is None:
        return None
    if (
        prev is not None
        and prev.paragraph == q.paragraph
        and prev.cluster is not None
        and prev.sent_last >= q.sent_first - 1
    ):
        return None
    return q.before, "preceding_subject"


def rule_continuation_same_paragraph(
    q: QuoteInfo, prev: QuoteInfo | None, nxt: QuoteInfo | None
) -> tuple[int, str] | None:
    """A quote with no cue beside an attributed one in its paragraph has that speaker."""
    if prev is not None and prev.paragraph == q.paragraph and prev.cluster is not None:
        return prev.cluster, "continuation"
    if nxt is not None and nxt.paragraph == q.paragraph and nxt.cluster is not None:
        return nxt.cluster, "continuation"
    return None


def rule_continuation_next_paragraph(
    q: QuoteInfo, prev: QuoteInfo | None, before_prev: QuoteInfo | None
) -> tuple[int, str] | None:
    """A paragraph opening with a quote and no cue continues the previous paragraph's speaker,
    unless the two previous paragraphs were a two-person exchange (then it is the other one)."""
    if not q.opens_paragraph or prev is None or prev.cluster is None:
        return None
    if prev.paragraph != q.paragraph - 1:
        return None
    if not prev.closed:
        return prev.cluster, "continuation"
    if (
        before_prev is not None
        and before_prev.paragraph == prev.paragraph - 1
        and q.turn
        and prev.turn
        and before_prev.turn
        and before_prev.cluster is not None
        and before_prev.cluster != prev.cluster
    ):
        return before_prev.cluster, "conversation"
    return prev.cluster, "continuation"


def rule_reported_speech(q: QuoteInfo, prev: QuoteInfo | None) -> tuple[int, str] | None:
    """A paragraph that opens with a quote and no cue, after a paragraph reporting what
    someone said ("Feld said he had seen it. / “You don't need a trial to see that.”"), gives
    that person's words, unless the previous paragraph ended with a quote of its own."""
    if not q.opens_paragraph or q.reported is None:
        return None
    if prev is not None and prev.paragraph >= q.paragraph - 1:
        return None
    return q.reported, "continuation"
