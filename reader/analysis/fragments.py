"""Short quoted fragments with no speech verb holding them: whose words they are.

News quotes a person's phrase inside the writer's own sentence ("Trump attacked Romney for
being a “failed candidate.”", "Clinton supports “appropriate pay raises”"); the clause's
subject is the one quoted whatever its verb. ``clause_cue`` finds that subject for a fragment
the speech-verb cue (``cues.find_cue``) could not place, and stands it in as the cue. Scare
quotes and titles are not spoken words and stay out: the subject must be someone who can
speak (a person, a body, a document), and it must come before the fragment.

Fiction is told differently: a fragment quoted in a story's narration is the narrator's own
term ("Archer was “form”"), and the speech in a story comes as lines of dialogue. So a text
told as conversation (many of its quotes turns opening their paragraphs) gets no stand-in
cue; reporting, whose quotes mostly sit in the writer's sentences, does.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from reader.analysis.content_clauses import (
    about_cue,
    content_clause_cue,
    share_of_people,
)
from reader.analysis.continued import continued_cue
from reader.analysis.cues import Cue
from reader.analysis.fragment_speakers import (
    CLIMB,
    SIDE_CLAUSES,
    adjacent_saying,
    can_speak,
    possessed_saying,
)
from reader.analysis.genre import told_as_dialogue
from reader.analysis.lexicon import (
    NAMING_CUES,
    WORK_NOUNS,
)
from reader.analysis.naming import active_naming, as_characterised, naming_cue, unclaimed_naming
from reader.analysis.quote_context import in_headline
from reader.analysis.quotes import preceding_word
from reader.analysis.syntax import is_speech_verb, verb_subject
from reader.analysis.unattributed import first_line_quote, own_clause, uttered
from reader.analysis.used_words import used_cue, words_owner

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from reader.analysis.references import DiscourseState

#: Attachments of a noun after a verb that make it what the verb acts on, not who speaks.
OBJECTS = frozenset(("dobj", "dative", "attr", "oprd", "npadvmod"))

#: Verbs whose subject a quoted complement describes rather than quotes.
COPULAS = frozenset(("be", "become", "seem", "remain"))

#: Verbs of seeing and hearing: a clause under them is what was seen done, not said ("Pruett
#: has watched other cities stage the “farewell tour”").
PERCEPTION = frozenset(("watch", "hear", "notice", "witness"))

#: Words before a quote that make it the name of a work or a name given ("the film “Jaws”",
#: "dubbed “Frogeye”", "the so-called “deal”"), whoever the sentence is about.
WORK_WORDS = WORK_NOUNS | NAMING_CUES

def clause_verbs(doc: Doc, a: int, b: int) -> Iterator[Token]:
    """The verbs above the quote over tokens a..b in its sentence, nearest first ("attacked
    Romney for being a “failed candidate”": being, then attacked)."""
    words = [t for t in doc[a : b + 1] if not a <= t.head.i <= b]
    outside = [t for t in words if not t.is_punct] or words
    if not outside:
        return
    t = outside[0].head
    for _ in range(CLIMB):
        if t.pos_ in ("VERB", "AUX") and not a <= t.i <= b:
            yield t
        if t.head.i == t.i:
            return
        t = t.head


class FragmentReader:
    """The stand-in cue for fragments of one text, unless the text is told as conversation
    (decided once, on the first fragment that needs it)."""

    def __init__(self, text: str, primary: str) -> None:
        self.text = text
        self.primary = primary
        self.dialogue: bool | None = None

    def is_dialogue(self) -> bool:
        if self.dialogue is None:
            self.dialogue = told_as_dialogue(self.text, self.primary)
        return self.dialogue

    def cue(
        self, st: DiscourseState, a: int, b: int, inside_quote: Callable[[int], bool]
    ) -> Cue | None:
        if self.is_dialogue():
            return None
        return (
            clause_cue(st, a, b, inside_quote)
            or uttered(st, a, inside_quote)
            or own_clause(st, a, b)
            or continued_cue(st.doc[a], b, inside_quote, lambda t: can_speak(st, t))
            or as_characterised(st.doc, a, b, inside_quote, lambda t: can_speak(st, t))
        )

    def stray(self, st: DiscourseState, cue: Cue, inside_quote: Callable[[int], bool]) -> Cue:
        """The cue with the speaker the parser left it without ("In March, Hale blasted the
        firm for its “outrageous practices”", "Hale" taken for a modifier), when the text
        names one (``stray_subject``)."""
        subj = stray_subject(st, cue.token, inside_quote)
        if subj is None:
            return cue
        return Cue(cue.token, cue.word, subj, cue.contains, cue.kind)

    def used(
        self, st: DiscourseState, a: int, b: int, inside_quote: Callable[[int], bool]
    ) -> Cue | None:
        """The cue of a name or title the shape rules set aside, when the sentence says who
        uses the words (``used_words``); never for the name of a work."""
        doc = st.doc
        assert doc is not None
        root = fragment_root(doc, a, b)
        if self.is_dialogue() or root is None:
            return None
        if preceding_word(st.text, doc[a].idx + st.offset) in WORK_WORDS:
            return None  # "the film “Jaws”", "a memo titled “…”", "the so-called “X”"
        return used_cue(root, a, inside_quote, lambda t: can_speak(st, t)) or adjacent_saying(
            st, a, b, inside_quote
        )


def clause_cue(
    st: DiscourseState, a: int, b: int, inside_quote: Callable[[int], bool]
) -> Cue | None:
    """A stand-in cue for the fragment at tokens a..b: its clause's verb and that verb's
    subject, when the subject can speak and comes before the fragment."""
    doc = st.doc
    assert doc is not None
    if capitalised(doc[a : b + 1]) and not headline_quote(st, a, b):
        return None  # "released a single, “Glass House,”": a title, not anyone's phrase
    root = fragment_root(doc, a, b)
    said = (  # "Hale's “…” remark", "the contention of Hale that …": Hale's words
        possessed_saying(st, a, b, inside_quote)
        or adjacent_saying(st, a, b, inside_quote)
        or content_clause_cue(root, a, inside_quote, lambda t: can_speak(st, t))
        or about_cue(root, a, inside_quote, lambda t: can_speak(st, t))
    )
    if said is not None:
        return said
    if root is not None:
        named = naming_cue(root, inside_quote, lambda t: can_speak(st, t))
        if named is not None:
            return named
        if unclaimed_naming(root, inside_quote):
            return None  # "shaking up what is called a “debate”": no one is naming it
        owned = words_owner(root, inside_quote, lambda t: can_speak(st, t))
        if owned is not None:
            return owned  # "coined a new phrase, “pothole politics”"
    if root is not None and root.dep_ == "appos":
        # "CRISPR-Cas9, a “powerful and general technology”": said of a noun; a relative
        # clause goes on ("a former liberal who would “unravel” the policies": the words of
        # whoever the clause above has describing him)
        return None
    headline = first_line_quote(st, a, b)
    if root is not None and headline and root.head.i < a and can_speak(st, root.head):
        # "Water minister ‘appalled’ as spill kills fish": a headline drops its verbs; the
        # words after the one it names are that one's
        return Cue(root.head, root.head.text, root.head, contains=True)
    if root is not None and not headline and own_word(doc, a, b, root):
        return None  # "a “programmable” editing tool": the writer's term
    if root is not None:
        named = relative_source(st, root, inside_quote)
        if named is not None:
            return named
    for verb in clause_verbs(doc, a, b):
        if verb.lemma_.lower() in COPULAS:
            continue  # "implied a judge was “hostile”": the judge is described, not speaking
        if verb.lemma_.lower() in PERCEPTION:
            return None
        subj = verb_subject(verb, inside_quote)
        stray = subj is None and is_speech_verb(verb)
        if stray:
            subj = stray_subject(st, verb, inside_quote)
        if subj is None:
            continue  # "for being a “failed candidate”": the verb above has the subject
        if subj.i >= a or inside_quote(subj.i):
            return None
        if subj.i > verb.i and subj.dep_ in OBJECTS and not is_speech_verb(verb):
            continue  # "voted to invade Iraq from “the perspective …”": an object, not a speaker
        if not stray and not can_speak(st, subj) and not share_of_people(subj, verb, a):
            # "confirmed that the intrusion began with “a known vulnerability”", "she listed
            # her issues, including making the wealthy pay their “fair share”": a
            # clause about things may sit in what someone above it says or does; but a
            # fragment naming a kind of the writer's noun ("a year-end “Christmas tree”
            # bill") stays the writer's
            if root is None or root.dep_ in OWN_WORD_DEPS:
                return None
            continue
        if not is_speech_verb(verb):
            reporter = reporting_cue(st, verb, a, inside_quote)
            if reporter is not None:
                return reporter
        return Cue(verb, verb.text, subj, contains=True)
    # "… a giant bill, calling them “frijoleros”": no speaker found, but someone calls it that
    return active_naming(root, inside_quote) if root is not None else None


def reporting_cue(
    st: DiscourseState, verb: Token, a: int, inside_quote: Callable[[int], bool]
) -> Cue | None:
    """ "he said that only people such as the Kochs wanted “open borders”": a fragment in a
    clause that someone says (its verb the complement of a speech verb) is given in the
    sayer's words, not in those of the clause's subject, who does something, not speak (the
    words "by having “…”" of a clause said hang below its verb)."""
    v, reported = verb, False
    for _ in range(CLIMB):
        if v.head.i == v.i or v.dep_ in SIDE_CLAUSES or v.dep_ == "acl":
            return None  # a clause about a noun, not one said
        reported = reported or v.dep_ == "ccomp"
        v = v.head
        if reported and is_speech_verb(v):
            if any(c.dep_ == "neg" for c in v.children):
                return None  # "did not say that …": no one said it
            subj = verb_subject(v, inside_quote)
            if subj is None or subj.i >= a or inside_quote(subj.i) or not can_speak(st, subj):
                return None
            return Cue(v, v.text, subj, contains=True)
    return None


def headline_quote(st: DiscourseState, a: int, b: int) -> bool:
    """The quote over tokens a..b sits in a headline, where everything is in capitals."""
    doc = st.doc
    assert doc is not None
    start = doc[a].idx + st.offset
    end = doc[b].idx + len(doc[b].text) + st.offset
    n = bisect_right(st.para_starts, start) - 1
    if n < 0:
        return False
    ps, pe = st.paras[n]
    return in_headline(st.text, start, end, ps, pe)


def fragment_root(doc: Doc, a: int, b: int) -> Token | None:
    """The word of tokens a..b that the rest of the sentence holds it by."""
    words = [t for t in doc[a : b + 1] if not a <= t.head.i <= b and not t.is_punct]
    return words[0] if words else None


#: Attachments of a lone quoted word that make it part of the writer's own phrase.
OWN_WORD_DEPS = frozenset(("amod", "compound", "nmod", "advmod"))


def own_word(doc: Doc, a: int, b: int, root: Token) -> bool:
    """A single quoted word modifying the writer's noun: a term held at arm's length (a scare
    quote), not someone's phrase. A quoted verb is not set aside here ("urged the party to
    “embrace” him", "accused Bernanke of trying to “debase” the dollar"): whose it is, the
    clause above decides, like any fragment's."""
    if sum(1 for t in doc[a : b + 1] if t.is_alpha) != 1:
        return False
    return root.dep_ in OWN_WORD_DEPS


def relative_source(
    st: DiscourseState, root: Token, inside_quote: Callable[[int], bool]
) -> Cue | None:
    """ "curb “a certain feminist spirit” and “secularist mentality” that the Church fathers
    discerned": a relative clause on the fragment (or a conjunct of it) names whose words
    they are, not the subject of the sentence around it."""
    for noun in (root, *root.conjuncts):
        for clause in noun.children:
            if clause.dep_ != "relcl":
                continue
            subj = verb_subject(clause, inside_quote)
            if subj is None or subj.tag_ in ("WP", "WDT"):
                continue  # "a “child of the ’80s” who left": the clause is about the fragment
            if not inside_quote(subj.i) and can_speak(st, subj):
                return Cue(clause, clause.text, subj, contains=True)
    return None


def capitalised(span: Span) -> bool:
    """Every content word in capitals: a name or a title."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.text[0].isupper() for t in words)


def stray_subject(
    st: DiscourseState, verb: Token, inside_quote: Callable[[int], bool]
) -> Token | None:
    """The speaker of a speech verb the parser gave no subject, when the text names one: a
    known person's name right before it that the tagger took for something else ("Early
    described it as …", "Will acknowledges …"), or someone who can speak that the parser made
    the root the verb hangs from ("Hale defended the plan, calling it …", "Hale" taken for a
    noun; "A panel of auditors, led by Ray Colt, reported that …", the verb taken for the
    panel's modifier)."""
    doc = verb.doc
    j = verb.i - 1
    if j >= 0 and not inside_quote(j) and doc[j].is_title and _names_someone(st, doc[j]):
        return doc[j]
    t = verb
    for _ in range(3):
        if t.head.i == t.i:
            break
        t = t.head
    if t.i < verb.i and t.head.i == t.i and t.pos_ in ("NOUN", "PROPN") and not inside_quote(t.i):
        return t if can_speak(st, t) else None
    return None


def _names_someone(st: DiscourseState, tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or st.known_person(tok) is not None
