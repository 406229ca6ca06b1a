"""Phrase and verb helpers over a spaCy parse: speech verbs and their subjects, noun-phrase
spans and definiteness (what a described noun says of a person is in ``described``).

Pure functions of tokens: they keep no state and know nothing of what the text said before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.analysis.described import age_word, is_person_description
from reader.analysis.lexicon import (
    DOC_NOUNS,
    FINITE_TAGS,
    LISTENER_VERBS,
    NAMING_VERBS,
)
from reader.analysis.names import hyphen_start

# Re-exported (``X as X``): the engine's modules ask ``syntax`` for these, which moved out to
# keep each module short.
from reader.analysis.np_spans import DOUBLE_MARKS as DOUBLE_MARKS
from reader.analysis.np_spans import np_is_definite as np_is_definite
from reader.analysis.np_spans import np_span as np_span
from reader.analysis.np_spans import token_span as token_span
from reader.analysis.speech_verb import inverted_after_quote as inverted_after_quote
from reader.analysis.speech_verb import is_speech_verb as is_speech_verb
from reader.analysis.subject_slips import (
    relative_taken_for_clause,
    spoken_of,
    subject_in_phrase,
    tag_taken_for_phrase,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def relative_clause_of(verb: Token) -> Token | None:
    """The relative clause a verb is a later conjunct of ("Pruitt, who runs the shelter and
    who told …": the second "who" stands for Pruitt too), or None."""
    v = verb
    for _ in range(3):
        if v.dep_ != "conj" or v.head.i == v.i:
            return None
        v = v.head
        if v.dep_ == "relcl":
            return v
    return None


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
    for _ in range(4):  # climb through "and said", "went on to say", "shifting … and admitting"
        if v is None:
            break
        # a head climbed to may be passive: "a senator could be heard saying"
        deps = ("nsubj", "csubj") if v is verb else ("nsubj", "csubj", "nsubjpass")
        subjects = [
            c
            for c in v.children
            if c.dep_ in deps and not inside_quote(c.i) and not hyphen_start(c)
        ]
        if subjects:
            # Two subjects (a dateline parsed as one): prefer the person.
            child = next((c for c in subjects if _names_person(c)), subjects[-1])
            if child.ent_type_ in ("DATE", "TIME"):
                # "Saturday at the convention Sen. Elizabeth Warren said": the day is no one
                names = [w for w in child.subtree if w.ent_type_ == "PERSON" and w.pos_ == "PROPN"]
                child = names[-1] if names else child
            if child.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
                return v.head  # "Martin, who said ..."
            if child.tag_ == "WP" and v.dep_ == "conj":
                rel = relative_clause_of(v)
                if rel is not None:
                    return rel.head  # "Pruitt, who runs the shelter and who told …"
            if child.pos_ == "ADP":
                return subject_in_phrase(child)
            return child
        # "..., warning that"; "went on to explain that", "took to X to say"
        participle = v.dep_ == "advcl" and (
            v.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        )
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.lemma_.lower() in DOC_NOUNS:
            return v.head  # "a statement urging both chambers to …": the statement speaks
        if (v.dep_ in ("conj", "xcomp") or participle) and v.head is not v:
            v = v.head
        elif v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep":
            # "rallied supporters by warning that", "made a point of saying": the one who
            # does the main verb says it
            v = v.head.head
            if v.pos_ == "NOUN" and v.dep_ == "dobj":
                v = v.head
            elif v.pos_ in ("ADJ", "ADV") and v.dep_ in ("acomp", "advmod"):
                v = v.head  # "are keen on telling", "was back to boasting about": whoever is
        else:
            break
    if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
        return None
    if (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and is_speech_verb(verb)
        and verb.head.i == verb.i - 1
        and (verb.head.pos_ == "PROPN" or is_person_description(verb.head))
        and not inside_quote(verb.head.i)
    ):
        return verb.head  # "a man yelled “…”" parsed as a man who yelled: the man speaks
    if tag_taken_for_phrase(verb, inside_quote, is_speech_verb(verb)):
        return verb.head  # "“…!” the presumptive nominee, Donald Trump, tweeted Sunday"
    for child in verb.rights:
        if (
            child.dep_ in ("attr", "dobj", "npadvmod", "oprd", "dative", "nsubj")
            and child.pos_ in ("PROPN", "NOUN")
            and child.ent_type_ not in ("DATE", "TIME")  # "said Wednesday": when, not who
            and not inside_quote(child.i)
            and child.text[:1].isalpha()
            and not hyphen_start(child)  # "mused Blaze co-host Stu Burguiere": a role's part
        ):
            inverted = _right_after_quote(verb, inside_quote)
            if child.dep_ in ("dobj", "dative", "oprd") and not inverted:
                if verb.lemma_.lower() in NAMING_VERBS and not _names_noun_before(verb):
                    # "calling the mayor a “liar”": the one named is spoken of ("a group
                    # called Hollowmoth" names the group the participle hangs from)
                    continue
                if child.dep_ == "oprd":
                    return child
                if verb.lemma_.lower() in ("tell", "ask"):
                    continue  # the listener ("asked the interviewer" after a quote is inverted)
                if child.pos_ == "NOUN" and not is_person_description(child):
                    continue  # "describe negative reviews as …": what is spoken of
                if child.dep_ == "dobj" and spoken_of(verb, child):
                    continue  # "Will described Trump as a “caricature”": Trump is described
            return child
    after = _inverted_subject(verb, inside_quote) or _name_hung_in_quote(verb, inside_quote)
    if after is not None:
        return after
    # "the 52-year-old said": the parser often hangs the age on the verb, with no subject;
    # likewise a name it took for something else's object ("…, obtained by POLITICO, Budget
    # Director Nikhil Varadarajan warned that").
    j = verb.i - 1
    while j > 0 and verb.doc[j].pos_ == "ADV":
        j -= 1
    if j > 0 and not inside_quote(j):
        before = verb.doc[j]
        # ("“…,” Conway notes.": a name the parser made a compound of the verb it speaks)
        glued = before.dep_ == "compound" and before.head.i == verb.i
        if age_word(before) or (
            before.pos_ == "PROPN" and (before.ent_type_ == "PERSON" or glued)
        ):
            return before
    return relative_taken_for_clause(verb, inside_quote)


#: Pronouns that, right after a speech verb that follows a quote, are its subject.
INVERTED_PRONOUNS = frozenset(("he", "she", "i", "they", "we"))


def _ends_phrase(doc: Doc, j: int) -> bool:
    """Whether token ``j`` is past the text's end, a mark of punctuation or an adverb ("said
    he sullenly;"): not a verb the pronoun is the subject of."""
    return j >= len(doc) or doc[j].is_punct or doc[j].pos_ == "ADV"


def _inverted_subject(verb: Token, inside_quote: Callable[[int], bool]) -> Token | None:
    """ "“The risk,” said Edward Leamer, an economist …, “is …”": after a closing mark the
    name that follows the verb is its subject, even where the parser made it the subject of
    a later verb."""
    if not _right_after_quote(verb, inside_quote):
        return None
    doc = verb.doc
    j = verb.i + 1
    while j < len(doc) and doc[j].pos_ in ("DET", "ADJ") and j - verb.i <= 3:
        j += 1
    if j >= len(doc) or inside_quote(j):
        return None
    if j == verb.i + 1 and doc[j].lower_ in INVERTED_PRONOUNS and _ends_phrase(doc, j + 1):
        # "“…,” said she, looking at him": "she" taken for the participle's subject; not
        # "“…,” says she warned": the subject of what is said
        return doc[j]
    if doc[j].pos_ == "NOUN" and is_person_description(doc[j]):
        return doc[j]  # "said a spokesman for the campaign"
    # "said Oversight ranking Democrat Elijah Cummings": a title of a few words, then a name
    k, run = j, 0
    while (
        k < min(len(doc), j + 7)
        and doc[k].is_alpha
        and not inside_quote(k)
        and doc[k].pos_ in ("NOUN", "ADJ", "VERB", "PROPN")
        and doc[k].ent_type_ not in PLACE_OR_TIME
    ):
        run = run + 1 if doc[k].pos_ == "PROPN" else 0
        k += 1
    ends = k == len(doc) or doc[k].is_punct
    if run >= 2 and k - run > j and doc[k - 1].ent_type_ in ("PERSON", "") and ends:
        return doc[k - 1]
    last = None
    while j < len(doc) and doc[j].pos_ == "PROPN" and not inside_quote(j):
        last = doc[j]
        j += 1
    # "tweeted Rubio spokesman Alex Conant", "mused Blaze co-host Stu Burguiere": the
    # spokesman speaks, not his boss, and a hyphenated role is a role, no name
    role = j
    while (
        role + 2 < len(doc)
        and doc[role + 1].text in ("-", "–")
        and not doc[role].whitespace_
        and not doc[role + 1].whitespace_
    ):
        role += 2
    if (
        last is not None
        and role + 1 < len(doc)
        and doc[role].pos_ == "NOUN"
        and (is_person_description(doc[role]) or role > j)
        and doc[role + 1].pos_ == "PROPN"
        and not inside_quote(role + 1)
    ):
        j = role + 1
        while j < len(doc) and doc[j].pos_ == "PROPN" and not inside_quote(j):
            last = doc[j]
            j += 1
    return last


#: Entity types that are no speaker's name: where and when.
PLACE_OR_TIME = frozenset(("GPE", "LOC", "FAC", "DATE", "TIME", "EVENT"))

#: How far before its speech verb a name hung on a quoted word may stand (past a long
#: aside: "Trump, the 2016 GOP presidential frontrunner nationally and …, said").
HUNG_REACH = 40

def _name_hung_in_quote(verb: Token, inside_quote: Callable[[int], bool]) -> Token | None:
    """ "“It is not …,” Gene Sperling, a top outside Clinton adviser, said", "“…,” an
    intelligence source, who was not authorized to speak, told Fox News": the parser hung the
    name or the person described right after the closing mark on a quoted word; it is still
    the subject of the speech verb after it (past an aside between commas, with no verb of
    its own)."""
    doc = verb.doc
    for j in range(verb.i - 1, max(verb.sent.start, verb.i - HUNG_REACH) - 1, -1):
        t = doc[j]
        named = t.pos_ == "PROPN" and t.ent_type_ == "PERSON"
        described = t.pos_ == "NOUN" and is_person_description(t)
        if not ((named or described) and inside_quote(t.head.i)):
            continue
        left, right = t.left_edge.i, t.right_edge.i
        k = left - 1
        while k >= 0 and not inside_quote(k) and doc[k].is_punct:
            k -= 1
        aside = doc[right + 1 : verb.i]
        if (
            k >= 0
            and inside_quote(k)
            and right < verb.i
            and (
                not len(aside)
                or (
                    aside[0].text == ","
                    and aside[-1].text == ","
                    and not any(w.tag_ in FINITE_TAGS for w in aside)
                )
            )
        ):
            return t
    return None


def _right_after_quote(verb: Token, inside_quote: Callable[[int], bool]) -> bool:
    """ "“...?” asked the interviewer": the verb comes straight after a closing mark."""
    i = verb.i - 1
    if i >= 0 and verb.doc[i].text == ",":
        i -= 1
    return i >= 0 and inside_quote(i)


def _names_noun_before(verb: Token) -> bool:
    """ "a group called Hollowmoth": a naming participle right after its noun names that."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i == verb.i - 1


def _names_person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.rights
    )



def is_subject(tok: Token) -> bool:
    """A clause's subject, or a name in apposition to one ("Russia's minister, Viktor Sablin,
    said"), or the focus of a cleft."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    after = tok.i + 1  # the head of a name is its last word
    if tok.dep_ == "attr" and after < len(tok.doc) and tok.doc[after].tag_ == "WP":
        # "It was Rosa who drove her daughter to Los Angeles": the cleft's focus acts
        return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in tok.head.children)
    return tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass")


def listener_clause(pron: Token) -> bool:
    """The pronoun sits in what someone was asked or told, so it is likely the listener."""
    t = pron.head
    for _ in range(4):
        if t.lemma_.lower() in LISTENER_VERBS and t.i != pron.head.i:
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False
