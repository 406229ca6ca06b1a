"""A fragment the parser made the root of its sentence, after a naming verb it left with an
object and no complement ("Trump attacked Romney, calling him, among other things, “a failed
candidate.”", PolNeAR's Western Journal): the fragment is what the verb called the object.
The parse is given by hand, as the parser gave it."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from reader.analysis.naming import lost_complement

from .conftest import hand_parsed


def _calling(nlp: Language, complement: bool = False) -> Doc:
    """Hale attacked Ward, calling him, among others, “a fraud.”"""
    rows = [
        ("Hale", "PROPN", "NNP", "nsubj", 1, "hale"),
        ("attacked", "VERB", "VBD", "ccomp", 14, "attack"),
        ("Ward", "PROPN", "NNP", "dobj", 1, "ward"),
        (",", "PUNCT", ",", "punct", 1, ","),
        ("calling", "VERB", "VBG", "advcl", 1, "call"),
        ("him", "PRON", "PRP", "dobj", 4, "he"),
        (",", "PUNCT", ",", "punct", 4, ","),
        ("among", "ADP", "IN", "oprd" if complement else "prep", 4, "among"),
        ("other", "ADJ", "JJ", "amod", 9, "other"),
        ("things", "NOUN", "NNS", "pobj", 7, "thing"),
        (",", "PUNCT", ",", "punct", 14, ","),
        ("“", "PUNCT", "``", "punct", 14, "“"),
        ("a", "DET", "DT", "det", 14, "a"),
        ("failed", "VERB", "VBN", "amod", 14, "fail"),
        ("candidate", "NOUN", "NN", "ROOT", 14, "candidate"),
        (".", "PUNCT", ".", "punct", 14, "."),
        ("”", "PUNCT", "''", "punct", 14, "”"),
    ]
    return hand_parsed(
        nlp,
        [r[0] for r in rows],
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )


def test_a_fragment_taken_for_the_root_is_the_naming_verbs_complement(nlp: Language) -> None:
    doc = _calling(nlp)
    cue = lost_complement(doc, 11, 16, lambda i: 11 <= i <= 16)
    assert cue is not None and cue.token.text == "calling"
    assert cue.subject is not None and cue.subject.text == "Hale"


def test_a_naming_verb_with_a_complement_of_its_own_gives_none(nlp: Language) -> None:
    assert lost_complement(_calling(nlp, complement=True), 11, 16, lambda i: 11 <= i <= 16) is None
