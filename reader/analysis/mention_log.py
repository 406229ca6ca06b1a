"""The mention log's record, and the order in which pronouns and descriptions read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

#: How many sentences back pronouns and descriptions look for their person.
WINDOW_SENTENCES = 12


@dataclass(slots=True)
class MentionRec:
    """One word that mentions a cluster: a name's head, a pronoun, a description's noun."""

    start: int  # absolute char offset
    cluster: int
    sent: int  # global sentence number
    subject: bool
    poss: bool = False  # a possessor ("Lucia's shift")
    end: int = -1  # absolute char offset of the word's end
    kind: str = ""  # "name", "pronoun" or "description"
    #: The possessor of a subject ("Miss Welland's face … and she said"): the person a
    #: pronoun after it may mean though the subject is not a person.
    owns_subject: bool = False
    #: How far from its sentence's main clause the word sits (``syntax.clause_rank``): a
    #: subject there yields to the main clause's ("Cruz electrified the crowds, Stovall said").
    depth: int = 0


def by_salience(mentions: Iterable[MentionRec], current: int) -> Iterator[MentionRec]:
    """Mentions (most recent first) in order of salience: in the current sentence the nearest
    subjects before; in earlier ones, most recent sentence first, subjects before others (the
    main clause's first, one the sentence reports as someone's words last). The
    owners of subjects come right after the subjects ("Mrs. Welland's eyes filled, and she
    said": she is Mrs. Welland, where the sentence has no person subject before her)."""
    by_sent: dict[int, list[MentionRec]] = {}
    order: list[int] = []
    for m in mentions:
        if m.sent not in by_sent:
            by_sent[m.sent] = []
            order.append(m.sent)
        by_sent[m.sent].append(m)
    for s in order:
        ms = sorted(by_sent[s], key=lambda m: m.start)
        if s == current:
            yield from (m for m in reversed(ms) if m.subject)
            yield from (m for m in reversed(ms) if m.owns_subject and not m.subject)
        else:
            yield from sorted((m for m in ms if m.subject), key=lambda m: m.depth)
            yield from (m for m in ms if m.owns_subject and not m.subject)
            # a plain mention before an owner's ("Asked about the minister's comments, the
            # chief executive, Tom Reilly, declined": Reilly, not the minister, is "he")
            rest = [m for m in ms if not (m.subject or m.owns_subject)]
            yield from (m for m in rest if not m.poss)
            yield from (m for m in rest if m.poss)
