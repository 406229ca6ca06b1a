"""What the Entities tab lists under which type, where the tagger's labels read wrong to a
person: "Breakthrough Prize" is no one's name (a PERSON whose last word names a thing goes
under Other names), and "Faith" of "the Congregation for the Doctrine of the Faith" is no
organisation of its own (a one-word ORG met only inside a longer name is not listed). Nor is
"solidarity" an organisation (a lower-case word is no name: not listed), nor "the northwestern
Negev" (a name after a compass word is a place's: listed under Places).

Plain data in and out (no Textual): the engine's entities are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.analysis.lexicon import PERSON_NOUNS, word_set
from reader.analysis.model import Entity
from reader.analysis.names import first_names, fold

#: Last words that make a name a thing's: prizes, laws, bodies, places, events. Not those that
#: are common surnames too (Park, Street, Temple, Court, Bridge, Union, Church, Post: "Ji-sung
#: Park", "Picabo Street"), whose first name the list may not know.
THING_WORDS = word_set(
    """prize prizes award awards act bill foundation institute center centre fund
    trust medal cup council committee commission bank group company corporation university
    college school hospital museum avenue road hotel tower building
    festival games summit treaty accord report index journal times network project
    initiative society association league club ministry department agency
    cathedral mosque synagogue"""
)
#: Words that join a longer name's parts: "Doctrine of the Faith", "Bank for …".
_LINKS = word_set("of for de du")
_JOINS = _LINKS | word_set("the la")
_WORD = re.compile(r"\S+")
#: Kinds whose name may come before "of" without making one name ("Chris Cuomo of CNN").
_NOT_A_NAME_PART = frozenset(("PERSON", "GPE", "NORP"))
OTHER = "MISC"
#: Words of direction that make the name after them a region's: "the northwestern Negev",
#: "northern Gaza" (the tagger called both organisations).
COMPASS_WORDS = word_set(
    """north south east west northern southern eastern western northeastern northwestern
    southeastern southwestern north-eastern north-western south-eastern south-western"""
)
PLACE = "LOC"


def _words(name: str) -> list[str]:
    return fold(name.replace("’s", "").replace("'s", "")).split()


def _inside_a_longer_name(text: str, start: int, others: list[tuple[int, int]]) -> bool:
    """Whether a capitalised word and "of" / "for" (and "the") before `start` make it the
    end of a longer name, "the Doctrine of the Faith"; not after a person's or a place's
    name ("Chris Cuomo of CNN"), a role's ("the CEO of Hewlett-Packard") or a sentence's
    first word ("All of the GOP")."""
    base = max(0, start - 60)
    linked = False
    for m in reversed(list(_WORD.finditer(text, base, start))[1:]):
        word = m.group()
        if word.lower() in _JOINS:
            linked = linked or word.lower() in _LINKS
            continue
        named = any(a <= m.start() < b for a, b in others) or word.lower() in PERSON_NOUNS
        before = text[max(0, m.start() - 2):m.start()].strip()
        first = not before or before[-1] in ".!?\"”"  # "All of the GOP" begins a sentence
        return linked and word[:1].isupper() and word.isalpha() and not named and not first
    return False


def _after_a_compass_word(text: str, start: int) -> bool:
    """Whether the word just before `start` (in the same sentence) is one of direction."""
    before = list(_WORD.finditer(text, max(0, start - 20), start))
    return bool(before) and before[-1].end() >= start - 1 and (
        before[-1].group().lower() in COMPASS_WORDS)


def layer_marks(entities: list[Entity], text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entities as the entity layer marks them: a lower-case word
    tagged an organisation is no name (not marked), one after a compass word is a place."""
    marks = []
    for e in entities:
        if e.label == "ORG" and len(_words(e.text)) == 1 and e.text.islower():
            continue
        label = PLACE if e.label == "ORG" and _after_a_compass_word(text, e.start) else e.label
        marks.append((e.start, e.end, label))
    return marks


def listed_entities(entities: list[Entity], text: str = "") -> list[Entity]:
    """The entities as the tab lists them: relabelled or regrouped copies, pieces left out. A
    speaker (quoted: the engine made them one) is a person whatever their name's last word."""
    people = [e for e in entities if e.label == "PERSON"]
    surnames = {words[-1] for e in people if len(words := _words(e.text)) > 1
                and first_names().get(words[0]) in ("f", "m", "u")}
    others = [(e.start, e.end) for e in entities if e.label in _NOT_A_NAME_PART]
    one_word = [e for e in entities if e.label == "ORG" and len(_words(e.text)) == 1]
    # Only ever a piece: every mention of the word as an ORG is inside a longer name.
    pieces = {fold(e.text) for e in one_word} - {
        fold(e.text) for e in one_word
        if not (text and _inside_a_longer_name(text, e.start, others))}
    out = []
    for e in entities:
        words = _words(e.text)
        if e.label == "PERSON" and e.speaker is None and len(words) > 1 and (
                words[-1] in THING_WORDS and words[-1] not in surnames
                and first_names().get(words[0]) is None):
            e = replace(e, label=OTHER)
        elif e.label == "ORG" and len(words) == 1 and (
                fold(e.text) in pieces or e.text.islower()):
            continue  # a piece of a longer name, or a word that is no name ("solidarity")
        elif e.label == "ORG" and text and _after_a_compass_word(text, e.start):
            e = replace(e, label=PLACE)
        out.append(e)
    return out
