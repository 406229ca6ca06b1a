"""A quote's speaker is its row's: when the speakers list files a cluster under another row
("Wałęsa", taken for a body before "Lech Wałęsa" was read, joins the person), the cluster's
quotes and entities take the row's name, so a quote never names a speaker the list lacks,
and a cue that named a person reads as naming one (rule "explicit", not "organisation").
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.analysis.model import Entity, Quote, Speaker

#: Rules that resolved a cue's subject as a body; once the row is a person's, the cue named
#: that person, as the explicit rule would have.
_BODY_RULES = {"organisation": "explicit"}
#: Entity labels a tagger gives a person's name by mistake (as summary._MISTAKEN).
_MISTAKEN = frozenset(("ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"))


def homes(rows: dict[int, Speaker], listed: Iterable[Speaker]) -> dict[int, Speaker]:
    """Cluster id -> the listed row a cluster's own row was joined into (clusters still listed
    under their own row are left out)."""
    shown = {id(sp) for sp in listed}
    by_quote: dict[int, Speaker] = {}
    out: dict[int, Speaker] = {}
    for cid, row in rows.items():
        if id(row) in shown or not row.quotes:
            continue
        if not by_quote:
            by_quote = {qid: sp for sp in listed for qid in sp.quotes}
        home = by_quote.get(row.quotes[0])
        if home is not None:
            out[cid] = home
    return out


def follow(quotes: Iterable[Quote], home: Speaker) -> list[Quote]:
    """Gives ``quotes`` their row's name (and a person's rule); the quotes it changed."""
    changed = []
    for q in quotes:
        rule = _BODY_RULES.get(q.rule or "", q.rule) if home.kind == "person" else q.rule
        if q.speaker != home.name or q.rule != rule:
            q.speaker, q.rule = home.name, rule
            changed.append(q)
    return changed


def follow_entities(entities: list[Entity], indices: Iterable[int], home: Speaker) -> list[int]:
    """The entities at ``indices`` name the row's speaker (PERSON if a person); those changed."""
    changed = []
    for i in indices:
        e = entities[i]
        label = "PERSON" if home.kind == "person" and e.label in _MISTAKEN else e.label
        if e.speaker != home.name or e.label != label:
            e.speaker, e.label = home.name, label
            changed.append(i)
    return changed


def agree_names(entities: list[Entity], joined: dict[str, Speaker]) -> list[int]:
    """An entity no cluster claimed whose words are a joined cluster's name ("Wałęsa", tagged
    a place) is that row's person too; the indices changed."""
    changed = []
    for i, e in enumerate(entities):
        home = joined.get(e.text) if e.speaker is None else None
        if home is not None and home.kind == "person" and e.label in _MISTAKEN:
            e.speaker, e.label = home.name, "PERSON"
            changed.append(i)
    return changed
