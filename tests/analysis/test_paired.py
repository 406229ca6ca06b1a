"""Fragments the clause rules find no speaker for, but the sentence pairs with a kept quote
("he rails against its “cheating” and “financial blackmail”", "calling them “frijoleros”
(“beaners”)", PolNeAR's Washington Post), and a share of the people a poll asked as the one
who gives the answer ("22 percent say he is “not at all responsible”"). The parses of
``paired_cue``'s tests are given by hand, as the parser gave such sentences in news; the
others run the real model."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from reader.analysis import Analysis
from reader.analysis.cue_types import Cue
from reader.analysis.paired import paired_cue

from .conftest import hand_parsed, speaker_of

Run = Callable[[str], Analysis]


def _doc(nlp: Language, rows: list[tuple[str, str, str, int]]) -> Doc:
    """A parsed Doc from (word, pos, dep, head) rows, one space after every word."""
    return hand_parsed(
        nlp,
        [r[0] for r in rows],
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
    )


def _rails(nlp: Language, second_dep: str = "conj") -> Doc:
    """He rails against its “cheating” and “blackmail”."""
    return _doc(
        nlp,
        [
            ("He", "PRON", "nsubj", 1),
            ("rails", "VERB", "ROOT", 1),
            ("against", "ADP", "prep", 1),
            ("its", "PRON", "poss", 5),
            ("“", "PUNCT", "punct", 5),
            ("cheating", "NOUN", "pobj", 2),
            ("”", "PUNCT", "punct", 5),
            ("and", "CCONJ", "cc", 5),
            ("“", "PUNCT", "punct", 9),
            ("blackmail", "NOUN", second_dep, 5 if second_dep == "conj" else 1),
            ("”", "PUNCT", "punct", 9),
            (".", "PUNCT", "punct", 1),
        ],
    )


def test_a_fragment_coordinated_with_a_kept_quote_takes_its_cue(nlp: Language) -> None:
    doc = _rails(nlp)
    cue = Cue(doc[1], "rails", doc[0], contains=True)
    assert paired_cue(doc, 8, 10, 0, [(4, 6, cue)]) is cue


def test_a_kept_quote_of_an_earlier_sentence_pairs_nothing(nlp: Language) -> None:
    doc = _rails(nlp)
    cue = Cue(doc[1], "rails", doc[0], contains=True)
    assert paired_cue(doc, 8, 10, 7, [(4, 6, cue)]) is None


def test_a_fragment_not_coordinated_with_the_quote_is_not_paired(nlp: Language) -> None:
    doc = _rails(nlp, second_dep="dobj")
    cue = Cue(doc[1], "rails", doc[0], contains=True)
    assert paired_cue(doc, 8, 10, 0, [(4, 6, cue)]) is None


def test_a_gloss_in_brackets_after_a_kept_quote_takes_its_cue(nlp: Language) -> None:
    # calling them “ladrones” (“thieves”)
    doc = _doc(
        nlp,
        [
            ("calling", "VERB", "ROOT", 0),
            ("them", "PRON", "dobj", 0),
            ("“", "PUNCT", "punct", 3),
            ("ladrones", "NOUN", "oprd", 0),
            ("”", "PUNCT", "punct", 3),
            ("(", "PUNCT", "punct", 7),
            ("“", "PUNCT", "punct", 7),
            ("thieves", "NOUN", "appos", 3),
            ("”", "PUNCT", "punct", 7),
            (")", "PUNCT", "punct", 7),
        ],
    )
    cue = Cue(doc[0], "calling", None, contains=True)
    assert paired_cue(doc, 6, 8, 0, [(2, 4, cue)]) is cue
    assert paired_cue(doc, 6, 8, 0, []) is None


def _supports(nlp: Language, subject: bool = False) -> Doc:
    """Hale supports “raises,” (she) opposes “freezes”: the parser hung the first verb from the
    second, which it left with no subject."""
    rows = [
        ("Hale", "PROPN", "nsubj", 1),
        ("supports", "VERB", "ccomp", 7 if subject else 6),
        ("“", "PUNCT", "punct", 3),
        ("raises", "NOUN", "dobj", 1),
        (",", "PUNCT", "punct", 3),
        ("”", "PUNCT", "punct", 3),
    ]
    if subject:
        rows.append(("she", "PRON", "nsubj", 7))
    n = len(rows)
    rows += [
        ("opposes", "VERB", "ROOT", n),
        ("“", "PUNCT", "punct", n + 2),
        ("freezes", "NOUN", "dobj", n),
        ("”", "PUNCT", "punct", n + 2),
    ]
    doc = _doc(nlp, rows)
    for t, tag in zip(doc, ["NNP", "VBZ", "``", "NNS", ",", "''"], strict=False):
        t.tag_ = tag
    doc[n].tag_ = "VBZ"
    return doc


def test_a_fragment_under_a_verb_left_without_subject_takes_the_kept_cue(nlp: Language) -> None:
    doc = _supports(nlp)
    cue = Cue(doc[1], "supports", doc[0], contains=True)
    assert paired_cue(doc, 7, 9, 0, [(2, 5, cue)]) is cue


def test_a_verb_with_a_subject_of_its_own_is_not_paired(nlp: Language) -> None:
    doc = _supports(nlp, subject=True)
    cue = Cue(doc[1], "supports", doc[0], contains=True)
    assert paired_cue(doc, 8, 10, 0, [(2, 5, cue)]) is None


def test_a_share_of_those_polled_gives_the_answer(run: Run) -> None:
    text = (
        "The Ledger poll also found that while 37 percent of voters say the mayor is “very"
        " responsible” for the delays, 22 percent say she is “not at all responsible.”\n"
    )
    assert speaker_of(run(text), "“not at all") == "Ledger"


def test_words_inside_the_share_s_own_phrase_are_not_its_answer(run: Run) -> None:
    text = "In the Ledger poll, only 21 percent who chose “honest and trustworthy” backed Hale.\n"
    assert not run(text).quotes


def test_a_share_of_things_under_a_verb_of_no_answer_is_not_a_source(run: Run) -> None:
    text = (
        "The county published its annual budget review on Friday.\n\n"
        "A third of the roads need “urgent repair.”\n\n"
        "A majority of the funds support “core services.”\n"
    )
    assert all("third" not in (q.speaker or "") for q in run(text).quotes)
