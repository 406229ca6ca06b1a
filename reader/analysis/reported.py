"""Whose words a speech act only expected or supposed gives: the speaker of the verb that
reports it ("Clinton says she expects Obama to announce an “intensification”").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

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
