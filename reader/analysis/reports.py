"""Words a report passes on: "“…,” Ann Lee said, according to the Gazette", "Ann Lee
said …, the Gazette reported", "…, said Ann Lee, reports the Gazette". The text gives the
words on the report's authority, and PolNeAR credits them to the report: the cue is the
outer one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.analysis.syntax import verb_subject

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs by which an outlet or a document passes on what someone said.
REPORT_LEMMAS = frozenset({"report"})
#: How the clause of the speech verb hangs from the reporting verb.
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl", "conj"})
#: How many clauses up from the speech verb the report may stand ("Ann welcomed the news,
#: saying …, the Gazette reported").
REACH = 3


def report_source(verb: Token, inside_quote: Callable[[int], bool]) -> tuple[Token, Token] | None:
    """The report that passes on the words of the speech ``verb``: ("according", X) for
    "according to X" in the verb's clause, or (reported, its subject) for a reporting verb
    whose clause holds the speech verb's; None when there is none. Only a report the text
    names (an outlet, a person): "told Lapid, according to a State Department readout, “…”"
    shows the diplomat who spoke, not a paper no one is named for."""
    t = verb
    for _ in range(REACH):
        for c in t.children:
            if c.lower_ == "according" and not inside_quote(c.i):
                obj = _according_object(c)
                if obj is not None and obj.pos_ == "PROPN" and not inside_quote(obj.i):
                    return c, obj
        head = t.head
        if t.dep_ not in CLAUSE_DEPS or head.i == t.i or inside_quote(head.i):
            return None
        if head.lemma_.lower() in REPORT_LEMMAS and not any(c.dep_ == "neg" for c in head.children):
            subj = verb_subject(head, inside_quote)
            if subj is not None and subj.pos_ == "PROPN" and not inside_quote(subj.i):
                return head, subj
            return None
        t = head
    return None


def _according_object(tok: Token) -> Token | None:
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    for child in nxt.children:
        if child.dep_ == "pobj":
            return child
    return None
