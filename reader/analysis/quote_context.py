"""What the words around a quote's marks say it is, on the raw text (no parse): a title cued
by the word before it, words an uttering verb or a chant introduces, a quote in a headline.

News quotes short phrases in many ways, and capitals and a full stop inside the marks say
little on their own: "She said “The Farmers”" is speech, "the reality show “The
Contender.”" a title, and in a headline every word is capitalised. Each test here looks at a
bounded stretch of text before the quote (or its paragraph, when short), so a paragraph of
thousands of quotes is still read in linear time.
"""

from __future__ import annotations

import re

from reader.analysis.lexicon import NAMING_CUES, TITLE_CUES, WORK_NOUNS, word_set
from reader.analysis.quotes import ALL_MARKS, content_words, words_of

#: Naming verbs that may give a speaker's description rather than a name ("the senator, whom
#: she dubbed “the quiet one”"): a lower-case phrase after them is judged as a fragment.
_DESCRIBING_NAMERS = word_set("dubbed nicknamed christened named")
#: The word before a quote in its sentence: only spaces, a comma or a colon between.
_PREV_RAW = re.compile(r"([\w-]+)[ \t\u00a0,:]*$")


def title_cued(text: str, start: int, end: int, shape: str, lo: int = 0) -> bool:
    """Whether the word before the quote marks it as a title or a name ("the film “Jaws”",
    "dubbed “Frogeye”", "the so-called “deal”"). A work noun marks a title only as a common
    noun before Capitalised Words ("Dr. Ana Song “was …”" and "called the show “the news show
    of record”" are not titles), and a naming verb before a lower-case phrase leaves it to the
    fragment rules, which ask for someone who did the naming."""
    m = _PREV_RAW.search(text, max(lo, start - 40), start)
    raw = m.group(1) if m else ""
    before = raw.lower()
    inner = text[start:end].strip(ALL_MARKS + " ")
    lower_phrase = inner[:1].islower()
    if before in _DESCRIBING_NAMERS and lower_phrase:
        return False
    if before in NAMING_CUES:
        return True
    if before in WORK_NOUNS:
        # "the reality show “The Contender.”": a title, even with the full stop inside
        return (
            raw[:1].islower()
            and not lower_phrase
            and (shape != "speech" or _title_words(inner))
        )
    return shape != "speech" and before in TITLE_CUES


def _title_words(inner: str) -> bool:
    """A few words, every content word Capitalised: a title's shape even as a sentence."""
    words = words_of(inner)
    content = content_words(words)
    return 0 < len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() for w in content)


#: Verb forms of uttering: what they introduce is said, however it is capitalised ("chanting
#: “No Deal, No Vote”", "She said “The Farmers”"); a tweet or a post is written speech, in
#: whatever capitals its author typed ("tweeted, “Thank You Ohio!”").
_UTTERING_FORMS = word_set(
    """said says saying chanted chanting chant shouted shouting yelled yelling screamed
    screaming cried crying exclaimed exclaiming whispered whispering muttered muttering
    mouthed mouthing echoed echoing tweeted tweeting tweets posted posting"""
)
#: Nouns of crying out: "chants of “Ada, Ada, Ada”" are somebody's words.
_OUTCRY_NOUNS = word_set(
    "chant chants cry cries shout shouts scream screams yell yells calls chorus choruses roar"
)
_LAST_TWO = re.compile(r"([\w-]+)\W+([\w-]+)[\s,:]*$")
_AND_AFTER_QUOTE = re.compile(r"[”\"]\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:and|or)\s*,?\s*$")


def cried_out(text: str, start: int, lo: int = 0) -> str | None:
    """The shape of a quote that an uttering verb or a noun of crying out introduces
    ("fragment": still to be given a speaker; "speech": a chant is words even with no one
    named), or None. One quote joined to such a quote by "and"/"or" counts too ("cries of
    “Traitor!” or, “Go home now”")."""
    for _ in range(2):
        m = _LAST_TWO.search(text, max(lo, start - 60), start)
        if m is None:
            return None
        prev, last = m.group(1).lower(), m.group(2).lower()
        if last in _UTTERING_FORMS:
            return "fragment"
        if last == "of" and prev in _OUTCRY_NOUNS:
            return "speech"
        joined = _AND_AFTER_QUOTE.search(text, max(lo, start - 80), start)
        if joined is None:
            return None
        opener = max(text.rfind(c, max(lo, start - 200), joined.start()) for c in '“"')
        if opener < 0:
            return None
        start = opener
    return None


#: A headline is short: longer Capitalised lines are prose (or a list of names). The length
#: in characters is checked first, so a long paragraph costs nothing per quote.
HEADLINE_WORDS = 20
HEADLINE_CHARS = 240


def in_headline(text: str, start: int, end: int, ps: int, pe: int) -> bool:
    """Whether the quote at start..end sits in a headline or subhead (paragraph ps..pe): a
    short line in Title Case with no full stop of its own ("Nora Vance Asked Men To
    “Redefine Masculinity.”"). There capitals say nothing, so a quote is not a title for
    them."""
    if pe - ps > HEADLINE_CHARS:
        return False
    outside = text[ps:start] + " " + text[end:pe]
    words = words_of(outside)
    if not 3 <= len(words) <= HEADLINE_WORDS or outside.rstrip()[-1:] in (".", "!", "?"):
        return False
    content = [w for w in content_words(words) if w[0].isalpha()]
    caps = sum(1 for w in content if w[0].isupper())
    return len(content) >= 3 and caps == len(content)
