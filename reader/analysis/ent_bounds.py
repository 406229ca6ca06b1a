"""Entity edges the tagger drew through a verb: "City Council Approves Transit Budget" (a
headline read as one organisation's name) and "ending weeks" (a date that takes in the verb
before it). The verb is no part of a name or a date, so the entity ends, or starts, past it."""

from __future__ import annotations

from spacy.tokens import Span

#: Finite verb tags: a name holds none ("Approves"), a participle it may ("United").
_FINITE = ("VBZ", "VBD", "VBP")


def without_verb(ent: Span, headline: bool) -> Span | None:
    """The entity cut at a verb the tagger ran it through, or None when nothing is left. A
    name in a headline ends before its first finite verb; a date or a time starts after the
    verbs that open it ("ending weeks" is "weeks")."""
    if ent.label_ in ("DATE", "TIME"):
        k = 0
        while k < len(ent) and ent[k].pos_ == "VERB":
            k += 1
        return ent if k == 0 else (_part(ent, k, len(ent)) if k < len(ent) else None)
    if headline and ent.label_ in ("ORG", "GPE", "WORK_OF_ART", "FAC", "PRODUCT"):
        k = next((i for i, t in enumerate(ent) if t.pos_ == "VERB" and t.tag_ in _FINITE), None)
        if k is None:
            return ent
        return _part(ent, 0, k) if k > 0 else None
    return ent


def _part(ent: Span, a: int, b: int) -> Span:
    """Tokens a..b of the entity, with its label."""
    return Span(ent.doc, ent.start + a, ent.start + b, label=ent.label_)
