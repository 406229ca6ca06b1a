"""A name the tagger took for a common noun may still speak through a weak verb ("- Pew notes
that the surveys aren't “monolithic,”", PolNeAR's HuffPost): capitalised mid-sentence, it is a
name; a common noun in lower case ("the data suggest") still cannot."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from reader.analysis.cue_types import Cue
from reader.analysis.fragment_cues import cue_allows_fragment


def _noted(nlp: Language, subject: str) -> bool:
    """Whether “monolithic” counts as a fragment in '- SUBJECT notes that it is “monolithic.”'
    as the tagger parsed it in the article: SUBJECT a common noun (NN)."""
    words = ["-", subject, "notes", "that", "it", "is", "“", "monolithic", ".", "”"]
    spaces = [True, True, True, True, True, True, False, False, False, False]
    heads = [2, 2, 2, 5, 5, 2, 7, 5, 2, 2]
    deps = ["punct", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct", "acomp", "punct", "punct"]
    tags = [":", "NN", "VBZ", "IN", "PRP", "VBZ", "``", "JJ", ".", "''"]
    pos = ["PUNCT", "NOUN", "VERB", "SCONJ", "PRON", "AUX", "PUNCT", "ADJ", "PUNCT", "PUNCT"]
    lemmas = ["-", subject.lower(), "note", "that", "it", "be", "“", "monolithic", ".", "”"]
    doc = Doc(nlp.vocab, words, spaces, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    return cue_allows_fragment(Cue(doc[2], "notes", doc[1], contains=True), 6, 9)


def test_a_capitalised_name_tagged_as_a_noun_speaks_through_a_weak_verb(nlp: Language) -> None:
    assert _noted(nlp, "Pew")


def test_a_lower_case_noun_does_not(nlp: Language) -> None:
    assert not _noted(nlp, "data")
