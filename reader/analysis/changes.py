"""What each step of the engine's pass changed, found in time proportional to the change.

The engine only appends quotes and entities, and attributes a quote in the step that finds it;
an earlier record changes only when its speaker's canonical name grows ("Blinken" becomes
"Antony Blinken"). So a step's changes are its new records and the records of the clusters
renamed in it: ``Changes`` indexes quotes and entities by cluster as they arrive and keeps the
speakers' counts running, instead of visiting every record at every step. A book streams in
over hundreds of steps; visiting everything at each one made the stream quadratic.
"""

from __future__ import annotations

from reader.analysis.joined_rows import agree_names, follow, follow_entities, homes
from reader.analysis.kinds import speaker_kind
from reader.analysis.model import Delta, Quote, Speaker
from reader.analysis.roles import shown_role
from reader.analysis.sieve import confidence_of
from reader.analysis.speaker_list import merged
from reader.analysis.state import State
from reader.analysis.summary import agree_with_speakers, count_words


class _Tally:
    """One speaking cluster's quotes (in id order) and their words."""

    __slots__ = ("quotes", "words")

    def __init__(self) -> None:
        self.quotes: list[int] = []
        self.words = 0


class Changes:
    """Follows one engine's state; ``step()`` brings its records' speakers up to date and says
    what changed since the last call."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.quotes_seen = 0
        self.entities_seen = 0
        self.links_seen = 0
        #: Each cluster's canonical name as last given out.
        self.canonical: list[str] = []
        self.quotes_of: dict[int, list[Quote]] = {}
        self.entities_of: dict[int, list[int]] = {}
        #: Speaking clusters in the order of their first quote (the summary's order before
        #: its stable sort), with their running counts.
        self.tallies: dict[int, _Tally] = {}
        self.total_words = 0
        #: Clusters the speakers list files under another cluster's row, with that row.
        self.joined: dict[int, Speaker] = {}

    def step(self, *, final: bool = False) -> Delta:
        st = self.state
        clusters = st.registry.clusters
        known = self.canonical
        renamed = [cid for cid, name in enumerate(known) if clusters[cid].canonical != name]
        for cid in renamed:
            known[cid] = clusters[cid].canonical
        known.extend(c.canonical for c in clusters[len(known) :])

        changed: list[Quote] = []
        for cid in renamed:
            for q in self.quotes_of.get(cid, ()):
                q.speaker = known[cid]
                changed.append(q)
        changed.sort(key=lambda q: q.id)
        new_quotes = st.quotes[self.quotes_seen :]
        self.quotes_seen = len(st.quotes)
        for q in new_quotes:
            words = count_words(q.text)
            self.total_words += words
            cid = st.cluster_of.get(q.id)
            q.speaker = None if cid is None else known[cid]
            if cid is None:
                q.confidence = None
            elif q.id in st.confidence:
                q.confidence = st.confidence[q.id]
            else:
                q.confidence = confidence_of(q.rule)
            if cid is not None:
                self.quotes_of.setdefault(cid, []).append(q)
                tally = self.tallies.get(cid)
                if tally is None:
                    tally = self.tallies[cid] = _Tally()
                tally.quotes.append(q.id)
                tally.words += words

        updates: dict[int, tuple[int, str | None, str]] = {}
        entities = st.entities
        for cid in renamed:
            for i in self.entities_of.get(cid, ()):
                e = entities[i]
                e.speaker = known[cid]
                updates[i] = (i, e.speaker, e.label)
        first = self.entities_seen
        new_entities = entities[first:]
        self.entities_seen = len(entities)
        links = st.entity_cluster[self.links_seen :]
        self.links_seen = len(st.entity_cluster)
        if links:
            index = {id(e): first + k for k, e in enumerate(new_entities)}
            for e, cid in links:
                e.speaker = known[cid]
                self.entities_of.setdefault(cid, []).append(index[id(e)])
        if final:
            updates.update(self.agree(first))
        speakers = self.speakers()
        relabelled: list[int] = []
        for cid, home in self.joined.items():
            changed.extend(follow(self.quotes_of.get(cid, ()), home))
            relabelled += follow_entities(entities, self.entities_of.get(cid, ()), home)
        if final and self.joined:
            names = {clusters[cid].canonical: home for cid, home in self.joined.items()}
            relabelled += agree_names(entities, names)
        for i in relabelled:
            if i < first:  # an entity sent in an earlier step: sent again as an update
                updates[i] = (i, entities[i].speaker, entities[i].label)
        fresh = {q.id for q in new_quotes}
        once = {q.id: q for q in changed if q.id not in fresh}
        return Delta(
            quotes=[*sorted(once.values(), key=lambda q: q.id), *new_quotes],
            entities=list(new_entities),
            entity_updates=[updates[i] for i in sorted(updates)],
            speakers=speakers,
        )

    def agree(self, first_new: int) -> dict[int, tuple[int, str | None, str]]:
        """Once the whole text is read, a name the engine knows is a quoted person's is PERSON
        everywhere: one pass over the entities (it needs every speaker), reporting the earlier
        entities it changed (those from ``first_new`` on go out whole anyway)."""
        st = self.state
        before = [(e.label, e.speaker) for e in st.entities[:first_new]]
        agree_with_speakers(st.entities, st.registry, st.cluster_of.values(), st.text)
        return {
            i: (i, e.speaker, e.label)
            for i, (e, was) in enumerate(zip(st.entities, before, strict=False))
            if (e.label, e.speaker) != was
        }

    def speakers(self) -> list[Speaker]:
        """The speakers as ``summary.summarise`` gives them, from the running counts."""
        clusters = self.state.registry.clusters
        total = self.total_words
        rows: dict[int, Speaker] = {}
        for cid, tally in self.tallies.items():
            c = clusters[cid]
            rows[cid] = (
                Speaker(
                    name=c.canonical,
                    aliases=[a for a in c.aliases if a != c.canonical],
                    role=shown_role(c.role),
                    quotes=list(tally.quotes),
                    words=tally.words,
                    share=round(tally.words / total, 4) if total else 0.0,
                    kind=speaker_kind(c),
                )
            )
        out = sorted(rows.values(), key=lambda s: (-len(s.quotes), -s.words, s.name))
        listed = merged(out)
        self.joined = homes(rows, listed)
        return listed
