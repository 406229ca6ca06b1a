"""A fragment paired with a quote kept just before it in its sentence is that quote's speaker's.

"he rails against its “cheating” and “financial blackmail”", "claimed that refugees “cannot
come” but Muslims “can come in so easily”", "calling them “frijoleros” (“beaners”)": the
writer joins the second fragment to the first, by a conjunction, as a gloss in brackets, or
by a second verb of the same subject ("Hale supports “pay raises,” opposes “pay freezes”"),
and the two are one speaker's words. The parser often loses the verb above the second one
(it hangs it from the first quote's words), so the fragment rules find no speaker for it; the
first quote's cue is the one the sentence gives. Only a quote that was kept with a cue pairs:
a term after a title or a scare quote stays out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from reader.analysis.cue_types import Cue

#: How many conjunct links a fragment may be from the kept quote ("“a”, “b” and “c”").
CONJ_REACH = 3


def paired_cue(
    doc: Doc, a: int, b: int, sent_start: int, kept: list[tuple[int, int, Cue]]
) -> Cue | None:
    """The cue of the kept quote (token range and cue, in reading order) that the fragment
    over tokens a..b, in the sentence from token ``sent_start``, is coordinated with or
    glosses in brackets."""
    if not kept:
        return None
    ka, kb, cue = kept[-1]
    if kb >= a or ka < sent_start:
        return None
    if _glosses(doc, a, b, kb):
        return cue
    root = _root(doc, a, b)
    if root is not None and (_conjoined(root, ka, kb) or _subjectless(root, a, kb)):
        return cue
    return None


#: Tags of a verb that needs a subject of its own.
FINITE = frozenset(("VBZ", "VBD", "VBP"))


def _subjectless(root: Token, a: int, kb: int) -> bool:
    """ "Hale supports “pay raises,” opposes “pay freezes”": the verb right above the fragment
    (from token ``a``, head word ``root``) is finite but has no subject (the parser lost the
    coordination with the kept quote's verb), after the kept quote."""
    verb = root.head
    for _ in range(2):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ != "VERB" or verb.tag_ not in FINITE or not kb < verb.i < a:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _glosses(doc: Doc, a: int, b: int, kb: int) -> bool:
    """ "“frijoleros” (“beaners”)": the fragment alone in brackets right after the quote."""
    return (
        a >= 2
        and a - 2 == kb
        and doc[a - 1].text == "("
        and b + 1 < len(doc)
        and doc[b + 1].text == ")"
    )


def _conjoined(root: Token, ka: int, kb: int) -> bool:
    """The fragment's head word is a conjunct of a word inside the kept quote."""
    t = root
    for _ in range(CONJ_REACH):
        if t.dep_ != "conj" or t.head.i == t.i:
            return False
        t = t.head
        if ka <= t.i <= kb:
            return True
    return False


def _root(doc: Doc, a: int, b: int) -> Token | None:
    words = [t for t in doc[a : b + 1] if not a <= t.head.i <= b and not t.is_punct]
    return words[0] if words else None
