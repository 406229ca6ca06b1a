"""Whose words a speech act only expected or supposed gives: the speaker of the verb that
reports it ("Clinton says she expects Obama to announce an “intensification”").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.analysis.lexicon import word_set
from reader.analysis.syntax import is_speech_verb, verb_subject

if TYPE_CHECKING:
    from spacy.tokens import Token


#: How a reported clause hangs from the speech verb that reports it.
REPORTED_DEPS = frozenset(("ccomp", "xcomp"))

#: Auxiliaries that make a reported speech act one not (yet) made.
UNREAL_AUX = frozenset(("would", "could", "will", "might", "may", "should", "'d", "’d", "to"))


def reporting_speaker(
    verb: Token, inside_quote: Callable[[int], bool]
) -> tuple[Token, Token] | None:
    """ "Clinton says she expects Obama to announce an “intensification”", "Trump questions
    whether Obama would have attended … “if it were held in a mosque”": a speech act only
    expected or supposed, in the clause another speaker's verb reports, gives the words of the
    one reporting it: (that outermost speech verb, its subject), or None. An act reported as
    made ("said the dissenters had argued that “…”") keeps its own speaker."""
    if not any(c.dep_ in ("aux", "mark") and c.lower_ in UNREAL_AUX for c in verb.children):
        return None
    found = None
    t = verb
    for step in range(5):
        # "says the administration should be taking measures and that she expects Obama to
        # announce": past the first step, a clause joined to a reported one is reported too
        deps = REPORTED_DEPS if step == 0 else REPORTED_DEPS | {"conj"}
        if t.dep_ not in deps or t.head.i == t.i:
            break
        t = t.head
        if inside_quote(t.i) or not is_speech_verb(t):
            continue
        subj = verb_subject(t, inside_quote)
        if subj is not None and not inside_quote(subj.i):
            found = (t, subj)
    return found


#: Verbs of judging: what they hold is a view, and a view someone reports is given in the
#: reporter's words ("he did say he found Trump “very charming”"); every other speech verb
#: is an act of its own, whose words stay its subject's ("said the dissenters had argued").
JUDGING_VERBS = word_set("find agree concur")


def judging_reporter(
    verb: Token, inside_quote: Callable[[int], bool]
) -> tuple[Token, Token] | None:
    """ "he did say he found Trump to be “very charming”", "he told ABC that he agrees Trump
    is a “total opportunist”": a verb of judging (finding, agreeing) in the clause
    a speech verb before it reports gives the words of the one reporting: (that speech verb,
    its subject), or None. A report after the words ("…, CNN reported") only passes them on."""
    if verb.lemma_.lower() not in JUDGING_VERBS:
        return None
    t = verb
    for step in range(3):
        deps = REPORTED_DEPS if step == 0 else REPORTED_DEPS | {"conj"}
        if t.dep_ not in deps or t.head.i == t.i:
            return None
        t = t.head
        if t.i > verb.i or inside_quote(t.i) or not is_speech_verb(t):
            continue
        subj = verb_subject(t, inside_quote)
        if subj is not None and not inside_quote(subj.i):
            return t, subj
    return None


#: What may stand right before a participle that goes on from its sentence's main clause.
_PARTICIPLE_JOINS = frozenset((",", "and", "-", "–", "—"))


def participle_reporter(verb: Token, inside_quote: Callable[[int], bool]) -> Token | None:
    """ "Byrne wrote the agents knew to brace for it, saying, “…”", "Trump told Newsmax that
    Romney “had …,” adding, “…”": a speech participle after a comma that the parser hung
    inside the clause another speech verb reports goes on from the one reporting, not from
    the one reported on: that speaker's subject, or None."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj") or verb.i == 0:
        return None
    if verb.doc[verb.i - 1].text not in _PARTICIPLE_JOINS:
        return None
    v = verb.head
    for _ in range(6):  # "saying that the bill had … but was waylaid … - and arguing"
        if v.dep_ != "conj" or v.head.i == v.i:
            break
        v = v.head
    reporter = v.head
    if v.dep_ != "ccomp" or inside_quote(reporter.i) or not is_speech_verb(reporter):
        return None
    if reporter.i > verb.i or reporter.dep_ == "acl":
        # "…, saying …, CNN reported": the report after it only passes the words on; "a
        # lawsuit … alleging that the congressman violated the law, calling it": the
        # document's words are what the participle is said of, not who says it
        return None
    return verb_subject(reporter, inside_quote)
