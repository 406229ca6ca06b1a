"""A fragment ending the sentence after a tagged quote carries on that speaker's words
("“…a criminal violation,” Hennessey added. But that's not the same thing as “properly
chargeable under the law.”", PolNeAR's Politico), and so does a fragment whose tag the parser
split off as a sentence of its own; a sentence with a speaker of its own, or in another
paragraph, does not. Each runs the real model."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from reader.analysis import Analysis
from reader.analysis.continued import continued_cue

from .conftest import speaker_of

Run = Callable[[str], Analysis]

OPENING = "Councillor Ada Hale spoke on Monday. “The budget is a mess,” Hale added. "


@pytest.mark.parametrize(
    ("rest", "opening"),
    [
        ("But that is not the same thing as “criminal neglect.”\n", "“criminal"),
        ("It's “a slow-motion failure.”\n", "“a slow"),
    ],
)
def test_a_fragment_ending_the_next_sentence_is_the_tagged_speakers(
    run: Run, rest: str, opening: str
) -> None:
    assert speaker_of(run(OPENING + rest), opening) == "Ada Hale"


def test_a_sentence_with_its_own_speaker_keeps_it(run: Run) -> None:
    text = OPENING + "Then Dale Ward called it “criminal neglect.”\n"
    assert speaker_of(run(text), "“criminal") == "Dale Ward"


def test_the_next_paragraph_does_not_carry_the_words_on(run: Run) -> None:
    analysis = run(OPENING + "\n\nIt is “criminal neglect.”\n")
    assert not [q for q in analysis.quotes if q.text.startswith("“criminal")]


def test_a_tag_split_off_by_the_parser_still_gives_the_fragment(nlp: Language) -> None:
    # the parse as the parser gave it to a news article: ", he said." a sentence of its own
    words = ["Those", "struggle", ",", "even", "with", "a", '"', "good", '"', "job", ",", "he"]
    words += ["said", "."]
    heads = [1, 1, 1, 4, 1, 9, 9, 9, 9, 4, 12, 12, 12, 12]
    deps = ["nsubj", "ROOT", "punct", "advmod", "prep", "det", "punct", "amod", "punct"]
    deps += ["pobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PRON", "VERB", "PUNCT", "ADV", "ADP", "DET", "PUNCT", "ADJ", "PUNCT", "NOUN"]
    pos += ["PUNCT", "PRON", "VERB", "PUNCT"]
    lemmas = [w.lower() for w in words[:12]] + ["say", "."]
    spaces = [True, False, True, True, True, True, False, False, True, False, True, True]
    spaces += [False, False]
    doc = Doc(nlp.vocab, words, spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    cue = continued_cue(doc[6], 8, lambda i: 6 <= i <= 8, lambda t: True)
    assert cue is not None and cue.token.text == "said"
    assert cue.subject is not None and cue.subject.text == "he"
