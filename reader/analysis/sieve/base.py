"""What every rule shares: the answer it gives and what it may ask of the text read so far."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.clusters import Cluster


@dataclass(slots=True)
class Resolution:
    """A rule's answer: the speaker, and the words that name them."""

    cluster: Cluster | None
    mention: tuple[int, int] | None  # char offsets in the doc
    #: The speaker was found through a pronoun subject, which now mentions them ("he asked").
    pronoun: bool = False
    #: The id of the rule that answered, stamped by the table that ran it.
    rule: str = ""


class Discourse(Protocol):
    """What the rules may ask of the text read so far (``references.DiscourseState``). The
    ``find_or_create_*`` lookups may add a cluster (a person or body named for the first
    time); the others only read."""

    @property
    def novel(self) -> bool: ...

    def find_or_create_person(self, tok: Token) -> Cluster | None: ...

    def known_person(self, tok: Token) -> Cluster | None: ...

    def narrator(self) -> Cluster: ...

    def find_or_create_org(self, tok: Token) -> Cluster: ...

    def find_or_create_unnamed_source(self, tok: Token) -> Cluster: ...

    def resolve_pronoun(
        self, tok: Token, gender: str | None, exclude: frozenset[int] = frozenset()
    ) -> Cluster | None: ...

    def last_asker(self) -> Cluster | None: ...

    def sentence_speaker(
        self, tok: Token, gender: str, exclude: frozenset[int] = frozenset()
    ) -> Cluster | None: ...

    def resolve_description(self, tok: Token, exclude: set[int]) -> Cluster | None: ...

    def find_or_create_document_author(self, tok: Token) -> Cluster | None: ...

    def find_or_create_author(self, tok: Token) -> Cluster | None: ...

    def find_or_create_recent_org(self, tok: Token) -> Cluster | None: ...

    def find_or_create_group(self, tok: Token) -> Cluster | None: ...
