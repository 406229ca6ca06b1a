"""A quoted word in an infinitive clause with a subject of its own ("allowing him to join
the network and “mine” many bitcoins") is the writer's term held at arm's length, not that
subject's words: the clause says what someone was let or made to do, never what they said.
A speech verb's clause ("asked him to say “yes”") is still someone's words."""

from __future__ import annotations

from reader.analysis.cues import Cue
from reader.analysis.syntax import is_speech_verb


def raised_subject(cue: Cue) -> bool:
    """The stand-in cue's speaker is the own subject of an infinitive ("him to join"), the
    object of the verb above it in all but name."""
    verb, subj = cue.token, cue.subject
    if subj is None or subj.dep_ != "nsubj" or subj.head.i != verb.i or is_speech_verb(verb):
        return False
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    return to is not None and subj.i < to.i < verb.i and verb.dep_ in ("ccomp", "xcomp")
