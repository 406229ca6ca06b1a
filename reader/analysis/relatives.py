"""Who "her mother" is: a query over the registry's people with kinship's words. Nothing is
created here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.kinship import KIN, Relations, contradicts

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from reader.analysis.cluster import Cluster


def relative_of(
    clusters: Sequence[Cluster],
    person: Cluster,
    noun: str,
    exclude: Iterable[int] = (),
    relations: Relations | None = None,
) -> Cluster | None:
    """The person who is ``person``'s ``noun`` ("mother"), if the text has named one: someone
    the text gave that word as a role and who shares the surname, else the one member of the
    family (same surname, the relative's gender, a fitting form of address) seen last."""
    if noun not in KIN or person.kind != "person":
        return None
    gender, addresses = KIN[noun]
    barred = set(exclude) | {person.id}
    relations = relations if relations is not None else {}
    said = relations.get((person.id, noun))
    if said is not None and said not in barred:
        return clusters[said]  # "her mother" again

    def fits(c: Cluster) -> bool:
        return (
            c.kind == "person"
            and c.id not in barred
            and c.gender == gender
            and (addresses is None or c.address in addresses)
            and not contradicts(relations, person.id, c.id, noun)
        )

    surname = person.surname
    kin = [c for c in clusters if c.surname == surname and fits(c)] if surname else []
    worded = [c for c in kin if noun in c.role_words]
    if worded:
        return max(worded, key=lambda c: c.last_seen)
    if noun in ("husband", "wife") and person.address == "miss":
        return None  # "Miss Bennet's husband": none yet, whoever shares her name
    if noun == "husband" and person.address == "mrs":
        # "Mrs. Dashwood's husband" is Mr. Dashwood, not her son John
        kin = [c for c in kin if c.address == "mr"] or kin
    if kin:
        return max(kin, key=lambda c: c.last_seen)
    # "Mrs. Moore" and "Ronny, her son": another surname, but the text gave him the word
    holders = [c for c in clusters if fits(c) and noun in c.role_words]
    return holders[0] if len(holders) == 1 else None


def kin_in_scene(
    clusters: Sequence[Cluster], ranked: Iterable[Cluster], noun: str, barred: set[int]
) -> Cluster | None:
    """Who "said his father" is in a story when no family of the possessor is known ("George",
    no surname yet): the most salient person of the scene (``ranked``) of the relative's
    gender and a fitting form of address, other than the possessor. A relative who speaks is
    in the scene, and an unnamed "his father" is never the person the story means."""
    if noun not in KIN:
        return None
    gender, addresses = KIN[noun]
    for c in ranked:
        said = c.gender or c.named_gender
        if (
            c.kind == "person"
            and c.id not in barred
            and said == gender
            and (addresses is None or c.address in addresses)
        ):
            return clusters[c.id]
    return None
