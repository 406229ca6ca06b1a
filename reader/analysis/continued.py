"""A fragment that ends the sentence right after a tagged quote carries on that speaker's words.

"“It's ambush journalism,” she says. It's “this new in-your-face journalism.”", "“…a
criminal violation,” Hale added. But that's not the same thing as “properly chargeable.”":
the writer goes on with the speaker's point in the next sentence of the paragraph and closes it
with the speaker's own words. Only a sentence with no one else in it who could be speaking
(its subject a thing or a pronoun for one, no speech verb of its own) carries the words on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.analysis.cue_types import Cue
from reader.analysis.syntax import is_speech_verb, verb_subject

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: How many tokens a speech tag after a quote may run to ("Hale added", "said Ada Hale, 54").
TAG_REACH = 6


def continued_cue(
    doc_a: Token,
    b: int,
    inside_quote: Callable[[int], bool],
    can_speak: Callable[[Token], bool],
) -> Cue | None:
    """The tag of the quote that ends the previous sentence, for the fragment from ``doc_a``
    to token ``b`` that ends its own sentence in the same paragraph."""
    doc = doc_a.doc
    sent = doc_a.sent
    a = doc_a.i
    if sent.end < len(doc) and doc[sent.end].text == ",":
        # "Those in debt struggle, even with a “good” job, he said.": the parser split the tag
        # off into a sentence of its own
        return _tag_after(doc[sent.end].sent, inside_quote)
    if a == sent.start or any(not (t.is_punct or t.is_space) for t in doc[b + 1 : sent.end]):
        return None  # a quote opening its sentence is speech already; one mid-sentence a term
    if sent.start == 0 or "\n" in doc.text[doc[sent.start - 1].idx : doc[sent.start].idx]:
        return None  # the previous sentence is another paragraph's
    if any(inside_quote(t.i) or is_speech_verb(t) for t in doc[sent.start : a]):
        return None
    root = sent.root
    subj = verb_subject(root, inside_quote) if root.pos_ in ("VERB", "AUX") else None
    if subj is not None and can_speak(subj):
        return None  # "Then Hale called it “a farce.”": the sentence has its own speaker
    return _tag_ending(doc[sent.start - 1].sent, inside_quote)


def _tag_ending(prev: Span, inside_quote: Callable[[int], bool]) -> Cue | None:
    """ "“…,” she says." ending ``prev``: its speech verb and speaker, right after a quote."""
    if prev[-1].text != ".":
        return None
    last_quoted = next((t.i for t in reversed(prev) if inside_quote(t.i)), None)
    if last_quoted is None:
        return None
    tag = [t for t in prev.doc[last_quoted + 1 : prev.end] if not t.is_punct]
    if not tag or len(tag) > TAG_REACH:
        return None
    verb = next((t for t in tag if is_speech_verb(t)), None)
    subj = verb_subject(verb, inside_quote) if verb is not None else None
    if verb is None or subj is None or subj.i <= last_quoted:
        return None
    return Cue(verb, verb.text, subj, contains=True)


def _tag_after(tag: Span, inside_quote: Callable[[int], bool]) -> Cue | None:
    """ ", he said." as a sentence of its own: its speech verb and speaker."""
    words = [t for t in tag if not (t.is_punct or t.is_space)]
    ending = [t for t in tag if not t.is_space]
    if not words or len(words) > TAG_REACH or ending[-1].text != ".":
        return None
    if "\n" in tag.doc.text[tag[0].idx : ending[-1].idx]:
        return None
    verb = next((t for t in words if is_speech_verb(t)), None)
    subj = verb_subject(verb, inside_quote) if verb is not None else None
    if verb is None or subj is None or subj.i < tag.start:
        return None
    return Cue(verb, verb.text, subj, contains=True)
