"""A name the tagger left untagged where it opens a sentence ("Whitfield confronted Peña",
just after a headline) while the same batch of text tags it a person's elsewhere ("Whitfield
disagreed", "Dana Whitfield"): the subject is that person, so a pronoun after it ("she said")
finds her, not the person she confronted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from reader.analysis.names import fold, strip_possessive

if TYPE_CHECKING:
    from reader.analysis.references import DiscourseState

_KEY = "reader.person_words"
#: What ends a sentence of running text (a headline has none).
_ENDS = frozenset((".", "!", "?", "\"", "”", "’", "'"))


def _person_words(doc: Doc) -> frozenset[str]:
    """Folded one-word names and last words of the batch's PERSON entities (once a doc)."""
    got = doc.user_data.get(_KEY)
    if got is None:
        words: set[str] = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent[-1].is_title:
                words.add(fold(strip_possessive(ent[-1].text)))
        got = doc.user_data[_KEY] = frozenset(words)
    return got


def tagged_person_elsewhere(st: DiscourseState, t: Token, surface: str) -> bool:
    """Whether ``surface``, one capitalised word, is a person's name elsewhere in ``t``'s doc,
    in a sentence (a headline's subject, "Quillmate raises $62 million", is not one: the
    body it names is told later, "Quillmate, a San Francisco startup") and not a name the
    text has shown to be a body's."""
    if " " in surface or not surface[:1].isupper() or not t.is_title:
        return False
    if not any(x.text in _ENDS for x in t.sent[-3:]) or st.body_named(surface):
        return False
    return fold(strip_possessive(surface)) in _person_words(t.doc)
