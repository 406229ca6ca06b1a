"""What makes a role: a noun phrase that describes the person ("U.S. Secretary of State", "a
neurology professor", "her younger sister"), never a piece of a sentence about something else
("Church and", "so near the village", "a sense of constraint, which").

``role_span`` trims a candidate phrase found by ``name_roles.role_found`` or a description to such a
noun phrase, or refuses it; the words it found stay with the person for resolving "the
mayor" later, whether or not the phrase is shown as the role.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.bare_titles import bare_title
from reader.analysis.lexicon import (
    BODY_ROLE_NOUNS,
    FINITE_TAGS,
    HONORIFICS,
    TITLES,
    is_human_noun,
    is_person_noun,
    word_set,
)
from reader.analysis.names import fold, is_role_word
from reader.analysis.syntax import np_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Parts of speech a role may not end in: function words, and the adjectives and adverbs
#: that would be left of a noun phrase cut short ("Old", "Church and").
_NOT_LAST = frozenset(
    ("DET", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "AUX", "VERB", "ADV", "ADJ", "PUNCT",
     "SYM", "INTJ", "X", "SPACE")
)
#: Parts of speech a role may not start with: a preposition, an adverb, a subordinator or a
#: conjunction opens a phrase about something else ("so near the village", "but influence").
_NOT_FIRST = frozenset(("ADP", "ADV", "SCONJ", "CCONJ", "PART", "AUX", "VERB", "INTJ", "X"))
#: Marks that never stand in a role: a quotation is someone's words, not their role.
_QUOTE_MARKS = frozenset("\"“”‘’«»")
#: Function words the tagger sometimes calls a noun ("the No. 2 Republican" cut to "the No").
_FUNCTION_WORDS = frozenset(("no", "the", "a", "an", "and", "or", "of", "to", "so", "as", "not"))


def _glued(doc: Doc, start: int, end: int) -> bool:
    """The phrase cuts a hyphenated word: "-based attorney", "co" of "co-founder"."""
    before = start > 0 and not doc[start - 1].whitespace_ and doc[start].text in ("-", "–")
    after = end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in ("-", "–")
    return before or after


def _word_end(doc: Doc, k: int, start: int) -> bool:
    """doc[k] ends a noun that trimming must not cut: the last part of a hyphenated word
    ("secretary-general", "right-hander"), "her own" ("a following of her own")."""
    if k - 2 >= start and doc[k - 1].text in ("-", "–") and not doc[k - 1].whitespace_ \
            and not doc[k - 2].whitespace_ and doc[k].pos_ != "PUNCT":
        return True
    return doc[k].lower_ == "own" and k > start and doc[k - 1].tag_ == "PRP$"


def _one_word(tok: object) -> bool:
    """A role of one word: a common noun ("spokesman") or a title or role word ("Sen.",
    "Major"); a capitalised word that is neither is a name or an adjective ("Old", "Paloma")."""
    text = tok.text  # type: ignore[attr-defined]
    if not text[:1].isupper():
        return tok.pos_ == "NOUN"  # type: ignore[attr-defined]
    return is_role_word(text) or is_person_noun(text.lower())


def _address(doc: Doc, k: int, start: int) -> bool:
    """doc[k] is a form of address that belongs to the name after the role: "Mrs.", "Sir"
    (capitalised: "the harbour master" is a role), or a title after a common noun
    ("candidate Sen.", where "Virginia Gov." is the title itself)."""
    tok = doc[k]
    word = fold(tok.text).rstrip(".")
    if not tok.text[:1].isupper() or k <= start:
        return False
    before = doc[k - 1]
    return word in HONORIFICS or (
        word in TITLES and before.pos_ == "NOUN" and before.text[:1].islower()
    )


def role_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The tokens of doc[start:end] that make a role, as (start, end), or None when they make
    none: trailing function words, punctuation and forms of address are cut ("candidate
    Sen." keeps "candidate"; a bare "Sen." stays, a title describes), and what is left must
    start with a word that can open a noun phrase, hold no quotation mark and no finite
    verb, and end in a noun."""
    if _glued(doc, start, end):
        return None
    while start < end and (doc[start].is_space or doc[start].text in ("—", "–")):
        start += 1
    while end > start and (
        doc[end - 1].is_space or (doc[end - 1].pos_ == "PUNCT" and doc[end - 1].text != ".")
    ):
        end -= 1
    # "a right-hander whose sinker …": a relative clause is about something else.
    end = next((k for k in range(start + 1, end) if doc[k].tag_ in ("WDT", "WP", "WP$")), end)
    if start >= end:
        return None
    toks = doc[start:end]
    if any(t.is_punct and t.tag_ != "POS" and set(t.text) & _QUOTE_MARKS for t in toks):
        return None
    # (a finite verb makes a clause, "the beadle was", not a description)
    # ("Retired neurosurgeon", a participle describing the noun, opens a role)
    first = toks[0]
    participle = first.pos_ == "VERB" and first.dep_ == "amod" and first.tag_ in ("VBN", "VBG")
    if (toks[0].pos_ in _NOT_FIRST and not participle) or toks[0].is_punct or any(
        t.tag_ in FINITE_TAGS for t in toks
    ):
        return None
    if end - start == 1:
        return (start, end) if _one_word(toks[0]) else None
    # "candidate Sen." and "candle Mrs.": a form of address belongs to the name after it.
    cut = end
    while cut > start + 1 and _address(doc, cut - 1, start):
        cut -= 1
    while cut > start and (doc[cut - 1].pos_ in _NOT_LAST or doc[cut - 1].is_punct):
        if _word_end(doc, cut - 1, start):
            break
        cut -= 1
    if cut <= start:
        return None
    last = doc[cut - 1]
    counted = last.pos_ == "NUM" and (
        (cut - 2 > start and doc[cut - 2].lower_ == "of")
        # "president of Local 13": a number after a proper noun is the end of its name
        or (last.head.pos_ == "PROPN" and start <= last.head.i < last.i)
    )
    if last.pos_ not in ("NOUN", "PROPN") and not counted and not _word_end(doc, cut - 1, start):
        return None  # a noun phrase ends in its noun ("a mother of four": its number)
    if doc[cut - 1].lower_ in _FUNCTION_WORDS or (cut - start == 1 and not _one_word(doc[start])):
        return None
    if cut < end and doc[cut].text == "." and not doc[cut - 1].whitespace_:
        cut += 1  # "Lt." split in two by the tokenizer keeps its point
    return start, cut


def role_text(doc: Doc, start: int, end: int) -> str | None:
    """``role_span``'s words as one line (a hard-wrapped book breaks roles across lines)."""
    span = role_span(doc, start, end)
    if span is None:
        return None
    return " ".join(doc[span[0] : span[1]].text.split())


def described_role(t: Token) -> str | None:
    """The role a definite description gives ("The National Unity Party leader" -> "National
    Unity Party leader"): more than the bare noun, and a noun phrase (roles.role_span)."""
    s, _ = np_span(t)
    doc = t.doc
    first = next(k for k in range(t.left_edge.i, t.i + 1) if doc[k].idx >= s)
    if doc[first].lower_ in ("the", "this", "that"):
        first += 1
    if t.i + 1 - first < 2:
        return None
    end = t.i + 1
    # "the former secretary of state": what the office is of belongs to it
    of = next((c for c in t.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and of.i == end and of.right_edge.i - of.i <= 3:
        end = of.right_edge.i + 1
    return role_text(doc, first, end) or role_text(doc, first, t.i + 1)


#: Endings of nouns for a person by what they do ("undertaker", "inheritor", "guardian").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ess", "ee", "eer", "ard", "ent")
#: Words with those endings that are things ("winter", "a sense of order").
_NOT_AGENTS = word_set(
    """winter summer water paper number letter matter order border corner dinner manner
    power tower weather colour color error mirror floor door hour answer chapter silver
    anger danger laughter murder shoulder finger feather glance distance instance moment
    element event content intent accent scent talent agreement"""
)
#: Heads that are a person's body or sound, never what the person is ("her person", "His
#: voice", "first person").
_NOT_ROLE_HEADS = frozenset(("person", "voice", "people", "self", "old"))
#: Person nouns that are things when they end a compound: "the chair" presides, an
#: "arm-chair" or "wheel-chair" is furniture.
_THINGS_IN_COMPOUNDS = frozenset(("chair",))
#: Words after which a role goes on about something else: its head stands before them.
_AFTER_HEAD = frozenset(
    ("of", "on", "by", "from", "about", "in", "for", "to", "with", "at", "into", "whose",
     "under")
)


def shown_role(role: str | None) -> str | None:
    """The role as the speakers list shows it, or None when its head noun is nothing a
    person is ("an aquatint of Hetton", "a faint blush", "Harvest Thanksgiving", "His
    voice") or a form of address ("Mrs."). The role found first still serves resolution."""
    if not role or bare_title(role):
        return None  # "Dr.": a courtesy title alone is no role
    words: list[str] = []
    for word in re.findall(r"[\w’'.-]+", role):
        if word.lower() in _AFTER_HEAD and words:
            break
        words.append(word)
    if not words or "s" in words:  # "grandfather s arm-chair": a possessive broken apart
        return None
    written = re.sub(r"[’']s$", "", words[-1]).strip(".-")
    head = written.lower()
    if head in _NOT_ROLE_HEADS or (written[:1].isupper() and fold(head) in HONORIFICS):
        return None  # "Mrs.", "Rev. Mr.": a form of address, which is no role
    if fold(head) in TITLES or head in BODY_ROLE_NOUNS:
        return role  # "Senator", "the head of the RNC"
    if written[:1].isupper() and head.endswith(("an", "i", "ese")):
        return role  # "an Israeli", "a Texan": someone from somewhere
    last = head.split("-")[-1]
    for form in dict.fromkeys((head, head[:-1] if head.endswith("s") else head, last)):
        if is_human_noun(form) and (form == head or form not in _THINGS_IN_COMPOUNDS):
            return role
        agent = form.endswith(_AGENT_ENDINGS) and not form.endswith("ment")
        if agent and form.isalpha() and form not in _NOT_AGENTS:
            return role
    # "neurosurgeon", "congresswoman": a person noun written as one word with what it is of;
    # only the nouns that make such words, since any ending would take "mischief" (chief),
    # "autopilot", "parking", "accurate", "finally" and "vaguest" for people
    if last.endswith(_COMPOUND_HEADS) and is_human_noun(_compound_head(last)):
        return role
    return None


#: The person nouns English closes into one word ("chairwoman", "lawmaker", "goldsmith").
_COMPOUND_HEADS = (
    "man", "woman", "person", "wife", "surgeon", "smith", "maker", "master", "keeper",
    "holder", "worker", "writer", "leader", "owner", "player", "fighter", "maid", "mother",
    "father", "daughter", "brother", "sister", "girl", "boy", "lady", "lord", "friend",
)


def _compound_head(word: str) -> str:
    """The compounding noun ``word`` ends in, with at least three letters before it."""
    return next((h for h in _COMPOUND_HEADS if word.endswith(h) and len(word) >= len(h) + 3), "")
