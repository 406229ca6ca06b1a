"""Names: their parts and titles, accent folding, initials, the gender a title or a first
name tells, and the span of a name around a token.

A person is keyed by the accent-folded surname ("Müller", "Muller" and "Mueller" meet) and
titles are stripped ("Sister Sharon Holland" -> "Sharon Holland").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reader.analysis.lexicon import (
    FEMALE_NAMES,
    FEMALE_TITLES,
    HONORIFICS,
    MALE_NAMES,
    MALE_TITLES,
    NAME_OPENERS,
    NAME_PARTICLES,
    PERSON_NOUNS,
    TITLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

T = TypeVar("T")


@cache
def first_names() -> dict[str, str]:
    """First name -> "f", "m" or "u" (either), from the bundled census list and the words above."""
    path = Path(__file__).with_name("data") / "first_names.txt"
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split()
            table[name] = gender
    table.update(dict.fromkeys(FEMALE_NAMES, "f"))
    table.update(dict.fromkeys(MALE_NAMES, "m"))
    return table


def first_name_gender(word: str) -> str | None:
    """ "f", "m" or "u" for a first name as written. Looked up before folding, which would
    make "Joe" the woman's "Jo" and "Michael" the "Michal" given to either."""
    s = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    table = first_names()
    return table.get(plain) or table.get(fold(word))


def fold(text: str) -> str:
    """Lower-case, accents removed, "ue"/"oe"/"ae" spelled as the plain vowel."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    return s.replace("ue", "u").replace("oe", "o").replace("ae", "a")


_POSSESSIVE = re.compile(r"[’']s?$")


#: Not part of a name; an apostrophe inside a word ("O’Neill", "D'Souza") is.
_NICKNAME = re.compile(r"(?<=\w)\s+[\"“‘(][^\"“”‘’()]{1,25}[\"”’)](?=\s+\w)")


#: A word all in lower case (letters, inner apostrophes and hyphens).
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?:[’'-][a-z]+)*(?![\w’'-])")
_NON_WORD = re.compile(r"(?:(?![’'])[^\w\s.-])+|(?<!\w)[’']+|[’']+(?!\w)")


def strip_possessive(text: str) -> str:
    return (
        _POSSESSIVE.sub("", text.strip())
        if text.strip().endswith(("’s", "'s", "’", "'"))
        else text.strip()
    )


#: (words, label) pairs tried in order for each title.
TitleClasses = tuple[tuple[frozenset[str], str], ...]


def _first_title_in(titles: list[str], classes: TitleClasses) -> str | None:
    """The label of the first title (in the order written) that one of ``classes`` holds."""
    for t in titles:
        ft = fold(t).rstrip(".")
        for words, label in classes:
            if ft in words:
                return label
    return None


#: Titles written after the name, each with the form of address it is ("Hamidullah Begum"
#: is Hamidullah's wife, as "Mrs. Hamidullah" would be; "Mahmoud Sahib", a man).
POSTPOSED_TITLES = {"begum": "mrs", "khanum": "mrs", "sahib": "mr", "effendi": "mr", "pasha": "mr"}


def postposed(titles: list[str]) -> bool:
    """Whether the last title was written after the name (``POSTPOSED_TITLES``)."""
    return bool(titles) and fold(titles[-1]) in POSTPOSED_TITLES


def titled(titles: list[str], name: str) -> str:
    """A name with its titles, as written: "Mrs. Bennet", "Hamidullah Begum"."""
    if postposed(titles):
        return " ".join([*titles[:-1], name, titles[-1]])
    return " ".join([*titles, name])


def title_gender(titles: list[str]) -> str | None:
    """The gender a title before a name says ("Mrs" -> "f"), if any."""
    said = _first_title_in(titles, ((MALE_TITLES, "m"), (FEMALE_TITLES, "f")))
    if said is None and postposed(titles):
        return "f" if POSTPOSED_TITLES[fold(titles[-1])] == "mrs" else "m"
    return said


#: Forms of address that tell a married woman from an unmarried one ("Mrs. Bennet" and "Miss
#: Bennet" are two people); a man's are all one form.
_MARRIED = frozenset(("mrs", "lady", "madame", "dame", "mme"))
_UNMARRIED = frozenset(("miss", "mademoiselle", "mlle"))


def form_of_address(titles: list[str]) -> str | None:
    """ "mr", "mrs" or "miss" for the titles before a name, if they are a form of address."""
    if postposed(titles):
        return POSTPOSED_TITLES[fold(titles[-1])]
    return _first_title_in(titles, ((_MARRIED, "mrs"), (_UNMARRIED, "miss"), (MALE_TITLES, "mr")))


def is_role_word(word: str) -> bool:
    """A capitalised title or role ("Prosecutor", "Director") inside a longer name."""
    return word[:1].isupper() and (fold(word).rstrip(".") in TITLES or word.lower() in PERSON_NOUNS)


def lower_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case somewhere: a capitalised one of them before a
    name ("Opposite Aziz", "Which Oliver") is a word of the sentence, not of the name."""
    return frozenset(_LOWER_WORD.findall(text))


def name_parts(text: str) -> tuple[list[str], list[str]]:
    """(titles, name words) of a surface name, possessive removed, original spelling kept."""
    # "Broad's Zhang": the name is what follows the possessor.
    text = re.split(r"[’']s\s+(?=[A-Z])", strip_possessive(text))[-1]
    # "Devendra “Dev” Raman": a nickname in marks or brackets is no part of the full name.
    text = _NICKNAME.sub(" ", text)
    # "Hartley--" (a dash glued to a name): dashes at a word's edges are no part of it
    words = [w.strip("-") for w in _NON_WORD.sub(" ", text).split() if w.strip("-")]
    titles: list[str] = []
    while len(words) > 1:
        if fold(words[0]).rstrip(".") in TITLES:
            titles.append(words.pop(0))
        elif fold(words[0]) in NAME_OPENERS:
            words.pop(0)
        else:
            break
    if len(words) > 1 and fold(words[-1]) in POSTPOSED_TITLES:
        titles.append(words.pop())  # "Hamidullah Begum": a title after the name
    # "Quillmate with Maximilian Rautenbach" (one entity to the tagger): a lower-case word
    # that is no name particle ends what came before.
    lower = [k for k, w in enumerate(words) if w[:1].islower() and w not in NAME_PARTICLES]
    if lower and lower[-1] < len(words) - 1:
        del words[: lower[-1] + 1]
    # "Henry dreamily" (a novel's "said Henry dreamily" read as one name): an adverb at the
    # end is no part of the name.
    while len(words) > 1 and words[-1][:1].islower() and words[-1].endswith("ly"):
        words.pop()
    # "Summit County Prosecutor Renata Vukovich": a role word inside leaves the name after it.
    for k in range(len(words) - 3, -1, -1):
        if is_role_word(words[k]):
            del words[: k + 1]
            break
    if words and fold(words[0]) == "the":
        words.pop(0)
    drop_title_words(words)
    if words and (words[-1][:1].islower() or is_bare_title(words)):
        return titles, []  # "his doubts", "Mrs.", "the Lord": no name
    return titles, words


def may_open(word: str, common: Collection[str]) -> bool:
    """A capitalised word before a name that may be no part of it: a word the text writes in
    lower case elsewhere ("Opposite Aziz"), or an adverb or participle that opened the
    sentence ("Unfortunately Aziz", "Endorsed Trump"); never a first name ("Emily",
    "Sterling", "Ted") or a particle ("De Blasio", "Van Jones")."""
    low = fold(word)
    if low in first_names() or low in NAME_PARTICLES or not word[:1].isupper():
        return False
    if word.lower() in common:
        return True
    # Long enough to be a derived word, not a short given name ("Khaled", "Rasheed", "Ting")
    return (
        (len(low) > 4 and low.endswith("ly"))
        or (len(low) > 5 and low.endswith("ing"))
        or (len(low) > 6 and low.endswith("ed") and not low.endswith("eed"))
    )


def drop_title_words(words: list[str]) -> None:
    """ "Minority Whip Richard J. Durbin", "Senators Maria Ortiz", "Billionaire Donald
    Trump": capitalised words before a first name, when the name does not itself open with
    one, are a title or a description however they are spelled (plural, compound, a job)."""
    if len(words) < 3 or fold(words[0]) in first_names():
        return
    for k in range(1, len(words) - 1):
        if words[k][:1].isupper() and fold(words[k]) in first_names():
            while k > 1 and is_initial(words[k - 1]):
                k -= 1  # "Counsel W. Neil Eggleston": the initial is his
            del words[:k]
            return


def is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def is_honorific(word: str) -> bool:
    """A form of address, with or without its dot and in any case: "Mrs.", "MR", "Sir"."""
    return fold(word).rstrip(".") in HONORIFICS


def is_bare_title(words: list[str]) -> bool:
    """A form of address with no name after it ("Mrs.", "Sir"); a lone rank may be a surname
    ("Bishop")."""
    return len(words) == 1 and is_honorific(words[0])


_MINOR = frozenset(("and", "of", "the", "for", "on", "in", "&"))


def initials(name: str) -> str:
    """ "rivers and floodplain authority" -> "rfa"."""
    return "".join(w[0] for w in name.split() if w not in _MINOR and w[0].isalpha())


def by_initials(key: str, named: Iterable[tuple[str, T]]) -> T | None:
    """The first of ``named`` (folded name, item) whose initials are ``key``, a short form of
    two to six letters: the one lookup of an acronym ("rfa" for the Rivers and Floodplain
    Authority named before)."""
    if not (2 <= len(key) <= 6 and key.isalpha()):
        return None
    for name, item in named:
        if initials(name) == key:
            return item
    return None


def after_the(tok: Token, person: str) -> bool:
    """ "the Church warned": a one-word name after "the", heading its own phrase, is a body's
    or a title's ("the Collector"), never the surname of ``person`` when they have a full
    name (George Church); "the Clinton campaign" is still Clinton's."""
    doc = tok.doc
    return (
        " " in person
        and tok.i > 0
        and doc[tok.i - 1].lower_ == "the"
        and tok.dep_ not in ("compound", "flat")
        and not any(c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" for c in tok.lefts)
        and tok.tag_ == "NNP"
    )


def name_span(tok: Token) -> tuple[int, int]:
    """Character span of the name around tok: its run of proper nouns ("Mary Ann Zollman")."""
    doc = tok.doc
    while tok.dep_ in ("compound", "flat") and tok.head.i == tok.i + 1 and tok.head.pos_ == "PROPN":
        tok = tok.head
    s = tok.i
    person = tok.ent_type_ == "PERSON"
    while s > 0 and tok.i - s < 5:
        before = doc[s - 1]
        # Within a PERSON entity every proper noun is the name; outside one, only compounds
        # ("Senate Majority Leader Chuck Schumer": the name is "Chuck Schumer").
        joined = (
            (before.ent_type_ == "PERSON" and before.ent_iob_ != "O")
            if person
            else (before.dep_ == "compound" and s <= before.head.i <= tok.i)
        )
        if before.is_space and "\n\n" not in before.text and s > 1 and not person:
            # "asked Count\nMippipopolous": a name the text wrapped across a line is one name
            wrapped = doc[s - 2]
            if wrapped.pos_ == "PROPN" and wrapped.dep_ == "compound" and wrapped.head.i == tok.i:
                s -= 2
                continue
        if (
            before.pos_ == "PROPN"
            and not before.is_punct
            and joined
            and (not person or doc[s].ent_iob_ == "I")
        ):
            s -= 1
        elif (  # "Jean-Pierre": a hyphen with no space either side
            before.text == "-"
            and s > 1
            and not before.whitespace_
            and not doc[s - 2].whitespace_
            and doc[s - 2].pos_ == "PROPN"
        ):
            s -= 2
        else:
            break
    if s > 0 and is_honorific(doc[s - 1].text) and doc[s - 1].text[:1].isupper():
        s -= 1  # "Mrs. Archer": the form of address tells her from "Mr. Archer"
    e = hyphenated_end(tok)
    # "-President Obama" after a quote: the dash the tokenizer glued on is no part of the name
    glued = 1 if doc[s].text[:1] in "-–—" and doc[s].text[1:2].isupper() else 0
    return doc[s].idx + glued, doc[e].idx + len(doc[e].text)


def hyphen_start(tok: Token) -> bool:
    """``tok`` is the first part of a hyphenated common word ("co" of "co-host"; not
    "Winnie" of "Winnie-the-Pooh")."""
    doc = tok.doc
    follows = tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_
    return follows and tok.text[:1].islower()


def hyphenated_end(tok: Token) -> int:
    """Index of a name's last word through hyphens with no space either side ("Osei-Bonsu"
    from "Osei", "Winnie-the-Pooh" from "Winnie"): the tagger and the parser often stop at
    the hyphen."""
    doc = tok.doc
    e = tok.i
    while e + 2 < len(doc) and doc[e + 1].text == "-" and _glued(doc, e):
        if doc[e + 2].pos_ == "PROPN" and doc[e + 2].text[:1].isupper():
            e += 2
        elif (  # a lower-case link word, then a hyphen and a name again
            e + 4 < len(doc)
            and doc[e + 2].is_lower
            and doc[e + 2].is_alpha
            and doc[e + 3].text == "-"
            and _glued(doc, e + 2)
            and doc[e + 4].text[:1].isupper()
            and doc[e + 4].is_alpha
        ):
            e += 4
        else:
            break
    return e


def _glued(doc: Doc, e: int) -> bool:
    """Token e, the hyphen after it and the word after that are written with no space."""
    return not doc[e].whitespace_ and not doc[e + 1].whitespace_
