"""A verb the lexicon lacks is a quote's speech verb after a closing quote only when the name
after it is its subject ('"…," recalled Roy Verley'), not its object ('"…," left Maria Lopez
there'), and the mark before it closes a quote ('He wrote, "hired John Smith…' opens one).
The tokens are spaCy's own, with the parse given so that each case is the one named."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from reader.analysis.speech_verb import inverted_after_quote

_VOCAB = spacy.blank("en").vocab  # English lexical attributes ("." is punctuation)
_POS = {"VBD": "VERB", "NNP": "PROPN", "PRP": "PRON", "RB": "ADV"}


def _verb(words: str, glued: set[int], parse: list[tuple[str, str, int]]) -> bool:
    """Whether the verb (the first VBD after the comma) is taken for speech; ``glued`` the
    tokens with no space after them, ``parse`` each token's tag, dependency and head."""
    tokens = words.split()
    doc = Doc(
        _VOCAB,
        words=tokens,
        spaces=[i not in glued for i in range(len(tokens))],
        tags=[t for t, _, _ in parse],
        pos=[_POS.get(t, "PUNCT") for t, _, _ in parse],
        deps=[d for _, d, _ in parse],
        heads=[h for _, _, h in parse],
    )
    names = [i for i, (t, _, _) in enumerate(parse) if t == "NNP"]
    first, last = doc[names[0]], doc[names[-1]]
    doc.ents = [doc.char_span(first.idx, last.idx + len(last), "PERSON")]
    comma = tokens.index(",")
    return inverted_after_quote(doc[comma + 2])


def _closing(name_dep: str, verb: str, first: str, last: str) -> bool:
    """'"We lost," VERB FIRST LAST there.' with the name as ``name_dep`` of the verb."""
    parse = [
        ("``", "punct", 5), ("PRP", "nsubj", 2), ("VBD", "ccomp", 5), (",", "punct", 5),
        ("''", "punct", 5), ("VBD", "ROOT", 5), ("NNP", "compound", 7),
        ("NNP", name_dep, 5), ("RB", "advmod", 5), (".", "punct", 5),
    ]  # fmt: skip
    return _verb(f'" We lost , " {verb} {first} {last} there .', {0, 2, 3, 8}, parse)


def test_the_named_subject_after_a_closing_quote_makes_the_verb_speech() -> None:
    assert _closing("nsubj", "recalled", "Roy", "Verley")


def test_a_named_object_does_not() -> None:
    assert not _closing("dobj", "left", "Maria", "Lopez")


def test_a_straight_mark_that_opens_a_quote_does_not() -> None:
    parse = [
        ("PRP", "nsubj", 1), ("VBD", "ROOT", 1), (",", "punct", 1), ("``", "punct", 1),
        ("VBD", "ccomp", 4), ("NNP", "compound", 6), ("NNP", "nsubj", 4),
        ("RB", "advmod", 4), (".", "punct", 1),
    ]  # fmt: skip
    assert not _verb('He wrote , " hired John Smith there .', {1, 3, 7}, parse)


def test_an_object_ending_the_clause_of_a_verb_with_no_subject_is_its_subject() -> None:
    # '"…," thundered Mr. Bumble.': the parser reads the inverted subject as an object
    parse = [
        ("``", "punct", 5), ("PRP", "nsubj", 2), ("VBD", "ccomp", 5), (",", "punct", 5),
        ("''", "punct", 5), ("VBD", "ROOT", 5), ("NNP", "compound", 7),
        ("NNP", "dobj", 5), (".", "punct", 5),
    ]  # fmt: skip
    assert _verb('" We lost , " thundered Mr. Bumble .', {0, 2, 3, 7}, parse)
