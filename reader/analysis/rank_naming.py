"""Show a novel's person by rank and surname ("Colonel Ducroix"): the one step of
``ranked_names`` that changes a cluster, kept apart so that ``clusters`` can read ranks
(``unranked``) without a cycle through the cluster type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.lexicon import HONORIFICS
from reader.analysis.names import fold
from reader.analysis.ranked_names import is_rank

if TYPE_CHECKING:
    from reader.analysis.clusters import Cluster


def name_by_rank(c: Cluster, rank: str) -> bool:
    """Show ``c`` as "Colonel Ducroix" when the name shown is the bare surname; True when the
    name changed."""
    if c.kind != "person" or c.first or c.address is not None:
        return False
    shown = c.canonical.split()
    if not shown or is_rank(shown[0]) or fold(shown[0]).rstrip(".") in HONORIFICS:
        return False
    c.canonical = f"{rank} {c.canonical}"
    c.add_alias(c.canonical)
    return True
