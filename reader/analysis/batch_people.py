"""A name the tagger left untagged where it opens a sentence ("Whitfield confronted Peña",
just after a headline) while the same batch of text tags it a person's elsewhere ("Whitfield
disagreed", "Dana Whitfield"): the subject is that person, so a pronoun after it ("she said")
finds her, not the person she confronted."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.analysis.names import fold, strip_possessive

_KEY = "reader.person_words"


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


def tagged_person_elsewhere(t: Token, surface: str) -> bool:
    """Whether ``surface``, one capitalised word, is a person's name elsewhere in ``t``'s doc."""
    if " " in surface or not surface[:1].isupper() or not t.is_title:
        return False
    return fold(strip_possessive(surface)) in _person_words(t.doc)
