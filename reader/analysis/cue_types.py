"""The cue record, apart from the stage that finds it, so that the colon cues
(``colons.py``) and the cue stage (``cues.py``) can both build it without an import cycle."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(slots=True)
class Cue:
    """What tells us a quote is somebody's words: a speech verb or "according to"."""

    token: Token
    word: str  # "said", "according to"
    subject: Token | None
    contains: bool  # the quote lies inside the verb's clause
    kind: str = "verb"  # "verb" or "according"
