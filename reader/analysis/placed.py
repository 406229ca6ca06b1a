"""Whether a prepositional phrase after a noun says where its source is ("someone in the
audience", "one operative inside Trump Tower"): the text's own description of an unnamed
source takes it in, as the article words it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.lexicon import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions that place a source.
PLACE_PREPS = word_set("in on inside outside near")

#: Objects of those prepositions that say how or when the words came, not where the source
#: is ("a spokesman in a statement", "a gentleman in a gruff voice").
CHANNEL_NOUNS = word_set(
    """interview statement email e-mail call letter message post tweet speech report response
    addition part turn fact case way conversation remarks comments filing document voice tone
    whisper manner hurry reply answer conference briefing release video podcast phone radio
    television tv background condition testimony hearing op-ed text broadcast memo note
    newsletter blog column editorial chat twitter facebook instagram tiktok youtube media air
    camera record line website site page show program programme"""
)

#: Entities after "on" that are a medium, not a place ("a spokesman on Twitter", "on Fox News").
MEDIA_ENTITIES = ("ORG", "PRODUCT", "WORK_OF_ART")


def places_source(prep: Token) -> bool:
    """A phrase of place right after the noun ("the exit polls in New Hampshire"); not one of
    time ("the campaign on Thursday") nor of the channel ("her lawyers in a court filing")."""
    if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS or prep.i != prep.head.i + 1:
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return (
        obj is not None
        and obj.ent_type_ not in ("DATE", "TIME")
        and obj.lemma_.lower() not in CHANNEL_NOUNS
        and not (prep.lower_ == "on" and obj.ent_type_ in MEDIA_ENTITIES)
    )
