"""The names a turn says with a form of address ("Oh, Mr Beaver, I am so sorry"), for the
speaker ranker.

A person in a novel does not call themselves "Mr Beaver", and their own family calls them
by a first name, not by title and surname: a turn that says "Mr Beaver" or "Mrs. Norris" is
seldom spoken by anyone of that surname. The ranker ought to know, yet the mentions it reads
are the narration's, never the quote's own words, and a cluster apart from the one called
(his mother "Mrs Beaver") is no addressee, so "Mr Beaver, sir" went to her. The column is a
hint with a learned weight, not a rule: a wife may say "Mr. Bennet" to her husband.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.lexicon import HONORIFICS
from reader.analysis.name_keys import key

if TYPE_CHECKING:
    from reader.analysis.cluster import Cluster

#: A form of address and the capitalised name after it ("Mr. Hastings", "Miss Lucy").
TITLED = re.compile(r"\b([A-Z][a-z]+)\.?\s+([A-Z][\w'’-]*[a-z])")


def titled_names(said: str) -> frozenset[str]:
    """The name keys a turn's words say after a form of address ("Mr Beaver" -> "beaver")."""
    return frozenset(
        key(m.group(2)) for m in TITLED.finditer(said) if m.group(1).lower() in HONORIFICS
    )


def named_in_turn(c: Cluster, names: frozenset[str]) -> bool:
    """Whether the turn says this person's surname (or lone name) with a form of address."""
    return c.kind == "person" and bool(c.surname) and c.surname in names
