"""Typed records the engine returns: plain data the UI, the store and the exports share.

Every span is a pair of Python ``str`` indices into the article text exactly as decoded.
The JSON form is the one ``reader analyze --format json`` prints and the scorer reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, TextIO

#: Bump when the engine's output changes, so cached analyses made by older engines are ignored.
ENGINE_VERSION = "29"


#: An attribution less sure than this is shown as a guess ("probably Elinor", a muted tint):
#: the rules below it (conversation, described_person, organisation_description,
#: reported_speech, continuation_next_paragraph; sieve/__init__.py) are right about half the
#: time or less on the development slice, those above it three times in four or more.
UNCERTAIN_BELOW = 0.65

#: How the kinds of speaker read in the panel, the exports and ``reader analyze --format text``.
KIND_LABELS = {
    "person": "person",
    "org": "organisation",
    "unnamed": "unnamed source",
    "document": "document",
}


@dataclass(frozen=True, slots=True)
class Mention:
    """The words that named the speaker of a quote ("he", "Blinken", "the lawmaker")."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    #: Canonical name of the speaker cluster a PERSON entity belongs to, if any.
    speaker: str | None = None


@dataclass(slots=True)
class Quote:
    id: int
    start: int
    end: int
    text: str
    #: Canonical speaker name, or None when the text does not say who spoke.
    speaker: str | None = None
    mention: Mention | None = None
    #: The attribution cue: "said", "tweeted", "according to", ...
    cue: str | None = None
    #: The sieve rule that resolved the speaker: explicit, pronoun, description, continuation, ...
    rule: str | None = None
    #: How sure the engine is of the speaker, in [0, 1], from the rule that found them (None
    #: when no speaker was found): the reader can show the uncertain ones differently.
    confidence: float | None = None

    @property
    def uncertain(self) -> bool:
        """An attribution the engine only guesses (``UNCERTAIN_BELOW``); no speaker is not one."""
        return (
            self.speaker is not None
            and self.confidence is not None
            and self.confidence < UNCERTAIN_BELOW
        )


@dataclass(slots=True)
class Speaker:
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    quotes: list[int] = field(default_factory=list)
    words: int = 0
    share: float = 0.0
    #: What the speaker is: "person", "org", "unnamed" (a source described, not named) or
    #: "document" ("the report"); None in analyses made before the engine said (kinds.py).
    kind: str | None = None


@dataclass(slots=True)
class Analysis:
    doc: str = ""
    model: str = ""
    engine: str = ENGINE_VERSION
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def speaker(self, name: str | None) -> Speaker | None:
        """The speaker record for a canonical name (None for unattributed quotes)."""
        if name is None:
            return None
        for sp in self.speakers:
            if sp.name == name:
                return sp
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "model": self.model,
            "engine": self.engine,
            "quotes": [quote_to_dict(q) for q in self.quotes],
            "speakers": [speaker_to_dict(s) for s in self.speakers],
            "entities": [entity_to_dict(e) for e in self.entities],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """Exact data; control and bidi characters written as \\uXXXX (reader.sanitize)."""
        from reader.sanitize import dumps

        return dumps(self.to_dict(), indent=indent)

    def write_json(self, out: TextIO, indent: int | None = 2) -> None:
        """``to_json()`` and a newline, written as it is encoded: the JSON of a 10 MB text built
        whole as one string took 300 MB more than the analysis itself."""
        from reader.sanitize import dump

        dump(self.to_dict(), out, indent=indent)
        out.write("\n")
        out.flush()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            doc=data.get("doc", ""),
            model=data.get("model", ""),
            engine=data.get("engine", ENGINE_VERSION),
            quotes=[quote_from_dict(q) for q in data.get("quotes", [])],
            speakers=[speaker_from_dict(s) for s in data.get("speakers", [])],
            entities=[entity_from_dict(e) for e in data.get("entities", [])],
        )

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        return cls.from_dict(json.loads(text))


# --- the one dict codec: the cache, the CLI's JSON and the child process's wire all use it ---


def quote_to_dict(q: Quote) -> dict[str, Any]:
    m = q.mention
    return {
        "id": q.id,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "speaker": q.speaker,
        "mention": None if m is None else {"start": m.start, "end": m.end, "text": m.text},
        "cue": q.cue,
        "rule": q.rule,
        "confidence": q.confidence,
    }


def quote_from_dict(q: dict[str, Any]) -> Quote:
    m = q.get("mention")
    return Quote(
        id=q["id"],
        start=q["start"],
        end=q["end"],
        text=q["text"],
        speaker=q.get("speaker"),
        mention=Mention(m["start"], m["end"], m["text"]) if m else None,
        cue=q.get("cue"),
        rule=q.get("rule"),
        confidence=q.get("confidence"),
    )


def entity_to_dict(e: Entity) -> dict[str, Any]:
    return {"start": e.start, "end": e.end, "text": e.text, "label": e.label, "speaker": e.speaker}


def entity_from_dict(e: dict[str, Any]) -> Entity:
    return Entity(e["start"], e["end"], e["text"], e["label"], e.get("speaker"))


def speaker_to_dict(s: Speaker) -> dict[str, Any]:
    return {
        "name": s.name,
        "aliases": list(s.aliases),
        "role": s.role,
        "quotes": list(s.quotes),
        "words": s.words,
        "share": s.share,
        "kind": s.kind,
    }


def speaker_from_dict(s: dict[str, Any]) -> Speaker:
    return Speaker(
        name=s["name"],
        aliases=list(s.get("aliases", [])),
        role=s.get("role"),
        quotes=list(s.get("quotes", [])),
        words=s.get("words", 0),
        share=s.get("share", 0.0),
        kind=s.get("kind"),
    )


@dataclass(slots=True)
class Delta:
    """What one step of a streamed analysis changed: the quotes added or changed (a quote's id
    is its index), the entities found further on, the entities whose speaker changed (by
    index), and the speakers as they now stand (a short list)."""

    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    #: Earlier entities changed: (index, speaker, label); a label changes when the whole text
    #: shows a name to be a quoted person's (summary.agree_with_speakers).
    entity_updates: list[tuple[int, str | None, str]] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)

    def apply(self, analysis: Analysis) -> None:
        """Bring ``analysis`` up to date in place, in time proportional to the change. Changed
        records are replaced, never mutated: whoever holds an older one keeps it as it was."""
        quotes = analysis.quotes
        for q in self.quotes:
            if q.id < len(quotes):
                quotes[q.id] = q
            elif q.id == len(quotes):
                quotes.append(q)
            else:
                raise ValueError(f"quote {q.id} arrived before quote {len(quotes)}")
        entities = analysis.entities
        for i, speaker, label in self.entity_updates:
            e = entities[i]
            entities[i] = Entity(e.start, e.end, e.text, label, speaker)
        entities.extend(self.entities)
        analysis.speakers = list(self.speakers)


@dataclass(frozen=True, slots=True)
class StreamProgress:
    """One step of a streamed analysis: ``analysis`` covers text[:done]; done == total last.
    ``delta`` is what this step changed in it, for a consumer that keeps its own copy."""

    done: int
    total: int
    analysis: Analysis
    delta: Delta = field(default_factory=Delta)
