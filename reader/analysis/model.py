"""Typed records the engine returns: plain data the UI, the store and the exports share.

Every span is a pair of Python ``str`` indices into the article text exactly as decoded.
The JSON form is the one ``reader analyze --format json`` prints and the scorer reads.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

#: Bump when the engine's output changes, so cached analyses made by older engines are ignored.
ENGINE_VERSION = "7"


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


@dataclass(slots=True)
class Speaker:
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    quotes: list[int] = field(default_factory=list)
    words: int = 0
    share: float = 0.0


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
            "quotes": [asdict(q) for q in self.quotes],
            "speakers": [asdict(s) for s in self.speakers],
            "entities": [asdict(e) for e in self.entities],
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
        quotes = []
        for q in data.get("quotes", []):
            m = q.get("mention")
            quotes.append(
                Quote(
                    id=q["id"],
                    start=q["start"],
                    end=q["end"],
                    text=q["text"],
                    speaker=q.get("speaker"),
                    mention=Mention(**m) if m else None,
                    cue=q.get("cue"),
                    rule=q.get("rule"),
                    confidence=q.get("confidence"),
                )
            )
        return cls(
            doc=data.get("doc", ""),
            model=data.get("model", ""),
            engine=data.get("engine", ENGINE_VERSION),
            quotes=quotes,
            speakers=[Speaker(**s) for s in data.get("speakers", [])],
            entities=[Entity(**e) for e in data.get("entities", [])],
        )

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        return cls.from_dict(json.loads(text))


@dataclass(frozen=True, slots=True)
class StreamProgress:
    """One step of a streamed analysis: ``analysis`` covers text[:done]; done == total last."""

    done: int
    total: int
    analysis: Analysis
